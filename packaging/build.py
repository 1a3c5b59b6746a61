"""Build the packaged program and run its self-checks.

    pip install pyinstaller            (once)
    python packaging/build.py          build dist/lbsdesk/ and check it (about a minute)
    python packaging/build.py --checks-only      check an existing dist/lbsdesk/ again

Steps:

1. ``pyinstaller --noconfirm --clean packaging/lbsdesk.spec`` (a one-folder build in ``dist/lbsdesk``);
2. on Linux, copy the desktop entry and the icons into the folder (``share/``) so
   ``packaging/linux/install.sh`` can install it for the current user;
3. run the frozen program offscreen on a temporary database and temporary user folders (nothing of
   the real user's data or settings is touched): ``--version``; ``--smoke`` on a fresh database;
   ``init``; ``demo --learners 200``; ``--smoke`` on the demo; ``report monthly`` for the current month;
   ``print sheet`` for the current month with the agency's logo set (it exercises ReportLab and
   Pillow in the bundle; skipped with a note when the command fails from the sources too, i.e. the
   printing is not finished); ``check``; and the refusal of a database from a newer version;
4. print each result, the build's size and the exclusions' savings, write the figures to
   ``build/selfcheck.json``, and exit 1 if any check failed.

Only the executable for the command line (``lbsdesk-cli``) is run: it is the same program as
``lbsdesk``, and on Windows only it has a console to print to.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "lbsdesk.spec"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
#: A check taking longer than this is stopped and counted as failed.
CHECK_TIMEOUT_S = 180


@dataclass
class CheckResult:
    name: str
    ok: bool
    seconds: float
    detail: str = ""
    skipped: bool = False


@dataclass
class BuildReport:
    folder: str
    size_bytes: int = 0
    executables: dict[str, int] = field(default_factory=dict)
    build_seconds: float | None = None
    excluded_files: dict[str, list[int]] = field(default_factory=dict)
    smoke_fresh: dict | None = None
    smoke_demo: dict | None = None
    checks: list[CheckResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(check.ok or check.skipped for check in self.checks)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def megabytes(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB"


# --- building ---------------------------------------------------------------------------------


def build(dist: Path, work: Path, *, keep_all: bool) -> float:
    env = dict(os.environ)
    if keep_all:
        env["LBSDESK_KEEP_ALL"] = "1"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    print("$ " + " ".join(command), flush=True)
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    log = work / "pyinstaller.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(completed.stdout + completed.stderr, encoding="utf-8")
    if completed.returncode != 0:
        print(completed.stderr[-4000:], file=sys.stderr)
        raise SystemExit(f"PyInstaller failed (exit {completed.returncode}); the whole log is in {log}")
    print(f"Built {dist / 'lbsdesk'} in {seconds:.0f} s (log: {log})", flush=True)
    return seconds


def add_linux_desktop_files(folder: Path) -> None:
    """share/applications/lbsdesk.desktop and share/icons/hicolor/<size>/apps/lbsdesk.png in the folder."""
    from lbsdesk.resources import ICON_NAME, ICON_SIZES

    applications = folder / "share" / "applications"
    applications.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "packaging" / "linux" / "lbsdesk.desktop", applications / "lbsdesk.desktop")
    shutil.copy2(ROOT / "packaging" / "linux" / "install.sh", folder / "install.sh")
    for size in ICON_SIZES:
        if size > 512:  # hicolor stops at 512
            continue
        target = folder / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "resources" / "icons" / f"{ICON_NAME}-{size}.png", target / f"{ICON_NAME}.png")
    scalable = folder / "share" / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "resources" / "icons" / f"{ICON_NAME}.svg", scalable / f"{ICON_NAME}.svg")


# --- the frozen self-checks -------------------------------------------------------------------


class Checker:
    def __init__(self, folder: Path, scratch: Path) -> None:
        self.cli = folder / f"lbsdesk-cli{EXE_SUFFIX}"
        self.scratch = scratch
        self.results: list[CheckResult] = []
        home = scratch / "home"
        self.env = dict(os.environ)
        self.env.update(
            QT_QPA_PLATFORM="offscreen",
            HOME=str(home),
            XDG_DATA_HOME=str(home / "data"),
            XDG_STATE_HOME=str(home / "state"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_CACHE_HOME=str(home / "cache"),
            LOCALAPPDATA=str(home / "localappdata"),
            APPDATA=str(home / "appdata"),
        )
        self.env.pop("LBSDESK_DATABASE_URL", None)
        self.env.pop("LBSDESK_RESOURCES", None)

    def run(self, name: str, args: list[str], *, frozen: bool = True) -> tuple[subprocess.CompletedProcess, float]:
        command = [str(self.cli), *args] if frozen else [sys.executable, "-m", "lbsdesk", *args]
        started = time.perf_counter()
        try:
            completed = subprocess.run(command, env=self.env, capture_output=True, text=True,
                                       timeout=CHECK_TIMEOUT_S, cwd=self.scratch)
        except subprocess.TimeoutExpired:
            completed = subprocess.CompletedProcess(command, -1, "", f"timed out after {CHECK_TIMEOUT_S} s")
        return completed, time.perf_counter() - started

    def record(self, name: str, ok: bool, seconds: float, detail: str = "", *, skipped: bool = False) -> None:
        result = CheckResult(name, ok, round(seconds, 3), detail.strip(), skipped)
        self.results.append(result)
        mark = "SKIP" if skipped else ("ok  " if ok else "FAIL")
        print(f"  [{mark}] {name:<44} {seconds:6.2f} s  {result.detail[:200]}", flush=True)

    def expect(self, name: str, args: list[str], *, contains: str | None = None, status: int = 0):
        completed, seconds = self.run(name, args)
        output = (completed.stdout + completed.stderr).strip()
        ok = completed.returncode == status and (contains is None or contains in output)
        detail = output.splitlines()[-1] if output else f"exit {completed.returncode}"
        if not ok:
            detail = f"exit {completed.returncode}: {output[-1500:]}"
        self.record(name, ok, seconds, detail)
        return completed if ok else None

    def smoke(self, name: str, db: Path, *, runs: int = 1) -> dict | None:
        """``--smoke`` ``runs`` times; its JSON figures with the median startup and whole-process times."""
        startups, walls, figures = [], [], {}
        for _ in range(runs):
            completed, seconds = self.run(name, ["--db", str(db), "--smoke"])
            try:
                figures = json.loads(completed.stdout.strip().splitlines()[-1]) if completed.returncode == 0 else None
            except (ValueError, IndexError):
                figures = None
            if figures is None or "startup_ms" not in figures:
                output = (completed.stdout + completed.stderr).strip()
                self.record(name, False, seconds, f"exit {completed.returncode}, no JSON line: {output[-1500:]}")
                return None
            self.record(name, True, seconds, json.dumps(figures))
            startups.append(figures["startup_ms"])
            walls.append(round(seconds, 3))
        figures["startup_ms"] = statistics.median(startups)
        figures["wall_s"] = statistics.median(walls)
        figures["runs"] = runs
        figures["wall_s_all"] = walls
        return figures


def set_agency_logo(db: Path) -> None:
    """Give the demo agency the program's icon as its logo, so printing exercises Pillow and PNG."""
    from dataclasses import replace

    from lbsdesk.db.engine import sqlite_url
    from lbsdesk.db.migrate import open_database
    from lbsdesk.services.agency import load_agency, save_agency

    database = open_database(sqlite_url(db))
    try:
        with database.session() as session:
            logo = (ROOT / "resources" / "icons" / "lbsdesk-128.png").read_bytes()
            save_agency(session, replace(load_agency(session), logo_png=logo))
    finally:
        database.dispose()


