"""The partner directory: load, validate and save one partner (with its programs and contacts), the
searchable list, archive and delete, and the partner page's coordination summary.

Editing uses ORM objects so the audit trail records each change; callers get plain dataclasses.
An agency has tens to a few hundred partners, so the list is read whole and searched in Python
(accent-blind, ``fold``), with no search column in the schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lbsdesk.db.models import (
    Partner,
    PartnerContact,
    PartnerProgram,
    Referral,
    consent_partner,
    outreach_partner,
)
from lbsdesk.domain.calendar_rules import FiscalYear
from lbsdesk.domain.codes import ORG_TYPES
from lbsdesk.domain.text import fold
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.outreach import OutreachEffect, last_outreach_date, referrals_following_outreach
from lbsdesk.services.record_values import clean_text as _clean, next_key, today_or as _today

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class PartnerProgramRecord:
    """A program or service the partner offers; ``id`` None for a new one."""

    id: int | None = None
    name: str = ""
    description: str | None = None
    eligibility: str | None = None


@dataclass
class PartnerContactRecord:
    id: int | None = None
    name: str = ""
    role: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass
class PartnerRecord:
    """Every editable field of a partner (the ``Partner`` model's names); ``id`` None for a new one."""

    id: int | None = None
    partner_key: str = ""
    name: str = ""
    org_type: str = ""
    program: str | None = None
    contact_name: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    website: str | None = None
    services_offered: str | None = None
    agreement: bool = False
    agreement_date: date | None = None
    co_located: bool = False
    listing_checked_date: date | None = None
    archived: bool = False
    notes: str | None = None
    programs: list[PartnerProgramRecord] = field(default_factory=list)
    contacts: list[PartnerContactRecord] = field(default_factory=list)


_PLAIN_FIELDS = (
    "partner_key", "name", "org_type", "program", "contact_name", "phone", "email", "address", "website",
    "services_offered", "agreement", "agreement_date", "co_located", "listing_checked_date", "archived", "notes",
)


@dataclass(frozen=True)
class PartnerRow:
    """A partner as the directory list shows it."""

    id: int
    partner_key: str
    name: str
    org_type: str
    org_type_label: str
    program: str | None
    contact_name: str | None
    phone: str | None
    email: str | None
    agreement: bool
    co_located: bool
    archived: bool
    listing_checked_date: date | None


@dataclass(frozen=True)
class PartnerSummary:
    """The partner page's coordination summary for one fiscal year."""

    partner_id: int
    partner_name: str
    fiscal_year: str
    referrals_in: int
    referrals_in_formal: int
    referrals_in_informal: int
    referrals_out: int
    referrals_out_formal: int
    referrals_out_informal: int
    #: the latest referral in or out with this partner, any year
    last_referral_date: date | None
    #: outreach activities that reached this partner in the fiscal year
    outreach_count: int
    #: the latest outreach that reached this partner, any year
    last_outreach_date: date | None
    #: for each outreach in the fiscal year, the referrals in from this partner within 90 days after it
    outreach_effects: list[OutreachEffect]


# --- new, load, validate, save ------------------------------------------------------------------


def next_partner_key(session: Session) -> str:
    """ "P" + 3 digits, one after the highest P-number in use (more digits past P999)."""
    return next_key(session, Partner.partner_key, "P", 3)


def new_partner_record(session: Session, today: date | None = None) -> PartnerRecord:
    """A blank partner page: the next free partner ID, the listing checked today."""
    return PartnerRecord(partner_key=next_partner_key(session), listing_checked_date=_today(today))


def _get_partner(session: Session, partner_id: int) -> Partner:
    partner = session.get(Partner, partner_id)
    if partner is None:
        raise LbsDeskError(f"There is no partner with the number {partner_id}; refresh the partner directory.")
    return partner


def load_partner(session: Session, partner_id: int) -> PartnerRecord:
    partner = _get_partner(session, partner_id)
    record = PartnerRecord(id=partner.id, **{name: getattr(partner, name) for name in _PLAIN_FIELDS})
    record.agreement, record.co_located, record.archived = (
        bool(partner.agreement), bool(partner.co_located), bool(partner.archived)
    )
    record.programs = [
        PartnerProgramRecord(id=p.id, name=p.name, description=p.description, eligibility=p.eligibility)
        for p in sorted(partner.programs, key=lambda p: p.id)
    ]
    record.contacts = [
        PartnerContactRecord(id=c.id, name=c.name, role=c.role, phone=c.phone, email=c.email)
        for c in sorted(partner.contacts, key=lambda c: c.id)
    ]
    return record


def _blank_program(program: PartnerProgramRecord) -> bool:
    return not any(_clean(v) for v in (program.name, program.description, program.eligibility))


def _blank_contact(contact: PartnerContactRecord) -> bool:
    return not any(_clean(v) for v in (contact.name, contact.role, contact.phone, contact.email))


def validate_partner(session: Session, record: PartnerRecord, today: date | None = None) -> dict[str, str]:
    """What stops this partner from being saved: field name → message naming the field and the fix.

    Program and contact rows are named ``programs[i]`` / ``contacts[i]`` (0-based); blank rows are ignored.
    """
    today = _today(today)
    problems: dict[str, str] = {}
    key = _clean(record.partner_key)
    if not key:
        problems["partner_key"] = (
            f"Partner ID is required: type the agency's ID for this partner (the next free one is {next_partner_key(session)})."
        )
    else:
        clash = session.execute(
            select(Partner.name).where(Partner.partner_key == key, Partner.id != (record.id or -1))
        ).scalar_one_or_none()
        if clash is not None:
            problems["partner_key"] = (
                f"Partner ID: {key} already belongs to {clash}; choose another ID "
                f"(the next free one is {next_partner_key(session)})."
            )
    if not _clean(record.name):
        problems["name"] = "Name is required: type the organization's name."
    org_type = _clean(record.org_type)
    if not org_type:
        problems["org_type"] = "Organization type is required: choose the kind of organization (e.g. Ontario Works, Food bank)."
    elif org_type not in ORG_TYPES:
        problems["org_type"] = f"Organization type: '{org_type}' is not one of the choices; pick one from the list."
    email = _clean(record.email)
    if email is not None and not _EMAIL_RE.match(str(email)):
        problems["email"] = f"Email: '{email}' does not look like an email address; write it as name@example.ca."
    if record.agreement_date is not None:
        if not record.agreement:
            problems["agreement_date"] = (
                "Agreement date: there is a date but no agreement; tick Agreement (a signed partnership agreement "
                "or referral protocol) or clear the date."
            )
        elif record.agreement_date > today:
            problems["agreement_date"] = (
                f"Agreement date: {record.agreement_date.isoformat()} is in the future; enter the day it was signed."
            )
    if record.listing_checked_date is not None and record.listing_checked_date > today:
        problems["listing_checked_date"] = (
            f"Listing checked: {record.listing_checked_date.isoformat()} is in the future; enter the day it was checked."
        )
    for index, program in enumerate(record.programs):
        if not _blank_program(program) and not _clean(program.name):
            problems[f"programs[{index}]"] = (
                f"Programs, line {index + 1}: the program's name is required; type it or clear the line."
            )
    for index, contact in enumerate(record.contacts):
        if _blank_contact(contact):
            continue
        if not _clean(contact.name):
            problems[f"contacts[{index}]"] = f"Contacts, line {index + 1}: the contact's name is required; type it or clear the line."
        elif _clean(contact.email) and not _EMAIL_RE.match(str(_clean(contact.email))):
            problems[f"contacts[{index}]"] = (
                f"Contacts, line {index + 1}: email '{_clean(contact.email)}' does not look like an email address; "
                "write it as name@example.ca."
            )
    return problems


def save_partner(session: Session, record: PartnerRecord, staff_id: int | None = None, today: date | None = None) -> int:
    """Validate and write the partner, its programs and contacts; returns its id.  Raises ValidationFailed."""
    problems = validate_partner(session, record, today)
    if problems:
        raise ValidationFailed(problems)
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    if record.id is None:
        partner = Partner()
        session.add(partner)
    else:
        partner = _get_partner(session, record.id)
    for name in _PLAIN_FIELDS:
        value = _clean(getattr(record, name))
        if name in ("agreement", "co_located", "archived"):
            value = bool(value)
        elif name in ("partner_key", "name", "org_type"):
            value = value or ""
        if getattr(partner, name) != value:
            setattr(partner, name, value)

    _sync_children(
        partner.programs, [p for p in record.programs if not _blank_program(p)], PartnerProgram,
        ("name", "description", "eligibility"),
    )
    _sync_children(
        partner.contacts, [c for c in record.contacts if not _blank_contact(c)], PartnerContact,
        ("name", "role", "phone", "email"),
    )
    session.flush()
    record.id = partner.id
    return partner.id


def _sync_children(current: list, wanted: list, model: type, names: tuple[str, ...]) -> None:  # noqa: ANN001
    """Make the ORM collection ``current`` hold ``wanted`` (matched by id; others added or removed)."""
    by_id = {child.id: child for child in current}
    keep_ids = {item.id for item in wanted if item.id is not None}
    for child in list(current):
        if child.id not in keep_ids:
            current.remove(child)
    for item in wanted:
        child = by_id.get(item.id) if item.id is not None else None
        if child is None:
            child = model()
            current.append(child)
        for name in names:
            value = _clean(getattr(item, name))
            if name == "name":
                value = value or ""
            if getattr(child, name) != value:
                setattr(child, name, value)


# --- list, archive, delete ----------------------------------------------------------------------


def partner_list(
    session: Session, search: str = "", org_type: str | None = None, include_archived: bool = False
) -> list[PartnerRow]:
    """The directory, by name: ``search`` matches any part of the name, ID, program (main or listed),
    services offered or contact names, ignoring case and accents."""
    statement = select(
        Partner.id, Partner.partner_key, Partner.name, Partner.org_type, Partner.program, Partner.contact_name,
        Partner.phone, Partner.email, Partner.agreement, Partner.co_located, Partner.archived,
        Partner.listing_checked_date, Partner.services_offered,
    )
    if org_type:
        statement = statement.where(Partner.org_type == org_type)
    if not include_archived:
        statement = statement.where(Partner.archived.is_(False))
    rows = session.execute(statement).all()
    needle = fold(search)
    if needle:
        extra: dict[int, list[str]] = {}
        for partner_id, name in session.execute(select(PartnerProgram.partner_id, PartnerProgram.name)):
            extra.setdefault(partner_id, []).append(name)
        for partner_id, name in session.execute(select(PartnerContact.partner_id, PartnerContact.name)):
            extra.setdefault(partner_id, []).append(name)
        rows = [
            row for row in rows
            if needle in fold(" | ".join(
                v or "" for v in (row.name, row.partner_key, row.program, row.contact_name, row.services_offered,
                                  *extra.get(row.id, ()))
            ))
        ]
    rows.sort(key=lambda row: (fold(row.name), row.partner_key))
    return [
        PartnerRow(
            id=row.id, partner_key=row.partner_key, name=row.name, org_type=row.org_type,
            org_type_label=ORG_TYPES.label(row.org_type), program=row.program, contact_name=row.contact_name,
            phone=row.phone, email=row.email, agreement=bool(row.agreement), co_located=bool(row.co_located),
            archived=bool(row.archived), listing_checked_date=row.listing_checked_date,
        )
        for row in rows
    ]


def archive_partner(session: Session, partner_id: int, archived: bool = True, staff_id: int | None = None) -> None:
    """Take the partner out of the directory (``archived=False`` brings it back); its referrals keep it."""
    partner = _get_partner(session, partner_id)
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    if bool(partner.archived) != archived:
        partner.archived = archived
    session.flush()


def delete_partner(session: Session, partner_id: int, staff_id: int | None = None) -> None:
    """Delete a partner nothing refers to.  One with referrals, consents or outreach is refused: archive it."""
    partner = _get_partner(session, partner_id)
    referrals = session.execute(select(func.count()).where(Referral.partner_id == partner_id)).scalar_one()
    consents = session.execute(
        select(func.count()).select_from(consent_partner).where(consent_partner.c.partner_id == partner_id)
    ).scalar_one()
    outreach = session.execute(
        select(func.count()).select_from(outreach_partner).where(outreach_partner.c.partner_id == partner_id)
    ).scalar_one()
    uses = []
    if referrals:
        uses.append(f"{referrals} referral{'s' if referrals != 1 else ''}")
    if consents:
        uses.append(f"{consents} learner consent{'s' if consents != 1 else ''}")
    if outreach:
        uses.append(f"{outreach} outreach activit{'ies' if outreach != 1 else 'y'}")
    if uses:
        raise LbsDeskError(
            f"{partner.name} cannot be deleted: it is named by {' and '.join(uses)}. "
            "Archive it instead: it leaves the directory, and its referrals keep their partner."
        )
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    session.delete(partner)
    session.flush()


# --- coordination summary -----------------------------------------------------------------------


def coordination_summary(session: Session, partner_id: int, fiscal_year: FiscalYear | str) -> PartnerSummary:
    """Referrals in from and out to this partner in the fiscal year (formal and informal), the last
    referral, outreach done, and the referrals that followed each outreach within 90 days."""
    partner = _get_partner(session, partner_id)
    year = FiscalYear.parse(fiscal_year) if isinstance(fiscal_year, str) else fiscal_year
    counts = {("in", True): 0, ("in", False): 0, ("out", True): 0, ("out", False): 0}
    for direction, formal, number in session.execute(
        select(Referral.direction, Referral.formal, func.count())
        .where(Referral.partner_id == partner_id, Referral.referral_date.between(year.first_day, year.last_day))
        .group_by(Referral.direction, Referral.formal)
    ):
        counts[(direction, bool(formal))] += number
    last_referral = session.execute(
        select(func.max(Referral.referral_date)).where(Referral.partner_id == partner_id)
    ).scalar_one()
    effects = referrals_following_outreach(session, partner_id=partner_id)
    in_year = [effect for effect in effects if year.contains(effect.activity_date)]
    return PartnerSummary(
        partner_id=partner.id, partner_name=partner.name, fiscal_year=str(year),
        referrals_in=counts[("in", True)] + counts[("in", False)],
        referrals_in_formal=counts[("in", True)], referrals_in_informal=counts[("in", False)],
        referrals_out=counts[("out", True)] + counts[("out", False)],
        referrals_out_formal=counts[("out", True)], referrals_out_informal=counts[("out", False)],
        last_referral_date=last_referral,
        outreach_count=len(in_year), last_outreach_date=last_outreach_date(session, partner_id),
        outreach_effects=in_year,
    )
