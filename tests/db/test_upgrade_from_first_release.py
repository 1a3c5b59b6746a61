"""Upgrades keep the data: a database written by the first released LBS Desk opens in this version.

``tests/fixtures/first_release.sqlite3`` was made once, by migrating a fresh file to revision 0002 (the
first released schema) and filling it with ``build_demo(learners=30, seed=3, today=2026-11-01)``; see
``tests/fixtures/make_first_release_db.py``. It is never regenerated: it stands for an agency's real
file. Opening a copy with ``open_database`` migrates it to head (backing it up first when there is
anything to migrate), and every row of every table must still be there with the same values.

The other direction (a database from a NEWER version is refused untouched, with a message saying to
install the newer LBS Desk) is tested in ``tests/db/test_migrations.py``
(``test_a_database_from_a_newer_version_is_refused_untouched``) and, for the packaged program, by the
frozen self-checks in ``packaging/build.py``.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.migrate import head_revision, open_database
from lbsdesk.db.models import Learner, Partner, Referral

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "first_release.sqlite3"
FIRST_RELEASED_REVISION = "0002"


def _tables(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name != 'alembic_version' ORDER BY name"
    )
    return [name for (name,) in rows]


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


#: Columns the program derives from others and a migration may rebuild (0004 reorders the learner
#: search text); checked separately against the values they derive from.
DERIVED_COLUMNS = {("learner", "search_text")}


def _snapshot(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every table of the fixture: its column names and all its rows, ordered by rowid."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return {
            table: (columns := [c for c in _columns(connection, table) if (table, c) not in DERIVED_COLUMNS],
                    connection.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} '
                                       f'FROM "{table}" ORDER BY rowid').fetchall())
            for table in _tables(connection)
        }


@pytest.fixture
def upgraded(tmp_path):
    """A copy of the first release's database, opened (and so migrated) by today's program."""
    copy = tmp_path / "lbsdesk.sqlite3"
    shutil.copy2(FIXTURE, copy)
    database = open_database(sqlite_url(copy))
    yield copy, database
    database.dispose()


def test_the_fixture_is_the_first_released_schema():
    assert FIXTURE.stat().st_size < 2_000_000
    with sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(FIRST_RELEASED_REVISION,)]
        assert connection.execute("SELECT count(*) FROM learner").fetchone() == (30,)


def test_opening_it_migrates_to_head_and_backs_up_first_when_there_is_anything_to_migrate(upgraded):
    copy, database = upgraded
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    backups = list(copy.parent.glob("*before-migration-from-0002*"))
    if head_revision() == FIRST_RELEASED_REVISION:
        assert backups == []  # nothing to migrate, nothing to back up
    else:
        assert len(backups) == 1
        assert _snapshot(backups[0]) == _snapshot(FIXTURE), "the backup is the untouched first-release file"


def test_every_record_of_every_table_survives_with_the_same_values(upgraded):
    copy, _database = upgraded
    before = _snapshot(FIXTURE)
    with sqlite3.connect(f"file:{copy}?mode=ro", uri=True) as connection:
        tables_now = set(_tables(connection))
        for table, (columns, rows) in before.items():
            assert table in tables_now, f"table {table} was lost in the upgrade"
            columns_now = set(_columns(connection, table))
            assert set(columns) <= columns_now, f"{table} lost columns {sorted(set(columns) - columns_now)}"
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows_now = connection.execute(f'SELECT {quoted} FROM "{table}" ORDER BY rowid').fetchall()
            assert len(rows_now) == len(rows), f"{table}: {len(rows)} rows before, {len(rows_now)} after"
            assert rows_now == rows, f"{table}: values changed in the upgrade"


def test_counts_per_table_are_those_of_the_first_release(upgraded):
    copy, _database = upgraded
    expected = {
        "learner": 30, "partner": 42, "referral": 51, "inquiry": 45, "learner_plan": 26, "milestone": 59,
        "stage_entry": 100, "check_in": 80, "follow_up": 8, "outreach_activity": 24, "staff": 4,
        "consent": 30, "referral_status_entry": 88, "partner_contact": 59, "agency_profile": 1,
    }
    with sqlite3.connect(copy) as connection:
        counts = {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in expected}
    assert counts == expected


def test_known_records_read_back_through_todays_models(upgraded):
    _copy, database = upgraded
    with database.session() as session:
        first = session.scalars(select(Learner).where(Learner.learner_key == "L00001")).one()
        assert (first.first_name, first.last_name, first.date_of_birth) == ("Guillaume", "Brûlé", date(1960, 7, 15))
        assert (first.intake_date, first.exit_date, first.exit_reason) == (date(2025, 11, 10), date(2025, 12, 22), "Moved away")
        second = session.scalars(select(Learner).where(Learner.learner_key == "L00002")).one()
        assert (second.first_name, second.phone) == ("Mélanie", "613-555-3131")
        referral = session.scalars(select(Referral).where(Referral.referral_key == "R000001")).one()
        assert (referral.direction, referral.referral_date, referral.status) == ("in", date(2025, 11, 9), "accepted")
        partner = session.scalars(select(Partner).where(Partner.partner_key == "P001")).one()
        assert partner.name == "Alder County Ontario Works – Port Alder"
        assert session.scalar(select(func.count()).select_from(Learner)) == 30


def test_todays_services_work_on_the_upgraded_database(upgraded):
    from lbsdesk.domain.calendar_rules import Month
    from lbsdesk.services.agency import load_agency
    from lbsdesk.services.monthly_report import monthly_figures

    _copy, database = upgraded
    with database.session() as session:
        assert load_agency(session).name == "Maple Valley Literacy Centre"
        figures = monthly_figures(session, Month.parse("2026-10"))
    assert figures  # the month's figures are computed from the old records without error


NEXT_RELEASE_REVISION = '''"""A stand-in for a later release: a new column on learner and a new table (batch mode, as ours are).

