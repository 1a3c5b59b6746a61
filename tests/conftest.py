"""Test bootstrap: Qt offscreen, and a fresh migrated database for every test that asks for one."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from lbsdesk.db.engine import Database, sqlite_url  # noqa: E402
from lbsdesk.db.migrate import open_database  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory, monkeypatch):
    """Keep the default database, backups and logs of every test out of the real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("LBSDESK_DATABASE_URL", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "agency.sqlite3"


@pytest.fixture
def database(db_path) -> Database:
    db = open_database(sqlite_url(db_path))
    yield db
    db.dispose()


@pytest.fixture
def session(database):
    with database.session() as s:
        yield s
