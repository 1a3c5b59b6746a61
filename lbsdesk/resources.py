"""Where the program finds the files it ships with (icons, translations), from source and when frozen.

The files live in the project's top-level ``resources/`` folder (CONVENTIONS.md "The shape"):

- run from a source checkout (``pip install -e .`` or ``python -m lbsdesk``): ``<checkout>/resources``;
- run from the packaged program (PyInstaller one-folder build): ``packaging/lbsdesk.spec`` copies the
  folder to ``resources/`` inside the bundle, i.e. ``sys._MEIPASS / "resources"`` (the ``_internal``
  folder beside the executable);
- ``LBSDESK_RESOURCES`` (a folder) overrides both, for tests and for packagers who install the files
  elsewhere (e.g. ``/usr/share/lbsdesk``).

- installed with ``pip install .``: the wheel puts the icons and compiled translations in
  ``<prefix>/share/lbsdesk`` (``[tool.setuptools.data-files]`` in pyproject.toml).

When none exists ``resource_folder()`` is None and callers carry on without an icon or a French
catalogue. Nothing here imports Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: The sizes the application icon is rendered at (``packaging/render_icons.py``): every size Windows
#: (16–256 in the .ico), Linux desktops (hicolor 16–512) and macOS (up to 1024 for the .icns) ask for.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)

#: The icon's base name: ``resources/icons/lbsdesk.svg``, ``lbsdesk-<size>.png``, ``lbsdesk.ico``.
ICON_NAME = "lbsdesk"


def is_frozen() -> bool:
    """True when running from the packaged program (PyInstaller), not from Python sources."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def _candidates() -> list[Path]:
    override = os.environ.get("LBSDESK_RESOURCES")
    if override:
        return [Path(override)]
    found: list[Path] = []
    if is_frozen():
        found.append(Path(sys._MEIPASS) / "resources")  # type: ignore[attr-defined]  # set by PyInstaller
    found.append(Path(__file__).resolve().parent.parent / "resources")  # the source checkout
    found.append(Path(sys.prefix) / "share" / "lbsdesk")  # installed from a wheel (pyproject data-files)
    return found


def resource_folder() -> Path | None:
    """The folder holding ``icons/`` (and ``translations/`` when there are any), or None."""
    for folder in _candidates():
        if folder.is_dir():
            return folder
    return None


def resource_path(*parts: str) -> Path | None:
    """``resources/<parts…>`` if that file or folder exists, else None."""
    folder = resource_folder()
    if folder is None:
        return None
    path = folder.joinpath(*parts)
    return path if path.exists() else None


def icon_file(size: int) -> Path | None:
    """The application icon rendered at ``size`` pixels (PNG), or None."""
    return resource_path("icons", f"{ICON_NAME}-{size}.png")


def app_icon_paths() -> list[Path]:
    """Every rendered size of the application icon that exists, smallest first (for a Qt ``QIcon``)."""
    return [path for size in ICON_SIZES if (path := icon_file(size)) is not None]


def bundle_folder() -> Path:
    """Where the program's own files are: the bundle's folder when frozen, the package's otherwise."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]
    return Path(__file__).resolve().parent
