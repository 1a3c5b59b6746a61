"""Closing a month: the figures and the exact sheet printed are frozen; later changes are amendments.

    close_month(session, month)            freeze SPEC.md section 4's figures and the printed PDF
    month_state(session, month)            open / closed / reopened, the frozen record, the amendments
    closed_pdf(session, month)             exactly what was printed (its fingerprint checked)
    reopen_month(session, month, reason=…) reopen with a reason; the frozen record stays as history
    month_events(session, month)           every close and reopen of the month, oldest first
    amendments_for_next_sheet(session, m)  the previous month's amendments, for this month's sheet

A closed month shows what was printed, not today's numbers.  Anything changed afterwards that the
month counted makes today's figures differ from the frozen ones; ``month_amendments`` lists each
difference in plain words.  Like every service, nothing here commits: the caller's session does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.db.models import ClosedMonth, MonthEvent, Staff, utc_now
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.domain.month_amendments import Amendment, month_amendments
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.monthly_report import monthly_figures

#: ``make_pdf(session, month) -> bytes``: the printed sheet of the month (with its referral forms).
PdfMaker = Callable[[Session, Month], bytes]


class MonthStatus(str, Enum):
    OPEN = "open"  #: never closed: the view shows today's figures
    CLOSED = "closed"  #: frozen: the view shows what was printed, and any amendments since
    REOPENED = "reopened"  #: was closed, then reopened with a reason: today's figures again

    @property
    def label(self) -> str:
        return {"open": "Open", "closed": "Closed", "reopened": "Reopened"}[self.value]


class ClosedPdfDamaged(LbsDeskError):
    """The stored sheet of a closed month no longer matches the fingerprint taken when it was closed."""


@dataclass(frozen=True)
class ClosedMonthInfo:
    """A month's frozen record: the figures and the sheet as printed, who closed it and when."""

    month: Month
    figures: dict  #: SPEC.md section 4's figures as they stood when the month was closed
    closed_at: datetime  #: UTC, naive (as the database keeps every time)
    closed_by_staff_id: int | None
    closed_by: str | None  #: the staff member's name, None when nobody was signed in
    pdf_sha256: str
    pdf_size: int  #: bytes
    reopened: bool  #: True when the month was reopened since: this record is history


@dataclass(frozen=True)
class MonthEventInfo:
    """A month was closed or reopened."""

    id: int
    month: Month
    action: str  #: "close" or "reopen"
    at: datetime  #: UTC, naive
    staff_id: int | None
    staff_name: str | None
    reason: str | None  #: why it was reopened (None for a close)

    @property
    def description(self) -> str:
        """``Closed by Ann Smith`` / ``Reopened by Ann Smith: a referral was missed``."""
        who = f" by {self.staff_name}" if self.staff_name else ""
        if self.action == "reopen":
            return f"Reopened{who}: {self.reason}" if self.reason else f"Reopened{who}"
        return f"Closed{who}"


@dataclass(frozen=True)
class MonthState:
    """Where a month stands, for the monthly sheet view."""

    month: Month
    status: MonthStatus
    #: the frozen record: the current one when closed, the last one (history) when reopened
    closed: ClosedMonthInfo | None
    #: differences between the frozen figures and today's, as plain lines (closed and reopened
    #: months; empty when open, when nothing changed, or when asked for without amendments)
    amendments: tuple[str, ...] = ()
    #: the same differences with their section, for grouping on screen
    amendment_items: tuple[Amendment, ...] = ()
    #: why the month cannot be closed now (not ended yet, already closed), or None when it can
    cannot_close_because: str | None = None
    events: tuple[MonthEventInfo, ...] = field(default=())

    @property
    def figures(self) -> dict | None:
        """What a closed month shows: the frozen figures (None for an open or reopened month)."""
        return self.closed.figures if self.closed and self.status is MonthStatus.CLOSED else None

    @property
    def closed_at(self) -> datetime | None:
        return self.closed.closed_at if self.closed else None

    @property
    def closed_by(self) -> str | None:
        return self.closed.closed_by if self.closed else None

    @property
    def pdf_sha256(self) -> str | None:
        return self.closed.pdf_sha256 if self.closed else None

    @property
    def pdf_size(self) -> int | None:
        return self.closed.pdf_size if self.closed else None

    @property
    def amended(self) -> bool:
        return bool(self.amendments)

    @property
    def can_close(self) -> bool:
        return self.cannot_close_because is None

    @property
    def can_reopen(self) -> bool:
        return self.status is MonthStatus.CLOSED


# --- closing -------------------------------------------------------------------------------------


