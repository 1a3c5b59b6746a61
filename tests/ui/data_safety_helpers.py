"""Helpers for the data-safety UI tests: answering several modal dialogs in turn, a controller on a
window, a staff member with a password."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

SHOTS = Path(os.environ.get("LBSDESK_SHOTS", "/tmp/shots"))


def answer_in_turn(steps):  # noqa: ANN001, ANN201
    """Answer modal dialogs one after the other: ``steps`` is a list of ``(kind, action)``; ``action(dialog)``
    may return False to be asked again a little later (the dialog is still loading).  Returns the list of
    dialogs answered, filled in as it goes."""
    answered: list = []
    pending = list(steps)

    def poll() -> None:
        if not pending:
            return
        kind, action = pending[0]
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() and dialog not in answered:
            if action(dialog) is not False:
                answered.append(dialog)
                pending.pop(0)
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return answered


def shot(widget, name: str) -> None:  # noqa: ANN001
    """Save a picture of ``widget`` for a person to look at (not an assertion)."""
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"ui8_{name}.png"))
    except OSError:
        pass


def staff_with_password(database, name: str = "Pat Lee", username: str = "pat", password: str = "maple syrup 42") -> int:
    from lbsdesk.services import agency, staff_accounts
    from lbsdesk.services.staff_account_list import list_staff_accounts

    with database.session() as session:
        agency.save_staff_names(session, [name])
    with database.session() as session:
        staff_id = next(row.staff_id for row in list_staff_accounts(session) if row.name == name)
        staff_accounts.set_username(session, staff_id, username)
        staff_accounts.set_password(session, staff_id, password)
    return staff_id


def controller_for(window, database, qsettings, lock=None, **kwargs):  # noqa: ANN001, ANN003, ANN201
    from lbsdesk.ui.data_safety_controller import DataSafetyController

    return DataSafetyController(window, database, lock, qsettings, **kwargs).attach()
