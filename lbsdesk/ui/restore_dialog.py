"""File → Restore from a backup / Look inside a backup: every backup of this database (this PC and the
second folder), newest first, with its date, size and counts of learners and referrals.

The dialog only chooses: ``chosen`` (a ``BackupInfo``) and ``action`` (``RESTORE`` or ``LOOK_INSIDE``).
The data-safety controller asks for confirmation and the passphrase, and does the work.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.db.backup_rotation import list_backups
from lbsdesk.ui.background import run_with_progress
from lbsdesk.ui.snapshot_table_model import SnapshotTableModel

RESTORE, LOOK_INSIDE = "restore", "look_inside"


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class BackupTableModel(SnapshotTableModel):
    """``BackupInfo`` snapshots: made, where, kind, size, learners, referrals."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((
            self.tr("Made"), self.tr("Where"), self.tr("Kind"), self.tr("Size"), self.tr("Learners"), self.tr("Referrals"),
        ), parent)

    def kind(self, info) -> str:  # noqa: ANN001
        name = info.path.name
        if info.automatic:
            text = self.tr("Automatic")
        elif ".before-restore" in name:
            text = self.tr("Safety copy (before a restore)")
        elif ".before-migration" in name:
            text = self.tr("Safety copy (before an update)")
        elif ".damaged" in name:
            text = self.tr("Damaged database, set aside")
        else:
            text = self.tr("Made by hand")
        if info.encrypted:
            text += self.tr(", encrypted")
        return text

    def cell(self, info, column: int) -> str:  # noqa: ANN001
        if column == 0:
            return info.made_at.strftime("%Y-%m-%d %H:%M")
        if column == 1:
            return self.tr("this PC") if info.location == "this PC" else self.tr("second folder")
        if column == 2:
            return ("🔒 " if info.encrypted else "") + self.kind(info)
        if column == 3:
            return size_text(info.size)
        if info.problem:
            return self.tr("damaged") if column == 4 else ""
        if info.encrypted:
            return self.tr("(passphrase)") if column == 4 else ""
        value = info.learners if column == 4 else info.referrals
        return "" if value is None else f"{value:,}"

    def tool_tip(self, info, column: int) -> str | None:  # noqa: ANN001
        if info.problem:
            return info.problem
        if info.encrypted:
            return self.tr("Encrypted: the passphrase is asked when you restore it or look inside.") + "\n" + str(info.path)
        return str(info.path)

    def foreground(self, info, column: int):  # noqa: ANN001, ANN201
        return QColor("#9a9a9a") if info.problem else None


class RestoreDialog(QDialog):
    """Lists the backups; the person picks one to restore or to look inside."""

    def __init__(
        self,
        db_path: Path,
        second_folder: Path | None = None,
        parent: QWidget | None = None,
        *,
        look_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self._db_path = Path(db_path)
        self._second_folder = second_folder
        self._look_only = look_only
        self._task = None
        self.chosen = None
        self.action: str | None = None
        self.setWindowTitle(self.tr("Look inside a backup") if look_only else self.tr("Restore from a backup"))
        if look_only:
            intro_text = self.tr(
                "Choose a backup to open in a second window, read-only, to look something up. "
                "Nothing in your database changes."
            )
        else:
            intro_text = self.tr(
                "Choose the backup to go back to. Restoring replaces the database with the backup; a safety copy "
                "of the database as it is now is kept first. To only look something up, choose Look inside."
            )
        intro = QLabel(intro_text)
        intro.setWordWrap(True)
        self.status = QLabel(self.tr("Reading the backups…"))
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column, sample in ((0, "0000-00-00 00:00"), (1, "second folder"), (3, "000.0 MB"), (4, "(passphrase)"), (5, "Referrals")):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 28)
        self.table.doubleClicked.connect(lambda _index: self._choose(LOOK_INSIDE if look_only else RESTORE))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)

        self.restore_button = QPushButton(self.tr("&Restore this backup…"))
        self.restore_button.setObjectName("restoreButton")
        self.look_button = QPushButton(self.tr("&Look inside (read-only)…"))
        self.look_button.setObjectName("lookInsideButton")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if not look_only:
            buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        else:
            self.restore_button.hide()
        buttons.addButton(self.look_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(lambda: self._choose(RESTORE))
        self.look_button.clicked.connect(lambda: self._choose(LOOK_INSIDE))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 460)
        self._update_buttons()
        QTimer.singleShot(0, self.load)

    def load(self) -> None:
        """Read the list on the worker (each new backup is checked once, then remembered)."""
        db_path, second = self._db_path, self._second_folder
        self._task = run_with_progress(
            self, self.tr("Reading the backups…"), lambda: list_backups(db_path, second), self._show, self._failed
        )

    def is_loading(self) -> bool:
        return self._task is not None and self._task.is_running()

    def _show(self, backups: object) -> None:
        rows = list(backups)  # type: ignore[call-overload]
        self.model.set_rows(rows)
        if not rows:
            self.status.setText(self.tr(
                "There is no backup of this database yet. LBS Desk makes one when it opens and closes, and once a day."
            ))
        else:
            encrypted = sum(1 for info in rows if info.encrypted)
            text = self.tr("%d backups, newest first.") % len(rows)
            if encrypted:
                text += " " + self.tr("🔒 marks the %d encrypted ones: their passphrase is asked when you use them.") % encrypted
            self.status.setText(text)
            first = next((number for number, info in enumerate(rows) if not info.problem), 0)
            self.table.selectionModel().setCurrentIndex(
                self.model.index(first, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("The backups could not be read: %s") % exc)

    def current(self):  # noqa: ANN201 - BackupInfo | None
        return self.model.row_snapshot(self.table.currentIndex().row())

    def select_path(self, path: Path) -> bool:
        for number, info in enumerate(self.model.rows()):
            if info.path == Path(path):
                self.table.selectRow(number)
                return True
        return False

    def _update_buttons(self, *_args) -> None:  # noqa: ANN002
        info = self.current()
        usable = info is not None and not info.problem
        self.restore_button.setEnabled(usable and not self._look_only)
        self.look_button.setEnabled(usable)

    def _choose(self, action: str) -> None:
        info = self.current()
        if info is None or info.problem or (action == RESTORE and self._look_only):
            return
        self.chosen, self.action = info, action
        self.accept()
