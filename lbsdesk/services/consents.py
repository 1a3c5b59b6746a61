"""A learner's consents to share information: with all partners or named ones, how given, dates.

The learner's ``consent_to_share`` and ``consent_date`` (the CSV columns) summarise these records:
they say whether a consent with all partners is in force, and since when.  Referrals out ask
``may_share_with`` before anything leaves the agency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.db.models import Consent, Learner, Partner
from lbsdesk.domain.codes import CONSENT_METHODS, CONSENT_SCOPES
from lbsdesk.errors import LbsDeskError, ValidationFailed


@dataclass
class ConsentRecord:
    id: int | None = None
    scope: str = "all_partners"
    method: str | None = "written"
    what_is_shared: str | None = None
    purpose: str | None = None
    signed_date: date | None = None
    expiry_date: date | None = None
    withdrawn_date: date | None = None
    notes: str | None = None
    partner_ids: list[int] = field(default_factory=list)

    def in_force_on(self, day: date) -> bool:
        return (
            self.signed_date is not None
            and self.signed_date <= day
            and (self.expiry_date is None or self.expiry_date >= day)
            and (self.withdrawn_date is None or self.withdrawn_date > day)
        )


def _record(consent: Consent) -> ConsentRecord:
    return ConsentRecord(
        id=consent.id, scope=consent.scope, method=consent.method, what_is_shared=consent.what_is_shared,
        purpose=consent.purpose, signed_date=consent.signed_date, expiry_date=consent.expiry_date,
        withdrawn_date=consent.withdrawn_date, notes=consent.notes,
        partner_ids=sorted(p.id for p in consent.partners),
    )


def consents_of(session: Session, learner_id: int) -> list[ConsentRecord]:
    """The learner's consents, newest first."""
    consents = session.scalars(
        select(Consent).where(Consent.learner_id == learner_id).order_by(Consent.signed_date.desc(), Consent.id.desc())
    ).all()
    return [_record(c) for c in consents]


def validate_consent(record: ConsentRecord) -> dict[str, str]:
    problems: dict[str, str] = {}
    if record.scope not in CONSENT_SCOPES:
        problems["scope"] = f"Scope: choose {CONSENT_SCOPES.describe()}."
    if record.method is not None and record.method not in CONSENT_METHODS:
        problems["method"] = f"How given: choose {CONSENT_METHODS.describe()}."
    if record.signed_date is None:
        problems["signed_date"] = "Given on: enter the date the learner gave consent."
    else:
        if record.expiry_date is not None and record.expiry_date < record.signed_date:
            problems["expiry_date"] = (
                f"Valid until: {record.expiry_date.isoformat()} is before the consent was given "
                f"({record.signed_date.isoformat()}); check the dates."
            )
        if record.withdrawn_date is not None and record.withdrawn_date < record.signed_date:
            problems["withdrawn_date"] = (
                f"Withdrawn on: {record.withdrawn_date.isoformat()} is before the consent was given; check the dates."
            )
    if record.scope == "named_partners" and not record.partner_ids:
        problems["partner_ids"] = "Partners: name at least one partner, or choose 'All partners'."
    return problems


def save_consent(session: Session, learner_id: int, record: ConsentRecord, today: date | None = None) -> int:
    problems = validate_consent(record)
    if problems:
        raise ValidationFailed(problems)
    learner = session.get(Learner, learner_id)
    if learner is None:
        raise LbsDeskError(f"There is no learner with id {learner_id}.")
    consent = session.get(Consent, record.id) if record.id else Consent(learner_id=learner_id)
    if consent is None or consent.learner_id != learner_id:
        raise LbsDeskError("That consent does not belong to this learner.")
    for name in ("scope", "method", "what_is_shared", "purpose", "signed_date", "expiry_date", "withdrawn_date", "notes"):
        setattr(consent, name, getattr(record, name))
    partners = session.scalars(select(Partner).where(Partner.id.in_(record.partner_ids))).all() if record.partner_ids else []
    if len(partners) != len(set(record.partner_ids)):
        raise ValidationFailed({"partner_ids": "Partners: one of the chosen partners no longer exists."})
    consent.partners = list(partners) if record.scope == "named_partners" else []
    if consent.id is None:
        session.add(consent)
    session.flush()
    refresh_learner_consent_summary(session, learner, today)
    return consent.id


def withdraw_consent(session: Session, consent_id: int, on: date, today: date | None = None) -> None:
    consent = session.get(Consent, consent_id)
    if consent is None:
        raise LbsDeskError("That consent no longer exists.")
    if consent.signed_date and on < consent.signed_date:
        raise ValidationFailed({"withdrawn_date": "Withdrawn on: the date is before the consent was given."})
    consent.withdrawn_date = on
    session.flush()
    refresh_learner_consent_summary(session, consent.learner, today)


def refresh_learner_consent_summary(session: Session, learner: Learner, today: date | None = None) -> None:
    """Set the learner's consent_to_share / consent_date from the all-partners consent in force."""
    day = today or date.today()
    in_force = [
        c for c in consents_of(session, learner.id) if c.scope == "all_partners" and c.in_force_on(day)
    ]
    if in_force:
        learner.consent_to_share = True
        learner.consent_date = min(c.signed_date for c in in_force)
    elif any(c.scope == "all_partners" for c in consents_of(session, learner.id)):
        learner.consent_to_share = False


def may_share_with(session: Session, learner_id: int, partner_id: int, on: date) -> bool:
    """True when a consent in force on ``on`` covers this partner (all partners, or named)."""
    for consent in consents_of(session, learner_id):
        if consent.in_force_on(on) and (consent.scope == "all_partners" or partner_id in consent.partner_ids):
            return True
    learner = session.get(Learner, learner_id)
    # A consent recorded only as the learner's summary columns (e.g. imported from CSV) covers all partners.
    return bool(
        learner is not None and learner.consent_to_share and learner.consent_date is not None
        and learner.consent_date <= on and not consents_of(session, learner_id)
    )
