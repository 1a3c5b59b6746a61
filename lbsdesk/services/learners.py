"""The learner file: load, validate and save one learner; suitability; duplicate check; merge.

Editing uses ORM objects (one record at a time) so that ``lbsdesk.db.audit`` records every change;
lists use Core ``select()`` of the needed columns.  The UI receives plain dataclasses only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from lbsdesk.db.models import (
    AuditEntry,
    CheckIn,
    Consent,
    FollowUp,
    Inquiry,
    Learner,
    LearnerPlan,
    Referral,
    StageEntry,
    SuitabilityIndicator,
    SuitabilityOverride,
)
from lbsdesk.domain.calendar_rules import age_on
from lbsdesk.domain.codes import (
    CAMS_PLAN_STATUSES,
    CONTACT_METHODS,
    LANGUAGES,
    EDUCATION_LEVELS,
    GOAL_PATHS,
    INCOME_SOURCES,
    PLAN_STAGES,
    suitability_label,
)
from lbsdesk.domain.duplicates import NAME_MATCH_WORDS, NameMatch, compare_names, phone_key, same_phone
from lbsdesk.domain.suitability import derive_indicator, facts_of
from lbsdesk.domain.text import learner_search_text
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.record_values import clean_text as _clean, next_key, today_or as _today

# ValidationFailed lives in lbsdesk.errors; callers may also import it from here.

#: Ages on the intake date outside this range are refused as a mistyped date of birth.
YOUNGEST_AGE = 16
OLDEST_AGE = 100

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class LearnerRecord:
    """Every editable field of a learner (the ``Learner`` model's names); ``id`` None for a new one."""

    id: int | None = None
    learner_key: str = ""
    first_name: str = ""
    last_name: str = ""
    preferred_name: str | None = None
    date_of_birth: date | None = None
    gender: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    city: str | None = None
    postal_code: str | None = None
    preferred_language: str | None = None
    first_language: str | None = None
    preferred_contact_method: str | None = None
    education_level: str | None = None
    last_school_year: int | None = None
    last_training_year: int | None = None
    interrupted_education: bool | None = None
    income_source: str | None = None
    crown_ward: bool | None = None
    disability: bool | None = None
    indigenous: bool | None = None
    deaf: bool | None = None
    deaf_blind: bool | None = None
    francophone: bool | None = None
    newcomer: bool | None = None
    visible_minority: bool | None = None
    intake_date: date | None = None
    goal_path: str | None = None
    goal: str | None = None
    stage: str | None = None
    cams_plan_status: str | None = None
    exit_date: date | None = None
    exit_reason: str | None = None
    exit_outcome: str | None = None
    satisfaction: int | None = None
    consent_to_share: bool | None = None
    consent_date: date | None = None
    notes: str | None = None
    #: indicator code → value set by hand (where the agency knows better than the derived value)
    suitability_overrides: dict[str, bool] = field(default_factory=dict)


#: The ``Learner`` columns a person edits (all of LearnerRecord but id and the overrides).
LEARNER_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(LearnerRecord) if f.name not in ("id", "suitability_overrides")
)

#: How each field is named in messages a person reads.
FIELD_LABELS = {
    "learner_key": "Learner ID",
    "first_name": "First name",
    "last_name": "Last name",
    "date_of_birth": "Date of birth",
    "email": "Email",
    "preferred_language": "Preferred language",
    "preferred_contact_method": "Best way to reach",
    "intake_date": "Intake date",
    "exit_date": "Exit date",
    "goal_path": "Goal path",
    "stage": "Stage",
    "education_level": "Education",
    "income_source": "Source of income",
    "cams_plan_status": "CaMS plan status",
    "satisfaction": "Satisfaction",
    "last_school_year": "Last year in school",
    "last_training_year": "Last year in training",
    "suitability_overrides": "Suitability",
}


# --- new, load, validate, save ------------------------------------------------------------------


def next_learner_key(session: Session) -> str:
    """ "L" + 5 digits, one after the highest L-number in use (more digits past L99999)."""
    return next_key(session, Learner.learner_key, "L", 5)


def new_learner_record(session: Session, today: date | None = None) -> LearnerRecord:
    """A blank learner file: the next free learner ID, intake today, stage "initial"."""
    return LearnerRecord(learner_key=next_learner_key(session), intake_date=_today(today), stage="initial")


def _get_learner(session: Session, learner_id: int) -> Learner:
    learner = session.get(Learner, learner_id)
    if learner is None:
        raise LbsDeskError(f"There is no learner with the number {learner_id}; refresh the list.")
    return learner


def _as_code(code_list, value: str | None) -> str | None:  # noqa: ANN001
    if not value or value in code_list:
        return value
    wanted = value.strip().casefold()
    for code, label in code_list.items:
        if wanted in (label.casefold(), code):
            return code
    return "other" if "other" in code_list else value


