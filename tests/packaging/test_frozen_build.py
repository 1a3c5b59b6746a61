"""The packaged program, built for real (slow: about two minutes; run only when asked).

    LBSDESK_BUILD_TESTS=1 python -m pytest tests/packaging/test_frozen_build.py

(``LBSDESK_SLOW_TESTS=1``, the switch for every slow check, also runs it.) It needs PyInstaller
(``pip install pyinstaller``). It builds the Linux one-folder program with ``packaging/build.py`` into a
temporary folder, which runs the frozen self-checks (``--smoke``, ``init``, ``demo``, ``report``,
``print sheet``, ``check``, refusing a newer database), then opens the first release's database
with the frozen program. Speed is reported by the build script, never asserted here.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "first_release.sqlite3"
SIZE_LIMIT_BYTES = 250_000_000
ASKED = os.environ.get("LBSDESK_BUILD_TESTS") == "1"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (ASKED or os.environ.get("LBSDESK_SLOW_TESTS") == "1"),
        reason="builds the packaged program (minutes); set LBSDESK_BUILD_TESTS=1 to run it",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build is the one tested here"),
]


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller is not installed: pip install pyinstaller"
        if ASKED:
            pytest.fail(message)
        pytest.skip(message)
    where = tmp_path_factory.mktemp("build")
    dist, work = where / "dist", where / "work"
    completed = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist), "--work", str(work),
         "--smoke-runs", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )
    report_file = work / "selfcheck.json"
    report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.exists() else None
    return completed, report, dist / "lbsdesk"


def test_the_build_and_every_frozen_self_check_pass(build):
    completed, report, _folder = build
    assert completed.returncode == 0, completed.stdout[-6000:] + completed.stderr[-4000:]
    assert report is not None and report["ok"]
    names = {check["name"].split(" --month")[0]: check for check in report["checks"]}
    for name in ("--version", "--smoke on a fresh database", "init", "demo --learners 200",
                 "--smoke on the 200-learner demo", "report monthly", "check",
                 "refuses a database from a newer version"):
        assert names[name]["ok"], names[name]
    assert report["smoke_demo"]["rows"] == 200


def test_the_build_is_one_folder_under_250_mb_with_both_executables(build):
    _completed, report, folder = build
    assert report["size_bytes"] < SIZE_LIMIT_BYTES
    assert (folder / "lbsdesk").is_file() and (folder / "lbsdesk-cli").is_file()
    assert (folder / "_internal" / "lbsdesk" / "db" / "migrations" / "env.py").is_file()
    assert (folder / "_internal" / "resources" / "icons" / "lbsdesk-256.png").is_file()
    assert (folder / "share" / "applications" / "lbsdesk.desktop").is_file()
    assert (folder / "share" / "icons" / "hicolor" / "48x48" / "apps" / "lbsdesk.png").is_file()
    assert not list((folder / "_internal").rglob("libQt6Quick*")), "QtQuick is excluded"
    if importlib.util.find_spec("pypdfium2") is not None:  # the print preview's PDF renderer
        assert list((folder / "_internal").rglob("libpdfium*")), "pypdfium2's library is bundled"


def test_the_frozen_program_opens_the_first_releases_database_and_keeps_its_records(build, tmp_path):
    _completed, _report, folder = build
    copy = tmp_path / "agency.sqlite3"
    shutil.copy2(FIXTURE, copy)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    completed = subprocess.run([str(folder / "lbsdesk-cli"), "--db", str(copy), "init"],
                               env=env, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT count(*) FROM learner").fetchone() == (30,)
        assert connection.execute("SELECT count(*) FROM referral").fetchone() == (51,)
    completed = subprocess.run([str(folder / "lbsdesk-cli"), "--db", str(copy), "report", "monthly", "--month", "2026-10"],
                               env=env, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)
