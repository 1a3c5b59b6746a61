"""Referrals in and out: the referral form's record, its rules, the dated status history, replies from
the return slip, "keyed into CaMS", the referrals list, and awaiting-reply / expiry.

Editing one referral uses ORM objects so that the audit trail records every change; the list uses
Core ``select()`` of the needed columns.  Callers receive plain dataclasses only.  Nothing here
commits: the caller's session does.  The pure rules (statuses, waiting, formal) live in
``lbsdesk.domain.referral_rules``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from lbsdesk.db.models import AppSetting, Consent, Learner, Partner, Referral, ReferralStatusEntry, Staff
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.domain.codes import DIRECTIONS, INFORMAL_SOURCES, REFERRAL_STATUSES, SERVICES_REQUESTED, URGENCIES
from lbsdesk.domain.referral_rules import (
    AWAITING_REPLY,
    DEFAULT_EXPIRY_DAYS,
    DEFAULT_REPLY_DAYS,
    FIRST_STATUS,
    ReplyLimits,
    days_waiting,
    effective_status,
    formal_problem,
    formal_suggestion,
    normal_status,
    reply_status,
    status_change_problem,
    status_label,
)
from lbsdesk.domain.text import fold
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.consents import consents_of, may_share_with
from lbsdesk.services.record_values import clean_text as _clean, next_key, today_or as _today

#: Days from the referral date to the default follow-up date.
FOLLOW_UP_DAYS = 14

#: Out-referrals in these statuses have shared nothing yet, so they need no consent.
NO_CONSENT_NEEDED = frozenset({"draft", "withdrawn"})



class ConsentMissing(ValidationFailed):
    """An out-referral to a partner the learner has not consented to share with, on the referral date.

    ``problems`` has the one key ``"consent"``; ``learner_id``, ``partner_id`` and ``on`` say which
    consent to record (the form offers to open the learner's consents).
    """

    def __init__(self, message: str, *, learner_id: int, partner_id: int, on: date):
        super().__init__({"consent": message})
        self.learner_id = learner_id
        self.partner_id = partner_id
        self.on = on


@dataclass
class ReferralRecord:
    """Every editable field of a referral (the ``Referral`` model's names); ``id`` None for a new one."""

    id: int | None = None
    referral_key: str = ""
    learner_id: int | None = None
    direction: str = "out"
    referral_date: date | None = None
    partner_id: int | None = None
    #: an informal source (SPEC.md 5.2) for a referral in; never with a partner
    source: str | None = None
    formal: bool = False
    program: str | None = None
    contact_name: str | None = None
    reason: str | None = None
    #: codes of SERVICES_REQUESTED
    services_requested: list[str] = field(default_factory=list)
    services_other: str | None = None
    supports_needed: str | None = None
    urgency: str | None = None
    planned: bool = False
    supported: bool = False
    coordinated: bool = False
    information_exchanged: bool = False
    consent_id: int | None = None
    status: str = "unknown"
    follow_up_date: date | None = None
    cams_entered_date: date | None = None
    reply_received_date: date | None = None
    reply_accepted: bool | None = None
    reply_reason: str | None = None
    reply_first_appointment: date | None = None
    reply_by_name: str | None = None
    staff_id: int | None = None


#: The ``Referral`` columns the record carries one to one (services_requested is converted).
_PLAIN_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(ReferralRecord) if f.name not in ("id", "services_requested")
)

#: How each field is named in messages a person reads (the form's labels).
FIELD_LABELS = {
    "referral_key": "Referral number",
    "learner_id": "Learner",
    "direction": "Direction",
    "referral_date": "Date",
    "partner_id": "Partner",
    "source": "Source",
    "formal": "Formal",
    "urgency": "Urgency",
    "services_requested": "Services requested",
    "status": "Status",
    "follow_up_date": "Follow-up date",
    "cams_entered_date": "Keyed into CaMS",
    "reply_received_date": "Reply received",
    "reply_first_appointment": "First appointment",
    "consent_id": "Consent",
    "staff_id": "Staff",
}


@dataclass(frozen=True)
class StatusEntry:
    """One line of a referral's dated status history."""

    status: str
    status_label: str
    status_date: date
    note: str | None
    staff_name: str | None


@dataclass(frozen=True)
class ReferralRow:
    """A referral as the referrals list shows it."""

    id: int
    referral_key: str
    referral_date: date
    direction: str
    learner_id: int
    learner_key: str
    learner_name: str
    partner_id: int | None
    source: str | None
    #: the partner's name, or the informal source's label
    partner_or_source: str
    formal: bool
    status: str
    #: the stored status, or "awaiting_reply" / "expired" for an unanswered out-referral past the limits
    effective_status: str
    effective_status_label: str
    #: days since an unanswered out-referral was sent; None otherwise
    days_waiting: int | None
    follow_up_date: date | None
    cams_entered_date: date | None


@dataclass
class ReferralQuery:
    """The referrals list's filters; None / False / "" means "any"."""

    direction: str | None = None
    #: a stored status, or "awaiting_reply"; matched against the effective status
    status: str | None = None
    awaiting_reply: bool = False
    #: formal referrals dated on or before this day not keyed into CaMS by it (SPEC.md 4, not_in_cams)
    not_in_cams_on: date | None = None
    #: "YYYY-MM": referrals dated in that month
    month: str | None = None
    partner_id: int | None = None
    learner_id: int | None = None
    formal: bool | None = None
    #: part of the learner's name, learner ID or phone (accents ignored), or of the referral number
    search: str = ""
    #: the day "awaiting reply" and "days waiting" are reckoned on (default today)
    today: date | None = None
    limit: int | None = None
    offset: int = 0


# --- settings -----------------------------------------------------------------------------------


def _int_setting(session: Session, key: str, default: int) -> int:
    value = session.execute(select(AppSetting.value).where(AppSetting.key == key)).scalar_one_or_none()
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default


def reply_limits(session: Session) -> ReplyLimits:
    """The agency's settings ``referral_reply_days`` (default 30) and ``referral_expiry_days`` (default 60)."""
    reply_days = _int_setting(session, "referral_reply_days", DEFAULT_REPLY_DAYS)
    expiry_days = _int_setting(session, "referral_expiry_days", DEFAULT_EXPIRY_DAYS)
    return ReplyLimits(reply_days=reply_days, expiry_days=max(expiry_days, reply_days))


def set_reply_limits(session: Session, reply_days: int, expiry_days: int) -> None:
    """Change the two settings; expiry must come after awaiting reply."""
    problems: dict[str, str] = {}
    if not isinstance(reply_days, int) or reply_days < 1:
        problems["reply_days"] = "Awaiting reply after: enter a number of days of 1 or more."
    if not isinstance(expiry_days, int) or expiry_days < 1:
        problems["expiry_days"] = "Expired after: enter a number of days of 1 or more."
    elif not problems and expiry_days < reply_days:
        problems["expiry_days"] = (
            f"Expired after: {expiry_days} days is sooner than awaiting reply ({reply_days} days); "
            "enter a larger number."
        )
    if problems:
        raise ValidationFailed(problems)
    for key, value in (("referral_reply_days", reply_days), ("referral_expiry_days", expiry_days)):
        setting = session.get(AppSetting, key)
        if setting is None:
            session.add(AppSetting(key=key, value=str(value)))
        else:
            setting.value = str(value)
    session.flush()


# --- new, load ----------------------------------------------------------------------------------


def next_referral_key(session: Session) -> str:
    """ "R" + 6 digits, one after the highest R-number in use."""
    return next_key(session, Referral.referral_key, "R", 6)


def _consents_covering(session: Session, learner_id: int, partner_id: int | None, on: date) -> list[int]:
    """The learner's consents in force on ``on`` that cover the partner (any, when no partner), newest first."""
    return [
        consent.id for consent in consents_of(session, learner_id)
        if consent.in_force_on(on)
        and (partner_id is None or consent.scope == "all_partners" or partner_id in consent.partner_ids)
    ]


@dataclass(frozen=True)
class PartnerDefaults:
    """What the form fills in when a partner is chosen."""

    program: str | None
    contact_name: str | None
    archived: bool


def partner_defaults(session: Session, partner_id: int) -> PartnerDefaults:
    row = session.execute(
        select(Partner.program, Partner.contact_name, Partner.archived).where(Partner.id == partner_id)
    ).first()
    if row is None:
        raise LbsDeskError(f"There is no partner with the number {partner_id}; refresh the partner directory.")
    return PartnerDefaults(program=row.program, contact_name=row.contact_name, archived=bool(row.archived))


def new_referral_record(
    session: Session,
    *,
    learner_id: int | None,
    direction: str,
    today: date | None = None,
    partner_id: int | None = None,
    staff_id: int | None = None,
) -> ReferralRecord:
    """A new referral form, prefilled: the next referral number, dated today, follow-up in 14 days,
    "draft" for an out-referral and "unknown" for one in, the learner's consent in force today (and the
    partner's program and contact when a partner is given)."""
    today = _today(today)
    record = ReferralRecord(
        referral_key=next_referral_key(session),
        learner_id=learner_id,
        direction=direction,
        referral_date=today,
        follow_up_date=today + timedelta(days=FOLLOW_UP_DAYS),
        status=FIRST_STATUS.get(direction, "unknown"),
        partner_id=partner_id,
        staff_id=staff_id,
    )
    if partner_id is not None:
        defaults = partner_defaults(session, partner_id)
        record.program, record.contact_name = defaults.program, defaults.contact_name
    if learner_id is not None and session.get(Learner, learner_id) is not None:
        record.consent_id = next(iter(_consents_covering(session, learner_id, partner_id, today)), None)
    return record


def _get_referral(session: Session, referral_id: int) -> Referral:
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise LbsDeskError(f"There is no referral with the number {referral_id}; refresh the referrals list.")
    return referral


def load_referral(session: Session, referral_id: int) -> ReferralRecord:
    referral = _get_referral(session, referral_id)
    record = ReferralRecord(id=referral.id, **{name: getattr(referral, name) for name in _PLAIN_FIELDS})
    record.status = normal_status(record.status)
    record.services_requested = [code for code in (referral.services_requested or "").split(",") if code]
    return record


def status_history(session: Session, referral_id: int) -> list[StatusEntry]:
    """The referral's dated status history, oldest first."""
    rows = session.execute(
        select(ReferralStatusEntry.status, ReferralStatusEntry.status_date, ReferralStatusEntry.note, Staff.name)
        .outerjoin(Staff, Staff.id == ReferralStatusEntry.staff_id)
        .where(ReferralStatusEntry.referral_id == referral_id)
        .order_by(ReferralStatusEntry.status_date, ReferralStatusEntry.id)
    )
    return [
        StatusEntry(status=row.status, status_label=status_label(row.status), status_date=row.status_date,
                    note=row.note, staff_name=row.name)
        for row in rows
    ]


# --- validate -----------------------------------------------------------------------------------


def _date_text(day: date) -> str:
    return day.isoformat()


def validate_referral(session: Session, record: ReferralRecord, today: date | None = None) -> dict[str, str]:
    """What stops this referral from being saved: field name → message naming the field and the fix.

    Consent is checked by ``save_referral`` (``ConsentMissing``), or ahead of it by ``consent_problem``.
    """
    today = _today(today)
    problems: dict[str, str] = {}
    existing = session.get(Referral, record.id) if record.id is not None else None
    if record.id is not None and existing is None:
        raise LbsDeskError(f"There is no referral with the number {record.id}; refresh the referrals list.")

    key = _clean(record.referral_key)
    if not key:
        problems["referral_key"] = (
            f"Referral number is required: type the agency's number for it (the next free one is "
            f"{next_referral_key(session)})."
        )
    else:
        clash = session.execute(
            select(Referral.id).where(Referral.referral_key == key, Referral.id != (record.id or -1))
        ).first()
        if clash is not None:
            problems["referral_key"] = (
                f"Referral number: {key} is already used by another referral; choose another "
                f"(the next free one is {next_referral_key(session)})."
            )

    if record.learner_id is None:
        problems["learner_id"] = "Learner is required: choose the learner this referral is for."
    else:
        learner = session.get(Learner, record.learner_id)
        if learner is None:
            problems["learner_id"] = "Learner: that learner no longer exists; choose the learner again."
        elif learner.merged_into_id is not None:
            kept = session.get(Learner, learner.merged_into_id)
            problems["learner_id"] = (
                f"Learner: {learner.learner_key} was merged into {kept.learner_key if kept else 'another file'}; "
                "choose that learner instead."
            )

    direction = record.direction
    if direction not in DIRECTIONS:
        problems["direction"] = "Direction is required: choose In (someone referred the learner to us) or Out (we refer the learner)."
        direction = None

    source = _clean(record.source)
    if source is not None and source not in INFORMAL_SOURCES:
        problems["source"] = (
            f"Source: '{source}' is not an informal source; choose one of {INFORMAL_SOURCES.describe()}, "
            "or choose the partner who referred."
        )
    partner = None
    if record.partner_id is not None:
        partner = session.get(Partner, record.partner_id)
        if partner is None:
            problems["partner_id"] = "Partner: that partner no longer exists; choose the partner again."
        elif partner.archived and (existing is None or existing.partner_id != partner.id):
            problems["partner_id"] = (
                f"Partner: {partner.name} is archived; restore it in the partner directory first, or choose another partner."
            )
    if direction == "out":
        if source is not None and "source" not in problems:
            problems["source"] = (
                f"Source: a referral out goes to a partner, never to an informal source "
                f"({INFORMAL_SOURCES.label(source)}); clear the source and choose the partner."
            )
        elif record.partner_id is None:
            problems["partner_id"] = "Partner is required: choose the organization the learner is referred to."
    elif direction == "in":
        if record.partner_id is None and source is None:
            problems["partner_id"] = (
                "Partner or source is required: choose the organization that referred the learner, or how the "
                "learner came on their own (an informal source such as word of mouth)."
            )
        elif record.partner_id is not None and source is not None and "source" not in problems:
            problems["source"] = (
                "Source: give a partner or an informal source, not both; clear the source when an organization "
                "referred the learner."
            )

    if "source" not in problems:
        problem = formal_problem(
            formal=bool(record.formal),
            source_label=INFORMAL_SOURCES.label(source) if source else None,
            planned=bool(record.planned), supported=bool(record.supported),
            coordinated=bool(record.coordinated), information_exchanged=bool(record.information_exchanged),
        )
        if problem:
            problems["formal"] = problem

    status = normal_status(record.status)
    if direction is not None:
        problem = status_change_problem(direction, existing.status if existing is not None else status, status)
        if problem:
            problems["status"] = problem

    if record.referral_date is None:
        problems["referral_date"] = "Date is required: enter the day the referral was made."
    elif record.referral_date > today and status != "draft":
        problems["referral_date"] = (
            f"Date: {_date_text(record.referral_date)} is in the future; enter the day the referral was made "
            "(only a draft may be dated ahead)."
        )

    unknown = [code for code in record.services_requested if code not in SERVICES_REQUESTED]
    if unknown:
        problems["services_requested"] = (
            f"Services requested: {', '.join(repr(c) for c in unknown)} is not on the checklist; tick from "
            f"{SERVICES_REQUESTED.describe()}."
        )
    urgency = _clean(record.urgency)
    if urgency is not None and urgency not in URGENCIES:
        problems["urgency"] = f"Urgency: '{urgency}' is not one of the choices; pick {URGENCIES.describe()}, or leave it empty."

    ref_date = record.referral_date
    if ref_date is not None and record.follow_up_date is not None and record.follow_up_date < ref_date:
        problems["follow_up_date"] = (
            f"Follow-up date: {_date_text(record.follow_up_date)} is before the referral date "
            f"{_date_text(ref_date)}; choose a day on or after it (two weeks later is usual)."
        )
    if record.cams_entered_date is not None:
        if ref_date is not None and record.cams_entered_date < ref_date:
            problems["cams_entered_date"] = (
                f"Keyed into CaMS: {_date_text(record.cams_entered_date)} is before the referral date "
                f"{_date_text(ref_date)}; enter the day it was keyed in."
            )
        elif record.cams_entered_date > today:
            problems["cams_entered_date"] = (
                f"Keyed into CaMS: {_date_text(record.cams_entered_date)} is in the future; enter the day it was keyed in."
            )

    has_reply = any(
        value not in (None, "")
        for value in (record.reply_received_date, record.reply_accepted, _clean(record.reply_reason),
                      record.reply_first_appointment, _clean(record.reply_by_name))
    )
    if has_reply:
        problem = _reply_refusal(direction, status, key or "This referral")
        if problem:
            problems["reply_received_date"] = problem
        elif record.reply_received_date is None:
            problems["reply_received_date"] = "Reply received: enter the date the partner's reply came back."
        elif ref_date is not None and record.reply_received_date < ref_date:
            problems["reply_received_date"] = (
                f"Reply received: {_date_text(record.reply_received_date)} is before the referral date "
                f"{_date_text(ref_date)}; check the dates."
            )
        elif record.reply_received_date > today:
            problems["reply_received_date"] = (
                f"Reply received: {_date_text(record.reply_received_date)} is in the future; enter the day it came back."
            )
        if ref_date is not None and record.reply_first_appointment is not None and record.reply_first_appointment < ref_date:
            problems["reply_first_appointment"] = (
                f"First appointment: {_date_text(record.reply_first_appointment)} is before the referral date "
                f"{_date_text(ref_date)}; check the date on the return slip."
            )

    if record.consent_id is not None and record.learner_id is not None:
        owner = session.execute(select(Consent.learner_id).where(Consent.id == record.consent_id)).scalar_one_or_none()
        if owner != record.learner_id:
            problems["consent_id"] = "Consent: that consent is not this learner's; choose one of the learner's consents."
    if record.staff_id is not None and session.get(Staff, record.staff_id) is None:
        problems["staff_id"] = "Staff: that staff member no longer exists; choose another."
    return problems


def _reply_refusal(direction: str | None, status: str, key: str) -> str | None:
    if direction == "in":
        return (
            f"Reply: {key} is a referral in (another organization sent the learner to us); a reply from the "
            "return slip is recorded only for referrals we sent out."
        )
    if direction == "out" and status == "draft":
        return (
            f"Reply: {key} was never sent (it is still a draft); mark it Sent first, then record the partner's reply."
        )
    return None


def referral_warnings(session: Session, record: ReferralRecord) -> dict[str, str]:
    """Hints that do not stop a save (field → message): e.g. all confirmations ticked but not Formal."""
    warnings: dict[str, str] = {}
    hint = formal_suggestion(
        formal=bool(record.formal), has_partner=record.partner_id is not None,
        planned=bool(record.planned), supported=bool(record.supported),
        coordinated=bool(record.coordinated), information_exchanged=bool(record.information_exchanged),
    )
    if hint:
        warnings["formal"] = hint
    if record.direction == "out" and record.partner_id is not None and record.learner_id is not None:
        problem = consent_problem(session, record)
        if problem and normal_status(record.status) == "draft":
            warnings["consent"] = (
                "Consent: there is no consent to share with this partner yet; have the learner sign the consent "
                "block of the printed form and record it before marking the referral Sent."
            )
    return warnings


def consent_problem(session: Session, record: ReferralRecord) -> str | None:
    """Why this out-referral may not go to its partner (no consent in force on the referral date), or None."""
    if record.direction != "out" or record.partner_id is None or record.learner_id is None:
        return None
    on = record.referral_date or date.today()
    if may_share_with(session, record.learner_id, record.partner_id, on):
        return None
    learner = session.get(Learner, record.learner_id)
    partner = session.get(Partner, record.partner_id)
    who = f"{learner.first_name} {learner.last_name}" if learner else "The learner"
    whom = partner.name if partner else "this partner"
    return (
        f"Consent: {who} has no consent in force on {_date_text(on)} to share information with {whom}, so the "
        f"referral cannot be sent. Record the learner's consent first (learner file, Consents: all partners, or "
        f"name {whom}), dated on or before {_date_text(on)}; until then save the referral as a draft and have "
        "the learner sign the consent block of the printed form."
    )


def _raise_if_no_consent(session: Session, record: ReferralRecord, status: str) -> None:
    if status in NO_CONSENT_NEEDED:
        return
    problem = consent_problem(session, record)
    if problem:
        raise ConsentMissing(
            problem, learner_id=record.learner_id, partner_id=record.partner_id,  # type: ignore[arg-type]
            on=record.referral_date or date.today(),
        )


# --- save and status ----------------------------------------------------------------------------


def _set_staff(session: Session, staff_id: int | None) -> None:
    if staff_id is not None:
        session.info["staff_id"] = staff_id


def _append_status(referral: Referral, status: str, on: date, staff_id: int | None, note: str | None = None) -> None:
    referral.status_history.append(
        ReferralStatusEntry(status=status, status_date=on, staff_id=staff_id, note=_clean(note))
    )


def save_referral(
    session: Session, record: ReferralRecord, staff_id: int | None = None, today: date | None = None
) -> int:
    """Validate and write the referral in the caller's transaction; returns its id.

    Raises ``ValidationFailed`` (field → message) and writes nothing when a field is wrong, and
    ``ConsentMissing`` for an out-referral (other than a draft or withdrawn one) to a partner the
    learner had not consented to share with on the referral date.  A new referral's first status is
    recorded in the history on the referral date; a later change of status on ``today``.
    """
    today = _today(today)
    problems = validate_referral(session, record, today)
    if problems:
        raise ValidationFailed(problems)
    status = normal_status(record.status)
    _raise_if_no_consent(session, record, status)
    _set_staff(session, staff_id)
    if record.direction == "out" and record.partner_id is not None and status not in NO_CONSENT_NEEDED:
        covering = _consents_covering(session, record.learner_id, record.partner_id, record.referral_date)  # type: ignore[arg-type]
        if covering and record.consent_id not in covering:
            record.consent_id = covering[0]
    if record.id is None:
        referral = Referral()
        session.add(referral)
        old_status = None
    else:
        referral = _get_referral(session, record.id)
        old_status = normal_status(referral.status)
    for name in _PLAIN_FIELDS:
        value = _clean(getattr(record, name))
        if name == "status":
            value = status
        elif name == "referral_key":
            value = value or ""
        elif name in ("formal", "planned", "supported", "coordinated", "information_exchanged"):
            value = bool(value)
        if name == "staff_id" and value is None and record.id is None:
            value = staff_id
        if getattr(referral, name) != value:
            setattr(referral, name, value)
    services = ",".join(code for code in SERVICES_REQUESTED.codes if code in record.services_requested) or None
    if referral.services_requested != services:
        referral.services_requested = services
    if old_status is None:
        first_day = record.referral_date if status in ("draft", "sent", "unknown") else max(today, record.referral_date)  # type: ignore[type-var]
        _append_status(referral, status, first_day, staff_id)  # type: ignore[arg-type]
    elif old_status != status:
        _append_status(referral, status, today, staff_id)
    session.flush()
    record.id = referral.id
    return referral.id


def set_status(
    session: Session,
    referral_id: int,
    status: str,
    on: date,
    note: str | None = None,
    staff_id: int | None = None,
    today: date | None = None,
) -> None:
    """Change the status on a day and add it to the dated history (nothing happens when it is unchanged).

    Refused (``ValidationFailed``) for a status that may not follow the current one, a day before the
    referral date or in the future; ``ConsentMissing`` when an out-referral leaves "draft" without consent.
    """
    today = _today(today)
    referral = _get_referral(session, referral_id)
    status = normal_status(status)
    current = normal_status(referral.status)
    if status == current:
        return
    problem = status_change_problem(referral.direction, current, status)
    if problem:
        raise ValidationFailed({"status": problem})
    if on is None:
        raise ValidationFailed({"status_date": "Status date is required: enter the day the status changed."})
    if on < referral.referral_date:
        raise ValidationFailed({"status_date": (
            f"Status date: {_date_text(on)} is before the referral date {_date_text(referral.referral_date)}; "
            "check the date."
        )})
    if on > today:
        raise ValidationFailed({"status_date": f"Status date: {_date_text(on)} is in the future; enter the day it changed."})
    _raise_if_no_consent(session, load_referral(session, referral_id), status)
    _set_staff(session, staff_id)
    if referral.direction == "out" and referral.partner_id is not None and status not in NO_CONSENT_NEEDED:
        covering = _consents_covering(session, referral.learner_id, referral.partner_id, referral.referral_date)
        if covering and referral.consent_id not in covering:
            referral.consent_id = covering[0]
    referral.status = status
    _append_status(referral, status, on, staff_id, note)
    session.flush()


def record_reply(
    session: Session,
    referral_id: int,
    *,
    received_on: date,
    accepted: bool | None,
    reason: str | None = None,
    first_appointment: date | None = None,
    by_name: str | None = None,
    staff_id: int | None = None,
    today: date | None = None,
) -> str:
    """Record the partner's reply from the return slip; returns the referral's status afterwards.

    ``accepted`` True sets "accepted", False "declined", None (received, no decision yet)
    "acknowledged" — unless the referral has already moved past that (e.g. "attended"), in which
    case the status stays and only the reply is kept.  Refused for a referral in, or one never sent.
    """
    today = _today(today)
    referral = _get_referral(session, referral_id)
    current = normal_status(referral.status)
    problem = _reply_refusal(referral.direction, current, referral.referral_key)
    if problem:
        raise ValidationFailed({"reply_received_date": problem})
    problems: dict[str, str] = {}
    if received_on is None:
        problems["reply_received_date"] = "Reply received: enter the date the partner's reply came back."
    elif received_on < referral.referral_date:
        problems["reply_received_date"] = (
            f"Reply received: {_date_text(received_on)} is before the referral date "
            f"{_date_text(referral.referral_date)}; check the dates."
        )
    elif received_on > today:
        problems["reply_received_date"] = (
            f"Reply received: {_date_text(received_on)} is in the future; enter the day it came back."
        )
    if first_appointment is not None and first_appointment < referral.referral_date:
        problems["reply_first_appointment"] = (
            f"First appointment: {_date_text(first_appointment)} is before the referral date "
            f"{_date_text(referral.referral_date)}; check the date on the return slip."
        )
    if problems:
        raise ValidationFailed(problems)
    _set_staff(session, staff_id)
    referral.reply_received_date = received_on
    referral.reply_accepted = accepted
    referral.reply_reason = _clean(reason)
    referral.reply_first_appointment = first_appointment
    referral.reply_by_name = _clean(by_name)
    new_status = reply_status(accepted)
    if new_status != current and status_change_problem(referral.direction, current, new_status) is None:
        referral.status = new_status
        who = _clean(by_name)
        note = f"Reply from the return slip{f' ({who})' if who else ''}"
        if _clean(reason):
            note += f": {_clean(reason)}"
        _append_status(referral, new_status, received_on, staff_id, note)
    session.flush()
    return normal_status(referral.status)


def mark_keyed_into_cams(
    session: Session, referral_ids: list[int], on: date, staff_id: int | None = None, today: date | None = None
) -> int:
    """Record that these referrals were keyed into CaMS on ``on``; returns how many were newly marked.

    Referrals already marked keep their date.  All or nothing: a day before a referral's date or in
    the future is refused with the referral numbers named.
    """
    today = _today(today)
    ids = list(dict.fromkeys(referral_ids))
    if not ids:
        return 0
    if on is None:
        raise ValidationFailed({"cams_entered_date": "Keyed into CaMS: enter the day the referrals were keyed in."})
    if on > today:
        raise ValidationFailed({"cams_entered_date": (
            f"Keyed into CaMS: {_date_text(on)} is in the future; enter the day the referrals were keyed in."
        )})
    referrals: list[Referral] = []
    for start in range(0, len(ids), 500):
        referrals.extend(session.execute(select(Referral).where(Referral.id.in_(ids[start:start + 500]))).scalars())
    if len(referrals) != len(ids):
        raise LbsDeskError("Some of the chosen referrals no longer exist; refresh the referrals list and choose again.")
    to_mark = [r for r in referrals if r.cams_entered_date is None]
    too_early = sorted(r.referral_key for r in to_mark if on < r.referral_date)
    if too_early:
        shown = ", ".join(too_early[:10]) + (f" and {len(too_early) - 10} more" if len(too_early) > 10 else "")
        raise ValidationFailed({"cams_entered_date": (
            f"Keyed into CaMS: {_date_text(on)} is before the referral date of {shown}; "
            "choose a later day or leave those referrals out."
        )})
    _set_staff(session, staff_id)
    for referral in to_mark:
        referral.cams_entered_date = on
    session.flush()
    return len(to_mark)


# --- waiting for replies ------------------------------------------------------------------------


def sent_on_expression():  # noqa: ANN202
    """The day an out-referral was (last) sent: its latest "sent" history entry, else its referral date."""
    last_sent = (
        select(func.max(ReferralStatusEntry.status_date))
        .where(ReferralStatusEntry.referral_id == Referral.id, ReferralStatusEntry.status == "sent")
        .correlate(Referral)
        .scalar_subquery()
    )
    return func.coalesce(last_sent, Referral.referral_date)


def _effective_status_expression(limits: ReplyLimits, today: date, sent_on):  # noqa: ANN001, ANN202
    waiting = and_(Referral.direction == "out", Referral.status == "sent", Referral.reply_received_date.is_(None))
    stored = func.coalesce(func.nullif(Referral.status, ""), "unknown")
    return case(
        (and_(waiting, sent_on <= limits.expiry_cutoff(today)), "expired"),
        (and_(waiting, sent_on <= limits.awaiting_cutoff(today)), AWAITING_REPLY),
        else_=stored,
    )


def expire_overdue_referrals(session: Session, today: date | None = None, staff_id: int | None = None) -> int:
    """Record "expired" for out-referrals sent with no reply ``referral_expiry_days`` or more ago.

    The history entry is dated the day each expired (sent date + the expiry days), with a note.
    Returns how many were expired.
    """
    today = _today(today)
    limits = reply_limits(session)
    sent_on = sent_on_expression()
    rows = session.execute(
        select(Referral.id, sent_on.label("sent_on")).where(
            Referral.direction == "out", Referral.status == "sent", Referral.reply_received_date.is_(None),
            sent_on <= limits.expiry_cutoff(today),
        )
    ).all()
    _set_staff(session, staff_id)
    for referral_id, sent in rows:
        referral = session.get(Referral, referral_id)
        referral.status = "expired"
        _append_status(
            referral, "expired", limits.expires_on(sent), staff_id,
            f"No reply {limits.expiry_days} days after it was sent ({_date_text(sent)}).",
        )
    session.flush()
    return len(rows)


# --- the list -----------------------------------------------------------------------------------


def _list_statement(query: ReferralQuery, limits: ReplyLimits, today: date):  # noqa: ANN202
    sent_on = sent_on_expression().label("sent_on")
    effective = _effective_status_expression(limits, today, sent_on)
    statement = (
        select(
            Referral.id, Referral.referral_key, Referral.referral_date, Referral.direction, Referral.learner_id,
            Learner.learner_key, Learner.first_name, Learner.last_name, Referral.partner_id, Partner.name,
            Referral.source, Referral.formal, Referral.status, Referral.reply_received_date,
            Referral.follow_up_date, Referral.cams_entered_date, sent_on,
        )
        .join(Learner, Learner.id == Referral.learner_id)
        .outerjoin(Partner, Partner.id == Referral.partner_id)
    )
    conditions = []
    if query.direction:
        if query.direction not in DIRECTIONS:
            raise ValidationFailed({"direction": f"Direction: choose {DIRECTIONS.describe()}."})
        conditions.append(Referral.direction == query.direction)
    status = query.status
    if query.awaiting_reply:
        if status and status != AWAITING_REPLY:
            raise ValidationFailed({"status": "Status: 'awaiting reply' and another status cannot be asked for together."})
        status = AWAITING_REPLY
    if status:
        if status != AWAITING_REPLY and status not in REFERRAL_STATUSES:
            raise ValidationFailed({"status": f"Status: choose {REFERRAL_STATUSES.describe()} or {AWAITING_REPLY}."})
        conditions.append(effective == status)
    if query.not_in_cams_on is not None:
        day = query.not_in_cams_on
        conditions += [
            Referral.formal.is_(True), Referral.referral_date <= day,
            or_(Referral.cams_entered_date.is_(None), Referral.cams_entered_date > day),
        ]
    if query.month:
        try:
            month = Month.parse(query.month)
        except ValueError as error:
            raise ValidationFailed({"month": f"Month: {error}."}) from None
        conditions.append(Referral.referral_date.between(month.first_day, month.last_day))
    if query.partner_id is not None:
        conditions.append(Referral.partner_id == query.partner_id)
    if query.learner_id is not None:
        conditions.append(Referral.learner_id == query.learner_id)
    if query.formal is not None:
        conditions.append(Referral.formal.is_(bool(query.formal)))
    search = fold(query.search)
    if search:
        pattern = f"%{search.replace('%', '').replace('_', '')}%"
        conditions.append(or_(Learner.search_text.like(pattern), func.lower(Referral.referral_key).like(pattern)))
    if conditions:
        statement = statement.where(*conditions)
    return statement


def referral_list(session: Session, query: ReferralQuery | None = None) -> list[ReferralRow]:
    """The referrals matching the filters, newest first (date, then number)."""
    query = query or ReferralQuery()
    today = _today(query.today)
    limits = reply_limits(session)
    statement = _list_statement(query, limits, today).order_by(
        Referral.referral_date.desc(), Referral.referral_key.desc()
    )
    if query.limit is not None:
        statement = statement.limit(query.limit)
    if query.offset:
        statement = statement.offset(query.offset)
    rows = []
    for row in session.execute(statement):
        sent_on = row.sent_on if isinstance(row.sent_on, date) or row.sent_on is None else date.fromisoformat(str(row.sent_on))
        effective = effective_status(row.direction, row.status, row.reply_received_date, sent_on, today, limits)
        rows.append(ReferralRow(
            id=row.id, referral_key=row.referral_key, referral_date=row.referral_date, direction=row.direction,
            learner_id=row.learner_id, learner_key=row.learner_key,
            learner_name=f"{row.first_name} {row.last_name}", partner_id=row.partner_id, source=row.source,
            partner_or_source=row.name if row.partner_id is not None else INFORMAL_SOURCES.label(row.source),
            formal=bool(row.formal), status=normal_status(row.status), effective_status=effective,
            effective_status_label=status_label(effective),
            days_waiting=days_waiting(row.direction, row.status, row.reply_received_date, sent_on, today),
            follow_up_date=row.follow_up_date, cams_entered_date=row.cams_entered_date,
        ))
    return rows


def referral_count(session: Session, query: ReferralQuery | None = None) -> int:
    """How many referrals match the filters (limit and offset ignored)."""
    query = query or ReferralQuery()
    today = _today(query.today)
    statement = _list_statement(query, reply_limits(session), today).subquery()
    return session.execute(select(func.count()).select_from(statement)).scalar_one()


def awaiting_reply(session: Session, today: date | None = None) -> list[ReferralRow]:
    """Out-referrals awaiting the partner's reply on ``today`` (sent, no reply, past the reply days)."""
    return referral_list(session, ReferralQuery(awaiting_reply=True, today=today))
