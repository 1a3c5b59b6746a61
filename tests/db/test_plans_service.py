"""The learner plan (save, validate, new versions, reviews) and the stage history."""

from datetime import date

import pytest
from sqlalchemy import select

from lbsdesk.db.models import AuditEntry, Learner, StageEntry
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.plans import (
    MilestoneRecord,
    PlanRecord,
    advance_stage,
    current_plan,
    load_plan,
    new_plan_record,
    plan_history,
    record_review,
    save_plan,
    set_stage,
    stage_history,
    start_new_plan,
    undo_last_stage,
)

TODAY = date(2026, 9, 15)
INTAKE = date(2026, 3, 2)


@pytest.fixture
def learner(session):
    person = Learner(learner_key="L00001", first_name="Marie", last_name="Côté", intake_date=INTAKE,
                     stage="initial", goal_path="employment", goal="Work in retail")
    session.add(person)
    session.flush()
    session.add(StageEntry(learner_id=person.id, stage="initial", entered_date=INTAKE))
    session.flush()
    return person


def a_plan(**changes) -> PlanRecord:
    record = PlanRecord(
        written_date=date(2026, 3, 16), goal_path="apprenticeship", goal="Become an electrician",
        background="Left school in grade 10", assessment_results="Reading level 2", culminating_task="Pass a trades math test",
        learning_activities="Math tutoring twice a week", planned_duration_weeks=26, planned_hours=120,
        supports_needed="Bus pass", review_interval_days=60,
        milestones=[
            MilestoneRecord(description="Read a safety data sheet", competency="a", level=2,
                            planned_date=date(2026, 5, 1), attempted_date=date(2026, 5, 4), completed_date=date(2026, 5, 4)),
            MilestoneRecord(description="Measure and convert units", competency="C", level=1, planned_date=date(2026, 10, 1)),
        ],
    )
    for name, value in changes.items():
        setattr(record, name, value)
    return record


def test_a_saved_plan_reads_back_and_sets_the_learners_goal(session, learner):
    plan_id = save_plan(session, learner.id, a_plan(), today=TODAY)
    plan = current_plan(session, learner.id)
    assert plan.id == plan_id and plan.number == 1 and plan.is_current
    assert (plan.goal_path, plan.goal, plan.planned_hours) == ("apprenticeship", "Become an electrician", 120)
    assert plan.next_review_date == date(2026, 5, 15)  # written + 60 days when left empty
    assert [(m.competency, m.level, m.status) for m in plan.milestones] == [("A", 2, "completed"), ("C", 1, "planned")]
    assert (learner.goal_path, learner.goal) == ("apprenticeship", "Become an electrician")
    assert session.scalars(select(AuditEntry).where(AuditEntry.table_name == "learner_plan")).first() is not None


def test_editing_the_plan_updates_adds_and_removes_milestones(session, learner):
    record = a_plan()
    save_plan(session, learner.id, record, today=TODAY)
    kept = record.milestones[1]
    kept.attempted_date = date(2026, 9, 1)
    record.milestones = [kept, MilestoneRecord(description="Fill in an online form", competency="D", level=1)]
    record.goal = "Become an electrician's apprentice"
    save_plan(session, learner.id, record, today=TODAY)
    plan = load_plan(session, record.id)
    assert [(m.id, m.competency, m.status) for m in plan.milestones] == [
        (kept.id, "C", "attempted"), (record.milestones[1].id, "D", "planned"),
    ]
    assert learner.goal == "Become an electrician's apprentice"


