"""The learner list: search, filter and sort in SQL, then a page of small row snapshots.

The desktop list asks ``matching_learner_ids`` for the ids of everyone matching the search box and
the filter, already sorted, then ``learner_rows`` for the few hundred on screen.  Both read only the
columns they need with Core ``select()`` (no ORM objects): see CONVENTIONS.md, "Measured pitfalls".

The filter codes are SPEC.md section 6's ``learnerFilter`` codes and mean exactly what section 3 and 6
say; the same rules, for one learner, live in ``lbsdesk.domain.calendar_rules``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, exists, false, func, not_, or_, select, true
from sqlalchemy.orm import Session


from lbsdesk.db.raw_rows import raw_rows
from lbsdesk.db.sql_hints import unindexed
from lbsdesk.db.models import Consent, FollowUp, Learner, Referral
from lbsdesk.domain.calendar_rules import add_months, follow_up_due_dates, is_active_on
from lbsdesk.domain.codes import FOLLOW_UP_MONTHS, GOAL_PATHS, PLAN_STAGES
from lbsdesk.domain.text import digits_only, fold
from lbsdesk.services.record_values import today_or as _today

FILTERS = ("all", "active", "exited", "no_formal_referral", "follow_up_due")
SORT_COLUMNS = ("learner_key", "name", "stage", "goal_path", "intake_date", "last_referral_date")

#: A consent whose expiry falls within this many days from today is "expiring".
CONSENT_EXPIRING_DAYS = 30

#: Typed text that is a phone number written with spaces, dashes, dots or brackets.
_PHONE_TYPED = re.compile(r"^[\d\s().+-]+$")

#: SQLite allows 32,766 bound parameters (999 before 3.32); pages are far smaller, but be safe.
_IN_CHUNK = 900


@dataclass(frozen=True)
class LearnerQuery:
    """What the list shows: the search box text, the filter code, the sort column and direction."""

    search: str = ""
    filter: str = "all"
    sort: str = "name"
    descending: bool = False
    today: date | None = None


@dataclass(frozen=True)
class LearnerRow:
    """One line of the learner list: a snapshot, never a live record."""

    id: int
    learner_key: str
    first_name: str
    last_name: str
    stage: str | None
    goal_path: str | None
    intake_date: date
    exit_date: date | None
    phone: str | None
    last_referral_date: date | None
    no_formal_referral: bool
    follow_up_due: bool
    consent_missing: bool
    consent_expiring: bool


# --- SQL building blocks ------------------------------------------------------------------------


def like_pattern(text: str) -> str | None:
    """The ``LIKE`` pattern (escape ``\\``) for what was typed in the search box; None for nothing."""
    folded = fold(text)
    if not folded:
        return None
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_clause(text: str) -> ColumnElement[bool] | None:
    """Learners whose first, last, "first last", "last first", key or phone contain ``text``."""
    pattern = like_pattern(text)
    if pattern is None:
        return None
    clause = Learner.search_text.like(pattern, escape="\\")
    digits = digits_only(text)
    if len(digits) >= 3 and _PHONE_TYPED.match(text.strip()) and digits != fold(text):
        # "555-01" also finds "(613) 555 0199": search_text holds every phone's bare digits too
        clause = or_(clause, Learner.search_text.like(f"%{digits}%"))
    return clause


def active_clause(today: date) -> ColumnElement[bool]:
    """SPEC.md section 3: intake on or before today, and no exit or an exit on or after today."""
    return and_(
        unindexed(Learner.intake_date) <= today,
        or_(Learner.exit_date.is_(None), unindexed(Learner.exit_date) >= today),
    )


def has_formal_referral_by(today: date) -> ColumnElement[bool]:
    """The learner has a formal referral (in or out) dated on or before today."""
    return exists().where(
        Referral.learner_id == Learner.id,
        Referral.formal.is_(True),
        Referral.referral_date <= today,
    )


def latest_exit_with_follow_up_due(today: date, months: int) -> date:
    """The latest exit date whose ``months`` follow-up is due on or before ``today``.

    ``add_months`` never decreases as the exit date grows, so "the follow-up is due by today" is
    exactly ``exit_date <= this date``: a plain comparison any database can do (31 August + 3 months
    is 30 November, so on 30 November exits up to 31 August are due).
    """
    candidate = add_months(today, -months)
    while add_months(candidate + timedelta(days=1), months) <= today:
        candidate += timedelta(days=1)
    return candidate


def follow_up_due_clause(today: date) -> ColumnElement[bool]:
    """A 3-, 6- or 12-month follow-up is due on or before today and not recorded in ``follow_up``."""
    due = []
    for months in FOLLOW_UP_MONTHS:
        recorded = exists().where(FollowUp.learner_id == Learner.id, FollowUp.months == months)
        due.append(
            and_(unindexed(Learner.exit_date) <= latest_exit_with_follow_up_due(today, months), not_(recorded))
        )
    return and_(Learner.exit_date.is_not(None), or_(*due))


def filter_clause(code: str, today: date) -> ColumnElement[bool] | None:
    if code == "all":
        return None
    if code == "active":
        return active_clause(today)
    if code == "exited":
        return unindexed(Learner.exit_date) <= today
    if code == "no_formal_referral":
        return and_(active_clause(today), not_(has_formal_referral_by(today)))
    if code == "follow_up_due":
        return follow_up_due_clause(today)
    raise ValueError(f"Unknown learner filter '{code}': use one of {', '.join(FILTERS)}")


def last_referral_date_expr():  # noqa: ANN201 - a scalar subquery
    """The date of the learner's latest referral (in or out, formal or not)."""
    return (
        select(func.max(Referral.referral_date))
        .where(Referral.learner_id == Learner.id)
        .correlate(Learner)
        .scalar_subquery()
    )


