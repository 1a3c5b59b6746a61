"""The printed plan summary of one learner from the database (the learner's copy and the file copy).

``plan_summary_data`` gathers the current plan (or the latest one), milestones, reviews, the stage
history and the referrals; ``plan_summary_pdf`` renders it.  The timeline picture is optional PNG
bytes drawn by the UI (``PlanTimelineWidget.render_to_image``): this module never imports Qt.
Read-only.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.db.models import Learner, Partner, Referral
from lbsdesk.domain.codes import (
    GOAL_PATHS,
    INFORMAL_SOURCES,
    MILESTONE_STATUSES,
    OALCF_COMPETENCIES,
    PLAN_STAGES,
    REFERRAL_STATUSES,
    SERVICES_REQUESTED,
)
from lbsdesk.errors import LbsDeskError
from lbsdesk.printing.plan_summary import MilestoneLine, PlanSummaryData, ReferralLine, render_plan_summary
from lbsdesk.services.plans import current_plan, plan_history, stage_history
from lbsdesk.services.referral_printing import agency_of


def plan_summary_data(session: Session, learner_id: int, *, timeline_png: bytes | None = None,
                      printed_on: date | None = None, plan_id: int | None = None) -> PlanSummaryData:
    """What the summary prints: the current plan (or ``plan_id``, or the latest plan when none is current)."""
    learner = session.get(Learner, learner_id)
    if learner is None or learner.merged_into_id is not None:
        raise LbsDeskError(f"There is no learner with the number {learner_id}; refresh the list.")
    plans = plan_history(session, learner_id)
    if plan_id is not None:
        plan = next((p for p in plans if p.id == plan_id), None)
    else:
        plan = current_plan(session, learner_id) or (plans[-1] if plans else None)
    spans = stage_history(session, learner_id)
    agency = agency_of(session)
    lang = agency.language  # every label the summary prints is in the agency's language
    data = PlanSummaryData(
        learner_name=f"{learner.first_name} {learner.last_name}".strip(),
        learner_key=learner.learner_key,
        printed_on=printed_on or date.today(),
        agency=agency,
        stage=PLAN_STAGES.label(spans[-1].stage, lang) if spans else "",
        stages=[(PLAN_STAGES.label(span.stage, lang), span.from_date) for span in spans],
        exit_date=learner.exit_date,
        timeline_png=timeline_png,
        goal_path=GOAL_PATHS.label(learner.goal_path, lang) if learner.goal_path else "",
        goal=learner.goal or "",
    )
    if plan is not None:
        data.plan_number = plan.number
        data.written_date = plan.written_date
        data.goal_path = GOAL_PATHS.label(plan.goal_path, lang) if plan.goal_path else ""
        for name in ("goal", "background", "assessment_results", "culminating_task", "learning_activities",
                     "supports_needed", "referral_results"):
            setattr(data, name, getattr(plan, name) or "")
        data.assessment_date = plan.assessment_date
        data.culminating_task_completed_date = plan.culminating_task_completed_date
        data.planned_duration_weeks = plan.planned_duration_weeks
        data.planned_hours = plan.planned_hours
        data.next_review_date = plan.next_review_date if plan.is_current else None
        data.reviews = [(r.review_date, r.notes or "") for r in plan.reviews if r.review_date]
        data.milestones = [
            MilestoneLine(description=m.description, competency=m.competency,
                          competency_label=OALCF_COMPETENCIES.label(m.competency, lang), level=m.level,
                          planned=m.planned_date, attempted=m.attempted_date, completed=m.completed_date,
                          status=m.status, status_label=MILESTONE_STATUSES.label(m.status, lang), outcome=m.outcome)
            for m in plan.milestones
        ]
    rows = session.execute(
        select(Referral.referral_date, Referral.direction, Referral.formal, Referral.status, Referral.source,
               Referral.services_requested, Referral.services_other, Partner.name)
        .outerjoin(Partner, Referral.partner_id == Partner.id)
        .where(Referral.learner_id == learner_id)
        .order_by(Referral.referral_date, Referral.id)
    ).all()
    for r in rows:
        services = [SERVICES_REQUESTED.label(code, lang) for code in (r.services_requested or "").split(",") if code and code != "other"]
        if r.services_other:
            services.append(r.services_other)
        partner = r.name or (INFORMAL_SOURCES.label(r.source, lang) if r.source else "") or "—"
        data.referrals.append(ReferralLine(day=r.referral_date, direction=r.direction, partner=partner,
                                           status_label=REFERRAL_STATUSES.label(r.status or "unknown", lang),
                                           formal=bool(r.formal), services=", ".join(services)))
    return data


def plan_summary_pdf(session: Session, learner_id: int, *, timeline_png: bytes | None = None, copies: str = "both",
                     printed_on: date | None = None, plan_id: int | None = None) -> bytes:
    """The plan summary as PDF bytes (``copies``: "learner", "file" or "both")."""
    data = plan_summary_data(session, learner_id, timeline_png=timeline_png, printed_on=printed_on, plan_id=plan_id)
    return render_plan_summary(data, copies=copies)
