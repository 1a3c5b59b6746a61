"""Optional staff accounts: Argon2 passwords, sign-in, the idle lock's setting and clock."""

import logging
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from lbsdesk.db.models import AuditEntry, Staff
from lbsdesk.errors import ValidationFailed
from lbsdesk.services.staff_accounts import (
    IdleLock,
    accounts_enabled,
    idle_lock_minutes,
    remove_password,
    set_idle_lock_minutes,
    set_password,
    set_username,
    verify_sign_in,
)

PASSWORD = "Bluebird-2026"


@pytest.fixture
def dana(session):
    staff = Staff(name="Dana Whitfield", role="Coordinator")
    session.add(staff)
    session.flush()
    set_username(session, staff.id, "dana")
    return staff


def test_accounts_are_off_until_someone_has_a_password(session, dana):
    assert not accounts_enabled(session)
    set_password(session, dana.id, PASSWORD)
    assert accounts_enabled(session)
    remove_password(session, dana.id)
    assert not accounts_enabled(session)


def test_sign_in_with_the_right_password_only(session, dana):
    set_password(session, dana.id, PASSWORD)
    identity = verify_sign_in(session, "Dana", PASSWORD)  # the user name in any case
    assert identity is not None
    assert (identity.staff_id, identity.name, identity.username, identity.role) == \
        (dana.id, "Dana Whitfield", "dana", "Coordinator")
    assert verify_sign_in(session, "dana", "bluebird-2026") is None
    assert verify_sign_in(session, "nobody", PASSWORD) is None
    assert verify_sign_in(session, "", "") is None
    dana.active = False
    assert verify_sign_in(session, "dana", PASSWORD) is None


def test_only_an_argon2_hash_is_stored_and_nothing_is_logged_or_audited(session, dana, caplog):
    caplog.set_level(logging.DEBUG)
    session.info["staff_id"] = dana.id
    set_password(session, dana.id, PASSWORD)
    session.flush()
    stored = session.scalar(select(Staff.password_hash).where(Staff.id == dana.id))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert PASSWORD not in caplog.text and stored not in caplog.text
    values = session.execute(select(AuditEntry.old_value, AuditEntry.new_value)
                             .where(AuditEntry.field == "password_hash")).all()
    assert values and all(stored not in (v or "") and PASSWORD not in (v or "") for row in values for v in row)


def test_a_short_password_is_refused_with_the_rule(session, dana):
    with pytest.raises(ValidationFailed) as refused:
        set_password(session, dana.id, "short")
    assert refused.value.problems["password"] == "Password: use at least 8 characters (this one has 5)."
    assert not accounts_enabled(session)


def test_a_password_needs_a_user_name_and_user_names_are_unique(session, dana):
    sam = Staff(name="Sam Roy")
    session.add(sam)
    session.flush()
    with pytest.raises(ValidationFailed, match="give Sam Roy a user name"):
        set_password(session, sam.id, PASSWORD)
    with pytest.raises(ValidationFailed, match="already used by Dana Whitfield"):
        set_username(session, sam.id, "DANA")


def test_idle_lock_minutes_default_and_setting(session):
    assert idle_lock_minutes(session) == 10
    set_idle_lock_minutes(session, 5)
    assert idle_lock_minutes(session) == 5
    set_idle_lock_minutes(session, 0)
    assert idle_lock_minutes(session) == 0
    with pytest.raises(ValidationFailed, match="1 to 480 minutes"):
        set_idle_lock_minutes(session, 1000)


def test_the_idle_lock_locks_after_the_idle_time_and_unlocks_with_a_sign_in(session, dana):
    set_password(session, dana.id, PASSWORD)
    start = datetime(2026, 5, 14, 9, 0)
    lock = IdleLock(idle_lock_minutes(session), now=start)
    lock.note_activity(start + timedelta(minutes=4))
    assert not lock.due(start + timedelta(minutes=13))
    assert lock.due(start + timedelta(minutes=14))
    lock.lock()
    assert lock.locked and not lock.due(start + timedelta(minutes=30))
    assert not lock.unlock(verify_sign_in(session, "dana", "wrong password"))
    assert lock.locked
    assert lock.unlock(verify_sign_in(session, "dana", PASSWORD), now=start + timedelta(minutes=31))
    assert not lock.locked and not lock.due(start + timedelta(minutes=40))
    assert not IdleLock(0, now=start).due(start + timedelta(days=1))  # 0 minutes: never locks
