"""Where LBS Desk keeps its files by default (platformdirs): data, backups and logs."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path, user_log_path

from lbsdesk import APP_NAME, ORG_NAME

DEFAULT_DATABASE_NAME = "lbsdesk.sqlite3"


def data_folder() -> Path:
    return user_data_path(APP_NAME, ORG_NAME, ensure_exists=False)


def default_database_path() -> Path:
    return data_folder() / DEFAULT_DATABASE_NAME


def backup_folder() -> Path:
    return data_folder() / "backups"


def log_folder() -> Path:
    return user_log_path(APP_NAME, ORG_NAME, ensure_exists=False)
