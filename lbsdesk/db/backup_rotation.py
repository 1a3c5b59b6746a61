"""Automatic backups: made at open, at close and daily while open, kept on a rotation, copied to a
second folder (a USB stick or a network drive, encrypted when a passphrase is set).

Names: ``<stem>-auto-YYYYmmdd-HHMMSS.sqlite3`` (``.sqlite3.lbsenc`` when encrypted) in the
``backups`` folder beside the database.  Manual backups (``lbsdesk backup``, safety copies) have no
``-auto-`` and are never removed by the rotation.

Nothing here raises into the app for the second folder: every problem (a full disk, a read-only or
vanished folder) becomes a sentence in ``AutomaticBackupOutcome.warnings`` for the status bar, and
no half-written file is ever left (``.partial`` then rename).  The time of the last successful copy
to the second folder is kept in ``backups/backup-state.json`` so that the app can warn when the
second folder has been missing for a week.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from lbsdesk.db.backup import (
    backup_folder_for,
    copy_database,
    describe_backup,
    looks_like_sqlite,
    write_problem_message,
)
from lbsdesk.db.encrypted_backup import SUFFIX as ENCRYPTED_SUFFIX
from lbsdesk.db.encrypted_backup import decrypt_file, encrypt_file, is_encrypted_backup
from lbsdesk.errors import DatabaseProblem

log = logging.getLogger(__name__)

AUTO_MARK = "-auto-"
STATE_FILE = "backup-state.json"
INDEX_FILE = "backup-index.json"
KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 7, 4, 12
MISSING_WARNING_AFTER = timedelta(days=7)

OK, MISSING, MISSING_FOR_A_WEEK = "ok", "missing", "missing_for_a_week"

_STAMP = r"(?P<stamp>\d{8}-\d{6})"
_AUTO_RE = re.compile(rf"^(?P<stem>.+){AUTO_MARK}{_STAMP}\.sqlite3(?P<enc>{re.escape(ENCRYPTED_SUFFIX)})?$")
_ANY_RE = re.compile(rf"^(?P<stem>.+?)(?P<auto>{AUTO_MARK})?-{_STAMP}\.sqlite3(?P<enc>{re.escape(ENCRYPTED_SUFFIX)})?$")


def automatic_name(stem: str, when: datetime, encrypted: bool = False) -> str:
    return f"{stem}{AUTO_MARK}{when:%Y%m%d-%H%M%S}.sqlite3" + (ENCRYPTED_SUFFIX if encrypted else "")


def _stamp_of(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def parse_automatic_name(name: str) -> tuple[str, datetime] | None:
    """(database stem, when) of an automatic backup's file name, or None for any other file."""
    match = _AUTO_RE.match(name)
    if not match:
        return None
    when = _stamp_of(match["stamp"])
    return (match["stem"], when) if when else None


# --- the state file ---------------------------------------------------------------------------


