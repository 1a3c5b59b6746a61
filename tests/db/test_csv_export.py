"""CSV export (SPEC.md section 2): import's columns in SPEC order, UTF-8 without BOM, round trips."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lbsdesk.db.models import AuditEntry, Inquiry, Learner, Partner, Referral
from lbsdesk.errors import LbsDeskError
from lbsdesk.services.csv_columns import KINDS
from lbsdesk.services.csv_export import export_csv
from lbsdesk.services.csv_import import ImportResult, import_csv

KIND_ORDER = ["partners", "learners", "referrals", "inquiries"]


@pytest.fixture
def agency(session):
    """Records as the app's screens would save them: empty strings, missing booleans, awkward text."""
    ow = Partner(partner_key="P-OW", name="Ontario Works, Perth", org_type="ontario_works", program="",
                 address='12 "Main" St\nPerth, ON', agreement=True, agreement_date=date(2025, 5, 1), co_located=True,
                 notes="Café meeting — 2nd Tuesday")
    library = Partner(partner_key="P-LIB", name="Perth Library", org_type="public_library")
    marie = Learner(learner_key="L-001", first_name="Marie", last_name="Côté", date_of_birth=date(1980, 3, 4),
                    phone="613-555-0199", email="", intake_date=date(2026, 1, 5), goal_path="employment",
                    stage="participation", consent_to_share=True, consent_date=date(2026, 1, 5), search_text="")
    jean = Learner(learner_key="L-002", first_name="Jean", last_name="O'Neil", intake_date=date(2026, 2, 1),
                   exit_date=date(2026, 3, 15), exit_reason="Moved, to Ottawa", consent_to_share=False, search_text="")
    session.add_all([ow, library, marie, jean])
    session.flush()
    session.add_all([
        Referral(referral_key="R-1", learner=marie, direction="in", referral_date=date(2026, 1, 5), partner=ow,
                 formal=True, reason="Upgrading", status="accepted", follow_up_date=date(2026, 2, 5),
                 cams_entered_date=date(2026, 1, 10)),
        Referral(referral_key="R-2", learner=jean, direction="in", referral_date=date(2026, 2, 1),
                 source="word_of_mouth", formal=False),
        Referral(referral_key="R-3", learner=marie, direction="out", referral_date=date(2026, 3, 1), partner=library,
                 formal=True, status="waitlisted", reason=""),
        Inquiry(inquiry_key="I-1", inquiry_date=date(2026, 1, 2), channel="phone", source="word_of_mouth",
                learner_id=marie.id, notes='Said "call back"'),
        Inquiry(inquiry_key="I-2", inquiry_date=date(2026, 1, 3), channel="walk_in"),
    ])
    session.flush()
    return session


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_header_is_import_columns_in_spec_order_and_file_is_utf8_without_bom(agency, tmp_path):
    for kind in KIND_ORDER:
        path = tmp_path / f"{kind}.csv"
        export_csv(agency, kind, path)
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf")
        data.decode("utf-8")
        assert read_rows(path)[0] == list(KINDS[kind].column_names)


