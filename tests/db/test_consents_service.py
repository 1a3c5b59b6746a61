"""Consents: scope, dates, withdrawal, and whether information may go to a partner."""

from datetime import date

import pytest

from lbsdesk.db.models import Learner, Partner
from lbsdesk.errors import ValidationFailed
from lbsdesk.services.consents import ConsentRecord, consents_of, may_share_with, save_consent, withdraw_consent

TODAY = date(2026, 9, 15)


@pytest.fixture
def people(session):
    learner = Learner(learner_key="L1", first_name="Ann", last_name="Roy", intake_date=date(2026, 9, 1))
    housing = Partner(partner_key="P1", name="Housing Help", org_type="housing")
    bank = Partner(partner_key="P2", name="Food bank", org_type="food_bank")
    session.add_all([learner, housing, bank])
    session.flush()
    return learner, housing, bank


def test_a_consent_with_named_partners_covers_only_them(session, people):
    learner, housing, bank = people
    save_consent(session, learner.id, ConsentRecord(scope="named_partners", signed_date=date(2026, 9, 2),
                                                    partner_ids=[housing.id]), today=TODAY)
    assert may_share_with(session, learner.id, housing.id, TODAY)
    assert not may_share_with(session, learner.id, bank.id, TODAY)
    assert learner.consent_to_share is None  # named partners only: no general consent


def test_an_all_partners_consent_sets_the_learners_summary_and_withdrawal_clears_it(session, people):
    learner, housing, bank = people
    consent_id = save_consent(session, learner.id, ConsentRecord(signed_date=date(2026, 9, 2)), today=TODAY)
    assert (learner.consent_to_share, learner.consent_date) == (True, date(2026, 9, 2))
    assert may_share_with(session, learner.id, bank.id, TODAY)
    withdraw_consent(session, consent_id, date(2026, 9, 10), today=TODAY)
    assert learner.consent_to_share is False
    assert not may_share_with(session, learner.id, bank.id, TODAY)
    assert may_share_with(session, learner.id, bank.id, date(2026, 9, 9))  # it covered the days before
    assert consents_of(session, learner.id)[0].withdrawn_date == date(2026, 9, 10)


def test_an_expired_consent_no_longer_covers(session, people):
    learner, housing, _ = people
    save_consent(session, learner.id, ConsentRecord(signed_date=date(2026, 1, 2), expiry_date=date(2026, 9, 14)), today=TODAY)
    assert not may_share_with(session, learner.id, housing.id, TODAY)
    assert may_share_with(session, learner.id, housing.id, date(2026, 9, 14))


def test_bad_consents_name_the_field(session, people):
    learner, *_ = people
    with pytest.raises(ValidationFailed) as failure:
        save_consent(session, learner.id, ConsentRecord(scope="named_partners", signed_date=date(2026, 9, 2),
                                                        expiry_date=date(2026, 9, 1)))
    assert set(failure.value.problems) == {"expiry_date", "partner_ids"}
    with pytest.raises(ValidationFailed) as failure:
        save_consent(session, learner.id, ConsentRecord(signed_date=None))
    assert "Given on" in failure.value.problems["signed_date"]


def test_an_imported_summary_consent_covers_all_partners(session, people):
    learner, housing, _ = people
    learner.consent_to_share, learner.consent_date = True, date(2026, 9, 1)
    session.flush()
    assert may_share_with(session, learner.id, housing.id, TODAY)
    assert not may_share_with(session, learner.id, housing.id, date(2026, 8, 31))
