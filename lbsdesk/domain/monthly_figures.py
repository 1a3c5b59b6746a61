"""SPEC.md section 4: the monthly figures, counted exactly as the spec says.

``compute_monthly_figures`` is a pure function over plain facts.  It filters every input itself,
so a caller may pass a superset (the service narrows its queries only to be fast, never to be
right).  The result is the JSON document of ``report monthly --format json``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from lbsdesk.domain.calendar_rules import FiscalYear, Month, add_months, is_active_in, is_active_on
from lbsdesk.domain.codes import FOLLOW_UP_MONTHS

TARGET_PERCENT = 50
UNKNOWN = "unknown"


@dataclass(frozen=True)
class LearnerFacts:
    learner_id: str
    intake_date: date
    exit_date: date | None
    goal_path: str | None


@dataclass(frozen=True)
class ReferralFacts:
    referral_id: str
    learner_id: str
    direction: str  # "in" or "out"
    referral_date: date
    formal: bool
    #: the partner's org_type, or the informal source code for an informal referral in
    type_code: str | None
    cams_entered_date: date | None


@dataclass(frozen=True)
class InquiryFacts:
    inquiry_date: date
    channel: str
    source: str | None
    enrolled: bool


def percent_of(part: int, whole: int) -> float:
    """100 × part / whole rounded half-up to one decimal; 0 when whole is 0."""
    if whole == 0:
        return 0.0
    value = (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return float(value)


def referrals_needed(closed_plans: int, closed_with_formal_referral: int) -> int:
    """max(0, ceil(0.5 × closed plans) − closed plans with a formal referral)."""
    return max(0, (closed_plans + 1) // 2 - closed_with_formal_referral)


def _sorted_counts(counter: Counter) -> dict[str, int]:
    return {key: counter[key] for key in sorted(counter) if counter[key] > 0}


def compute_monthly_figures(
    month: Month,
    *,
    learners: Iterable[LearnerFacts],
    referrals: Iterable[ReferralFacts],
    inquiries: Iterable[InquiryFacts],
    follow_ups_done: set[tuple[str, int]] | frozenset[tuple[str, int]] = frozenset(),
) -> dict:
    first, last = month.first_day, month.last_day
    fiscal_year = FiscalYear.of(first)
    learners = list(learners)
    referrals = list(referrals)

    # inquiries -----------------------------------------------------------------------------
    month_inquiries = [i for i in inquiries if month.contains(i.inquiry_date)]
    inquiry_figures = {
        "total": len(month_inquiries),
        "by_channel": _sorted_counts(Counter(i.channel for i in month_inquiries)),
        "by_source": _sorted_counts(Counter(i.source or UNKNOWN for i in month_inquiries)),
        "enrolled": sum(1 for i in month_inquiries if i.enrolled),
    }

    # learners ------------------------------------------------------------------------------
    active = [l for l in learners if is_active_in(month, l.intake_date, l.exit_date)]
    learner_figures = {
        "active": len(active),
        "new": sum(1 for l in learners if month.contains(l.intake_date)),
        "exited": sum(1 for l in learners if month.contains(l.exit_date)),
        "by_goal_path": _sorted_counts(Counter(l.goal_path or UNKNOWN for l in active)),
    }

    # referrals in the month ----------------------------------------------------------------
    def direction_figures(direction: str) -> dict:
        dated = [r for r in referrals if r.direction == direction and month.contains(r.referral_date)]
        return {
            "total": len(dated),
            "formal": sum(1 for r in dated if r.formal),
            "by_type": _sorted_counts(Counter(r.type_code or UNKNOWN for r in dated)),
        }

    # formal referrals up to the month's last day, by learner --------------------------------
    formal_dates: dict[str, list[date]] = {}
    for r in referrals:
        if r.formal and r.referral_date <= last:
            formal_dates.setdefault(r.learner_id, []).append(r.referral_date)

    # service coordination: plans closed in the fiscal year up to the month's last day --------
    closed = [
        l for l in learners
        if l.exit_date is not None and fiscal_year.contains(l.exit_date) and l.exit_date <= last
    ]
    closed_with_formal = 0
    formal_on_closed = 0
    for learner in closed:
        count = sum(1 for d in formal_dates.get(learner.learner_id, ()) if d <= learner.exit_date)
        if count:
            closed_with_formal += 1
            formal_on_closed += count
    coordination = {
        "closed_plans": len(closed),
        "closed_with_formal_referral": closed_with_formal,
        "formal_referrals_on_closed": formal_on_closed,
        "percent": percent_of(closed_with_formal, len(closed)),
        "target_percent": TARGET_PERCENT,
        "referrals_needed": referrals_needed(len(closed), closed_with_formal),
    }

    # the gap list: active on the last day, no formal referral dated on or before it -----------
    gaps = sorted(
        l.learner_id for l in learners
        if is_active_on(last, l.intake_date, l.exit_date) and l.learner_id not in formal_dates
    )

    not_in_cams = sorted(
        r.referral_id for r in referrals
        if r.formal and r.referral_date <= last
        and (r.cams_entered_date is None or r.cams_entered_date > last)
    )

    # A follow-up k months after an exit falls in the month k months after the exit's month.
    exit_months = {month.plus(-months): months for months in FOLLOW_UP_MONTHS}
    follow_ups_due = []
    for learner in learners:
        if learner.exit_date is None:
            continue
        months = exit_months.get(Month(learner.exit_date.year, learner.exit_date.month))
        if months is not None and (learner.learner_id, months) not in follow_ups_done:
            due = add_months(learner.exit_date, months)
            follow_ups_due.append({"learner_id": learner.learner_id, "months": months, "due": due.isoformat()})
    follow_ups_due.sort(key=lambda item: (item["due"], item["learner_id"], item["months"]))

    return {
        "month": str(month),
        "fiscal_year": str(fiscal_year),
        "inquiries": inquiry_figures,
        "learners": learner_figures,
        "referrals_in": direction_figures("in"),
        "referrals_out": direction_figures("out"),
        "service_coordination": coordination,
        "gaps": gaps,
        "not_in_cams": not_in_cams,
        "follow_ups_due": follow_ups_due,
    }


#: The label of each list section's items in the CSV form.
_LIST_ITEM_KEYS = {"gaps": "learner_id", "not_in_cams": "referral_id"}


def figures_as_rows(figures: dict) -> list[tuple[str, str, str]]:
    """The figures as ``section,key,value`` rows (SPEC.md section 4, CSV format).

    Nested counts use a dotted section (``inquiries.by_channel,phone,3``); list sections give a
    ``count`` row then one row per item (``gaps,learner_id,L00012``); follow-ups due are
    ``follow_ups_due,L00012:3,2026-09-14`` (learner, months, due date).
    """
    rows: list[tuple[str, str, str]] = [
        ("general", "month", figures["month"]),
        ("general", "fiscal_year", figures["fiscal_year"]),
    ]

    def walk(section: str, values: dict) -> None:
        for key, value in values.items():
            if isinstance(value, dict):
                walk(f"{section}.{key}", value)
            else:
                rows.append((section, key, _csv_value(value)))

    for section in ("inquiries", "learners", "referrals_in", "referrals_out", "service_coordination"):
        walk(section, figures[section])
    for section, item_key in _LIST_ITEM_KEYS.items():
        rows.append((section, "count", str(len(figures[section]))))
        rows.extend((section, item_key, item) for item in figures[section])
    rows.append(("follow_ups_due", "count", str(len(figures["follow_ups_due"]))))
    rows.extend(
        ("follow_ups_due", f"{item['learner_id']}:{item['months']}", item["due"])
        for item in figures["follow_ups_due"]
    )
    return rows


def _csv_value(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