def run_checks(folder: Path, report: BuildReport, *, smoke_runs: int = 1) -> None:
    from lbsdesk import __version__

    scratch = Path(tempfile.mkdtemp(prefix="lbsdesk-selfcheck-"))
    try:
        checker = Checker(folder, scratch)
        month = date.today().strftime("%Y-%m")
        fresh, db = scratch / "fresh.sqlite3", scratch / "agency.sqlite3"
        print(f"Self-checks of {checker.cli} (offscreen, scratch folder {scratch}):", flush=True)

        checker.expect("--version", ["--version"], contains=__version__)
        report.smoke_fresh = checker.smoke("--smoke on a fresh database", fresh)
        checker.expect("init", ["--db", str(db), "init"], contains="Database ready")
        checker.expect("demo --learners 200", ["--db", str(db), "demo", "--learners", "200"], contains="200 learners")
        report.smoke_demo = checker.smoke("--smoke on the 200-learner demo", db, runs=smoke_runs)
        if report.smoke_demo is not None and report.smoke_demo.get("rows", 0) <= 0:
            checker.results[-1].ok = False
            checker.results[-1].detail = f"the learner list showed no rows: {report.smoke_demo}"

        completed = checker.expect(f"report monthly --month {month}", ["--db", str(db), "report", "monthly", "--month", month])
        if completed is not None:
            try:
                json.loads(completed.stdout)
            except ValueError:
                checker.results[-1].ok = False
                checker.results[-1].detail = "the report is not JSON"

        set_agency_logo(db)
        pdf = scratch / "sheet.pdf"
        completed, seconds = checker.run("print sheet", ["--db", str(db), "print", "sheet", "--month", month, "--out", str(pdf)])
        name = f"print sheet --month {month} (with logo)"
        if completed.returncode == 0 and pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-":
            checker.record(name, True, seconds, f"{pdf.stat().st_size:,} bytes of PDF")
        else:
            source_pdf = scratch / "sheet-from-source.pdf"
            from_source, _ = checker.run("print sheet (source)", ["--db", str(db), "print", "sheet", "--month", month,
                                                                 "--out", str(source_pdf)], frozen=False)
            output = (completed.stdout + completed.stderr).strip()
            if from_source.returncode != 0:
                checker.record(name, False, seconds, "skipped: it fails from the sources too (printing not finished): "
                               + (from_source.stderr.strip().splitlines() or [""])[-1], skipped=True)
            else:
                checker.record(name, False, seconds, f"exit {completed.returncode}: {output[-1500:]}")

        checker.expect("check", ["--db", str(db), "check"], contains="sound")

        newer = scratch / "from-a-newer-version.sqlite3"
        shutil.copy2(db, newer)
        with sqlite3.connect(newer) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        checker.expect("refuses a database from a newer version", ["--db", str(newer), "init"],
                       contains="newer version of LBS Desk", status=1)
        report.checks = checker.results
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def describe(report: BuildReport) -> None:
    print(f"\nBuild folder {report.folder}: {megabytes(report.size_bytes)}", flush=True)
    for name, size in report.executables.items():
        print(f"  {name}: {megabytes(size)}")
    if report.excluded_files:
        print("Files left out by the spec (bytes saved):")
        for reason, (size, count) in sorted(report.excluded_files.items(), key=lambda item: -item[1][0]):
            print(f"  {megabytes(size):>9}  {count:>3} files  {reason}")
    for label, figures in (("fresh database", report.smoke_fresh), ("200-learner demo", report.smoke_demo)):
        if figures:
            runs = f" (median of {figures['runs']})" if figures.get("runs", 1) > 1 else ""
            print(f"--smoke on a {label}: startup_ms {figures['startup_ms']}, whole process {figures['wall_s']:.2f} s{runs}")
    failed = [check.name for check in report.checks if not check.ok and not check.skipped]
    skipped = [check.name for check in report.checks if check.skipped]
    print(("FAILED: " + ", ".join(failed)) if failed else "All self-checks passed.", end="")
    print(f" Skipped: {', '.join(skipped)}." if skipped else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the packaged LBS Desk and run its frozen self-checks.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder (default build/)")
    parser.add_argument("--checks-only", action="store_true", help="do not build; check the existing build")
    parser.add_argument("--keep-all", action="store_true",
                        help="build without the spec's exclusions (to measure what they save); implies no Linux extras")
    parser.add_argument("--smoke-runs", type=int, default=3, metavar="N",
                        help="run --smoke on the demo N times and report the median (default 3)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    folder = args.dist / "lbsdesk"
    report = BuildReport(folder=str(folder))
    if not args.checks_only:
        report.build_seconds = round(build(args.dist, args.work, keep_all=args.keep_all), 1)
        if sys.platform.startswith("linux") and not args.keep_all:
            add_linux_desktop_files(folder)
    if not folder.is_dir():
        print(f"There is no build in {folder}; run without --checks-only first.", file=sys.stderr)
        return 1
    excluded = args.work / "lbsdesk" / "excluded_files.json"
    if excluded.exists():
        report.excluded_files = json.loads(excluded.read_text(encoding="utf-8"))
    report.size_bytes = folder_size(folder)
    for exe in ("lbsdesk", "lbsdesk-cli"):
        path = folder / f"{exe}{EXE_SUFFIX}"
        if path.exists():
            report.executables[path.name] = path.stat().st_size

    run_checks(folder, report, smoke_runs=args.smoke_runs)
    describe(report)
    summary = {**asdict(report), "ok": report.ok}
    args.work.mkdir(parents=True, exist_ok=True)
    (args.work / "selfcheck.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
