"""Benchmark: the monthly sheet view opening a month of a 100,000-learner database (goal: under 1 s).

    python tests/bench/bench_monthly_sheet_view.py [--learners 100000] [--db EXISTING.sqlite3] [--runs 3]

Builds the demo agency (or uses --db, which must hold a demo), refreshes the planner statistics as
the app does after a bulk load, then, offscreen, times from asking the view for last month to the
view filled (``month_loaded``), and the pieces: ``monthly_figures`` alone and ``load_month_sheet``
(figures + the lists' names and phones).  The counting runs on a worker thread, so the window keeps
painting meanwhile; the longest gap between two GUI-thread timer ticks is printed as "GUI stall".
Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
    print(f"built a {learners}-learner demo in {time.perf_counter() - started:.1f} s")


def measure(path: Path, runs: int) -> None:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from lbsdesk.db.engine import sqlite_url
    from lbsdesk.db.migrate import open_database
    from lbsdesk.services.month_records import load_month_sheet
    from lbsdesk.services.monthly_report import monthly_figures
    from lbsdesk.ui.monthly_sheet_pane import MonthlySheetPane

    app = QApplication.instance() or QApplication([])
    db = open_database(sqlite_url(path))
    pane = MonthlySheetPane(db)
    month = pane.default_month()
    for run in range(runs):
        with db.session() as session:
            started = time.perf_counter()
            figures = monthly_figures(session, month)
            counted = time.perf_counter() - started
        with db.session() as session:
            started = time.perf_counter()
            sheet = load_month_sheet(session, month)
            loaded = time.perf_counter() - started
        print(f"run {run + 1}: monthly_figures {counted:.2f} s; load_month_sheet {loaded:.2f} s "
              f"(active {figures['learners']['active']:,}, gap list {len(sheet.gaps):,}, "
              f"not in CaMS {len(sheet.not_in_cams):,}, follow-ups {len(sheet.follow_ups_due):,})")

    pane.resize(1280, 800)
    for run in range(runs):
        loop = QEventLoop()
        pane.month_loaded.connect(loop.quit)
        ticks = QElapsedTimer()
        worst = [0]
        ticker = QTimer()
        ticker.setInterval(10)

        def tick() -> None:
            worst[0] = max(worst[0], ticks.restart())

        ticker.timeout.connect(tick)
        started = time.perf_counter()
        ticks.start()
        ticker.start()
        if run == 0:
            pane.show()  # the first show asks for last month
        else:
            pane.show_month(month)
        loop.exec()
        app.processEvents()
        elapsed = time.perf_counter() - started
        ticker.stop()
        pane.month_loaded.disconnect(loop.quit)
        print(f"view run {run + 1}: asked for {month} -> view filled in {elapsed:.2f} s; "
              f"GUI stall {worst[0]} ms (worst gap between 10 ms ticks)")
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = None if args.db else Path(tempfile.mkdtemp(prefix="lbsdesk-bench-sheet-view-"))
    path = args.db or folder / "bench.sqlite3"
    try:
        if folder is not None:
            build(path, args.learners)
        measure(path, args.runs)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
