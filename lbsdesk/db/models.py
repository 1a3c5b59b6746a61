"""The database tables, as SQLAlchemy 2.x typed models.

Every record the agency keys in has a surrogate integer ``id`` for joins and, where the agency has
identifiers of its own (SPEC.md section 2), a unique ``*_key`` holding them.  Code columns hold the
codes of ``lbsdesk.domain.codes``.  Nothing here is SQLite-specific: the same models run on PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Column,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


Code = String(40)


# --- agency and staff -------------------------------------------------------------------------


class AgencyProfile(Base):
    """The agency's own details, printed at the top of every form. One row (id 1)."""

    __tablename__ = "agency_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    cams_provider_number: Mapped[str | None] = mapped_column(String(40))
    region: Mapped[str | None] = mapped_column(String(120))
    language: Mapped[str] = mapped_column(String(8), default="en")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    setup_completed: Mapped[bool] = mapped_column(Boolean, default=False)


class AppSetting(Base):
    """A named setting of the agency's (e.g. days before a referral awaits a reply)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str | None] = mapped_column(String(80))
    username: Mapped[str | None] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


# --- code lists kept as data ------------------------------------------------------------------


class SuitabilityIndicator(Base):
    """A barrier the ministry counts. The list changes, so it is data, not code."""

    __tablename__ = "suitability_indicator"

    code: Mapped[str] = mapped_column(Code, primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    derivation_rule: Mapped[str | None] = mapped_column(String(60))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# --- partners ---------------------------------------------------------------------------------


class Partner(Base):
    __tablename__ = "partner"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_key: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    org_type: Mapped[str] = mapped_column(Code, index=True)
    program: Mapped[str | None] = mapped_column(String(200))
    contact_name: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    website: Mapped[str | None] = mapped_column(String(200))
    services_offered: Mapped[str | None] = mapped_column(Text)
    agreement: Mapped[bool] = mapped_column(Boolean, default=False)
    agreement_date: Mapped[date | None] = mapped_column(Date)
    co_located: Mapped[bool] = mapped_column(Boolean, default=False)
    listing_checked_date: Mapped[date | None] = mapped_column(Date)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)

    programs: Mapped[list["PartnerProgram"]] = relationship(
        back_populates="partner", cascade="all, delete-orphan"
    )
    contacts: Mapped[list["PartnerContact"]] = relationship(
        back_populates="partner", cascade="all, delete-orphan"
    )


class PartnerProgram(Base):
    """A program or service a partner offers."""

    __tablename__ = "partner_program"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    eligibility: Mapped[str | None] = mapped_column(Text)

    partner: Mapped[Partner] = relationship(back_populates="programs")


class PartnerContact(Base):
    __tablename__ = "partner_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))

    partner: Mapped[Partner] = relationship(back_populates="contacts")


# --- learners ---------------------------------------------------------------------------------


class Learner(Base):
    """An adult in the program: registration, intake, current goal path and stage, exit."""

    __tablename__ = "learner"
    __table_args__ = (
        CheckConstraint(
            "exit_date IS NULL OR intake_date IS NULL OR exit_date >= intake_date",
            name="exit_not_before_intake",
        ),
        CheckConstraint(
            "satisfaction IS NULL OR (satisfaction >= 1 AND satisfaction <= 5)",
            name="satisfaction_1_to_5",
        ),
        Index("ix_learner_name", "last_name", "first_name"),
        Index("ix_learner_search_text", "search_text", "merged_into_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_key: Mapped[str] = mapped_column(String(60), unique=True)
    first_name: Mapped[str] = mapped_column(String(120))
    last_name: Mapped[str] = mapped_column(String(120))
    preferred_name: Mapped[str | None] = mapped_column(String(120))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    gender: Mapped[str | None] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(40), index=True)
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(String(120))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    preferred_language: Mapped[str | None] = mapped_column(String(40))
    first_language: Mapped[str | None] = mapped_column(String(40))
    preferred_contact_method: Mapped[str | None] = mapped_column(String(40))
    education_level: Mapped[str | None] = mapped_column(Code)
    last_school_year: Mapped[int | None] = mapped_column(Integer)
    last_training_year: Mapped[int | None] = mapped_column(Integer)
    interrupted_education: Mapped[bool | None] = mapped_column(Boolean)
    income_source: Mapped[str | None] = mapped_column(Code)
    crown_ward: Mapped[bool | None] = mapped_column(Boolean)
    disability: Mapped[bool | None] = mapped_column(Boolean)
    indigenous: Mapped[bool | None] = mapped_column(Boolean)
    deaf: Mapped[bool | None] = mapped_column(Boolean)
    deaf_blind: Mapped[bool | None] = mapped_column(Boolean)
    francophone: Mapped[bool | None] = mapped_column(Boolean)
    newcomer: Mapped[bool | None] = mapped_column(Boolean)
    visible_minority: Mapped[bool | None] = mapped_column(Boolean)
    intake_date: Mapped[date] = mapped_column(Date, index=True)
    goal_path: Mapped[str | None] = mapped_column(Code)
    goal: Mapped[str | None] = mapped_column(Text)
    stage: Mapped[str | None] = mapped_column(Code)
    cams_plan_status: Mapped[str | None] = mapped_column(Code)
    exit_date: Mapped[date | None] = mapped_column(Date, index=True)
    exit_reason: Mapped[str | None] = mapped_column(Text)
    exit_outcome: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    consent_to_share: Mapped[bool | None] = mapped_column(Boolean)
    consent_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    #: first name, last name, key and phone folded to lower-case ASCII, for accent-blind search.
    search_text: Mapped[str] = mapped_column(Text, default="")
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("learner.id"))
    personal_data_removed_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)

    referrals: Mapped[list["Referral"]] = relationship(back_populates="learner")
    consents: Mapped[list["Consent"]] = relationship(
        back_populates="learner", cascade="all, delete-orphan"
    )
    stage_history: Mapped[list["StageEntry"]] = relationship(
        back_populates="learner", cascade="all, delete-orphan", order_by="StageEntry.entered_date"
    )
    plans: Mapped[list["LearnerPlan"]] = relationship(
        back_populates="learner", cascade="all, delete-orphan", order_by="LearnerPlan.number"
    )
    suitability_overrides: Mapped[list["SuitabilityOverride"]] = relationship(
        back_populates="learner", cascade="all, delete-orphan"
    )


class SuitabilityOverride(Base):
    """An indicator set by hand where the agency knows better than the derived value."""

    __tablename__ = "suitability_override"
    __table_args__ = (UniqueConstraint("learner_id", "indicator_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"), index=True)
    indicator_code: Mapped[str] = mapped_column(ForeignKey("suitability_indicator.code"))
    value: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text)

    learner: Mapped[Learner] = relationship(back_populates="suitability_overrides")


consent_partner = Table(
    "consent_partner",
    Base.metadata,
    Column("consent_id", ForeignKey("consent.id", ondelete="CASCADE"), primary_key=True),
    Column("partner_id", ForeignKey("partner.id", ondelete="CASCADE"), primary_key=True),
)


class Consent(Base):
    """A learner's consent to share information: with all partners or named ones."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(Code, default="all_partners")
    method: Mapped[str | None] = mapped_column(Code)
    what_is_shared: Mapped[str | None] = mapped_column(Text)
    purpose: Mapped[str | None] = mapped_column(Text)
    signed_date: Mapped[date | None] = mapped_column(Date)
    expiry_date: Mapped[date | None] = mapped_column(Date)
    withdrawn_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    learner: Mapped[Learner] = relationship(back_populates="consents")
    partners: Mapped[list[Partner]] = relationship(secondary=consent_partner)


