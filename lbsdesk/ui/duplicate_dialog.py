"""Before a new learner is saved: the likely matches side by side, and a choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _date(value) -> str:  # noqa: ANN001
    return value.isoformat() if value else ""


class DuplicateDialog(QDialog):
    """"This person may already have a file": the new entry and each likely match, field by field."""

    OPEN_EXISTING = 2
    SAVE_ANYWAY = 3

    def __init__(self, record, candidates, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("duplicateDialog")
        self.setWindowTitle(self.tr("This person may already have a file"))
        self._candidates = list(candidates)

        found = (
            self.tr("One existing file looks like the same person.")
            if len(self._candidates) == 1
            else self.tr("%d existing files look like the same person.") % len(self._candidates)
        )
        intro = QLabel(
            found + " " + self.tr(
                "Open the existing file to keep one file per person, or save this one if it is someone else."
            )
        )
        intro.setWordWrap(True)

        rows = (
            self.tr("Learner ID"),
            self.tr("First name"),
            self.tr("Last name"),
            self.tr("Date of birth"),
            self.tr("Phone"),
            self.tr("Intake date"),
            self.tr("Why it may be the same person"),
        )
        self.table = QTableWidget(len(rows), 1 + len(self._candidates))
        self.table.setObjectName("duplicateTable")
        self.table.setVerticalHeaderLabels(list(rows))
        headers = [self.tr("You are entering")] + [
            self.tr("Existing file %d") % (n + 1) for n in range(len(self._candidates))
        ]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        line = self.fontMetrics().height()
        self.table.verticalHeader().setDefaultSectionSize(line + 14)
        self.table.setRowHeight(len(rows) - 1, line * 3 + 14)
        self.table.setStyleSheet("QTableWidget { selection-background-color: #d6e6f5; selection-color: black; }")
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table_height = (
            self.table.horizontalHeader().sizeHint().height()
            + (line + 14) * (len(rows) - 1) + line * 3 + 14 + 2 * self.table.frameWidth()
        )
        self.table.setFixedHeight(table_height)

        new_values = (
            self.tr("(new)"),
            record.first_name or "",
            record.last_name or "",
            _date(getattr(record, "date_of_birth", None)),
            getattr(record, "phone", None) or "",
            _date(getattr(record, "intake_date", None)),
            "",
        )
        for row, value in enumerate(new_values):
            self._set(row, 0, value)
        for column, candidate in enumerate(self._candidates, start=1):
            values = (
                candidate.learner_key,
                candidate.first_name,
                candidate.last_name,
                _date(candidate.date_of_birth),
                candidate.phone or "",
                _date(candidate.intake_date),
                "; ".join(candidate.reasons),
            )
            for row, value in enumerate(values):
                item = self._set(row, column, value)
                if row < len(values) - 1 and value and value == new_values[row]:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
        if self._candidates:
            self.table.selectColumn(1)
            self.table.setCurrentCell(0, 1)

        self.open_button = QPushButton(self.tr("&Open existing file"))
        self.open_button.setObjectName("openExistingButton")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open_existing)
        self.save_button = QPushButton(self.tr("&Save as new anyway"))
        self.save_button.setObjectName("saveAnywayButton")
        self.save_button.clicked.connect(lambda: self.done(self.SAVE_ANYWAY))
        self.cancel_button = QPushButton(self.tr("Go back to the form"))
        self.cancel_button.setObjectName("backToFormButton")
        self.cancel_button.clicked.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        width = 260 + 240 * (1 + len(self._candidates))
        self.resize(min(width, 1200), self.sizeHint().height())

    def _set(self, row: int, column: int, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, column, item)
        return item

    def chosen_learner_id(self) -> int | None:
        column = self.table.currentColumn()
        if 1 <= column <= len(self._candidates):
            return self._candidates[column - 1].learner_id
        return None

    def _update_buttons(self) -> None:
        chosen = self.chosen_learner_id()
        self.open_button.setEnabled(chosen is not None)
        if chosen is not None:
            candidate = self._candidates[self.table.currentColumn() - 1]
            self.open_button.setText(self.tr("&Open existing file %s") % candidate.learner_key)

    def _open_existing(self) -> None:
        if self.chosen_learner_id() is not None:
            self.done(self.OPEN_EXISTING)
