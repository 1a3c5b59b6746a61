"""The audit trail of one learner, in plain words: who changed what, when, from what to what.

Covers the learner's own record and everything on their file: referrals (and their status history),
consents, plans (with milestones and reviews), stage changes, check-ins, follow-ups, suitability
overrides and inquiries.  Newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from lbsdesk.db.models import (
    AuditEntry,
    CheckIn,
    Consent,
    FollowUp,
    Inquiry,
    Learner,
    LearnerPlan,
    Milestone,
    Partner,
    PlanReview,
    Referral,
    ReferralStatusEntry,
    Staff,
    StageEntry,
)
from lbsdesk.domain import codes
from lbsdesk.errors import LbsDeskError

#: What each table's records are called.
RECORD_NOUNS = {
    "learner": "Learner file",
    "referral": "Referral",
    "referral_status_entry": "Referral status",
    "consent": "Consent",
    "learner_plan": "Plan",
    "milestone": "Milestone",
    "plan_review": "Plan review",
    "stage_entry": "Stage",
    "check_in": "Check-in",
    "follow_up": "Follow-up",
    "suitability_override": "Suitability",
    "inquiry": "Inquiry",
}

#: Fields whose stored codes are shown with their labels.
_CODE_FIELDS = {
    "goal_path": codes.GOAL_PATHS,
    "stage": codes.PLAN_STAGES,
    "status": codes.REFERRAL_STATUSES,
    "direction": codes.DIRECTIONS,
    "source": codes.INFORMAL_SOURCES,
    "cams_plan_status": codes.CAMS_PLAN_STATUSES,
    "income_source": codes.INCOME_SOURCES,
    "education_level": codes.EDUCATION_LEVELS,
    "urgency": codes.URGENCIES,
    "with_whom": codes.CHECK_IN_WITH,
    "scope": codes.CONSENT_SCOPES,
    "method": codes.CONSENT_METHODS,
    "competency": codes.OALCF_COMPETENCIES,
    "channel": codes.INQUIRY_CHANNELS,
}

_FIELD_WORDS = {
    "learner_key": "Learner ID",
    "referral_key": "Referral number",
    "cams_entered_date": "Keyed into CaMS",
    "cams_plan_status": "CaMS plan status",
    "partner_id": "Partner",
    "staff_id": "Staff",
    "consent_id": "Consent",
    "personal_data_removed_date": "Personal details removed",
    "password_hash": "Password",
    "with_whom": "With",
    "months": "Months after exit",
}


#: Tables whose records ``_record_names`` names; a record missing there has been deleted.
_NAMED_TABLES = frozenset({
    "referral", "referral_status_entry", "consent", "learner_plan", "milestone", "plan_review",
    "check_in", "follow_up", "stage_entry", "inquiry",
})


@dataclass(frozen=True)
class AuditRow:
    """One change as the audit view shows it."""

    changed_at: datetime
    staff_name: str  # "(no one signed in)" when the change was made without a signed-in staff member
    action: str  # insert, update, delete, import
    record: str  # e.g. "Referral R00012", "Learner file", "Check-in 2026-03-04"
    field: str | None  # the field's label, None for an added or removed record
    old_value: str | None
    new_value: str | None
    description: str  # the whole change in plain words


def field_label(name: str | None) -> str | None:
    if name is None:
        return None
    if name in _FIELD_WORDS:
        return _FIELD_WORDS[name]
    from lbsdesk.services.learners import FIELD_LABELS as LEARNER_LABELS

    if name in LEARNER_LABELS:
        return LEARNER_LABELS[name]
    return name.replace("_id", "").replace("_", " ").capitalize()


def _value_text(field: str | None, value: str | None, partners: dict[int, str], staff: dict[int, str]) -> str | None:
    if value is None or field is None:
        return value
    if field in _CODE_FIELDS:
        return _CODE_FIELDS[field].label(value)
    if field in ("partner_id", "staff_id") and value.isdigit():
        names = partners if field == "partner_id" else staff
        return names.get(int(value), value)
    return value


def _describe(action: str, record: str, field: str | None, old: str | None, new: str | None) -> str:
    if action == "insert":
        return f"Added {record[0].lower() + record[1:]}"
    if action == "delete":
        return f"Removed {record[0].lower() + record[1:]}"
    if action == "import" and field is None:
        return f"Imported {record[0].lower() + record[1:]}" + (f" from {new}" if new else "")
    if field is None:
        return f"Changed {record[0].lower() + record[1:]}"
    if old is None and new is None:
        return f"{record}: {field} changed (the values are no longer kept)"
    if old is None:
        return f"{record}: {field} set to \"{new}\""
    if new is None:
        return f"{record}: {field} cleared (was \"{old}\")"
    return f"{record}: {field} changed from \"{old}\" to \"{new}\""


def audit_trail_for_learner(session: Session, learner_id: int) -> list[AuditRow]:
    """Every recorded change to this learner's file, newest first."""
    if session.get(Learner, learner_id) is None:
        raise LbsDeskError(f"There is no learner with the number {learner_id}; refresh the list.")
    plan_ids = select(LearnerPlan.id).where(LearnerPlan.learner_id == learner_id).scalar_subquery()
    referral_ids = select(Referral.id).where(Referral.learner_id == learner_id).scalar_subquery()
    milestone_ids = list(session.scalars(select(Milestone.id).where(Milestone.plan_id.in_(plan_ids))))
    review_ids = list(session.scalars(select(PlanReview.id).where(PlanReview.plan_id.in_(plan_ids))))
    status_ids = list(session.scalars(
        select(ReferralStatusEntry.id).where(ReferralStatusEntry.referral_id.in_(referral_ids))
    ))
    condition = or_(
        AuditEntry.learner_id == learner_id,
        and_(AuditEntry.table_name == "milestone", AuditEntry.record_id.in_(milestone_ids)),
        and_(AuditEntry.table_name == "plan_review", AuditEntry.record_id.in_(review_ids)),
        and_(AuditEntry.table_name == "referral_status_entry", AuditEntry.record_id.in_(status_ids)),
    )
    entries = session.execute(
        select(AuditEntry.changed_at, AuditEntry.staff_id, AuditEntry.action, AuditEntry.table_name,
               AuditEntry.record_id, AuditEntry.field, AuditEntry.old_value, AuditEntry.new_value)
        .where(condition)
        .order_by(AuditEntry.changed_at.desc(), AuditEntry.id.desc())
    ).all()

    staff = dict(session.execute(select(Staff.id, Staff.name)).all())
    partners = dict(session.execute(select(Partner.id, Partner.name)).all())
    names = _record_names(session, learner_id, plan_ids, referral_ids)
    rows: list[AuditRow] = []
    for changed_at, staff_id, action, table, record_id, field, old, new in entries:
        noun = RECORD_NOUNS.get(table, table.replace("_", " ").capitalize())
        record = names.get((table, record_id)) or (
            f"{noun} (removed since)" if table in _NAMED_TABLES else noun
        )
        label = field_label(field)
        old_text = _value_text(field, old, partners, staff)
        new_text = _value_text(field, new, partners, staff)
        rows.append(AuditRow(
            changed_at=changed_at,
            staff_name=staff.get(staff_id, "(no one signed in)") if staff_id is not None else "(no one signed in)",
            action=action,
            record=record,
            field=label,
            old_value=old_text,
            new_value=new_text,
            description=_describe(action, record, label, old_text, new_text),
        ))
    return rows


