"""Benchmark: ``lbsdesk report monthly`` on a 100,000-learner demo database (goal: under 2 s).

    python tests/bench/bench_report_monthly.py [--learners 100000] [--db EXISTING.sqlite3]

Builds the demo database once (or uses --db), then times the whole command as a person runs it
(a fresh process: start-up, open, quick_check, queries, counting, JSON) for a few months, and the
counting service alone in-process.  Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build(path: Path, learners: int) -> None:
    from lbsdesk.db.engine import sqlite_url
    from lbsdesk.db.migrate import open_database
    from lbsdesk.services.demo_data import build_demo

    db = open_database(sqlite_url(path))
    started = time.perf_counter()
    with db.session() as session:
        build_demo(session, learners=learners, seed=1)
    db.dispose()
    print(f"built a {learners}-learner demo in {time.perf_counter() - started:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lbsdesk-bench-"))
    path = args.db or folder / "bench.sqlite3"
    if not args.db:
        build(path, args.learners)

    from datetime import date

    from lbsdesk.domain.calendar_rules import Month

    this_month = Month.of(date.today())
    months = [this_month.plus(-k) for k in (0, 1, 6, 11)]
    print(f"{'month':8} {'command (s)':>12} {'service (s)':>12}  active  closed  gaps")
    from lbsdesk.db.engine import sqlite_url
    from lbsdesk.db.migrate import open_database
    from lbsdesk.services.monthly_report import monthly_figures

    db = open_database(sqlite_url(path))
    command_times = []
    for month in months:
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "lbsdesk", "--db", str(path), "report", "monthly", "--month", str(month)],
            capture_output=True, text=True, check=True,
        )
        command_seconds = time.perf_counter() - started
        command_times.append(command_seconds)
        started = time.perf_counter()
        with db.session() as session:
            figures = monthly_figures(session, month)
        service_seconds = time.perf_counter() - started
        assert result.stdout.strip()
        print(
            f"{str(month):8} {command_seconds:12.2f} {service_seconds:12.2f}  {figures['learners']['active']:6}"
            f"  {figures['service_coordination']['closed_plans']:6}  {len(figures['gaps']):4}"
        )
    db.dispose()
    print(f"report monthly, whole command: median {statistics.median(command_times):.2f} s, worst {max(command_times):.2f} s (goal < 2 s)")


if __name__ == "__main__":
    main()
