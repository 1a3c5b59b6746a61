"""Engines and sessions: the database URL, SQLite PRAGMAs, and one session per unit of work."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from lbsdesk.errors import DatabaseProblem, LbsDeskError

ENV_DATABASE_URL = "LBSDESK_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path).expanduser().absolute()}"


def resolve_database_url(db_path: str | None, database_url: str | None) -> str:
    """``--database-url`` beats ``--db``, which beats ``LBSDESK_DATABASE_URL``, then the default file."""
    if database_url:
        return database_url
    if db_path:
        return sqlite_url(db_path)
    from_env = os.environ.get(ENV_DATABASE_URL)
    if from_env:
        return from_env
    from lbsdesk.paths import default_database_path

    return sqlite_url(default_database_path())


def sqlite_path_of(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another kind of database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def is_network_path(path: Path) -> bool:
    """True when the file lies on a network share, where SQLite's WAL mode must not be used."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            DRIVE_REMOTE = 4
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
        return False
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    resolved = str(path.absolute().parent.resolve())
    best, best_type = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and (resolved == parts[1] or resolved.startswith(parts[1].rstrip("/") + "/")):
            if len(parts[1]) > len(best):
                best, best_type = parts[1], parts[2]
    return best_type in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "fuse.sshfs", "afs"}


def _configure_sqlite(engine: Engine, use_wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001 - DB-API objects
        # Let SQLAlchemy own transactions (pysqlite's legacy mode would begin them lazily).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous = FULL")
        if use_wal:
            cursor.execute("PRAGMA journal_mode = WAL")
        else:
            cursor.execute("PRAGMA journal_mode = DELETE")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # noqa: ANN001
        connection.exec_driver_sql("BEGIN")


def read_only_message(name: object) -> str:
    return (
        f"The database {name} is open read-only, to look things up: nothing can be changed or saved. "
        "Close it and open it normally (when no one else has it open) to make changes."
    )


def sqlite_read_only_uri(path: Path | str) -> str:
    """An SQLite ``file:`` URI opening ``path`` read-only, escaped (``#``, ``?``, ``%``, spaces) and
    valid for POSIX paths, Windows drive paths and UNC shares."""
    from urllib.parse import quote

    text = str(Path(path).absolute()).replace(os.sep, "/")
    if text.startswith("//"):  # \\server\share: an empty authority, then the UNC path
        prefix = "file://"
    elif len(text) > 1 and text[1] == ":":  # C:/... (SQLite drops the "/" before a drive letter)
        prefix = "file:///"
    else:
        prefix = "file:"
    return prefix + quote(text, safe="/:") + "?mode=ro"


def _make_read_only_sqlite_engine(url: str, sqlite_file: Path) -> Engine:
    """SQLite opened with ``mode=ro``: reads work (also while another program writes), writes refuse."""
    uri = sqlite_read_only_uri(sqlite_file)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    engine = create_engine(url, creator=connect)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # noqa: ANN001
        connection.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context):  # noqa: ANN001
        text = str(context.original_exception).lower()
        if "readonly" in text or "read-only" in text or "query_only" in text:
            raise DatabaseProblem(read_only_message(sqlite_file)) from None

    return engine


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    sqlite_file = sqlite_path_of(url)
    if read_only:
        if sqlite_file is None:
            raise DatabaseProblem(
                "Opening read-only works on an SQLite database file; on a database server, "
                "give this program an account that may only read."
            )
        return _make_read_only_sqlite_engine(url, sqlite_file)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine, use_wal=sqlite_file is not None and not is_network_path(sqlite_file))
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except Exception as exc:  # a missing driver, a malformed URL
        raise LbsDeskError(f"Cannot use the database URL: {exc}") from None


@dataclass
class Database:
    """An open, migrated database: where it is, its engine and its session factory."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    #: opened with ``open_database(url, read_only=True)``: reads only, every write is refused
    read_only: bool = False

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_path_of(self.url)

    @property
    def display_name(self) -> str:
        path = self.sqlite_path
        return str(path) if path else make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit when the block ends, roll back if it raises."""
        session = self.session_factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def refresh_statistics(self) -> None:
        """Give the query planner fresh statistics after a bulk load (demo, import).

        Without them SQLite walks a date index for ranges that cover nearly every row, which is
        several times slower than reading the table (measured on the 100,000-learner demo).
        """
        with self.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")

    def dispose(self) -> None:
        if self.engine.dialect.name == "sqlite" and not self.read_only:
            try:  # SQLite's advice: let it refresh whatever statistics went stale, at close
                with self.engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA optimize")
            except Exception:  # noqa: BLE001 - never fail a close over statistics
                pass
        self.engine.dispose()
