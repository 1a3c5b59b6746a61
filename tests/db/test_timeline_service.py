"""The timeline's data: stage bands, every event as a dated marker that opens its record, overdue ones flagged."""

from datetime import date

import pytest

from lbsdesk.db.models import Inquiry, Learner, Partner, Referral, StageEntry
from lbsdesk.services.check_ins import CheckInRecord, add_check_in
from lbsdesk.services.exits import record_exit, record_follow_up
from lbsdesk.services.plans import MilestoneRecord, PlanRecord, advance_stage, record_review, save_plan
from lbsdesk.services.timeline import EVENT_KINDS, timeline_for

INTAKE = date(2025, 3, 3)


@pytest.fixture
def history(session):
    """A learner from inquiry to a year after exit, built through the services."""
    partner = Partner(partner_key="P1", name="Ontario Works Port Alder", org_type="ontario_works")
    housing = Partner(partner_key="P2", name="Alder Housing", org_type="housing")
    learner = Learner(learner_key="L00007", first_name="Marie", last_name="Côté", intake_date=INTAKE, stage="initial")
    session.add_all([partner, housing, learner])
    session.flush()
    session.add_all([
        StageEntry(learner_id=learner.id, stage="initial", entered_date=INTAKE),
        Inquiry(inquiry_key="I1", inquiry_date=date(2025, 2, 20), channel="phone", source="ontario_works",
                learner_id=learner.id),
        Referral(referral_key="R1", learner_id=learner.id, direction="in", referral_date=date(2025, 2, 25),
                 partner_id=partner.id, formal=True, status="accepted"),
    ])
    session.flush()
    today = date(2025, 4, 1)
    advance_stage(session, learner.id, date(2025, 3, 17), today=today)
    plan_id = save_plan(session, learner.id, PlanRecord(
        written_date=date(2025, 3, 17), goal_path="employment", goal="Work in a grocery store",
        assessment_results="Reading level 2, numeracy level 1", culminating_task="Complete a job application",
        review_interval_days=60,
        milestones=[MilestoneRecord(description="Read a work schedule", competency="A", level=1,
                                    planned_date=date(2025, 4, 15)),
                    MilestoneRecord(description="Count a cash float", competency="C", level=2,
                                    planned_date=date(2025, 3, 25), attempted_date=date(2025, 3, 25),
                                    completed_date=date(2025, 3, 31))],
    ), today=today)
    advance_stage(session, learner.id, date(2025, 3, 24), today=today)
    today = date(2025, 9, 1)
    record_review(session, plan_id, date(2025, 5, 16), "On track", today=today)
    add_check_in(session, learner.id, CheckInRecord(check_in_date=date(2025, 4, 20), needs_noticed=["housing"]),
                 today=today)
    out = Referral(referral_key="R2", learner_id=learner.id, direction="out", referral_date=date(2025, 4, 22),
                   partner_id=housing.id, formal=True, status="sent")
    session.add(out)
    session.flush()
    return learner, plan_id, out


