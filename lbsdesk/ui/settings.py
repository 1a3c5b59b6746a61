"""The desktop app's own settings, declared once with their defaults (CONVENTIONS.md item 9).

Per-user, per-machine things (window geometry, splitters, column widths, text size) live in
QSettings; the agency's own settings live in the database (lbsdesk.services.agency).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Option:
    key: str
    default: object


MAIN_GEOMETRY = Option("main_window/geometry", QByteArray())
MAIN_STATE = Option("main_window/state", QByteArray())
LEARNER_HEADER = Option("learner_list/header", QByteArray())
INQUIRY_SPLITTER = Option("inquiry_log/splitter", QByteArray())
INQUIRY_HEADER = Option("inquiry_log/header", QByteArray())
CURRENT_PAGE = Option("main_window/page", "learners")
FONT_POINT_SIZE = Option("appearance/font_point_size", 11)
LAST_BACKUP = Option("backup/last", "")
#: Without staff accounts: who last said they were working on this PC (a staff id, 0 for nobody).
WORKING_AS = Option("staff/working_as", 0)

MIN_FONT_POINT_SIZE = 9
MAX_FONT_POINT_SIZE = 20


def app_settings() -> QSettings:
    """The user's settings (organization and application names come from the QApplication)."""
    return QSettings()


def read(settings: QSettings, option: Option):
    value = settings.value(option.key, option.default)
    default = option.default
    if isinstance(default, bool):
        return value in (True, "true", "1", 1)
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    if isinstance(default, QByteArray) and not isinstance(value, QByteArray):
        return QByteArray()
    return value if value is not None else default


def write(settings: QSettings, option: Option, value) -> None:
    settings.setValue(option.key, value)
