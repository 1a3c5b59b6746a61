"""The core (domain, db, services, printing) never imports Qt; the command line loads Qt only for the app."""

import ast
import subprocess
import sys
from pathlib import Path

import lbsdesk

CORE = ("domain", "db", "services", "printing")


def test_the_core_never_imports_qt():
    root = Path(lbsdesk.__file__).parent
    offenders = []
    for package in CORE:
        for path in (root / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(name.split(".")[0] in {"PySide6", "shiboken6"} or name.startswith("lbsdesk.ui") for name in names):
                    offenders.append(str(path.relative_to(root)))
    assert offenders == []


def test_a_report_from_the_command_line_loads_no_qt(tmp_path):
    code = (
        "import sys; from lbsdesk.cli import main; "
        f"rc = main(['--db', r'{tmp_path / 'x.sqlite3'}', 'report', 'monthly', '--month', '2026-09']); "
        "assert rc == 0; assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was loaded'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
