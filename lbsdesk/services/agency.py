"""The agency's own details and staff names: the first-run setup and the Settings page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.db.models import AgencyProfile, Staff
from lbsdesk.domain.text import fold
from lbsdesk.errors import ValidationFailed

PROFILE_ID = 1
LANGUAGES = ("en", "fr")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_LOGO_BYTES = 2 * 1024 * 1024
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class AgencySettings:
    name: str
    address: str | None
    phone: str | None
    email: str | None
    cams_provider_number: str | None
    region: str | None
    language: str
    logo_png: bytes | None
    setup_completed: bool


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    role: str | None
    active: bool


def _profile(session: Session) -> AgencyProfile:
    profile = session.get(AgencyProfile, PROFILE_ID)
    if profile is None:  # a database whose seed row was removed: recreate it
        profile = AgencyProfile(id=PROFILE_ID, name="", language="en", setup_completed=False)
        session.add(profile)
        session.flush()
    return profile


def load_agency(session: Session) -> AgencySettings:
    profile = _profile(session)
    return AgencySettings(
        name=profile.name or "",
        address=profile.address,
        phone=profile.phone,
        email=profile.email,
        cams_provider_number=profile.cams_provider_number,
        region=profile.region,
        language=profile.language or "en",
        logo_png=profile.logo_png,
        setup_completed=bool(profile.setup_completed),
    )


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def validate_agency(settings: AgencySettings) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not _text(settings.name):
        problems["name"] = "Agency name is required: type the name printed at the top of your forms."
    email = _text(settings.email)
    if email and not _EMAIL_RE.match(email):
        problems["email"] = f"Email: '{email}' does not look like an email address; write it as office@example.ca."
    if settings.language not in LANGUAGES:
        problems["language"] = "Language: choose English (en) or French (fr)."
    if settings.logo_png is not None:
        if not settings.logo_png.startswith(PNG_SIGNATURE):
            problems["logo_png"] = "Logo: the file is not a PNG picture; save the logo as .png and choose it again."
        elif len(settings.logo_png) > MAX_LOGO_BYTES:
            problems["logo_png"] = "Logo: the picture is larger than 2 MB; choose a smaller PNG."
    return problems


def save_agency(session: Session, settings: AgencySettings) -> None:
    """Save the agency's details; saving them completes the first-run setup.  Raises ValidationFailed."""
    problems = validate_agency(settings)
    if problems:
        raise ValidationFailed(problems)
    profile = _profile(session)
    values = {
        "name": _text(settings.name) or "",
        "address": _text(settings.address),
        "phone": _text(settings.phone),
        "email": _text(settings.email),
        "cams_provider_number": _text(settings.cams_provider_number),
        "region": _text(settings.region),
        "language": settings.language,
        "logo_png": settings.logo_png or None,
        "setup_completed": True,
    }
    for name, value in values.items():
        if getattr(profile, name) != value:
            setattr(profile, name, value)
    settings.setup_completed = True
    session.flush()


def is_setup_needed(session: Session) -> bool:
    """True until the first-run setup has been saved."""
    completed = session.execute(
        select(AgencyProfile.setup_completed).where(AgencyProfile.id == PROFILE_ID)
    ).scalar()
    return not completed


def list_staff(session: Session) -> list[StaffRow]:
    """All staff, active first, by name."""
    rows = session.execute(select(Staff.id, Staff.name, Staff.role, Staff.active))
    staff = [StaffRow(id=r.id, name=r.name, role=r.role, active=bool(r.active)) for r in rows]
    staff.sort(key=lambda s: (not s.active, fold(s.name), s.id))
    return staff


def save_staff_names(session: Session, names: list[str]) -> None:
    """Add each name not already on the staff list (case, accents and spacing ignored)."""
    known = {fold(name) for name in session.execute(select(Staff.name)).scalars()}
    for name in names:
        cleaned = " ".join((name or "").split())
        if cleaned and fold(cleaned) not in known:
            session.add(Staff(name=cleaned, active=True))
            known.add(fold(cleaned))
    session.flush()
