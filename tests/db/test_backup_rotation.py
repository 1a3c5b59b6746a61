"""Automatic backups: consistent while writing, rotation, the second folder and its faults, listing."""

import errno
import sqlite3
from datetime import date, datetime, timedelta

import pytest

from lbsdesk.db import backup_rotation
from lbsdesk.db.backup import backup_database, write_problem_message
from lbsdesk.db.backup_rotation import (
    MISSING,
    MISSING_FOR_A_WEEK,
    OK,
    automatic_backup,
    backup_due,
    backup_status,
    last_backup_at,
    list_backups,
    opened_backup,
    rotate_backups,
    second_folder_status,
)
from lbsdesk.db.encrypted_backup import decrypt_file, is_encrypted_backup
from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.migrate import open_database
from lbsdesk.db.models import Learner, Partner, Referral
from lbsdesk.errors import DatabaseProblem

NOW = datetime(2026, 5, 14, 9, 30, 0)
PASSPHRASE = "maple syrup season"


def _add_learners(db_path, how_many, first_key=1):
    db = open_database(sqlite_url(db_path))
    with db.session() as session:
        partner = session.query(Partner).first()
        if partner is None:
            partner = Partner(partner_key="P1", name="Ontario Works", org_type="ontario_works")
            session.add(partner)
        for n in range(first_key, first_key + how_many):
            learner = Learner(learner_key=f"L{n:05d}", first_name="Sam", last_name=f"Tremblay {n}",
                              intake_date=date(2026, 4, 1))
            session.add(learner)
            session.flush()
            session.add(Referral(referral_key=f"R{n:05d}", learner_id=learner.id, direction="in",
                                 referral_date=date(2026, 4, 1), partner_id=partner.id, formal=True))
    db.dispose()


def _count(path, table="learner"):
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def _integrity(path):
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def agency(db_path):
    _add_learners(db_path, 4)
    return db_path


# --- the automatic backup -----------------------------------------------------------------------


def test_automatic_backup_is_written_beside_the_database_with_its_name(agency):
    outcome = automatic_backup(agency, now=NOW)
    assert outcome.ok and outcome.warning is None
    assert outcome.backup == agency.parent / "backups" / "agency-auto-20260514-093000.sqlite3"
    assert _count(outcome.backup) == 4 and _integrity(outcome.backup) == "ok"
    assert last_backup_at(agency) == NOW
    assert not backup_due(agency, NOW + timedelta(hours=23))
    assert backup_due(agency, NOW + timedelta(hours=24))


def test_a_database_never_backed_up_is_due(agency):
    assert last_backup_at(agency) is None
    assert backup_due(agency, NOW)


def test_a_manual_backup_counts_as_the_last_backup(agency):
    backup_database(sqlite_url(agency))
    assert last_backup_at(agency) is not None
    assert not backup_due(agency, datetime.now())


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_backup_while_another_connection_holds_an_open_write_transaction(agency, journal_mode):
    writer = sqlite3.connect(agency, timeout=5, isolation_level=None)
    writer.execute(f"PRAGMA journal_mode = {journal_mode}")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO learner (learner_key, first_name, last_name, intake_date, search_text, created_at, updated_at) "
        "VALUES ('L09999', 'Not', 'Committed', '2026-05-01', '', '2026-05-01', '2026-05-01')"
    )
    try:
        outcome = automatic_backup(agency, now=NOW)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert outcome.ok, outcome.warnings
    assert _integrity(outcome.backup) == "ok"
    assert _count(outcome.backup) == 4  # the committed state, not the half-done transaction
    with opened_backup(outcome.backup) as backup_db:  # and it opens in LBS Desk
        with backup_db.session() as session:
            assert session.query(Learner).count() == 4


def test_a_full_disk_gives_a_clear_message_and_no_partial_file(agency, monkeypatch):
    real_connect = sqlite3.connect

    def tiny_disk(target, *args, **kwargs):
        connection = real_connect(target, *args, **kwargs)
        if str(target).endswith(".partial"):
            connection.execute("PRAGMA max_page_count = 2")  # SQLite reports SQLITE_FULL past 2 pages
        return connection

    monkeypatch.setattr(sqlite3, "connect", tiny_disk)
    outcome = automatic_backup(agency, now=NOW)
    monkeypatch.undo()
    assert outcome.backup is None and not outcome.ok
    assert "is full" in outcome.warning and "Free some space" in outcome.warning
    assert [p.name for p in (agency.parent / "backups").iterdir() if "auto" in p.name] == []


