"""Long database work off the GUI thread, with a progress dialog (CONVENTIONS.md item 3).

``run_with_progress`` runs ``work`` (a plain function that opens its own session) on a worker
thread, shows a busy progress dialog while it runs, and calls ``done(result)`` or
``failed(exception)`` back on the GUI thread.  The window keeps painting meanwhile.  The GUI thread
learns that the work ended by looking at it every ``POLL_MS`` (no cross-thread signals to go astray).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

POLL_MS = 30


class BackgroundTask(QObject):
    """One piece of work on a worker thread; kept alive by ``run_with_progress`` until it ends."""

    finished = Signal()
    """The work ended (either way) and the callbacks have run."""

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[], object],
        done: Callable[[object], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._work, self._done, self._failed = work, done, failed
        self._outcome: tuple[bool, object] | None = None
        self._thread = threading.Thread(target=self._run, name="lbsdesk-background", daemon=True)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._check)
        self.progress = QProgressDialog(label, "", 0, 0, parent)
        self.progress.setObjectName("progressDialog")
        self.progress.setWindowTitle(label)
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(500)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setValue(0)

    def _run(self) -> None:
        try:
            self._outcome = (True, self._work())
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            self._outcome = (False, exc)

    def start(self) -> None:
        self._thread.start()
        self._timer.start()

    def is_running(self) -> bool:
        return self._outcome is None

    def _check(self) -> None:
        if self._outcome is None:
            return
        self._timer.stop()
        self._thread.join()
        self.progress.reset()
        self.progress.close()
        ok, value = self._outcome
        try:
            if ok and self._done is not None:
                self._done(value)
            elif not ok and self._failed is not None:
                self._failed(value)
        finally:
            self.finished.emit()


_RUNNING: set[BackgroundTask] = set()


def run_with_progress(
    parent: QWidget,
    label: str,
    work: Callable[[], object],
    done: Callable[[object], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
) -> BackgroundTask:
    task = BackgroundTask(parent, label, work, done, failed)
    _RUNNING.add(task)
    task.finished.connect(lambda: _RUNNING.discard(task))
    task.start()
    return task
