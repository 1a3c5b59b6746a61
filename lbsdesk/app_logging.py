"""Logs go to a rotating file in the user's log folder, and never hold learners' personal details.

Log messages name commands, record ids and counts only; services must not pass names, dates of
birth, phone numbers or notes to the logger.
"""

from __future__ import annotations

import logging
import traceback
from logging.handlers import RotatingFileHandler

from lbsdesk.paths import log_folder

LOG_FILE_NAME = "lbsdesk.log"
_configured = False


class PrivateFormatter(logging.Formatter):
    """Writes where an error happened (the traceback's frames and the exception's type) but never an
    exception's message: database errors carry the statement's parameters (names, phone numbers)."""

    def formatException(self, ei) -> str:  # noqa: ANN001, N802 - logging's own name
        kind, _value, tb = ei
        frames = "".join(traceback.format_tb(tb))
        name = kind.__name__ if kind is not None else "Exception"
        return f"Traceback (most recent call last):\n{frames}{name} (message not logged: it may hold personal details)"


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
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