def test_values_are_written_as_import_reads_them(agency, tmp_path):
    assert export_csv(agency, "partners", tmp_path / "partners.csv") == 2
    assert read_rows(tmp_path / "partners.csv")[1:] == [
        ["P-OW", "Ontario Works, Perth", "ontario_works", "", "", "", "", '12 "Main" St\nPerth, ON', "yes",
         "2025-05-01", "yes", "Café meeting — 2nd Tuesday"],
        ["P-LIB", "Perth Library", "public_library", "", "", "", "", "", "no", "", "no", ""],
    ]
    assert export_csv(agency, "learners", tmp_path / "learners.csv") == 2
    assert read_rows(tmp_path / "learners.csv")[1:] == [
        ["L-001", "Marie", "Côté", "1980-03-04", "613-555-0199", "", "2026-01-05", "employment", "participation",
         "", "", "yes", "2026-01-05"],
        ["L-002", "Jean", "O'Neil", "", "", "", "2026-02-01", "", "", "2026-03-15", "Moved, to Ottawa", "no", ""],
    ]
    assert export_csv(agency, "referrals", tmp_path / "referrals.csv") == 3
    assert read_rows(tmp_path / "referrals.csv")[1:] == [
        ["R-1", "L-001", "in", "2026-01-05", "P-OW", "", "yes", "Upgrading", "accepted", "2026-02-05", "2026-01-10"],
        ["R-2", "L-002", "in", "2026-02-01", "", "word_of_mouth", "no", "", "unknown", "", ""],
        ["R-3", "L-001", "out", "2026-03-01", "P-LIB", "", "yes", "", "waitlisted", "", ""],
    ]
    assert export_csv(agency, "inquiries", tmp_path / "inquiries.csv") == 2
    assert read_rows(tmp_path / "inquiries.csv")[1:] == [
        ["I-1", "2026-01-02", "phone", "word_of_mouth", "L-001", 'Said "call back"'],
        ["I-2", "2026-01-03", "walk_in", "", "", ""],
    ]


def test_round_trip_into_the_same_database_changes_nothing(agency, tmp_path):
    audits = agency.scalar(select(func.count()).select_from(AuditEntry))
    for kind in KIND_ORDER:
        path = tmp_path / f"{kind}.csv"
        rows = export_csv(agency, kind, path)
        result = import_csv(agency, kind, path)
        assert result == ImportResult(kind, rows=rows, created=0, updated=0, unchanged=rows)
        again = tmp_path / f"{kind}-again.csv"
        export_csv(agency, kind, again)
        assert again.read_bytes() == path.read_bytes()
    assert agency.scalar(select(func.count()).select_from(AuditEntry)) == audits


def test_round_trip_into_a_fresh_database_reproduces_the_files(agency, tmp_path):
    from lbsdesk.db.engine import sqlite_url
    from lbsdesk.db.migrate import open_database

    fresh = open_database(sqlite_url(tmp_path / "fresh.sqlite3"))
    try:
        for kind in KIND_ORDER:
            first = tmp_path / f"{kind}.csv"
            export_csv(agency, kind, first)
            with fresh.session() as session:
                assert import_csv(session, kind, first).created == len(read_rows(first)) - 1
            second = tmp_path / f"{kind}-fresh.csv"
            with fresh.session() as session:
                export_csv(session, kind, second)
            assert second.read_bytes() == first.read_bytes()
    finally:
        fresh.dispose()


def test_empty_kind_exports_the_header_only(session, tmp_path):
    path = tmp_path / "inquiries.csv"
    assert export_csv(session, "inquiries", path) == 0
    assert path.read_bytes() == b"inquiry_id,date,channel,source,learner_id,notes\r\n"
    assert import_csv(session, "inquiries", path) == ImportResult("inquiries", 0, 0, 0, 0)


def test_export_replaces_an_existing_file_and_leaves_no_temporary_file(agency, tmp_path):
    path = tmp_path / "partners.csv"
    path.write_text("old content\n", encoding="utf-8")
    export_csv(agency, "partners", path)
    assert read_rows(path)[0][0] == "partner_id"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".sqlite3" and "sqlite3" not in p.name) == [
        "partners.csv"]


def test_export_errors_are_messages(session, tmp_path):
    with pytest.raises(LbsDeskError) as caught:
        export_csv(session, "staff", tmp_path / "x.csv")
    assert str(caught.value) == "Unknown kind 'staff': use one of partners, learners, referrals, inquiries."
    missing = tmp_path / "no" / "such" / "folder" / "partners.csv"
    with pytest.raises(LbsDeskError) as caught:
        export_csv(session, "partners", missing)
    assert str(caught.value) == f"{missing}: cannot write the file (No such file or directory)."
