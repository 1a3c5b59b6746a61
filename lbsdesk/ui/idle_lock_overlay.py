"""The idle lock's cover: after the set minutes without use, an opaque panel covers the whole main
window (learner data hidden underneath) until a staff member signs in again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lbsdesk.ui.sign_in_dialog import SignInForm

OVERLAY_STYLE = """
QWidget#idleLockOverlay { background: #dfe6ec; }
QFrame#idleLockCard { background: white; border: 1px solid #c4ccd4; border-radius: 8px; }
QLabel#idleLockTitle { font-size: 15pt; font-weight: 600; }
"""


class IdleLockOverlay(QWidget):
    """Covers its parent window; ``show_locked(...)`` raises it, a good sign-in emits ``unlocked``."""

    unlocked = Signal(object)
    """A staff member signed in again (their ``StaffIdentity``)."""

    def __init__(self, window: QWidget, database) -> None:  # noqa: ANN001
        super().__init__(window)
        self.setObjectName("idleLockOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(OVERLAY_STYLE)
        self.setAutoFillBackground(True)
        card = QFrame()
        card.setObjectName("idleLockCard")
        card.setFixedWidth(440)
        self.title = QLabel(self.tr("LBS Desk is locked"))
        self.title.setObjectName("idleLockTitle")
        self.reason = QLabel()
        self.reason.setObjectName("idleLockReason")
        self.reason.setWordWrap(True)
        self.form = SignInForm(database)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.form.password.returnPressed.connect(self.try_unlock)
        self.form.signed_in.connect(self.unlocked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.reason)
        inner.addWidget(self.form)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        window.installEventFilter(self)
        self.hide()

    def show_locked(self, minutes: float, username: str = "") -> None:
        minutes = max(1, round(minutes))
        self.reason.setText(self.tr(
            "Learner information is hidden because no one used LBS Desk for %d minutes. "
            "Sign in to carry on; anything not yet saved is still there."
        ) % minutes)
        self.form.username.setText(username)
        self.form.password.clear()
        self.form.error.show_message(None)
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.form.focus()

    def try_unlock(self) -> None:
        self.form.try_sign_in()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return super().eventFilter(watched, event)