def load_learner(session: Session, learner_id: int) -> LearnerRecord:
    learner = _get_learner(session, learner_id)
    record = LearnerRecord(id=learner.id, **{name: getattr(learner, name) for name in LEARNER_FIELDS})
    # Files typed before these were code lists hold words ("French", "Text message"): read them as codes.
    record.preferred_language = _as_code(LANGUAGES, record.preferred_language)
    record.preferred_contact_method = _as_code(CONTACT_METHODS, record.preferred_contact_method)
    record.suitability_overrides = {
        override.indicator_code: bool(override.value) for override in learner.suitability_overrides
    }
    return record


def validate_learner(session: Session, record: LearnerRecord, today: date | None = None) -> dict[str, str]:
    """What stops this record from being saved: field name → message naming the field and the fix."""
    today = _today(today)
    problems: dict[str, str] = {}
    for name, what in (
        ("first_name", "type the learner's first name"),
        ("last_name", "type the learner's last name"),
    ):
        if not _clean(getattr(record, name)):
            problems[name] = f"{FIELD_LABELS[name]} is required: {what}."
    key = _clean(record.learner_key)
    if not key:
        problems["learner_key"] = "Learner ID is required: type the agency's ID for this learner (e.g. L00042)."
    else:
        clash = session.execute(
            select(Learner.id, Learner.first_name, Learner.last_name).where(
                Learner.learner_key == key, Learner.id != (record.id or -1)
            )
        ).first()
        if clash is not None:
            problems["learner_key"] = (
                f"Learner ID: {key} already belongs to {clash.first_name} {clash.last_name}; "
                f"choose another ID (the next free one is {next_learner_key(session)})."
            )
    if record.intake_date is None:
        problems["intake_date"] = "Intake date is required: enter the date the learner registered."
    if record.date_of_birth is not None:
        on = record.intake_date or today
        if record.date_of_birth > today:
            problems["date_of_birth"] = (
                f"Date of birth: {record.date_of_birth.isoformat()} is in the future; check the year."
            )
        else:
            age = age_on(on, record.date_of_birth)
            if not YOUNGEST_AGE <= age <= OLDEST_AGE:
                problems["date_of_birth"] = (
                    f"Date of birth: {record.date_of_birth.isoformat()} makes this person {age}"
                    f"{' at intake' if record.intake_date else ''}; check the year "
                    f"(learners are {YOUNGEST_AGE} to {OLDEST_AGE})."
                )
    if record.exit_date is not None and record.intake_date is not None and record.exit_date < record.intake_date:
        problems["exit_date"] = (
            f"Exit date: {record.exit_date.isoformat()} is before the intake date "
            f"{record.intake_date.isoformat()}; correct one of the two dates."
        )
    if record.satisfaction is not None and record.satisfaction not in (1, 2, 3, 4, 5):
        problems["satisfaction"] = "Satisfaction: choose a rating from 1 to 5, or leave it empty."
    for name, codes in (
        ("goal_path", GOAL_PATHS),
        ("stage", PLAN_STAGES),
        ("education_level", EDUCATION_LEVELS),
        ("income_source", INCOME_SOURCES),
        ("cams_plan_status", CAMS_PLAN_STATUSES),
        ("preferred_language", LANGUAGES),
        ("preferred_contact_method", CONTACT_METHODS),
    ):
        value = _clean(getattr(record, name))
        if value is not None and value not in codes:
            problems[name] = f"{FIELD_LABELS[name]}: '{value}' is not one of the choices; pick one from the list ({codes.describe()})."
    email = _clean(record.email)
    if email is not None and not _EMAIL_RE.match(email):
        problems["email"] = f"Email: '{email}' does not look like an email address; write it as name@example.ca."
    for name in ("last_school_year", "last_training_year"):
        year = getattr(record, name)
        if year is None:
            continue
        earliest = record.date_of_birth.year if record.date_of_birth else 1900
        if not earliest <= year <= today.year:
            problems[name] = (
                f"{FIELD_LABELS[name]}: {year} is not possible; enter a year between {earliest} and {today.year}."
            )
    if record.suitability_overrides:
        known = set(session.execute(select(SuitabilityIndicator.code)).scalars())
        unknown = sorted(set(record.suitability_overrides) - known)
        if unknown:
            problems["suitability_overrides"] = (
                f"Suitability: unknown indicator {', '.join(unknown)}; reload the learner file and set it again."
            )
    return problems


