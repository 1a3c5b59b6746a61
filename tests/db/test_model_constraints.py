"""The database itself refuses records that break the rules, whatever code writes them."""

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from lbsdesk.db.models import (
    Consent, FollowUp, Learner, LearnerPlan, Milestone, OutreachActivity, Partner, Referral,
    ReferralStatusEntry, StageEntry,
)


@pytest.fixture
def people(session):
    partner = Partner(partner_key="P1", name="Ontario Works", org_type="ontario_works")
    learner = Learner(learner_key="L1", first_name="Ann", last_name="Roy", intake_date=date(2026, 9, 1))
    session.add_all([partner, learner])
    session.flush()
    return learner, partner


def _refused(session, record):
    session.add(record)
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()


def test_a_referral_has_a_partner_or_a_source_not_both(session, people):
    learner, partner = people
    _refused(session, Referral(referral_key="R1", learner_id=learner.id, direction="in", referral_date=date(2026, 9, 2),
                               partner_id=partner.id, source="self"))


def test_a_referral_with_neither_partner_nor_source_is_refused(session, people):
    learner, _ = people
    _refused(session, Referral(referral_key="R1", learner_id=learner.id, direction="in", referral_date=date(2026, 9, 2)))


def test_an_informal_source_is_never_formal(session, people):
    learner, _ = people
    _refused(session, Referral(referral_key="R1", learner_id=learner.id, direction="in", referral_date=date(2026, 9, 2),
                               source="word_of_mouth", formal=True))


def test_an_out_referral_always_has_a_partner(session, people):
    learner, _ = people
    _refused(session, Referral(referral_key="R1", learner_id=learner.id, direction="out", referral_date=date(2026, 9, 2),
                               source="self"))


def test_exit_before_intake_is_refused(session):
    _refused(session, Learner(learner_key="L9", first_name="A", last_name="B", intake_date=date(2026, 9, 2),
                              exit_date=date(2026, 9, 1)))


def test_satisfaction_is_1_to_5_and_follow_ups_are_3_6_12(session, people):
    learner, _ = people
    _refused(session, Learner(learner_key="L9", first_name="A", last_name="B", intake_date=date(2026, 9, 2), satisfaction=6))
    _refused(session, FollowUp(learner_id=learner.id, months=4, done_date=date(2026, 12, 1)))


def test_duplicate_keys_are_refused(session, people):
    _refused(session, Learner(learner_key="L1", first_name="Other", last_name="Person", intake_date=date(2026, 9, 2)))


def test_a_full_learner_file_holds_together(session, people):
    learner, partner = people
    plan = LearnerPlan(learner_id=learner.id, number=1, goal_path="employment", goal="Forklift licence",
                       culminating_task="Complete a job application")
    plan.milestones.append(Milestone(description="Read a safety notice", competency="A", level=2))
    session.add_all([
        plan,
        StageEntry(learner_id=learner.id, stage="initial", entered_date=date(2026, 9, 1)),
        Consent(learner_id=learner.id, scope="named_partners", signed_date=date(2026, 9, 1), partners=[partner]),
        OutreachActivity(activity_date=date(2026, 9, 3), kind="presentation", title="OW staff meeting", partners=[partner]),
    ])
    referral = Referral(referral_key="R1", learner_id=learner.id, direction="out", referral_date=date(2026, 9, 2),
                        partner_id=partner.id, formal=True)
    referral.status_history.append(ReferralStatusEntry(status="sent", status_date=date(2026, 9, 2)))
    session.add(referral)
    session.flush()
    session.refresh(learner)
    assert [p.goal for p in learner.plans] == ["Forklift licence"]
    assert learner.plans[0].milestones[0].competency == "A"
    assert learner.consents[0].partners == [partner]
    assert [r.status_history[0].status for r in learner.referrals] == ["sent"]
