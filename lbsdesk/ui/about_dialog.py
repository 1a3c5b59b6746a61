"""Help > About LBS Desk (``aboutDialog``): version, the database in use, and where the files are.

What staff read to a helper on the phone: the version, the database file (or server) the program has
open, the data folder (database and ``backups/``) and the log folder, with buttons that open those
folders and copy the details for a support e-mail. Nothing about learners is shown.

    from lbsdesk.ui.about_dialog import show_about
    show_about(main_window, database)        # modal; returns when closed

``application_icon()`` is the program's icon at every rendered size, for ``QApplication.setWindowIcon``.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QSize, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lbsdesk import APP_NAME, __version__
from lbsdesk.paths import backup_folder, data_folder, log_folder
from lbsdesk.resources import app_icon_paths, is_frozen

ICON_SIZE = 64


def application_icon() -> QIcon:
    """The LBS Desk icon (every size in ``resources/icons``); an empty icon when none is installed."""
    icon = QIcon()
    for path in app_icon_paths():
        icon.addFile(str(path))
    return icon


def _data_folder_of(database) -> Path:  # noqa: ANN001 - lbsdesk.db.engine.Database
    """The folder holding the database file in use (its backups go beside it), else the default one."""
    path = database.sqlite_path if database is not None else None
    return path.parent if path is not None else data_folder()


class AboutDialog(QDialog):
    """The About box: identity, the database in use and the folders, with buttons to open them."""

    def __init__(self, database, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About %s") % APP_NAME)
        self.database = database
        self.data_folder = _data_folder_of(database)
        self.backup_folder = self.data_folder / "backups" if database is not None and database.sqlite_path else backup_folder()
        self.log_folder = log_folder()

        icon = QLabel()
        icon.setObjectName("aboutIcon")
        pixmap = application_icon().pixmap(QSize(ICON_SIZE, ICON_SIZE))
        if not pixmap.isNull():
            icon.setPixmap(pixmap)
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(f"<h2 style='margin:0'>{APP_NAME}</h2>")
        version = QLabel(self.tr("Version %s") % __version__)
        version.setObjectName("aboutVersion")
        blurb = QLabel(
            self.tr(
                "Learners, referrals, plans and monthly tracking sheets for Ontario Literacy and Basic "
                "Skills agencies. Works offline: your data stays on this computer."
            )
        )
        blurb.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(version)
        heading.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addSpacing(8)
        top.addLayout(heading, 1)

        self.database_label = self._path_label("aboutDatabase", database.display_name if database is not None else self.tr("(none open)"))
        self.data_label = self._path_label("aboutDataFolder", str(self.data_folder))
        self.log_label = self._path_label("aboutLogFolder", str(self.log_folder))
        self.build_label = self._path_label("aboutBuild", self._build_text())
        form = QFormLayout()
        form.addRow(self.tr("Database:"), self.database_label)
        form.addRow(self.tr("Data folder:"), self.data_label)
        form.addRow(self.tr("Log folder:"), self.log_label)
        form.addRow(self.tr("Built with:"), self.build_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_data_button = QPushButton(self.tr("Open data folder"))
        self.open_data_button.setObjectName("openDataFolderButton")
        self.open_data_button.clicked.connect(lambda: self.open_folder(self.data_folder))
        self.open_logs_button = QPushButton(self.tr("Open log folder"))
        self.open_logs_button.setObjectName("openLogFolderButton")
        self.open_logs_button.clicked.connect(lambda: self.open_folder(self.log_folder))
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setObjectName("copyDetailsButton")
        self.copy_button.setToolTip(self.tr("Copy the version and folders, to paste into a message for help"))
        self.copy_button.clicked.connect(self.copy_details)
        for button in (self.open_data_button, self.open_logs_button, self.copy_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped labels get their height
        layout.addLayout(top)
        layout.addWidget(blurb)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    @staticmethod
    def _path_label(name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    @staticmethod
    def _build_text() -> str:
        kind = "packaged" if is_frozen() else "from source"
        return (
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PYSIDE_VERSION}; "
            f"{platform.system()} {platform.release()}; {kind}"
        )

    def details(self) -> str:
        """The plain text that "Copy details" puts on the clipboard (no personal information)."""
        return "\n".join(
            [
                f"{APP_NAME} {__version__}",
                f"Database: {self.database_label.text()}",
                f"Data folder: {self.data_folder}",
                f"Log folder: {self.log_folder}",
                f"Built with: {self._build_text()}",
                f"Executable: {sys.executable}",
            ]
        )

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    def open_folder(self, folder: Path) -> bool:
        """Show ``folder`` in the file manager (created first, so a fresh install has one to show)."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_about(parent: QWidget | None, database) -> AboutDialog:  # noqa: ANN001
    """Show the About box for ``database`` (a ``lbsdesk.db.engine.Database``, or None) modally."""
    dialog = AboutDialog(database, parent)
    dialog.exec()
    return dialog
