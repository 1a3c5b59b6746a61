"""The rules of a referral that need no database: which status may follow which, when an out-referral
is awaiting a reply or has expired, and what makes a referral formal.

Statuses are SPEC.md 5.5.  Two more words are computed, never stored:

- ``awaiting_reply`` — an out-referral whose stored status is ``sent``, with no reply recorded,
  sent ``reply_days`` or more days ago (setting ``referral_reply_days``, default 30);
- ``expired`` (effective) — the same, sent ``expiry_days`` or more days ago (setting
  ``referral_expiry_days``, default 60), even before ``expire_overdue_referrals`` records it.

Edges: sent on 1 September with 30/60 days: 30 September is 29 days (still "sent"), 1 October is 30
days (awaiting reply), 30 October is 59 days (awaiting reply), 31 October is 60 days (expired).

Formal (DOMAIN.md, Referral): a formal referral is planned, supported and coordinated, documented by a
referral form or a note to file, with an exchange of the learner's information.  So ``formal`` needs
all four confirmations of the form ticked (planned, supported, coordinated, information exchanged),
and a referral from an informal source is never formal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from lbsdesk.domain.codes import REFERRAL_STATUSES

DEFAULT_REPLY_DAYS = 30
DEFAULT_EXPIRY_DAYS = 60

AWAITING_REPLY = "awaiting_reply"

#: Labels of the computed statuses (the stored ones come from REFERRAL_STATUSES).
EFFECTIVE_STATUS_LABELS = {AWAITING_REPLY: "Awaiting reply"}

#: Stored statuses that wait for the partner's reply (only out-referrals ever wait).
WAITING_STATUSES = frozenset({"sent"})

#: The statuses each status may change to.  "unknown" (we do not record what happened, DOMAIN.md)
#: may be chosen from any status and may change to any status but "draft".  Nothing goes back to
#: "draft" once it has left it.
_REPLY_OUTCOMES = ("acknowledged", "accepted", "waitlisted", "declined")
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    "draft": ("sent", "withdrawn", "unknown"),
    "sent": (*_REPLY_OUTCOMES, "attended", "withdrawn", "expired", "unknown"),
    "acknowledged": ("accepted", "waitlisted", "declined", "attended", "withdrawn", "expired", "unknown"),
    "waitlisted": ("acknowledged", "accepted", "declined", "attended", "withdrawn", "expired", "unknown"),
    "accepted": ("waitlisted", "declined", "attended", "completed", "not_completed", "withdrawn", "unknown"),
    "declined": ("accepted", "waitlisted", "sent", "withdrawn", "unknown"),
    "attended": ("completed", "not_completed", "withdrawn", "unknown"),
    "completed": ("not_completed", "unknown"),
    "not_completed": ("completed", "unknown"),
    "withdrawn": ("sent", "unknown"),
    "expired": ("sent", *_REPLY_OUTCOMES, "attended", "withdrawn", "unknown"),
    "unknown": tuple(code for code in REFERRAL_STATUSES.codes if code not in ("draft", "unknown")),
}

#: Statuses an in-referral never has: nobody drafts a referral someone else sent us.
NOT_FOR_IN = frozenset({"draft"})

#: Statuses a new referral may start with, by direction (the form's default first).
FIRST_STATUS = {"out": "draft", "in": "unknown"}


def normal_status(status: str | None) -> str:
    """Empty status means "unknown" (SPEC.md 5.5)."""
    return (status or "").strip() or "unknown"


def statuses_for(direction: str) -> tuple[str, ...]:
    """The stored statuses a referral in this direction may have, in SPEC order."""
    return tuple(code for code in REFERRAL_STATUSES.codes if direction != "in" or code not in NOT_FOR_IN)


def next_statuses(direction: str, current: str | None) -> tuple[str, ...]:
    """What the status may change to from ``current`` (the status chooser offers these and ``current``)."""
    allowed = NEXT_STATUSES.get(normal_status(current), ())
    return tuple(code for code in allowed if code in statuses_for(direction))


def may_change_status(direction: str, current: str | None, new: str | None) -> bool:
    current, new = normal_status(current), normal_status(new)
    return current == new or new in next_statuses(direction, current)


def status_change_problem(direction: str, current: str | None, new: str | None) -> str | None:
    """Why ``current`` cannot become ``new`` (a message naming the field), or None when it can."""
    current, new = normal_status(current), normal_status(new)
    if new not in REFERRAL_STATUSES:
        return f"Status: '{new}' is not a referral status; choose one of {REFERRAL_STATUSES.describe()}."
    if direction == "in" and new in NOT_FOR_IN:
        return (
            f"Status: a referral in cannot be '{REFERRAL_STATUSES.label(new)}' (another organization sent it); "
            "choose Unknown, Sent, Accepted or another status."
        )
    if may_change_status(direction, current, new):
        return None
    allowed = ", ".join(REFERRAL_STATUSES.label(code) for code in next_statuses(direction, current))
    if new == "draft":
        return (
            f"Status: this referral is already '{REFERRAL_STATUSES.label(current)}' and cannot go back to Draft; "
            f"choose one of: {allowed}."
        )
    return (
        f"Status: a referral that is '{REFERRAL_STATUSES.label(current)}' cannot become "
        f"'{REFERRAL_STATUSES.label(new)}'; choose one of: {allowed}."
    )


# --- waiting for a reply ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReplyLimits:
    """Days after sending before an out-referral awaits a reply, and before it expires."""

    reply_days: int = DEFAULT_REPLY_DAYS
    expiry_days: int = DEFAULT_EXPIRY_DAYS

    def awaiting_cutoff(self, today: date) -> date:
        """Referrals sent on or before this day are awaiting a reply (or expired) on ``today``."""
        return today - timedelta(days=self.reply_days)

    def expiry_cutoff(self, today: date) -> date:
        """Referrals sent on or before this day are expired on ``today``."""
        return today - timedelta(days=self.expiry_days)

    def expires_on(self, sent_on: date) -> date:
        return sent_on + timedelta(days=self.expiry_days)


def is_waiting(direction: str, status: str | None, reply_received_date: date | None) -> bool:
    """Sent out, and no reply recorded."""
    return direction == "out" and normal_status(status) in WAITING_STATUSES and reply_received_date is None


def days_waiting(
    direction: str, status: str | None, reply_received_date: date | None, sent_on: date | None, today: date
) -> int | None:
    """Days since an unanswered out-referral was sent (also for one recorded as expired); else None."""
    if direction != "out" or reply_received_date is not None or sent_on is None:
        return None
    if normal_status(status) not in WAITING_STATUSES | {"expired"}:
        return None
    return max(0, (today - sent_on).days)


def effective_status(
    direction: str,
    status: str | None,
    reply_received_date: date | None,
    sent_on: date | None,
    today: date,
    limits: ReplyLimits = ReplyLimits(),
) -> str:
    """The stored status, or ``awaiting_reply`` / ``expired`` for an unanswered out-referral past the limits."""
    status = normal_status(status)
    if not is_waiting(direction, status, reply_received_date) or sent_on is None:
        return status
    waited = (today - sent_on).days
    if waited >= limits.expiry_days:
        return "expired"
    if waited >= limits.reply_days:
        return AWAITING_REPLY
    return status


def status_label(code: str | None) -> str:
    """The label of a stored or computed status."""
    code = normal_status(code)
    return EFFECTIVE_STATUS_LABELS.get(code) or REFERRAL_STATUSES.label(code)


def reply_status(accepted: bool | None) -> str:
    """The status a reply from the return slip sets: accepted, declined, or only acknowledged."""
    if accepted is None:
        return "acknowledged"
    return "accepted" if accepted else "declined"


# --- formal -------------------------------------------------------------------------------------

CONFIRMATIONS: tuple[tuple[str, str], ...] = (
    ("planned", "Planned"),
    ("supported", "Supported"),
    ("coordinated", "Coordinated"),
    ("information_exchanged", "Information exchanged"),
)


def missing_confirmations(
    *, planned: bool, supported: bool, coordinated: bool, information_exchanged: bool
) -> list[str]:
    """Labels of the formal-referral confirmations not ticked, in the form's order."""
    values = {
        "planned": planned, "supported": supported, "coordinated": coordinated,
        "information_exchanged": information_exchanged,
    }
    return [label for name, label in CONFIRMATIONS if not values[name]]


