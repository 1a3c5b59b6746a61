"""Importing the CSV files of SPEC.md section 2: all or nothing, every bad row named.

``import_csv(session, kind, path)`` reads the whole file, checks every row (values, codes, dates,
duplicate keys, references to records already in the database, the rules between columns), and only
when nothing is wrong writes it with a handful of bulk statements: one ``INSERT`` executemany for the
new records, one ``UPDATE`` executemany per set of changed columns (a single one writing every
given column when rows changed in many different ways), and the stage history, status history and
audit trail the same way, inside a SAVEPOINT.  The function never commits: the caller's session
does.  Only portable SQL is used (it runs on PostgreSQL too).

Reading the file:

- UTF-8 with or without a BOM.  Bytes that are not UTF-8 are read as Windows-1252 when they decode
  as such (what Excel's plain "CSV" saves on Windows), silently; a file that is neither (or UTF-16,
  or binary with NUL bytes) is refused with "save it as CSV UTF-8".
- The first line is the header: column names (case and surrounding spaces ignored) in any order.
  Unknown or repeated names are errors, and so is a missing required column.  A header cell left
  empty is allowed (spreadsheets add them) as long as no row puts a value under it.
- A column left out of the file leaves that field of an existing record as it is (a new record gets
  no value); an empty cell means no value, so it clears the field of an existing record.  The
  exceptions are the partner booleans (empty = no) and a referral's status (empty = unknown).
- Blank lines are skipped; any other row must have as many cells as the header.
- Codes are read case-insensitively; keys, codes, dates and booleans ignore surrounding spaces;
  free text is kept as written.

Problems are reported as ``FILE:LINE: column NAME: reason`` (or ``FILE:LINE: reason`` when no one
column is at fault), with LINE the physical line in the file and the header on line 1.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, bindparam, insert, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from lbsdesk.db.models import AuditEntry, ReferralStatusEntry, StageEntry, utc_now
from lbsdesk.domain.codes import CodeList
from lbsdesk.domain.text import learner_search_text
from lbsdesk.errors import LbsDeskError
from lbsdesk.services.csv_columns import BOOL, CODE, DATE, KEY, KINDS, REF, TEXT, CsvColumn, CsvKind, kind_spec

log = logging.getLogger(__name__)

TRUE_WORDS = frozenset({"yes", "true", "1"})
FALSE_WORDS = frozenset({"no", "false", "0"})
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
#: codes lists longer than this are abbreviated in messages
SHORT_LIST = 12
#: above this many keys, existing records are found with one scan instead of chunked IN lists
SCAN_THRESHOLD = 5000
IN_CHUNK = 500
#: more distinct sets of changed columns than this and updates are written as one statement
MAX_UPDATE_GROUPS = 16
#: audit entries are written this many at a time
AUDIT_BATCH = 20_000


@dataclass
class ImportResult:
    """What an import did (or, with ``dry_run``, would do)."""

    kind: str
    rows: int
    created: int
    updated: int
    unchanged: int

    def summary(self) -> str:
        return (
            f"{self.kind}: {self.rows} rows read, {self.created} created, "
            f"{self.updated} updated, {self.unchanged} unchanged"
        )


class ImportRejected(LbsDeskError):
    """The file was refused whole; ``problems`` lists every one, one line each."""

    def __init__(self, problems: list[str], bad_rows: int = 0) -> None:
        self.problems = list(problems)
        self.bad_rows = bad_rows
        count = len(self.problems)
        tail = f"Nothing was imported: {count} problem{'s' if count != 1 else ''}"
        if bad_rows:
            tail += f" in {bad_rows} row{'s' if bad_rows != 1 else ''}"
        super().__init__("\n".join([*self.problems, tail + "."]))


class _Problems:
    """Problems found so far, kept in file order."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._items: list[tuple[int, int, str]] = []

    def __bool__(self) -> bool:
        return bool(self._items)

    def add(self, line: int | None, reason: str, column: str | None = None) -> None:
        where = self.label if line is None else f"{self.label}:{line}"
        text = f"{where}: column {column}: {reason}" if column else f"{where}: {reason}"
        self._items.append((line or 0, len(self._items), text))

    def reject(self) -> ImportRejected:
        self._items.sort()
        lines = {line for line, _, _ in self._items if line}
        return ImportRejected([text for _, _, text in self._items], len(lines))


class _BadCell(Exception):
    """A cell's value cannot be read; the message says why."""


