"""The "Due" view: everything that needs doing, grouped by kind with counts; each line opens its record.

Plan reviews due, check-ins overdue, follow-ups due, referrals awaiting a reply, consents expiring and
active learners with no formal referral (lbsdesk.services.due_items).  Loading runs on a worker thread
(lbsdesk.ui.background): over 100,000 learners it takes about a second.  "Print to-do sheet…" saves
the list as a PDF (lbsdesk.printing.todo_sheet).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.services.due_items import DUE_KIND_LABELS, DUE_KINDS
from lbsdesk.ui.background import run_with_progress
from lbsdesk.ui.due_view_model import COL_DUE, COL_LEARNER, COL_WHAT, DueViewModel
from lbsdesk.ui.form_widgets import tr


def _t(text: str) -> str:
    return tr(text, "DueViewPane")


def load_due_items(database, today: date | None = None):  # noqa: ANN001, ANN201
    """The due lines, read in one session of their own (runs on the worker thread)."""
    from lbsdesk.services.due_items import due_items

    with database.session() as session:
        return due_items(session, today=today)


def todo_sheet_pdf(database, items, printed_on: date | None = None) -> bytes:  # noqa: ANN001
    """The to-do sheet of ``items`` (DueItem list) as PDF bytes, with the agency's header."""
    from lbsdesk.printing.todo_sheet import TodoLine, render_todo_sheet
    from lbsdesk.services.referral_printing import agency_of

    with database.session() as session:
        agency = agency_of(session)
    lines = [TodoLine(i.kind, i.kind_label, i.learner_name, i.learner_key, i.what, i.due_date, i.overdue) for i in items]
    kinds = [(kind, DUE_KIND_LABELS[kind]) for kind in DUE_KINDS]
    return render_todo_sheet(lines, printed_on=printed_on, agency=agency, kinds=kinds)


class DueViewPane(QWidget):
    """What is due across the caseload; double-click or Enter opens the line's record."""

    learner_open_requested = Signal(int)
    """Open the learner file (plan reviews, check-ins, follow-ups, consents, no formal referral)."""
    referral_open_requested = Signal(int)
    """Open a referral awaiting a reply (Referral id)."""
    record_open_requested = Signal(str, int, int)
    """Any line opened: record kind (due_items.RECORD_KINDS), record id, learner id."""
    loaded = Signal(int)
    """The lines were (re)loaded (how many)."""

    def __init__(self, database, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("dueView")
        self.setAccessibleName(_t("Due"))
        self._database = database
        self._items: list = []
        self._task = None
        self.today: date | None = None  # tests fix the day; None = today

        title = QLabel(_t("Due"))
        title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("dueSummary")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(_t("&Refresh"))
        self.refresh_button.setObjectName("refreshDueButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button = QPushButton(_t("&Print to-do sheet…"))
        self.print_button.setObjectName("printTodoButton")
        self.print_button.clicked.connect(self.print_todo_sheet)

        self.model = DueViewModel(self)
        self.view = QTreeView()
        self.view.setObjectName("dueTree")
        self.view.setAccessibleName(_t("Due items, grouped by kind"))
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setExpandsOnDoubleClick(True)
        header = self.view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(COL_WHAT, 300)
        header.resizeSection(COL_LEARNER, 100)
        header.resizeSection(COL_DUE, 150)
        self.view.activated.connect(self.open_index)
        hint = QLabel(_t("Double-click a line (or press Enter) to open its record."))
        hint.setObjectName("hint")

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)

    # --- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the lines on the worker thread; the view stays usable meanwhile."""
        if self._task is not None and self._task.is_running():
            return
        self.refresh_button.setEnabled(False)
        self.summary.setText(_t("Looking for what is due…"))
        database, today = self._database, self.today
        self._task = run_with_progress(self, _t("Looking for what is due…"), lambda: load_due_items(database, today),
                                       self._loaded, self._failed)

    def is_loading(self) -> bool:
        return self._task is not None and self._task.is_running()

    def set_items(self, items) -> None:  # noqa: ANN001
        self._items = list(items)
        self.model.set_items(self._items)
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            self.view.setExpanded(index, 0 < self.model.rowCount(index) <= 200)
        counts = self.model.counts()
        overdue = sum(1 for item in self._items if item.overdue)
        if self._items:
            parts = [f"{_t(DUE_KIND_LABELS[kind])}: {counts[kind]}" for kind in DUE_KINDS if counts.get(kind)]
            self.summary.setText(_t("%d lines, %d overdue. ") % (len(self._items), overdue) + " · ".join(parts))
        else:
            self.summary.setText(_t("Nothing is due."))
        self.print_button.setEnabled(True)

    def items(self) -> list:
        return list(self._items)

    def _loaded(self, items) -> None:  # noqa: ANN001
        self.refresh_button.setEnabled(True)
        self.set_items(items)
        self.loaded.emit(len(self._items))

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.summary.setText(_t("Could not read what is due: %s") % exc)

    # --- opening -------------------------------------------------------------------------------

    def open_index(self, index: QModelIndex) -> None:
        item = self.model.item(index)
        if item is None:
            return
        self.record_open_requested.emit(item.record_kind, int(item.record_id), int(item.learner_id))
        if item.record_kind == "referral":
            self.referral_open_requested.emit(int(item.record_id))
        else:
            self.learner_open_requested.emit(int(item.learner_id))

    # --- printing ------------------------------------------------------------------------------

    def print_todo_sheet(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _t("Save the to-do sheet"), f"to_do_{date.today().isoformat()}.pdf", _t("PDF files (*.pdf)")
        )
        if not path:
            return
        self.save_todo_sheet(path)

    def save_todo_sheet(self, path: str) -> bool:
        try:
            data = todo_sheet_pdf(self._database, self._items, printed_on=self.today)
            with open(path, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            QMessageBox.warning(self, _t("Could not save the to-do sheet"), str(exc))
            return False
        self.summary.setText(self.summary.text().split(" — ")[0] + " — " + _t("to-do sheet saved"))
        return True
