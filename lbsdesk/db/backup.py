"""Consistent copies of a SQLite database with SQLite's backup API (safe while the app is open).

A plain file copy of a WAL database can miss committed pages; the backup API never does.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from lbsdesk.errors import DatabaseProblem

SQLITE_HEADER = b"SQLite format 3\x00"


def looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def timestamped_name(stem: str, when: datetime | None = None) -> str:
    when = when or datetime.now()
    return f"{stem}-{when:%Y%m%d-%H%M%S}.sqlite3"


def copy_database(source: Path, target: Path) -> Path:
    """Write a consistent copy of ``source`` to ``target`` (replaced if it exists)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        partial.replace(target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseProblem(f"Could not copy the database {source} to {target}: {exc}") from None
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseProblem(f"Could not write the copy {target}: {exc.strerror or exc}") from None
    return target


def overwrite_database(source: Path, target: Path) -> None:
    """Replace the contents of the live database ``target`` with ``source``, page by page.

    Goes through SQLite so that the target's WAL and locks stay coherent; no other connection
    should be writing.
    """
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target, timeout=5)
            try:
                src.backup(dst)
                dst.commit()
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise DatabaseProblem(f"Could not write {source} over {target}: {exc}") from None
