"""Everything the plan timeline (``planTimeline``) draws for one learner, as plain data; no Qt.

``timeline_for`` returns the five-stage bands with the dates the learner entered each, every event as a
dated marker (what it is, a label for the hover text, the record a click opens, whether it is
overdue), and today.  The widget only lays these out; the printed plan summary uses the same data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.db.models import CheckIn, FollowUp, Inquiry, Learner, LearnerPlan, Milestone, Partner, PlanReview, Referral
from lbsdesk.db.raw_rows import as_date
from lbsdesk.domain.codes import (
    CHECK_IN_WITH,
    INFORMAL_SOURCES,
    INQUIRY_CHANNELS,
    NEEDS,
    OALCF_COMPETENCIES,
    ORG_TYPES,
    REFERRAL_STATUSES,
)
from lbsdesk.domain.due_rules import (
    CHECK_IN_OVERDUE_DAYS,
    CHECK_IN_OVERDUE_DAYS_KEY,
    check_in_is_overdue,
    check_in_next_due,
    follow_up_states,
    plan_review_is_overdue,
)
from lbsdesk.domain.referral_rules import AWAITING_REPLY, effective_status
from lbsdesk.domain.stage_rules import StageSpan
from lbsdesk.errors import LbsDeskError
from lbsdesk.services.check_ins import parse_needs
from lbsdesk.services.due_items import setting_days
from lbsdesk.services.plans import stage_history
from lbsdesk.services.referrals import reply_limits, sent_on_expression

#: Every event kind, in the order markers on the same day are listed.
EVENT_KINDS: tuple[str, ...] = (
    "inquiry",
    "referral_in",
    "intake",
    "assessment",
    "plan_written",
    "review",
    "review_due",
    "milestone_planned",
    "milestone_attempted",
    "milestone_completed",
    "culminating_task_completed",
    "check_in",
    "check_in_due",
    "referral_out",
    "exit",
    "follow_up_due",
    "follow_up_done",
)

#: What ``TimelineEvent.record_kind`` names, and what ``record_id`` then is: "learner" → Learner.id,
#: "inquiry" → Inquiry.id, "plan" → LearnerPlan.id, "plan_review" → PlanReview.id, "milestone" →
#: Milestone.id, "check_in" → CheckIn.id, "referral" → Referral.id, "follow_up" → FollowUp.id once
#: recorded, else Learner.id with ``months`` set (a follow-up not recorded yet).
RECORD_KINDS: tuple[str, ...] = (
    "learner", "inquiry", "plan", "plan_review", "milestone", "check_in", "referral", "follow_up",
)


@dataclass(frozen=True)
class TimelineEvent:
    """One marker: what happened (or falls due) on a day."""

    kind: str
    date: date
    #: short text for the hover tip and the printed legend (no personal details beyond the file's own)
    label: str
    record_kind: str
    record_id: int
    overdue: bool = False
    #: referral status (SPEC.md 5.5) for referral_in / referral_out; follow-up status for follow-ups
    status: str | None = None
    months: int | None = None
    #: a formal referral (in or out); None for other kinds
    formal: bool | None = None


@dataclass(frozen=True)
class Timeline:
    learner_id: int
    learner_key: str
    learner_name: str
    today: date
    intake_date: date
    exit_date: date | None
    current_stage: str | None
    #: the stage bands, oldest first; the last one's ``to_date`` is None while the learner is in it
    spans: list[StageSpan] = field(default_factory=list)
    #: every marker, by date (then ``EVENT_KINDS`` order)
    events: list[TimelineEvent] = field(default_factory=list)

    @property
    def first_date(self) -> date:
        """The earliest day anything is drawn (the axis' start before any padding)."""
        days = [self.intake_date, self.today] + [s.from_date for s in self.spans] + [e.date for e in self.events]
        return min(days)

    @property
    def last_date(self) -> date:
        """The latest day anything is drawn: today, or a later due date."""
        days = [self.today] + [s.to_date for s in self.spans if s.to_date] + [e.date for e in self.events]
        return max(days)

    @property
    def overdue_events(self) -> list[TimelineEvent]:
        return [e for e in self.events if e.overdue]


def _short(text: str | None, length: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def timeline_for(session: Session, learner_id: int, today: date | None = None) -> Timeline:
    """The learner's whole history and what is coming, for the timeline widget and the plan summary."""
    today = today or date.today()
    learner = session.get(Learner, learner_id)
    if learner is None:
        raise LbsDeskError(f"There is no learner with the number {learner_id}; refresh the list.")
    exited = learner.exit_date is not None and learner.exit_date <= today
    active = not exited and learner.intake_date <= today
    events: list[TimelineEvent] = []
    add = events.append

    add(TimelineEvent("intake", learner.intake_date, "Intake and registration", "learner", learner.id))

    for inquiry_id, day, channel, source in session.execute(
        select(Inquiry.id, Inquiry.inquiry_date, Inquiry.channel, Inquiry.source).where(Inquiry.learner_id == learner_id)
    ):
        heard = ORG_TYPES.label(source) if source in ORG_TYPES else INFORMAL_SOURCES.label(source)
        label = f"Inquiry ({INQUIRY_CHANNELS.label(channel)})" + (f": heard from {heard}" if source else "")
        add(TimelineEvent("inquiry", as_date(day), label, "inquiry", inquiry_id))

    _plan_events(session, learner_id, today, active, add)
    _check_in_events(session, learner, today, active, add)
    _referral_events(session, learner_id, today, add)

    if learner.exit_date is not None:
        label = "Exit" + (f": {_short(learner.exit_reason)}" if learner.exit_reason else "")
        if learner.satisfaction is not None:
            label += f" (satisfaction {learner.satisfaction}/5)"
        add(TimelineEvent("exit", learner.exit_date, label, "learner", learner.id))
        recorded = {
            months: (follow_up_id, as_date(done), bool(unable), outcome)
            for follow_up_id, months, done, unable, outcome in session.execute(
                select(FollowUp.id, FollowUp.months, FollowUp.done_date, FollowUp.unable_to_contact, FollowUp.outcome)
                .where(FollowUp.learner_id == learner_id)
            )
        }
        states = follow_up_states(learner.exit_date, today, {m: (r[1], r[2]) for m, r in recorded.items()})
        for state in states:
            if state.months in recorded:
                follow_up_id, done, unable, outcome = recorded[state.months]
                what = "unable to contact" if unable else ("done" + (f": {_short(outcome)}" if outcome else ""))
                add(TimelineEvent("follow_up_done", done, f"{state.months}-month follow-up {what}", "follow_up",
                                  follow_up_id, status=state.status, months=state.months))
            else:
                word = {"overdue": "overdue", "due": "due today"}.get(state.status, "due")
                add(TimelineEvent("follow_up_due", state.due_date, f"{state.months}-month follow-up {word}",
                                  "follow_up", learner.id, overdue=state.overdue, status=state.status,
                                  months=state.months))

    order = {kind: index for index, kind in enumerate(EVENT_KINDS)}
    events.sort(key=lambda e: (e.date, order[e.kind], e.record_id))
    return Timeline(
        learner_id=learner.id,
        learner_key=learner.learner_key,
        learner_name=f"{learner.first_name} {learner.last_name}".strip(),
        today=today,
        intake_date=learner.intake_date,
        exit_date=learner.exit_date,
        current_stage=learner.stage,
        spans=stage_history(session, learner_id),
        events=events,
    )


def _plan_events(session: Session, learner_id: int, today: date, active: bool, add) -> None:  # noqa: ANN001
    plans = session.execute(
        select(LearnerPlan.id, LearnerPlan.number, LearnerPlan.is_current, LearnerPlan.written_date,
               LearnerPlan.assessment_date, LearnerPlan.assessment_results, LearnerPlan.culminating_task,
               LearnerPlan.culminating_task_completed_date, LearnerPlan.next_review_date)
        .where(LearnerPlan.learner_id == learner_id)
        .order_by(LearnerPlan.number)
    ).all()
    if not plans:
        return
    plan_ids = [p.id for p in plans]
    current_ids = {p.id for p in plans if p.is_current}
    for p in plans:
        assessed_on = p.assessment_date or (p.written_date if p.assessment_results else None)
        if assessed_on is not None:
            add(TimelineEvent("assessment", assessed_on, f"Assessment: {_short(p.assessment_results or '')}",
                              "plan", p.id))
        if p.written_date is not None:
            add(TimelineEvent("plan_written", p.written_date, f"Plan {p.number} written", "plan", p.id))
        if p.culminating_task_completed_date is not None:
            add(TimelineEvent("culminating_task_completed", p.culminating_task_completed_date,
                              f"Culminating task completed: {_short(p.culminating_task)}", "plan", p.id))
        if p.is_current and active and p.next_review_date is not None:
            overdue = plan_review_is_overdue(p.next_review_date, today)
            word = "overdue" if overdue else ("due today" if p.next_review_date == today else "due")
            add(TimelineEvent("review_due", p.next_review_date, f"Plan {p.number} review {word}", "plan", p.id,
                              overdue=overdue))
    numbers = {p.id: p.number for p in plans}
    for review_id, plan_id, day, notes in session.execute(
        select(PlanReview.id, PlanReview.plan_id, PlanReview.review_date, PlanReview.notes)
        .where(PlanReview.plan_id.in_(plan_ids))
    ):
        label = f"Plan {numbers[plan_id]} reviewed" + (f": {_short(notes)}" if notes else "")
        add(TimelineEvent("review", as_date(day), label, "plan_review", review_id))
    for m in session.execute(
        select(Milestone.id, Milestone.plan_id, Milestone.description, Milestone.competency, Milestone.level,
               Milestone.planned_date, Milestone.attempted_date, Milestone.completed_date, Milestone.status)
        .where(Milestone.plan_id.in_(plan_ids))
    ):
        name = f"Milestone {m.competency}{m.level} ({OALCF_COMPETENCIES.label(m.competency)}): {_short(m.description, 50)}"
        if m.planned_date is not None:
            overdue = (
                active and m.plan_id in current_ids and m.status == "planned" and m.planned_date < today
            )
            add(TimelineEvent("milestone_planned", m.planned_date, f"{name}: planned" + (" (overdue)" if overdue else ""),
                              "milestone", m.id, overdue=overdue, status=m.status))
        if m.attempted_date is not None:
            add(TimelineEvent("milestone_attempted", m.attempted_date, f"{name}: attempted", "milestone", m.id,
                              status=m.status))
        if m.completed_date is not None:
            add(TimelineEvent("milestone_completed", m.completed_date, f"{name}: completed", "milestone", m.id,
                              status=m.status))


def _check_in_events(session: Session, learner: Learner, today: date, active: bool, add) -> None:  # noqa: ANN001
    last: date | None = None
    for check_in_id, day, with_whom, needs in session.execute(
        select(CheckIn.id, CheckIn.check_in_date, CheckIn.with_whom, CheckIn.needs_noticed)
        .where(CheckIn.learner_id == learner.id)
    ):
        day = as_date(day)
        last = day if last is None or day > last else last
        codes = parse_needs(needs)
        label = f"Check-in with the {CHECK_IN_WITH.label(with_whom).lower()}"
        if codes:
            label += ": needs " + ", ".join(NEEDS.label(code).lower() for code in codes)
        add(TimelineEvent("check_in", day, label, "check_in", check_in_id))
    if active:
        days = setting_days(session, CHECK_IN_OVERDUE_DAYS_KEY, CHECK_IN_OVERDUE_DAYS)
        due = check_in_next_due(last, learner.intake_date, days)
        overdue = check_in_is_overdue(last, learner.intake_date, learner.exit_date, today, days)
        add(TimelineEvent("check_in_due", due, "Check-in overdue" if overdue else "Next check-in due",
                          "learner", learner.id, overdue=overdue))


def _referral_events(session: Session, learner_id: int, today: date, add) -> None:  # noqa: ANN001
    limits = reply_limits(session)
    for r in session.execute(
        select(Referral.id, Referral.direction, Referral.referral_date, Referral.formal, Referral.source,
               Referral.status, Referral.reply_received_date, Partner.name, Partner.org_type,
               sent_on_expression().label("sent_on"))
        .outerjoin(Partner, Referral.partner_id == Partner.id)
        .where(Referral.learner_id == learner_id)
    ):
        status = r.status or "unknown"
        day = as_date(r.referral_date)
        if r.direction == "in":
            who = r.name or INFORMAL_SOURCES.label(r.source) or "unknown source"
            label = f"Referral in from {who}"
        else:
            label = f"Referral out to {r.name or 'a partner'}"
        label += f" ({'formal' if r.formal else 'informal'}; {REFERRAL_STATUSES.label(status).lower()})"
        sent = as_date(r.sent_on)
        effective = effective_status(r.direction, status, as_date(r.reply_received_date), sent, today, limits)
        overdue = effective in (AWAITING_REPLY, "expired")
        if overdue:
            label += f": no reply after {(today - sent).days} days"
        add(TimelineEvent(f"referral_{r.direction}", day, label, "referral", r.id, overdue=overdue, status=status,
                          formal=bool(r.formal)))
