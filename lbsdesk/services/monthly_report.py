"""The month's figures from the database (SPEC.md section 4), for the report, the sheet and the view.

The queries only narrow what is read; ``lbsdesk.domain.monthly_figures`` does all the counting.
"""

from __future__ import annotations

import csv
import io
import json

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
from lbsdesk.db.raw_rows import as_date, raw_rows


def monthly_figures(session: Session, month: Month) -> dict:
    first, last = month.first_day, month.last_day
    connection = session.connection()  # Core rows: no ORM bookkeeping for tens of thousands of rows
    # Everyone who can count this month: active in it, closed in its fiscal year so far, or with
    # a follow-up falling due in it (exit at most 12 months before the month).
    oldest_exit_that_counts = month.plus(-12).first_day
    counts_this_month = and_(
        Learner.merged_into_id.is_(None),
        Learner.intake_date <= last,
        or_(Learner.exit_date.is_(None), Learner.exit_date >= oldest_exit_that_counts),
    )
    learners = [
        LearnerFacts(key, as_date(intake), as_date(exit_date), goal_path)
        for key, intake, exit_date, goal_path in raw_rows(
            connection,
            select(Learner.learner_key, Learner.intake_date, Learner.exit_date, Learner.goal_path).where(
                counts_this_month
            ),
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

    def referrals_where(*conditions, learners_that_count: bool = False):
        query = (
            select(*referral_columns)
            .join(Learner, Referral.learner_id == Learner.id)
            .outerjoin(Partner, Referral.partner_id == Partner.id)
            .where(*conditions)
        )
        if learners_that_count:
            query = query.where(counts_this_month)
        return raw_rows(connection, query)

    formal_by_last_day = and_(Referral.formal.is_(True), Referral.referral_date <= last)
    referrals_by_key: dict[str, ReferralFacts] = {}
    for rows in (
        # every referral dated in the month (the in/out totals) …
        referrals_where(Referral.referral_date >= first, Referral.referral_date <= last),
        # … the formal ones of the learners who count (closed plans, the gap list) …
        referrals_where(formal_by_last_day, learners_that_count=True),
        # … and every formal one not keyed into CaMS by the month's end.
        referrals_where(
            formal_by_last_day,
            or_(Referral.cams_entered_date.is_(None), Referral.cams_entered_date > last),
        ),
    ):
        for key, learner_key, direction, day, formal, type_code, cams in rows:
            referrals_by_key[key] = ReferralFacts(
                key, learner_key, direction, as_date(day), bool(formal), type_code, as_date(cams)
            )

    inquiries = [
        InquiryFacts(day, channel, source, learner_id is not None)
        for day, channel, source, learner_id in connection.execute(
            select(Inquiry.inquiry_date, Inquiry.channel, Inquiry.source, Inquiry.learner_id).where(
                Inquiry.inquiry_date >= first, Inquiry.inquiry_date <= last
            )
        )
    ]

    follow_ups_done = {
        (learner_key, months)
        for learner_key, months in connection.execute(
            select(Learner.learner_key, FollowUp.months)
            .join(Learner, FollowUp.learner_id == Learner.id)
            .where(Learner.exit_date >= oldest_exit_that_counts, Learner.exit_date <= last)
        )
    }
    return compute_monthly_figures(
        month,
        learners=learners,
        referrals=referrals_by_key.values(),
        inquiries=inquiries,
        follow_ups_done=follow_ups_done,
    )


def figures_as_json(figures: dict) -> str:
    return json.dumps(figures, indent=2, ensure_ascii=False)


def figures_as_csv(figures: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("section", "key", "value"))
    writer.writerows(figures_as_rows(figures))
    return buffer.getvalue()
