"""Small rules every editing service shares: what "today" is, how typed text is stored, and the next
free identifier of a kind (L00001, P001, R000001, Q000001)."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session


def today_or(value: date | None) -> date:
    """``value``, or today when none is given (services take ``today`` for repeatable tests)."""
    return value if value is not None else date.today()


def clean_text(value: object) -> object:
    """Text fields: surrounding spaces removed, empty text stored as nothing; other values as given."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def next_key(session: Session, column, prefix: str, digits: int) -> str:  # noqa: ANN001 - a key column
    """``prefix`` + ``digits`` digits, one after the highest such number in use (more digits past the
    largest; keys the agency typed in another shape are left alone)."""
    pattern = re.compile(rf"^{re.escape(prefix)}(\d+)$")
    highest = 0
    for (key,) in session.execute(select(column).where(column.like(f"{prefix}%"))):
        match = pattern.match(key or "")
        if match:
            highest = max(highest, int(match.group(1)))
    return f"{prefix}{highest + 1:0{digits}d}"
