"""Synthetic timelines for the timeline widget's tests and benchmark (no database needed)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from lbsdesk.domain.stage_rules import StageSpan
from lbsdesk.services.timeline import EVENT_KINDS, Timeline, TimelineEvent

_RECORD_KIND = {
    "inquiry": "inquiry", "referral_in": "referral", "intake": "learner", "assessment": "plan",
    "plan_written": "plan", "review": "plan_review", "review_due": "plan", "milestone_planned": "milestone",
    "milestone_attempted": "milestone", "milestone_completed": "milestone", "culminating_task_completed": "plan",
    "check_in": "check_in", "check_in_due": "learner", "referral_out": "referral", "exit": "learner",
    "follow_up_due": "follow_up", "follow_up_done": "follow_up",
}


def synthetic_timeline(events: int = 500, years: int = 10, today: date = date(2026, 11, 22), seed: int = 5) -> Timeline:
    """A learner with ``years`` of history ending today and ``events`` markers of every kind."""
    rng = random.Random(seed)
    intake = today - timedelta(days=365 * years)
    stages = ("initial", "commencement", "participation", "management")
    labels = ("Initial", "Commencement", "Participation", "Management")
    starts = [intake, intake + timedelta(days=20), intake + timedelta(days=60), intake + timedelta(days=365 * 4)]
    spans = [
        StageSpan(code, label, start, starts[i + 1] if i + 1 < len(starts) else None, i + 1)
        for i, (code, label, start) in enumerate(zip(stages, labels, starts))
    ]
    statuses = ("sent", "accepted", "declined", "completed", "unknown")
    items = []
    for n in range(events):
        kind = EVENT_KINDS[n % len(EVENT_KINDS)]
        day = intake + timedelta(days=rng.randrange(0, 365 * years + 60))
        status = rng.choice(statuses) if kind.startswith("referral") else None
        items.append(TimelineEvent(kind, day, f"{kind.replace('_', ' ').capitalize()} number {n}", _RECORD_KIND[kind],
                                   1000 + n, overdue=(n % 37 == 0), status=status))
    items.sort(key=lambda e: (e.date, EVENT_KINDS.index(e.kind), e.record_id))
    return Timeline(learner_id=1, learner_key="L00001", learner_name="Test Learner", today=today, intake_date=intake,
                    exit_date=None, current_stage="management", spans=spans, events=items)


def small_timeline(today: date = date(2026, 11, 22)) -> Timeline:
    """Three well-separated markers of known kinds and ids."""
    intake = today - timedelta(days=200)
    spans = [StageSpan("initial", "Initial", intake, intake + timedelta(days=30), 1),
             StageSpan("commencement", "Commencement", intake + timedelta(days=30), None, 2)]
    items = [
        TimelineEvent("intake", intake, "Intake and registration", "learner", 7),
        TimelineEvent("referral_out", intake + timedelta(days=60), "Referral out to Food Bank (formal; sent)",
                      "referral", 42, overdue=True, status="sent", formal=True),
        TimelineEvent("check_in", intake + timedelta(days=120), "Check-in with the learner", "check_in", 99),
    ]
    return Timeline(learner_id=7, learner_key="L00007", learner_name="Ann Test", today=today, intake_date=intake,
                    exit_date=None, current_stage="commencement", spans=spans, events=items)
