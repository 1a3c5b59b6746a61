"""Shown when another copy of LBS Desk has the database open: who, on which computer, since when;
the choice is to open it read-only (to look things up) or to quit."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lbsdesk.db.single_writer import DatabaseInUse


class DatabaseInUseDialog(QDialog):
    """``exec()`` returns ``OPEN_READ_ONLY`` or ``QUIT``."""

    QUIT, OPEN_READ_ONLY = 0, 2

    def __init__(self, problem: DatabaseInUse, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseInUseDialog")
        self.setWindowTitle(self.tr("The database is already open"))
        holder = problem.holder
        title = QLabel(self.tr("Someone else has this database open in LBS Desk"))
        title.setObjectName("sectionTitle")
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        details = QFormLayout()
        details.setHorizontalSpacing(12)
        details.addRow(self.tr("Database:"), self._value(str(problem.database)))
        if holder is not None:
            details.addRow(self.tr("Open by:"), self._value(holder.user or self.tr("(unknown)")))
            from socket import gethostname

            computer = holder.host or self.tr("(unknown)")
            if holder.host == gethostname():
                computer = self.tr("%s (this computer)") % computer
            details.addRow(self.tr("On the computer:"), self._value(computer))
            details.addRow(self.tr("Since:"), self._value(
                holder.since.strftime("%Y-%m-%d %H:%M") if holder.since else self.tr("(unknown)")
            ))
        else:
            details.addRow(self.tr("Open by:"), self._value(self.tr("another copy of LBS Desk that is still starting")))
        explanation = QLabel(self.tr(
            "Only one copy of LBS Desk can change the learner files at a time, so that no one's work is "
            "overwritten. Ask them to close LBS Desk, then open it again here.\n\n"
            "Meanwhile you can open the database read-only to look things up: nothing can be changed or "
            "saved in that window."
        ))
        explanation.setWordWrap(True)
        self.read_only_button = QPushButton(self.tr("Open &read-only"))
        self.read_only_button.setObjectName("openReadOnlyButton")
        self.read_only_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.setObjectName("quitButton")
        buttons = QDialogButtonBox()
        buttons.addButton(self.read_only_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.read_only_button.clicked.connect(lambda: self.done(self.OPEN_READ_ONLY))
        self.quit_button.clicked.connect(lambda: self.done(self.QUIT))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addLayout(details)
        layout.addWidget(explanation)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @staticmethod
    def _value(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("font-weight: 600;")
        return label

    def reject(self) -> None:  # Escape and the window's close button quit
        self.done(self.QUIT)
