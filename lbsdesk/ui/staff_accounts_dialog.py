"""Settings → Staff accounts: each staff member's user name and password, and the idle lock's minutes.

Accounts are optional: sign-in turns on when the first staff member is given a password (and off
when the last password is removed).  Each change is saved at once, in its own transaction.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
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
from lbsdesk.services import staff_accounts
from lbsdesk.services.staff_account_list import list_staff_accounts
from lbsdesk.ui.form_widgets import FieldError
from lbsdesk.ui.snapshot_table_model import SnapshotTableModel


class StaffAccountsModel(SnapshotTableModel):
    """Staff members (``StaffAccountRow``): name, role, user name, password set or not, active."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((self.tr("Name"), self.tr("Role"), self.tr("User name"), self.tr("Password"), self.tr("Active")), parent)

    def cell(self, row, column: int) -> str:  # noqa: ANN001
        if column == 0:
            return row.name
        if column == 1:
            return row.role or ""
        if column == 2:
            return row.username or ""
        if column == 3:
            return self.tr("set") if row.has_password else self.tr("none")
        return self.tr("yes") if row.active else self.tr("no (cannot sign in)")

    def foreground(self, row, column: int):  # noqa: ANN001, ANN201
        return None if row.active else QColor("#6b7280")


class StaffAccountsDialog(QDialog):
    """User names, passwords (8 characters or more) and the idle lock."""

    accounts_changed = Signal()
    """A user name, a password or the idle-lock minutes changed (the app re-reads them)."""

    def __init__(self, database, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("staffAccountsDialog")
        self.setWindowTitle(self.tr("Staff accounts and sign-in"))
        self._database = database
        self.state = QLabel()
        self.state.setObjectName("signInState")
        self.state.setWordWrap(True)
        self.model = StaffAccountsModel(self)
        self.table = QTableView()
        self.table.setObjectName("staffAccountsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(170)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.account_box = QGroupBox(self.tr("Account"))
        self.username = QLineEdit()
        self.username.setObjectName("accountUsername")
        self.password = QLineEdit()
        self.password.setObjectName("accountPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Leave empty to keep the password as it is"))
        self.repeat = QLineEdit()
        self.repeat.setObjectName("accountPasswordRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        rule = QLabel(self.tr(
            "At least %d characters. A short sentence is easy to remember and hard to guess."
        ) % staff_accounts.MINIMUM_PASSWORD_LENGTH)
        rule.setObjectName("hint")
        rule.setWordWrap(True)
        self.username_error = FieldError()
        self.password_error = FieldError()
        self.save_button = QPushButton(self.tr("&Save account"))
        self.save_button.setObjectName("saveAccountButton")
        self.save_button.clicked.connect(self.save_account)
        self.remove_button = QPushButton(self.tr("&Remove password"))
        self.remove_button.setObjectName("removePasswordButton")
        self.remove_button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self.remove_button.clicked.connect(self.remove_password)
        account_buttons = QHBoxLayout()
        account_buttons.addStretch(1)
        account_buttons.addWidget(self.remove_button)
        account_buttons.addWidget(self.save_button)
        account_form = QFormLayout(self.account_box)
        account_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        user_box = QVBoxLayout()
        user_box.setSpacing(2)
        user_box.addWidget(self.username)
        user_box.addWidget(self.username_error)
        user_label = QLabel(self.tr("&User name"))
        user_label.setBuddy(self.username)
        account_form.addRow(user_label, user_box)
        account_form.addRow(self.tr("New &password"), self.password)
        account_form.addRow(self.tr("Type it &again"), self.repeat)
        rule_box = QVBoxLayout()
        rule_box.setSpacing(2)
        rule_box.addWidget(rule)
        rule_box.addWidget(self.password_error)
        account_form.addRow("", rule_box)
        account_form.addRow(account_buttons)

        lock_box = QGroupBox(self.tr("Idle lock"))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idleLockMinutes")
        self.idle_minutes.setRange(0, staff_accounts.LONGEST_IDLE_LOCK_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" minutes"))
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self.idle_minutes.setFixedWidth(self.fontMetrics().horizontalAdvance("000 minutes") + 50)
        self.idle_error = FieldError()
        lock_hint = QLabel(self.tr(
            "When staff accounts are on, LBS Desk hides learner information after this long without "
            "use and asks for a password. Default: 10 minutes."
        ))
        lock_hint.setObjectName("hint")
        lock_hint.setWordWrap(True)
        self.idle_minutes.editingFinished.connect(self.save_idle_minutes)
        lock_form = QFormLayout(lock_box)
        lock_form.addRow(self.tr("&Lock after"), self.idle_minutes)
        lock_box_hint = QVBoxLayout()
        lock_box_hint.setSpacing(2)
        lock_box_hint.addWidget(lock_hint)
        lock_box_hint.addWidget(self.idle_error)
        lock_form.addRow("", lock_box_hint)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.account_box)
        layout.addWidget(lock_box)
        layout.addWidget(buttons)
        self.resize(660, 600)
        self.load()

    # --- loading --------------------------------------------------------------------------------

    def load(self, keep_staff_id: int | None = None) -> None:
        with self._database.session() as session:
            rows = list_staff_accounts(session)
            enabled = staff_accounts.accounts_enabled(session)
            minutes = staff_accounts.idle_lock_minutes(session)
        self.model.set_rows(rows)
        self.idle_minutes.blockSignals(True)
        self.idle_minutes.setValue(minutes)
        self.idle_minutes.blockSignals(False)
        if not rows:
            self.state.setText(self.tr(
                "There are no staff members yet. Add their names under Settings (the agency page), then come back here."
            ))
        elif enabled:
            self.state.setText(self.tr(
                "Sign-in is on: everyone signs in when LBS Desk starts, and every change is recorded with their name."
            ))
        else:
            self.state.setText(self.tr(
                "Sign-in is off. Give a staff member a user name and a password to turn it on for everyone."
            ))
        row = 0
        if keep_staff_id is not None:
            row = next((i for i, r in enumerate(rows) if r.staff_id == keep_staff_id), 0)
        if rows:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._row_changed()

    def current_row(self):  # noqa: ANN201 - StaffAccountRow | None
        return self.model.row_snapshot(self.table.currentIndex().row())

    def select_staff(self, staff_id: int) -> None:
        for number, row in enumerate(self.model.rows()):
            if row.staff_id == staff_id:
                self.table.selectRow(number)
                return

    def _row_changed(self, *_args) -> None:  # noqa: ANN002
        row = self.current_row()
        self.account_box.setEnabled(row is not None)
        self.username.setText((row.username or "") if row else "")
        self.password.clear()
        self.repeat.clear()
        self.username_error.show_message(None)
        self.password_error.show_message(None)
        self.remove_button.setEnabled(bool(row and row.has_password))
        if row is not None:
            self.account_box.setTitle(self.tr("Account of %s") % row.name)

    # --- changes --------------------------------------------------------------------------------

    def save_account(self) -> bool:
        row = self.current_row()
        if row is None:
            return False
        self.username_error.show_message(None)
        self.password_error.show_message(None)
        password = self.password.text()
        if password and password != self.repeat.text():
            self.password_error.show_message(self.tr("The two passwords differ: type the same one twice."))
            return False
        try:
            with self._database.session() as session:
                staff_accounts.set_username(session, row.staff_id, self.username.text())
                if password:
                    staff_accounts.set_password(session, row.staff_id, password)
        except ValidationFailed as exc:
            self.username_error.show_message(exc.problems.get("username"))
            self.password_error.show_message(exc.problems.get("password"))
            return False
        except LbsDeskError as exc:
            QMessageBox.warning(self, self.tr("Could not save the account"), str(exc))
            return False
        self.load(keep_staff_id=row.staff_id)
        self.accounts_changed.emit()
        return True

    def remove_password(self) -> None:
        row = self.current_row()
        if row is None or not row.has_password:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove the password"),
            self.tr("Remove the password of %s? They will not be able to sign in until they are given a new one.") % row.name,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self._database.session() as session:
                staff_accounts.remove_password(session, row.staff_id)
        except LbsDeskError as exc:
            QMessageBox.warning(self, self.tr("Could not remove the password"), str(exc))
            return
        self.load(keep_staff_id=row.staff_id)
        self.accounts_changed.emit()

    def save_idle_minutes(self) -> None:
        try:
            with self._database.session() as session:
                if staff_accounts.idle_lock_minutes(session) == self.idle_minutes.value():
                    return
                staff_accounts.set_idle_lock_minutes(session, self.idle_minutes.value())
        except ValidationFailed as exc:
            self.idle_error.show_message(" ".join(exc.problems.values()))
            return
        except LbsDeskError as exc:
            self.idle_error.show_message(str(exc))
            return
        self.idle_error.show_message(None)
        self.accounts_changed.emit()

    def reject(self) -> None:
        if self.idle_minutes.hasFocus():
            self.save_idle_minutes()
        super().reject()
