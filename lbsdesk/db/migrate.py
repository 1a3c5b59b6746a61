"""Opening a database: recognise it, refuse what is not ours, back up, migrate, restore on failure.

CONVENTIONS.md item 6: a database from a newer version is refused; before any migration the file
is backed up with SQLite's backup API; a failed migration puts the backup back and says so; a fresh
database is created by the same migrations.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event, inspect
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from lbsdesk.db.audit import install_audit
from lbsdesk.db.backup import copy_database, looks_like_sqlite, overwrite_database, timestamped_name
from lbsdesk.db.engine import Database, make_engine, read_only_message, sqlite_path_of
from lbsdesk.errors import DatabaseProblem

log = logging.getLogger(__name__)

#: A table every LBS Desk database has had since the first revision.
SIGNATURE_TABLE = "learner"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("lbsdesk.db") / "migrations"))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder, not a database file.")
    if not looks_like_sqlite(path):
        raise DatabaseProblem(
            f"{path} is not an LBS Desk database (it is not an SQLite file at all). "
            "Choose another file, or restore a backup."
        )


def _quick_check(engine) -> None:  # noqa: ANN001
    try:
        with engine.connect() as connection:
            result = connection.exec_driver_sql("PRAGMA quick_check").scalar()
    except (OperationalError, SADatabaseError) as exc:
        raise DatabaseProblem(_damaged_message(engine, exc)) from None
    if result != "ok":
        raise DatabaseProblem(_damaged_message(engine, result))


def _damaged_message(engine, detail) -> str:  # noqa: ANN001
    return (
        f"The database {engine.url.database} is damaged ({detail}). "
        "Restore the newest backup with 'lbsdesk restore FILE' (or from the app's File menu)."
    )


def current_revision(connection) -> str | None:  # noqa: ANN001
    return MigrationContext.configure(connection).get_current_revision()


def _examine(engine) -> tuple[bool, str | None]:  # noqa: ANN001
    """(has any tables, alembic revision or None); raises for a database that is not ours."""
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            revision = current_revision(connection) if "alembic_version" in tables else None
    except (OperationalError, SADatabaseError) as exc:
        message = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        if "file is not a database" in message or "malformed" in message:
            raise DatabaseProblem(_damaged_message(engine, message)) from None
        raise DatabaseProblem(f"Cannot open the database {engine.url.database}: {message}") from None
    if not tables:
        return False, None
    if revision is None or SIGNATURE_TABLE not in tables:
        raise DatabaseProblem(
            f"{engine.url.render_as_string(hide_password=True)} is not an LBS Desk database: "
            "it holds other tables. Choose another file."
        )
    if revision not in known_revisions():
        raise DatabaseProblem(
            "This database was made by a newer version of LBS Desk "
            f"(schema revision {revision}; this program knows up to {head_revision()}). "
            "Install the newer LBS Desk to open it; nothing was changed."
        )
    return True, revision


def upgrade(engine, revision: str = "head") -> None:  # noqa: ANN001
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def open_database(url: str, *, migrate: bool = True, check: bool = True, read_only: bool = False) -> Database:
    """Open the database at ``url``, creating and migrating it as needed.

    ``read_only=True`` opens an existing SQLite file to look things up (a backup, or a database
    another copy of LBS Desk is writing): SQLite's ``mode=ro``, no migration, and every write refused
    with ``DatabaseProblem``.  A database from an older version is refused (it would need updating).
    """
    if read_only:
        return _open_read_only(url, check=check)
    sqlite_file = sqlite_path_of(url)
    if sqlite_file is not None:
        _check_sqlite_file(sqlite_file)
        try:
            sqlite_file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseProblem(f"Cannot create the folder {sqlite_file.parent}: {exc.strerror}") from None
    engine = make_engine(url)
    try:
        if sqlite_file is not None and check and sqlite_file.exists() and sqlite_file.stat().st_size:
            _quick_check(engine)
        has_tables, revision = _examine(engine)
        if migrate and revision != head_revision():
            _migrate(engine, sqlite_file, has_tables, revision)
    except BaseException:
        engine.dispose()
        raise
    factory = sessionmaker(engine, expire_on_commit=False)
    install_audit(factory)
    return Database(url=url, engine=engine, session_factory=factory)


def _open_read_only(url: str, *, check: bool) -> Database:
    sqlite_file = sqlite_path_of(url)
    if sqlite_file is not None:
        if not sqlite_file.exists() or sqlite_file.stat().st_size == 0:
            raise DatabaseProblem(f"There is no database at {sqlite_file} to open read-only.")
        _check_sqlite_file(sqlite_file)
    engine = make_engine(url, read_only=True)
    try:
        if check:
            _quick_check(engine)
        has_tables, revision = _examine(engine)
        if not has_tables:
            raise DatabaseProblem(f"The database {sqlite_file} is empty; there is nothing to look up.")
        if revision != head_revision():
            raise DatabaseProblem(
                f"The database {sqlite_file} was made by an older version of LBS Desk (schema {revision}); "
                "it cannot be opened read-only before it is updated. Open it normally once (it is "
                "updated then), or restore it as a backup."
            )
    except BaseException:
        engine.dispose()
        raise
    factory = sessionmaker(engine, expire_on_commit=False)

    def _refuse_writes(session, _context, _instances) -> None:  # noqa: ANN001
        if session.new or session.dirty or session.deleted:
            raise DatabaseProblem(read_only_message(sqlite_file))

    event.listen(factory, "before_flush", _refuse_writes)
    return Database(url=url, engine=engine, session_factory=factory, read_only=True)


def _migrate(engine, sqlite_file: Path | None, has_tables: bool, revision: str | None) -> None:  # noqa: ANN001
    backup: Path | None = None
    if has_tables and sqlite_file is not None:
        backup = sqlite_file.with_name(timestamped_name(f"{sqlite_file.stem}.before-migration-from-{revision}"))
        engine.dispose()
        copy_database(sqlite_file, backup)
        log.info("backed up the database before migrating from %s", revision)
    try:
        upgrade(engine)
    except Exception as exc:
        engine.dispose()
        if backup is not None:
            overwrite_database(backup, sqlite_file)
            raise DatabaseProblem(
                f"Updating the database to this version failed ({exc}); it was put back as it was "
                f"from the backup {backup}. Nothing was lost."
            ) from None
        raise DatabaseProblem(f"Creating the database failed: {exc}") from None
    log.info("database migrated to %s", head_revision())
