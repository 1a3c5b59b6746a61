"""The exit (date, reason, outcome, the satisfaction question) and the follow-ups at 3, 6 and 12 months.

Recording the exit closes the plan on that day and moves the learner to Closure on that date.
Follow-ups fall due as SPEC.md section 3 says (``calendar_rules.follow_up_due_dates``: the same day of
the month, or the month's last day); each is recorded as done (date, outcome) or "unable to contact".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.db.models import FollowUp, Learner, LearnerPlan, StageEntry
from lbsdesk.domain.codes import FOLLOW_UP_MONTHS
from lbsdesk.domain.due_rules import follow_up_states
from lbsdesk.domain.stage_rules import LAST_STAGE, StageStep, ordered_steps, stage_label
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.record_values import clean_text as _clean


@dataclass(frozen=True)
class ExitRecord:
    exit_date: date
    reason: str | None
    outcome: str | None
    satisfaction: int | None


@dataclass(frozen=True)
class FollowUpRow:
    """One of the three follow-ups of an exited learner, as of ``today``.

    ``status``: ``upcoming`` (not due yet), ``due`` (due today), ``overdue`` (due earlier, not recorded),
    ``done`` or ``unable`` (recorded: reached, or could not be contacted).  ``follow_up_id`` is the
    ``FollowUp`` row once recorded.
    """

    months: int
    due_date: date
    status: str
    done_date: date | None = None
    unable_to_contact: bool = False
    outcome: str | None = None
    notes: str | None = None
    follow_up_id: int | None = None
    staff_id: int | None = None

    @property
    def overdue(self) -> bool:
        return self.status == "overdue"


def _get_learner(session: Session, learner_id: int) -> Learner:
    learner = session.get(Learner, learner_id)
    if learner is None or learner.merged_into_id is not None:
        raise LbsDeskError(f"There is no learner with the number {learner_id}; refresh the list.")
    return learner


def _steps(session: Session, learner_id: int) -> list[tuple[StageStep, StageEntry]]:
    entries = session.scalars(select(StageEntry).where(StageEntry.learner_id == learner_id)).all()
    by_id = {e.id: e for e in entries}
    steps = ordered_steps([StageStep(e.stage, e.entered_date, e.id) for e in entries])
    return [(step, by_id[step.entry_id]) for step in steps]


def exit_of(session: Session, learner_id: int) -> ExitRecord | None:
    learner = _get_learner(session, learner_id)
    if learner.exit_date is None:
        return None
    return ExitRecord(learner.exit_date, learner.exit_reason, learner.exit_outcome, learner.satisfaction)


def record_exit(
    session: Session,
    learner_id: int,
    *,
    exit_date: date,
    reason: str | None,
    outcome: str | None,
    satisfaction: int | None,
    staff_id: int | None = None,
    today: date | None = None,
) -> ExitRecord:
    """Record (or correct) the learner's exit; the learner moves to Closure on ``exit_date``.

    Refused: no date, a date in the future, before intake, before the learner entered the current
    stage, or after a follow-up already recorded; a satisfaction other than 1–5 or empty.  The current
    plan is closed on the exit date.
    """
    today = today or date.today()
    learner = _get_learner(session, learner_id)
    old_exit = learner.exit_date
    steps = _steps(session, learner_id)
    # A Closure entry that an earlier exit recorded moves with a corrected exit date.
    exit_step = next(
        (entry for step, entry in reversed(steps) if step.stage == LAST_STAGE and old_exit is not None
         and step.entered_date == old_exit),
        None,
    )
    problems: dict[str, str] = {}
    if exit_date is None:
        problems["exit_date"] = "Exit date: enter the day the learner left the program."
    elif exit_date > today:
        problems["exit_date"] = f"Exit date: {exit_date.isoformat()} is in the future; record the exit on or after the day."
    elif learner.intake_date is not None and exit_date < learner.intake_date:
        problems["exit_date"] = (
            f"Exit date: {exit_date.isoformat()} is before the intake date {learner.intake_date.isoformat()}; "
            "correct one of the two dates."
        )
    else:
        earlier = [(step, entry) for step, entry in steps if entry is not exit_step]
        if earlier and exit_date < earlier[-1][0].entered_date:
            step = earlier[-1][0]
            problems["exit_date"] = (
                f"Exit date: {exit_date.isoformat()} is before the learner entered {stage_label(step.stage)} "
                f"on {step.entered_date.isoformat()}; check the dates (or undo that stage first)."
            )
        first_done = session.execute(
            select(FollowUp.done_date).where(FollowUp.learner_id == learner_id).order_by(FollowUp.done_date).limit(1)
        ).scalar()
        if first_done is not None and exit_date > first_done:
            problems["exit_date"] = (
                f"Exit date: a follow-up was already recorded on {first_done.isoformat()}, before "
                f"{exit_date.isoformat()}; correct the follow-up or the exit date."
            )
    if satisfaction is not None and (isinstance(satisfaction, bool) or satisfaction not in (1, 2, 3, 4, 5)):
        problems["satisfaction"] = "Satisfaction: choose a rating from 1 to 5, or leave it empty if the learner did not answer."
    if problems:
        raise ValidationFailed(problems)
    if staff_id is not None:
        session.info["staff_id"] = staff_id

    learner.exit_date = exit_date
    learner.exit_reason = _clean(reason)
    learner.exit_outcome = _clean(outcome)
    learner.satisfaction = satisfaction
    if exit_step is not None:
        if exit_step.entered_date != exit_date:
            exit_step.entered_date = exit_date
    elif learner.stage != LAST_STAGE:
        session.add(StageEntry(learner_id=learner_id, stage=LAST_STAGE, entered_date=exit_date, staff_id=staff_id,
                               note="Exit recorded"))
    learner.stage = LAST_STAGE
    plan = session.scalars(
        select(LearnerPlan).where(LearnerPlan.learner_id == learner_id, LearnerPlan.is_current.is_(True))
    ).first()
    if plan is not None and plan.closed_date in (None, old_exit):
        plan.closed_date = exit_date
    session.flush()
    return ExitRecord(exit_date, learner.exit_reason, learner.exit_outcome, satisfaction)


def clear_exit(session: Session, learner_id: int, staff_id: int | None = None) -> None:
    """Undo an exit recorded by mistake (or a learner who came back the next day).

    Refused once a follow-up is recorded.  The Closure entry the exit made is removed and the learner
    returns to the stage before; the current plan is open again.
    """
    learner = _get_learner(session, learner_id)
    old_exit = learner.exit_date
    if old_exit is None:
        return
    if session.execute(select(FollowUp.id).where(FollowUp.learner_id == learner_id).limit(1)).first() is not None:
        raise LbsDeskError(
            "A follow-up is recorded after this exit; remove the follow-ups first, or keep the exit and record a new intake."
        )
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    steps = _steps(session, learner_id)
    if steps and steps[-1][0].stage == LAST_STAGE and steps[-1][0].entered_date == old_exit and len(steps) > 1:
        session.delete(steps[-1][1])
        learner.stage = steps[-2][0].stage
    learner.exit_date = None
    learner.exit_reason = None
    learner.exit_outcome = None
    learner.satisfaction = None
    plan = session.scalars(
        select(LearnerPlan).where(LearnerPlan.learner_id == learner_id, LearnerPlan.is_current.is_(True))
    ).first()
    if plan is not None and plan.closed_date == old_exit:
        plan.closed_date = None
    session.flush()


def follow_ups(session: Session, learner_id: int, today: date | None = None) -> list[FollowUpRow]:
    """The 3-, 6- and 12-month follow-ups of the learner's exit (none before an exit)."""
    today = today or date.today()
    learner = _get_learner(session, learner_id)
    if learner.exit_date is None:
        return []
    recorded = {
        row.months: row for row in session.scalars(select(FollowUp).where(FollowUp.learner_id == learner_id))
    }
    states = follow_up_states(
        learner.exit_date, today, {m: (r.done_date, bool(r.unable_to_contact)) for m, r in recorded.items()}
    )
    rows = []
    for state in states:
        row = recorded.get(state.months)
        rows.append(
            FollowUpRow(
                months=state.months, due_date=state.due_date, status=state.status,
                done_date=row.done_date if row else None,
                unable_to_contact=bool(row.unable_to_contact) if row else False,
                outcome=row.outcome if row else None, notes=row.notes if row else None,
                follow_up_id=row.id if row else None, staff_id=row.staff_id if row else None,
            )
        )
    return rows


