"""The audit trail: every change made through the ORM is recorded (who, when, which record and field).

Installed on the session factory by ``open_database``.  The staff member is taken from
``session.info["staff_id"]``.  Bulk Core writes (imports, the demo) write their own entries.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from lbsdesk.db.models import AuditEntry, Base, utc_now

#: Columns whose changes are bookkeeping, not edits a person made.
UNAUDITED_COLUMNS = frozenset({"created_at", "updated_at", "search_text"})
#: Columns whose values never go into the trail (only the fact that they changed).
HIDDEN_COLUMNS = frozenset({"password_hash", "logo_png", "pdf"})
UNAUDITED_TABLES = frozenset({"audit_entry"})


def _as_text(column: str, value: object) -> str | None:
    if value is None:
        return None
    if column in HIDDEN_COLUMNS:
        return "(hidden)"
    if isinstance(value, bytes):
        return f"({len(value)} bytes)"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _learner_id_of(obj: Base) -> int | None:
    if obj.__tablename__ == "learner":
        return obj.id  # type: ignore[attr-defined]
    return getattr(obj, "learner_id", None)


def _entries_for(session: Session) -> list[dict]:
    staff_id = session.info.get("staff_id")
    now = utc_now()
    rows: list[dict] = []

    def add(obj: Base, action: str, field: str | None, old: str | None, new: str | None) -> None:
        key = inspect(obj).mapper.primary_key_from_instance(obj)
        rows.append(
            {
                "changed_at": now,
                "staff_id": staff_id,
                "action": action,
                "table_name": obj.__tablename__,
                "record_id": key[0] if len(key) == 1 and isinstance(key[0], int) else None,
                "learner_id": _learner_id_of(obj),
                "field": field,
                "old_value": old,
                "new_value": new,
            }
        )

    for obj in session.new:
        if isinstance(obj, Base) and obj.__tablename__ not in UNAUDITED_TABLES:
            add(obj, "insert", None, None, None)
    for obj in session.dirty:
        if not isinstance(obj, Base) or obj.__tablename__ in UNAUDITED_TABLES:
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if attr.key in UNAUDITED_COLUMNS:
                continue
            history = state.attrs[attr.key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old == new:
                continue
            add(obj, "update", attr.key, _as_text(attr.key, old), _as_text(attr.key, new))
    for obj in session.deleted:
        if isinstance(obj, Base) and obj.__tablename__ not in UNAUDITED_TABLES:
            add(obj, "delete", None, None, None)
    return rows


def _after_flush(session: Session, _flush_context) -> None:  # noqa: ANN001
    rows = _entries_for(session)
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)


def install_audit(factory: sessionmaker) -> None:
    event.listen(factory, "after_flush", _after_flush)
