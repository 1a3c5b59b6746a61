"""The learner plan (goal, milestones, culminating task, reviews) and the five-stage history.

A learner has one current plan at a time; starting a new one keeps the earlier ones, numbered, to be
read but not changed.  Saving the current plan keeps the learner's own goal path and goal in step.
Reviews set the next review date (review date + the plan's interval), which the "Due" view watches.

The stage history (``StageEntry`` rows) says on which day the learner entered each of the five stages
(``lbsdesk.domain.stage_rules``); ``advance_stage`` is the one action that moves a learner on and
records the date.

Editing uses ORM objects so that every change is audited; callers receive plain dataclasses.
Nothing is committed here: the caller's session does that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lbsdesk.db.models import Learner, LearnerPlan, Milestone, PlanReview, StageEntry
from lbsdesk.domain.codes import GOAL_PATHS, MILESTONE_STATUSES, OALCF_COMPETENCIES
from lbsdesk.domain.stage_rules import (
    LAST_STAGE,
    StageSpan,
    StageStep,
    next_stage,
    ordered_steps,
    spans_from_steps,
    stage_label,
    stage_move_problems,
)
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.record_values import clean_text as _clean

#: The review interval a new plan starts with (the agency can change it per plan).
DEFAULT_REVIEW_INTERVAL_DAYS = 90
MAX_REVIEW_INTERVAL_DAYS = 366
MAX_DURATION_WEEKS = 520
MAX_PLANNED_HOURS = 10_000

_TEXT_FIELDS = (
    "goal", "background", "assessment_results", "culminating_task", "learning_activities",
    "supports_needed", "referral_results",
)
#: ``LearnerPlan`` columns that ``save_plan`` writes from a ``PlanRecord``.
_PLAN_FIELDS = (
    "written_date", "assessment_date", "goal_path", *_TEXT_FIELDS, "culminating_task_completed_date", "planned_duration_weeks",
    "planned_hours", "review_interval_days", "next_review_date",
)


@dataclass
class MilestoneRecord:
    """A goal-related assessment task: one OALCF competency (A–F) at one level (1–3)."""

    id: int | None = None
    description: str = ""
    competency: str = "A"
    level: int = 1
    planned_date: date | None = None
    attempted_date: date | None = None
    completed_date: date | None = None
    #: planned, attempted, completed, not_completed (``MILESTONE_STATUSES``); derived from the dates
    #: on save unless "not_completed" was chosen.
    status: str = "planned"
    outcome: str | None = None


@dataclass
class ReviewRecord:
    id: int | None = None
    review_date: date | None = None
    notes: str | None = None
    changes_made: str | None = None
    staff_id: int | None = None


@dataclass
class PlanRecord:
    """One version of a learner's plan; ``id`` None for a plan not saved yet."""

    id: int | None = None
    learner_id: int | None = None
    number: int = 1
    is_current: bool = True
    written_date: date | None = None
    goal_path: str | None = None
    goal: str | None = None
    background: str | None = None
    #: the day of the intake assessment (the timeline draws it; the plan's date when not given)
    assessment_date: date | None = None
    assessment_results: str | None = None
    culminating_task: str | None = None
    culminating_task_completed_date: date | None = None
    learning_activities: str | None = None
    planned_duration_weeks: int | None = None
    planned_hours: int | None = None
    supports_needed: str | None = None
    referral_results: str | None = None
    review_interval_days: int | None = DEFAULT_REVIEW_INTERVAL_DAYS
    next_review_date: date | None = None
    #: the day this version stopped being current (a newer plan, or the exit); None while current
    closed_date: date | None = None
    milestones: list[MilestoneRecord] = field(default_factory=list)
    #: read-only here: reviews are added with ``record_review``
    reviews: list[ReviewRecord] = field(default_factory=list)


# --- reading ------------------------------------------------------------------------------------


