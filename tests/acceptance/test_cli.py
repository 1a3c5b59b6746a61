"""The command line end to end: exit codes, messages a person can act on, never a traceback."""

import json
import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from lbsdesk.cli import main
from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.migrate import open_database
from lbsdesk.db.models import Learner, Partner, Referral


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _one_learner(db_path):
    db = open_database(sqlite_url(db_path))
    with db.session() as session:
        partner = Partner(partner_key="P1", name="Ontario Works", org_type="ontario_works")
        learner = Learner(learner_key="L1", first_name="Marie", last_name="Côté", intake_date=date(2026, 9, 3))
        session.add_all([partner, learner])
        session.flush()
        session.add(Referral(referral_key="R1", learner_id=learner.id, direction="in", referral_date=date(2026, 9, 3),
                             partner_id=partner.id, formal=True))
    db.dispose()


def test_init_creates_the_database_and_check_calls_it_sound(capsys, db_path):
    assert run(capsys, "--db", db_path, "init")[0] == 0
    assert db_path.exists()
    code, _, err = run(capsys, "check", "--db", db_path)
    assert code == 0
    assert "is sound" in err


def test_the_default_database_is_in_the_user_data_folder(capsys):
    from lbsdesk.paths import default_database_path

    assert not default_database_path().exists()
    assert run(capsys, "init")[0] == 0
    assert default_database_path().exists()
    assert default_database_path().parent.name == "LBS Desk"


def test_report_monthly_json_to_stdout_and_csv_to_a_file(capsys, db_path, tmp_path):
    _one_learner(db_path)
    code, out, _ = run(capsys, "--db", db_path, "report", "monthly", "--month", "2026-09")
    assert code == 0
    figures = json.loads(out)
    assert figures["month"] == "2026-09"
    assert figures["learners"]["new"] == 1
    assert figures["referrals_in"] == {"total": 1, "formal": 1, "by_type": {"ontario_works": 1}}
    assert figures["not_in_cams"] == ["R1"]

    out_file = tmp_path / "sept.csv"
    assert run(capsys, "--db", db_path, "report", "monthly", "--month", "2026-09", "--format", "csv", "--out", out_file)[0] == 0
    assert "referrals_in.by_type,ontario_works,1" in out_file.read_text()


@pytest.mark.parametrize(
    "args",
    [
        ["report", "monthly"],  # --month is required
        ["report", "monthly", "--month", "2026-13"],
        ["import", "pupils", "x.csv"],
        ["demo", "--learners", "many"],
        ["no-such-command"],
    ],
)
def test_a_wrong_command_line_exits_2_with_usage(capsys, args):
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_a_file_that_is_not_a_database_gets_a_message_and_exit_1(capsys, tmp_path):
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("hello")
    code, _, err = run(capsys, "--db", not_a_db, "report", "monthly", "--month", "2026-09")
    assert code == 1
    assert "not an LBS Desk database" in err


def test_another_programs_database(capsys, tmp_path):
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("create table invoices (id integer)")
    code, _, err = run(capsys, "--db", other, "init")
    assert code == 1 and "not an LBS Desk database" in err
    code, _, err = run(capsys, "--db", other, "check")
    assert code == 1 and "NOT sound" in err


def test_backup_and_restore_keep_a_safety_copy(capsys, db_path, tmp_path):
    _one_learner(db_path)
    backup = tmp_path / "copy.sqlite3"
    code, _, err = run(capsys, "--db", db_path, "backup", "--out", backup)
    assert code == 0 and backup.exists()

    db = open_database(sqlite_url(db_path))
    with db.session() as session:
        session.add(Learner(learner_key="L2", first_name="Ann", last_name="Roy", intake_date=date(2026, 9, 4)))
    db.dispose()

    code, _, err = run(capsys, "--db", db_path, "restore", backup)
    assert code == 0
    assert "1 learners" in err and "kept as" in err
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("select learner_key from learner").fetchall() == [("L1",)]
    safety = list((db_path.parent / "backups").glob("agency.before-restore-*.sqlite3"))
    assert len(safety) == 1
    with sqlite3.connect(safety[0]) as connection:
        assert connection.execute("select count(*) from learner").fetchone()[0] == 2


