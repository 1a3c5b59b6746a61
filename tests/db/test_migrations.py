"""Migrations: a fresh database from nothing, an old one from the first revision, and refusals."""

import sqlite3
from datetime import date

import pytest
from sqlalchemy import create_engine, inspect, select, text

from lbsdesk.db import migrate
from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.migrate import head_revision, open_database, upgrade
from lbsdesk.db.models import Base, Learner, SuitabilityIndicator
from lbsdesk.errors import DatabaseProblem


def test_a_fresh_database_is_built_by_the_migrations_and_matches_the_models(db_path):
    db = open_database(sqlite_url(db_path))
    with db.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = connection.execute(text("select version_num from alembic_version")).scalar()
    db.dispose()
    assert revision == head_revision()
    assert set(Base.metadata.tables) <= tables
    assert not list(db_path.parent.glob("*before-migration*")), "a new database needs no backup"


def test_the_migrations_leave_nothing_for_autogenerate_to_add(db_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    db = open_database(sqlite_url(db_path))
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    db.dispose()
    assert diff == []


def test_upgrade_from_the_first_revision_keeps_every_record(db_path):
    engine = create_engine(sqlite_url(db_path))
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "insert into learner (learner_key, first_name, last_name, intake_date, search_text, "
                "created_at, updated_at) values ('L1', 'Élise', 'Côté', '2026-04-02', '', "
                "'2026-04-02 10:00:00', '2026-04-02 10:00:00')"
            )
        )
    engine.dispose()

    db = open_database(sqlite_url(db_path))
    with db.session() as session:
        kept = session.scalars(select(Learner)).one()
        indicators = session.scalars(select(SuitabilityIndicator.code)).all()
    db.dispose()
    assert (kept.learner_key, kept.first_name, kept.last_name, kept.intake_date) == ("L1", "Élise", "Côté", date(2026, 4, 2))
    assert "less_than_grade_12" in indicators
    backups = list(db_path.parent.glob("agency.before-migration-from-0001-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("select version_num from alembic_version").fetchone()[0] == "0001"
        assert copy.execute("select first_name from learner").fetchone()[0] == "Élise"


def test_a_failed_migration_puts_the_backup_back(db_path, monkeypatch):
    engine = create_engine(sqlite_url(db_path))
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text("insert into app_setting (key, value) values ('referral_reply_days', '45')"))
    engine.dispose()

    with pytest.raises(DatabaseProblem, match="put back as it was"):
        open_database(sqlite_url(db_path))  # 0002 inserts the same setting key: it fails

    with sqlite3.connect(db_path) as connection:
        assert connection.execute("select version_num from alembic_version").fetchone()[0] == "0001"
        assert connection.execute("select value from app_setting").fetchall() == [("45",)]


def test_a_database_from_a_newer_version_is_refused_untouched(db_path):
    open_database(sqlite_url(db_path)).dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("update alembic_version set version_num = '9999'")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseProblem, match="newer version of LBS Desk"):
        open_database(sqlite_url(db_path))
    assert db_path.read_bytes() == before


def test_another_programs_database_is_refused(db_path):
    with sqlite3.connect(db_path) as connection:
        connection.execute("create table invoices (id integer primary key)")
    with pytest.raises(DatabaseProblem, match="not an LBS Desk database"):
        open_database(sqlite_url(db_path))


def test_a_file_that_is_not_a_database_is_refused(db_path):
    db_path.write_text("learner_id,first_name\nL1,Ann\n")
    with pytest.raises(DatabaseProblem, match="not an SQLite file"):
        open_database(sqlite_url(db_path))


def test_a_damaged_database_gets_a_message(db_path):
    open_database(sqlite_url(db_path)).dispose()
    data = bytearray(db_path.read_bytes())
    for offset in range(4096, min(len(data), 40960)):  # scribble over the pages after the header
        data[offset] = 0xA5
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem, match="damaged"):
        open_database(sqlite_url(db_path))


def test_sqlite_pragmas_are_on(database):
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_head_is_the_newest_known_revision():
    assert head_revision() in migrate.known_revisions()
