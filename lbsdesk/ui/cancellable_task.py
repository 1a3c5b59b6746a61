"""Background work the person can stop waiting for (CONVENTIONS.md item 3).

``run_cancellable`` is ``background.run_with_progress`` with a Cancel button on the progress dialog.
Python work on a thread cannot be interrupted safely, so Cancel closes the dialog at once and the
result, when it comes, is dropped (the work only reads, or writes in its own session that still
commits: pass only reading or idempotent work).  The window never waits for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from lbsdesk.ui.background import _RUNNING, BackgroundTask


class CancellableTask(BackgroundTask):
    """A ``BackgroundTask`` whose progress dialog has a Cancel button."""

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[], object],
        done: Callable[[object], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        cancelled: Callable[[], None] | None = None,
        minimum_duration_ms: int = 500,
    ) -> None:
        self.cancelled = False
        super().__init__(
            parent, label, work,
            None if done is None else (lambda result: None if self.cancelled else done(result)),
            None if failed is None else (lambda exc: None if self.cancelled else failed(exc)),
        )
        self._cancelled_callback = cancelled
        self.progress.setCancelButtonText(QCoreApplication.translate("Background", "Cancel"))
        self.progress.setMinimumDuration(minimum_duration_ms)
        self.progress.canceled.connect(self.cancel)

    def cancel(self) -> None:
        """Stop waiting: close the dialog now and drop the result when it comes."""
        # Closing the dialog when the work has ended also says "canceled": that is not the person.
        if self.cancelled or not self.is_running():
            return
        self.cancelled = True
        self.progress.reset()
        self.progress.close()
        if self._cancelled_callback is not None:
            self._cancelled_callback()


def run_cancellable(
    parent: QWidget,
    label: str,
    work: Callable[[], object],
    done: Callable[[object], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
    cancelled: Callable[[], None] | None = None,
    minimum_duration_ms: int = 500,
) -> CancellableTask:
    task = CancellableTask(parent, label, work, done, failed, cancelled, minimum_duration_ms)
    _RUNNING.add(task)
    task.finished.connect(lambda: _RUNNING.discard(task))
    task.start()
    return task