def test_restore_refuses_a_file_that_is_not_a_backup(capsys, db_path, tmp_path):
    _one_learner(db_path)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all")
    code, _, err = run(capsys, "--db", db_path, "restore", junk)
    assert code == 1 and "not an LBS Desk backup" in err
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("select count(*) from learner").fetchone()[0] == 1


def test_backup_while_another_connection_is_writing(capsys, db_path, tmp_path):
    _one_learner(db_path)
    writer = sqlite3.connect(db_path)
    writer.execute("begin")
    writer.execute("update learner set phone = '555-0199'")
    try:
        code, _, _ = run(capsys, "--db", db_path, "backup", "--out", tmp_path / "during.sqlite3")
    finally:
        writer.rollback()
        writer.close()
    assert code == 0
    with sqlite3.connect(tmp_path / "during.sqlite3") as copy:
        assert copy.execute("select phone from learner").fetchone()[0] is None


def test_check_finds_rule_breaking_data(capsys, db_path):
    _one_learner(db_path)
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute("update learner set exit_date = '2026-01-01'")
    code, _, err = run(capsys, "--db", db_path, "check")
    assert code == 1
    assert "1 learners exit before their intake: L1" in err


def test_python_dash_m_runs_the_same_program(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "lbsdesk", "--db", str(tmp_path / "x.sqlite3"), "report", "monthly", "--month", "2027-03"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["fiscal_year"] == "2026-2027"


def test_a_writing_command_is_refused_while_another_copy_has_the_database(capsys, db_path, tmp_path):
    from lbsdesk.db.single_writer import WriterLock

    _one_learner(db_path)
    csv_file = tmp_path / "learners.csv"
    csv_file.write_text("learner_id,first_name,last_name,intake_date\nL2,Ann,Roy,2026-09-04\n", encoding="utf-8")
    with WriterLock(db_path):
        code, _, err = run(capsys, "--db", db_path, "import", "learners", csv_file)
        assert code == 1
        assert "open" in err and "read-only" in err
        # reading still works while the other copy writes
        assert run(capsys, "--db", db_path, "report", "monthly", "--month", "2026-09")[0] == 0
    assert run(capsys, "--db", db_path, "import", "learners", csv_file)[0] == 0


def test_restore_an_encrypted_backup_with_a_passphrase_file(capsys, db_path, tmp_path):
    from lbsdesk.db.encrypted_backup import encrypt_file

    _one_learner(db_path)
    plain = tmp_path / "plain.sqlite3"
    assert run(capsys, "--db", db_path, "backup", "--out", plain)[0] == 0
    encrypted = tmp_path / "usb.sqlite3.lbsenc"
    encrypt_file(plain, encrypted, "correct horse battery")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    code, _, err = run(capsys, "--db", db_path, "restore", encrypted, "--passphrase-file", wrong)
    assert code == 1 and "passphrase is wrong" in err
    right = tmp_path / "right.txt"
    right.write_text("correct horse battery\n")
    code, _, err = run(capsys, "--db", db_path, "restore", encrypted, "--passphrase-file", right)
    assert code == 0 and "1 learners" in err


def test_smoke_runs_as_a_command_and_prints_one_json_line(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "lbsdesk", "--db", str(tmp_path / "x.sqlite3"), "--smoke"],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert report["rows"] == 0 and report["startup_ms"] > 0


def test_the_app_without_a_screen_says_so(capsys, monkeypatch, tmp_path):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code, _, err = run(capsys, "--db", tmp_path / "x.sqlite3")
    assert code == 1
    assert "no screen" in err
