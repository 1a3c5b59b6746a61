"""The staff list as the "Staff accounts" dialog shows it: names, user names, who has a password.

Read-only companion of ``staff_accounts`` (which sets names and passwords); never returns a hash.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.db.models import Staff
from lbsdesk.domain.text import fold


@dataclass(frozen=True)
class StaffAccountRow:
    staff_id: int
    name: str
    role: str | None
    username: str | None
    has_password: bool
    active: bool


def list_staff_accounts(session: Session) -> list[StaffAccountRow]:
    """Every staff member, active first, by name, with their user name and whether a password is set."""
    rows = session.execute(
        select(Staff.id, Staff.name, Staff.role, Staff.username, Staff.password_hash.is_not(None), Staff.active)
    )
    staff = [
        StaffAccountRow(staff_id=r[0], name=r[1], role=r[2], username=r[3], has_password=bool(r[4]), active=bool(r[5]))
        for r in rows
    ]
    staff.sort(key=lambda s: (not s.active, fold(s.name), s.staff_id))
    return staff
