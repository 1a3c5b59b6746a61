"""Benchmark: the "Due" view over a 100,000-learner demo database (goal: under 1 s).

    python tests/bench/bench_due_view.py [--learners 100000] [--db EXISTING.sqlite3] [--runs 5]

Builds the demo agency into a temporary file database (or uses --db, which must hold a demo),
refreshes the planner statistics as the app does after a bulk load, then times ``due_items`` in a
fresh session per run (as the app does when it starts) and prints the seconds, the lines of each
kind, and each kind's query on its own.  Also times ``timeline_for`` on the learner with the most
history.  Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path


def build(path: Path, learners: int) -> None:
    from lbsdesk.db.engine import sqlite_url
    from lbsdesk.db.migrate import open_database
    from lbsdesk.services.demo_data import build_demo

    db = open_database(sqlite_url(path))
    started = time.perf_counter()
    with db.session() as session:
        build_demo(session, learners=learners, seed=1)
    db.refresh_statistics()
    db.dispose()
    print(f"built a {learners}-learner demo in {time.perf_counter() - started:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = None if args.db else Path(tempfile.mkdtemp(prefix="lbsdesk-bench-due-"))
    path = args.db or folder / "bench.sqlite3"
    try:
        if folder is not None:
            build(path, args.learners)
        measure(path, args.runs)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)  # a 100,000-learner demo is about 330 MB


def measure(path: Path, runs: int) -> None:

    from sqlalchemy import func, select

    from lbsdesk.db.engine import sqlite_url
    from lbsdesk.db.migrate import open_database
    from lbsdesk.db.models import CheckIn, Learner
    from lbsdesk.services.due_items import DUE_KINDS, due_counts, due_items
    from lbsdesk.services.timeline import timeline_for

    db = open_database(sqlite_url(path))
    db.refresh_statistics()
    today = date.today()
    with db.session() as session:
        learners = session.execute(select(func.count()).select_from(Learner)).scalar()
    print(f"{learners} learners, today {today.isoformat()}")

    times, cpu_times = [], []
    counts: dict[str, int] = {}
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        with db.session() as session:
            items = due_items(session, today)
        times.append(time.perf_counter() - started)
        cpu_times.append(time.process_time() - cpu_started)
        counts = due_counts(items)
    print(f"due view: median {statistics.median(times):.3f} s, best {min(times):.3f} s, worst {max(times):.3f} s "
          f"over {runs} runs (goal < 1 s); {sum(counts.values())} lines")
    print(f"  CPU time of this process: median {statistics.median(cpu_times):.3f} s "
          f"(load average {os.getloadavg()[0]:.1f}: a shared machine stretches the wall time, not this)")
    for kind in DUE_KINDS:
        with db.session() as session:
            started = time.perf_counter()
            due_items(session, today, kinds=[kind])
            seconds = time.perf_counter() - started
        print(f"  {kind:20} {counts[kind]:7} lines  {seconds:.3f} s alone")

    with db.session() as session:
        busiest = session.execute(
            select(CheckIn.learner_id).group_by(CheckIn.learner_id).order_by(func.count().desc()).limit(1)
        ).scalar()
        timeline_times = []
        for _ in range(5):
            started = time.perf_counter()
            timeline = timeline_for(session, busiest, today)
            timeline_times.append(time.perf_counter() - started)
    print(f"timeline data of the learner with the most check-ins ({len(timeline.events)} events, "
          f"{len(timeline.spans)} stages): median {statistics.median(timeline_times) * 1000:.1f} ms")
    db.dispose()


if __name__ == "__main__":
    main()