def _code_order(column, codes: Sequence[str]):  # noqa: ANN001, ANN202
    """Codes in their list's order (stages initial → closure), not alphabetically."""
    return case({code: index for index, code in enumerate(codes)}, value=column, else_=len(codes))


def _order_by(sort: str, descending: bool, *, filtered: bool = False) -> list:
    """ORDER BY for the list; ``filtered``: a filter beyond the search narrows the rows.

    The name order follows ``ix_learner_search_text`` when only the search applies (100,000 ids in
    about 30 ms, no sorting); with a filter, walking that index costs a row lookup per learner and
    scanning the table then sorting is 3-4 times faster (measured: 36-63 ms against 129-189 ms).
    """
    if sort == "learner_key":
        keys = [Learner.learner_key]
        missing = None
    elif sort == "name":
        # search_text starts with the folded "last first" (domain.text.learner_search_text) and
        # holds the unique learner ID: ordering by it is ordering by name, with no ties.
        keys = [unindexed(Learner.search_text) if filtered else Learner.search_text]
        missing = None
    elif sort == "stage":
        keys = [_code_order(Learner.stage, PLAN_STAGES.codes)]
        missing = Learner.stage
    elif sort == "goal_path":
        keys = [_code_order(Learner.goal_path, GOAL_PATHS.codes)]
        missing = Learner.goal_path
    elif sort == "intake_date":
        keys = [unindexed(Learner.intake_date)]
        missing = None
    elif sort == "last_referral_date":
        expr = last_referral_date_expr()
        keys = [expr]
        missing = expr
    else:
        raise ValueError(f"Unknown sort column '{sort}': use one of {', '.join(SORT_COLUMNS)}")
    order: list = []
    if missing is not None:
        # Empty values go last whichever way the column is sorted.
        order.append(case((missing.is_(None), 1), else_=0))
    order.extend(key.desc() if descending else key.asc() for key in keys)
    if sort != "name":  # the name key is unique already; a tie-breaker would force a sort
        order.append(Learner.id.desc() if descending else Learner.id.asc())
    return order


# --- the two calls the list makes ---------------------------------------------------------------


def matching_learner_ids(session: Session, query: LearnerQuery) -> list[int]:
    """Every learner matching the search and the filter, in the query's order (ties by id).

    Merged learners (``merged_into_id`` set) never appear.
    """
    today = _today(query.today)
    conditions: list[ColumnElement[bool]] = [Learner.merged_into_id.is_(None)]
    narrowing = filter_clause(query.filter, today)
    for clause in (search_clause(query.search), narrowing):
        if clause is not None:
            conditions.append(clause)
    order = _order_by(query.sort, query.descending, filtered=narrowing is not None)
    statement = select(Learner.id).where(*conditions).order_by(*order)
    # Up to 100,000 plain integers: read them straight from the DB-API cursor.  SQLAlchemy's row
    # processing costs 100-200 ms for that many rows on its own (measured), the query 20-80 ms.
    return [row[0] for row in raw_rows(session.connection(), statement)]


def learner_rows(session: Session, ids: Sequence[int], today: date | None = None) -> list[LearnerRow]:
    """The list rows for these learners, in the order of ``ids`` (unknown ids are skipped)."""
    today = _today(today)
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    expiring = exists().where(
        Consent.learner_id == Learner.id,
        Consent.withdrawn_date.is_(None),
        Consent.expiry_date >= today,
        Consent.expiry_date <= today + timedelta(days=CONSENT_EXPIRING_DAYS),
    )
    columns = (
        Learner.id,
        Learner.learner_key,
        Learner.first_name,
        Learner.last_name,
        Learner.stage,
        Learner.goal_path,
        Learner.intake_date,
        Learner.exit_date,
        Learner.phone,
        last_referral_date_expr().label("last_referral_date"),
        case((has_formal_referral_by(today), true()), else_=false()).label("has_formal"),
        Learner.consent_to_share,
        case((expiring, true()), else_=false()).label("consent_expiring"),
    )
    found: dict[int, tuple] = {}
    done: dict[int, set[int]] = {}
    for start in range(0, len(wanted), _IN_CHUNK):
        chunk = wanted[start : start + _IN_CHUNK]
        for row in session.execute(select(*columns).where(Learner.id.in_(chunk))):
            found[row.id] = row
        exited = [row_id for row_id in chunk if row_id in found and found[row_id].exit_date is not None]
        if exited:
            recorded = select(FollowUp.learner_id, FollowUp.months).where(FollowUp.learner_id.in_(exited))
            for learner_id, months in session.execute(recorded):
                done.setdefault(learner_id, set()).add(months)
    rows: list[LearnerRow] = []
    for learner_id in wanted:
        row = found.get(learner_id)
        if row is None:
            continue
        rows.append(
            LearnerRow(
                id=row.id,
                learner_key=row.learner_key,
                first_name=row.first_name,
                last_name=row.last_name,
                stage=row.stage,
                goal_path=row.goal_path,
                intake_date=row.intake_date,
                exit_date=row.exit_date,
                phone=row.phone,
                last_referral_date=row.last_referral_date,
                no_formal_referral=is_active_on(today, row.intake_date, row.exit_date)
                and not row.has_formal,
                follow_up_due=follow_up_is_due(row.exit_date, done.get(row.id, set()), today),
                consent_missing=row.consent_to_share is not True,
                consent_expiring=bool(row.consent_expiring),
            )
        )
    return rows


def follow_up_is_due(exit_date: date | None, recorded_months: set[int], today: date) -> bool:
    """A 3/6/12-month follow-up fell due on or before today and has not been recorded."""
    if exit_date is None:
        return False
    return any(
        due <= today and months not in recorded_months
        for months, due in follow_up_due_dates(exit_date).items()
    )