def test_messages_for_a_read_only_and_a_vanished_folder(tmp_path):
    target = tmp_path / "stick" / "agency-auto-20260514-093000.sqlite3"
    assert "read-only" in write_problem_message(PermissionError(errno.EACCES, "Permission denied"), target)
    assert "read-only" in write_problem_message(OSError(errno.EROFS, "Read-only file system"), target)
    assert "not there any more" in write_problem_message(FileNotFoundError(errno.ENOENT, "gone"), target)
    assert "is full" in write_problem_message(sqlite3.OperationalError("database or disk is full"), target)


# --- the second folder ----------------------------------------------------------------------------


def test_a_copy_goes_to_the_second_folder(agency, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    outcome = automatic_backup(agency, second_folder=stick, now=NOW)
    assert outcome.ok and outcome.second_folder_status == OK
    assert outcome.second_copy == stick / "agency-auto-20260514-093000.sqlite3"
    assert _count(outcome.second_copy) == 4
    assert backup_status(agency, stick, NOW).second_folder_last_success_at == NOW


def test_the_copy_to_the_second_folder_is_encrypted_with_a_passphrase(agency, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    outcome = automatic_backup(agency, second_folder=stick, passphrase=PASSPHRASE, now=NOW)
    assert outcome.ok
    assert outcome.second_copy.name == "agency-auto-20260514-093000.sqlite3.lbsenc"
    assert is_encrypted_backup(outcome.second_copy)
    assert b"Tremblay" not in outcome.second_copy.read_bytes()
    plain = decrypt_file(outcome.second_copy, tmp_path / "plain.sqlite3", PASSPHRASE)
    assert _count(plain) == 4


def test_a_vanished_second_folder_is_a_warning_not_a_failure(agency, tmp_path):
    stick = tmp_path / "stick"  # unplugged: not there
    outcome = automatic_backup(agency, second_folder=stick, now=NOW)
    assert outcome.backup is not None and outcome.backup.exists()  # the backup on this PC is made
    assert outcome.second_copy is None
    assert outcome.second_folder_status == MISSING
    assert f"The second backup folder {stick} is not there" in outcome.warning
    assert "kept on this PC only" in outcome.warning
    assert not stick.exists()  # never created where the stick should be


def test_the_second_folder_missing_for_a_week_is_said_so(agency, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    assert automatic_backup(agency, second_folder=stick, now=NOW).ok
    stick.rename(tmp_path / "elsewhere")

    six_days = automatic_backup(agency, second_folder=stick, now=NOW + timedelta(days=6))
    assert six_days.second_folder_status == MISSING
    assert "missing for a week" not in six_days.warning

    eight_days = automatic_backup(agency, second_folder=stick, now=NOW + timedelta(days=8))
    assert eight_days.second_folder_status == MISSING_FOR_A_WEEK
    assert "has been missing for a week or more" in eight_days.warning
    assert "The last backup reached it on 2026-05-14" in eight_days.warning
    status = backup_status(agency, stick, NOW + timedelta(days=8))
    assert status.second_folder_status == MISSING_FOR_A_WEEK and "missing for a week" in status.warning
    assert status.last_backup_at == NOW + timedelta(days=8)


def test_a_second_folder_never_reached_warns_a_week_after_it_was_first_missed(agency, tmp_path):
    stick = tmp_path / "stick"
    assert automatic_backup(agency, second_folder=stick, now=NOW).second_folder_status == MISSING
    later = automatic_backup(agency, second_folder=stick, now=NOW + timedelta(days=7))
    assert later.second_folder_status == MISSING_FOR_A_WEEK


def test_second_folder_status_rules(tmp_path):
    assert second_folder_status(tmp_path, None, NOW) == OK
    gone = tmp_path / "gone"
    assert second_folder_status(gone, None, NOW) == MISSING
    assert second_folder_status(gone, NOW - timedelta(days=6, hours=23), NOW) == MISSING
    assert second_folder_status(gone, NOW - timedelta(days=7), NOW) == MISSING_FOR_A_WEEK


@pytest.mark.parametrize("error, words", [
    (OSError(errno.ENOSPC, "No space left on device"), "is full"),
    (PermissionError(errno.EACCES, "Permission denied"), "read-only"),
])
def test_a_failing_second_folder_leaves_no_partial_file_and_says_why(agency, tmp_path, monkeypatch, error, words):
    stick = tmp_path / "stick"
    stick.mkdir()

    def fails_half_way(source, out, length=0):
        out.write(source.read(1000))
        raise error

    monkeypatch.setattr(backup_rotation.shutil, "copyfileobj", fails_half_way)
    outcome = automatic_backup(agency, second_folder=stick, now=NOW)
    assert outcome.backup is not None and outcome.second_copy is None
    assert "The copy to the second backup folder failed" in outcome.warning and words in outcome.warning
    assert list(stick.iterdir()) == []


# --- rotation -------------------------------------------------------------------------------------


def _touch_daily(folder, first, last, hour=9, stem="agency"):
    folder.mkdir(parents=True, exist_ok=True)
    day = first
    while day <= last:
        (folder / f"{stem}-auto-{day:%Y%m%d}-{hour:02d}0000.sqlite3").write_bytes(b"")
        day += timedelta(days=1)


KEPT_AFTER_2026 = [
    # the newest of each of the 12 latest months
    "20260131", "20260228", "20260331", "20260430", "20260531", "20260630", "20260731", "20260831",
    "20260930", "20261031", "20261130",
    # the newest of each of the 4 latest ISO weeks (W50, W51; W52 and W53 are among the days)
    "20261213", "20261220",
    # the 7 latest days (Dec 27 is also W52's newest, Dec 31 W53's and December's)
    "20261225", "20261226", "20261227", "20261228", "20261229", "20261230", "20261231",
]


def _kept(folder, stem="agency"):
    return sorted(p.name.split("-auto-")[1][:8] for p in folder.iterdir()
                  if p.name.startswith(f"{stem}-auto-"))


def test_rotation_over_a_year_of_daily_backups_keeps_exactly_7_days_4_weeks_12_months(tmp_path):
    folder = tmp_path / "backups"
    _touch_daily(folder, date(2025, 12, 1), date(2026, 12, 31))
    (folder / "agency-20260315-101500.sqlite3").write_bytes(b"manual")
    (folder / "agency.before-restore-20260316-080000.sqlite3").write_bytes(b"safety")

    removed = rotate_backups(folder, datetime(2026, 12, 31, 23, 0))

    assert _kept(folder) == KEPT_AFTER_2026
    assert len(removed) == 396 - len(KEPT_AFTER_2026)
    assert (folder / "agency-20260315-101500.sqlite3").exists()  # manual backups are never touched
    assert (folder / "agency.before-restore-20260316-080000.sqlite3").exists()


def test_rotating_every_day_for_a_year_ends_with_the_same_set(tmp_path):
    folder = tmp_path / "backups"
    day = date(2025, 12, 1)
    while day <= date(2026, 12, 31):
        _touch_daily(folder, day, day)
        rotate_backups(folder, datetime.combine(day, datetime.min.time()).replace(hour=10))
        day += timedelta(days=1)
    assert _kept(folder) == KEPT_AFTER_2026


def test_a_long_break_never_wipes_out_the_recent_backups(tmp_path):
    folder = tmp_path / "backups"
    _touch_daily(folder, date(2026, 1, 1), date(2026, 1, 20))
    rotate_backups(folder, datetime(2027, 6, 1, 9, 0))  # back after 16 months
    kept = _kept(folder)
    assert kept[-7:] == [f"202601{d:02d}" for d in range(14, 21)]


def test_rotation_keeps_each_database_apart_and_leaves_encrypted_copies_in_the_set(tmp_path):
    folder = tmp_path / "stick"
    _touch_daily(folder, date(2026, 1, 1), date(2026, 3, 31), stem="agency")
    _touch_daily(folder, date(2026, 3, 1), date(2026, 3, 31), stem="training")
    for name in list(folder.iterdir()):
        if name.name.startswith("training"):
            name.rename(name.with_name(name.name + ".lbsenc"))
    rotate_backups(folder, datetime(2026, 3, 31, 12, 0))
    assert _kept(folder, "agency")[-7:] == [f"202603{d:02d}" for d in range(25, 32)]
    training = _kept(folder, "training")
    assert training[-7:] == [f"202603{d:02d}" for d in range(25, 32)]
    assert all(p.name.endswith(".lbsenc") for p in folder.iterdir() if p.name.startswith("training"))


def test_automatic_backups_rotate_as_they_are_made(agency):
    for day in range(40):
        automatic_backup(agency, now=NOW + timedelta(days=day))
    names = sorted(p.name for p in (agency.parent / "backups").glob("agency-auto-*.sqlite3"))
    assert len(names) < 14
    assert names[-1] == f"agency-auto-{NOW + timedelta(days=39):%Y%m%d-%H%M%S}.sqlite3"


# --- listing and looking inside ----------------------------------------------------------------------


def test_list_backups_shows_date_size_and_counts_newest_first(agency, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    automatic_backup(agency, now=NOW)
    _add_learners(agency, 2, first_key=10)
    automatic_backup(agency, second_folder=stick, passphrase=PASSPHRASE, now=NOW + timedelta(days=1))
    manual = backup_database(sqlite_url(agency), agency.parent / "backups" / "agency-20260516-080000.sqlite3")
    broken = agency.parent / "backups" / "agency-20260401-080000.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)

    listed = list_backups(agency, second_folder=stick)

    summary = [(b.made_at, b.location, b.automatic, b.encrypted, b.learners, b.referrals) for b in listed]
    assert summary[:4] == [
        (datetime(2026, 5, 16, 8, 0), "this PC", False, False, 6, 6),
        (NOW + timedelta(days=1), "this PC", True, False, 6, 6),
        (NOW + timedelta(days=1), "second folder", True, True, None, None),
        (NOW, "this PC", True, False, 4, 4),
    ]
    assert listed[0].path == manual and listed[0].size == manual.stat().st_size
    assert listed[-1].path == broken and listed[-1].problem and listed[-1].learners is None
    # counts are remembered, so listing again does not reread every file
    assert list_backups(agency, second_folder=stick)[:4] == listed[:4]


def test_a_backup_opens_read_only_to_look_something_up(agency, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    outcome = automatic_backup(agency, second_folder=stick, passphrase=PASSPHRASE, now=NOW)
    with opened_backup(outcome.second_copy, passphrase=PASSPHRASE) as backup_db:
        assert backup_db.read_only
        with backup_db.session() as session:
            assert session.query(Learner).filter_by(learner_key="L00002").one().last_name == "Tremblay 2"
        with pytest.raises(DatabaseProblem, match="open read-only"):
            with backup_db.session() as session:
                session.query(Learner).first().phone = "555-0100"
    with pytest.raises(DatabaseProblem, match="The passphrase is wrong"):
        with opened_backup(outcome.second_copy, passphrase="wrong passphrase"):
            pass


def test_the_newest_sound_backup_skips_damaged_and_encrypted_ones(agency, tmp_path):
    first = automatic_backup(agency, now=NOW).backup
    second = automatic_backup(agency, now=NOW + timedelta(days=1)).backup
    data = bytearray(second.read_bytes())
    data[5000:9000] = b"\xff" * 4000  # a damaged page in the newest one
    second.write_bytes(bytes(data))
    from lbsdesk.db.backup_rotation import newest_sound_backup

    assert newest_sound_backup(agency).path == first


def test_a_folder_name_with_hash_percent_and_spaces_works(tmp_path):
    folder = tmp_path / "Agency #2 100%"
    folder.mkdir()
    db_path = folder / "agency.sqlite3"
    _add_learners(db_path, 2)
    outcome = automatic_backup(db_path, now=NOW)
    assert outcome.ok, outcome.warnings
    assert list_backups(db_path)[0].learners == 2
    with opened_backup(outcome.backup) as backup_db:
        with backup_db.session() as session:
            assert session.query(Learner).count() == 2
