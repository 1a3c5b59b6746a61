"""The printed monthly tracking sheet from the database: ``lbsdesk print sheet --month 2026-09``
(with the month's referral forms) and ``report monthly --format pdf`` (the sheet alone).

The figures are ``monthly_figures`` (SPEC.md section 4), the one source; this module only adds the
names, phone numbers and dates the lists need, read with Core selects of the needed columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.db.models import Learner, Partner, Referral
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.domain.codes import INFORMAL_SOURCES
from lbsdesk.printing.tracking_sheet import LearnerLine, ReferralLine, SheetData, render_tracking_sheet
from lbsdesk.services.monthly_report import monthly_figures
from lbsdesk.services.referral_printing import agency_of, referral_forms_data

_CHUNK = 500


def amendments_for_next_sheet(session: Session, month: Month) -> list[str]:
    from lbsdesk.services.month_close import amendments_for_next_sheet as amendments

    return amendments(session, month)


def monthly_sheet_pdf(session: Session, month: Month, *, with_referral_forms: bool = True,
                      printed_on: date | None = None) -> bytes:
    """The month's tracking sheet as PDF bytes, followed (by default) by one referral form per
    referral dated in the month, in date order, each starting on a new page."""
    data = sheet_data(session, month, with_referral_forms=with_referral_forms, printed_on=printed_on)
    return render_tracking_sheet(data, with_referral_forms=with_referral_forms)


def sheet_data(session: Session, month: Month, *, with_referral_forms: bool = True,
               printed_on: date | None = None) -> SheetData:
    """Everything the printed sheet shows, gathered from the database."""
    figures = monthly_figures(session, month)
    agency = agency_of(session)
    learner_ids = set(figures["gaps"]) | {item["learner_id"] for item in figures["follow_ups_due"]}
    data = SheetData(
        month=month,
        figures=figures,
        agency=agency,
        printed_on=printed_on or date.today(),
        learners=_learner_lines(session, learner_ids, came_by_for=set(figures["gaps"]), language=agency.language),
        referrals=_referral_lines(session, figures["not_in_cams"], agency.language),
    )
    data.month_referrals = _month_referrals(session, month, agency.language)
    data.amendments = amendments_for_next_sheet(session, month)
    if with_referral_forms:
        data.forms = referral_forms_data(session, [line.db_id for line in data.month_referrals], agency)
    return data


def _name(first: str | None, last: str | None) -> str:
    return f"{first or ''} {last or ''}".strip()


def _learner_lines(session: Session, learner_keys: set[str], *, came_by_for: set[str],
                   language: str = "en") -> dict[str, LearnerLine]:
    rows: dict[str, dict] = {}
    for chunk in _chunks(learner_keys):
        for key, first, last, phone, intake in session.execute(
            select(Learner.learner_key, Learner.first_name, Learner.last_name, Learner.phone, Learner.intake_date)
            .where(Learner.learner_key.in_(chunk))
        ):
            rows[key] = {"learner_id": key, "name": _name(first, last), "phone": phone or "", "intake_date": intake}
    # how each learner on the gap list came to us: their first referral in (a partner or a source)
    came_by: dict[str, str] = {}
    for chunk in _chunks(came_by_for):
        for key, partner_name, source in session.execute(
            select(Learner.learner_key, Partner.name, Referral.source)
            .join(Learner, Referral.learner_id == Learner.id)
            .outerjoin(Partner, Referral.partner_id == Partner.id)
            .where(Referral.direction == "in", Learner.learner_key.in_(chunk))
            .order_by(Referral.referral_date.desc(), Referral.id.desc())
        ):
            came_by[key] = partner_name or INFORMAL_SOURCES.label(source, language)  # the last one written wins: the first
    return {key: LearnerLine(came_by=came_by.get(key, ""), **values) for key, values in rows.items()}


def _referral_lines(session: Session, referral_keys: Iterable[str], language: str = "en") -> dict[str, ReferralLine]:
    lines: dict[str, ReferralLine] = {}
    for chunk in _chunks(referral_keys):
        for key, day, direction, first, last, partner_name, source in session.execute(
            select(Referral.referral_key, Referral.referral_date, Referral.direction, Learner.first_name,
                   Learner.last_name, Partner.name, Referral.source)
            .join(Learner, Referral.learner_id == Learner.id)
            .outerjoin(Partner, Referral.partner_id == Partner.id)
            .where(Referral.referral_key.in_(chunk))
        ):
            lines[key] = ReferralLine(key, day, direction, _name(first, last),
                                      partner_name or INFORMAL_SOURCES.label(source, language))
    return lines


def _month_referrals(session: Session, month: Month, language: str = "en") -> list[ReferralLine]:
    """The referrals dated in the month, in date order (the order their forms are attached in)."""
    return [
        ReferralLine(key, day, direction, _name(first, last), partner_name or INFORMAL_SOURCES.label(source, language),
                     bool(formal), referral_id)
        for referral_id, key, day, direction, first, last, partner_name, source, formal in session.execute(
            select(Referral.id, Referral.referral_key, Referral.referral_date, Referral.direction,
                   Learner.first_name, Learner.last_name, Partner.name, Referral.source, Referral.formal)
            .join(Learner, Referral.learner_id == Learner.id)
            .outerjoin(Partner, Referral.partner_id == Partner.id)
            .where(Referral.referral_date >= month.first_day, Referral.referral_date <= month.last_day)
            .order_by(Referral.referral_date, Referral.referral_key)
        )
    ]


def _chunks(keys: Iterable[str]) -> Iterable[list[str]]:
    keys = sorted(keys)
    for start in range(0, len(keys), _CHUNK):
        yield keys[start:start + _CHUNK]
