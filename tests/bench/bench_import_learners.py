"""Benchmark: `import learners` of 100,000 rows must take under 20 s (issue 2, "Speed").

A plain script, run on demand (never part of the ordinary test run):

    python tests/bench/bench_import_learners.py [--rows N] [--with-update]

It writes a realistic learners.csv to a temporary folder, imports it into a fresh database (the
import and the commit are timed together), then imports the same file again (every row unchanged),
and prints seconds, rows per second and the peak resident memory of the process.  With
``--with-update`` it then imports a different file with the same keys (nearly every field of every
row changes, so about nine audit entries per row), the worst case for an update.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.migrate import open_database
from lbsdesk.domain.codes import GOAL_PATHS, PLAN_STAGES
from lbsdesk.services.csv_columns import LEARNERS
from lbsdesk.services.csv_import import import_csv

GOAL_SECONDS = 20.0
FIRST_NAMES = ["Marie", "Jean", "Émilie", "François", "Sarah", "Michael", "Chloé", "Liam", "Noah", "Aisha",
               "Hélène", "Pierre", "Olivia", "Mohammed", "Gabrielle", "Ethan", "Zoé", "Daniel"]
LAST_NAMES = ["Côté", "Roy", "Tremblay", "Gagnon", "Smith", "Brown", "Wilson", "Bélanger", "Lavoie",
              "Martin", "Nguyen", "Singh", "Bouchard", "Campbell", "Fortin", "MacDonald", "Lévesque"]


def write_learners_csv(path: Path, rows: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    start = date(2025, 4, 1)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(LEARNERS.column_names)
        for number in range(1, rows + 1):
            intake = start + timedelta(days=rng.randrange(365))
            exited = rng.random() < 0.3
            exit_date = intake + timedelta(days=rng.randrange(20, 200)) if exited else None
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            consent = rng.random() < 0.8
            writer.writerow([
                f"L{number:06d}",
                first,
                last,
                date(1960 + rng.randrange(45), 1 + rng.randrange(12), 1 + rng.randrange(28)).isoformat(),
                f"613-555-{rng.randrange(10000):04d}",
                f"{first.lower()}.{number}@example.org" if rng.random() < 0.6 else "",
                intake.isoformat(),
                rng.choice(GOAL_PATHS.codes),
                "closure" if exited else rng.choice(PLAN_STAGES.codes[:4]),
                exit_date.isoformat() if exit_date else "",
                "Goal reached" if exited else "",
                "yes" if consent else "no",
                intake.isoformat() if consent else "",
            ])


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def timed_import(database, csv_path: Path) -> tuple[float, object]:  # noqa: ANN001
    started = time.perf_counter()
    with database.session() as session:
        result = import_csv(session, "learners", csv_path)
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--with-update", action="store_true",
                        help="also import a different file with the same keys (every row updated)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lbsdesk-bench-") as folder:
        csv_path = Path(folder) / "learners.csv"
        started = time.perf_counter()
        write_learners_csv(csv_path, args.rows)
        print(f"wrote {args.rows:,} rows ({csv_path.stat().st_size / 1e6:.1f} MB) in "
              f"{time.perf_counter() - started:.1f} s")
        database = open_database(sqlite_url(Path(folder) / "bench.sqlite3"))
        try:
            seconds, result = timed_import(database, csv_path)
            print(f"first import:  {seconds:6.2f} s  {args.rows / seconds:9,.0f} rows/s  {result}")
            again, result_again = timed_import(database, csv_path)
            print(f"re-import:     {again:6.2f} s  {args.rows / again:9,.0f} rows/s  {result_again}")
            if args.with_update:
                changed_path = Path(folder) / "learners-changed.csv"
                write_learners_csv(changed_path, args.rows, seed=3)
                updating, result_update = timed_import(database, changed_path)
                print(f"update all:    {updating:6.2f} s  {args.rows / updating:9,.0f} rows/s  {result_update}")
        finally:
            database.dispose()
        print(f"peak RSS: {peak_rss_mb():.0f} MB")
        verdict = "OK" if seconds < GOAL_SECONDS * args.rows / 100_000 else "TOO SLOW"
        print(f"goal: 100,000 rows under {GOAL_SECONDS:.0f} s -> {verdict}")
        return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