def close_month(
    session: Session,
    month: Month,
    *,
    staff_id: int | None = None,
    make_pdf: PdfMaker | None = None,
    now: datetime | None = None,
) -> ClosedMonthInfo:
    """Freeze the month's figures and the sheet printed from them, with who closed it and when.

    ``staff_id`` defaults to the signed-in staff member (``session.info["staff_id"]``); ``make_pdf``
    to the printed tracking sheet with the month's referral forms; ``now`` (UTC, naive or aware) to
    the present.  Raises ``LbsDeskError`` for a month that has not ended yet or is already closed.
    A reopened month is closed again: its frozen record is replaced, and both closes stay in the
    month's events.
    """
    session.flush()  # the figures are read with Core: count the caller's pending changes too
    now = _as_utc(now)
    staff_id = _staff_id(session, staff_id)
    record = session.get(ClosedMonth, str(month))
    reason = _cannot_close_because(month, record, today=_local_day(now), session=session)
    if reason:
        raise LbsDeskError(reason)

    figures = monthly_figures(session, month)
    pdf = (make_pdf or _printed_sheet)(session, month)
    if not isinstance(pdf, bytes) or not pdf:
        raise LbsDeskError(f"The sheet for {_month_words(month)} could not be printed, so the month was not closed.")
    digest = hashlib.sha256(pdf).hexdigest()
    if record is None:
        record = ClosedMonth(month=str(month))
        session.add(record)
    record.figures_json = json.dumps(figures, ensure_ascii=False)
    record.pdf = pdf
    record.pdf_sha256 = digest
    record.closed_at = now
    record.closed_by_staff_id = staff_id
    record.reopened = False
    session.add(MonthEvent(month=str(month), action="close", at=now, staff_id=staff_id))
    session.flush()
    return _info(record, _staff_names(session, [staff_id]))


