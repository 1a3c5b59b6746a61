"""Benchmark: the fiscal-year figures of a 100,000-learner demo database (goal: a few seconds).

    python tests/bench/bench_fiscal_year.py [--learners 100000] [--db EXISTING.sqlite3]

Builds the demo database once (or uses --db), refreshes the planner's statistics, then times
``fiscal_year_figures`` for the current fiscal year (and the previous, complete one) against twelve
plain calls of ``monthly_figures`` (what the year would cost without sharing the fetched rows), and
the two exports.  Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lbsdesk-bench-"))
    path = args.db or folder / "bench.sqlite3"
    if not args.db or not path.exists():
        build(path, args.learners)

    from lbsdesk.db.engine import sqlite_url
    from lbsdesk.db.migrate import open_database
    from lbsdesk.domain.calendar_rules import FiscalYear
    from lbsdesk.services.fiscal_year import export_fiscal_year_csv, export_fiscal_year_xlsx, fiscal_year_figures
    from lbsdesk.services.monthly_report import monthly_figures

    db = open_database(sqlite_url(path))
    db.refresh_statistics()
    this_year = FiscalYear.of(date.today())
    for fiscal_year in (this_year, FiscalYear(this_year.start_year - 1)):
        with db.session() as session:
            started = time.perf_counter()
            figures = fiscal_year_figures(session, fiscal_year)
            shared = time.perf_counter() - started
            past = [row.first_month for row in figures.months if not row.future]
            started = time.perf_counter()
            for month in past:
                monthly_figures(session, month)
            plain = time.perf_counter() - started
        print(
            f"fiscal year {fiscal_year}: {len(past)} months counted, fiscal_year_figures {shared:.2f} s "
            f"({len(past)} plain monthly_figures calls take {plain:.2f} s); "
            f"served in the year {figures.year.learners_served}, coordination {figures.year.coordination_percent}%"
        )
        started = time.perf_counter()
        export_fiscal_year_csv(figures, folder / f"{fiscal_year}.csv")
        export_fiscal_year_xlsx(figures, folder / f"{fiscal_year}.xlsx")
        print(f"  CSV + Excel export: {time.perf_counter() - started:.2f} s")
    db.dispose()


if __name__ == "__main__":
    main()
