"""Keeping records only as long as the service agreement says (FIPPA/PIPEDA), then removing them.

``learners_past_retention`` lists the learners whose file was closed (exit date) longer ago than the
``retention_years`` setting (default 7).  After the agency confirms, ``remove_personal_details``
blanks everything that identifies the person or may describe them in free text, and keeps everything
the ministry's figures count: dates, codes, formal-referral flags, suitability flags and the learner
ID, so the monthly figures of past months do not change.  The old and new values the audit trail
held for those learners go too; one audit entry per learner records that the details were removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.orm import Session

from lbsdesk.db.models import (
    AppSetting,
    AuditEntry,
    CheckIn,
    Consent,
    FollowUp,
    Inquiry,
    Learner,
    LearnerPlan,
    Milestone,
    PlanReview,
    Referral,
    ReferralStatusEntry,
    StageEntry,
    SuitabilityOverride,
    utc_now,
)
from lbsdesk.domain.text import learner_search_text
from lbsdesk.errors import LbsDeskError, ValidationFailed

RETENTION_SETTING = "retention_years"
DEFAULT_RETENTION_YEARS = 7
REMOVED = "Removed"

#: What is blanked, table by table (free text that may name or describe the person).
_LEARNER_BLANKED = (
    "preferred_name", "date_of_birth", "gender", "phone", "email", "address", "city", "postal_code",
    "goal", "exit_reason", "exit_outcome", "notes",
)
_BLANKED_BY_LEARNER = (
    (Referral, ("reason", "services_other", "supports_needed", "reply_reason")),
    (CheckIn, ("notes",)),
    (FollowUp, ("outcome", "notes")),
    (Consent, ("notes",)),
    (StageEntry, ("note",)),
    (SuitabilityOverride, ("note",)),
    (Inquiry, ("notes",)),
    (LearnerPlan, ("goal", "background", "assessment_results", "culminating_task", "learning_activities",
                   "supports_needed", "referral_results")),
)


@dataclass(frozen=True)
class RetentionRow:
    learner_id: int
    learner_key: str
    name: str
    exit_date: date
    years_closed: int


def retention_years(session: Session) -> int:
    value = session.scalar(select(AppSetting.value).where(AppSetting.key == RETENTION_SETTING))
    try:
        years = int(str(value).strip())
    except (TypeError, ValueError):
        return DEFAULT_RETENTION_YEARS
    return years if years >= 1 else DEFAULT_RETENTION_YEARS


def set_retention_years(session: Session, years: int) -> None:
    if not isinstance(years, int) or isinstance(years, bool) or not 1 <= years <= 100:
        raise ValidationFailed({RETENTION_SETTING: "Keep closed files for: choose a number of years from 1 to 100."})
    setting = session.get(AppSetting, RETENTION_SETTING)
    if setting is None:
        session.add(AppSetting(key=RETENTION_SETTING, value=str(years)))
    elif setting.value != str(years):
        setting.value = str(years)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _whole_years(first: date, last: date) -> int:
    return last.year - first.year - ((last.month, last.day) < (first.month, first.day))


def learners_past_retention(session: Session, today: date | None = None) -> list[RetentionRow]:
    """Learners whose file was closed more than ``retention_years`` ago and still holds personal details."""
    today = today or date.today()
    cutoff = _years_before(today, retention_years(session))
    rows = session.execute(
        select(Learner.id, Learner.learner_key, Learner.first_name, Learner.last_name, Learner.exit_date)
        .where(Learner.exit_date.is_not(None), Learner.exit_date < cutoff,
               Learner.personal_data_removed_date.is_(None))
        .order_by(Learner.exit_date, Learner.learner_key)
    )
    return [
        RetentionRow(id_, key, f"{first} {last}".strip(), exit_date, _whole_years(exit_date, today))
        for id_, key, first, last, exit_date in rows
    ]


def remove_personal_details(session: Session, learner_ids, today: date | None = None,  # noqa: ANN001
                            staff_id: int | None = None) -> int:
    """Remove the personal details of these learners (all must be past retention); returns how many.

    Writes in the caller's transaction with Core updates (so the audit trail does not copy the very
    details being removed), then clears the old and new values of their audit entries.
    """
    today = today or date.today()
    wanted = sorted(set(learner_ids))
    if not wanted:
        return 0
    eligible = {row.learner_id for row in learners_past_retention(session, today)}
    already = set(session.scalars(
        select(Learner.id).where(Learner.id.in_(wanted), Learner.personal_data_removed_date.is_not(None))
    ))
    too_early = [i for i in wanted if i not in eligible and i not in already]
    if too_early:
        keys = session.scalars(select(Learner.learner_key).where(Learner.id.in_(too_early)).order_by(Learner.learner_key))
        shown = ", ".join(keys) or ", ".join(map(str, too_early))
        raise LbsDeskError(
            f"These files were closed less than {retention_years(session)} years ago (or are still open), "
            f"so their personal details must be kept: {shown}. Nothing was removed."
        )
    ids = [i for i in wanted if i in eligible]
    if not ids:
        return 0
    session.flush()  # pending ORM changes first, so that nothing below is overwritten later
    plan_ids = select(LearnerPlan.id).where(LearnerPlan.learner_id.in_(ids)).scalar_subquery()
    referral_ids = select(Referral.id).where(Referral.learner_id.in_(ids)).scalar_subquery()
    keys = dict(session.execute(select(Learner.id, Learner.learner_key).where(Learner.id.in_(ids))).all())

    no_orm_sync = {"synchronize_session": False}
    for learner_id, key in keys.items():
        session.execute(
            update(Learner).where(Learner.id == learner_id).values(
                first_name=REMOVED, last_name=REMOVED,
                search_text=learner_search_text(REMOVED, REMOVED, key, None),
                personal_data_removed_date=today, updated_at=utc_now(),
                **{name: None for name in _LEARNER_BLANKED},
            ).execution_options(**no_orm_sync)
        )
    for model, columns in _BLANKED_BY_LEARNER:
        session.execute(
            update(model).where(model.learner_id.in_(ids)).values(**{c: None for c in columns})
            .execution_options(**no_orm_sync)
        )
    session.execute(update(Milestone).where(Milestone.plan_id.in_(plan_ids))
                    .values(description=REMOVED, outcome=None).execution_options(**no_orm_sync))
    session.execute(update(PlanReview).where(PlanReview.plan_id.in_(plan_ids))
                    .values(notes=None, changes_made=None).execution_options(**no_orm_sync))
    session.execute(update(ReferralStatusEntry).where(ReferralStatusEntry.referral_id.in_(referral_ids))
                    .values(note=None).execution_options(**no_orm_sync))

    # The audit trail: the values it kept for these learners (their own records, and the plan
    # parts and referral statuses whose entries carry no learner id).
    child_records = or_(
        and_(AuditEntry.table_name == "milestone",
             AuditEntry.record_id.in_(select(Milestone.id).where(Milestone.plan_id.in_(plan_ids)))),
        and_(AuditEntry.table_name == "plan_review",
             AuditEntry.record_id.in_(select(PlanReview.id).where(PlanReview.plan_id.in_(plan_ids)))),
        and_(AuditEntry.table_name == "referral_status_entry",
             AuditEntry.record_id.in_(select(ReferralStatusEntry.id)
                                      .where(ReferralStatusEntry.referral_id.in_(referral_ids)))),
    )
    session.execute(
        update(AuditEntry).where(or_(AuditEntry.learner_id.in_(ids), child_records))
        .values(old_value=None, new_value=None).execution_options(**no_orm_sync)
    )
    now = utc_now()
    session.execute(insert(AuditEntry), [
        {"changed_at": now, "staff_id": staff_id if staff_id is not None else session.info.get("staff_id"),
         "action": "update", "table_name": "learner", "record_id": learner_id, "learner_id": learner_id,
         "field": "personal_data_removed_date", "old_value": None, "new_value": today.isoformat()}
        for learner_id in ids
    ])
    session.expire_all()  # ORM objects in this session must re-read what was just blanked
    return len(ids)