def test_an_active_learners_timeline_has_every_event_and_the_overdue_ones(session, history):
    learner, plan_id, out = history
    timeline = timeline_for(session, learner.id, today=date(2025, 6, 1))
    assert (timeline.learner_key, timeline.today, timeline.current_stage) == ("L00007", date(2025, 6, 1), "participation")
    assert [(s.stage, s.from_date, s.to_date) for s in timeline.spans] == [
        ("initial", INTAKE, date(2025, 3, 17)),
        ("commencement", date(2025, 3, 17), date(2025, 3, 24)),
        ("participation", date(2025, 3, 24), None),
    ]
    kinds = [e.kind for e in timeline.events]
    for kind in ("inquiry", "referral_in", "intake", "assessment", "plan_written", "review", "review_due",
                 "milestone_planned", "milestone_attempted", "milestone_completed", "check_in", "check_in_due",
                 "referral_out"):
        assert kind in kinds, kind
    assert [e.date for e in timeline.events] == sorted(e.date for e in timeline.events)
    by_kind = {e.kind: e for e in timeline.events}
    assert (by_kind["referral_out"].status, by_kind["referral_out"].overdue) == ("sent", True)  # 40 days, no reply
    assert (by_kind["referral_out"].record_kind, by_kind["referral_out"].record_id) == ("referral", out.id)
    assert "Alder Housing" in by_kind["referral_out"].label
    assert by_kind["referral_in"].formal is True and by_kind["referral_in"].status == "accepted"
    assert by_kind["inquiry"].label == "Inquiry (Phone): heard from Ontario Works"
    assert (by_kind["review_due"].date, by_kind["review_due"].overdue) == (date(2025, 7, 15), False)
    assert (by_kind["check_in_due"].date, by_kind["check_in_due"].overdue) == (date(2025, 5, 25), True)
    assert "needs housing" in by_kind["check_in"].label
    planned = [e for e in timeline.events if e.kind == "milestone_planned"]
    assert [(e.date, e.overdue) for e in planned] == [(date(2025, 3, 25), False), (date(2025, 4, 15), True)]
    assert by_kind["plan_written"].record_kind == "plan" and by_kind["plan_written"].record_id == plan_id
    assert {e.kind for e in timeline.overdue_events} == {"referral_out", "check_in_due", "milestone_planned"}
    assert timeline.first_date == date(2025, 2, 20) and timeline.last_date == date(2025, 7, 15)


def test_after_exit_the_timeline_shows_closure_the_exit_and_the_follow_ups(session, history):
    learner, _plan_id, _out = history
    session.get(Referral, _out.id).reply_received_date = date(2025, 5, 1)
    record_exit(session, learner.id, exit_date=date(2025, 8, 29), reason="Found employment", outcome="Part-time job",
                satisfaction=5, today=date(2025, 9, 1))
    record_follow_up(session, learner.id, 3, done_on=date(2025, 12, 1), outcome="Still working", today=date(2026, 6, 1))
    timeline = timeline_for(session, learner.id, today=date(2026, 6, 1))
    assert timeline.spans[-1].stage == "closure" and timeline.spans[-1].from_date == date(2025, 8, 29)
    assert timeline.spans[-2].to_date == date(2025, 8, 29)
    follow = [(e.kind, e.months, e.date, e.status, e.overdue) for e in timeline.events if e.kind.startswith("follow_up")]
    assert follow == [
        ("follow_up_done", 3, date(2025, 12, 1), "done", False),
        ("follow_up_due", 6, date(2026, 2, 28), "overdue", True),  # 29 August + 6 months
        ("follow_up_due", 12, date(2026, 8, 29), "upcoming", False),
    ]
    exit_event = next(e for e in timeline.events if e.kind == "exit")
    assert exit_event.label == "Exit: Found employment (satisfaction 5/5)"
    kinds = {e.kind for e in timeline.events}
    assert "check_in_due" not in kinds and "review_due" not in kinds  # nothing is due on a closed plan
    assert not any(e.overdue for e in timeline.events if e.kind.startswith("milestone"))
    assert {e.kind for e in timeline.events} <= set(EVENT_KINDS)


def test_a_new_learner_has_one_band_and_the_intake(session):
    learner = Learner(learner_key="L00009", first_name="Ann", last_name="Roy", intake_date=date(2026, 9, 1))
    session.add(learner)
    session.flush()
    timeline = timeline_for(session, learner.id, today=date(2026, 9, 2))
    assert [(s.stage, s.from_date, s.to_date, s.recorded) for s in timeline.spans] == [
        ("initial", date(2026, 9, 1), None, False)
    ]
    assert [(e.kind, e.date, e.overdue) for e in timeline.events] == [
        ("intake", date(2026, 9, 1), False), ("check_in_due", date(2026, 10, 6), False),
    ]