def _milestone_record(m: Milestone) -> MilestoneRecord:
    return MilestoneRecord(
        id=m.id, description=m.description, competency=m.competency, level=m.level, planned_date=m.planned_date,
        attempted_date=m.attempted_date, completed_date=m.completed_date, status=m.status, outcome=m.outcome,
    )


def _plan_record(plan: LearnerPlan) -> PlanRecord:
    record = PlanRecord(id=plan.id, learner_id=plan.learner_id, number=plan.number, is_current=bool(plan.is_current),
                        closed_date=plan.closed_date)
    for name in _PLAN_FIELDS:
        setattr(record, name, getattr(plan, name))
    record.milestones = [_milestone_record(m) for m in plan.milestones]
    record.reviews = [
        ReviewRecord(id=r.id, review_date=r.review_date, notes=r.notes, changes_made=r.changes_made, staff_id=r.staff_id)
        for r in sorted(plan.reviews, key=lambda r: (r.review_date, r.id or 0))
    ]
    return record


def _get_learner(session: Session, learner_id: int) -> Learner:
    learner = session.get(Learner, learner_id)
    if learner is None or learner.merged_into_id is not None:
        raise LbsDeskError(f"There is no learner with the number {learner_id}; refresh the list.")
    return learner


def _current(session: Session, learner_id: int) -> LearnerPlan | None:
    return session.scalars(
        select(LearnerPlan)
        .where(LearnerPlan.learner_id == learner_id, LearnerPlan.is_current.is_(True))
        .order_by(LearnerPlan.number.desc())
    ).first()


def current_plan(session: Session, learner_id: int) -> PlanRecord | None:
    """The learner's current plan, or None when no plan has been written yet."""
    plan = _current(session, learner_id)
    return _plan_record(plan) if plan is not None else None


def plan_history(session: Session, learner_id: int) -> list[PlanRecord]:
    """Every plan of the learner, oldest (number 1) first; the last one is normally the current one."""
    plans = session.scalars(
        select(LearnerPlan).where(LearnerPlan.learner_id == learner_id).order_by(LearnerPlan.number)
    ).all()
    return [_plan_record(p) for p in plans]


def load_plan(session: Session, plan_id: int) -> PlanRecord:
    plan = session.get(LearnerPlan, plan_id)
    if plan is None:
        raise LbsDeskError("That plan no longer exists; reopen the learner file.")
    return _plan_record(plan)


def new_plan_record(session: Session, learner_id: int, today: date | None = None) -> PlanRecord:
    """A blank first plan: written today, the learner's goal path and goal, the default review interval."""
    learner = _get_learner(session, learner_id)
    today = today or date.today()
    return PlanRecord(
        learner_id=learner_id, number=_next_number(session, learner_id), written_date=today,
        goal_path=learner.goal_path, goal=learner.goal, review_interval_days=DEFAULT_REVIEW_INTERVAL_DAYS,
    )


# --- validation ---------------------------------------------------------------------------------


def milestone_status_for(m: MilestoneRecord) -> str:
    """The status the dates say: completed once completed, attempted once attempted, else planned.

    "Not completed" is a person's judgement and is kept as chosen.
    """
    if m.completed_date is not None:
        return "completed"
    if m.status == "not_completed":
        return "not_completed"
    if m.attempted_date is not None:
        return "attempted"
    return "planned"


