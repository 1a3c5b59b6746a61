"""Consistent copies of a SQLite database with SQLite's backup API (safe while the app is open).

A plain file copy of a WAL database can miss committed pages; the backup API never does.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lbsdesk.errors import DatabaseProblem

SQLITE_HEADER = b"SQLite format 3\x00"


def write_problem_message(problem: OSError | sqlite3.Error | str, target: Path) -> str:
    """What a person reads when writing ``target`` failed: a full disk, a read-only or vanished folder."""
    code = problem.errno if isinstance(problem, OSError) else None
    text = str(problem).lower() if not isinstance(problem, OSError) else ""
    folder = target.parent
    if code == errno.ENOSPC or "disk is full" in text or "database or disk is full" in text:
        return (
            f"The disk holding {folder} is full, so {target.name} could not be written. "
            "Free some space there (or choose another folder) and try again; nothing half-written was kept."
        )
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text or "read-only" in text:
        return (
            f"The folder {folder} is read-only (or LBS Desk may not write there), so {target.name} could "
            "not be written. Choose a folder you can write to, or unlock the USB stick; nothing was written."
        )
    if code == errno.ENOENT or not folder.exists():
        return (
            f"The folder {folder} is not there any more (a USB stick unplugged, a network drive "
            f"disconnected?), so {target.name} could not be written. Reconnect it and try again."
        )
    detail = problem.strerror if isinstance(problem, OSError) and problem.strerror else str(problem)
    return f"Could not write {target}: {detail}. Nothing half-written was kept."


def _read_only_uri(path: Path) -> str:
    from lbsdesk.db.engine import sqlite_read_only_uri

    return sqlite_read_only_uri(path)


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
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        src = sqlite3.connect(_read_only_uri(source), uri=True)
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
        _discard(partial)
        text = str(exc).lower()
        if "full" in text or "readonly" in text:
            raise DatabaseProblem(write_problem_message(exc, target)) from None
        raise DatabaseProblem(f"Could not copy the database {source} to {target}: {exc}") from None
    except OSError as exc:
        _discard(partial)
        raise DatabaseProblem(write_problem_message(exc, target)) from None
    return target


def _discard(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def overwrite_database(source: Path, target: Path) -> None:
    """Replace the contents of the live database ``target`` with ``source``, page by page.

    Goes through SQLite so that the target's WAL and locks stay coherent; no other connection
    should be writing.
    """
    try:
        src = sqlite3.connect(_read_only_uri(source), uri=True)
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
        connection = sqlite3.connect(_read_only_uri(path), uri=True)
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


def restore_database(url: str, backup: Path, *, passphrase: str | None = None) -> RestoreOutcome:
    """Replace the database with ``backup``, keeping a safety copy of what it replaces first.

    An encrypted backup (``.sqlite3.lbsenc``, see ``encrypted_backup``) needs its ``passphrase``; it
    is decrypted to a temporary file beside the database, restored from there, and that file removed.
    """
    from lbsdesk.db.encrypted_backup import decrypt_file, is_encrypted_backup

    database = _sqlite_file_or_refuse(url, "Restore")
    backup = Path(backup)
    if not is_encrypted_backup(backup):
        return _restore_plain(url, database, backup)
    if not passphrase:
        raise DatabaseProblem(
            f"The backup {backup} is encrypted: type its passphrase to restore it. Nothing was changed."
        )
    folder = backup_folder_for(database)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseProblem(write_problem_message(exc, folder / backup.name)) from None
    plain = folder / (backup.name.removesuffix(".lbsenc") + ".decrypted")
    try:
        decrypt_file(backup, plain, passphrase)
        return _restore_plain(url, database, plain, shown_as=backup)
    finally:
        plain.unlink(missing_ok=True)


def _restore_plain(url: str, database: Path, backup: Path, shown_as: Path | None = None) -> RestoreOutcome:
    from lbsdesk.db.migrate import known_revisions, open_database

    revision, learners, referrals = describe_backup(backup)
    if revision not in known_revisions():
        raise DatabaseProblem(
            f"The backup {shown_as or backup} was made by a newer version of LBS Desk (schema {revision}); "
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
