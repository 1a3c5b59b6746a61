"""CSV import (SPEC.md section 2): every rule, the exact messages, all or nothing, update by key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from lbsdesk.db.models import AuditEntry, Inquiry, Learner, Partner, Referral, Staff, StageEntry
from lbsdesk.errors import LbsDeskError
from lbsdesk.services.csv_columns import KINDS
from lbsdesk.services.csv_import import ImportRejected, ImportResult, import_csv

PARTNERS_CSV = """\
partner_id,name,org_type,program,contact_name,phone,email,address,agreement,agreement_date,co_located,notes
P1,Ontario Works Perth,ontario_works,Employment supports,Ann Lee,613-555-0100,ow@example.org,"1 Main St
Perth",yes,2025-05-01,no,Monthly meeting
P2,Perth Library,public_library,,,,,,,,,
"""

LEARNERS_CSV = """\
learner_id,first_name,last_name,date_of_birth,phone,email,intake_date,goal_path,stage,exit_date,exit_reason,consent_to_share,consent_date
L1,Marie,Côté,1980-03-04,613-555-0199,marie@example.org,2026-01-05,employment,commencement,,,yes,2026-01-05
L2,Jean,Roy,,,,2026-02-01,,,2026-03-15,Moved away,,
"""

REFERRALS_CSV = """\
referral_id,learner_id,direction,date,partner_id,source,formal,reason,status,follow_up_date,cams_entered_date
R1,L1,in,2026-01-05,P1,,yes,Upgrading for employment,,2026-02-05,2026-01-10
R2,L2,in,2026-02-01,,word_of_mouth,no,,accepted,,
R3,L1,out,2026-03-01,P2,,yes,Library card,sent,,
"""

INQUIRIES_CSV = """\
inquiry_id,date,channel,source,learner_id,notes
I1,2026-01-02,phone,word_of_mouth,L1,Asked about GED
I2,2026-01-03,walk_in,ontario_works,,
I3,2026-01-04,email,,,
"""


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def rejected(session, kind: str, path: Path, **kwargs) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        import_csv(session, kind, path, **kwargs)
    return caught.value


def problems_of(session, kind: str, path: Path) -> list[str]:
    """The problems, with the file name in front taken off for short assertions."""
    prefix = str(path)
    return [p[len(prefix):] for p in rejected(session, kind, path).problems]


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path


@pytest.fixture
def with_partners_and_learners(session, folder):
    import_csv(session, "partners", write(folder, "partners.csv", PARTNERS_CSV))
    import_csv(session, "learners", write(folder, "learners.csv", LEARNERS_CSV))
    return session


# --- what lands in the database ------------------------------------------------------------------


def test_partners_are_created_with_their_fields(session, folder):
    result = import_csv(session, "partners", write(folder, "partners.csv", PARTNERS_CSV))
    assert result == ImportResult("partners", rows=2, created=2, updated=0, unchanged=0)
    ow = session.scalars(select(Partner).where(Partner.partner_key == "P1")).one()
    assert (ow.name, ow.org_type, ow.program, ow.contact_name) == (
        "Ontario Works Perth", "ontario_works", "Employment supports", "Ann Lee")
    assert ow.address == "1 Main St\nPerth"
    assert (ow.agreement, ow.agreement_date, ow.co_located, ow.notes) == (True, date(2025, 5, 1), False, "Monthly meeting")
    library = session.scalars(select(Partner).where(Partner.partner_key == "P2")).one()
    assert (library.agreement, library.co_located) == (False, False)  # empty booleans: no
    assert (library.program, library.email, library.agreement_date) == (None, None, None)


def test_learners_are_created_with_search_text_and_first_stage(session, folder):
    result = import_csv(session, "learners", write(folder, "learners.csv", LEARNERS_CSV))
    assert (result.created, result.rows) == (2, 2)
    marie = session.scalars(select(Learner).where(Learner.learner_key == "L1")).one()
    assert (marie.first_name, marie.last_name, marie.date_of_birth) == ("Marie", "Côté", date(1980, 3, 4))
    assert (marie.goal_path, marie.stage, marie.consent_to_share, marie.consent_date) == (
        "employment", "commencement", True, date(2026, 1, 5))
    assert "marie cote" in marie.search_text and "6135550199" in marie.search_text
    assert [(e.stage, e.entered_date) for e in marie.stage_history] == [("commencement", date(2026, 1, 5))]
    jean = session.scalars(select(Learner).where(Learner.learner_key == "L2")).one()
    assert (jean.exit_date, jean.exit_reason, jean.consent_to_share, jean.stage) == (
        date(2026, 3, 15), "Moved away", None, None)
    assert jean.stage_history == []


def test_referrals_map_date_references_and_status_history(with_partners_and_learners, folder):
    session = with_partners_and_learners
    result = import_csv(session, "referrals", write(folder, "referrals.csv", REFERRALS_CSV))
    assert result.created == 3
    by_key = {r.referral_key: r for r in session.scalars(select(Referral))}
    r1, r2, r3 = by_key["R1"], by_key["R2"], by_key["R3"]
    assert (r1.learner.learner_key, r1.partner.partner_key, r1.direction, r1.referral_date, r1.formal) == (
        "L1", "P1", "in", date(2026, 1, 5), True)
    assert (r1.reason, r1.follow_up_date, r1.cams_entered_date, r1.status) == (
        "Upgrading for employment", date(2026, 2, 5), date(2026, 1, 10), "unknown")  # empty status: unknown
    assert (r2.partner, r2.source, r2.formal, r2.status) == (None, "word_of_mouth", False, "accepted")
    assert (r3.direction, r3.partner.partner_key, r3.status) == ("out", "P2", "sent")
    assert [(e.status, e.status_date) for e in r1.status_history] == [("unknown", date(2026, 1, 5))]
    assert [(e.status, e.status_date) for e in r3.status_history] == [("sent", date(2026, 3, 1))]


def test_inquiries_take_org_types_and_informal_sources(with_partners_and_learners, folder):
    session = with_partners_and_learners
    import_csv(session, "inquiries", write(folder, "inquiries.csv", INQUIRIES_CSV))
    rows = {i.inquiry_key: i for i in session.scalars(select(Inquiry))}
    marie_id = session.scalar(select(Learner.id).where(Learner.learner_key == "L1"))
    assert (rows["I1"].inquiry_date, rows["I1"].channel, rows["I1"].source, rows["I1"].learner_id) == (
        date(2026, 1, 2), "phone", "word_of_mouth", marie_id)
    assert (rows["I2"].source, rows["I2"].learner_id, rows["I3"].source) == ("ontario_works", None, None)


def test_created_records_are_audited_as_imported(with_partners_and_learners, folder):
    session = with_partners_and_learners
    import_csv(session, "referrals", write(folder, "referrals.csv", REFERRALS_CSV))
    marie_id = session.scalar(select(Learner.id).where(Learner.learner_key == "L1"))
    r1_id = session.scalar(select(Referral.id).where(Referral.referral_key == "R1"))
    entries = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "referral")).all()
    assert len(entries) == 3
    r1 = next(e for e in entries if e.record_id == r1_id)
    assert (r1.action, r1.learner_id, r1.field, r1.old_value, r1.new_value) == (
        "import", marie_id, None, None, "imported from referrals.csv")
    learner_entry = session.scalars(
        select(AuditEntry).where(AuditEntry.table_name == "learner", AuditEntry.record_id == marie_id)).one()
    assert (learner_entry.action, learner_entry.learner_id) == ("import", marie_id)
    partner_entries = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "partner")).all()
    assert {e.learner_id for e in partner_entries} == {None} and len(partner_entries) == 2


def test_columns_in_any_order_case_and_spaces_ignored(session, folder):
    text = " Last_Name ,INTAKE_DATE,learner_id, First_Name,goal_path\nRoy,2026-01-05,L9,Jean,Employment\n"
    result = import_csv(session, "learners", write(folder, "learners.csv", text))
    assert result.created == 1
    learner = session.scalars(select(Learner)).one()
    assert (learner.first_name, learner.last_name, learner.goal_path) == ("Jean", "Roy", "employment")


def test_booleans_in_every_spelling(session, folder):
    text = "partner_id,name,org_type,agreement,co_located\n" + "".join(
        f"P{i},Name {i},housing,{word},{other}\n"
        for i, (word, other) in enumerate([("yes", "no"), ("TRUE", "False"), ("1", "0"), ("Yes", "")])
    )
    import_csv(session, "partners", write(folder, "partners.csv", text))
    rows = session.execute(select(Partner.agreement, Partner.co_located).order_by(Partner.partner_key)).all()
    assert rows == [(True, False)] * 4


def test_header_only_imports_nothing(session, folder):
    result = import_csv(session, "learners", write(folder, "learners.csv", "learner_id,first_name,last_name,intake_date\n"))
    assert result == ImportResult("learners", 0, 0, 0, 0)


def test_blank_lines_are_skipped_and_lines_counted_physically(session, folder):
    text = (
        "partner_id,name,org_type,notes\n"
        "P1,One,housing,\"two\nlines\"\n"
        "\n"
        ",,,\n"
        "P2,Two,nowhere,\n"
    )
    assert problems_of(session, "partners", write(folder, "partners.csv", text)) == [
        ":6: column org_type: unknown code 'nowhere'; valid: one of the 42 org_type codes "
        "(ontario_works, odsp, employment_services, other_lbs, …)"
    ]


def test_utf8_bom_is_accepted(session, folder):
    path = folder / "learners.csv"
    path.write_bytes(b"\xef\xbb\xbf" + LEARNERS_CSV.encode())
    assert import_csv(session, "learners", path).created == 2


def test_windows_1252_file_is_read_correctly(session, folder):
    path = write(folder, "learners.csv", LEARNERS_CSV.replace("Marie", "Émilie"), encoding="cp1252")
    import_csv(session, "learners", path)
    names = session.execute(select(Learner.first_name, Learner.last_name).order_by(Learner.learner_key)).all()
    assert names == [("Émilie", "Côté"), ("Jean", "Roy")]


def test_a_file_that_is_not_utf8_is_refused(session, folder):
    path = folder / "learners.csv"
    path.write_bytes(b"learner_id,first_name,last_name,intake_date\nL1,\x81,Roy,2026-01-01\n")
    error = rejected(session, "learners", path)
    assert str(error) == (
        f"{path}: not UTF-8 text (byte 0x81 at line 2); save it as CSV UTF-8\n"
        "Nothing was imported: 1 problem."
    )


# --- update by key, idempotence, dry run -----------------------------------------------------


def test_reimport_is_idempotent(session, folder):
    path = write(folder, "learners.csv", LEARNERS_CSV)
    import_csv(session, "learners", path)
    audits, stages = count(session, AuditEntry), count(session, StageEntry)
    again = import_csv(session, "learners", path)
    assert again == ImportResult("learners", rows=2, created=0, updated=0, unchanged=2)
    assert (count(session, Learner), count(session, AuditEntry), count(session, StageEntry)) == (2, audits, stages)


def test_existing_key_updates_only_changed_fields(session, folder):
    import_csv(session, "learners", write(folder, "learners.csv", LEARNERS_CSV))
    marie = session.scalars(select(Learner).where(Learner.learner_key == "L1")).one()
    changed = LEARNERS_CSV.replace("Marie,Côté", "Marie,Côté-Roy").replace(",commencement,", ",participation,")
    result = import_csv(session, "learners", write(folder, "learners2.csv", changed))
    assert result == ImportResult("learners", rows=2, created=0, updated=1, unchanged=1)
    session.expire_all()
    assert (marie.last_name, marie.stage, marie.first_name) == ("Côté-Roy", "participation", "Marie")
    assert "cote-roy" in marie.search_text
    assert [(e.stage, e.entered_date) for e in marie.stage_history] == [
        ("commencement", date(2026, 1, 5)), ("participation", date.today())]
    updates = session.scalars(select(AuditEntry).where(AuditEntry.action == "update").order_by(AuditEntry.field)).all()
    assert [(u.table_name, u.record_id, u.learner_id, u.field, u.old_value, u.new_value) for u in updates] == [
        ("learner", marie.id, marie.id, "last_name", "Côté", "Côté-Roy"),
        ("learner", marie.id, marie.id, "stage", "commencement", "participation"),
    ]


def test_empty_cell_clears_a_field_and_absent_column_keeps_it(session, folder):
    import_csv(session, "learners", write(folder, "learners.csv", LEARNERS_CSV))
    cleared = "learner_id,first_name,last_name,intake_date,email\nL1,Marie,Côté,2026-01-05,\n"
    result = import_csv(session, "learners", write(folder, "learners2.csv", cleared))
    assert (result.updated, result.unchanged) == (1, 0)
    marie = session.scalars(select(Learner).where(Learner.learner_key == "L1")).one()
    assert marie.email is None  # empty cell: no value
    assert (marie.phone, marie.goal_path, marie.stage) == ("613-555-0199", "employment", "commencement")  # absent


def test_referral_status_change_is_dated_today(with_partners_and_learners, folder):
    session = with_partners_and_learners
    import_csv(session, "referrals", write(folder, "referrals.csv", REFERRALS_CSV))
    changed = REFERRALS_CSV.replace("Library card,sent", "Library card,attended")
    assert import_csv(session, "referrals", write(folder, "r2.csv", changed)).updated == 1
    r3 = session.scalars(select(Referral).where(Referral.referral_key == "R3")).one()
    session.refresh(r3)
    assert [(e.status, e.status_date) for e in r3.status_history] == [
        ("sent", date(2026, 3, 1)), ("attended", date.today())]
    update = session.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
    assert (update.field, update.old_value, update.new_value, update.learner_id) == (
        "status", "sent", "attended", r3.learner_id)


def test_dry_run_checks_and_counts_but_writes_nothing(session, folder):
    import_csv(session, "learners", write(folder, "learners.csv", LEARNERS_CSV))
    before = (count(session, Learner), count(session, AuditEntry), count(session, StageEntry))
    text = LEARNERS_CSV.replace("Jean,Roy", "Jean,Leroy") + "L3,Ann,Lee,,,,2026-04-01,,initial,,,,\n"
    result = import_csv(session, "learners", write(folder, "l2.csv", text), dry_run=True)
    assert result == ImportResult("learners", rows=3, created=1, updated=1, unchanged=1)
    assert (count(session, Learner), count(session, AuditEntry), count(session, StageEntry)) == before
    assert session.scalar(select(Learner.last_name).where(Learner.learner_key == "L2")) == "Roy"


def test_dry_run_checks_references_too(session, folder):
    error = rejected(session, "inquiries", write(folder, "i.csv", INQUIRIES_CSV), dry_run=True)
    assert error.problems == [f"{folder / 'i.csv'}:2: column learner_id: no learner L1 in the database (import the learners first)"]


def test_import_does_not_commit(database, folder):
    with database.session() as session:
        import_csv(session, "partners", write(folder, "partners.csv", PARTNERS_CSV))
        session.rollback()
    with database.session() as session:
        assert count(session, Partner) == 0


def test_one_bad_row_and_nothing_is_written(database, folder):
    text = PARTNERS_CSV + "P3,Broken,housing,,,,,,maybe,,,\n"
    with database.session() as session:
        import_csv(session, "partners", write(folder, "p0.csv", "partner_id,name,org_type\nP0,Old,housing\n"))
    with database.session() as session:
        with pytest.raises(ImportRejected) as caught:
            import_csv(session, "partners", write(folder, "partners.csv", text.replace("P2,Perth", "P0,Perth")))
        assert not session.new and not session.dirty
    assert caught.value.problems == [
        f"{folder / 'partners.csv'}:5: column agreement: 'maybe' is not yes or no (write yes/no, true/false or 1/0)"
    ]
    with database.session() as session:
        assert session.scalars(select(Partner.partner_key)).all() == ["P0"]
        assert session.scalar(select(Partner.name)) == "Old"
        assert count(session, AuditEntry) == 1


def test_every_bad_row_is_reported_with_a_summary(session, folder):
    text = (
        "learner_id,first_name,last_name,intake_date,stage\n"
        "L1,Marie,,2026-02-30,initial\n"
        "L2,Jean,Roy,2026-01-01,\n"
        "L3,Ann,Lee,2026-01-01,begun\n"
    )
    path = write(folder, "learners.csv", text)
    error = rejected(session, "learners", path)
    assert str(error) == "\n".join([
        f"{path}:2: column last_name: a value is required",
        f"{path}:2: column intake_date: 2026-02-30 is not a real date",
        f"{path}:4: column stage: unknown code 'begun'; valid: initial, commencement, participation, management, closure",
        "Nothing was imported: 3 problems in 2 rows.",
    ])
    assert isinstance(error, LbsDeskError)
    assert count(session, Learner) == 0


# --- the rules, one by one, with the message a person reads -----------------------------------


def test_unknown_kind(session, folder):
    with pytest.raises(LbsDeskError) as caught:
        import_csv(session, "staff", write(folder, "staff.csv", "x\n"))
    assert str(caught.value) == "Unknown kind 'staff': use one of partners, learners, referrals, inquiries."


def test_missing_file(session, folder):
    with pytest.raises(LbsDeskError) as caught:
        import_csv(session, "learners", folder / "nope.csv")
    assert str(caught.value) == f"{folder / 'nope.csv'}: no such file."


@pytest.mark.parametrize("content", ["", "\n\n", "   \r\n"])
def test_empty_file_is_an_error(session, folder, content):
    path = write(folder, "partners.csv", content)
    assert rejected(session, "partners", path).problems == [
        f"{path}: the file is empty; the first line must be the header row: partner_id, name, org_type, "
        "program, contact_name, phone, email, address, agreement, agreement_date, co_located, notes"
    ]


def test_file_without_header_is_an_error(session, folder):
    path = write(folder, "inquiries.csv", "I1,2026-01-02,phone,,,\n")
    assert problems_of(session, "inquiries", path) == [
        ":1: no header row: the first line must name the columns: inquiry_id, date, channel, source, learner_id, notes"
    ]


def test_semicolon_separated_file_is_explained(session, folder):
    path = write(folder, "inquiries.csv", "inquiry_id;date;channel\nI1;2026-01-02;phone\n")
    assert problems_of(session, "inquiries", path) == [
        ":1: the columns are separated by semicolons; save the file as CSV UTF-8 (comma-separated)"
    ]


def test_unknown_duplicate_and_missing_columns(session, folder):
    path = write(folder, "inquiries.csv", "inquiry_id,date,Colour,notes,NOTES\nI1,2026-01-02,red,,\n")
    assert problems_of(session, "inquiries", path) == [
        ":1: column Colour: unknown column; inquiries files have: inquiry_id, date, channel, source, learner_id, notes",
        ":1: column notes: appears more than once in the header",
        ":1: column channel: required column missing from the header",
    ]


def test_unnamed_header_cells_may_only_hold_empty_cells(session, folder):
    ok = write(folder, "ok.csv", "inquiry_id,date,channel,,\nI1,2026-01-02,phone,,\n")
    assert import_csv(session, "inquiries", ok, dry_run=True).created == 1
    bad = write(folder, "bad.csv", "inquiry_id,date,channel,,\nI1,2026-01-02,phone,,oops\n")
    assert problems_of(session, "inquiries", bad) == [":2: a value in column 5, which has no name in the header"]


def test_wrong_number_of_cells(session, folder):
    path = write(folder, "inquiries.csv", "inquiry_id,date,channel\nI1,2026-01-02\nI2,2026-01-02,phone,extra\n")
    assert problems_of(session, "inquiries", path) == [
        ":2: 2 cells, but the header has 3 columns",
        ":3: 4 cells, but the header has 3 columns",
    ]


def test_missing_required_values(session, folder):
    path = write(folder, "referrals.csv",
                 "referral_id,learner_id,direction,date,source,formal\n , ,,, self ,\n")
    assert problems_of(session, "referrals", path) == [
        ":2: column referral_id: a value is required",
        ":2: column learner_id: a value is required",
        ":2: column direction: a value is required",
        ":2: column date: a value is required",
        ":2: column formal: a value is required",
    ]


def test_dates_impossible_and_malformed(session, folder):
    path = write(folder, "learners.csv",
                 "learner_id,first_name,last_name,intake_date,date_of_birth\nL1,A,B,2026-02-30,4/5/1980\n")
    assert problems_of(session, "learners", path) == [
        ":2: column intake_date: 2026-02-30 is not a real date",
        ":2: column date_of_birth: '4/5/1980' is not a date; write dates as YYYY-MM-DD",
    ]


def test_bad_boolean(session, folder):
    path = write(folder, "learners.csv",
                 "learner_id,first_name,last_name,intake_date,consent_to_share\nL1,A,B,2026-02-03,oui\n")
    assert problems_of(session, "learners", path) == [
        ":2: column consent_to_share: 'oui' is not yes or no (write yes/no, true/false or 1/0)"
    ]


def test_unknown_codes_name_the_valid_list(session, folder):
    path = write(folder, "partners.csv", "partner_id,name,org_type\nP1,Library,public_libary\n")
    assert problems_of(session, "partners", path) == [
        ":2: column org_type: unknown code 'public_libary' (did you mean public_library?); valid: one of the "
        "42 org_type codes (ontario_works, odsp, employment_services, other_lbs, …)"
    ]
    path = write(folder, "learners.csv", "learner_id,first_name,last_name,intake_date,goal_path\nL1,A,B,2026-02-03,work\n")
    assert problems_of(session, "learners", path) == [
        ":2: column goal_path: unknown code 'work'; valid: employment, apprenticeship, secondary_school_credit, "
        "postsecondary, independence"
    ]


def test_inquiry_channel_and_source_codes(session, folder):
    path = write(folder, "inquiries.csv", "inquiry_id,date,channel,source\nI1,2026-01-02,fax,flyer\n")
    assert problems_of(session, "inquiries", path) == [
        ":2: column channel: unknown code 'fax'; valid: phone, walk_in, email, other",
        ":2: column source: unknown code 'flyer'; valid: one of the 42 org_type codes (ontario_works, odsp, "
        "employment_services, other_lbs, …) or self, word_of_mouth, media, website, social_media, other_informal",
    ]


def test_too_long_values_are_refused(session, folder):
    path = write(folder, "learners.csv", f"learner_id,first_name,last_name,intake_date\n{'K' * 61},A,B,2026-02-03\n")
    assert problems_of(session, "learners", path) == [":2: column learner_id: too long (61 characters; at most 60)"]


def test_duplicate_keys_within_the_file(session, folder):
    path = write(folder, "partners.csv", "partner_id,name,org_type\nP1,A,housing\nP2,B,housing\n P1 ,C,housing\n")
    assert problems_of(session, "partners", path) == [
        ":4: column partner_id: P1 appears more than once in the file (first on line 2)"
    ]


def test_references_to_unknown_learners_and_partners(with_partners_and_learners, folder):
    session = with_partners_and_learners
    text = ("referral_id,learner_id,direction,date,partner_id,formal\n"
            "R1,L1,in,2026-01-05,P9,yes\nR2,L9,out,2026-01-05,P1,yes\n")
    assert problems_of(session, "referrals", write(folder, "referrals.csv", text)) == [
        ":2: column partner_id: no partner P9 in the database (import the partners first)",
        ":3: column learner_id: no learner L9 in the database (import the learners first)",
    ]


def test_exit_before_intake(session, folder):
    path = write(folder, "learners.csv",
                 "learner_id,first_name,last_name,intake_date,exit_date\nL1,A,B,2026-02-03,2026-02-02\nL2,A,B,2026-02-03,2026-02-03\n")
    assert problems_of(session, "learners", path) == [":2: column exit_date: 2026-02-02 is before intake_date 2026-02-03"]


def test_exit_before_intake_against_the_stored_intake(session, folder):
    import_csv(session, "learners", write(folder, "learners.csv", LEARNERS_CSV))
    # intake_date is required, so every row carries it; an existing learner's new exit is checked too
    path = write(folder, "l2.csv", "learner_id,first_name,last_name,intake_date,exit_date\nL2,Jean,Roy,2026-04-01,\nL1,Marie,Côté,2026-01-05,2025-12-31\n")
    assert problems_of(session, "learners", path) == [":3: column exit_date: 2025-12-31 is before intake_date 2026-01-05"]


REFERRAL_HEADER = "referral_id,learner_id,direction,date,partner_id,source,formal\n"


@pytest.mark.parametrize(
    "row, expected",
    [
        ("R1,L1,in,2026-01-05,P1,self,no", [":2: give either partner_id or source, not both"]),
        ("R1,L1,in,2026-01-05,,,no",
         [":2: give partner_id (the organization that referred) or source (an informal referral in); both are empty"]),
        ("R1,L1,in,2026-01-05,,word_of_mouth,yes",
         [":2: column formal: a referral from an informal source (word_of_mouth) is never formal; write no"]),
        ("R1,L1,out,2026-01-05,,self,no",
         [":2: column partner_id: an out referral always goes to a partner; give partner_id instead of source self"]),
        ("R1,L1,out,2026-01-05,,,yes", [":2: column partner_id: an out referral always has a partner"]),
        ("R1,L1,sideways,2026-01-05,P1,,yes", [":2: column direction: unknown code 'sideways'; valid: in, out"]),
        ("R1,L1,in,2026-01-05,,employer,no",
         [":2: column source: unknown code 'employer'; valid: self, word_of_mouth, media, website, social_media, "
          "other_informal"]),
    ],
)
def test_referral_rules(with_partners_and_learners, folder, row, expected):
    path = write(folder, "referrals.csv", REFERRAL_HEADER + row + "\n")
    assert problems_of(with_partners_and_learners, "referrals", path) == expected


def test_referral_rules_accept_the_valid_shapes(with_partners_and_learners, folder):
    text = REFERRAL_HEADER + "R1,L1,in,2026-01-05,P1,,yes\nR2,L1,in,2026-01-05,,self,no\nR3,L1,out,2026-01-05,P2,,no\n"
    assert import_csv(with_partners_and_learners, "referrals", write(folder, "r.csv", text)).created == 3


def test_inquiry_learner_must_exist(session, folder):
    path = write(folder, "inquiries.csv", "inquiry_id,date,channel,learner_id\nI1,2026-01-02,phone,L404\n")
    assert problems_of(session, "inquiries", path) == [
        ":2: column learner_id: no learner L404 in the database (import the learners first)"
    ]


# --- garbage never escapes as anything but a message -----------------------------------------

GARBAGE_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@GARBAGE_SETTINGS
@given(kind=st.sampled_from(sorted(KINDS)), data=st.binary(max_size=300))
def test_random_bytes_give_only_import_errors(session, tmp_path, kind, data):
    path = tmp_path / "garbage.csv"
    path.write_bytes(data)
    try:
        import_csv(session, kind, path, dry_run=True)
    except LbsDeskError:
        pass


CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "yes", "no", "2026-01-05", "2026-02-30", "in", "out", "P1", "L1", "self", "housing",
                     "phone", "initial", "employment", '"', ",", "\n", "\r", "\x00", "\ufeff"]),
)


@GARBAGE_SETTINGS
@given(kind=st.sampled_from(sorted(KINDS)), rows=st.lists(st.lists(CELL, max_size=14), max_size=5),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1"]))
def test_random_rows_under_a_real_header_give_only_import_errors(database, tmp_path, kind, rows, encoding):
    header = ",".join(KINDS[kind].column_names)
    body = "\n".join(",".join(cells) for cells in rows)
    path = tmp_path / "random.csv"
    path.write_bytes((header + "\n" + body).encode(encoding, errors="replace"))
    session = database.session_factory()
    try:
        session.execute(select(1))
        import_csv(session, "partners", write(tmp_path, "p.csv", "partner_id,name,org_type\nP1,A,housing\n"))
        import_csv(session, "learners", write(tmp_path, "l.csv", "learner_id,first_name,last_name,intake_date\nL1,A,B,2026-01-01\n"))
        import_csv(session, kind, path)
    except LbsDeskError:
        pass
    finally:
        session.rollback()
        session.close()


def test_old_mac_line_endings_and_multiline_cells_keep_line_numbers(session, folder):
    text = 'inquiry_id,date,channel,notes\rI1,2026-01-02,phone,"one\r\ntwo"\rI2,2026-01-32,phone,\r'
    assert problems_of(session, "inquiries", write(folder, "inquiries.csv", text)) == [
        ":4: column date: 2026-01-32 is not a real date"
    ]


def test_a_line_that_is_not_csv_is_named(session, folder):
    text = "inquiry_id,date,channel,notes\nI1,2026-01-02,phone," + '"' + "x" * 200_000 + '"\n'
    assert problems_of(session, "inquiries", write(folder, "inquiries.csv", text)) == [
        ":2: cannot read this line as CSV (field larger than field limit (131072))"
    ]


def test_audit_entries_name_the_staff_member(session, folder):
    staff = Staff(name="Ann Lee")
    session.add(staff)
    session.flush()
    session.info["staff_id"] = staff.id
    import_csv(session, "partners", write(folder, "partners.csv", PARTNERS_CSV))
    entries = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "partner")).all()
    assert [(e.action, e.staff_id) for e in entries] == [("import", staff.id)] * 2


def test_rows_changed_in_many_different_ways_are_all_updated(session, folder):
    header = "learner_id,first_name,last_name,intake_date,phone,email,goal_path,exit_reason,consent_to_share\n"
    before = "".join(f"L{i},A{i},B{i},2026-01-01,,,,,\n" for i in range(32))
    import_csv(session, "learners", write(folder, "before.csv", header + before))
    after_rows, expected_audits = [], 0
    for i in range(32):  # 31 different sets of changed columns, and one unchanged row
        bits = [bool(i & (1 << b)) for b in range(5)]
        expected_audits += sum(bits)
        after_rows.append(",".join([
            f"L{i}", f"A{i}", f"B{i}", "2026-01-01",
            f"613-555-{i:04d}" if bits[0] else "", f"p{i}@example.org" if bits[1] else "",
            "employment" if bits[2] else "", "Found work" if bits[3] else "", "yes" if bits[4] else "",
        ]))
    result = import_csv(session, "learners", write(folder, "after.csv", header + "\n".join(after_rows) + "\n"))
    assert (result.updated, result.unchanged) == (31, 1)
    assert session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "update")) == expected_audits
    got = session.execute(select(Learner.learner_key, Learner.phone, Learner.email, Learner.goal_path,
                                 Learner.exit_reason, Learner.consent_to_share, Learner.search_text)).all()
    by_key = {row[0]: row for row in got}
    assert by_key["L31"][1:6] == ("613-555-0031", "p31@example.org", "employment", "Found work", True)
    assert by_key["L1"][1:6] == ("613-555-0001", None, None, None, None)
    assert "6135550031" in by_key["L31"][6]
    assert import_csv(session, "learners", write(folder, "again.csv", header + "\n".join(after_rows) + "\n")).unchanged == 32