def validate_plan(record: PlanRecord, *, intake_date: date | None = None, today: date | None = None) -> dict[str, str]:
    """What stops the plan from being saved: field → message naming the field and the fix.

    Milestone problems are keyed ``milestones[i].field`` (i from 0) and say "Milestone i+1".
    """
    today = today or date.today()
    problems: dict[str, str] = {}
    written = record.written_date
    if written is None:
        problems["written_date"] = "Written on: enter the date the plan was written with the learner."
    elif written > today:
        problems["written_date"] = f"Written on: {written.isoformat()} is in the future; use today or an earlier date."
    elif intake_date is not None and written < intake_date:
        problems["written_date"] = (
            f"Written on: {written.isoformat()} is before the intake date {intake_date.isoformat()}; "
            "a plan is written after registration."
        )
    assessed = record.assessment_date
    if assessed is not None and assessed > today:
        problems["assessment_date"] = (
            f"Assessed on: {assessed.isoformat()} is in the future; use the day the assessment was done."
        )
    goal_path = _clean(record.goal_path)
    if goal_path is not None and goal_path not in GOAL_PATHS:
        problems["goal_path"] = f"Goal path: '{goal_path}' is not one of the choices ({GOAL_PATHS.describe()})."
    for name, label, highest in (
        ("planned_duration_weeks", "Planned duration (weeks)", MAX_DURATION_WEEKS),
        ("planned_hours", "Planned hours", MAX_PLANNED_HOURS),
        ("review_interval_days", "Review every (days)", MAX_REVIEW_INTERVAL_DAYS),
    ):
        value = getattr(record, name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= highest):
            problems[name] = f"{label}: enter a whole number from 1 to {highest}, or leave it empty."
    if written is not None:
        if record.next_review_date is not None and record.next_review_date < written:
            problems["next_review_date"] = (
                f"Next review: {record.next_review_date.isoformat()} is before the plan was written "
                f"({written.isoformat()}); choose a later date."
            )
        done = record.culminating_task_completed_date
        if done is not None and done < written:
            problems["culminating_task_completed_date"] = (
                f"Culminating task completed on: {done.isoformat()} is before the plan was written "
                f"({written.isoformat()}); check the date."
            )
    done = record.culminating_task_completed_date
    if done is not None and done > today:
        problems["culminating_task_completed_date"] = (
            f"Culminating task completed on: {done.isoformat()} is in the future; record it once it is done."
        )
    if done is not None and not _clean(record.culminating_task):
        problems["culminating_task"] = "Culminating task: describe the task before recording it as completed."
    for index, m in enumerate(record.milestones):
        problems.update(_milestone_problems(index, m, today))
    return problems


def _milestone_problems(index: int, m: MilestoneRecord, today: date) -> dict[str, str]:
    key = f"milestones[{index}]"
    name = f"Milestone {index + 1}"
    problems: dict[str, str] = {}
    if not _clean(m.description):
        problems[f"{key}.description"] = f"{name}: describe the task (e.g. 'Read a work schedule')."
    competency = (m.competency or "").strip().upper()
    if competency not in OALCF_COMPETENCIES:
        problems[f"{key}.competency"] = (
            f"{name}: competency '{m.competency or ''}' is not an OALCF competency; choose A to F "
            f"(A {OALCF_COMPETENCIES.label('A')} … F {OALCF_COMPETENCIES.label('F')})."
        )
    if isinstance(m.level, bool) or m.level not in (1, 2, 3):
        problems[f"{key}.level"] = f"{name}: level {m.level} is not an OALCF level; choose 1, 2 or 3."
    if m.status not in MILESTONE_STATUSES:
        problems[f"{key}.status"] = f"{name}: status '{m.status}' is not one of {MILESTONE_STATUSES.describe()}."
    elif m.status == "completed" and m.completed_date is None:
        problems[f"{key}.completed_date"] = f"{name}: enter the date it was completed, or choose another status."
    elif m.status == "attempted" and m.attempted_date is None and m.completed_date is None:
        problems[f"{key}.attempted_date"] = f"{name}: enter the date it was attempted, or choose another status."
    for field_name, label in (("attempted_date", "attempted"), ("completed_date", "completed")):
        value = getattr(m, field_name)
        if value is not None and value > today:
            problems[f"{key}.{field_name}"] = (
                f"{name}: the {label} date {value.isoformat()} is in the future; record it on the day it happens."
            )
    if (
        m.attempted_date is not None
        and m.completed_date is not None
        and m.completed_date < m.attempted_date
        and f"{key}.completed_date" not in problems
    ):
        problems[f"{key}.completed_date"] = (
            f"{name}: completed on {m.completed_date.isoformat()}, before it was attempted on "
            f"{m.attempted_date.isoformat()}; correct one of the two dates."
        )
    return problems


