"""The "Due" view: everything about the caseload that needs doing, shown at start when anything is due.

Six kinds of line (``DUE_KINDS``), each opening a record:

- ``plan_review``: the current plan's next review date has come (active learners);
- ``check_in``: an active learner with no check-in for more than ``check_in_overdue_days`` (35) days,
  counted from the last check-in, or from intake when there is none;
- ``follow_up``: a 3-, 6- or 12-month follow-up due today or earlier and not recorded;
- ``referral_reply``: a referral out awaiting the partner's reply (sent, no reply, ``referral_reply_days``
  (30) days or more since it was sent, not yet past ``referral_expiry_days``): the rule of
  ``lbsdesk.domain.referral_rules``, the same the referrals list uses;
- ``consent_expiring``: a consent not withdrawn that expires between today and 30 days from now
  (unless a later consent of the same learner already replaces it);
- ``no_formal_referral``: an active learner with no formal referral (SPEC.md section 6).

The rules are those of ``lbsdesk.domain.due_rules``, turned into set-based SQL (one query per kind,
Core selects of the needed columns read with ``raw_rows``): the view over 100,000 learners takes well
under a second (``tests/bench/bench_due_view.py``).  Merged learners never appear.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, case, exists, func, not_, or_, select
from sqlalchemy.orm import Session

from lbsdesk.db.models import AppSetting, CheckIn, Consent, FollowUp, Learner, LearnerPlan, Partner, Referral
from lbsdesk.db.raw_rows import as_date, raw_rows
from lbsdesk.domain.calendar_rules import add_months
from lbsdesk.domain.codes import FOLLOW_UP_MONTHS
from lbsdesk.domain.due_rules import (
    CHECK_IN_OVERDUE_DAYS,
    CHECK_IN_OVERDUE_DAYS_KEY,
    check_in_counted_from,
    check_in_next_due,
    check_in_overdue_cutoff,
    consent_expiring_window,
)
from lbsdesk.domain.referral_rules import AWAITING_REPLY, WAITING_STATUSES, effective_status
from lbsdesk.db.sql_hints import unindexed
from lbsdesk.services.referrals import reply_limits, sent_on_expression
from lbsdesk.services.learner_list import (
    active_clause,
    has_formal_referral_by,
    latest_exit_with_follow_up_due,
)

#: The kinds of line, in the order the view groups them when dates are equal.
DUE_KINDS: tuple[str, ...] = (
    "plan_review", "check_in", "follow_up", "referral_reply", "consent_expiring", "no_formal_referral",
)
DUE_KIND_LABELS = {
    "plan_review": "Plan review due",
    "check_in": "Check-in overdue",
    "follow_up": "Follow-up due",
    "referral_reply": "Referral awaiting a reply",
    "consent_expiring": "Consent expiring",
    "no_formal_referral": "No formal referral",
}

#: What ``DueItem.record_kind`` names, and what ``record_id`` then is:
#: "plan" → LearnerPlan.id, "learner" → Learner.id (open the learner file), "referral" → Referral.id,
#: "consent" → Consent.id, "follow_up" → Learner.id with ``months`` (the follow-up is not a row yet).
RECORD_KINDS: tuple[str, ...] = ("plan", "learner", "referral", "consent", "follow_up")


@dataclass(slots=True)
class DueItem:
    """One line of the "Due" view: a snapshot, never a live record (plain, unfrozen: built by the ten thousand)."""

    kind: str
    learner_id: int
    learner_key: str
    learner_name: str
    #: what to do, in plain language (e.g. "3-month follow-up (exit 2026-05-31)")
    what: str
    #: the day it fell or falls due; None for a learner with no formal referral (no date applies)
    due_date: date | None
    overdue: bool
    record_kind: str
    record_id: int
    months: int | None = None
    #: "last first", case-folded: the name order within a day
    sort_name: str = field(default="", repr=False, compare=False)

    @property
    def kind_label(self) -> str:
        return DUE_KIND_LABELS[self.kind]


def setting_days(session: Session, key: str, default: int) -> int:
    """A whole-number ``app_setting`` (days), or ``default`` when missing or not a positive number."""
    value = session.execute(select(AppSetting.value).where(AppSetting.key == key)).scalar()
    try:
        days = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return days if days > 0 else default


def _name(first: str | None, last: str | None) -> str:
    return f"{first or ''} {last or ''}".strip()


def _sort_name(first: str | None, last: str | None) -> str:
    return f"{last or ''} {first or ''}".casefold()


_KIND_ORDER = {kind: index for index, kind in enumerate(DUE_KINDS)}


def sort_key(item: DueItem) -> tuple:
    """Overdue first, then by due date (undated last), kind, last name, first name."""
    return (
        not item.overdue,
        item.due_date or date.max,
        _KIND_ORDER[item.kind],
        item.sort_name,
        item.learner_id,
        item.record_id,
    )


_LEARNER_COLUMNS = (Learner.id, Learner.learner_key, Learner.first_name, Learner.last_name)
_NOT_MERGED = Learner.merged_into_id.is_(None)


def _item(kind: str, learner_id: int, key: str, first: str | None, last: str | None, what: str,
          due: date | None, overdue: bool, record_kind: str, record_id: int, months: int | None = None) -> DueItem:
    return DueItem(kind, learner_id, key, _name(first, last), what, due, overdue, record_kind, record_id, months,
                   _sort_name(first, last))


def _plan_reviews(connection, today: date) -> list[DueItem]:  # noqa: ANN001
    statement = (
        select(*_LEARNER_COLUMNS, LearnerPlan.id, LearnerPlan.number, LearnerPlan.next_review_date)
        .join(Learner, LearnerPlan.learner_id == Learner.id)
        .where(
            LearnerPlan.is_current.is_(True),
            LearnerPlan.next_review_date <= today,
            _NOT_MERGED,
            active_clause(today),
        )
    )
    items = []
    for learner_id, key, first, last, plan_id, number, next_review in raw_rows(connection, statement):
        due = as_date(next_review)
        what = f"Review plan {number} (due {due.isoformat()})"
        items.append(_item("plan_review", learner_id, key, first, last, what, due, due < today, "plan", plan_id))
    return items


def _check_ins(connection, today: date, overdue_days: int) -> list[DueItem]:  # noqa: ANN001
    cutoff = check_in_overdue_cutoff(today, overdue_days)
    last_check_in = (
        select(func.max(CheckIn.check_in_date)).where(CheckIn.learner_id == Learner.id).correlate(Learner).scalar_subquery()
    )
    recent = exists().where(CheckIn.learner_id == Learner.id, CheckIn.check_in_date >= cutoff)
    statement = select(*_LEARNER_COLUMNS, Learner.intake_date, last_check_in).where(
        _NOT_MERGED, active_clause(today), unindexed(Learner.intake_date) < cutoff, not_(recent)
    )
    items = []
    for learner_id, key, first, last, intake, last_date in raw_rows(connection, statement):
        intake, last_date = as_date(intake), as_date(last_date)
        since = check_in_counted_from(last_date, intake)
        what = (
            f"Check in: last check-in {last_date.isoformat()} ({(today - since).days} days ago)"
            if last_date is not None and last_date >= intake
            else f"Check in: no check-in since intake {intake.isoformat()} ({(today - since).days} days ago)"
        )
        due = check_in_next_due(last_date, intake, overdue_days)
        items.append(_item("check_in", learner_id, key, first, last, what, due, True, "learner", learner_id))
    return items


def _follow_ups(connection, today: date) -> list[DueItem]:  # noqa: ANN001
    """One pass over the exited learners: which of their 3/6/12-month follow-ups are due and not recorded."""
    latest = {months: latest_exit_with_follow_up_due(today, months) for months in FOLLOW_UP_MONTHS}
    exit_date = unindexed(Learner.exit_date)
    missing = {
        months: and_(
            exit_date <= latest[months],
            not_(exists().where(FollowUp.learner_id == Learner.id, FollowUp.months == months)),
        )
        for months in FOLLOW_UP_MONTHS
    }
    flags = [case((missing[months], 1), else_=0) for months in FOLLOW_UP_MONTHS]
    statement = select(*_LEARNER_COLUMNS, Learner.exit_date, *flags).where(
        _NOT_MERGED,
        Learner.exit_date.is_not(None),
        exit_date <= max(latest.values()),
        or_(*missing.values()),
    )
    items = []
    # Thousands of learners share an exit date: parse it and work out its due dates once.
    by_exit: dict[object, tuple[str, dict[int, date]]] = {}
    for learner_id, key, first, last, exit_value, *due_flags in raw_rows(connection, statement):
        known = by_exit.get(exit_value)
        if known is None:
            day = as_date(exit_value)
            known = by_exit[exit_value] = (day.isoformat(), {m: add_months(day, m) for m in FOLLOW_UP_MONTHS})
        exit_text, due_dates = known
        name, sort_name = _name(first, last), _sort_name(first, last)
        for months, flag in zip(FOLLOW_UP_MONTHS, due_flags):
            if flag:
                due = due_dates[months]
                items.append(DueItem(
                    "follow_up", learner_id, key, name, f"{months}-month follow-up (exit {exit_text})",
                    due, due < today, "follow_up", learner_id, months, sort_name,
                ))
    return items


def _referral_replies(session: Session, connection, today: date) -> list[DueItem]:  # noqa: ANN001
    """Referrals out awaiting a reply: the referral issue's rule (``referral_rules.effective_status``),
    reckoned from the day each was last sent; once past the expiry limit they are expired, not due."""
    limits = reply_limits(session)
    sent_on = sent_on_expression().label("sent_on")
    statement = (
        select(*_LEARNER_COLUMNS, Referral.id, Referral.referral_key, sent_on, Partner.name)
        .join(Learner, Referral.learner_id == Learner.id)
        .outerjoin(Partner, Referral.partner_id == Partner.id)
        .where(
            Referral.direction == "out",
            Referral.status.in_(WAITING_STATUSES),
            Referral.reply_received_date.is_(None),
            _NOT_MERGED,
        )
    )
    items = []
    for learner_id, key, first, last, referral_id, referral_key, sent, partner in raw_rows(connection, statement):
        sent = as_date(sent)
        if effective_status("out", "sent", None, sent, today, limits) != AWAITING_REPLY:
            continue
        what = (
            f"Referral {referral_key} to {partner or 'a partner'} (sent {sent.isoformat()}): "
            f"no reply after {(today - sent).days} days"
        )
        due = sent + timedelta(days=limits.reply_days)
        items.append(_item("referral_reply", learner_id, key, first, last, what, due, True, "referral", referral_id))
    return items


def _consents(connection, today: date) -> list[DueItem]:  # noqa: ANN001
    first_day, last_day = consent_expiring_window(today)
    later = Consent.__table__.alias("later_consent")
    replaced = exists().where(
        later.c.learner_id == Consent.learner_id,
        later.c.id != Consent.id,
        later.c.withdrawn_date.is_(None),
        or_(later.c.scope == "all_partners", later.c.scope == Consent.scope),
        or_(later.c.expiry_date.is_(None), later.c.expiry_date > Consent.expiry_date),
    )
    statement = (
        select(*_LEARNER_COLUMNS, Consent.id, Consent.expiry_date)
        .join(Learner, Consent.learner_id == Learner.id)
        .where(
            Consent.withdrawn_date.is_(None),
            Consent.expiry_date >= first_day,
            Consent.expiry_date <= last_day,
            _NOT_MERGED,
            not_(replaced),
        )
    )
    items = []
    for learner_id, key, first, last, consent_id, expiry in raw_rows(connection, statement):
        expiry = as_date(expiry)
        days = (expiry - today).days
        when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        what = f"Consent expires {expiry.isoformat()} ({when}): renew it"
        items.append(_item("consent_expiring", learner_id, key, first, last, what, expiry, False, "consent", consent_id))
    return items


def _no_formal_referral(connection, today: date) -> list[DueItem]:  # noqa: ANN001
    statement = select(*_LEARNER_COLUMNS, Learner.intake_date).where(
        _NOT_MERGED, active_clause(today), not_(has_formal_referral_by(today))
    )
    return [
        _item("no_formal_referral", learner_id, key, first, last,
              f"No formal referral yet (intake {as_date(intake).isoformat()})", None, False, "learner", learner_id)
        for learner_id, key, first, last, intake in raw_rows(connection, statement)
    ]


def due_items(session: Session, today: date | None = None, kinds: Iterable[str] | None = None) -> list[DueItem]:
    """Everything due on ``today`` (default: today), overdue first, then by date.

    ``kinds`` restricts the view to some of ``DUE_KINDS``.
    """
    today = today or date.today()
    wanted = set(DUE_KINDS if kinds is None else kinds)
    unknown = wanted - set(DUE_KINDS)
    if unknown:
        raise ValueError(f"Unknown due kind {', '.join(sorted(unknown))}: use {', '.join(DUE_KINDS)}")
    connection = session.connection()
    items: list[DueItem] = []
    if "plan_review" in wanted:
        items += _plan_reviews(connection, today)
    if "check_in" in wanted:
        items += _check_ins(connection, today, setting_days(session, CHECK_IN_OVERDUE_DAYS_KEY, CHECK_IN_OVERDUE_DAYS))
    if "follow_up" in wanted:
        items += _follow_ups(connection, today)
    if "referral_reply" in wanted:
        items += _referral_replies(session, connection, today)
    if "consent_expiring" in wanted:
        items += _consents(connection, today)
    if "no_formal_referral" in wanted:
        items += _no_formal_referral(connection, today)
    items.sort(key=sort_key)
    return items


def due_counts(items: Iterable[DueItem]) -> dict[str, int]:
    """How many lines of each kind (every kind present, 0 when none): for the view's headings."""
    counted = Counter(item.kind for item in items)
    return {kind: counted.get(kind, 0) for kind in DUE_KINDS}


def anything_due(session: Session, today: date | None = None) -> bool:
    """Whether the "Due" view has anything to show at start."""
    return bool(due_items(session, today))