def save_learner(session: Session, record: LearnerRecord, staff_id: int | None = None, today: date | None = None) -> int:
    """Validate and write the learner in the caller's transaction; returns the learner's id.

    Keeps ``search_text`` current, appends a ``StageEntry`` when the stage changes (a new learner's
    first one dated at intake, later ones today),
    and saves the suitability overrides.  Raises ``ValidationFailed`` and writes nothing when a
    field is wrong.
    """
    today = _today(today)
    problems = validate_learner(session, record, today)
    if problems:
        raise ValidationFailed(problems)
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    if record.id is None:
        learner = Learner()
        session.add(learner)
        old_stage = None
    else:
        learner = _get_learner(session, record.id)
        old_stage = learner.stage
    for name in LEARNER_FIELDS:
        value = _clean(getattr(record, name))
        if name in ("first_name", "last_name", "learner_key"):
            value = value or ""
        if getattr(learner, name) != value:
            setattr(learner, name, value)
    learner.search_text = learner_search_text(learner.first_name, learner.last_name, learner.learner_key, learner.phone)
    if learner.stage and learner.stage != old_stage:
        # A new file's first stage began at intake (so a back-dated registration can still move
        # through its stages on their real dates); a later change is dated the day it is made.
        entered = learner.intake_date if old_stage is None and learner.intake_date else today
        if learner.intake_date and entered < learner.intake_date:
            entered = learner.intake_date
        learner.stage_history.append(StageEntry(stage=learner.stage, entered_date=entered, staff_id=staff_id))
    existing = {override.indicator_code: override for override in learner.suitability_overrides}
    for code, override in existing.items():
        if code not in record.suitability_overrides:
            learner.suitability_overrides.remove(override)
    for code, value in record.suitability_overrides.items():
        if code in existing:
            if existing[code].value != bool(value):
                existing[code].value = bool(value)
        else:
            learner.suitability_overrides.append(SuitabilityOverride(indicator_code=code, value=bool(value)))
    session.flush()
    record.id = learner.id
    return learner.id


# --- suitability --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SuitabilityValue:
    """One indicator as the learner file shows it: derived from registration, and any hand override."""

    code: str
    label: str
    derived: bool | None
    override: bool | None

    @property
    def value(self) -> bool | None:
        return self.override if self.override is not None else self.derived


def suitability_for(session: Session, record: LearnerRecord, today: date | None = None) -> list[SuitabilityValue]:
    """The active indicators, in their order, for the record as it stands (saved or not)."""
    today = _today(today)
    facts = facts_of(record)
    indicators = session.execute(
        select(SuitabilityIndicator.code, SuitabilityIndicator.label, SuitabilityIndicator.derivation_rule)
        .where(SuitabilityIndicator.active.is_(True))
        .order_by(SuitabilityIndicator.sort_order, SuitabilityIndicator.code)
    )
    return [
        SuitabilityValue(
            code=code,
            label=suitability_label(code, label),
            derived=derive_indicator(rule, facts, today),
            override=record.suitability_overrides.get(code),
        )
        for code, label, rule in indicators
    ]


# --- duplicates ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DuplicateCandidate:
    """An existing learner who may be the same person, and why."""

    learner_id: int
    learner_key: str
    first_name: str
    last_name: str
    date_of_birth: date | None
    phone: str | None
    intake_date: date
    reasons: tuple[str, ...]


def find_possible_duplicates(session: Session, record: LearnerRecord) -> list[DuplicateCandidate]:
    """Learners with the same or a similar name and the same date of birth, or the same phone.

    Names match ignoring case and accents, with a typo or two, or first and last swapped.  Merged
    learners and the record itself are left out; the likeliest come first.
    """
    phone = phone_key(record.phone)
    narrowing = []
    if record.date_of_birth is not None:
        narrowing.append(Learner.date_of_birth == record.date_of_birth)
    if phone:
        # search_text holds the phone's digits; the last seven find it however it was typed
        narrowing.append(Learner.search_text.like(f"%{phone[-7:]}%"))
    if not narrowing:
        return []
    statement = select(
        Learner.id,
        Learner.learner_key,
        Learner.first_name,
        Learner.last_name,
        Learner.date_of_birth,
        Learner.phone,
        Learner.intake_date,
    ).where(Learner.merged_into_id.is_(None), or_(*narrowing))
    if record.id is not None:
        statement = statement.where(Learner.id != record.id)
    scored: list[tuple[int, DuplicateCandidate]] = []
    for row in session.execute(statement):
        match = compare_names(record.first_name, record.last_name, row.first_name, row.last_name)
        same_birth = record.date_of_birth is not None and row.date_of_birth == record.date_of_birth
        phone_match = same_phone(record.phone, row.phone)
        reasons: list[str] = []
        score = 0
        if same_birth and match is not NameMatch.DIFFERENT:
            reasons.append(f"same date of birth, {NAME_MATCH_WORDS[match]}")
            score += 10 + int(match)
        if phone_match:
            reasons.append("same phone")
            score += 5 + (int(match) if not same_birth else 0)
        if reasons:
            scored.append(
                (
                    score,
                    DuplicateCandidate(
                        learner_id=row.id,
                        learner_key=row.learner_key,
                        first_name=row.first_name,
                        last_name=row.last_name,
                        date_of_birth=row.date_of_birth,
                        phone=row.phone,
                        intake_date=row.intake_date,
                        reasons=tuple(reasons),
                    ),
                )
            )
    scored.sort(key=lambda item: (-item[0], item[1].learner_id))
    return [candidate for _, candidate in scored]