# --- saving -------------------------------------------------------------------------------------


def _next_number(session: Session, learner_id: int) -> int:
    highest = session.execute(select(func.max(LearnerPlan.number)).where(LearnerPlan.learner_id == learner_id)).scalar()
    return (highest or 0) + 1


def _write_plan(plan: LearnerPlan, record: PlanRecord) -> list[Milestone]:
    """Copy the record onto the plan; returns the milestone rows in the record's order."""
    for name in _PLAN_FIELDS:
        value = _clean(getattr(record, name))
        if getattr(plan, name) != value:
            setattr(plan, name, value)
    if plan.next_review_date is None and plan.written_date is not None and plan.review_interval_days:
        plan.next_review_date = plan.written_date + timedelta(days=plan.review_interval_days)
    existing = {m.id: m for m in plan.milestones}
    kept: set[int] = set()
    rows: list[Milestone] = []
    for m in record.milestones:
        row = existing.get(m.id) if m.id is not None else None
        if row is None:
            row = Milestone()
            plan.milestones.append(row)
        else:
            kept.add(row.id)
        values = {
            "description": _clean(m.description) or "",
            "competency": m.competency.strip().upper(),
            "level": m.level,
            "planned_date": m.planned_date,
            "attempted_date": m.attempted_date,
            "completed_date": m.completed_date,
            "status": milestone_status_for(m),
            "outcome": _clean(m.outcome),
        }
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
        rows.append(row)
    for milestone_id, row in existing.items():
        if milestone_id not in kept:
            plan.milestones.remove(row)
    return rows


def _keep_learner_in_step(learner: Learner, plan: LearnerPlan) -> None:
    """The learner file shows the current plan's goal path and goal."""
    if learner.goal_path != plan.goal_path:
        learner.goal_path = plan.goal_path
    if learner.goal != plan.goal:
        learner.goal = plan.goal


def save_plan(
    session: Session, learner_id: int, record: PlanRecord, staff_id: int | None = None, today: date | None = None
) -> int:
    """Validate and write the learner's current plan (a new first plan when ``record.id`` is None).

    Milestones are matched by id: new ones added, changed ones updated, missing ones removed.  The
    reviews in the record are ignored (use ``record_review``).  When the next review date is empty it
    becomes the written date + the review interval.  Earlier plans cannot be changed.  Returns the
    plan's id and sets ``record.id``.
    """
    today = today or date.today()
    learner = _get_learner(session, learner_id)
    problems = validate_plan(record, intake_date=learner.intake_date, today=today)
    if problems:
        raise ValidationFailed(problems)
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    if record.id is None:
        if _current(session, learner_id) is not None:
            raise LbsDeskError(
                "This learner already has a current plan: edit it, or start a new plan to replace it "
                "(the current one is then kept as an earlier plan)."
            )
        plan = LearnerPlan(learner_id=learner_id, number=_next_number(session, learner_id), is_current=True)
        session.add(plan)
    else:
        plan = session.get(LearnerPlan, record.id)
        if plan is None or plan.learner_id != learner_id:
            raise LbsDeskError("That plan no longer belongs to this learner; reopen the learner file.")
        if not plan.is_current:
            raise LbsDeskError(
                f"Plan {plan.number} is an earlier plan and is kept as it was written; edit the current plan instead."
            )
    rows = _write_plan(plan, record)
    _keep_learner_in_step(learner, plan)
    session.flush()
    record.id = plan.id
    record.number = plan.number
    record.next_review_date = plan.next_review_date
    for m, row in zip(record.milestones, rows):
        m.id = row.id
        m.status = row.status
    return plan.id


