"""Crash safety: writing processes killed with SIGKILL at random moments (a power cut, as far as the
database can tell) leave a sound database with every committed change, and each import whole or not
at all.  Fixed random seed; about 20 to 30 seconds."""

import csv
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.migrate import open_database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

SEED = 20260514
IMPORT_RUNS = 14
EDIT_RUNS = 10
ROWS_PER_IMPORT = 2000


def _integrity(db_path) -> str:
    connection = sqlite3.connect(db_path)  # opening recovers a hot journal / the WAL, as the app would
    try:
        return ", ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
    finally:
        connection.close()


def _keys(db_path, prefix) -> dict[str, str | None]:
    connection = sqlite3.connect(db_path)
    try:
        return dict(connection.execute(
            "SELECT learner_key, phone FROM learner WHERE learner_key LIKE ?", (prefix + "%",)
        ).fetchall())
    finally:
        connection.close()


def _write_csv(path, prefix):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["learner_id", "first_name", "last_name", "date_of_birth", "phone", "intake_date", "goal_path"])
        for n in range(ROWS_PER_IMPORT):
            writer.writerow([f"{prefix}{n:05d}", "Émilie", f"Gagnon {n}", "1980-02-03", f"705-555-{n % 10000:04d}",
                             "2026-04-01", "employment"])


def _import_command(db_path, csv_path):
    return [sys.executable, "-m", "lbsdesk", "--db", str(db_path), "import", "learners", str(csv_path)]


@pytest.fixture
def agency(tmp_path):
    db_path = tmp_path / "agency.sqlite3"
    open_database(sqlite_url(db_path)).dispose()
    return db_path


def _wal_size(db_path) -> int:
    try:
        return (db_path.with_name(db_path.name + "-wal")).stat().st_size
    except FileNotFoundError:
        return 0


def test_imports_killed_at_random_moments_are_whole_or_absent(agency, tmp_path):
    rng = random.Random(SEED)
    outcomes = []
    for run in range(IMPORT_RUNS):
        prefix = f"K{run:02d}-"
        csv_path = tmp_path / f"import{run}.csv"
        _write_csv(csv_path, prefix)
        process = subprocess.Popen(_import_command(agency, csv_path), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        if run % 2 == 0:
            # any moment from start-up to the end
            time.sleep(rng.uniform(0.2, 1.2))
        else:
            # aimed at the commit: the last connection's close removed the WAL, so pages appearing
            # in it mean the import is writing its transaction now
            deadline = time.monotonic() + 20
            while _wal_size(agency) == 0 and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.001)
            time.sleep(rng.uniform(0.0, 0.03))
        process.send_signal(signal.SIGKILL)
        returncode = process.wait(timeout=30)

        assert _integrity(agency) == "ok", f"run {run}"
        imported = len(_keys(agency, prefix))
        assert imported in (0, ROWS_PER_IMPORT), f"run {run}: {imported} of {ROWS_PER_IMPORT} rows kept"
        outcomes.append((returncode, imported))
    print("import runs (exit code, rows kept):", outcomes)

    assert any(code == -signal.SIGKILL for code, _ in outcomes)  # the kills did land during the work
    db = open_database(sqlite_url(agency))  # and LBS Desk opens it (quick_check at open)
    db.dispose()


_EDITOR = textwrap.dedent(
    """
    import sys
    from datetime import date
    from lbsdesk.db.engine import sqlite_url
    from lbsdesk.db.migrate import open_database
    from lbsdesk.services.learners import LearnerRecord, load_learner, save_learner

    db = open_database(sqlite_url(sys.argv[1]))
    prefix = sys.argv[2]
    print("ready", flush=True)
    n = 0
    while True:
        key = f"{prefix}{n:05d}"
        with db.session() as session:  # one learner added: one transaction
            learner_id = save_learner(session, LearnerRecord(
                learner_key=key, first_name="Luc", last_name=f"Bouchard {n}", intake_date=date(2026, 4, 1),
                stage="initial"), today=date(2026, 4, 1))
        print(f"added {key}", flush=True)
        with db.session() as session:  # one edit: another transaction
            record = load_learner(session, learner_id)
            record.phone = f"613-555-{n % 10000:04d}"
            save_learner(session, record, today=date(2026, 4, 1))
        print(f"phone {key} {record.phone}", flush=True)
        n += 1
    """
)


def test_edits_killed_at_random_moments_keep_every_committed_change(agency):
    rng = random.Random(SEED + 1)
    for run in range(EDIT_RUNS):
        prefix = f"E{run:02d}-"
        process = subprocess.Popen([sys.executable, "-c", _EDITOR, str(agency), prefix],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "ready", process.stderr.read()
        time.sleep(rng.uniform(0.05, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        reported = process.stdout.read().splitlines()

        assert _integrity(agency) == "ok", f"run {run}"
        in_database = _keys(agency, prefix)
        added = [line.split()[1] for line in reported if line.startswith("added ")]
        phones = dict(line.split()[1:] for line in reported if line.startswith("phone "))
        for key in added:
            assert key in in_database, f"run {run}: committed learner {key} was lost"
        for key, phone in phones.items():
            assert in_database[key] == phone, f"run {run}: committed edit of {key} was lost"
        # at most the one change in flight when the power went may be there without its report
        assert len(in_database) <= len(added) + 1
        unreported_phones = [k for k, v in in_database.items() if v is not None and k not in phones]
        assert len(unreported_phones) <= 1
    db = open_database(sqlite_url(agency))
    db.dispose()
