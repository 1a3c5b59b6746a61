"""Reading many rows fast: the DB-API cursor's own tuples, skipping SQLAlchemy's row processing.

For lists and reports of tens of thousands of rows SQLAlchemy's result processing costs as much as
the query itself (measured: 100-200 ms per 100,000 rows).  Values come back as the driver gives them:
SQLite gives dates as ISO text, PostgreSQL as ``date`` objects; ``as_date`` reads either.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, Executable


def raw_rows(connection: Connection, statement: Executable) -> list[tuple]:
    result = connection.execute(statement)
    try:
        return result.cursor.fetchall() if result.cursor is not None else []
    finally:
        result.close()


_parsed: dict[str, date] = {}


def as_date(value: object) -> date | None:
    """A driver's date value as a ``date`` (ISO text is parsed once per distinct value)."""
    if value is None or isinstance(value, date):
        return value  # type: ignore[return-value]
    parsed = _parsed.get(value)  # type: ignore[call-overload]
    if parsed is None:
        if len(_parsed) > 100_000:
            _parsed.clear()
        parsed = _parsed[value] = date.fromisoformat(str(value)[:10])  # type: ignore[index]
    return parsed


class DateReader(dict):
    """``reader[value]``: a driver's date value as a ``date``, each distinct value parsed once.

    Subscripting a dict is done in C; reading tens of thousands of dates this way costs a fraction
    of calling ``as_date`` for each (measured: 0.26 s for 236,000 dates with ``as_date``).
    """

    def __init__(self) -> None:
        super().__init__()
        self[None] = None

    def __missing__(self, value):  # noqa: ANN001, ANN204
        parsed = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
        self[value] = parsed
        return parsed