def start_new_plan(
    session: Session,
    learner_id: int,
    *,
    written_date: date,
    copy_current: bool = True,
    staff_id: int | None = None,
    today: date | None = None,
) -> PlanRecord:
    """Replace the current plan with a new, numbered one written on ``written_date``.

    The old plan stops being current (closed on ``written_date``) and stays readable in
    ``plan_history``.  With ``copy_current`` the new plan starts as a copy of the old one's text and of
    its milestones not yet completed (planned dates kept, attempts cleared); otherwise it starts blank
    with the learner's goal path and goal.  Returns the new plan as saved.
    """
    today = today or date.today()
    learner = _get_learner(session, learner_id)
    old = _current(session, learner_id)
    if old is not None and old.written_date is not None and written_date < old.written_date:
        raise ValidationFailed({
            "written_date": (
                f"Written on: {written_date.isoformat()} is before the current plan {old.number} was written "
                f"({old.written_date.isoformat()}); a new plan follows the old one."
            )
        })
    if copy_current and old is not None:
        source = _plan_record(old)
        record = PlanRecord(
            learner_id=learner_id, written_date=written_date, goal_path=source.goal_path, goal=source.goal,
            background=source.background, assessment_results=source.assessment_results,
            culminating_task=source.culminating_task, learning_activities=source.learning_activities,
            planned_duration_weeks=source.planned_duration_weeks, planned_hours=source.planned_hours,
            supports_needed=source.supports_needed, referral_results=source.referral_results,
            review_interval_days=source.review_interval_days,
            milestones=[
                MilestoneRecord(description=m.description, competency=m.competency, level=m.level,
                                planned_date=m.planned_date, status="planned")
                for m in source.milestones
                if m.status in ("planned", "attempted")
            ],
        )
    else:
        record = PlanRecord(learner_id=learner_id, written_date=written_date, goal_path=learner.goal_path,
                            goal=learner.goal)
    problems = validate_plan(record, intake_date=learner.intake_date, today=today)
    if problems:
        raise ValidationFailed(problems)
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    if old is not None:
        old.is_current = False
        if old.closed_date is None:
            old.closed_date = written_date
        session.flush()  # the old plan is no longer current before the new one is written
    return _save_new(session, learner, record)


def _save_new(session: Session, learner: Learner, record: PlanRecord) -> PlanRecord:
    plan = LearnerPlan(learner_id=learner.id, number=_next_number(session, learner.id), is_current=True)
    session.add(plan)
    _write_plan(plan, record)
    _keep_learner_in_step(learner, plan)
    session.flush()
    return _plan_record(plan)


def record_review(
    session: Session,
    plan_id: int,
    review_date: date,
    notes: str | None = None,
    changes: str | None = None,
    staff_id: int | None = None,
    today: date | None = None,
) -> ReviewRecord:
    """Record a review of the current plan; the next review is due ``review_interval_days`` later.

    The next review date counts from the latest review recorded (a late entry of an older review does
    not move it back).  A plan without an interval uses the default of 90 days.
    """
    today = today or date.today()
    plan = session.get(LearnerPlan, plan_id)
    if plan is None:
        raise LbsDeskError("That plan no longer exists; reopen the learner file.")
    if not plan.is_current:
        raise LbsDeskError(f"Plan {plan.number} is an earlier plan; review the current plan instead.")
    problems: dict[str, str] = {}
    if review_date is None:
        problems["review_date"] = "Reviewed on: enter the date of the review."
    elif review_date > today:
        problems["review_date"] = f"Reviewed on: {review_date.isoformat()} is in the future; record a review once it has happened."
    elif plan.written_date is not None and review_date < plan.written_date:
        problems["review_date"] = (
            f"Reviewed on: {review_date.isoformat()} is before the plan was written ({plan.written_date.isoformat()}); "
            "check the date."
        )
    if problems:
        raise ValidationFailed(problems)
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    review = PlanReview(review_date=review_date, staff_id=staff_id, notes=_clean(notes), changes_made=_clean(changes))
    plan.reviews.append(review)
    latest = max([review_date] + [r.review_date for r in plan.reviews if r.review_date is not None])
    plan.next_review_date = latest + timedelta(days=plan.review_interval_days or DEFAULT_REVIEW_INTERVAL_DAYS)
    session.flush()
    return ReviewRecord(id=review.id, review_date=review.review_date, notes=review.notes,
                        changes_made=review.changes_made, staff_id=review.staff_id)


