"""The audit trail of one learner's file, in plain words: when, who, what changed (a tab of the file).

``AuditTrailPanel(database)``; ``set_learner(learner_id)`` shows that learner (None: nothing), and
``refresh()`` reads it again (after a save).  It reads only when visible, so a closed tab costs nothing.
"""

from __future__ import annotations

from datetime import timezone

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from lbsdesk.errors import LbsDeskError
from lbsdesk.services.audit_view import audit_trail_for_learner
from lbsdesk.ui.snapshot_table_model import SnapshotTableModel


def local_time_text(changed_at) -> str:  # noqa: ANN001 - a naive UTC datetime, as the audit trail keeps it
    return changed_at.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")


class AuditTrailModel(SnapshotTableModel):
    """``AuditRow`` snapshots, newest first: when (local time), who, what."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((self.tr("When"), self.tr("Who"), self.tr("What changed")), parent)

    def cell(self, row, column: int) -> str:  # noqa: ANN001
        if column == 0:
            return local_time_text(row.changed_at)
        if column == 1:
            return row.staff_name
        return row.description

    def tool_tip(self, row, column: int) -> str | None:  # noqa: ANN001
        return row.description if column == 2 else None


class AuditTrailPanel(QWidget):
    """Who changed what on this learner's file."""

    def __init__(self, database, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("auditTrailPanel")
        self._database = database
        self._learner_id: int | None = None
        self._stale = True
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.setObjectName("auditRefreshButton")
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)
        self.model = AuditTrailModel(self)
        self.table = QTableView()
        self.table.setObjectName("auditTrailTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, self.fontMetrics().horizontalAdvance("0000-00-00 00:00") + 24)
        self.table.setColumnWidth(1, self.fontMetrics().horizontalAdvance("(no one signed in)") + 24)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def set_learner(self, learner_id: int | None) -> None:
        self._learner_id = learner_id
        self._stale = True
        if self.isVisible():
            self.refresh()
        else:
            self.model.set_rows([])

    def learner_id(self) -> int | None:
        return self._learner_id

    def refresh(self) -> None:
        self._stale = False
        if self._learner_id is None:
            self.model.set_rows([])
            self.summary.setText(self.tr("Changes are listed here once the file is saved."))
            return
        try:
            with self._database.session() as session:
                rows = audit_trail_for_learner(session, self._learner_id)
        except LbsDeskError as exc:
            self.model.set_rows([])
            self.summary.setText(str(exc))
            return
        self.model.set_rows(rows)
        self.summary.setText(
            self.tr("%d changes recorded on this file, newest first. Each change names the staff member "
                    "who was signed in.") % len(rows)
        )

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt
        super().showEvent(event)
        if self._stale:
            self.refresh()
