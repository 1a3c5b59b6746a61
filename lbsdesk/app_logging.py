"""Logs go to a rotating file in the user's log folder, and never hold learners' personal details.

Log messages name commands, record ids and counts only; services must not pass names, dates of
birth, phone numbers or notes to the logger.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from lbsdesk.paths import log_folder

LOG_FILE_NAME = "lbsdesk.log"
_configured = False


def configure_logging(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    root = logging.getLogger("lbsdesk")
    root.setLevel(level)
    root.propagate = False
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # a read-only profile must not stop the program
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
