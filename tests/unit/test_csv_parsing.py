"""Reading CSV bytes and cells for import: encodings, dates, booleans, code lists (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from lbsdesk.domain.codes import GOAL_PATHS, INFORMAL_SOURCES, ORG_TYPES
from lbsdesk.errors import LbsDeskError
from lbsdesk.services.csv_columns import KINDS, LEARNERS, format_cell, kind_spec
from lbsdesk.services.csv_import import (
    ImportRejected,
    _BadCell,
    describe_codes,
    parse_bool,
    parse_date,
    read_csv_text,
)

SPEC_COLUMNS = {
    "partners": "partner_id name org_type program contact_name phone email address agreement "
    "agreement_date co_located notes",
    "learners": "learner_id first_name last_name date_of_birth phone email intake_date goal_path stage "
    "exit_date exit_reason consent_to_share consent_date",
    "referrals": "referral_id learner_id direction date partner_id source formal reason status "
    "follow_up_date cams_entered_date",
    "inquiries": "inquiry_id date channel source learner_id notes",
}


@pytest.mark.parametrize("kind", sorted(SPEC_COLUMNS))
def test_columns_are_those_of_the_spec_in_its_order(kind):
    assert KINDS[kind].column_names == tuple(SPEC_COLUMNS[kind].split())


def test_required_columns_are_the_starred_ones_of_the_spec():
    required = {kind: [c.name for c in spec.columns if c.required] for kind, spec in KINDS.items()}
    assert required == {
        "partners": ["partner_id", "name", "org_type"],
        "learners": ["learner_id", "first_name", "last_name", "intake_date"],
        "referrals": ["referral_id", "learner_id", "direction", "date", "formal"],
        "inquiries": ["inquiry_id", "date", "channel"],
    }


def test_unknown_kind_names_the_valid_kinds():
    with pytest.raises(LbsDeskError) as caught:
        kind_spec("staff")
    assert str(caught.value) == "Unknown kind 'staff': use one of partners, learners, referrals, inquiries."


@pytest.mark.parametrize(
    "raw, expected",
    [("2026-02-28", date(2026, 2, 28)), (" 2024-02-29 ", date(2024, 2, 29)), ("2026-12-31", date(2026, 12, 31))],
)
def test_iso_dates_are_read(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    "raw, message",
    [
        ("2026-02-30", "2026-02-30 is not a real date"),
        ("2025-02-29", "2025-02-29 is not a real date"),
        ("2026-13-01", "2026-13-01 is not a real date"),
        ("2026-00-10", "2026-00-10 is not a real date"),
        ("03/02/2026", "'03/02/2026' is not a date; write dates as YYYY-MM-DD"),
        ("2026-2-3", "'2026-2-3' is not a date; write dates as YYYY-MM-DD"),
        ("2026-02-03T10:00", "'2026-02-03T10:00' is not a date; write dates as YYYY-MM-DD"),
        ("２０２６-02-03", "'２０２６-02-03' is not a date; write dates as YYYY-MM-DD"),
    ],
)
def test_bad_dates_are_named(raw, message):
    with pytest.raises(_BadCell) as caught:
        parse_date(raw)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "raw, expected",
    [("yes", True), ("YES", True), ("True", True), ("1", True), (" no ", False), ("false", False),
     ("FALSE", False), ("0", False)],
)
def test_booleans_are_read_in_any_case(raw, expected):
    assert parse_bool(raw) is expected


@pytest.mark.parametrize("raw", ["y", "n", "oui", "2", "maybe"])
def test_other_booleans_are_refused(raw):
    with pytest.raises(_BadCell) as caught:
        parse_bool(raw)
    assert str(caught.value) == f"{raw!r} is not yes or no (write yes/no, true/false or 1/0)"


def test_code_lists_are_described_short():
    assert describe_codes([GOAL_PATHS]) == (
        "employment, apprenticeship, secondary_school_credit, postsecondary, independence"
    )
    assert describe_codes([ORG_TYPES]) == (
        "one of the 42 org_type codes (ontario_works, odsp, employment_services, other_lbs, …)"
    )
    assert describe_codes([ORG_TYPES, INFORMAL_SOURCES]).endswith(
        "or self, word_of_mouth, media, website, social_media, other_informal"
    )


def test_cells_are_written_as_import_reads_them():
    by_name = {c.name: c for c in LEARNERS.columns}
    assert format_cell(by_name["consent_to_share"], True) == "yes"
    assert format_cell(by_name["consent_to_share"], False) == "no"
    assert format_cell(by_name["consent_to_share"], None) == ""
    assert format_cell(by_name["intake_date"], date(2026, 4, 1)) == "2026-04-01"
    assert format_cell(by_name["first_name"], "Émilie") == "Émilie"


# --- bytes to text ------------------------------------------------------------------------------


def test_utf8_with_and_without_bom(tmp_path):
    plain, with_bom = tmp_path / "a.csv", tmp_path / "b.csv"
    plain.write_bytes("learner_id\nCôté\n".encode())
    with_bom.write_bytes(b"\xef\xbb\xbf" + "learner_id\nCôté\n".encode())
    assert read_csv_text(plain, "a.csv") == "learner_id\nCôté\n"
    assert read_csv_text(with_bom, "b.csv") == "learner_id\nCôté\n"


def test_windows_1252_is_read_correctly(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("name\nCôté – “Émilie”\n".encode("cp1252"))
    assert read_csv_text(path, "excel.csv") == "name\nCôté – “Émilie”\n"


def test_bytes_neither_utf8_nor_cp1252_are_refused_with_line(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_bytes(b"name\r\nok\r\nbad \x81 byte\r\n")
    with pytest.raises(ImportRejected) as caught:
        read_csv_text(path, "odd.csv")
    assert caught.value.problems == ["odd.csv: not UTF-8 text (byte 0x81 at line 3); save it as CSV UTF-8"]
    assert str(caught.value).splitlines()[-1] == "Nothing was imported: 1 problem."


def test_utf16_and_binary_files_are_refused(tmp_path):
    utf16 = tmp_path / "u16.csv"
    utf16.write_bytes("learner_id\n".encode("utf-16"))
    with pytest.raises(ImportRejected) as caught:
        read_csv_text(utf16, "u16.csv")
    assert caught.value.problems == ["u16.csv: UTF-16 text, not UTF-8; save it as CSV UTF-8"]
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"learner_id\nL1\x00\x01\n")
    with pytest.raises(ImportRejected) as caught:
        read_csv_text(binary, "bin.csv")
    assert caught.value.problems == ["bin.csv: not a text file (a NUL byte at line 2); save it as CSV UTF-8"]


def test_missing_file_and_folder_are_errors(tmp_path):
    with pytest.raises(LbsDeskError) as caught:
        read_csv_text(tmp_path / "nope.csv", "nope.csv")
    assert str(caught.value) == "nope.csv: no such file."
    with pytest.raises(LbsDeskError) as caught:
        read_csv_text(tmp_path, "folder")
    assert str(caught.value) == "folder: is a folder, not a CSV file."