def _record_names(session: Session, learner_id: int, plan_ids, referral_ids) -> dict[tuple[str, int], str]:  # noqa: ANN001
    names: dict[tuple[str, int], str] = {("learner", learner_id): "Learner file"}
    for id_, key in session.execute(select(Referral.id, Referral.referral_key).where(Referral.learner_id == learner_id)):
        names[("referral", id_)] = f"Referral {key}"
    for id_, key, status in session.execute(
        select(ReferralStatusEntry.id, Referral.referral_key, ReferralStatusEntry.status)
        .join(Referral, ReferralStatusEntry.referral_id == Referral.id).where(Referral.id.in_(referral_ids))
    ):
        names[("referral_status_entry", id_)] = f"Referral {key} status {codes.REFERRAL_STATUSES.label(status)}"
    for id_, signed in session.execute(select(Consent.id, Consent.signed_date).where(Consent.learner_id == learner_id)):
        names[("consent", id_)] = f"Consent signed {signed.isoformat()}" if signed else "Consent"
    for id_, number in session.execute(select(LearnerPlan.id, LearnerPlan.number).where(LearnerPlan.learner_id == learner_id)):
        names[("learner_plan", id_)] = f"Plan {number}"
    for id_, number, competency, level in session.execute(
        select(Milestone.id, LearnerPlan.number, Milestone.competency, Milestone.level)
        .join(LearnerPlan, Milestone.plan_id == LearnerPlan.id).where(LearnerPlan.id.in_(plan_ids))
    ):
        names[("milestone", id_)] = f"Plan {number} milestone {competency}{level}"
    for id_, number, day in session.execute(
        select(PlanReview.id, LearnerPlan.number, PlanReview.review_date)
        .join(LearnerPlan, PlanReview.plan_id == LearnerPlan.id).where(LearnerPlan.id.in_(plan_ids))
    ):
        names[("plan_review", id_)] = f"Plan {number} review {day.isoformat()}"
    for id_, day in session.execute(select(CheckIn.id, CheckIn.check_in_date).where(CheckIn.learner_id == learner_id)):
        names[("check_in", id_)] = f"Check-in {day.isoformat()}"
    for id_, months in session.execute(select(FollowUp.id, FollowUp.months).where(FollowUp.learner_id == learner_id)):
        names[("follow_up", id_)] = f"{months}-month follow-up"
    for id_, stage, day in session.execute(
        select(StageEntry.id, StageEntry.stage, StageEntry.entered_date).where(StageEntry.learner_id == learner_id)
    ):
        names[("stage_entry", id_)] = f"Stage {codes.PLAN_STAGES.label(stage)} from {day.isoformat()}"
    for id_, key in session.execute(select(Inquiry.id, Inquiry.inquiry_key).where(Inquiry.learner_id == learner_id)):
        names[("inquiry", id_)] = f"Inquiry {key}"
    return names
