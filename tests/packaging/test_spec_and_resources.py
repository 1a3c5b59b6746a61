"""Fast checks of the packaging files (no build): the spec, the icons, the desktop entry, the installer.

The spec is executed with stand-ins for PyInstaller's Analysis/PYZ/EXE/COLLECT, so this runs where
PyInstaller is not installed; ``tests/packaging/test_frozen_build.py`` (slow, on request) builds for real.
"""

from __future__ import annotations

import ast
import configparser
import importlib
import importlib.util
import pkgutil
import re
import shutil
import struct
import subprocess
import sys
import types
from pathlib import Path

import pytest

import lbsdesk
from lbsdesk import resources
from lbsdesk.resources import ICON_NAME, ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "lbsdesk.spec"
ICONS = ROOT / "resources" / "icons"


# --- the spec, run with stand-ins ---------------------------------------------------------------


class _Recorder:
    """Records the keyword arguments a PyInstaller build step was given."""

    def __init__(self, kind: str, calls: list, *args, **kwargs) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs
        self.pure, self.scripts, self.binaries = [], [], []
        self.datas = [(Path(src).name, src, "DATA") for src, _dest in kwargs.get("datas", [])]
        calls.append(self)


def _collect_submodules(package: str, filter=lambda name: True):  # noqa: A002 - PyInstaller's name
    module = importlib.import_module(package)
    names = [package] + [info.name for info in pkgutil.walk_packages(module.__path__, package + ".")]
    return [name for name in names if filter(name)]


@pytest.fixture(scope="module")
def spec_run(tmp_path_factory):
    """Execute packaging/lbsdesk.spec with stand-ins; the recorded build steps by kind."""
    work = tmp_path_factory.mktemp("pyinstaller-work")
    calls: list[_Recorder] = []
    fake_pyinstaller = types.ModuleType("PyInstaller")
    fake_config = types.ModuleType("PyInstaller.config")
    fake_config.CONF = {"workpath": str(work)}
    fake_utils = types.ModuleType("PyInstaller.utils")
    fake_hooks = types.ModuleType("PyInstaller.utils.hooks")
    fake_hooks.collect_submodules = _collect_submodules
    fake_utils.hooks = fake_hooks
    fake_pyinstaller.config, fake_pyinstaller.utils = fake_config, fake_utils
    saved = {name: sys.modules.get(name) for name in
             ("PyInstaller", "PyInstaller.config", "PyInstaller.utils", "PyInstaller.utils.hooks")}
    sys.modules.update({"PyInstaller": fake_pyinstaller, "PyInstaller.config": fake_config,
                        "PyInstaller.utils": fake_utils, "PyInstaller.utils.hooks": fake_hooks})
    try:
        namespace = {
            "__name__": "__main__", "__file__": str(SPEC), "SPECPATH": str(PACKAGING), "SPEC": str(SPEC),
            **{kind: (lambda *a, _kind=kind, **k: _Recorder(_kind, calls, *a, **k))
               for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")},
        }
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)  # noqa: S102
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    by_kind: dict[str, list[_Recorder]] = {}
    for call in calls:
        by_kind.setdefault(call.kind, []).append(call)
    return by_kind, namespace, work


def test_the_spec_is_valid_python_with_comments():
    text = SPEC.read_text(encoding="utf-8")
    ast.parse(text)
    assert text.count("#") > 40, "every hidden import, data file and exclusion is explained"


def test_it_is_a_one_folder_build_of_two_executables_without_upx(spec_run):
    steps, _namespace, _work = spec_run
    assert len(steps["Analysis"]) == 1 and len(steps["COLLECT"]) == 1
    executables = {exe.kwargs["name"]: exe.kwargs for exe in steps["EXE"]}
    assert set(executables) == {"lbsdesk", "lbsdesk-cli"}
    for options in executables.values():
        assert options["exclude_binaries"] is True, "one folder: the libraries stay beside the executables"
        assert options["upx"] is False
    assert executables["lbsdesk-cli"]["console"] is True
    assert steps["COLLECT"][0].kwargs["upx"] is False
    assert steps["COLLECT"][0].kwargs["name"] == "lbsdesk"


