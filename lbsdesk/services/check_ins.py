"""Monthly check-ins with the learner or the tutor, the needs they notice, and the referral a need suggests.

A noticed need (housing, child care, health, transportation, income …) offers to start a referral
out: ``suggested_referral_for_need`` gives what to prefill on the referral form (the service requested,
the reason, the kinds of partner that offer it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.db.models import CheckIn, Learner
from lbsdesk.domain.codes import CHECK_IN_WITH, NEEDS, SERVICES_REQUESTED
from lbsdesk.errors import LbsDeskError, ValidationFailed


@dataclass
class CheckInRecord:
    id: int | None = None
    check_in_date: date | None = None
    #: "learner" or "tutor" (``CHECK_IN_WITH``)
    with_whom: str = "learner"
    staff_id: int | None = None
    notes: str | None = None
    #: codes of ``NEEDS``, in the order noticed
    needs_noticed: list[str] = field(default_factory=list)


#: need → (services_requested code, services_other text or None, reason wording, partner org types)
_NEED_REFERRALS: dict[str, tuple[str, str | None, str, tuple[str, ...]]] = {
    "housing": ("housing", None, "help finding or keeping housing", ("housing", "shelter")),
    "child_care": ("child_care", None, "child care so that they can attend", ("child_care", "family_services")),
    "health": ("health", None, "health or mental health support",
               ("public_health", "health_clinic", "mental_health", "addictions")),
    "transportation": ("transportation", None, "transportation to get to training", ("transportation",)),
    "income": ("ow_odsp", None, "income support (Ontario Works or ODSP)",
               ("ontario_works", "odsp", "credit_counselling")),
    "food": ("other", "Food", "food support", ("food_bank",)),
    "employment": ("employment_services", None, "employment services", ("employment_services", "employer")),
    "legal": ("other", "Legal help", "legal help", ("legal_clinic",)),
    "other": ("other", None, "support from another service", ("other_community",)),
}


def suggested_referral_for_need(need_code: str, noticed_on: date | None = None) -> dict:
    """What to prefill on a referral out for a need noticed at a check-in.

    Keys: ``services_requested`` (one ``SERVICES_REQUESTED`` code), ``services_other`` (text for the
    "other" box, or None), ``reason`` (a sentence for the reason field), ``org_types`` (partner kinds
    that offer the service, likeliest first), ``direction`` ("out") and ``need`` (the code given).
    """
    if need_code not in NEEDS or need_code not in _NEED_REFERRALS:
        raise LbsDeskError(f"'{need_code}' is not a need that can be referred; choose one of {NEEDS.describe()}.")
    service, other, wording, org_types = _NEED_REFERRALS[need_code]
    when = f" at the check-in on {noticed_on.isoformat()}" if noticed_on else " at a check-in"
    return {
        "need": need_code,
        "direction": "out",
        "services_requested": service,
        "services_requested_label": SERVICES_REQUESTED.label(service),
        "services_other": other,
        "reason": f"Need noticed{when}: {wording}.",
        "org_types": list(org_types),
    }


def _record(row: CheckIn) -> CheckInRecord:
    return CheckInRecord(
        id=row.id, check_in_date=row.check_in_date, with_whom=row.with_whom, staff_id=row.staff_id,
        notes=row.notes, needs_noticed=parse_needs(row.needs_noticed),
    )


def parse_needs(text: str | None) -> list[str]:
    """The stored comma-separated needs as a list of codes."""
    return [code.strip() for code in (text or "").split(",") if code.strip()]


def check_ins_of(session: Session, learner_id: int) -> list[CheckInRecord]:
    """The learner's check-ins, newest first."""
    rows = session.scalars(
        select(CheckIn).where(CheckIn.learner_id == learner_id).order_by(CheckIn.check_in_date.desc(), CheckIn.id.desc())
    ).all()
    return [_record(row) for row in rows]


def last_check_in_date(session: Session, learner_id: int) -> date | None:
    return session.execute(
        select(CheckIn.check_in_date).where(CheckIn.learner_id == learner_id)
        .order_by(CheckIn.check_in_date.desc()).limit(1)
    ).scalar()


def validate_check_in(record: CheckInRecord, *, intake_date: date | None, exit_date: date | None,
                      today: date) -> dict[str, str]:
    problems: dict[str, str] = {}
    day = record.check_in_date
    if day is None:
        problems["check_in_date"] = "Date: enter the day of the check-in."
    elif day > today:
        problems["check_in_date"] = f"Date: {day.isoformat()} is in the future; record a check-in once it has happened."
    elif intake_date is not None and day < intake_date:
        problems["check_in_date"] = (
            f"Date: {day.isoformat()} is before the intake date {intake_date.isoformat()}; check the date."
        )
    elif exit_date is not None and day > exit_date:
        problems["check_in_date"] = (
            f"Date: {day.isoformat()} is after the learner exited ({exit_date.isoformat()}); "
            "record a follow-up instead."
        )
    if record.with_whom not in CHECK_IN_WITH:
        problems["with_whom"] = f"With: choose {CHECK_IN_WITH.describe()}."
    unknown = [code for code in record.needs_noticed if code not in NEEDS]
    if unknown:
        problems["needs_noticed"] = (
            f"Needs noticed: {', '.join(unknown)} is not on the list; choose from {NEEDS.describe()}."
        )
    return problems


def save_check_in(
    session: Session, learner_id: int, record: CheckInRecord, staff_id: int | None = None, today: date | None = None
) -> int:
    """Add a check-in (``record.id`` None) or correct one; returns its id and sets ``record.id``.

    ``record.staff_id`` is who held the check-in; it defaults to ``staff_id`` (who records it).
    """
    today = today or date.today()
    learner = session.get(Learner, learner_id)
    if learner is None or learner.merged_into_id is not None:
        raise LbsDeskError(f"There is no learner with the number {learner_id}; refresh the list.")
    problems = validate_check_in(record, intake_date=learner.intake_date, exit_date=learner.exit_date, today=today)
    if problems:
        raise ValidationFailed(problems)
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    if record.id is None:
        row = CheckIn(learner_id=learner_id)
        session.add(row)
    else:
        row = session.get(CheckIn, record.id)
        if row is None or row.learner_id != learner_id:
            raise LbsDeskError("That check-in no longer belongs to this learner; reopen the learner file.")
    needs = ",".join(dict.fromkeys(record.needs_noticed)) or None
    notes = (record.notes or "").strip() or None
    values = {
        "check_in_date": record.check_in_date, "with_whom": record.with_whom,
        "staff_id": record.staff_id if record.staff_id is not None else staff_id,
        "notes": notes, "needs_noticed": needs,
    }
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
    session.flush()
    record.id = row.id
    return row.id


def add_check_in(
    session: Session, learner_id: int, record: CheckInRecord, staff_id: int | None = None, today: date | None = None
) -> int:
    """Add a new check-in (any ``record.id`` is ignored); returns its id."""
    record.id = None
    return save_check_in(session, learner_id, record, staff_id=staff_id, today=today)


def delete_check_in(session: Session, check_in_id: int, staff_id: int | None = None) -> None:
    row = session.get(CheckIn, check_in_id)
    if row is None:
        raise LbsDeskError("That check-in no longer exists.")
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    session.delete(row)
    session.flush()