def test_a_bad_plan_names_each_field_and_milestone(session, learner):
    record = a_plan(planned_hours=0, goal_path="travel", written_date=date(2026, 3, 1))
    record.milestones = [
        MilestoneRecord(description="", competency="G", level=4),
        MilestoneRecord(description="Read a bus schedule", competency="A", level=1,
                        attempted_date=date(2026, 6, 2), completed_date=date(2026, 6, 1)),
    ]
    with pytest.raises(ValidationFailed) as failure:
        save_plan(session, learner.id, record, today=TODAY)
    problems = failure.value.problems
    assert set(problems) == {
        "planned_hours", "goal_path", "written_date", "milestones[0].description", "milestones[0].competency",
        "milestones[0].level", "milestones[1].completed_date",
    }
    assert "before the intake date" in problems["written_date"]
    assert "choose A to F" in problems["milestones[0].competency"]
    assert "choose 1, 2 or 3" in problems["milestones[0].level"]
    assert "before it was attempted" in problems["milestones[1].completed_date"]
    assert current_plan(session, learner.id) is None


def test_a_completed_culminating_task_needs_a_date_on_or_after_the_plan(session, learner):
    with pytest.raises(ValidationFailed) as failure:
        save_plan(session, learner.id, a_plan(culminating_task_completed_date=date(2026, 3, 10)), today=TODAY)
    assert "before the plan was written" in failure.value.problems["culminating_task_completed_date"]


def test_a_second_first_plan_is_refused(session, learner):
    save_plan(session, learner.id, a_plan(), today=TODAY)
    with pytest.raises(LbsDeskError, match="already has a current plan"):
        save_plan(session, learner.id, a_plan(), today=TODAY)


def test_a_new_plan_keeps_the_old_one_readable_and_numbered(session, learner):
    first = a_plan()
    save_plan(session, learner.id, first, today=TODAY)
    new = start_new_plan(session, learner.id, written_date=date(2026, 8, 1), today=TODAY)
    assert (new.number, new.is_current, new.goal) == (2, True, "Become an electrician")
    assert [m.description for m in new.milestones] == ["Measure and convert units"]  # unfinished ones carry over
    history = plan_history(session, learner.id)
    assert [(p.number, p.is_current, p.closed_date) for p in history] == [
        (1, False, date(2026, 8, 1)), (2, True, None),
    ]
    assert len(history[0].milestones) == 2  # the earlier plan is kept as it was
    with pytest.raises(LbsDeskError, match="earlier plan"):
        save_plan(session, learner.id, first, today=TODAY)
    assert current_plan(session, learner.id).id == new.id


def test_a_blank_new_plan_takes_the_learners_goal(session, learner):
    blank = new_plan_record(session, learner.id, today=TODAY)
    assert (blank.goal_path, blank.written_date, blank.review_interval_days) == ("employment", TODAY, 90)
    fresh = start_new_plan(session, learner.id, written_date=TODAY, copy_current=False, today=TODAY)
    assert (fresh.number, fresh.goal_path, fresh.milestones) == (1, "employment", [])


def test_a_review_sets_the_next_review_from_the_interval(session, learner):
    plan_id = save_plan(session, learner.id, a_plan(), today=TODAY)
    review = record_review(session, plan_id, date(2026, 5, 20), "On track", "Added a digital skills milestone", today=TODAY)
    assert review.id is not None
    plan = current_plan(session, learner.id)
    assert plan.next_review_date == date(2026, 7, 19)
    record_review(session, plan_id, date(2026, 4, 30), "Entered late", today=TODAY)  # an older review entered late
    plan = current_plan(session, learner.id)
    assert plan.next_review_date == date(2026, 7, 19)
    assert [r.review_date for r in plan.reviews] == [date(2026, 4, 30), date(2026, 5, 20)]


def test_a_review_before_the_plan_or_in_the_future_is_refused(session, learner):
    plan_id = save_plan(session, learner.id, a_plan(), today=TODAY)
    with pytest.raises(ValidationFailed, match="before the plan was written"):
        record_review(session, plan_id, date(2026, 3, 15), today=TODAY)
    with pytest.raises(ValidationFailed, match="in the future"):
        record_review(session, plan_id, date(2026, 9, 16), today=TODAY)


# --- stages -------------------------------------------------------------------------------------


