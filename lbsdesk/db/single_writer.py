"""One writer at a time: a second copy of LBS Desk on the same database file is told who has it open.

SQLite would let two programs write the same file, one transaction at a time, but two people editing
the same learner files from two PCs overwrite each other's work, and SQLite's locking over network
folders is not to be trusted.  So the program that opens a database for writing takes an operating
system lock on ``<database>.lock`` beside it (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on a byte
far past the content on Windows) and writes who it is into that file as a small JSON.  The lock dies
with the process, so a crash or a power cut never leaves the database locked; the JSON left behind is
simply overwritten by the next writer.  Anyone else may still open the database read-only.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lbsdesk.db.engine import is_network_path
from lbsdesk.errors import DatabaseProblem

#: Windows locks a byte range; the lock sits far past the JSON so that others can still read it.
_WINDOWS_LOCK_OFFSET = 0x7FFFFFF0


@dataclass(frozen=True)
class LockHolder:
    """Who has the database open for writing, as that program wrote it into the lock file."""

    user: str
    host: str
    pid: int | None
    since: datetime | None

    def describe(self) -> str:
        on_this_pc = self.host == socket.gethostname()
        who = self.user or "someone"
        where = "on this computer" if on_this_pc else f"on the computer {self.host or '(unknown)'}"
        when = f" since {self.since:%Y-%m-%d %H:%M}" if self.since else ""
        return f"{who} {where}{when}"


class DatabaseInUse(DatabaseProblem):
    """Another copy of LBS Desk has the database open for writing."""

    def __init__(self, database: Path, holder: LockHolder | None):
        self.database = database
        self.holder = holder
        who = holder.describe() if holder else "another copy of LBS Desk (it is still starting)"
        super().__init__(
            f"The database {database} is already open in LBS Desk: {who}. Only one copy of LBS Desk "
            "can change it at a time. Ask them to close it, or open it read-only to look things up."
        )


def lock_path_for(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def _read_holder(handle_or_path) -> LockHolder | None:  # noqa: ANN001
    try:
        if isinstance(handle_or_path, Path):
            with open(handle_or_path, "rb") as handle:
                raw = handle.read(4096)
        else:
            os.lseek(handle_or_path, 0, os.SEEK_SET)
            raw = os.read(handle_or_path, 4096)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    since = None
    try:
        since = datetime.fromisoformat(data["since"]) if data.get("since") else None
    except (TypeError, ValueError):
        pass
    pid = data.get("pid")
    return LockHolder(
        user=str(data.get("user") or ""),
        host=str(data.get("host") or ""),
        pid=pid if isinstance(pid, int) else None,
        since=since,
    )


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some service contexts
        return ""


if sys.platform == "win32":  # pragma: no cover - Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import errno
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass


class WriterLock:
    """Hold the database for writing; ``with WriterLock(path):`` or ``acquire()`` / ``release()``.

    ``acquire`` raises ``DatabaseInUse`` (a ``DatabaseProblem``) naming the holder when another copy of
    LBS Desk, on this PC or another, has it, and ``DatabaseProblem`` when the lock file cannot be made
    (a read-only folder: open the database read-only instead).
    """

    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.lock_path = lock_path_for(self.db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> "WriterLock":
        if self._fd is not None:
            return self
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise DatabaseProblem(
                f"LBS Desk cannot make its lock file {self.lock_path} ({exc.strerror or exc}): the folder "
                "may be read-only. Open the database read-only to look things up, or move it to a folder "
                "you can write to."
            ) from None
        try:
            if not _try_lock(fd):
                holder = _read_holder(fd)
                raise DatabaseInUse(self.db_path, holder)
            me = {
                "user": _current_user(),
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "since": datetime.now().replace(microsecond=0).isoformat(),
            }
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, json.dumps(me).encode("utf-8"))
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)  # nobody holds it now; the file itself stays (deleting it races)
        except OSError:
            pass
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> "WriterLock":
        return self.acquire()

    def __exit__(self, *exc_info) -> None:  # noqa: ANN002
        self.release()

    def __del__(self) -> None:  # a forgotten lock is released with the object, as with the process
        try:
            self.release()
        except Exception:  # noqa: BLE001
            pass


def current_holder(db_path: Path) -> LockHolder | None:
    """Who holds the database for writing right now, or None when nobody does."""
    probe = WriterLock(db_path)
    if not probe.lock_path.exists():
        return None
    try:
        fd = os.open(probe.lock_path, os.O_RDWR)
    except OSError:
        return _read_holder(probe.lock_path)
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None
        return _read_holder(fd) or LockHolder(user="", host="", pid=None, since=None)
    finally:
        os.close(fd)


def network_warning(db_path: Path) -> str | None:
    """A warning for a database kept on a network folder (run there without WAL), or None."""
    db_path = Path(db_path)
    if not is_network_path(db_path):
        return None
    return (
        f"The database {db_path} is on a network folder. LBS Desk works there, more slowly and without "
        "its faster journal, and only one person at a time can change it. Keep the database on this "
        "PC's own disk and send the backups to the network folder; when several offices need the same "
        "caseload at once, a database server (PostgreSQL) is the right tool."
    )
