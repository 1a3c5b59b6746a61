"""Benchmark (run on demand): ``--smoke`` startup and memory, and search-as-you-type, at 100,000 learners.

    python tests/bench/bench_smoke_startup.py [--learners 100000] [--runs 5] [--keep DB]

Builds a database of N learners (Core bulk insert of realistic-looking learners), then
1. runs ``run_app(url, smoke=True)`` in a fresh interpreter several times and prints each run's
   ``startup_ms`` (from process start to the learner list's first paint) and peak RSS;
   goals: under 1500 ms and under 300 MB;
2. in this process, times the learner model's filter + first screen of rows for each keystroke of a
   few searches (goal: under 50 ms each), and a scroll from top to bottom.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert  # noqa: E402

from lbsdesk.db.engine import sqlite_url  # noqa: E402
from lbsdesk.db.migrate import open_database  # noqa: E402
from lbsdesk.db.models import Learner  # noqa: E402
from lbsdesk.domain.codes import GOAL_PATHS, PLAN_STAGES  # noqa: E402
from lbsdesk.domain.text import learner_search_text  # noqa: E402

FIRST = "Marie Jean Luc Anne Pierre Sophie Daniel Chloé Noah Emma Liam Olivia Ethan Zoé Félix Amélie Hélène Kevin Sarah Tyler".split()
LAST = "Côté Tremblay Gagnon Roy Smith Brown Wilson Martin Lévesque Bouchard Campbell Stewart Morin Fortin Singh Chen Nguyen Bélanger Cardinal Whitehead".split()

SMOKE = "import sys; from lbsdesk.ui.app import run_app; sys.exit(run_app(sys.argv[1], smoke=True))"
SEARCHES = ("marie", "cote", "tremb", "L0500", "705-555")
_QT_APP = None


def build(path: Path, learners: int) -> None:
    db = open_database(sqlite_url(path))
    rng = random.Random(7)
    today = date.today()
    rows = []
    with db.session() as session:
        for n in range(1, learners + 1):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            key = f"L{n:06d}"
            phone = f"705-555-{rng.randrange(10000):04d}"
            intake = today - timedelta(days=rng.randrange(3 * 365))
            exited = rng.random() < 0.4
            rows.append(
                dict(
                    learner_key=key, first_name=first, last_name=last, phone=phone,
                    date_of_birth=date(1950 + rng.randrange(50), 1 + rng.randrange(12), 1 + rng.randrange(28)),
                    intake_date=intake, exit_date=intake + timedelta(days=90) if exited and intake + timedelta(days=90) <= today else None,
                    goal_path=rng.choice(GOAL_PATHS.codes), stage=rng.choice(PLAN_STAGES.codes),
                    consent_to_share=rng.random() < 0.8,
                    search_text=learner_search_text(first, last, key, phone),
                )
            )
            if len(rows) == 5000:
                session.execute(insert(Learner), rows)
                rows.clear()
        if rows:
            session.execute(insert(Learner), rows)
    db.dispose()


def smoke_runs(url: str, runs: int) -> list[tuple[int, int, float]]:
    """(startup_ms, rows, peak RSS in MB) of each run, the RSS from the kernel's accounting of that child."""
    results = []
    for _ in range(runs):
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            process = subprocess.Popen([sys.executable, "-c", SMOKE, url], stdout=out, stderr=err)
            _pid, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            if process.returncode != 0:
                raise SystemExit(f"smoke failed ({process.returncode}): {err.read().decode()}")
            figures = json.loads(out.read().decode().strip().splitlines()[-1])
        results.append((figures["startup_ms"], figures["rows"], usage.ru_maxrss / 1024))
    return results


def keystrokes(url: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from lbsdesk.ui.learner_table_model import LearnerTableModel

    global _QT_APP
    _QT_APP = QApplication.instance() or QApplication([])
    db = open_database(url)
    model = LearnerTableModel(db)
    started = time.perf_counter()
    model.start()
    print(f"first query (all learners, sorted by name): {(time.perf_counter() - started) * 1000:.1f} ms, {model.rowCount():,} rows")
    timings = []
    for text in SEARCHES:
        for end in range(1, len(text) + 1):
            started = time.perf_counter()
            model.set_search(text[:end])
            for row in range(min(40, model.rowCount())):  # one screen of rows
                for column in range(model.columnCount()):
                    model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            print(f"  {text[:end]!r:12} {model.rowCount():>7,} rows  {elapsed:6.1f} ms")
        model.set_search("")
    print(f"per keystroke: median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms (goal < 50 ms)")
    for code in ("active", "exited", "no_formal_referral", "follow_up_due", "all"):
        started = time.perf_counter()
        model.set_filter(code)
        for row in range(min(40, model.rowCount())):
            model.index(row, 1).data()
        print(f"  filter {code:20} {model.rowCount():>7,} rows  {(time.perf_counter() - started) * 1000:6.1f} ms")
    started = time.perf_counter()
    worst = 0.0
    for top in range(0, model.rowCount(), 40):  # a screen at a time, top to bottom
        screen = time.perf_counter()
        for row in range(top, min(top + 40, model.rowCount())):
            model.index(row, 1).data()
        worst = max(worst, time.perf_counter() - screen)
    print(
        f"scroll top to bottom: {(time.perf_counter() - started):.2f} s for {model.rowCount():,} rows, "
        f"slowest screen {worst * 1000:.1f} ms"
    )
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database at this path")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.keep or Path(folder.name) / "bench.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.learners)
        print(f"built {args.learners:,} learners in {time.perf_counter() - started:.1f} s")
    url = sqlite_url(path)
    for number, (startup_ms, rows, rss_mb) in enumerate(smoke_runs(url, args.runs), start=1):
        print(f"smoke run {number}: startup_ms={startup_ms} rows={rows:,} peak_rss={rss_mb:.0f} MB")
    keystrokes(url)


if __name__ == "__main__":
    main()