def _state_path(db_path: Path) -> Path:
    return backup_folder_for(Path(db_path)) / STATE_FILE


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_json(path: Path, data: dict) -> None:
    """Atomic small JSON write; a failure here must never stop a backup."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        log.warning("could not write the backup state file")


def _when(data: dict, key: str) -> datetime | None:
    try:
        return datetime.fromisoformat(data[key]) if data.get(key) else None
    except (TypeError, ValueError):
        return None


def second_folder_last_success(db_path: Path) -> datetime | None:
    """When a backup last reached the second folder (from ``backups/backup-state.json``)."""
    return _when(_read_json(_state_path(db_path)), "second_folder_last_success_at")


# --- when and whether ---------------------------------------------------------------------------


def _backup_times(folder: Path, stem: str) -> Iterator[datetime]:
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.is_file()]
    except OSError:
        return
    for name in names:
        match = _ANY_RE.match(name)
        if match and match["stem"] == stem:
            when = _stamp_of(match["stamp"])
            if when:
                yield when


def last_backup_at(db_path: Path) -> datetime | None:
    """When the newest backup of this database was made (automatic or ``lbsdesk backup``), or None."""
    db_path = Path(db_path)
    times = list(_backup_times(backup_folder_for(db_path), db_path.stem))
    recorded = _when(_read_json(_state_path(db_path)), "last_backup_at")
    if recorded:
        times.append(recorded)
    return max(times) if times else None


def backup_due(db_path: Path, now: datetime | None = None, every_hours: float = 24) -> bool:
    """True when no backup was made in the last ``every_hours`` hours (or the clock went back)."""
    now = now or datetime.now()
    last = last_backup_at(db_path)
    if last is None or last > now:
        return True
    return now - last >= timedelta(hours=every_hours)


def second_folder_status(second_folder: Path | None, last_success_at: datetime | None, now: datetime | None = None) -> str:
    """ "ok" when the folder is there, "missing" when not, "missing_for_a_week" when not and the last
    copy that reached it (or when it was first missed) is a week old or more."""
    now = now or datetime.now()
    if second_folder is not None and Path(second_folder).is_dir():
        return OK
    if last_success_at is not None and now - last_success_at >= MISSING_WARNING_AFTER:
        return MISSING_FOR_A_WEEK
    return MISSING


def second_folder_warning(second_folder: Path, status: str, last_success_at: datetime | None) -> str | None:
    """The status-bar sentence for a second-folder status, or None when all is well."""
    if status == OK:
        return None
    since = f" The last backup reached it on {last_success_at:%Y-%m-%d}." if last_success_at else ""
    if status == MISSING_FOR_A_WEEK:
        return (
            f"The second backup folder {second_folder} has been missing for a week or more.{since} "
            "Plug in the USB stick or reconnect the network drive: the backups are only on this PC."
        )
    return (
        f"The second backup folder {second_folder} is not there (USB stick unplugged? network drive "
        "disconnected?). This backup was kept on this PC only."
    )


@dataclass(frozen=True)
class BackupStatus:
    """What the status bar shows: when the last backup was made and any second-folder warning."""

    last_backup_at: datetime | None
    second_folder: Path | None
    second_folder_status: str | None  # None when no second folder is set
    second_folder_last_success_at: datetime | None
    warning: str | None


def backup_status(db_path: Path, second_folder: Path | None = None, now: datetime | None = None) -> BackupStatus:
    now = now or datetime.now()
    state = _read_json(_state_path(Path(db_path)))
    last_success = _when(state, "second_folder_last_success_at")
    status = warning = None
    if second_folder is not None:
        reference = last_success or _when(state, "second_folder_missing_since")
        status = second_folder_status(second_folder, reference, now)
        warning = second_folder_warning(Path(second_folder), status, last_success)
    return BackupStatus(last_backup_at(db_path), second_folder, status, last_success, warning)


# --- rotation -----------------------------------------------------------------------------------


def _keepers(times: list[datetime]) -> set[datetime]:
    """The newest backup of each of the 7 latest days, 4 latest ISO weeks and 12 latest months that
    have one (so a long holiday never wipes out the recent backups)."""
    keep: set[datetime] = set()
    for bucket, how_many in (
        (lambda t: t.date(), KEEP_DAYS),
        (lambda t: t.isocalendar()[:2], KEEP_WEEKS),
        (lambda t: (t.year, t.month), KEEP_MONTHS),
    ):
        newest: dict[object, datetime] = {}
        for when in times:
            key = bucket(when)
            if key not in newest or when > newest[key]:
                newest[key] = when
        for key in sorted(newest, reverse=True)[:how_many]:
            keep.add(newest[key])
    return keep


def rotate_backups(folder: Path, now: datetime | None = None) -> list[Path]:
    """Remove the automatic backups the rotation no longer keeps; returns the files removed.

    Only files named ``<stem>-auto-YYYYmmdd-HHMMSS.sqlite3[.lbsenc]`` are considered, each database
    stem on its own; backups dated after ``now`` (a clock set wrong) are kept.
    """
    now = now or datetime.now()
    folder = Path(folder)
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.is_file()]
    except OSError:
        return []
    by_stem: dict[str, dict[datetime, list[Path]]] = {}
    for name in names:
        parsed = parse_automatic_name(name)
        if parsed is None:
            continue
        stem, when = parsed
        by_stem.setdefault(stem, {}).setdefault(when, []).append(folder / name)
    removed: list[Path] = []
    for files_by_time in by_stem.values():
        past = [when for when in files_by_time if when <= now]
        keep = _keepers(past)
        for when in past:
            if when in keep:
                continue
            for path in files_by_time[when]:
                try:
                    path.unlink()
                    removed.append(path)
                except FileNotFoundError:
                    pass
                except OSError:
                    log.warning("could not remove an old automatic backup")
    return sorted(removed)


# --- the automatic backup ---------------------------------------------------------------------


@dataclass
class AutomaticBackupOutcome:
    """What one automatic backup did; ``warnings`` are sentences for the status bar."""

    made_at: datetime
    backup: Path | None = None
    second_copy: Path | None = None
    second_folder_status: str | None = None
    removed: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.backup is not None and not self.warnings

    @property
    def warning(self) -> str | None:
        return "\n".join(self.warnings) if self.warnings else None


def _copy_file(src: Path, dst: Path) -> Path:
    """A plain copy through ``.partial``, synced, then renamed (nothing half-written is left)."""
    partial = dst.with_name(dst.name + ".partial")
    try:
        with open(src, "rb") as source, open(partial, "wb") as out:
            shutil.copyfileobj(source, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, dst)
    except OSError as exc:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass
        raise DatabaseProblem(write_problem_message(exc, dst)) from None
    return dst


def _remove_stale_partials(folder: Path) -> None:
    try:
        for entry in os.scandir(folder):
            if entry.name.endswith(".partial") and AUTO_MARK in entry.name:
                Path(entry.path).unlink(missing_ok=True)
    except OSError:
        pass


def automatic_backup(
    db_path: Path,
    *,
    second_folder: Path | None = None,
    passphrase: str | None = None,
    now: datetime | None = None,
) -> AutomaticBackupOutcome:
    """Back up the database now (safe while the app has it open and is writing), copy it to the
    second folder when one is set (encrypted when a passphrase is given), then rotate both folders.

    Never raises for a disk or folder problem: the outcome's ``warnings`` say what went wrong.
    """
    db_path = Path(db_path)
    now = (now or datetime.now()).replace(microsecond=0)
    outcome = AutomaticBackupOutcome(made_at=now)
    folder = backup_folder_for(db_path)
    state_path = _state_path(db_path)
    state = _read_json(state_path)

    target = folder / automatic_name(db_path.stem, now)
    if not db_path.exists() or not looks_like_sqlite(db_path):
        outcome.warnings.append(f"There is no LBS Desk database at {db_path} to back up.")
        return outcome
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_stale_partials(folder)
        copy_database(db_path, target)
        revision, learners, referrals = describe_backup(target)  # the copy is sound and ours
        _remember_counts(db_path, target, revision, learners, referrals)
        outcome.backup = target
        state["last_backup_at"] = now.isoformat()
        log.info("automatic backup written")
    except OSError as exc:
        outcome.warnings.append(write_problem_message(exc, target))
    except DatabaseProblem as exc:
        outcome.warnings.append(str(exc))
        if outcome.backup is None:
            try:
                target.unlink(missing_ok=True)  # written but not sound: never leave it to be restored
            except OSError:
                pass

    if outcome.backup is not None:
        outcome.removed.extend(rotate_backups(folder, now))

    if second_folder is not None:
        second_folder = Path(second_folder)
        if outcome.backup is not None:
            _second_copy(outcome, second_folder, passphrase, now)
        if outcome.second_copy is not None:
            state["second_folder_last_success_at"] = now.isoformat()
            state.pop("second_folder_missing_since", None)
            outcome.second_folder_status = OK
        else:
            last_success = _when(state, "second_folder_last_success_at")
            if last_success is None and not second_folder.is_dir():
                state.setdefault("second_folder_missing_since", now.isoformat())
            reference = last_success or _when(state, "second_folder_missing_since")
            outcome.second_folder_status = second_folder_status(second_folder, reference, now)
            if outcome.second_folder_status == MISSING_FOR_A_WEEK:
                warning = second_folder_warning(second_folder, MISSING_FOR_A_WEEK, last_success)
                if warning and warning not in outcome.warnings:
                    outcome.warnings.append(warning)
        state["second_folder"] = str(second_folder)
    if outcome.backup is not None or second_folder is not None:
        _write_json(state_path, state)
    return outcome


def _second_copy(outcome: AutomaticBackupOutcome, second_folder: Path, passphrase: str | None, now: datetime) -> None:
    assert outcome.backup is not None
    encrypted = bool(passphrase)
    target = second_folder / automatic_name(outcome.backup.name.split(AUTO_MARK)[0], now, encrypted=encrypted)
    if not second_folder.is_dir():  # never create it: that would write to the PC where the stick was
        outcome.warnings.append(second_folder_warning(second_folder, MISSING, None) or "")
        return
    try:
        _remove_stale_partials(second_folder)
        if encrypted:
            encrypt_file(outcome.backup, target, passphrase or "")
        else:
            _copy_file(outcome.backup, target)
    except DatabaseProblem as exc:
        outcome.warnings.append(f"The copy to the second backup folder failed: {exc}")
        return
    except Exception as exc:  # noqa: BLE001 - the second folder must never stop the app
        outcome.warnings.append(
            f"The copy to the second backup folder {second_folder} failed ({type(exc).__name__}); "
            "the backup on this PC is sound."
        )
        return
    outcome.second_copy = target
    outcome.removed.extend(rotate_backups(second_folder, now))


# --- listing and looking inside -------------------------------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the restore dialog lists it."""

    path: Path
    made_at: datetime
    size: int
    automatic: bool
    encrypted: bool
    #: "this PC" (the backups folder beside the database) or "second folder"
    location: str
    learners: int | None = None  # None: encrypted (not opened yet) or unreadable
    referrals: int | None = None
    problem: str | None = None  # why it cannot be restored (damaged, not ours), or None