# --- the stage history --------------------------------------------------------------------------


def _steps(session: Session, learner_id: int) -> list[StageStep]:
    rows = session.execute(
        select(StageEntry.id, StageEntry.stage, StageEntry.entered_date, StageEntry.note).where(
            StageEntry.learner_id == learner_id
        )
    ).all()
    return ordered_steps([StageStep(stage, entered, entry_id, note) for entry_id, stage, entered, note in rows])


def stage_history(session: Session, learner_id: int) -> list[StageSpan]:
    """The stages the learner went through, oldest first, each with the day it started and ended.

    ``to_date`` is the day the next stage was entered (None for the stage the learner is in).  When no
    entry was recorded for the days from intake on, a span with ``entry_id`` None fills them.
    """
    learner = _get_learner(session, learner_id)
    return spans_from_steps(_steps(session, learner_id), intake_date=learner.intake_date, current_stage=learner.stage)


def _move(
    session: Session, learner: Learner, stage: str, on: date, note: str | None, staff_id: int | None,
    today: date, advancing: bool,
) -> None:
    steps = _steps(session, learner.id)
    problems = stage_move_problems(
        current_stage=learner.stage, new_stage=stage, on=on, intake_date=learner.intake_date,
        last_entered=steps[-1].entered_date if steps else None, exit_date=learner.exit_date, today=today,
        advancing=advancing,
    )
    if problems:
        raise ValidationFailed(problems)
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    session.add(StageEntry(learner_id=learner.id, stage=stage, entered_date=on, staff_id=staff_id, note=_clean(note)))
    learner.stage = stage
    session.flush()


def advance_stage(
    session: Session,
    learner_id: int,
    on: date,
    note: str | None = None,
    staff_id: int | None = None,
    today: date | None = None,
) -> str:
    """Move the learner to the next stage on ``on`` (one action: the entry is dated, the stage set).

    Refused past Closure, for a date before intake or before the previous stage's date, and for a
    date in the future.  Returns the new stage code.
    """
    learner = _get_learner(session, learner_id)
    target = next_stage(learner.stage)
    _move(session, learner, target or LAST_STAGE, on, note, staff_id, today or date.today(), advancing=True)
    return learner.stage or ""


def set_stage(
    session: Session,
    learner_id: int,
    stage: str,
    on: date,
    note: str | None = None,
    staff_id: int | None = None,
    today: date | None = None,
) -> str:
    """Put the learner in ``stage`` (forward, or back for a plan that is reworked) from ``on``.

    Nothing happens when the learner is already in that stage.  The same dates are refused as for
    ``advance_stage``; an exited learner stays in Closure until the exit is cleared.
    """
    learner = _get_learner(session, learner_id)
    if stage == learner.stage:
        return stage
    _move(session, learner, stage, on, note, staff_id, today or date.today(), advancing=False)
    return stage


def undo_last_stage(session: Session, learner_id: int, staff_id: int | None = None) -> str | None:
    """Remove the latest stage entry (a move recorded by mistake); the learner returns to the one before.

    Refused for the Closure of an exited learner (clear the exit instead).  Returns the stage now.
    """
    learner = _get_learner(session, learner_id)
    steps = _steps(session, learner_id)
    if len(steps) < 2:
        raise LbsDeskError("There is no stage move to undo: the learner's first stage stays recorded.")
    if learner.exit_date is not None and steps[-1].stage == LAST_STAGE:
        raise LbsDeskError(
            f"The learner exited on {learner.exit_date.isoformat()}; clear the exit to leave {stage_label(LAST_STAGE)}."
        )
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    entry = session.get(StageEntry, steps[-1].entry_id)
    session.delete(entry)
    learner.stage = steps[-2].stage
    session.flush()
    return learner.stage
