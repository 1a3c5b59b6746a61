"""The monthly figures read from the database agree with the counting rules over all the data."""

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from lbsdesk.db.models import FollowUp, Inquiry, Learner, Partner, Referral
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.domain.monthly_figures import InquiryFacts, LearnerFacts, ReferralFacts, compute_monthly_figures
from lbsdesk.services.monthly_report import figures_as_csv, monthly_figures, monthly_figures_from_rows


def _random_agency(session, rng: random.Random, learners: int = 80):
    start = date(2025, 1, 1)
    partners = [
        Partner(partner_key=f"P{i}", name=f"Partner {i}", org_type=org)
        for i, org in enumerate(["ontario_works", "odsp", "housing", "food_bank", "employment_services"])
    ]
    session.add_all(partners)
    session.flush()
    for i in range(learners):
        intake = start + timedelta(days=rng.randrange(0, 700))
        exit_date = intake + timedelta(days=rng.randrange(0, 400)) if rng.random() < 0.5 else None
        person = Learner(
            learner_key=f"L{i:03d}", first_name="A", last_name="B", intake_date=intake, exit_date=exit_date,
            goal_path=rng.choice([None, "employment", "independence", "postsecondary"]),
        )
        session.add(person)
        session.flush()
        for j in range(rng.randrange(0, 4)):
            day = intake + timedelta(days=rng.randrange(-20, 300))
            informal = rng.random() < 0.3
            direction = "in" if informal or rng.random() < 0.5 else "out"
            session.add(
                Referral(
                    referral_key=f"R{i:03d}-{j}", learner_id=person.id, direction=direction, referral_date=day,
                    partner_id=None if informal else rng.choice(partners).id,
                    source=rng.choice(["word_of_mouth", "self"]) if informal else None,
                    formal=(not informal) and rng.random() < 0.8,
                    cams_entered_date=day + timedelta(days=rng.randrange(0, 60)) if rng.random() < 0.7 else None,
                )
            )
        if exit_date and rng.random() < 0.4:
            session.add(FollowUp(learner_id=person.id, months=rng.choice([3, 6, 12]), done_date=exit_date))
        if i > 0 and rng.random() < 0.05:  # a duplicate file merged into another: counts nowhere
            person.merged_into_id = rng.randrange(1, person.id)
    for k in range(120):
        session.add(
            Inquiry(
                inquiry_key=f"Q{k}", inquiry_date=start + timedelta(days=rng.randrange(0, 700)),
                channel=rng.choice(["phone", "walk_in", "email"]), source=rng.choice([None, "word_of_mouth", "odsp"]),
            )
        )
    session.flush()


def _figures_from_everything(session, month):
    keys = dict(session.execute(select(Learner.id, Learner.learner_key)).all())
    org_types = dict(session.execute(select(Partner.id, Partner.org_type)).all())
    learners = [
        LearnerFacts(l.learner_key, l.intake_date, l.exit_date, l.goal_path)
        for l in session.scalars(select(Learner).where(Learner.merged_into_id.is_(None)))
    ]
    referrals = [
        ReferralFacts(r.referral_key, keys[r.learner_id], r.direction, r.referral_date, r.formal,
                      org_types.get(r.partner_id) or r.source, r.cams_entered_date)
        for r in session.scalars(select(Referral))
    ]
    inquiries = [InquiryFacts(q.inquiry_date, q.channel, q.source, q.learner_id is not None) for q in session.scalars(select(Inquiry))]
    done = {(keys[f.learner_id], f.months) for f in session.scalars(select(FollowUp))}
    return compute_monthly_figures(month, learners=learners, referrals=referrals, inquiries=inquiries, follow_ups_done=done)


@pytest.mark.parametrize("seed", [7, 8, 9])
def test_both_ways_of_counting_agree_with_the_rules_over_every_row(session, seed):
    """monthly_figures (set-based SQL) and monthly_figures_from_rows (the pure rules over the rows
    that may count) both equal the pure rules over every row, for every month of two and a half years."""
    _random_agency(session, random.Random(seed))
    month = Month(2024, 12)
    while month <= Month(2027, 4):
        expected = _figures_from_everything(session, month)
        assert monthly_figures(session, month) == expected, str(month)
        assert monthly_figures_from_rows(session, month) == expected, str(month)
        month = month.plus(1)


def test_a_small_agency_by_hand(session):
    ow = Partner(partner_key="P1", name="Ontario Works", org_type="ontario_works")
    bank = Partner(partner_key="P2", name="Food bank", org_type="food_bank")
    session.add_all([ow, bank])
    session.flush()
    stays = Learner(learner_key="L1", first_name="Marie", last_name="Côté", intake_date=date(2026, 9, 30), goal_path="employment")
    leaves = Learner(learner_key="L2", first_name="Tom", last_name="Hill", intake_date=date(2026, 4, 2), exit_date=date(2026, 9, 1))
    session.add_all([stays, leaves])
    session.flush()
    session.add_all([
        Referral(referral_key="R1", learner_id=leaves.id, direction="in", referral_date=date(2026, 4, 2), partner_id=ow.id, formal=True, cams_entered_date=date(2026, 4, 3)),
        Referral(referral_key="R2", learner_id=stays.id, direction="in", referral_date=date(2026, 9, 30), source="word_of_mouth", formal=False),
        Referral(referral_key="R3", learner_id=leaves.id, direction="out", referral_date=date(2026, 9, 1), partner_id=bank.id, formal=True),
    ])
    session.flush()
    result = monthly_figures(session, Month(2026, 9))
    assert result["learners"] == {"active": 2, "new": 1, "exited": 1, "by_goal_path": {"employment": 1, "unknown": 1}}
    assert result["referrals_in"] == {"total": 1, "formal": 0, "by_type": {"word_of_mouth": 1}}
    assert result["referrals_out"] == {"total": 1, "formal": 1, "by_type": {"food_bank": 1}}
    assert result["service_coordination"]["closed_plans"] == 1
    assert result["service_coordination"]["formal_referrals_on_closed"] == 2
    assert result["service_coordination"]["percent"] == 100.0
    assert result["gaps"] == ["L1"]
    assert result["not_in_cams"] == ["R3"]
    csv_text = figures_as_csv(result)
    assert csv_text.splitlines()[0] == "section,key,value"
    assert "service_coordination,percent,100.0" in csv_text