Revision ID: 9001
Revises: {down}
"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("learner") as batch:
        batch.add_column(sa.Column("pronouns", sa.String(40), nullable=True))
    op.create_table("release_note", sa.Column("id", sa.Integer, primary_key=True), sa.Column("text", sa.Text))


def downgrade() -> None:
    op.drop_table("release_note")
    with op.batch_alter_table("learner") as batch:
        batch.drop_column("pronouns")
'''


def test_a_later_schema_change_rebuilding_tables_keeps_every_record(tmp_path, monkeypatch):
    """Even before a revision after 0002 exists: a batch-mode migration (SQLite copies the whole
    table) run on the first release's file keeps every row, after backing the file up."""
    from lbsdesk.db import migrate

    scripts = tmp_path / "migrations"
    shutil.copytree(Path(migrate.__file__).parent / "migrations", scripts,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9001_next_release.py").write_text(
        NEXT_RELEASE_REVISION.format(down=head_revision()), encoding="utf-8")
    original_config = migrate.alembic_config

    def config_with_the_next_release():
        config = original_config()
        config.set_main_option("script_location", str(scripts))
        return config

    monkeypatch.setattr(migrate, "alembic_config", config_with_the_next_release)
    copy = tmp_path / "agency.sqlite3"
    shutil.copy2(FIXTURE, copy)
    database = migrate.open_database(sqlite_url(copy))
    database.dispose()

    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("9001",)
        assert "pronouns" in _columns(connection, "learner")
    assert len(list(tmp_path.glob("*before-migration-from-*"))) == 1
    before, after = _snapshot(FIXTURE), _snapshot(copy)
    for table, (columns, rows) in before.items():
        kept = [tuple(row[after[table][0].index(c)] for c in columns) for row in after[table][1]]
        assert kept == rows, f"{table}: rows changed in the upgrade"


def test_the_derived_search_text_is_rebuilt_from_the_kept_names(upgraded):
    from lbsdesk.domain.text import learner_search_text

    path, _database = upgraded
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT first_name, last_name, learner_key, phone, search_text FROM learner").fetchall()
    assert rows
    assert all(text == learner_search_text(first, last, key, phone) for first, last, key, phone, text in rows)
