"""UI test fixtures: a migrated database per test, the main window, and settings kept out of the user's."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

#: A modal dialog no test answers within this time is closed, and its test fails saying what it was.
UNANSWERED_DIALOG_SECONDS = 10


@pytest.fixture(autouse=True)
def _no_dialog_blocks_a_test(qapp):
    """Watchdog: a modal dialog left open (an unexpected error box, a question nobody answers) would
    otherwise block the whole run until CI's time limit.  Close it and fail the test with its text."""
    blocked: list[str] = []
    first_seen: dict[int, float] = {}

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            first_seen.clear()
            return
        since = first_seen.setdefault(id(dialog), time.monotonic())
        if time.monotonic() - since > UNANSWERED_DIALOG_SECONDS:
            text = dialog.text() if isinstance(dialog, QMessageBox) else ""
            blocked.append(f"{type(dialog).__name__} '{dialog.windowTitle()}': {text}".strip())
            dialog.reject()

    timer = QTimer()
    timer.setInterval(250)
    timer.timeout.connect(check)
    timer.start()
    yield
    timer.stop()
    if blocked:
        pytest.fail("A dialog nobody answered blocked the test: " + " | ".join(blocked))


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "lbsdesk-test.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, database, qsettings):
    from lbsdesk.ui.main_window import MainWindow

    win = MainWindow(database, qsettings)
    win.confirm_on_close = False  # qtbot closes the window after each test: no "unsaved changes" question
    qtbot.addWidget(win)
    win.show()
    win.load()
    qtbot.waitExposed(win)
    return win


def add_learner(database, first: str, last: str, **fields) -> int:
    """A learner saved through the learner service, as the form would."""
    from lbsdesk.services import learners

    with database.session() as session:
        record = learners.new_learner_record(session)
        record.first_name, record.last_name = first, last
        for name, value in fields.items():
            setattr(record, name, value)
        return learners.save_learner(session, record)


@pytest.fixture
def make_learner(database):
    """``make_learner(first, last, **fields)``: a learner saved through the service; its id."""
    return lambda first, last, **fields: add_learner(database, first, last, **fields)


@pytest.fixture
def three_learners(database):
    from datetime import date

    return {
        "cote": add_learner(database, "Marie", "Côté", date_of_birth=date(1980, 3, 4), phone="705-555-0101"),
        "tremblay": add_learner(database, "Jean", "Tremblay", date_of_birth=date(1975, 7, 1)),
        "smith": add_learner(
            database, "Anne", "Smith", intake_date=date(2025, 1, 6), exit_date=date(2025, 6, 30),
            stage="closure",
        ),
    }


@pytest.fixture
def answer_modal():
    """``answer_modal(kind, action)``: run ``action(dialog)`` on the next modal ``kind`` shown."""
    return _answer_modal


def _answer_modal(kind, action):
    """Answer the next modal dialog of class ``kind`` with ``action(dialog)`` once it is shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen = {}

    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            seen["dialog"] = dialog
            action(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen
