"""Consistent copies of a SQLite database with SQLite's backup API (safe while the app is open).

A plain file copy of a WAL database can miss committed pages; the backup API never does.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
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


# --- the backup and restore commands ----------------------------------------------------------


def _sqlite_file_or_refuse(url: str, what: str) -> Path:
    from lbsdesk.db.engine import sqlite_path_of

    path = sqlite_path_of(url)
    if path is None:
        raise DatabaseProblem(
            f"{what} works on an SQLite database file; for a database server use the server's own "
            "backup tools (e.g. pg_dump)."
        )
    return path


def backup_folder_for(database: Path) -> Path:
    """Backups live in a ``backups`` folder beside the database (the data folder for the default one)."""
    return database.parent / "backups"


def backup_database(url: str, out: Path | None = None) -> Path:
    """A consistent copy of the database, safe while the app has it open."""
    database = _sqlite_file_or_refuse(url, "Backup")
    if not database.exists():
        raise DatabaseProblem(f"There is no database at {database} to back up.")
    if not looks_like_sqlite(database):
        raise DatabaseProblem(f"{database} is not an LBS Desk database; nothing to back up.")
    target = out or backup_folder_for(database) / timestamped_name(database.stem)
    if target.exists() and target.is_dir():
        target = target / timestamped_name(database.stem)
    return copy_database(database, target)


@dataclass(frozen=True)
class RestoreOutcome:
    learners: int
    referrals: int
    safety_copy: Path | None


def describe_backup(path: Path) -> tuple[str, int, int]:
    """(schema revision, learners, referrals) of a backup file; refuses what is not one of ours."""
    if not path.exists():
        raise DatabaseProblem(f"There is no file {path}.")
    if not looks_like_sqlite(path):
        raise DatabaseProblem(f"{path} is not an LBS Desk backup (it is not an SQLite database).")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise DatabaseProblem(f"The backup {path} is damaged; choose another one.")
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"alembic_version", "learner", "referral"} <= tables:
                raise DatabaseProblem(f"{path} is not an LBS Desk backup (it holds other tables).")
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            learners = connection.execute("SELECT count(*) FROM learner").fetchone()[0]
            referrals = connection.execute("SELECT count(*) FROM referral").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise DatabaseProblem(f"Cannot read the backup {path}: {exc}") from None
    return (revision[0] if revision else ""), learners, referrals


def restore_database(url: str, backup: Path) -> RestoreOutcome:
    """Replace the database with ``backup``, keeping a safety copy of what it replaces first."""
    from lbsdesk.db.migrate import known_revisions, open_database

    database = _sqlite_file_or_refuse(url, "Restore")
    revision, learners, referrals = describe_backup(backup)
    if revision not in known_revisions():
        raise DatabaseProblem(
            f"The backup {backup} was made by a newer version of LBS Desk (schema {revision}); "
            "install that version to restore it. Nothing was changed."
        )
    if database.exists() and database.resolve() == backup.resolve():
        raise DatabaseProblem("That file is the database itself; choose a backup file.")
    safety: Path | None = None
    if database.exists() and database.stat().st_size:
        safety = backup_folder_for(database) / timestamped_name(f"{database.stem}.before-restore")
        if looks_like_sqlite(database):
            copy_database(database, safety)
        else:
            safety.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(database, safety)
            database.unlink()
    if database.exists() and looks_like_sqlite(database):
        overwrite_database(backup, database)
    else:
        copy_database(backup, database)
    open_database(f"sqlite:///{database}").dispose()  # migrates an older backup to this version
    return RestoreOutcome(learners=learners, referrals=referrals, safety_copy=safety)
