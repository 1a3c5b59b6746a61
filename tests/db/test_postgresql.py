"""The same migrations and counting queries on PostgreSQL (the multi-office future).

Runs only when LBSDESK_TEST_POSTGRES_URL names an empty scratch database, e.g.
``postgresql+psycopg://lbs@127.0.0.1:54329/lbsdesk_test`` (needs ``pip install "psycopg[binary]"``).
"""

import os
import random

import pytest
from sqlalchemy import text

from lbsdesk.db.migrate import head_revision, open_database
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.services.monthly_report import monthly_figures

from tests.db.test_monthly_report import _figures_from_everything, _random_agency

URL = os.environ.get("LBSDESK_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not URL, reason="set LBSDESK_TEST_POSTGRES_URL to run against PostgreSQL")


@pytest.fixture
def pg_database():
    db = open_database(URL)
    try:
        yield db
    finally:
        with db.engine.begin() as connection:  # leave the scratch database empty again
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        db.dispose()


def test_migrations_and_monthly_figures_on_postgresql(pg_database):
    with pg_database.engine.connect() as connection:
        assert connection.execute(text("select version_num from alembic_version")).scalar() == head_revision()
    with pg_database.session() as session:
        _random_agency(session, random.Random(11))
        for month in [Month(2025, 6), Month(2025, 12), Month(2026, 3), Month(2026, 4), Month(2026, 11)]:
            assert monthly_figures(session, month) == _figures_from_everything(session, month), str(month)