def formal_problem(
    *,
    formal: bool,
    source_label: str | None,
    planned: bool,
    supported: bool,
    coordinated: bool,
    information_exchanged: bool,
) -> str | None:
    """Why this referral cannot be marked formal (message naming the field), or None."""
    if not formal:
        return None
    if source_label:
        return (
            f"Formal: a referral from an informal source ({source_label}) never counts as formal; "
            "untick Formal, or choose the organization that referred the learner instead of the source."
        )
    missing = missing_confirmations(
        planned=planned, supported=supported, coordinated=coordinated, information_exchanged=information_exchanged
    )
    if missing:
        return (
            "Formal: a formal referral is planned, supported and coordinated, with the learner's information "
            f"exchanged; tick {_and_join(missing)} under Formal-referral confirmation, or untick Formal."
        )
    return None


def formal_suggestion(
    *, formal: bool, has_partner: bool, planned: bool, supported: bool, coordinated: bool, information_exchanged: bool
) -> str | None:
    """A hint (not a refusal): all four confirmations are ticked but Formal is not."""
    if formal or not has_partner:
        return None
    if missing_confirmations(
        planned=planned, supported=supported, coordinated=coordinated, information_exchanged=information_exchanged
    ):
        return None
    return "Formal: all four confirmations are ticked; tick Formal so this referral counts for service coordination."


def _and_join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --- outreach -----------------------------------------------------------------------------------

OUTREACH_WINDOW_DAYS = 90


def follows_outreach(activity_date: date, referral_date: date, days: int = OUTREACH_WINDOW_DAYS) -> bool:
    """A referral follows an outreach activity when dated on its day or up to ``days`` days after."""
    return activity_date <= referral_date <= activity_date + timedelta(days=days)