def _index_path(db_path: Path) -> Path:
    return backup_folder_for(Path(db_path)) / INDEX_FILE


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _remember_counts(db_path: Path, backup: Path, revision: str, learners: int, referrals: int) -> None:
    key = _file_key(backup)
    if key is None:
        return
    index_path = _index_path(db_path)
    index = _read_json(index_path)
    index = {name: entry for name, entry in index.items() if Path(name).exists()}
    index[str(backup.absolute())] = {"size": key[0], "mtime_ns": key[1], "revision": revision,
                                     "learners": learners, "referrals": referrals}
    _write_json(index_path, index)


def _counts(db_path: Path, index: dict, path: Path) -> tuple[int | None, int | None, str | None, bool]:
    """(learners, referrals, problem, index changed) — from the index when the file is unchanged."""
    key = _file_key(path)
    entry = index.get(str(path.absolute()))
    if key and isinstance(entry, dict) and (entry.get("size"), entry.get("mtime_ns")) == key:
        return entry.get("learners"), entry.get("referrals"), None, False
    try:
        revision, learners, referrals = describe_backup(path)
    except DatabaseProblem as exc:
        return None, None, str(exc), False
    if key:
        index[str(path.absolute())] = {"size": key[0], "mtime_ns": key[1], "revision": revision,
                                       "learners": learners, "referrals": referrals}
    return learners, referrals, None, True


