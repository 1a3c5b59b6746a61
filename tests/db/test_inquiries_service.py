"""The daily inquiry log service."""

from datetime import date

import pytest

from lbsdesk.services.inquiries import (
    add_inquiry,
    learner_record_from_inquiry,
    link_inquiry_to_learner,
    recent_inquiries,
)
from lbsdesk.services.learners import LearnerRecord, ValidationFailed, merge_learners, save_learner

TODAY = date(2026, 11, 20)


def test_add_and_list_newest_first(session):
    first = add_inquiry(session, inquiry_date=date(2026, 11, 2), channel="phone", source="word_of_mouth", notes=" Asked about GED ", today=TODAY)
    second = add_inquiry(session, inquiry_date=TODAY, channel="walk_in", source="ontario_works", notes=None, today=TODAY)
    third = add_inquiry(session, inquiry_date=TODAY, channel="email", source=None, notes="", today=TODAY)
    rows = recent_inquiries(session)
    assert [r.id for r in rows] == [third, second, first]
    assert [r.inquiry_key for r in rows] == ["Q000003", "Q000002", "Q000001"]
    assert rows[2].notes == "Asked about GED" and rows[0].notes is None and rows[0].source is None
    assert [r.id for r in recent_inquiries(session, since=TODAY)] == [third, second]
    assert [r.id for r in recent_inquiries(session, limit=1)] == [third]


@pytest.mark.parametrize(
    "kw, field",
    [
        ({"channel": "fax"}, "channel"),
        ({"channel": ""}, "channel"),
        ({"source": "billboard"}, "source"),
        ({"inquiry_date": date(2026, 11, 21)}, "inquiry_date"),
    ],
)
def test_bad_codes_refused(session, kw, field):
    values = {"inquiry_date": TODAY, "channel": "phone", "source": None, "notes": None}
    values.update(kw)
    with pytest.raises(ValidationFailed) as failure:
        add_inquiry(session, today=TODAY, **values)
    assert field in failure.value.problems
    assert recent_inquiries(session) == []


def test_enrol_prefills_and_links(session):
    inquiry = add_inquiry(session, inquiry_date=date(2026, 11, 2), channel="phone", source="word_of_mouth", notes="Wants to drive a truck", today=TODAY)
    record = learner_record_from_inquiry(session, inquiry, today=TODAY)
    assert record.id is None and record.intake_date == TODAY and record.learner_key == "L00001"
    assert "Q000001" in record.notes and "Word of mouth" in record.notes and "Wants to drive a truck" in record.notes
    record.first_name, record.last_name = "Jean", "Roy"
    learner_id = save_learner(session, record, today=TODAY)
    link_inquiry_to_learner(session, inquiry, learner_id)
    row = recent_inquiries(session)[0]
    assert (row.learner_id, row.learner_name) == (learner_id, "Jean Roy")


def test_link_to_merged_learner_goes_to_the_kept_one(session):
    keep = save_learner(session, LearnerRecord(learner_key="L1", first_name="A", last_name="B", intake_date=TODAY), today=TODAY)
    gone = save_learner(session, LearnerRecord(learner_key="L2", first_name="A", last_name="B", intake_date=TODAY), today=TODAY)
    merge_learners(session, keep, gone)
    inquiry = add_inquiry(session, inquiry_date=TODAY, channel="phone", source=None, notes=None, today=TODAY)
    link_inquiry_to_learner(session, inquiry, gone)
    assert recent_inquiries(session)[0].learner_id == keep
