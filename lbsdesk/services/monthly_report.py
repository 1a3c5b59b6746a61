"""The month's figures from the database (SPEC.md section 4), for the report, the sheet and the view.

``lbsdesk.domain.monthly_figures`` states the counting rules as a pure function.  ``monthly_figures``
counts the large parts in SQL and is checked against that function on random agencies;
``read_counting_rows`` + ``compute_monthly_figures`` count everything in Python (the fiscal year).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from collections import Counter

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from lbsdesk.domain.calendar_rules import FiscalYear, Month
from lbsdesk.domain.codes import FOLLOW_UP_MONTHS
from lbsdesk.domain.monthly_figures import (
    TARGET_PERCENT,
    UNKNOWN,
    InquiryFacts,
    LearnerFacts,
    ReferralFacts,
    compute_monthly_figures,
    figures_as_rows,
    percent_of,
    referrals_needed,
)
from lbsdesk.db.models import FollowUp, Inquiry, Learner, Partner, Referral
from lbsdesk.db.raw_rows import DateReader, raw_rows
from lbsdesk.db.sql_hints import unindexed


@dataclass
class CountingRows:
    """The rows the counting rules read, for one month or a run of months (plain facts, no ORM)."""

    learners: list[LearnerFacts]
    referrals: list[ReferralFacts]
    inquiries: list[InquiryFacts]
    follow_ups_done: set[tuple[str, int]]


def read_counting_rows(session: Session, first_month: Month, last_month: Month | None = None) -> CountingRows:
    """Every row that any month from ``first_month`` to ``last_month`` counts.

    The queries only narrow what is read (a superset is always safe, since the counting rules
    filter for themselves); they never decide what counts.
    """
    last_month = last_month or first_month
    first, last = first_month.first_day, last_month.last_day
    connection = session.connection()  # raw rows: no ORM bookkeeping for tens of thousands of rows
    day = DateReader()
    # Everyone who can count: active in the months, closed in their fiscal year so far, or with a
    # follow-up falling due in them (an exit at most 12 months before).
    oldest_exit_that_counts = first_month.plus(-12).first_day
    may_count = and_(
        Learner.merged_into_id.is_(None),
        Learner.intake_date <= last,
        or_(Learner.exit_date.is_(None), Learner.exit_date >= oldest_exit_that_counts),
    )
    learners = [
        LearnerFacts(key, day[intake], day[exit_date], goal_path)
        for key, intake, exit_date, goal_path in raw_rows(
            connection,
            select(Learner.learner_key, Learner.intake_date, Learner.exit_date, Learner.goal_path).where(may_count),
        )
    ]

    referral_columns = (
        Referral.referral_key,
        Learner.learner_key,
        Referral.direction,
        Referral.referral_date,
        Referral.formal,
        func.coalesce(Partner.org_type, Referral.source),
        Referral.cams_entered_date,
    )

    def referrals_where(*conditions, of_learners_who_may_count: bool = False) -> list[tuple]:
        query = (
            select(*referral_columns)
            .join(Learner, Referral.learner_id == Learner.id)
            .outerjoin(Partner, Referral.partner_id == Partner.id)
            .where(*conditions)
        )
        if of_learners_who_may_count:
            query = query.where(may_count)
        return raw_rows(connection, query)

    formal_by_last_day = and_(Referral.formal.is_(True), Referral.referral_date <= last)
    referrals_by_key: dict[str, ReferralFacts] = {}
    for rows in (
        # every referral dated in the months (the in/out totals) …
        referrals_where(Referral.referral_date >= first, Referral.referral_date <= last),
        # … the formal ones of the learners who may count (closed plans, the gap list) …
        referrals_where(formal_by_last_day, of_learners_who_may_count=True),
        # … and every formal one not keyed into CaMS by the first month's end (nearly every referral
        # is dated before the month's end: scanning beats walking the date index, 0.03 s vs 0.18 s).
        referrals_where(
            Referral.formal.is_(True),
            unindexed(Referral.referral_date) <= last,
            or_(Referral.cams_entered_date.is_(None), Referral.cams_entered_date > first_month.last_day),
        ),
    ):
        for key, learner_key, direction, dated, formal, type_code, cams in rows:
            if key not in referrals_by_key:
                referrals_by_key[key] = ReferralFacts(
                    key, learner_key, direction, day[dated], bool(formal), type_code, day[cams]
                )

    inquiries = [
        InquiryFacts(day[dated], channel, source, learner_id is not None)
        for dated, channel, source, learner_id in raw_rows(
            connection,
            select(Inquiry.inquiry_date, Inquiry.channel, Inquiry.source, Inquiry.learner_id).where(
                Inquiry.inquiry_date >= first, Inquiry.inquiry_date <= last
            ),
        )
    ]

    follow_ups_done = {
        (learner_key, months)
        for learner_key, months in raw_rows(
            connection,
            select(Learner.learner_key, FollowUp.months)
            .join(Learner, FollowUp.learner_id == Learner.id)
            .where(Learner.exit_date >= oldest_exit_that_counts, Learner.exit_date <= last),
        )
    }
    return CountingRows(learners, list(referrals_by_key.values()), inquiries, follow_ups_done)


def monthly_figures_from_rows(session: Session, month: Month) -> dict:
    """The month's figures counted in Python by the pure rules over every row that may count.

    The reference ``monthly_figures`` is checked against (tests), and what the fiscal-year view uses
    for a run of months (``read_counting_rows`` once, ``compute_monthly_figures`` per month).
    """
    rows = read_counting_rows(session, month)
    return compute_monthly_figures(
        month,
        learners=rows.learners,
        referrals=rows.referrals,
        inquiries=rows.inquiries,
        follow_ups_done=rows.follow_ups_done,
    )


def monthly_figures(session: Session, month: Month) -> dict:
    """SPEC.md section 4 for one month, with set-based SQL returning only small results.

    The learner counts, the gap list and service coordination are aggregated in the database (a
    100,000-learner agency otherwise ships ~110,000 rows to Python for them); the month's inquiries and
    referrals and the follow-ups due go through ``compute_monthly_figures`` itself.  The two ways are
    checked against each other on random agencies (tests/db/test_monthly_report.py, also on PostgreSQL).
    """
    first, last = month.first_day, month.last_day
    fiscal_year = FiscalYear.of(first)
    connection = session.connection()
    day = DateReader()
    not_merged = Learner.merged_into_id.is_(None)

    # The month's inquiries and referrals, and the follow-ups falling due: small sets, counted by the
    # pure rules (a learner's k-month follow-up falls in this month when the exit was k months before).
    month_referrals = [
        ReferralFacts(key, learner_key, direction, day[dated], bool(formal), type_code, day[cams])
        for key, learner_key, direction, dated, formal, type_code, cams in raw_rows(
            connection,
            select(Referral.referral_key, Learner.learner_key, Referral.direction, Referral.referral_date,
                   Referral.formal, func.coalesce(Partner.org_type, Referral.source), Referral.cams_entered_date)
            .join(Learner, Referral.learner_id == Learner.id)
            .outerjoin(Partner, Referral.partner_id == Partner.id)
            .where(Referral.referral_date >= first, Referral.referral_date <= last),
        )
    ]
    inquiries = [
        InquiryFacts(day[dated], channel, source, learner_id is not None)
        for dated, channel, source, learner_id in raw_rows(
            connection,
            select(Inquiry.inquiry_date, Inquiry.channel, Inquiry.source, Inquiry.learner_id).where(
                Inquiry.inquiry_date >= first, Inquiry.inquiry_date <= last
            ),
        )
    ]
    exit_months = [month.plus(-months) for months in FOLLOW_UP_MONTHS]
    exited_then = or_(*(and_(Learner.exit_date >= m.first_day, Learner.exit_date <= m.last_day) for m in exit_months))
    leavers = [
        LearnerFacts(key, day[intake], day[exit_date], goal_path)
        for key, intake, exit_date, goal_path in raw_rows(
            connection,
            select(Learner.learner_key, Learner.intake_date, Learner.exit_date, Learner.goal_path)
            .where(not_merged, exited_then),
        )
    ]
    done = {
        (key, months)
        for key, months in raw_rows(
            connection,
            select(Learner.learner_key, FollowUp.months).join(Learner, FollowUp.learner_id == Learner.id)
            .where(not_merged, exited_then),
        )
    }
    small = compute_monthly_figures(
        month, learners=leavers, referrals=month_referrals, inquiries=inquiries, follow_ups_done=done
    )

    # Learners active, new and exited, and the active ones by goal path (SPEC section 3).
    active_in_month = and_(Learner.intake_date <= last, or_(Learner.exit_date.is_(None), Learner.exit_date >= first))

    def count_where(condition) -> object:  # noqa: ANN001
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    active, new, exited = connection.execute(
        select(
            count_where(active_in_month),
            count_where(and_(Learner.intake_date >= first, Learner.intake_date <= last)),
            count_where(and_(Learner.exit_date >= first, Learner.exit_date <= last)),
        ).where(not_merged)
    ).one()
    goal_path = func.coalesce(Learner.goal_path, UNKNOWN)
    by_goal_path = Counter(
        dict(connection.execute(select(goal_path, func.count()).where(not_merged, active_in_month).group_by(goal_path)).all())
    )

    # Service coordination: plans closed in the fiscal year up to the month's last day, and the formal
    # referrals (in or out) dated on or before each one's exit.
    formal_by_exit = (
        select(func.count())
        .where(Referral.learner_id == Learner.id, Referral.formal.is_(True), Referral.referral_date <= Learner.exit_date)
        .correlate(Learner)
        .scalar_subquery()
    )
    closed_plans = select(formal_by_exit.label("formal")).where(
        not_merged, Learner.intake_date <= last, Learner.exit_date >= fiscal_year.first_day, Learner.exit_date <= last
    ).subquery()
    closed, closed_with_formal, formal_on_closed = connection.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((closed_plans.c.formal > 0, 1), else_=0)), 0),
            func.coalesce(func.sum(closed_plans.c.formal), 0),
        ).select_from(closed_plans)
    ).one()

    # The gap list: active on the last day with no formal referral dated on or before it.
    formal_by_last_day = exists().where(
        Referral.learner_id == Learner.id, Referral.formal.is_(True), Referral.referral_date <= last
    )
    gaps = sorted(
        key for (key,) in raw_rows(
            connection,
            select(Learner.learner_key).where(
                not_merged, Learner.intake_date <= last,
                or_(Learner.exit_date.is_(None), Learner.exit_date >= last), ~formal_by_last_day,
            ),
        )
    )
    not_in_cams = sorted(
        key for (key,) in raw_rows(
            connection,
            select(Referral.referral_key).where(
                Referral.formal.is_(True), unindexed(Referral.referral_date) <= last,
                or_(Referral.cams_entered_date.is_(None), Referral.cams_entered_date > last),
            ),
        )
    )

    closed, closed_with_formal, formal_on_closed = int(closed), int(closed_with_formal), int(formal_on_closed)
    return {
        "month": str(month),
        "fiscal_year": str(fiscal_year),
        "inquiries": small["inquiries"],
        "learners": {
            "active": int(active),
            "new": int(new),
            "exited": int(exited),
            "by_goal_path": {key: by_goal_path[key] for key in sorted(by_goal_path) if by_goal_path[key] > 0},
        },
        "referrals_in": small["referrals_in"],
        "referrals_out": small["referrals_out"],
        "service_coordination": {
            "closed_plans": closed,
            "closed_with_formal_referral": closed_with_formal,
            "formal_referrals_on_closed": formal_on_closed,
            "percent": percent_of(closed_with_formal, closed),
            "target_percent": TARGET_PERCENT,
            "referrals_needed": referrals_needed(closed, closed_with_formal),
        },
        "gaps": gaps,
        "not_in_cams": not_in_cams,
        "follow_ups_due": small["follow_ups_due"],
    }


def figures_as_json(figures: dict) -> str:
    return json.dumps(figures, indent=2, ensure_ascii=False)


def figures_as_csv(figures: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("section", "key", "value"))
    writer.writerows(figures_as_rows(figures))
    return buffer.getvalue()
