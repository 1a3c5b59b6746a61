"""When something about a learner is due: the rules behind the "Due" view and the timeline's warnings.

Pure functions of dates (no database).  Each rule comes twice where the services need it: a
``…_is_…`` test for one record, and a cut-off date that turns the same rule into a plain date
comparison a database can do for 100,000 learners at once.  The two always agree (tests check it).

Defaults are the seeded ``app_setting`` values; the services read the agency's own values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from lbsdesk.domain.calendar_rules import follow_up_due_dates, is_active_on

#: ``app_setting`` keys and their defaults.
CHECK_IN_OVERDUE_DAYS_KEY = "check_in_overdue_days"
CHECK_IN_OVERDUE_DAYS = 35
#: A consent whose expiry is within this many days from today is "expiring" (today and day 30 count).
CONSENT_EXPIRING_DAYS = 30

#: Referral statuses that still wait for the receiving agency's answer.

#: Follow-up statuses, in the order a person deals with them.
FOLLOW_UP_STATUSES: tuple[str, ...] = ("overdue", "due", "upcoming", "done", "unable")


# --- plan reviews -------------------------------------------------------------------------------


def plan_review_is_due(next_review_date: date | None, today: date) -> bool:
    """The plan's next review date has come (today or earlier)."""
    return next_review_date is not None and next_review_date <= today


def plan_review_is_overdue(next_review_date: date | None, today: date) -> bool:
    """The review date has passed (a review due today is due, not yet overdue)."""
    return next_review_date is not None and next_review_date < today


# --- check-ins ----------------------------------------------------------------------------------


def check_in_counted_from(last_check_in: date | None, intake_date: date) -> date:
    """Days without a check-in count from the last check-in, or from intake when there is none."""
    return last_check_in if last_check_in is not None and last_check_in > intake_date else intake_date


def check_in_overdue_cutoff(today: date, overdue_days: int = CHECK_IN_OVERDUE_DAYS) -> date:
    """Counted from a day before this one, a check-in is overdue (``counted_from < cutoff``)."""
    return today - timedelta(days=overdue_days)


def check_in_is_overdue(
    last_check_in: date | None,
    intake_date: date,
    exit_date: date | None,
    today: date,
    overdue_days: int = CHECK_IN_OVERDUE_DAYS,
) -> bool:
    """An active learner with no check-in for MORE than ``overdue_days`` days.

    Exactly 35 days after the last check-in is not overdue yet; 36 days is.
    """
    if not is_active_on(today, intake_date, exit_date):
        return False
    return check_in_counted_from(last_check_in, intake_date) < check_in_overdue_cutoff(today, overdue_days)


def check_in_next_due(last_check_in: date | None, intake_date: date, overdue_days: int = CHECK_IN_OVERDUE_DAYS) -> date:
    """The last day a check-in is still on time (the day after, it is overdue)."""
    return check_in_counted_from(last_check_in, intake_date) + timedelta(days=overdue_days)


# --- referrals awaiting a reply -----------------------------------------------------------------


# --- consents -----------------------------------------------------------------------------------


def consent_expiring_window(today: date, days: int = CONSENT_EXPIRING_DAYS) -> tuple[date, date]:
    """Expiry dates from ``today`` to ``today + days``, both included, are "expiring"."""
    return today, today + timedelta(days=days)


def consent_is_expiring(
    expiry_date: date | None, withdrawn_date: date | None, today: date, days: int = CONSENT_EXPIRING_DAYS
) -> bool:
    if expiry_date is None or withdrawn_date is not None:
        return False
    first, last = consent_expiring_window(today, days)
    return first <= expiry_date <= last


# --- follow-ups ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpState:
    """One of the 3-, 6- and 12-month follow-ups after an exit, as of a day."""

    months: int
    due_date: date
    status: str  # overdue, due, upcoming, done, unable
    done_date: date | None = None

    @property
    def overdue(self) -> bool:
        return self.status == "overdue"

    @property
    def needs_doing(self) -> bool:
        """Due today or earlier and not recorded: what the "Due" view lists."""
        return self.status in ("due", "overdue")


def follow_up_status(due_date: date, today: date, done_date: date | None = None, unable_to_contact: bool = False) -> str:
    """``done`` / ``unable`` once recorded; else ``due`` on the day, ``overdue`` after, ``upcoming`` before."""
    if done_date is not None:
        return "unable" if unable_to_contact else "done"
    if due_date == today:
        return "due"
    return "overdue" if due_date < today else "upcoming"


def follow_up_states(
    exit_date: date, today: date, recorded: dict[int, tuple[date, bool]] | None = None
) -> list[FollowUpState]:
    """The three follow-ups of an exit; ``recorded`` maps months → (done date, unable to contact)."""
    recorded = recorded or {}
    states = []
    for months, due in follow_up_due_dates(exit_date).items():
        done, unable = recorded.get(months, (None, False))
        states.append(FollowUpState(months, due, follow_up_status(due, today, done, unable), done))
    return states


# --- no formal referral -------------------------------------------------------------------------


def lacks_formal_referral(
    intake_date: date, exit_date: date | None, formal_referral_dates: list[date], today: date
) -> bool:
    """SPEC.md section 6 ``no_formal_referral``: active today, no formal referral dated on or before today."""
    return is_active_on(today, intake_date, exit_date) and not any(d <= today for d in formal_referral_dates)
