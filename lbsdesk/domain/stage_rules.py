"""The five plan stages (DOMAIN.md, "Plan stages"; SPEC.md 5.4): their order, moving on, and the dates.

A learner's stage history is a list of (stage, date entered).  Each stage lasts from the day it was
entered to the day the next one was entered; the last lasts until today.  The rules here are pure
(no database): the services in ``lbsdesk.services.plans`` apply them before writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from lbsdesk.domain.codes import PLAN_STAGES

STAGE_ORDER: tuple[str, ...] = PLAN_STAGES.codes
FIRST_STAGE = STAGE_ORDER[0]
LAST_STAGE = STAGE_ORDER[-1]  # closure


@dataclass(frozen=True)
class StageSpan:
    """The learner was in ``stage`` from ``from_date`` up to ``to_date`` (None: still in it).

    ``to_date`` is the day the next stage was entered.  ``entry_id`` is the ``StageEntry`` behind
    the span, None for a span implied by the intake date where no entry was recorded.
    """

    stage: str
    label: str
    from_date: date
    to_date: date | None
    entry_id: int | None = None
    note: str | None = None

    @property
    def recorded(self) -> bool:
        return self.entry_id is not None


@dataclass(frozen=True)
class StageStep:
    """One recorded entry into a stage (what the rules read)."""

    stage: str
    entered_date: date
    entry_id: int | None = None
    note: str | None = None


def stage_label(stage: str | None) -> str:
    return PLAN_STAGES.label(stage)


def stage_index(stage: str | None) -> int:
    """Position in the order (initial 0 … closure 4); no stage counts as Initial."""
    if stage is None:
        return 0
    if stage not in PLAN_STAGES:
        raise ValueError(f"'{stage}' is not a plan stage ({PLAN_STAGES.describe()})")
    return STAGE_ORDER.index(stage)


def next_stage(current: str | None) -> str | None:
    """The stage after ``current`` (no stage counts as Initial); None after Closure."""
    index = stage_index(current)
    return STAGE_ORDER[index + 1] if index + 1 < len(STAGE_ORDER) else None


def ordered_steps(steps: Sequence[StageStep]) -> list[StageStep]:
    """Steps by date, and in recording order on the same date (entry ids ascending)."""
    return sorted(steps, key=lambda s: (s.entered_date, s.entry_id if s.entry_id is not None else 0))


def stage_move_problems(
    *,
    current_stage: str | None,
    new_stage: str,
    on: date | None,
    intake_date: date | None,
    last_entered: date | None,
    exit_date: date | None = None,
    today: date | None = None,
    advancing: bool = False,
) -> dict[str, str]:
    """Why the learner cannot enter ``new_stage`` on ``on``: field → message; empty when allowed.

    Refused: a date missing, in the future, before intake or before the previous stage's date (the
    same day is allowed); going past Closure; an unknown stage; and leaving Closure while an exit is
    recorded (the exit must be cleared first).
    """
    problems: dict[str, str] = {}
    if advancing and stage_index(current_stage) == len(STAGE_ORDER) - 1:
        problems["stage"] = (
            "Stage: the learner is already in Closure, the last stage; there is no next stage "
            "(record follow-ups instead)."
        )
    elif new_stage not in PLAN_STAGES:
        problems["stage"] = f"Stage: '{new_stage}' is not a plan stage; choose one of {PLAN_STAGES.describe()}."
    elif exit_date is not None and new_stage != LAST_STAGE:
        problems["stage"] = (
            f"Stage: the learner exited on {exit_date.isoformat()}, so the plan is in Closure; "
            "clear the exit first to move the learner back to an earlier stage."
        )
    if on is None:
        problems["entered_date"] = "Date: enter the day the learner entered the stage."
        return problems
    if today is not None and on > today:
        problems["entered_date"] = (
            f"Date: {on.isoformat()} is in the future; record the stage on the day it happens (today or earlier)."
        )
    elif intake_date is not None and on < intake_date:
        problems["entered_date"] = (
            f"Date: {on.isoformat()} is before the intake date {intake_date.isoformat()}; "
            "a stage cannot start before the learner registered."
        )
    elif last_entered is not None and on < last_entered:
        problems["entered_date"] = (
            f"Date: {on.isoformat()} is before {stage_label(current_stage)} was entered on "
            f"{last_entered.isoformat()}; choose that day or a later one."
        )
    return problems


def spans_from_steps(
    steps: Sequence[StageStep], *, intake_date: date | None, current_stage: str | None
) -> list[StageSpan]:
    """The stage bands for the timeline, oldest first.

    Each recorded step becomes a span ending the day the next one starts.  When nothing was recorded
    for the days from intake to the first step (or at all), an unrecorded span fills them: Initial
    before a later first step, or the learner's current stage when there are no steps.
    """
    ordered = ordered_steps(steps)
    spans: list[StageSpan] = []
    if not ordered:
        if intake_date is None:
            return []
        stage = current_stage or FIRST_STAGE
        return [StageSpan(stage, stage_label(stage), intake_date, None)]
    first = ordered[0]
    if intake_date is not None and first.entered_date > intake_date and first.stage != FIRST_STAGE:
        spans.append(StageSpan(FIRST_STAGE, stage_label(FIRST_STAGE), intake_date, first.entered_date))
    for index, step in enumerate(ordered):
        following = ordered[index + 1].entered_date if index + 1 < len(ordered) else None
        spans.append(
            StageSpan(step.stage, stage_label(step.stage), step.entered_date, following, step.entry_id, step.note)
        )
    return spans