def record_follow_up(
    session: Session,
    learner_id: int,
    months: int,
    *,
    done_on: date,
    outcome: str | None = None,
    unable_to_contact: bool = False,
    notes: str | None = None,
    staff_id: int | None = None,
    today: date | None = None,
) -> FollowUpRow:
    """Record the ``months`` follow-up as done on ``done_on`` (or tried: ``unable_to_contact``).

    Recording it again corrects it.  Refused: no exit yet, months other than 3, 6 or 12, a date before
    the exit or in the future.  May be recorded before its due date (a call that came early).
    """
    today = today or date.today()
    learner = _get_learner(session, learner_id)
    if learner.exit_date is None:
        raise LbsDeskError("Follow-ups come after the exit: record the learner's exit first.")
    problems: dict[str, str] = {}
    if isinstance(months, bool) or months not in FOLLOW_UP_MONTHS:
        problems["months"] = (
            f"Follow-up: {months} months is not a follow-up; choose 3, 6 or 12 months after the exit."
        )
    if done_on is None:
        problems["done_date"] = "Done on: enter the day of the follow-up call or meeting."
    elif done_on < learner.exit_date:
        problems["done_date"] = (
            f"Done on: {done_on.isoformat()} is before the exit ({learner.exit_date.isoformat()}); "
            "a follow-up comes after the exit."
        )
    elif done_on > today:
        problems["done_date"] = f"Done on: {done_on.isoformat()} is in the future; record the follow-up once it has happened."
    if problems:
        raise ValidationFailed(problems)
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    row = session.scalars(
        select(FollowUp).where(FollowUp.learner_id == learner_id, FollowUp.months == months)
    ).first()
    if row is None:
        row = FollowUp(learner_id=learner_id, months=months)
        session.add(row)
    values = {
        "done_date": done_on, "unable_to_contact": bool(unable_to_contact), "outcome": _clean(outcome),
        "notes": _clean(notes), "staff_id": staff_id if staff_id is not None else row.staff_id,
    }
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
    session.flush()
    return next(r for r in follow_ups(session, learner_id, today) if r.months == months)


def remove_follow_up(session: Session, learner_id: int, months: int, staff_id: int | None = None) -> None:
    """Remove a follow-up recorded by mistake: it is due again."""
    row = session.scalars(
        select(FollowUp).where(FollowUp.learner_id == learner_id, FollowUp.months == months)
    ).first()
    if row is None:
        return
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    session.delete(row)
    session.flush()