@dataclass
class _Row:
    line: int
    values: dict[str, Any]  # table field -> value, for the columns present in the file
    ref_keys: dict[str, str]  # REF field -> the key written in the file
    bad: set[str]  # fields whose cell could not be read


# --- reading the bytes ------------------------------------------------------------------------


def _line_of(data: bytes, offset: int) -> int:
    before = data[:offset]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def read_csv_text(path: Path, label: str) -> str:
    """The file's text: UTF-8 (BOM or not), else Windows-1252; anything else is refused."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LbsDeskError(f"{label}: no such file.") from None
    except IsADirectoryError:
        raise LbsDeskError(f"{label}: is a folder, not a CSV file.") from None
    except OSError as exc:
        raise LbsDeskError(f"{label}: cannot read the file ({exc.strerror or exc}).") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportRejected([f"{label}: UTF-16 text, not UTF-8; save it as CSV UTF-8"])
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ImportRejected(
            [f"{label}: not a text file (a NUL byte at line {_line_of(data, nul)}); save it as CSV UTF-8"]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            # Not UTF-8, and only bytes >= 0x80 can make it fail: Excel's Windows "CSV" is cp1252.
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise ImportRejected(
                [
                    f"{label}: not UTF-8 text (byte 0x{data[exc.start]:02X} at line "
                    f"{_line_of(data, exc.start)}); save it as CSV UTF-8"
                ]
            ) from None


# --- reading cells ----------------------------------------------------------------------------


def parse_date(raw: str) -> date:
    text = raw.strip()
    if not ISO_DATE.match(text):
        raise _BadCell(f"{text!r} is not a date; write dates as YYYY-MM-DD")
    try:
        return date(int(text[:4]), int(text[5:7]), int(text[8:10]))
    except ValueError:
        raise _BadCell(f"{text} is not a real date") from None


def parse_bool(raw: str) -> bool:
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise _BadCell(f"{raw.strip()!r} is not yes or no (write yes/no, true/false or 1/0)")


def describe_codes(lists: Sequence[CodeList]) -> str:
    """The valid codes, short: a long list is named by its size and first few codes."""
    parts = []
    for code_list in lists:
        codes = code_list.codes
        if len(codes) <= SHORT_LIST:
            parts.append(code_list.describe())
        else:
            parts.append(f"one of the {len(codes)} {code_list.name} codes ({', '.join(codes[:4])}, …)")
    return " or ".join(parts)


def _code_parser(column: CsvColumn) -> Callable[[str], str]:
    valid = frozenset(code for code_list in column.codes for code in code_list.codes)
    all_codes = [code for code_list in column.codes for code in code_list.codes]
    described = describe_codes(column.codes)

    def parse(raw: str) -> str:
        code = raw.strip().lower()
        if code in valid:
            return code
        close = difflib.get_close_matches(code, all_codes, n=1, cutoff=0.75)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise _BadCell(f"unknown code {raw.strip()!r}{hint}; valid: {described}")

    return parse


def _length_checked(parse: Callable[[str], Any], limit: int | None) -> Callable[[str], Any]:
    if limit is None:
        return parse

    def checked(raw: str) -> Any:
        value = parse(raw)
        if len(value) > limit:
            raise _BadCell(f"too long ({len(value)} characters; at most {limit})")
        return value

    return checked


def _parser(spec: CsvKind, column: CsvColumn) -> Callable[[str], Any]:
    if column.type == DATE:
        return parse_date
    if column.type == BOOL:
        return parse_bool
    if column.type == CODE:
        return _code_parser(column)
    limit = spec.max_length(column)
    if column.type in (KEY, REF):
        ref_limit = limit
        if column.type == REF:
            ref_spec = KINDS[column.ref_kind]
            ref_limit = ref_spec.max_length(ref_spec.key)
        return _length_checked(str.strip, ref_limit)
    return _length_checked(lambda raw: raw, limit)


# --- reading the file -------------------------------------------------------------------------


def _parse_file(spec: CsvKind, text: str, problems: _Problems) -> tuple[list[CsvColumn], list[_Row]]:
    """The columns present in the file and its rows, values read; problems are collected."""
    label = problems.label
    names_hint = ", ".join(spec.column_names)
    if not text.strip():
        problems.add(None, f"the file is empty; the first line must be the header row: {names_hint}")
        raise problems.reject()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except csv.Error as exc:
        problems.add(1, f"cannot read this line as CSV ({exc})")
        raise problems.reject() from None
    names = [cell.strip().lower() for cell in header]

    if not any(names):
        problems.add(1, f"the first line is empty; it must be the header row: {names_hint}")
        raise problems.reject()
    if len(names) == 1 and (";" in names[0] or "\t" in names[0]):
        separator = "semicolons" if ";" in names[0] else "tabs"
        problems.add(1, f"the columns are separated by {separator}; save the file as CSV UTF-8 (comma-separated)")
        raise problems.reject()
    if not any(spec.column(name) for name in names):
        problems.add(1, f"no header row: the first line must name the columns: {names_hint}")
        raise problems.reject()

    positions: list[tuple[int, CsvColumn]] = []
    unnamed: list[int] = []
    seen: set[str] = set()
    for index, name in enumerate(names):
        if not name:
            unnamed.append(index)
            continue
        column = spec.column(name)
        if column is None:
            problems.add(1, f"unknown column; {spec.kind} files have: {names_hint}", column=header[index].strip())
        elif name in seen:
            problems.add(1, "appears more than once in the header", column=name)
        else:
            seen.add(name)
            positions.append((index, column))
    for column in spec.columns:
        if column.required and column.name not in seen:
            problems.add(1, "required column missing from the header", column=column.name)
    if problems:
        raise problems.reject()

    plan = [
        (index, column.name, column.field, column.type == REF, column.required, column.empty_value,
         _parser(spec, column))
        for index, column in positions
    ]
    width = len(names)
    rows: list[_Row] = []
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.add(line, f"cannot read this line as CSV ({exc})")
            break
        first = cells[0] if cells else ""
        if (not first or first.isspace()) and all(not cell or cell.isspace() for cell in cells):
            continue  # a blank line
        if len(cells) != width:
            problems.add(line, f"{len(cells)} cells, but the header has {width} columns")
            continue
        values: dict[str, Any] = {}
        ref_keys: dict[str, str] = {}
        bad: set[str] = set()
        for index, name, field, is_ref, required, empty_value, parse in plan:
            raw = cells[index]
            if not raw or raw.isspace():
                if required:
                    problems.add(line, "a value is required", column=name)
                    bad.add(field)
                else:
                    values[field] = empty_value
                continue
            try:
                value = parse(raw)
            except _BadCell as exc:
                problems.add(line, str(exc), column=name)
                bad.add(field)
                continue
            if is_ref:
                ref_keys[field] = value
            else:
                values[field] = value
        for index in unnamed:
            if cells[index] and not cells[index].isspace():
                problems.add(line, f"a value in column {index + 1}, which has no name in the header")
        rows.append(_Row(line, values, ref_keys, bad))
    return [column for _, column in positions], rows


# --- the database side ------------------------------------------------------------------------


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _fetch_by_key(
    session: Session, key_column: ColumnElement, columns: Sequence[ColumnElement], keys: Iterable[str]
) -> dict[str, tuple]:
    """``{key: (columns…)}`` for the records whose key is in ``keys`` (portable SQL only)."""
    wanted = list(dict.fromkeys(keys))
    if not wanted:
        return {}
    found: dict[str, tuple] = {}
    if len(wanted) > SCAN_THRESHOLD:
        wanted_set = set(wanted)
        for row in session.execute(select(key_column, *columns)):
            if row[0] in wanted_set:
                found[row[0]] = tuple(row[1:])
        return found
    for chunk in _chunks(wanted, IN_CHUNK):
        for row in session.execute(select(key_column, *columns).where(key_column.in_(chunk))):
            found[row[0]] = tuple(row[1:])
    return found


def _resolve_references(session: Session, spec: CsvKind, rows: list[_Row], problems: _Problems) -> None:
    for column in spec.columns:
        if column.type != REF:
            continue
        ref_spec = KINDS[column.ref_kind]
        ref_table = ref_spec.table
        keys = [row.ref_keys[column.field] for row in rows if column.field in row.ref_keys]
        ids = _fetch_by_key(session, ref_table.c[ref_spec.key.field], [ref_table.c.id], keys)
        for row in rows:
            key = row.ref_keys.get(column.field)
            if key is None:
                continue
            found = ids.get(key)
            if found is None:
                problems.add(
                    row.line,
                    f"no {ref_spec.noun} {key} in the database (import the {ref_spec.kind} first)",
                    column=column.name,
                )
                row.bad.add(column.field)
            else:
                row.values[column.field] = found[0]


def _check_rules(spec: CsvKind, row: _Row, merged: dict[str, Any], problems: _Problems) -> None:
    """The rules between columns of one row (SPEC.md section 2), on the values the record will hold."""
    bad = row.bad
    if spec.kind == "learners":
        intake, exit_ = merged.get("intake_date"), merged.get("exit_date")
        if intake and exit_ and exit_ < intake and not bad & {"intake_date", "exit_date"}:
            problems.add(
                row.line, f"{exit_.isoformat()} is before intake_date {intake.isoformat()}", column="exit_date"
            )
    elif spec.kind == "referrals":
        if bad & {"partner_id", "source", "direction", "formal"}:
            return
        partner, source = merged.get("partner_id"), merged.get("source")
        direction, formal = merged.get("direction"), merged.get("formal")
        if partner is not None and source is not None:
            problems.add(row.line, "give either partner_id or source, not both")
        elif partner is None and direction == "out":
            if source is not None:
                problems.add(
                    row.line,
                    f"an out referral always goes to a partner; give partner_id instead of source {source}",
                    column="partner_id",
                )
            else:
                problems.add(row.line, "an out referral always has a partner", column="partner_id")
        elif partner is None and source is None:
            problems.add(
                row.line,
                "give partner_id (the organization that referred) or source (an informal referral in); both are empty",
            )
        if source is not None and formal:
            problems.add(
                row.line,
                f"a referral from an informal source ({source}) is never formal; write no",
                column="formal",
            )


def _same(column_type: str, old: Any, new: Any) -> bool:
    if column_type == TEXT and isinstance(old, str) and (not old or old.isspace()):
        old = None
    return old == new


def _audit_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# --- the import -------------------------------------------------------------------------------


def import_csv(session: Session, kind: str, path: Path, *, dry_run: bool = False) -> ImportResult:
    """Import ``path`` as KIND into the session's database: all of it, or nothing.

    Raises ``ImportRejected`` listing every problem when any row is bad (nothing is added to the
    session), ``LbsDeskError`` for an unknown kind or an unreadable file.  Does not commit.
    """
    spec = kind_spec(kind)
    path = Path(path)
    label = str(path)
    problems = _Problems(label)
    text = read_csv_text(path, label)
    present, rows = _parse_file(spec, text, problems)

    # Duplicate keys within the file.
    key_field = spec.key.field
    first_line: dict[str, int] = {}
    for row in rows:
        key = row.values.get(key_field)
        if key is None:
            continue
        if key in first_line:
            problems.add(row.line, f"{key} appears more than once in the file (first on line {first_line[key]})",
                         column=spec.key.name)
        else:
            first_line[key] = row.line

    _resolve_references(session, spec, rows, problems)

    # The records the file names that exist already.
    table = spec.table
    fields = [column.field for column in spec.columns[1:]]
    types = {column.field: column.type for column in spec.columns}
    extra = ["search_text"] if spec.kind == "learners" else []
    fetched = _fetch_by_key(
        session, table.c[key_field], [table.c.id, *(table.c[f] for f in fields + extra)], first_line
    )
    existing = {key: dict(zip(["id", *fields, *extra], values)) for key, values in fetched.items()}

    defaults = {column.field: column.empty_value for column in spec.columns[1:]}
    present_fields = [column.field for column in present if column.type != KEY]
    to_create: list[dict[str, Any]] = []
    to_update: list[tuple[dict[str, Any], dict[str, tuple[Any, Any]], dict[str, Any]]] = []
    unchanged = 0
    for row in rows:
        key = row.values.get(key_field)
        old = existing.get(key) if key is not None else None
        merged = dict(old if old is not None else defaults)
        merged.update(row.values)
        _check_rules(spec, row, merged, problems)
        if problems:
            continue  # nothing will be written; keep checking the other rows
        if old is None:
            record = {field: merged[field] for field in fields}
            record[key_field] = key
            to_create.append(record)
            continue
        changes = {
            field: (old[field], merged[field])
            for field in present_fields
            if not _same(types[field], old[field], merged[field])
        }
        if changes:
            to_update.append((old, changes, merged))
        else:
            unchanged += 1
    if problems:
        raise problems.reject()

    result = ImportResult(spec.kind, len(rows), len(to_create), len(to_update), unchanged)
    del text, rows, fetched, existing  # what is written is in to_create and to_update now
    if not dry_run:
        try:
            with session.begin_nested():
                _write(session, spec, path.name, present_fields, to_create, to_update)
        except DBAPIError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise LbsDeskError(
                f"{label}: the database refused the import ({reason}). Nothing was imported."
            ) from None
    log.info("import %s: %s rows, %s created, %s updated, %s unchanged%s", spec.kind, result.rows,
             result.created, result.updated, result.unchanged, " (dry run)" if dry_run else "")
    return result


def _write(
    session: Session,
    spec: CsvKind,
    file_name: str,
    present_fields: list[str],
    to_create: list[dict[str, Any]],
    to_update: list[tuple[dict[str, Any], dict[str, tuple[Any, Any]], dict[str, Any]]],
) -> None:
    table = spec.table
    key_field = spec.key.field
    today = date.today()
    now = utc_now()  # one time for the whole import (and no per-row default calls)
    staff_id = session.info.get("staff_id")  # who is at the keyboard, as lbsdesk.db.audit records it
    is_learners = spec.kind == "learners"
    audits: list[dict[str, Any]] = []
    stages: list[dict[str, Any]] = []
    statuses: list[dict[str, Any]] = []

    table_name = spec.table_name

    def audit(action: str, record_id: int, learner_id: int | None, field: str | None,
              old_value: str | None, new_value: str | None) -> None:
        audits.append({
            "changed_at": now, "staff_id": staff_id, "action": action, "table_name": table_name,
            "record_id": record_id, "learner_id": learner_id, "field": field,
            "old_value": old_value, "new_value": new_value,
        })
        if len(audits) >= AUDIT_BATCH:  # keep memory flat when a big file changes many fields
            session.execute(insert(AuditEntry.__table__), audits)
            audits.clear()

    def learner_of(record_id: int, values: dict[str, Any]) -> int | None:
        if spec.learner_field is None:
            return None
        return record_id if spec.learner_field == "id" else values.get(spec.learner_field)

    if to_create:
        for record in to_create:
            record["created_at"] = now
            if "updated_at" in table.c:
                record["updated_at"] = now
        if is_learners:
            for record in to_create:
                record["search_text"] = learner_search_text(
                    record["first_name"], record["last_name"], record[key_field], record["phone"]
                )
        # INSERT … RETURNING in batches (with sort_by_parameter_order SQLite would get one statement
        # per row); the returned key says which id is whose.
        ids = dict(
            (key, record_id)
            for record_id, key in session.execute(insert(table).returning(table.c.id, table.c[key_field]), to_create)
        )
        note = f"imported from {file_name}"
        for record in to_create:
            record_id = ids[record[key_field]]
            audit("import", record_id, learner_of(record_id, record), None, None, note)
            if is_learners and record["stage"] is not None:
                stages.append(
                    {"learner_id": record_id, "stage": record["stage"], "entered_date": record["intake_date"]}
                )
            elif spec.kind == "referrals":
                statuses.append(
                    {"referral_id": record_id, "status": record["status"], "status_date": record["referral_date"]}
                )

    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    flat_params: list[dict[str, Any]] = []
    for old, changes, merged in to_update:
        record_id = old["id"]
        params = {f"v_{field}": new for field, (_, new) in changes.items()}
        if is_learners:
            search_text = learner_search_text(
                merged["first_name"], merged["last_name"], merged[key_field], merged["phone"]
            )
            if search_text != old["search_text"]:
                params["v_search_text"] = search_text
        params["row_id"] = record_id
        groups.setdefault(tuple(sorted(params)), []).append(params)
        flat_params.append(params)
        learner_id = learner_of(record_id, merged)
        for field, (before, after) in changes.items():
            audit("update", record_id, learner_id, field, _audit_text(before), _audit_text(after))
        if is_learners and "stage" in changes and merged["stage"] is not None:
            stages.append({"learner_id": record_id, "stage": merged["stage"], "entered_date": today})
        if spec.kind == "referrals" and "status" in changes:
            statuses.append({"referral_id": record_id, "status": merged["status"], "status_date": today})
    if len(groups) > MAX_UPDATE_GROUPS:
        # Rows changed in many different ways: one statement writing every column the file gives
        # (unchanged ones keep their value) beats compiling and running one statement per pattern.
        whole: list[dict[str, Any]] = []
        for (old, _changes, merged), params in zip(to_update, flat_params):
            row = {f"v_{field}": merged[field] for field in present_fields}
            if is_learners:
                row["v_search_text"] = params.get("v_search_text", old["search_text"])
            row["row_id"] = old["id"]
            whole.append(row)
        groups = {tuple(sorted(whole[0])): whole}
    for names, params in groups.items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values({name[2:]: bindparam(name) for name in names if name != "row_id"})
        )
        session.execute(statement, params)

    if stages:
        session.execute(insert(StageEntry.__table__), stages)
    if statuses:
        session.execute(insert(ReferralStatusEntry.__table__), statuses)
    if audits:
        session.execute(insert(AuditEntry.__table__), audits)