def list_backups(db_path: Path, second_folder: Path | None = None) -> list[BackupInfo]:
    """Every backup of this database (automatic, manual, safety copies) in the backups folder and the
    second folder, newest first, with counts of learners and referrals (encrypted ones without)."""
    db_path = Path(db_path)
    index = _read_json(_index_path(db_path))
    changed = False
    found: list[BackupInfo] = []
    places = [(backup_folder_for(db_path), "this PC")]
    if second_folder is not None and Path(second_folder).is_dir():
        places.append((Path(second_folder), "second folder"))
    for folder, location in places:
        try:
            entries = [entry for entry in os.scandir(folder) if entry.is_file()]
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if not (name.endswith(".sqlite3") or name.endswith(".sqlite3" + ENCRYPTED_SUFFIX)):
                continue
            if not name.startswith((db_path.stem + "-", db_path.stem + ".")):
                continue
            path = Path(entry.path)
            match = _ANY_RE.match(name)
            made_at = _stamp_of(match["stamp"]) if match else None
            size = entry.stat().st_size
            if made_at is None:
                made_at = datetime.fromtimestamp(entry.stat().st_mtime).replace(microsecond=0)
            encrypted = is_encrypted_backup(path)
            automatic = AUTO_MARK in name
            if encrypted:
                found.append(BackupInfo(path, made_at, size, automatic, True, location))
                continue
            learners, referrals, problem, updated = _counts(db_path, index, path)
            changed = changed or updated
            found.append(BackupInfo(path, made_at, size, automatic, False, location, learners, referrals, problem))
    if changed:
        _write_json(_index_path(db_path), index)
    return sorted(found, key=lambda info: (info.made_at, info.location == "this PC"), reverse=True)


def newest_sound_backup(db_path: Path, second_folder: Path | None = None) -> BackupInfo | None:
    """The newest plain backup that passes SQLite's ``quick_check`` now (for a damaged database's
    "restore the newest sound backup" offer), or None.  Encrypted ones are skipped (they need the
    passphrase; list them with ``list_backups``)."""
    for info in list_backups(db_path, second_folder):
        if info.encrypted or info.problem:
            continue
        try:
            describe_backup(info.path)  # checked afresh: the listing's counts may come from the index
        except DatabaseProblem:
            continue
        return info
    return None


@contextmanager
def opened_backup(path: Path, *, passphrase: str | None = None) -> Iterator:
    """Open a backup read-only to look something up without restoring it; yields a ``Database``.

    An encrypted backup is decrypted (with ``passphrase``) into a private temporary folder, and a
    backup from an older version is updated there first; the temporary copy is deleted afterwards.
    """
    from lbsdesk.db.engine import sqlite_url
    from lbsdesk.db.migrate import head_revision, known_revisions, open_database

    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="lbsdesk-backup-") as scratch:
        plain = path
        if is_encrypted_backup(path):
            if not passphrase:
                raise DatabaseProblem(f"The backup {path} is encrypted: type its passphrase to open it.")
            plain = decrypt_file(path, Path(scratch) / "backup.sqlite3", passphrase)
        revision, _, _ = describe_backup(plain)
        if revision not in known_revisions():
            raise DatabaseProblem(
                f"The backup {path} was made by a newer version of LBS Desk; install it to open this backup."
            )
        if revision != head_revision():
            updated = copy_database(plain, Path(scratch) / "updated.sqlite3")
            open_database(sqlite_url(updated)).dispose()
            plain = updated
        db = open_database(sqlite_url(plain), read_only=True, check=False)
        try:
            yield db
        finally:
            db.dispose()
