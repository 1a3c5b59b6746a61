"""Backup settings: the second backup folder (a USB stick or a network drive), whether its copies are
encrypted, and what the last backups did; plus the passphrase dialog used for encrypted backups.

The settings live in QSettings (per user, per PC: the USB stick's drive letter belongs to this PC).
The passphrase is never stored: it is asked once per session when a copy needs it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.db.encrypted_backup import MINIMUM_PASSPHRASE
from lbsdesk.ui import settings as opts
from lbsdesk.ui.form_widgets import FieldError

#: Declared here with their defaults (the data-safety settings; see settings.py for the others).
SECOND_FOLDER = opts.Option("backup/second_folder", "")
ENCRYPT_SECOND_FOLDER = opts.Option("backup/encrypt_second_folder", False)
#: Databases (paths, one per line) whose network-folder warning the person asked not to see again.
NETWORK_WARNING_HIDDEN = opts.Option("backup/network_warning_hidden", "")

WARNING_STYLE = "color: #8a4b00;"


def second_folder(settings: QSettings) -> Path | None:
    text = str(opts.read(settings, SECOND_FOLDER) or "").strip()
    return Path(text) if text else None


def encrypt_second_folder(settings: QSettings) -> bool:
    return bool(opts.read(settings, ENCRYPT_SECOND_FOLDER))


class PassphraseDialog(QDialog):
    """Asks for a backup passphrase; with ``confirm`` it is typed twice (for new encrypted copies)."""

    def __init__(self, explanation: str, *, confirm: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Backup passphrase"))
        self._confirm = confirm
        text = QLabel(explanation)
        text.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("passphraseRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        if confirm:
            form.addRow(self.tr("&Type it again"), self.repeat)
            rule = QLabel(self.tr(
                "At least %d characters. Write it down and keep it somewhere safe: without it the "
                "encrypted backups cannot be restored. LBS Desk never saves it."
            ) % MINIMUM_PASSPHRASE)
            rule.setObjectName("hint")
            rule.setWordWrap(True)
            form.addRow("", rule)
        else:
            self.repeat.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def value(self) -> str:
        return self.passphrase.text()

    def accept(self) -> None:
        text = self.passphrase.text()
        if not text:
            self.error.show_message(self.tr("Passphrase: type it, or choose Cancel."))
            return
        if self._confirm:
            if len(text) < MINIMUM_PASSPHRASE:
                self.error.show_message(
                    self.tr("Passphrase: use at least %d characters (this one has %d).") % (MINIMUM_PASSPHRASE, len(text))
                )
                return
            if text != self.repeat.text():
                self.error.show_message(self.tr("The two passphrases differ: type the same one twice."))
                return
        super().accept()


class BackupSettingsPanel(QWidget):
    """The second folder, encryption, and the state of the backups (with any warning)."""

    changed = Signal()
    """Something in the panel was edited."""
    backup_now_requested = Signal()
    """The person asked for a backup now."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupSettingsPanel")
        self._settings = settings

        where = QGroupBox(self.tr("Second backup folder"))
        self.folder = QLineEdit()
        self.folder.setObjectName("secondFolder")
        self.folder.setPlaceholderText(self.tr("None: backups are kept on this PC only"))
        self.folder.textEdited.connect(self.changed)
        choose = QPushButton(self.tr("&Choose…"))
        choose.setObjectName("chooseSecondFolder")
        choose.clicked.connect(self._choose)
        clear = QPushButton(self.tr("C&lear"))
        clear.clicked.connect(lambda: (self.folder.clear(), self.changed.emit()))
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        row.addWidget(clear)
        self.encrypt = QCheckBox(self.tr("&Encrypt the copies in the second folder with a passphrase"))
        self.encrypt.setObjectName("encryptSecondFolder")
        self.encrypt.toggled.connect(self.changed)
        hint = QLabel(self.tr(
            "A USB stick or a network drive, so that a fire, a theft or a broken disk does not take the "
            "backups with the PC. Encrypt the copies when the stick leaves the office: the passphrase is "
            "asked once each time LBS Desk starts and is never saved."
        ))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        where_layout = QVBoxLayout(where)
        where_layout.addLayout(row)
        where_layout.addWidget(self.encrypt)
        where_layout.addWidget(hint)

        state = QGroupBox(self.tr("Automatic backups"))
        self.last_backup = QLabel()
        self.last_backup.setObjectName("lastBackupText")
        self.second_state = QLabel()
        self.second_state.setObjectName("secondFolderState")
        self.second_state.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("backupWarningText")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning.hide()
        rule = QLabel(self.tr(
            "Made when LBS Desk opens and closes and once a day while it is open, beside the database "
            "(in its backups folder). Kept: one a day for a week, one a week for a month, one a month "
            "for a year."
        ))
        rule.setObjectName("hint")
        rule.setWordWrap(True)
        self.backup_now = QPushButton(self.tr("&Back up now"))
        self.backup_now.setObjectName("backupNowButton")
        self.backup_now.clicked.connect(self.backup_now_requested)
        state_form = QFormLayout(state)
        state_form.addRow(self.tr("Last backup:"), self.last_backup)
        state_form.addRow(self.tr("Second folder:"), self.second_state)
        state_form.addRow(self.warning)
        state_form.addRow(rule)
        now_row = QHBoxLayout()
        now_row.addStretch(1)
        now_row.addWidget(self.backup_now)
        state_form.addRow(now_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(where)
        layout.addWidget(state)
        self.load()

    def load(self) -> None:
        folder = second_folder(self._settings)
        self.folder.setText(str(folder) if folder else "")
        self.encrypt.setChecked(encrypt_second_folder(self._settings))

    def show_status(self, status, extra_warning: str | None = None) -> None:  # noqa: ANN001 - BackupStatus or None
        """What the backups did: ``backup_rotation.BackupStatus`` (None for a database server)."""
        if status is None:
            self.last_backup.setText(self.tr("Not available: this database is not a file on this PC."))
            self.second_state.setText("")
            self.backup_now.setEnabled(False)
            return
        when = status.last_backup_at
        self.last_backup.setText(when.strftime("%Y-%m-%d %H:%M") if when else self.tr("No backup yet"))
        if status.second_folder_status is None:
            self.second_state.setText(self.tr("None set"))
        elif status.second_folder_status == "ok":
            last = status.second_folder_last_success_at
            self.second_state.setText(
                self.tr("Connected; last copy %s") % last.strftime("%Y-%m-%d %H:%M") if last else self.tr("Connected")
            )
        else:
            self.second_state.setText(self.tr("Not connected"))
        warnings = [text for text in (status.warning, extra_warning) if text]
        self.warning.setText("\n".join(dict.fromkeys(warnings)))
        self.warning.setVisible(bool(warnings))

    def chosen_folder(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text) if text else None

    def apply(self) -> None:
        folder = self.chosen_folder()
        opts.write(self._settings, SECOND_FOLDER, str(folder) if folder else "")
        opts.write(self._settings, ENCRYPT_SECOND_FOLDER, self.encrypt.isChecked())
        self._settings.sync()

    def _choose(self) -> None:
        start = self.folder.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the second backup folder"), start)
        if chosen:
            self.folder.setText(chosen)
            self.changed.emit()


class BackupSettingsDialog(QDialog):
    """Settings → Backups…: the panel with Save and Cancel."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupSettingsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.panel = BackupSettingsPanel(settings)
        self.error = FieldError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    def accept(self) -> None:
        folder = self.panel.chosen_folder()
        if folder is not None and not folder.is_absolute():
            self.error.show_message(self.tr("Second backup folder: choose a whole folder path (use Choose…)."))
            return
        self.panel.apply()
        super().accept()
