"""Optional staff accounts: sign-in with a password (Argon2 hashes) and the idle lock's setting.

Accounts are off until the first staff member is given a password; from then on the app asks for a
sign-in at start and after the idle lock.  Passwords and their hashes are never logged, never
returned to callers and never written to the audit trail (it records only that the hash changed).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lbsdesk.db.models import AppSetting, Staff
from lbsdesk.errors import LbsDeskError, ValidationFailed

log = logging.getLogger(__name__)

MINIMUM_PASSWORD_LENGTH = 8
IDLE_LOCK_SETTING = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 10
#: 0 turns the idle lock off; otherwise at most a working day.
LONGEST_IDLE_LOCK_MINUTES = 480

_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Checked when the user name is unknown, so that a wrong name takes as long as a wrong password."""
    return _hasher.hash("not a real password, only for timing")


@dataclass(frozen=True)
class StaffIdentity:
    """Who signed in (no password, no hash)."""

    staff_id: int
    name: str
    username: str
    role: str | None


def _staff(session: Session, staff_id: int) -> Staff:
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise LbsDeskError(f"There is no staff member with the number {staff_id}; refresh the list.")
    return staff


def set_username(session: Session, staff_id: int, username: str) -> None:
    """Give a staff member the name they sign in with (unique, any case)."""
    username = (username or "").strip()
    if not username:
        raise ValidationFailed({"username": "User name is required: type the name this person signs in with."})
    if len(username) > 80:
        raise ValidationFailed({"username": "User name: use at most 80 characters."})
    clash = session.scalar(
        select(Staff.name).where(func.lower(Staff.username) == username.lower(), Staff.id != staff_id)
    )
    if clash is not None:
        raise ValidationFailed({"username": f"User name: '{username}' is already used by {clash}; choose another."})
    _staff(session, staff_id).username = username


def set_password(session: Session, staff_id: int, password: str) -> None:
    """Set (or change) a staff member's password; the first one turns sign-in on for everyone.

    The staff member needs a user name first (``set_username``).  Only the Argon2 hash is stored.
    """
    password = password or ""
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        raise ValidationFailed({
            "password": f"Password: use at least {MINIMUM_PASSWORD_LENGTH} characters "
            f"(this one has {len(password)})."
        })
    staff = _staff(session, staff_id)
    if not staff.username:
        raise ValidationFailed({"username": f"User name: give {staff.name} a user name before a password."})
    staff.password_hash = _hasher.hash(password)
    log.info("password set for a staff member")


def remove_password(session: Session, staff_id: int) -> None:
    """Take a staff member's password away (they can no longer sign in)."""
    _staff(session, staff_id).password_hash = None


def accounts_enabled(session: Session) -> bool:
    """True once any active staff member has a password: the app then asks everyone to sign in."""
    return session.scalar(
        select(func.count()).select_from(Staff).where(Staff.password_hash.is_not(None), Staff.active.is_(True))
    ) > 0


def verify_sign_in(session: Session, username: str, password: str) -> StaffIdentity | None:
    """The staff member when the user name (any case) and password match; None otherwise."""
    username = (username or "").strip()
    staff = None
    if username:
        staff = session.scalars(
            select(Staff).where(func.lower(Staff.username) == username.lower(), Staff.active.is_(True))
        ).first()
    stored = staff.password_hash if staff is not None else None
    try:
        _hasher.verify(stored or _dummy_hash(), password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if staff is None or stored is None:
        return None
    if _hasher.check_needs_rehash(stored):
        staff.password_hash = _hasher.hash(password)
    return StaffIdentity(staff.id, staff.name, staff.username or "", staff.role)


# --- the idle lock ----------------------------------------------------------------------------------


def idle_lock_minutes(session: Session) -> int:
    """Minutes without use before the app hides learner data (setting ``idle_lock_minutes``; 0 = off)."""
    value = session.scalar(select(AppSetting.value).where(AppSetting.key == IDLE_LOCK_SETTING))
    try:
        minutes = int(str(value).strip())
    except (TypeError, ValueError):
        return DEFAULT_IDLE_LOCK_MINUTES
    return minutes if 0 <= minutes <= LONGEST_IDLE_LOCK_MINUTES else DEFAULT_IDLE_LOCK_MINUTES


def set_idle_lock_minutes(session: Session, minutes: int) -> None:
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 0 <= minutes <= LONGEST_IDLE_LOCK_MINUTES:
        raise ValidationFailed({
            IDLE_LOCK_SETTING: f"Lock after: choose 1 to {LONGEST_IDLE_LOCK_MINUTES} minutes without use "
            "(or 0 to never lock)."
        })
    setting = session.get(AppSetting, IDLE_LOCK_SETTING)
    if setting is None:
        session.add(AppSetting(key=IDLE_LOCK_SETTING, value=str(minutes)))
    elif setting.value != str(minutes):
        setting.value = str(minutes)


class IdleLock:
    """The idle lock's clock, without Qt: the window calls ``note_activity`` on input and asks
    ``due(now)`` on a timer; when due it hides learner data and calls ``lock()``, then ``unlock``
    once a sign-in succeeds."""

    def __init__(self, minutes: int, now: datetime | None = None):
        self.minutes = minutes
        self.last_activity = now or datetime.now()
        self.locked = False

    def note_activity(self, now: datetime | None = None) -> None:
        if not self.locked:
            self.last_activity = now or datetime.now()

    def due(self, now: datetime | None = None) -> bool:
        if self.locked or self.minutes <= 0:
            return False
        return (now or datetime.now()) - self.last_activity >= timedelta(minutes=self.minutes)

    def lock(self) -> None:
        self.locked = True

    def unlock(self, identity: StaffIdentity | None, now: datetime | None = None) -> bool:
        """Unlock when ``identity`` is a successful sign-in (``verify_sign_in``); False otherwise."""
        if identity is None:
            return False
        self.locked = False
        self.last_activity = now or datetime.now()
        return True
