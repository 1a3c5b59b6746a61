"""The daily inquiry log: calls, walk-ins and emails before anyone is registered, and "Enrol"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.db.models import Inquiry, Learner
from lbsdesk.domain.codes import INFORMAL_SOURCES, INQUIRY_CHANNELS, ORG_TYPES
from lbsdesk.errors import LbsDeskError
from lbsdesk.services.learners import LearnerRecord, ValidationFailed, new_learner_record
from lbsdesk.services.record_values import next_key



@dataclass(frozen=True)
class InquiryRow:
    id: int
    inquiry_key: str
    inquiry_date: date
    channel: str
    source: str | None
    notes: str | None
    learner_id: int | None
    learner_name: str | None


def next_inquiry_key(session: Session) -> str:
    """ "Q" + 6 digits, one after the highest Q-number in use."""
    return next_key(session, Inquiry.inquiry_key, "Q", 6)


def validate_inquiry(
    *, inquiry_date: date | None, channel: str | None, source: str | None, today: date | None = None
) -> dict[str, str]:
    today = today or date.today()
    problems: dict[str, str] = {}
    if inquiry_date is None:
        problems["inquiry_date"] = "Date is required: enter the day of the call, visit or email."
    elif inquiry_date > today:
        problems["inquiry_date"] = f"Date: {inquiry_date.isoformat()} is in the future; enter today's date or an earlier one."
    if not channel:
        problems["channel"] = f"Channel is required: choose how they contacted us ({INQUIRY_CHANNELS.describe()})."
    elif channel not in INQUIRY_CHANNELS:
        problems["channel"] = f"Channel: '{channel}' is not one of the choices; pick {INQUIRY_CHANNELS.describe()}."
    if source and source not in ORG_TYPES and source not in INFORMAL_SOURCES:
        problems["source"] = (
            f"How they heard: '{source}' is not a known source; pick an organization type or an informal "
            f"source ({INFORMAL_SOURCES.describe()}), or leave it empty."
        )
    return problems


def add_inquiry(
    session: Session,
    *,
    inquiry_date: date,
    channel: str,
    source: str | None,
    notes: str | None,
    staff_id: int | None = None,
    today: date | None = None,
) -> int:
    """Log one inquiry with the next inquiry ID; returns its id.  Raises ValidationFailed."""
    source = (source or "").strip() or None
    channel = (channel or "").strip()
    problems = validate_inquiry(inquiry_date=inquiry_date, channel=channel, source=source, today=today)
    if problems:
        raise ValidationFailed(problems)
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    inquiry = Inquiry(
        inquiry_key=next_inquiry_key(session),
        inquiry_date=inquiry_date,
        channel=channel,
        source=source,
        notes=(notes or "").strip() or None,
        staff_id=staff_id,
    )
    session.add(inquiry)
    session.flush()
    return inquiry.id


def recent_inquiries(session: Session, *, since: date | None = None, limit: int = 500) -> list[InquiryRow]:
    """The log, newest first (latest date, then latest entered)."""
    statement = (
        select(
            Inquiry.id,
            Inquiry.inquiry_key,
            Inquiry.inquiry_date,
            Inquiry.channel,
            Inquiry.source,
            Inquiry.notes,
            Inquiry.learner_id,
            Learner.first_name,
            Learner.last_name,
        )
        .outerjoin(Learner, Learner.id == Inquiry.learner_id)
        .order_by(Inquiry.inquiry_date.desc(), Inquiry.id.desc())
        .limit(limit)
    )
    if since is not None:
        statement = statement.where(Inquiry.inquiry_date >= since)
    return [
        InquiryRow(
            id=row.id,
            inquiry_key=row.inquiry_key,
            inquiry_date=row.inquiry_date,
            channel=row.channel,
            source=row.source,
            notes=row.notes,
            learner_id=row.learner_id,
            learner_name=f"{row.first_name} {row.last_name}" if row.learner_id is not None else None,
        )
        for row in session.execute(statement)
    ]


def _get_inquiry(session: Session, inquiry_id: int) -> Inquiry:
    inquiry = session.get(Inquiry, inquiry_id)
    if inquiry is None:
        raise LbsDeskError(f"There is no inquiry with the number {inquiry_id}; refresh the inquiry log.")
    return inquiry


def learner_record_from_inquiry(session: Session, inquiry_id: int, today: date | None = None) -> LearnerRecord:
    """A new learner file with what the inquiry knows: intake today, the inquiry noted."""
    inquiry = _get_inquiry(session, inquiry_id)
    record = new_learner_record(session, today)
    heard = ""
    if inquiry.source:
        label = INFORMAL_SOURCES.label(inquiry.source) if inquiry.source in INFORMAL_SOURCES else ORG_TYPES.label(inquiry.source)
        heard = f"; heard through: {label}"
    summary = (
        f"From inquiry {inquiry.inquiry_key} ({inquiry.inquiry_date.isoformat()}, "
        f"{INQUIRY_CHANNELS.label(inquiry.channel).lower()}{heard})."
    )
    record.notes = f"{summary}\n{inquiry.notes}" if inquiry.notes else summary
    return record


def link_inquiry_to_learner(session: Session, inquiry_id: int, learner_id: int) -> None:
    """The person who inquired enrolled as this learner (a merged learner's kept file is used)."""
    inquiry = _get_inquiry(session, inquiry_id)
    learner = session.get(Learner, learner_id)
    seen: set[int] = set()
    while learner is not None and learner.merged_into_id is not None and learner.id not in seen:
        seen.add(learner.id)
        learner = session.get(Learner, learner.merged_into_id)
    if learner is None:
        raise LbsDeskError(f"There is no learner with the number {learner_id}; refresh the list.")
    inquiry.learner_id = learner.id
    session.flush()
