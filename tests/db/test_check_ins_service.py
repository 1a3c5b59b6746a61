"""Check-ins with the learner and the tutor, the needs they notice, and the referral a need suggests."""

from datetime import date

import pytest

from lbsdesk.db.models import Learner
from lbsdesk.domain.codes import NEEDS, ORG_TYPES, SERVICES_REQUESTED
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.check_ins import (
    CheckInRecord,
    add_check_in,
    check_ins_of,
    delete_check_in,
    last_check_in_date,
    save_check_in,
    suggested_referral_for_need,
)

TODAY = date(2026, 9, 15)


@pytest.fixture
def learner(session):
    person = Learner(learner_key="L00001", first_name="Luc", last_name="Gagnon", intake_date=date(2026, 3, 2))
    session.add(person)
    session.flush()
    return person


def test_check_ins_are_listed_newest_first_with_their_needs(session, learner):
    add_check_in(session, learner.id, CheckInRecord(check_in_date=date(2026, 4, 1), notes="Going well"), today=TODAY)
    add_check_in(session, learner.id, CheckInRecord(check_in_date=date(2026, 5, 3), with_whom="tutor",
                                                    needs_noticed=["housing", "transportation", "housing"]),
                 staff_id=None, today=TODAY)
    rows = check_ins_of(session, learner.id)
    assert [(r.check_in_date, r.with_whom, r.needs_noticed) for r in rows] == [
        (date(2026, 5, 3), "tutor", ["housing", "transportation"]),
        (date(2026, 4, 1), "learner", []),
    ]
    assert last_check_in_date(session, learner.id) == date(2026, 5, 3)


def test_a_check_in_can_be_corrected_and_removed(session, learner):
    record = CheckInRecord(check_in_date=date(2026, 4, 1))
    save_check_in(session, learner.id, record, today=TODAY)
    record.notes = "  Asked about child care  "
    record.needs_noticed = ["child_care"]
    save_check_in(session, learner.id, record, today=TODAY)
    [row] = check_ins_of(session, learner.id)
    assert (row.id, row.notes, row.needs_noticed) == (record.id, "Asked about child care", ["child_care"])
    delete_check_in(session, record.id)
    assert check_ins_of(session, learner.id) == []


def test_bad_check_ins_name_the_field(session, learner):
    with pytest.raises(ValidationFailed) as failure:
        add_check_in(session, learner.id, CheckInRecord(check_in_date=date(2026, 3, 1), with_whom="parent",
                                                        needs_noticed=["money"]), today=TODAY)
    assert set(failure.value.problems) == {"check_in_date", "with_whom", "needs_noticed"}
    assert "before the intake date" in failure.value.problems["check_in_date"]
    with pytest.raises(ValidationFailed, match="in the future"):
        add_check_in(session, learner.id, CheckInRecord(check_in_date=date(2026, 9, 16)), today=TODAY)
    learner.exit_date = date(2026, 8, 1)
    with pytest.raises(ValidationFailed, match="record a follow-up instead"):
        add_check_in(session, learner.id, CheckInRecord(check_in_date=date(2026, 8, 2)), today=TODAY)


@pytest.mark.parametrize(
    ("need", "service"),
    [("housing", "housing"), ("child_care", "child_care"), ("health", "health"),
     ("transportation", "transportation"), ("income", "ow_odsp"), ("employment", "employment_services")],
)
def test_a_noticed_need_prefills_a_referral_out(need, service):
    prefill = suggested_referral_for_need(need, noticed_on=date(2026, 5, 3))
    assert prefill["services_requested"] == service
    assert prefill["direction"] == "out"
    assert "2026-05-03" in prefill["reason"]


def test_every_need_has_a_suggestion_on_the_code_lists():
    for need in NEEDS.codes:
        prefill = suggested_referral_for_need(need)
        assert prefill["services_requested"] in SERVICES_REQUESTED
        assert prefill["org_types"] and all(t in ORG_TYPES for t in prefill["org_types"])
    assert suggested_referral_for_need("food")["services_other"] == "Food"
    with pytest.raises(LbsDeskError, match="not a need"):
        suggested_referral_for_need("pizza")
