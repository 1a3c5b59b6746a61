"""Benchmark: ``lbsdesk demo --learners N`` into a fresh temporary database (goal: 100,000 in < 2 min).

Run on demand:  python tests/bench/bench_demo.py [--learners N] [--seed S]
Prints the seconds taken (building and committing), the rows per table, the database size and the
peak resident memory of this process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.migrate import open_database
from lbsdesk.db.models import Base
from lbsdesk.services.demo_data import build_demo

GOAL_SECONDS = 120


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="lbsdesk-bench-") as folder:
        path = Path(folder) / "demo.sqlite3"
        database = open_database(sqlite_url(path))
        rss_before = peak_rss_mb()
        last = [0.0]

        def progress(step: str, done: int, total: int) -> None:
            now = time.perf_counter()
            if now - last[0] > 5 or done == total:
                last[0] = now
                print(f"  {now - started:6.1f} s  {step} {done}/{total}", flush=True)

        started = time.perf_counter()
        with database.session() as session:
            summary = build_demo(session, learners=args.learners, seed=args.seed, progress=progress)
            built = time.perf_counter() - started
        seconds = time.perf_counter() - started

        print(f"demo --learners {args.learners}: {seconds:.1f} s "
              f"(built {built:.1f} s, commit {seconds - built:.1f} s); goal < {GOAL_SECONDS} s: "
              f"{'met' if seconds < GOAL_SECONDS else 'MISSED'}")
        with database.engine.connect() as connection:
            total = 0
            for table in Base.metadata.sorted_tables:
                rows = connection.execute(select(func.count()).select_from(table)).scalar()
                total += rows
                if rows:
                    print(f"  {table.name:24} {rows:>10,}")
            print(f"  {'total rows':24} {total:>10,}  ({total / seconds:,.0f} rows/s)")
        database.dispose()
        size = sum(p.stat().st_size for p in Path(folder).iterdir() if p.name.startswith("demo.sqlite3"))
        print(f"database size: {size / 1e6:.1f} MB")
        print(f"peak RSS: {peak_rss_mb():.0f} MB (before the demo: {rss_before:.0f} MB)")
        print(f"rows written by the demo (DemoSummary): {summary.total_rows:,}; the rest were seeded by the migrations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