def test_every_data_file_exists_and_the_migrations_go_where_alembic_looks(spec_run):
    steps, _namespace, _work = spec_run
    datas = steps["Analysis"][0].kwargs["datas"]
    for source, _dest in datas:
        assert Path(source).is_file(), source
    destinations = {(Path(source).name, dest.replace("\\", "/")) for source, dest in datas}
    migrations = ROOT / "lbsdesk" / "db" / "migrations"
    for revision in migrations.glob("versions/*.py"):
        assert (revision.name, "lbsdesk/db/migrations/versions") in destinations, f"{revision.name} is not bundled"
    assert ("env.py", "lbsdesk/db/migrations") in destinations
    assert ("script.py.mako", "lbsdesk/db/migrations") in destinations
    for size in ICON_SIZES:
        assert (f"{ICON_NAME}-{size}.png", "resources/icons") in destinations


def test_every_hidden_import_exists(spec_run):
    steps, _namespace, _work = spec_run
    hidden = steps["Analysis"][0].kwargs["hiddenimports"]
    assert "lbsdesk.db.models" in hidden and "lbsdesk.ui.app" in hidden and "lbsdesk.cli" in hidden
    for name in hidden:
        assert importlib.util.find_spec(name) is not None, f"hidden import {name} does not exist"


def _qt_modules_imported_by_lbsdesk() -> set[str]:
    found = set()
    for path in (ROOT / "lbsdesk").rglob("*.py"):
        found |= set(re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return {f"PySide6.{name}" for name in found}


def test_unused_qt_modules_are_excluded_and_no_used_one_is(spec_run):
    steps, _namespace, _work = spec_run
    excludes = set(steps["Analysis"][0].kwargs["excludes"])
    for module in ("PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "PySide6.Qt3DCore",
                   "PySide6.QtMultimedia"):
        assert module in excludes
    used = _qt_modules_imported_by_lbsdesk()
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= used
    assert not used & excludes, f"the spec excludes Qt modules the program imports: {sorted(used & excludes)}"


def test_no_excluded_python_module_is_imported_by_the_program(spec_run):
    steps, _namespace, _work = spec_run
    excludes = {name for name in steps["Analysis"][0].kwargs["excludes"] if not name.startswith("PySide6")}
    for path in (ROOT / "lbsdesk").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            for name in names:
                assert not any(name == ex or name.startswith(ex + ".") for ex in excludes), f"{path.name} imports {name}"


def test_the_runtime_hook_exists(spec_run):
    steps, _namespace, _work = spec_run
    for hook in steps["Analysis"][0].kwargs["runtime_hooks"]:
        assert Path(hook).is_file()


def test_the_version_resource_is_filled_from_lbsdesk_version(spec_run):
    _steps, namespace, work = spec_run
    path = Path(namespace["_version_resource"]())
    text = path.read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{lbsdesk.__version__}')" in text
    numbers = tuple(int(n) for n in re.findall(r"\d+", lbsdesk.__version__)[:4])
    assert f"filevers={numbers + (0,) * (4 - len(numbers))}" in text
    assert not re.search(r"\{\w+\}", text), "a placeholder was left unfilled"
    # PyInstaller reads the file by evaluating it with its VSVersionInfo classes; do the same with
    # stand-ins (its own module needs pefile, which only Windows builds have).
    kinds = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo", "VarStruct")
    made = {kind: (lambda *args, _kind=kind, **kwargs: (_kind, args, kwargs)) for kind in kinds}
    parsed = eval(text, {"__builtins__": {}}, made)  # noqa: S307 - our own template
    assert parsed[0] == "VSVersionInfo" and parsed[2]["ffi"][2]["filevers"] == numbers + (0,) * (4 - len(numbers))


# --- icons ----------------------------------------------------------------------------------------


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_the_icon_exists_at_every_size():
    assert (ICONS / f"{ICON_NAME}.svg").is_file()
    for size in ICON_SIZES:
        assert _png_size(ICONS / f"{ICON_NAME}-{size}.png") == (size, size)


def test_the_windows_icon_holds_16_to_256_pixels():
    data = (ICONS / f"{ICON_NAME}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, height, *_rest, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * index: 22 + 16 * index])
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 24, 32, 48, 256} <= sizes


def test_the_macos_icon_is_an_icns_file():
    data = (ICONS / f"{ICON_NAME}.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    assert b"ic10" in data and b"icp4" in data


# --- resources.py -------------------------------------------------------------------------------


def test_resources_are_found_in_the_source_checkout(monkeypatch):
    monkeypatch.delenv("LBSDESK_RESOURCES", raising=False)
    if ROOT not in Path(lbsdesk.__file__).resolve().parents:
        pytest.skip("lbsdesk is imported from an installed wheel, which carries no resources/ folder")
    assert resources.resource_folder() == ROOT / "resources"
    assert resources.icon_file(16) == ICONS / f"{ICON_NAME}-16.png"
    assert len(resources.app_icon_paths()) == len(ICON_SIZES)
    assert resources.is_frozen() is False


def test_resources_are_found_inside_the_frozen_bundle(tmp_path, monkeypatch):
    monkeypatch.delenv("LBSDESK_RESOURCES", raising=False)
    bundle = tmp_path / "_internal"
    (bundle / "resources" / "icons").mkdir(parents=True)
    shutil.copy2(ICONS / f"{ICON_NAME}-32.png", bundle / "resources" / "icons")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources.is_frozen()
    assert resources.resource_folder() == bundle / "resources"
    assert resources.app_icon_paths() == [bundle / "resources" / "icons" / f"{ICON_NAME}-32.png"]
    assert resources.bundle_folder() == bundle


def test_no_resources_folder_means_no_icon_rather_than_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("LBSDESK_RESOURCES", str(tmp_path / "nowhere"))
    assert resources.resource_folder() is None
    assert resources.app_icon_paths() == []


# --- Linux desktop entry, installer script, docs -------------------------------------------------


def test_the_linux_desktop_entry_is_valid():
    path = PACKAGING / "linux" / "lbsdesk.desktop"
    parser = configparser.RawConfigParser(strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == lbsdesk.APP_NAME
    assert entry["Exec"].split()[0] == "lbsdesk" and entry["Icon"] == ICON_NAME
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    allowed = {"Type", "Version", "Name", "GenericName", "Comment", "Exec", "TryExec", "Icon", "Terminal",
               "Categories", "Keywords", "StartupNotify", "StartupWMClass"}
    assert {key.split("[")[0] for key in entry} <= allowed
    validator = shutil.which("desktop-file-validate")
    if validator:
        completed = subprocess.run([validator, str(path)], capture_output=True, text=True)
        assert completed.returncode == 0, completed.stdout + completed.stderr


def test_the_installer_is_per_user_without_file_associations_and_keeps_the_data():
    text = (PACKAGING / "installer" / "lbsdesk.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", text, re.M)
    assert re.search(r"^DefaultDirName=\{localappdata\}\\Programs\\", text, re.M)
    assert re.search(r"^ChangesAssociations=no$", text, re.M)
    assert "[Registry]" not in text, "no file associations or other registry entries"
    assert "{autoprograms}" in text and "{autodesktop}" in text
    assert "Box.Checked := False" in text, "keeping the data is the uninstaller's default"
    assert 'GetStringFileInfo(DistDir + "\\" + AppExe, "ProductVersion")' in text, "version from the build"


def test_the_windows_workflow_builds_and_checks_the_installer():
    text = (ROOT / ".github" / "workflows" / "windows-build.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text
    assert "python packaging/build.py" in text and "lbsdesk.iss" in text


def test_the_readme_says_how_to_build_and_how_to_run_the_build_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Building the packaged program", 1)
    assert len(section) == 2, "README.md has a 'Building the packaged program' section"
    assert "python packaging/build.py" in section[1] and "LBSDESK_BUILD_TESTS=1" in section[1]