# --- merge --------------------------------------------------------------------------------------


#: Fields a merge never copies: the ID stays keep's, and an exit of the merged file must not close
#: the kept learner's plan.
_NOT_FILLED_BY_MERGE = frozenset({"learner_key", "exit_date", "exit_reason", "exit_outcome", "satisfaction"})


def merge_learners(session: Session, keep_id: int, merge_id: int, staff_id: int | None = None) -> None:
    """Fold learner ``merge_id`` into ``keep_id``: everything of merge's moves to keep.

    Referrals, inquiries, consents, stage entries, plans (renumbered after keep's), check-ins,
    follow-ups, suitability overrides and audit entries move; keep's empty fields are filled from
    merge's; merge is marked ``merged_into_id = keep_id`` and leaves the list.  Where both have a
    follow-up for the same months or an override of the same indicator, keep's stays.
    """
    if keep_id == merge_id:
        raise LbsDeskError("A learner cannot be merged into itself; choose two different learners.")
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    keep = _get_learner(session, keep_id)
    merge = _get_learner(session, merge_id)
    for learner in (keep, merge):
        if learner.merged_into_id is not None:
            raise LbsDeskError(
                f"{learner.first_name} {learner.last_name} ({learner.learner_key}) was already merged "
                "into another learner; open that learner instead."
            )
    # Audit entries are the trail itself: re-point them without auditing the re-pointing.
    session.execute(update(AuditEntry).where(AuditEntry.learner_id == merge_id).values(learner_id=keep_id))

    for model in (Referral, Inquiry, Consent, StageEntry, CheckIn):
        for item in session.execute(select(model).where(model.learner_id == merge_id)).scalars():
            item.learner_id = keep_id
    keep_numbers = session.execute(
        select(func.max(LearnerPlan.number)).where(LearnerPlan.learner_id == keep_id)
    ).scalar()
    keep_has_current = session.execute(
        select(LearnerPlan.id).where(LearnerPlan.learner_id == keep_id, LearnerPlan.is_current.is_(True))
    ).first() is not None
    plans = session.execute(
        select(LearnerPlan).where(LearnerPlan.learner_id == merge_id).order_by(LearnerPlan.number)
    ).scalars().all()
    next_number = (keep_numbers or 0) + 1
    for plan in plans:
        plan.learner_id = keep_id
        plan.number = next_number
        next_number += 1
        if keep_has_current:
            plan.is_current = False
    keep_months = set(session.execute(select(FollowUp.months).where(FollowUp.learner_id == keep_id)).scalars())
    for follow_up in session.execute(select(FollowUp).where(FollowUp.learner_id == merge_id)).scalars().all():
        if follow_up.months in keep_months:
            session.delete(follow_up)
        else:
            follow_up.learner_id = keep_id
    keep_codes = set(
        session.execute(select(SuitabilityOverride.indicator_code).where(SuitabilityOverride.learner_id == keep_id)).scalars()
    )
    for override in session.execute(
        select(SuitabilityOverride).where(SuitabilityOverride.learner_id == merge_id)
    ).scalars().all():
        if override.indicator_code in keep_codes:
            session.delete(override)
        else:
            override.learner_id = keep_id
    # Learners merged earlier into the one now merged point at the one kept.
    for earlier in session.execute(select(Learner).where(Learner.merged_into_id == merge_id)).scalars():
        earlier.merged_into_id = keep_id

    for name in LEARNER_FIELDS:
        if name in _NOT_FILLED_BY_MERGE:
            continue
        if getattr(keep, name) in (None, "") and getattr(merge, name) not in (None, ""):
            setattr(keep, name, getattr(merge, name))
    note = f"Merged with {merge.learner_key} ({merge.first_name} {merge.last_name})."
    keep.notes = f"{keep.notes}\n{note}" if keep.notes else note
    keep.search_text = learner_search_text(keep.first_name, keep.last_name, keep.learner_key, keep.phone)
    merge.merged_into_id = keep_id
    session.flush()
    session.expire(keep)
    session.expire(merge)