def test_advancing_records_the_date_and_sets_the_stage(session, learner):
    assert advance_stage(session, learner.id, date(2026, 3, 16), note="Plan written", today=TODAY) == "commencement"
    assert learner.stage == "commencement"
    assert advance_stage(session, learner.id, date(2026, 3, 23), today=TODAY) == "participation"
    spans = stage_history(session, learner.id)
    assert [(s.stage, s.from_date, s.to_date) for s in spans] == [
        ("initial", INTAKE, date(2026, 3, 16)),
        ("commencement", date(2026, 3, 16), date(2026, 3, 23)),
        ("participation", date(2026, 3, 23), None),
    ]
    assert spans[1].note == "Plan written"


def test_advancing_past_closure_is_refused(session, learner):
    for day in (date(2026, 3, 16), date(2026, 3, 23), date(2026, 6, 1), date(2026, 9, 1)):
        advance_stage(session, learner.id, day, today=TODAY)
    assert learner.stage == "closure"
    with pytest.raises(ValidationFailed) as failure:
        advance_stage(session, learner.id, TODAY, today=TODAY)
    assert "already in Closure" in failure.value.problems["stage"]


def test_a_stage_date_before_intake_or_before_the_previous_stage_is_refused(session, learner):
    with pytest.raises(ValidationFailed) as failure:
        advance_stage(session, learner.id, date(2026, 3, 1), today=TODAY)
    assert "before the intake date" in failure.value.problems["entered_date"]
    advance_stage(session, learner.id, date(2026, 4, 1), today=TODAY)
    with pytest.raises(ValidationFailed) as failure:
        advance_stage(session, learner.id, date(2026, 3, 31), today=TODAY)
    assert "before Commencement was entered on 2026-04-01" in failure.value.problems["entered_date"]
    assert learner.stage == "commencement"


def test_set_stage_can_go_back_and_undo_removes_a_mistaken_move(session, learner):
    set_stage(session, learner.id, "management", date(2026, 5, 1), today=TODAY)
    set_stage(session, learner.id, "participation", date(2026, 6, 1), note="Plan reworked", today=TODAY)
    assert set_stage(session, learner.id, "participation", date(2026, 7, 1), today=TODAY) == "participation"
    assert [s.stage for s in stage_history(session, learner.id)] == ["initial", "management", "participation"]
    assert undo_last_stage(session, learner.id) == "management"
    assert learner.stage == "management"
    assert stage_history(session, learner.id)[-1].to_date is None


def test_a_learner_with_no_stage_entries_is_in_the_stage_of_the_file_since_intake(session):
    person = Learner(learner_key="L00002", first_name="Ann", last_name="Roy", intake_date=INTAKE, stage="participation")
    session.add(person)
    session.flush()
    assert [(s.stage, s.from_date, s.recorded) for s in stage_history(session, person.id)] == [
        ("participation", INTAKE, False)
    ]
    assert advance_stage(session, person.id, date(2026, 6, 1), today=TODAY) == "management"


def test_the_assessment_date_is_kept_and_drawn_on_the_timeline(session):
    from lbsdesk.db.models import Learner
    from lbsdesk.services.plans import new_plan_record, save_plan, current_plan, validate_plan
    from lbsdesk.services.timeline import timeline_for

    learner = Learner(learner_key="L1", first_name="Ann", last_name="Roy", intake_date=date(2026, 9, 1))
    session.add(learner)
    session.flush()
    record = new_plan_record(session, learner.id, today=date(2026, 9, 20))
    record.assessment_date = date(2026, 9, 10)
    record.assessment_results = "CAMERA reading level 2"
    save_plan(session, learner.id, record, today=date(2026, 9, 20))
    assert current_plan(session, learner.id).assessment_date == date(2026, 9, 10)
    events = [e for e in timeline_for(session, learner.id, today=date(2026, 9, 20)).events if e.kind == "assessment"]
    assert [e.date for e in events] == [date(2026, 9, 10)]
    record.assessment_date = date(2026, 10, 1)
    assert "Assessed on" in validate_plan(record, today=date(2026, 9, 20))["assessment_date"]
