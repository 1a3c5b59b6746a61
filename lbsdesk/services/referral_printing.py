"""The printed referral form from the database: ``lbsdesk print referral R00123``.

``referral_form_data`` gathers what one form prints (agency, referral, partner, learner, consent,
staff); ``referral_forms_data`` does the same for many referrals in a few queries (the monthly
packet); ``referral_form_pdf`` renders one form.  Read-only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.db.models import AgencyProfile, Consent, Learner, Partner, Referral, Staff, consent_partner
from lbsdesk.domain.codes import INFORMAL_SOURCES, SERVICES_REQUESTED
from lbsdesk.errors import LbsDeskError
from lbsdesk.printing.labels import code_label, label, normal_language, printed_in, value_label
from lbsdesk.printing.layout import Agency
from lbsdesk.printing.referral_form import ReferralFormData, render_referral_form

_CHUNK = 500  # ids per IN (...) query


def agency_of(session: Session) -> Agency:
    """The agency's name, contact, logo and language as every printed page shows them (blank when not set
    up; English unless the agency profile says French)."""
    profile = session.get(AgencyProfile, 1)
    if profile is None:
        profile = session.execute(select(AgencyProfile).order_by(AgencyProfile.id).limit(1)).scalar_one_or_none()
    if profile is None:
        return Agency()
    return Agency(
        name=profile.name or "", address=profile.address or "", phone=profile.phone or "",
        email=profile.email or "", cams_provider_number=profile.cams_provider_number or "",
        logo=profile.logo_png or None, language=normal_language(profile.language),
    )


def referral_form_data(session: Session, referral_key: str) -> ReferralFormData:
    """What the form of referral ``referral_key`` prints; an unknown id is an ``LbsDeskError``."""
    referral_id = session.execute(
        select(Referral.id).where(Referral.referral_key == referral_key.strip())
    ).scalar_one_or_none()
    if referral_id is None:
        raise LbsDeskError(
            f"There is no referral {referral_key}: check the referral id in the referrals list "
            "(ids are the agency's own, e.g. R00123)."
        )
    return referral_forms_data(session, [referral_id])[0]


def referral_form_pdf(session: Session, referral_key: str, *, printed_on: date | None = None) -> bytes:
    """One referral form with its return slip, as PDF bytes."""
    return render_referral_form(referral_form_data(session, referral_key), printed_on=printed_on)


def referral_forms_data(session: Session, referral_ids: Sequence[int], agency: Agency | None = None
                        ) -> list[ReferralFormData]:
    """The forms of the referrals with these database ids, in the order given."""
    agency = agency or agency_of(session)
    referrals: dict[int, Referral] = {}
    for chunk in _chunks(referral_ids):
        for referral in session.execute(select(Referral).where(Referral.id.in_(chunk))).scalars():
            referrals[referral.id] = referral
    learner_ids = {r.learner_id for r in referrals.values()}
    partner_ids = {r.partner_id for r in referrals.values() if r.partner_id is not None}
    staff_ids = {r.staff_id for r in referrals.values() if r.staff_id is not None}

    learners = _by_id(session, Learner, learner_ids)
    partners = _by_id(session, Partner, partner_ids)
    staff_names = {
        staff_id: name
        for chunk in _chunks(staff_ids)
        for staff_id, name in session.execute(select(Staff.id, Staff.name).where(Staff.id.in_(chunk)))
    }
    consents = _consents(session, learner_ids)
    with printed_in(agency.language):  # the words the service fills in (sources, languages…) too
        return [
            _form_data(referrals[rid], learners[referrals[rid].learner_id],
                       partners.get(referrals[rid].partner_id), staff_names.get(referrals[rid].staff_id, ""),
                       _consent_for(referrals[rid], consents), agency)
            for rid in referral_ids if rid in referrals
        ]


# --- assembling one form ---------------------------------------------------------------------------


def _form_data(r: Referral, learner: Learner, partner: Partner | None, staff_name: str,
               consent: "_ConsentFacts | None", agency: Agency) -> ReferralFormData:
    data = ReferralFormData(
        referral_number=r.referral_key,
        referral_date=r.referral_date,
        direction=r.direction,
        agency_name=agency.name, agency_address=agency.address, agency_phone=agency.phone,
        agency_email=agency.email, agency_logo=agency.logo, cams_provider_number=agency.cams_provider_number,
        language=agency.language,
        learner_name=_learner_name(learner),
        learner_date_of_birth=learner.date_of_birth,
        learner_phone=learner.phone or "",
        learner_email=learner.email or "",
        learner_preferred_language=value_label("language", learner.preferred_language),
        learner_preferred_contact=value_label("contact_method", learner.preferred_contact_method),
        reason=r.reason or "",
        services_requested=tuple(
            code.strip() for code in (r.services_requested or "").split(",") if code.strip() in SERVICES_REQUESTED
        ),
        services_other=r.services_other or "",
        supports=r.supports_needed or "",
        urgency=r.urgency,
        formal=bool(r.formal),
        planned=bool(r.planned), supported=bool(r.supported), coordinated=bool(r.coordinated),
        information_exchanged=bool(r.information_exchanged),
        consent_given=learner.consent_to_share,
        consent_given_on=learner.consent_date,
        follow_up_date=r.follow_up_date,
        staff_name=staff_name,
    )
    # The partner's side: on a referral in it sent the learner, on a referral out it receives them.
    if partner is not None:
        partner_side = {
            "organization": partner.name,
            "program": r.program or partner.program or "",
            "contact": r.contact_name or partner.contact_name or "",
            "phone": partner.phone or "",
            "email": partner.email or "",
            "address": partner.address or "",
        }
    else:
        # an informal source (word of mouth, walk-in…): only ever on a referral in
        partner_side = {"organization": code_label(INFORMAL_SOURCES, r.source), "program": "", "contact": "",
                        "phone": "", "email": "", "address": ""}
        data.referring_is_informal = r.direction == "in"
    agency_side = {
        "organization": agency.name, "program": label("agency_program"), "contact": staff_name,
        "phone": agency.phone, "email": agency.email, "address": agency.address,
    }
    referring, receiving = (partner_side, agency_side) if r.direction == "in" else (agency_side, partner_side)
    for key, value in referring.items():
        setattr(data, f"referring_{key}", value or "")
    for key, value in receiving.items():
        setattr(data, f"receiving_{key}", value or "")

    if consent is not None:
        data.consent_what = consent.what_is_shared
        data.consent_purpose = consent.purpose
        data.consent_valid_until = consent.expiry_date
        data.consent_given_on = consent.signed_date or learner.consent_date
        if consent.scope == "named_partners":
            data.consent_with_whom = ", ".join(consent.partner_names)
        else:
            data.consent_with_whom = label("consent_all_partners", agency=agency.name or label("agency_name_missing"))
        if data.consent_given is None:
            data.consent_given = True  # a consent on file that is not withdrawn
    return data


def _learner_name(learner: Learner) -> str:
    first = learner.first_name or ""
    if learner.preferred_name and learner.preferred_name != first:
        first = f"{first} ({learner.preferred_name})"
    return f"{first} {learner.last_name or ''}".strip()


# --- consent ---------------------------------------------------------------------------------------


class _ConsentFacts:
    __slots__ = ("id", "learner_id", "scope", "what_is_shared", "purpose", "signed_date", "expiry_date",
                 "withdrawn_date", "partner_names")

    def __init__(self, row: Consent) -> None:
        self.id = row.id
        self.learner_id = row.learner_id
        self.scope = row.scope
        self.what_is_shared = row.what_is_shared or ""
        self.purpose = row.purpose or ""
        self.signed_date = row.signed_date
        self.expiry_date = row.expiry_date
        self.withdrawn_date = row.withdrawn_date
        self.partner_names: list[str] = []


def _consents(session: Session, learner_ids: Iterable[int]) -> dict[int, list[_ConsentFacts]]:
    """Each learner's consents that are not withdrawn, newest first."""
    by_learner: dict[int, list[_ConsentFacts]] = {}
    by_id: dict[int, _ConsentFacts] = {}
    for chunk in _chunks(learner_ids):
        rows = session.execute(
            select(Consent).where(Consent.learner_id.in_(chunk), Consent.withdrawn_date.is_(None))
        ).scalars()
        for row in rows:
            facts = _ConsentFacts(row)
            by_id[facts.id] = facts
            by_learner.setdefault(facts.learner_id, []).append(facts)
    for chunk in _chunks(by_id):
        for consent_id, name in session.execute(
            select(consent_partner.c.consent_id, Partner.name)
            .join(Partner, Partner.id == consent_partner.c.partner_id)
            .where(consent_partner.c.consent_id.in_(chunk))
            .order_by(Partner.name)
        ):
            by_id[consent_id].partner_names.append(name)
    for facts in by_learner.values():
        facts.sort(key=lambda c: (c.signed_date or date.min, c.id), reverse=True)
    return by_learner


def _consent_for(referral: Referral, consents: dict[int, list[_ConsentFacts]]) -> _ConsentFacts | None:
    """The consent the referral names, if it is still in force; else the learner's newest one."""
    mine = consents.get(referral.learner_id, [])
    if referral.consent_id is not None:
        for facts in mine:
            if facts.id == referral.consent_id:
                return facts
    return mine[0] if mine else None


# --- helpers ---------------------------------------------------------------------------------------


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def _by_id(session: Session, model, ids: Iterable[int]) -> dict:  # noqa: ANN001
    found = {}
    for chunk in _chunks(ids):
        for row in session.execute(select(model).where(model.id.in_(chunk))).scalars():
            found[row.id] = row
    return found
