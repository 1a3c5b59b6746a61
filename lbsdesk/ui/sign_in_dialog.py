"""Sign-in: the user name and password form (``SignInForm``), the dialog at start (``SignInDialog``).

Used only when staff accounts are on (``staff_accounts.accounts_enabled``).  The idle-lock overlay
uses the same form.  Passwords are checked by ``staff_accounts.verify_sign_in`` and never kept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lbsdesk import APP_NAME
from lbsdesk.errors import LbsDeskError
from lbsdesk.services import staff_accounts
from lbsdesk.ui.form_widgets import FieldError


class SignInForm(QWidget):
    """User name, password and the message when they do not match."""

    signed_in = Signal(object)
    """A sign-in succeeded (the ``StaffIdentity``)."""

    def __init__(self, database, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._database = database
        self.username = QLineEdit()
        self.username.setObjectName("signInUsername")
        self.password = QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = FieldError()
        self.error.setObjectName("signInError")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(12)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        user_label = QLabel(self.tr("&User name"))
        user_label.setBuddy(self.username)
        password_label = QLabel(self.tr("&Password"))
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(password_label, self.password)
        outer.addLayout(form)
        outer.addWidget(self.error)

    def focus(self) -> None:
        (self.password if self.username.text() else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def try_sign_in(self):  # noqa: ANN201 - StaffIdentity | None
        """Check the name and password; on success emit ``signed_in`` and return the identity.

        With a name but no password yet (Enter pressed in the name field) it only moves to the password.
        """
        if self.username.text().strip() and not self.password.text():
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        try:
            with self._database.session() as session:
                identity = staff_accounts.verify_sign_in(session, self.username.text(), self.password.text())
        except LbsDeskError as exc:
            self.error.show_message(str(exc))
            return None
        self.password.clear()
        if identity is None:
            self.error.show_message(self.tr("The user name or the password is wrong. Try again; capitals count in passwords."))
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        self.error.show_message(None)
        self.signed_in.emit(identity)
        return identity


class SignInDialog(QDialog):
    """Asked at start when staff accounts are on; ``identity`` holds who signed in."""

    def __init__(self, database, parent: QWidget | None = None, *, agency_name: str = "") -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to %s") % APP_NAME)
        self.identity = None
        title = QLabel(agency_name or APP_NAME)
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        hint = QLabel(self.tr("Learner files are private. Sign in with your user name and password."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.form = SignInForm(database)
        self.sign_in_button = QPushButton(self.tr("&Sign in"))
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        quit_button = QPushButton(self.tr("&Quit"))
        quit_button.setObjectName("quitButton")
        buttons = QDialogButtonBox()
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.clicked.connect(self.accept)
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.form.focus()

    def accept(self) -> None:
        identity = self.form.try_sign_in()
        if identity is None:
            return
        self.identity = identity
        super().accept()
