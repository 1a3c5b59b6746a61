"""The month's figures from the database (SPEC.md section 4), for the report, the sheet and the view.

The queries only narrow what is read; ``lbsdesk.domain.monthly_figures`` does all the counting.
"""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy import and_, or_, select
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


def monthly_figures(session: Session, month: Month) -> dict:
    first, last = month.first_day, month.last_day
    # Everyone who can count this month: active in it, closed in its fiscal year so far, or with
    # a follow-up falling due in it (exit at most 12 months before the month).
    oldest_exit_that_counts = month.plus(-12).first_day
    learner_filter = and_(
        Learner.merged_into_id.is_(None),
        Learner.intake_date <= last,
        or_(Learner.exit_date.is_(None), Learner.exit_date >= oldest_exit_that_counts),
    )
    learners = [
        LearnerFacts(key, intake, exit_date, goal_path)
        for key, intake, exit_date, goal_path in session.execute(
            select(Learner.learner_key, Learner.intake_date, Learner.exit_date, Learner.goal_path).where(
                learner_filter
            )
        )
    ]

    referral_rows = session.execute(
        select(
            Referral.referral_key,
            Learner.learner_key,
            Referral.direction,
            Referral.referral_date,
            Referral.formal,
            Partner.org_type,
            Referral.source,
            Referral.cams_entered_date,
        )
        .join(Learner, Referral.learner_id == Learner.id)
        .outerjoin(Partner, Referral.partner_id == Partner.id)
        .where(
            Referral.referral_date <= last,
            or_(Referral.referral_date >= first, Referral.formal.is_(True)),
        )
    )
    referrals = [
        ReferralFacts(key, learner_key, direction, day, bool(formal), org_type or source, cams)
        for key, learner_key, direction, day, formal, org_type, source, cams in referral_rows
    ]

    inquiries = [
        InquiryFacts(day, channel, source, learner_id is not None)
        for day, channel, source, learner_id in session.execute(
            select(Inquiry.inquiry_date, Inquiry.channel, Inquiry.source, Inquiry.learner_id).where(
                Inquiry.inquiry_date >= first, Inquiry.inquiry_date <= last
            )
        )
    ]

    follow_ups_done = {
        (learner_key, months)
        for learner_key, months in session.execute(
            select(Learner.learner_key, FollowUp.months)
            .join(Learner, FollowUp.learner_id == Learner.id)
            .where(Learner.exit_date >= oldest_exit_that_counts)
        )
    }
    return compute_monthly_figures(
        month, learners=learners, referrals=referrals, inquiries=inquiries, follow_ups_done=follow_ups_done
    )


def figures_as_json(figures: dict) -> str:
    return json.dumps(figures, indent=2, ensure_ascii=False)


def figures_as_csv(figures: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("section", "key", "value"))
    writer.writerows(figures_as_rows(figures))
    return buffer.getvalue()