class StageEntry(Base):
    """The learner entered a plan stage on a date: the stage history behind the timeline."""

    __tablename__ = "stage_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(Code)
    entered_date: Mapped[date] = mapped_column(Date)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str | None] = mapped_column(Text)

    learner: Mapped[Learner] = relationship(back_populates="stage_history")


class LearnerPlan(Base):
    """One version of a learner's plan. One is current; earlier ones stay readable."""

    __tablename__ = "learner_plan"
    __table_args__ = (UniqueConstraint("learner_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    written_date: Mapped[date | None] = mapped_column(Date)
    goal_path: Mapped[str | None] = mapped_column(Code)
    goal: Mapped[str | None] = mapped_column(Text)
    background: Mapped[str | None] = mapped_column(Text)
    assessment_date: Mapped[date | None] = mapped_column(Date)
    assessment_results: Mapped[str | None] = mapped_column(Text)
    culminating_task: Mapped[str | None] = mapped_column(Text)
    culminating_task_completed_date: Mapped[date | None] = mapped_column(Date)
    learning_activities: Mapped[str | None] = mapped_column(Text)
    planned_duration_weeks: Mapped[int | None] = mapped_column(Integer)
    planned_hours: Mapped[int | None] = mapped_column(Integer)
    supports_needed: Mapped[str | None] = mapped_column(Text)
    referral_results: Mapped[str | None] = mapped_column(Text)
    review_interval_days: Mapped[int | None] = mapped_column(Integer)
    next_review_date: Mapped[date | None] = mapped_column(Date)
    closed_date: Mapped[date | None] = mapped_column(Date)

    learner: Mapped[Learner] = relationship(back_populates="plans")
    milestones: Mapped[list["Milestone"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Milestone.id"
    )
    reviews: Mapped[list["PlanReview"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanReview.review_date"
    )


class Milestone(Base):
    """A goal-related assessment task tied to one OALCF competency and level."""

    __tablename__ = "milestone"
    __table_args__ = (
        CheckConstraint("level >= 1 AND level <= 3", name="level_1_to_3"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("learner_plan.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    competency: Mapped[str] = mapped_column(String(1))
    level: Mapped[int] = mapped_column(Integer)
    planned_date: Mapped[date | None] = mapped_column(Date)
    attempted_date: Mapped[date | None] = mapped_column(Date)
    completed_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(Code, default="planned")
    outcome: Mapped[str | None] = mapped_column(Text)

    plan: Mapped[LearnerPlan] = relationship(back_populates="milestones")


class PlanReview(Base):
    __tablename__ = "plan_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("learner_plan.id", ondelete="CASCADE"), index=True)
    review_date: Mapped[date] = mapped_column(Date)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    notes: Mapped[str | None] = mapped_column(Text)
    changes_made: Mapped[str | None] = mapped_column(Text)

    plan: Mapped[LearnerPlan] = relationship(back_populates="reviews")


class CheckIn(Base):
    """A monthly check-in with the learner or the tutor, and the needs it noticed."""

    __tablename__ = "check_in"
    __table_args__ = (Index("ix_check_in_learner_date", "learner_id", "check_in_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"))
    check_in_date: Mapped[date] = mapped_column(Date)
    with_whom: Mapped[str] = mapped_column(Code, default="learner")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    notes: Mapped[str | None] = mapped_column(Text)
    #: codes of ``domain.codes.NEEDS``, comma-separated
    needs_noticed: Mapped[str | None] = mapped_column(String(400))


class FollowUp(Base):
    """A follow-up after exit (3, 6 or 12 months) that has been recorded as done or attempted."""

    __tablename__ = "follow_up"
    __table_args__ = (
        UniqueConstraint("learner_id", "months"),
        CheckConstraint("months IN (3, 6, 12)", name="months_3_6_12"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"), index=True)
    months: Mapped[int] = mapped_column(Integer)
    done_date: Mapped[date] = mapped_column(Date)
    unable_to_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str | None] = mapped_column(Text)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    notes: Mapped[str | None] = mapped_column(Text)


# --- referrals and inquiries ------------------------------------------------------------------


class Referral(Base):
    """A referral in (someone sent the learner to us) or out (we sent the learner elsewhere)."""

    __tablename__ = "referral"
    __table_args__ = (
        CheckConstraint("direction IN ('in', 'out')", name="direction_in_out"),
        CheckConstraint(
            "(partner_id IS NULL) <> (source IS NULL)", name="partner_or_source"
        ),
        CheckConstraint("source IS NULL OR formal = false", name="informal_source_not_formal"),
        CheckConstraint("direction = 'in' OR partner_id IS NOT NULL", name="out_has_partner"),
        Index("ix_referral_learner_date", "learner_id", "referral_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_key: Mapped[str] = mapped_column(String(60), unique=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    direction: Mapped[str] = mapped_column(String(3))
    referral_date: Mapped[date] = mapped_column(Date, index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"), index=True)
    source: Mapped[str | None] = mapped_column(Code)
    formal: Mapped[bool] = mapped_column(Boolean, default=False)
    program: Mapped[str | None] = mapped_column(String(200))
    contact_name: Mapped[str | None] = mapped_column(String(120))
    reason: Mapped[str | None] = mapped_column(Text)
    #: codes of ``domain.codes.SERVICES_REQUESTED``, comma-separated
    services_requested: Mapped[str | None] = mapped_column(String(400))
    services_other: Mapped[str | None] = mapped_column(Text)
    supports_needed: Mapped[str | None] = mapped_column(Text)
    urgency: Mapped[str | None] = mapped_column(Code)
    planned: Mapped[bool] = mapped_column(Boolean, default=False)
    supported: Mapped[bool] = mapped_column(Boolean, default=False)
    coordinated: Mapped[bool] = mapped_column(Boolean, default=False)
    information_exchanged: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_id: Mapped[int | None] = mapped_column(ForeignKey("consent.id"))
    status: Mapped[str] = mapped_column(Code, default="unknown")
    follow_up_date: Mapped[date | None] = mapped_column(Date)
    cams_entered_date: Mapped[date | None] = mapped_column(Date)
    reply_received_date: Mapped[date | None] = mapped_column(Date)
    reply_accepted: Mapped[bool | None] = mapped_column(Boolean)
    reply_reason: Mapped[str | None] = mapped_column(Text)
    reply_first_appointment: Mapped[date | None] = mapped_column(Date)
    reply_by_name: Mapped[str | None] = mapped_column(String(120))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)

    learner: Mapped[Learner] = relationship(back_populates="referrals")
    partner: Mapped[Partner | None] = relationship()
    status_history: Mapped[list["ReferralStatusEntry"]] = relationship(
        back_populates="referral", cascade="all, delete-orphan",
        order_by="ReferralStatusEntry.status_date",
    )


class ReferralStatusEntry(Base):
    """A referral's status changed on a date: the dated history of SPEC.md 5.5 statuses."""

    __tablename__ = "referral_status_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(Code)
    status_date: Mapped[date] = mapped_column(Date)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str | None] = mapped_column(Text)

    referral: Mapped[Referral] = relationship(back_populates="status_history")


class Inquiry(Base):
    """One line of the daily inquiry log: a call, walk-in or email before registration."""

    __tablename__ = "inquiry"

    id: Mapped[int] = mapped_column(primary_key=True)
    inquiry_key: Mapped[str] = mapped_column(String(60), unique=True)
    inquiry_date: Mapped[date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(Code)
    source: Mapped[str | None] = mapped_column(Code)
    learner_id: Mapped[int | None] = mapped_column(ForeignKey("learner.id"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


# --- outreach ---------------------------------------------------------------------------------

outreach_partner = Table(
    "outreach_partner",
    Base.metadata,
    Column("outreach_id", ForeignKey("outreach_activity.id", ondelete="CASCADE"), primary_key=True),
    Column("partner_id", ForeignKey("partner.id", ondelete="CASCADE"), primary_key=True),
)


class OutreachActivity(Base):
    """A presentation, visit, event, committee, brochure drop or campaign aimed at partners."""

    __tablename__ = "outreach_activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_date: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(Code)
    title: Mapped[str] = mapped_column(String(200))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    attendees: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)

    partners: Mapped[list[Partner]] = relationship(secondary=outreach_partner)


# --- audit trail and closed months ------------------------------------------------------------


class AuditEntry(Base):
    """Who changed which field of which record, and when."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_record", "table_name", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(10))  # insert, update, delete, import
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[int | None] = mapped_column(Integer)
    learner_id: Mapped[int | None] = mapped_column(Integer, index=True)
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class ClosedMonth(Base):
    """A month whose figures were frozen with the exact PDF that was printed."""

    __tablename__ = "closed_month"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    figures_json: Mapped[str] = mapped_column(Text)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    closed_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reopened: Mapped[bool] = mapped_column(Boolean, default=False)


class MonthEvent(Base):
    """A month was closed or reopened (reopening needs a reason)."""

    __tablename__ = "month_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7), index=True)
    action: Mapped[str] = mapped_column(String(10))  # close, reopen
    at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str | None] = mapped_column(Text)