def reopen_month(session: Session, month: Month, *, reason: str, staff_id: int | None = None,
                 now: datetime | None = None) -> MonthEventInfo:
    """Reopen a closed month, saying why.  The frozen record is kept (as history) until the month is
    closed again.  Raises ``ValidationFailed`` (field ``reason``) without a reason, and
    ``LbsDeskError`` when the month is not closed."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed({
            "reason": "Reason: write why the month is being reopened (for example, which referral was "
                      "missed); it is kept with the month's history."
        })
    record = session.get(ClosedMonth, str(month))
    if record is None:
        raise LbsDeskError(f"{_month_words(month)} has not been closed, so there is nothing to reopen.")
    if record.reopened:
        raise LbsDeskError(f"{_month_words(month)} is already reopened; close it again when it is ready.")
    now = _as_utc(now)
    staff_id = _staff_id(session, staff_id)
    record.reopened = True
    event = MonthEvent(month=str(month), action="reopen", at=now, staff_id=staff_id, reason=reason)
    session.add(event)
    session.flush()
    return _event_info(event, _staff_names(session, [staff_id]))


# --- reading -------------------------------------------------------------------------------------


def month_state(session: Session, month: Month, *, with_amendments: bool = True,
                today: date | None = None) -> MonthState:
    """Open, closed or reopened; for a closed month the frozen record and, unless
    ``with_amendments`` is False, what changed since it was closed (one count of today's figures)."""
    session.flush()  # the figures are read with Core: count the caller's pending changes too
    record = session.get(ClosedMonth, str(month))
    events = tuple(month_events(session, month))
    today = today or date.today()
    if record is None:
        return MonthState(month, MonthStatus.OPEN, None, events=events,
                          cannot_close_because=_cannot_close_because(month, None, today=today, session=session))
    names = _staff_names(session, [record.closed_by_staff_id])
    info = _info(record, names)
    status = MonthStatus.REOPENED if record.reopened else MonthStatus.CLOSED
    items: tuple[Amendment, ...] = ()
    if with_amendments:
        items = tuple(month_amendments(info.figures, monthly_figures(session, month)))
    return MonthState(
        month, status, info,
        amendments=tuple(item.line for item in items),
        amendment_items=items,
        cannot_close_because=_cannot_close_because(month, record, today=today, session=session),
        events=events,
    )


def month_statuses(session: Session, months: Iterable[Month]) -> dict[Month, MonthStatus]:
    """The status of many months at once (cheap: no figures are counted)."""
    months = list(months)
    stored = dict(session.execute(
        select(ClosedMonth.month, ClosedMonth.reopened).where(ClosedMonth.month.in_([str(m) for m in months]))
    ).all())
    return {
        m: MonthStatus.OPEN if str(m) not in stored
        else MonthStatus.REOPENED if stored[str(m)] else MonthStatus.CLOSED
        for m in months
    }


def closed_pdf(session: Session, month: Month) -> bytes:
    """Exactly the sheet printed when the month was last closed.  Raises ``ClosedPdfDamaged`` when
    its fingerprint no longer matches, ``LbsDeskError`` when the month was never closed."""
    row = session.execute(
        select(ClosedMonth.pdf, ClosedMonth.pdf_sha256).where(ClosedMonth.month == str(month))
    ).first()
    if row is None:
        raise LbsDeskError(f"{_month_words(month)} has not been closed, so no printed sheet is stored for it.")
    pdf, expected = row
    pdf = bytes(pdf or b"")
    if hashlib.sha256(pdf).hexdigest() != expected:
        raise ClosedPdfDamaged(
            f"The stored sheet of {_month_words(month)} does not match the fingerprint taken when the month "
            f"was closed: it was changed or damaged. Restore the database from a backup made after the "
            f"month was closed, or reopen the month and close it again to print a new sheet."
        )
    return pdf


def month_events(session: Session, month: Month) -> list[MonthEventInfo]:
    """Every close and reopen of the month, oldest first."""
    events = list(session.scalars(
        select(MonthEvent).where(MonthEvent.month == str(month)).order_by(MonthEvent.at, MonthEvent.id)
    ))
    names = _staff_names(session, [event.staff_id for event in events])
    return [_event_info(event, names) for event in events]


def amendments_for_next_sheet(session: Session, month: Month) -> list[str]:
    """The amendments to the previous month, to be listed on this month's sheet: the differences
    between its frozen figures and its figures today.  Empty when the previous month is not closed
    (never closed, or reopened to be closed again) or nothing changed."""
    session.flush()
    previous = month.plus(-1)
    record = session.get(ClosedMonth, str(previous))
    if record is None or record.reopened:
        return []
    return [a.line for a in month_amendments(json.loads(record.figures_json), monthly_figures(session, previous))]


# --- helpers -------------------------------------------------------------------------------------


def _printed_sheet(session: Session, month: Month) -> bytes:
    from lbsdesk.services.sheet_printing import monthly_sheet_pdf  # printing is loaded only to close

    return monthly_sheet_pdf(session, month, with_referral_forms=True)


def _cannot_close_because(month: Month, record: ClosedMonth | None, *, today: date, session: Session) -> str | None:
    if month.last_day > today:
        return (f"{_month_words(month)} has not ended yet: it can be closed from "
                f"{month.plus(1).first_day.isoformat()}.")
    if record is not None and not record.reopened:
        who = _staff_names(session, [record.closed_by_staff_id]).get(record.closed_by_staff_id)
        by = f" by {who}" if who else ""
        return (f"{_month_words(month)} was already closed on {record.closed_at:%Y-%m-%d}{by}. "
                f"Reopen it (with a reason) to close it again.")
    return None


def _info(record: ClosedMonth, names: dict[int | None, str]) -> ClosedMonthInfo:
    return ClosedMonthInfo(
        month=Month.parse(record.month),
        figures=json.loads(record.figures_json),
        closed_at=record.closed_at,
        closed_by_staff_id=record.closed_by_staff_id,
        closed_by=names.get(record.closed_by_staff_id),
        pdf_sha256=record.pdf_sha256,
        pdf_size=len(record.pdf or b""),
        reopened=bool(record.reopened),
    )


def _event_info(event: MonthEvent, names: dict[int | None, str]) -> MonthEventInfo:
    return MonthEventInfo(
        id=event.id, month=Month.parse(event.month), action=event.action, at=event.at,
        staff_id=event.staff_id, staff_name=names.get(event.staff_id), reason=event.reason,
    )


def _staff_names(session: Session, ids: Iterable[int | None]) -> dict[int | None, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.execute(select(Staff.id, Staff.name).where(Staff.id.in_(wanted))).all())


def _staff_id(session: Session, staff_id: int | None) -> int | None:
    staff_id = staff_id if staff_id is not None else session.info.get("staff_id")
    if staff_id is not None and session.get(Staff, staff_id) is None:
        raise LbsDeskError(f"Staff member {staff_id} does not exist; sign in again and retry.")
    return staff_id


def _as_utc(now: datetime | None) -> datetime:
    if now is None:
        return utc_now()
    if now.tzinfo is not None:
        return now.astimezone(timezone.utc).replace(tzinfo=None)
    return now


def _local_day(utc: datetime) -> date:
    """The day it is here (the month ends on the agency's calendar, not in UTC)."""
    return utc.replace(tzinfo=timezone.utc).astimezone().date()


def _month_words(month: Month) -> str:
    return f"{month.first_day:%B %Y}"
