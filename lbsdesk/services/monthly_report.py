"""The month's figures from the database (SPEC.md section 4), for the report, the sheet and the view.

The queries only narrow what is read; ``lbsdesk.domain.monthly_figures`` does all the counting.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from lbsdesk.domain.calendar_rules import Month
from lbsdesk.domain.monthly_figures import (
    InquiryFacts,
    LearnerFacts,
    ReferralFacts,
    compute_monthly_figures,
    figures_as_rows,
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


def monthly_figures(session: Session, month: Month) -> dict:
    rows = read_counting_rows(session, month)
    return compute_monthly_figures(
        month,
        learners=rows.learners,
        referrals=rows.referrals,
        inquiries=rows.inquiries,
        follow_ups_done=rows.follow_ups_done,
    )


def figures_as_json(figures: dict) -> str:
    return json.dumps(figures, indent=2, ensure_ascii=False)


def figures_as_csv(figures: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("section", "key", "value"))
    writer.writerows(figures_as_rows(figures))
    return buffer.getvalue()
