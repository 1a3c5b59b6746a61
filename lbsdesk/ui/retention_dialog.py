"""Settings → Files past retention: the learners whose file was closed longer ago than the agency keeps
records (default 7 years), and, after the person types the confirmation word, the removal of their
personal details (the counts, dates and codes stay, so past monthly figures do not change)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services import retention
from lbsdesk.ui.background import run_with_progress
from lbsdesk.ui.form_widgets import FieldError
from lbsdesk.ui.snapshot_table_model import SnapshotTableModel


class RetentionModel(SnapshotTableModel):
    """Files past retention (``RetentionRow``), each with a check box (all ticked at first)."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(
            (self.tr("Learner ID"), self.tr("Name"), self.tr("File closed"), self.tr("Years closed")), parent, checkable=True
        )

    def cell(self, row, column: int) -> str:  # noqa: ANN001
        if column == 0:
            return row.learner_key
        if column == 1:
            return row.name
        if column == 2:
            return row.exit_date.isoformat()
        return str(row.years_closed)


class RetentionDialog(QDialog):
    """List, confirm with a typed word, remove, summarise."""

    details_removed = Signal(int)
    """The personal details of this many learners were removed."""

    def __init__(self, database, parent: QWidget | None = None, *, staff_id: int | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("retentionDialog")
        self.setWindowTitle(self.tr("Files past retention"))
        self._database = database
        self._staff_id = staff_id
        self._task = None
        self.confirm_word = self.tr("REMOVE")
        intro = QLabel(self.tr(
            "Your service agreement says how long to keep a learner's records after their file is closed. "
            "After that, their personal details should be removed. Removing keeps the learner ID, the dates "
            "and the codes, so the monthly figures already reported do not change."
        ))
        intro.setWordWrap(True)
        self.years = QSpinBox()
        self.years.setObjectName("retentionYears")
        self.years.setRange(1, 100)
        self.years.setSuffix(self.tr(" years"))
        self.years.setFixedWidth(self.fontMetrics().horizontalAdvance("000 years") + 50)
        self.years.editingFinished.connect(self.save_years)
        self.years_error = FieldError()
        years_row = QHBoxLayout()
        years_row.addWidget(QLabel(self.tr("Keep closed files for")))
        years_row.addWidget(self.years)
        years_row.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("retentionCount")
        self.count.setStyleSheet("font-weight: 600;")
        self.model = RetentionModel(self)
        self.table = QTableView()
        self.table.setObjectName("retentionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(200)
        self.model.dataChanged.connect(self._update_button)
        all_button = QPushButton(self.tr("Tick &all"))
        all_button.clicked.connect(lambda: self.model.set_all_checked(True))
        none_button = QPushButton(self.tr("Tick &none"))
        none_button.clicked.connect(lambda: self.model.set_all_checked(False))
        for button in (all_button, none_button):
            button.setAutoDefault(False)
        tick_row = QHBoxLayout()
        tick_row.addWidget(all_button)
        tick_row.addWidget(none_button)
        tick_row.addStretch(1)

        warning = QLabel(self.tr(
            "Removing cannot be undone (except by restoring a backup). Names, date of birth, contact "
            "details, goals and every note on these files are erased. To go ahead, type %s below."
        ) % self.confirm_word)
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #8a1c1c;")
        self.confirmation = QLineEdit()
        self.confirmation.setObjectName("retentionConfirmation")
        self.confirmation.setPlaceholderText(self.tr("Type %s to confirm") % self.confirm_word)
        self.confirmation.setMaximumWidth(260)
        self.confirmation.textChanged.connect(self._update_button)
        self.remove_button = QPushButton(self.tr("Remove personal details"))
        self.remove_button.setObjectName("removeDetailsButton")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_checked)
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirmation)
        confirm_row.addWidget(self.remove_button)
        confirm_row.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(years_row)
        layout.addWidget(self.years_error)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addLayout(tick_row)
        layout.addWidget(warning)
        layout.addLayout(confirm_row)
        layout.addWidget(buttons)
        self.resize(680, 560)
        self.load()

    def load(self) -> None:
        with self._database.session() as session:
            years = retention.retention_years(session)
            rows = retention.learners_past_retention(session)
        self.years.blockSignals(True)
        self.years.setValue(years)
        self.years.blockSignals(False)
        self.model.set_rows(rows)
        if rows:
            self.count.setText(self.tr("Files closed more than %d years ago: %d") % (years, len(rows)))
        else:
            self.count.setText(self.tr("No file was closed more than %d years ago: nothing to remove.") % years)
        self._update_button()

    def save_years(self) -> None:
        try:
            with self._database.session() as session:
                if retention.retention_years(session) == self.years.value():
                    return
                retention.set_retention_years(session, self.years.value())
        except ValidationFailed as exc:
            self.years_error.show_message(" ".join(exc.problems.values()))
            return
        except LbsDeskError as exc:
            self.years_error.show_message(str(exc))
            return
        self.years_error.show_message(None)
        self.load()

    def _update_button(self, *_args) -> None:  # noqa: ANN002
        ready = self.confirmation.text().strip() == self.confirm_word and bool(self.model.checked_rows())
        self.remove_button.setEnabled(ready and not getattr(self._database, "read_only", False))

    def remove_checked(self) -> None:
        chosen = self.model.checked_rows()
        if not chosen or self.confirmation.text().strip() != self.confirm_word:
            return
        ids = [row.learner_id for row in chosen]
        database, staff_id = self._database, self._staff_id

        def work() -> int:
            with database.session() as session:
                return retention.remove_personal_details(session, ids, staff_id=staff_id)

        def done(count: object) -> None:
            self.confirmation.clear()
            self.load()
            QMessageBox.information(self, self.tr("Personal details removed"), self.tr(
                "Personal details removed from %d learner files. Their learner IDs, dates and codes are "
                "kept, so the monthly figures already reported stay the same."
            ) % count)
            self.details_removed.emit(int(count))

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, LbsDeskError):
                raise exc
            QMessageBox.warning(self, self.tr("Nothing was removed"), str(exc))

        self.remove_button.setEnabled(False)
        self._task = run_with_progress(self, self.tr("Removing personal details…"), work, done, failed)
