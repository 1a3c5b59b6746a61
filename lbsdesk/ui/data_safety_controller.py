"""Data safety in the main window: automatic backups and their status, restore and "look inside",
read-only windows, sign-in and the idle lock, staff accounts and retention (issue 8).

The controller attaches itself to a ``MainWindow`` through its public parts (menu bar, status bar,
``backup_label``, ``learner_editor``, actions by object name), so the window itself knows nothing
of it::

    controller = DataSafetyController(window, database, lock, settings, staff=identity)
    controller.attach()
    ...                       # window shown
    controller.window_shown() # the backup at open, on a worker thread
    ...                       # app.exec() returned
    controller.shutdown()     # the closing backup

The non-Qt work is in ``lbsdesk.db.backup_rotation``, ``db.backup``, ``services.staff_accounts`` and
``services.retention`` (docs/data-safety-contract.md).  Backup warnings never block work: they show
in the status bar, and a click opens the backup settings.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from lbsdesk.db.backup_rotation import (
    MISSING,
    MISSING_FOR_A_WEEK,
    automatic_backup,
    backup_due,
    backup_status,
    second_folder_warning,
)
from lbsdesk.errors import LbsDeskError
from lbsdesk.services import staff_accounts
from lbsdesk.ui import settings as opts
from lbsdesk.ui.backup_settings_panel import (
    WARNING_STYLE,
    BackupSettingsDialog,
    PassphraseDialog,
    encrypt_second_folder,
    second_folder,
)
from lbsdesk.ui.background import run_with_progress
from lbsdesk.ui.idle_lock_overlay import IdleLockOverlay

#: How often the controller asks whether the daily backup is due.
BACKUP_CHECK_MS = 60 * 60 * 1000
#: How often the idle lock's clock is looked at.
IDLE_CHECK_MS = 15 * 1000
#: Hours between automatic backups while the program stays open.
BACKUP_EVERY_HOURS = 24
#: Input that counts as someone using the program.
ACTIVITY_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})
#: Main-window actions that change data, switched off in a read-only window.
EDITING_ACTIONS = ("newLearnerAction", "newInquiryAction", "saveLearnerAction", "mergeAction")

READ_ONLY_STYLE = "color: white; background: #a12622; font-weight: 600; border-radius: 3px; padding: 1px 8px;"


def tr(text: str) -> str:
    return QCoreApplication.translate("DataSafety", text)


# --- small pieces other modules use ---------------------------------------------------------------


def set_signed_in_staff(database, staff_id: int | None) -> None:  # noqa: ANN001
    """Record ``staff_id`` on every session the database opens from now on (``session.info["staff_id"]``,
    which the audit trail reads), and as ``database.current_staff_id``."""
    database.current_staff_id = staff_id
    factory = database.session_factory
    info = dict(factory.kw.get("info") or {})
    if staff_id is None:
        info.pop("staff_id", None)
    else:
        info["staff_id"] = staff_id
    factory.configure(info=info)


def mark_read_only(window: QMainWindow, note: str, title_suffix: str | None = None) -> QLabel:
    """Say READ-ONLY in the window title and the status bar, and switch off the editing actions."""
    suffix = " — " + (title_suffix or tr("READ-ONLY"))

    def retitle(title: str) -> None:
        if not title.endswith(suffix):
            window.setWindowTitle(title + suffix)

    window.windowTitleChanged.connect(retitle)
    retitle(window.windowTitle())
    label = QLabel(note)
    label.setObjectName("readOnlyLabel")
    label.setStyleSheet(READ_ONLY_STYLE)
    label.setToolTip(tr("Nothing can be changed or saved in this window; it is for looking things up."))
    label.setMinimumWidth(label.sizeHint().width())
    window.statusBar().insertPermanentWidget(0, label)
    for action in window.findChildren(QAction):
        if action.objectName() in EDITING_ACTIONS:
            action.setEnabled(False)
    return label


def install_error_messages() -> None:
    """Show an ``LbsDeskError`` that escaped a slot (a save refused in a read-only window, say) as a
    message rather than a traceback on the console."""
    previous = sys.excepthook

    def hook(kind, value, traceback) -> None:  # noqa: ANN001
        if isinstance(value, LbsDeskError) and QApplication.instance() is not None:
            QMessageBox.warning(QApplication.activeWindow(), tr("LBS Desk"), str(value))
            return
        previous(kind, value, traceback)

    sys.excepthook = hook


class QuietTask(QObject):
    """Work on a worker thread with no progress dialog (automatic backups must never block work);
    the callbacks run on the GUI thread."""

    finished = Signal()
    """The work ended and its callback ran."""

    def __init__(self, parent: QObject, work: Callable[[], object], done: Callable[[object], None],
                 failed: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self._work, self._done, self._failed = work, done, failed
        self._outcome: tuple[bool, object] | None = None
        self._thread = threading.Thread(target=self._run, name="lbsdesk-quiet", daemon=True)
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._check)

    def _run(self) -> None:
        try:
            self._outcome = (True, self._work())
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            self._outcome = (False, exc)

    def start(self) -> "QuietTask":
        self._thread.start()
        self._timer.start()
        return self

    def is_running(self) -> bool:
        return self._outcome is None

    def wait(self) -> None:
        """Block until the work ends and run its callback now (used at close and before a restore)."""
        self._thread.join()
        self._check()

    def _check(self) -> None:
        if self._outcome is None or not self._timer.isActive():
            return
        self._timer.stop()
        ok, value = self._outcome
        try:
            (self._done if ok else self._failed)(value)  # type: ignore[arg-type]
        finally:
            self.finished.emit()


# --- the controller ------------------------------------------------------------------------------


class DataSafetyController(QObject):
    """Backups, restore, read-only, sign-in, the idle lock, staff accounts and retention for one window."""

    backup_finished = Signal(object)
    """An automatic backup ended (its ``AutomaticBackupOutcome``)."""
    restored = Signal(object)
    """A backup was restored and the window reloaded (the ``RestoreOutcome``)."""
    locked = Signal()
    """The idle lock covered the window."""
    unlocked = Signal()
    """A staff member signed in again and the window is back."""

    def __init__(self, window: QMainWindow, database, lock=None, settings=None, *,  # noqa: ANN001
                 staff=None, automatic_backups: bool = True, idle_lock: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.writer_lock = lock
        self.settings = settings if settings is not None else opts.app_settings()
        self.staff = staff
        self.automatic_backups = automatic_backups
        self.idle_lock_allowed = idle_lock
        self.idle_lock: staff_accounts.IdleLock | None = None
        self.accounts_enabled = False
        self._passphrase: str | None = None
        self._passphrase_declined = False
        self._backup_task: QuietTask | None = None
        self._task = None
        self._last_warnings: list[str] = []
        self._last_activity_noted = 0.0
        self._disabled_actions: list[QAction] = []
        self._hidden_windows: list[QWidget] = []
        self._backup_windows: list[tuple[QMainWindow, ExitStack]] = []
        self._filter_installed = False
        self._status = None
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(IDLE_CHECK_MS)
        self.idle_timer.timeout.connect(self.check_idle)
        self.overlay: IdleLockOverlay | None = None
        self.read_only_label: QLabel | None = None

    # --- attaching ------------------------------------------------------------------------------

    @property
    def db_path(self) -> Path | None:
        return self.database.sqlite_path

    @property
    def read_only(self) -> bool:
        return bool(getattr(self.database, "read_only", False))

    def can_back_up(self) -> bool:
        """Automatic backups run in the copy that holds the database for writing, on an SQLite file."""
        held = self.writer_lock is None or getattr(self.writer_lock, "held", True)
        return self.automatic_backups and not self.read_only and self.db_path is not None and held

    def attach(self) -> "DataSafetyController":
        window = self.window
        self._build_menus()
        bar = window.statusBar()
        self.signed_in_label = QLabel()
        self.signed_in_label.setObjectName("signedInLabel")
        self.signed_in_label.hide()
        bar.addPermanentWidget(self.signed_in_label)
        # Without staff accounts nobody signs in: "Working as" says who made each change (the audit
        # trail records it) without asking for a password.
        self.working_as_label = QLabel(tr("Working as:"))
        self.working_as = QComboBox()
        self.working_as.setObjectName("workingAsCombo")
        self.working_as.setAccessibleName(tr("Working as"))
        self.working_as_label.setBuddy(self.working_as)
        self.working_as.currentIndexChanged.connect(self._working_as_changed)
        bar.addPermanentWidget(self.working_as_label)
        bar.addPermanentWidget(self.working_as)
        self.backup_warning = QPushButton()
        self.backup_warning.setObjectName("backupWarningButton")
        self.backup_warning.setFlat(True)
        self.backup_warning.setCursor(Qt.CursorShape.PointingHandCursor)
        self.backup_warning.setStyleSheet(WARNING_STYLE + " font-weight: 600; padding: 0 6px; text-align: left;")
        self.backup_warning.clicked.connect(self.open_backup_settings)
        self.backup_warning.hide()
        bar.addPermanentWidget(self.backup_warning)
        # The window's own label reads the data folder; this one reads the backups beside this database.
        window.update_backup_label = self.update_backup_label  # type: ignore[method-assign]
        if self.read_only:
            self.read_only_label = mark_read_only(
                window, tr("READ-ONLY: look things up only; nothing can be saved")
            )
        self.overlay = IdleLockOverlay(window, self.database)
        self.overlay.unlocked.connect(self._unlocked)
        set_signed_in_staff(self.database, self.staff.staff_id if self.staff else None)
        self.configure_idle_lock()
        self.update_backup_label()
        if self.can_back_up():
            self.backup_timer.start()
        return self

    def _build_menus(self) -> None:
        window = self.window
        bar = window.menuBar()
        backup_action = getattr(window, "backup_action", None)
        file_menu = None
        for menu in bar.findChildren(QMenu):
            if backup_action is not None and backup_action in menu.actions():
                file_menu = menu
        if file_menu is None:
            file_menu = bar.actions()[0].menu() if bar.actions() else bar.addMenu(tr("&File"))
        self.restore_action = QAction(tr("&Restore from a backup…"), window)
        self.restore_action.setObjectName("restoreBackupAction")
        self.restore_action.triggered.connect(self.restore_from_backup)
        self.look_inside_action = QAction(tr("&Look inside a backup (read-only)…"), window)
        self.look_inside_action.setObjectName("lookInsideBackupAction")
        self.look_inside_action.triggered.connect(self.look_inside_a_backup)
        actions = file_menu.actions()
        before = None
        if backup_action in actions:
            index = actions.index(backup_action)
            before = actions[index + 1] if index + 1 < len(actions) else None
        file_menu.insertAction(before, self.restore_action)
        file_menu.insertAction(before, self.look_inside_action)
        usable = self.db_path is not None
        self.restore_action.setEnabled(usable and not self.read_only)
        self.look_inside_action.setEnabled(usable)

        settings_menu = None
        for action in bar.actions():
            if action.menu() is not None and action.text().replace("&", "") == tr("Settings"):
                settings_menu = action.menu()
        if settings_menu is None:
            settings_menu = QMenu(tr("&Settings"), bar)
            settings_menu.setObjectName("settingsMenu")
            last = bar.actions()[-1] if bar.actions() else None  # Help stays last
            bar.insertMenu(last, settings_menu)
        else:
            settings_menu.addSeparator()
        self.backup_settings_action = settings_menu.addAction(tr("&Backups…"), self.open_backup_settings)
        self.backup_settings_action.setObjectName("backupSettingsAction")
        self.backup_settings_action.setEnabled(usable)
        self.staff_accounts_action = settings_menu.addAction(tr("S&taff accounts and sign-in…"), self.open_staff_accounts)
        self.staff_accounts_action.setObjectName("staffAccountsAction")
        self.retention_action = settings_menu.addAction(tr("&Files past retention…"), self.open_retention)
        self.retention_action.setObjectName("retentionAction")
        for action in (self.staff_accounts_action, self.retention_action):
            action.setEnabled(not self.read_only)

    def window_shown(self) -> None:
        """The window is up: make the backup at open (on a worker thread)."""
        if self.can_back_up():
            QTimer.singleShot(0, lambda: self.start_backup(ask_passphrase=True))

    # --- automatic backups ------------------------------------------------------------------------

    def is_backing_up(self) -> bool:
        return self._backup_task is not None and self._backup_task.is_running()

    def _second_folder_arguments(self, ask: bool) -> tuple[Path | None, str | None, str | None]:
        """(second folder, passphrase, note): the folder is left out when its copies must be encrypted
        and no passphrase was given this session (an unencrypted copy must never reach it)."""
        folder = second_folder(self.settings)
        if folder is None or not encrypt_second_folder(self.settings):
            return folder, None, None
        if self._passphrase:
            return folder, self._passphrase, None
        if ask and not self._passphrase_declined and folder.is_dir():
            dialog = PassphraseDialog(
                tr("The backups copied to %s are encrypted. Type the passphrase for this session "
                   "(it is asked once each time LBS Desk starts, and never saved).") % folder,
                confirm=True, parent=self.window,
            )
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self._passphrase = dialog.value()
                return folder, self._passphrase, None
            self._passphrase_declined = True
        if not folder.is_dir():
            return None, None, None
        return None, None, tr(
            "No copy went to the second backup folder: its copies are encrypted and no passphrase was given "
            "this session. Open the backup settings to give it."
        )

    def start_backup(self, ask_passphrase: bool = True) -> bool:
        """Start an automatic backup on a worker thread; False when one is running or not possible."""
        if not self.can_back_up() or self.is_backing_up():
            return False
        folder, passphrase, note = self._second_folder_arguments(ask_passphrase)
        db_path = self.db_path

        def done(outcome: object) -> None:
            self._backup_done(outcome, note)

        def failed(exc: BaseException) -> None:  # automatic_backup never raises; this is a bug guard
            self._last_warnings = [tr("The automatic backup failed: %s") % exc]
            self.update_backup_label()

        self._backup_task = QuietTask(
            self, lambda: automatic_backup(db_path, second_folder=folder, passphrase=passphrase), done, failed
        ).start()
        self.update_backup_label()
        return True

    def backup_if_due(self) -> bool:
        if self.db_path is None or not backup_due(self.db_path, datetime.now(), BACKUP_EVERY_HOURS):
            return False
        return self.start_backup(ask_passphrase=True)

    def _backup_done(self, outcome, note: str | None) -> None:  # noqa: ANN001
        folder = second_folder(self.settings)
        ordinary_missing = second_folder_warning(folder, MISSING, None) if folder else None
        self._last_warnings = [text for text in outcome.warnings if text and text != ordinary_missing]
        if note:
            self._last_warnings.append(note)
        self.update_backup_label()
        if outcome.backup is not None:
            self.window.statusBar().showMessage(tr("Automatic backup made."), 4000)
        self.backup_finished.emit(outcome)

    def backup_warnings(self) -> list[str]:
        """What the status bar warns about now (a second folder missing for a week, a failed backup)."""
        warnings = list(self._last_warnings)
        status = self._status
        if status is not None and status.second_folder_status == MISSING_FOR_A_WEEK and status.warning:
            if status.warning not in warnings:
                warnings.insert(0, status.warning)
        return warnings

    def update_backup_label(self) -> None:
        label = self.window.backup_label
        self._status = None
        if self.db_path is None:
            label.setText(tr("Backups: made by the database server"))
            self.backup_warning.hide()
            return
        self._status = backup_status(self.db_path, second_folder(self.settings))
        when = self._status.last_backup_at
        text = tr("Last backup: %s") % when.strftime("%Y-%m-%d %H:%M") if when else tr("Last backup: no backup yet")
        if self.is_backing_up():
            text += " " + tr("(backing up now…)")
        label.setText(text)
        warnings = self.backup_warnings()
        if warnings:
            week = self._status.second_folder_status == MISSING_FOR_A_WEEK
            self.backup_warning.setText(
                "⚠ " + (tr("Second backup folder missing for a week") if week else tr("Backup problem"))
            )
            self.backup_warning.setToolTip("\n\n".join(warnings) + "\n\n" + tr("Click to open the backup settings."))
            self.backup_warning.show()
        else:
            self.backup_warning.hide()

    def open_backup_settings(self) -> None:
        dialog = BackupSettingsDialog(self.settings, self.window)
        dialog.panel.show_status(self._status_now(), "\n".join(self._last_warnings) or None)

        def backup_now() -> None:
            dialog.panel.apply()
            self._passphrase_declined = False
            if self.start_backup(ask_passphrase=True):
                self._backup_task.finished.connect(  # type: ignore[union-attr]
                    lambda: dialog.panel.show_status(self._status_now(), "\n".join(self._last_warnings) or None)
                )

        dialog.panel.backup_now.setEnabled(self.can_back_up())
        dialog.panel.backup_now_requested.connect(backup_now)
        before = (second_folder(self.settings), encrypt_second_folder(self.settings))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            if (second_folder(self.settings), encrypt_second_folder(self.settings)) != before:
                self._passphrase_declined = False
                self._last_warnings = []
        self.update_backup_label()

    def _status_now(self):  # noqa: ANN202
        return backup_status(self.db_path, second_folder(self.settings)) if self.db_path else None

    # --- restore and look inside ------------------------------------------------------------------

    def restore_from_backup(self) -> None:
        self._choose_backup(look_only=False)

    def look_inside_a_backup(self) -> None:
        self._choose_backup(look_only=True)

    def _choose_backup(self, look_only: bool) -> None:
        from lbsdesk.ui.restore_dialog import LOOK_INSIDE, RestoreDialog

        if self.db_path is None:
            return
        dialog = RestoreDialog(self.db_path, second_folder(self.settings), self.window,
                               look_only=look_only or self.read_only)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        if dialog.action == LOOK_INSIDE:
            self.look_inside(dialog.chosen)
        else:
            self.restore(dialog.chosen)

    def _ask_passphrase(self, info) -> str | None:  # noqa: ANN001
        dialog = PassphraseDialog(
            tr("The backup made on %s is encrypted. Type its passphrase.") % info.made_at.strftime("%Y-%m-%d %H:%M"),
            parent=self.window,
        )
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm_restore(self, info) -> bool:  # noqa: ANN001
        made = info.made_at.strftime("%Y-%m-%d %H:%M")
        counts = ""
        if info.learners is not None:
            counts = tr(" (%d learners, %d referrals)") % (info.learners, info.referrals or 0)
        box = QMessageBox(self.window)
        box.setObjectName("confirmRestoreBox")
        box.setStyleSheet("QLabel { min-width: 440px; }")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Restore this backup?"))
        box.setText(tr("Go back to the backup made on %s%s?") % (made, counts))
        box.setInformativeText(tr(
            "The database %s will be replaced by this backup: anything entered or changed after %s will no "
            "longer be in it.\n\nA safety copy of the database as it is now is kept first, in %s, so this "
            "can be undone by restoring that copy."
        ) % (self.db_path, made, self.db_path.parent / "backups"))
        restore_button = box.addButton(tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        restore_button.setObjectName("confirmRestoreButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is restore_button

    def restore(self, info, *, passphrase: str | None = None, confirmed: bool = False) -> None:  # noqa: ANN001
        """Confirm, ask the passphrase if needed, restore on the worker, then reload the window."""
        from lbsdesk.db.backup import restore_database

        if self.read_only or self.db_path is None:
            QMessageBox.information(self.window, tr("Restore"), tr(
                "This window is read-only: restoring needs the copy of LBS Desk that has the database open for changes."
            ))
            return
        editor = getattr(self.window, "learner_editor", None)
        if editor is not None and self.window.learners_page.currentWidget() is editor and not editor.confirm_discard():
            return
        if not confirmed and not self.confirm_restore(info):
            return
        if info.encrypted and not passphrase:
            passphrase = self._ask_passphrase(info)
            if not passphrase:
                return
        self.backup_timer.stop()
        if self._backup_task is not None and self._backup_task.is_running():
            self._backup_task.wait()
        url, path = self.database.url, info.path
        self.database.engine.dispose()  # no connection of ours stays open on the file being replaced

        def done(outcome: object) -> None:
            self._after_restore()
            safety = outcome.safety_copy  # type: ignore[attr-defined]
            text = tr("The backup made on %s is back: %d learners, %d referrals.") % (
                info.made_at.strftime("%Y-%m-%d %H:%M"), outcome.learners, outcome.referrals)  # type: ignore[attr-defined]
            if safety is not None:
                text += "\n\n" + tr("The database as it was before is kept as %s.") % safety
            self.window.statusBar().showMessage(tr("Backup restored."), 8000)
            QMessageBox.information(self.window, tr("Backup restored"), text)
            self.restored.emit(outcome)

        def failed(exc: BaseException) -> None:
            self._after_restore()
            message = str(exc) if isinstance(exc, LbsDeskError) else tr("Restoring failed (%s).") % type(exc).__name__
            QMessageBox.critical(self.window, tr("The backup was not restored"), message)

        self._task = run_with_progress(
            self.window, tr("Restoring the backup…"),
            lambda: restore_database(url, path, passphrase=passphrase), done, failed,
        )

    def _after_restore(self) -> None:
        from lbsdesk.services.staff_account_list import list_staff_accounts

        try:
            with self.database.session() as session:
                known = {row.staff_id for row in list_staff_accounts(session) if row.active}
        except LbsDeskError:
            known = set()
        if self.staff is not None and self.staff.staff_id not in known:
            self.staff = None  # not in the restored database: changes would name someone unknown
        set_signed_in_staff(self.database, self.staff.staff_id if self.staff else None)
        self.configure_idle_lock()
        self.reload_window()
        if self.can_back_up():
            self.backup_timer.start()

    def reload_window(self) -> None:
        """Show what the database holds now (after a restore)."""
        window = self.window
        pages = getattr(window, "learners_page", None)
        if pages is not None and pages.currentWidget() is not getattr(window, "learner_list", None):
            pages.setCurrentWidget(window.learner_list)
        window.update_title()
        window.refresh()
        for name in ("monthly_sheet", "fiscal_year"):
            pane = getattr(window, name, None)
            if pane is not None and hasattr(pane, "refresh"):
                pane.refresh()

    def look_inside(self, info, *, passphrase: str | None = None) -> None:  # noqa: ANN001
        """Open the backup read-only in a second main window (decrypted to a temporary folder if need be)."""
        from lbsdesk.db.backup_rotation import opened_backup

        if info.encrypted and not passphrase:
            passphrase = self._ask_passphrase(info)
            if not passphrase:
                return
        stack = ExitStack()

        def work() -> object:
            return stack.enter_context(opened_backup(info.path, passphrase=passphrase))

        def done(database: object) -> None:
            self._open_backup_window(info, database, stack)

        def failed(exc: BaseException) -> None:
            stack.close()
            message = str(exc) if isinstance(exc, LbsDeskError) else tr("Opening failed (%s).") % type(exc).__name__
            QMessageBox.critical(self.window, tr("The backup could not be opened"), message)

        self._task = run_with_progress(self.window, tr("Opening the backup…"), work, done, failed)

    def _open_backup_window(self, info, database, stack: ExitStack) -> QMainWindow:  # noqa: ANN001
        from lbsdesk.ui.main_window import MainWindow

        made = info.made_at.strftime("%Y-%m-%d %H:%M")
        window = MainWindow(database, self.settings, parent=self.window)
        window.setWindowFlag(Qt.WindowType.Window, True)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.setObjectName("backupWindow")
        window.remember_layout = False
        window.confirm_on_close = False
        mark_read_only(window, tr("READ-ONLY: backup of %s") % made, tr("BACKUP OF %s — READ-ONLY") % made)
        backup_action = getattr(window, "backup_action", None)
        if backup_action is not None:
            backup_action.setEnabled(False)
        window.backup_label.setText(tr("Nothing here is saved"))
        database_label = getattr(window, "database_label", None)
        if database_label is not None:
            database_label.setText(tr("Backup: %s") % info.path)
            database_label.setToolTip(str(info.path))
        entry = (window, stack)
        self._backup_windows.append(entry)

        def forget() -> None:
            if entry in self._backup_windows:
                self._backup_windows.remove(entry)
            stack.close()

        window.destroyed.connect(forget)
        window.resize(self.window.size())
        window.show()
        window.load()
        return window

    def backup_windows(self) -> list[QMainWindow]:
        return [window for window, _stack in self._backup_windows]

    # --- sign-in and the idle lock ----------------------------------------------------------------

    def _fill_working_as(self) -> None:
        """Offer "Working as" when there are no accounts (and the database can be written)."""
        show = not self.accounts_enabled and not self.read_only
        self.working_as_label.setVisible(show)
        self.working_as.setVisible(show)
        if not show:
            return
        from lbsdesk.services.agency import list_staff

        try:
            with self.database.session() as session:
                staff = [row for row in list_staff(session) if row.active]
        except LbsDeskError:
            staff = []
        remembered = int(opts.read(self.settings, opts.WORKING_AS) or 0)
        self.working_as.blockSignals(True)
        self.working_as.clear()
        self.working_as.addItem(tr("(choose your name)"), 0)
        for row in staff:
            self.working_as.addItem(row.name, row.id)
        index = self.working_as.findData(remembered)
        self.working_as.setCurrentIndex(max(0, index))
        self.working_as.blockSignals(False)
        self._working_as_changed()

    def _working_as_changed(self, *_args) -> None:  # noqa: ANN002
        if self.accounts_enabled:
            return
        staff_id = self.working_as.currentData() or None
        set_signed_in_staff(self.database, staff_id)
        opts.write(self.settings, opts.WORKING_AS, staff_id or 0)

    def configure_idle_lock(self) -> None:
        """Read whether accounts are on and the idle minutes; start or stop the lock's clock."""
        try:
            with self.database.session() as session:
                self.accounts_enabled = staff_accounts.accounts_enabled(session)
                minutes = staff_accounts.idle_lock_minutes(session)
        except LbsDeskError:
            self.accounts_enabled, minutes = False, 0
        if self.staff is not None and self.accounts_enabled:
            self.signed_in_label.setText(tr("Signed in: %s") % self.staff.name)
            self.signed_in_label.show()
        else:
            self.signed_in_label.hide()
        self._fill_working_as()
        if self.idle_lock_allowed and self.accounts_enabled and minutes > 0:
            if self.idle_lock is None:
                self.idle_lock = staff_accounts.IdleLock(minutes)
            else:
                self.idle_lock.minutes = minutes
            if not self._filter_installed:
                QApplication.instance().installEventFilter(self)
                self._filter_installed = True
            self.idle_timer.start()
        else:
            if self.idle_lock is not None and self.idle_lock.locked:
                self._show_window_again()
            self.idle_lock = None
            self.idle_timer.stop()
            self._remove_filter()

    def _remove_filter(self) -> None:
        if self._filter_installed and QApplication.instance() is not None:
            QApplication.instance().removeEventFilter(self)
        self._filter_installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        lock = self.idle_lock
        if lock is not None and not lock.locked and event.type() in ACTIVITY_EVENTS:
            now = time.monotonic()
            if now - self._last_activity_noted >= 1.0:  # a clock read a second is plenty
                self._last_activity_noted = now
                lock.note_activity()
        return False

    def check_idle(self) -> None:
        if self.idle_lock is not None and self.idle_lock.due():
            self.lock_now()

    def is_locked(self) -> bool:
        return self.idle_lock is not None and self.idle_lock.locked

    def lock_now(self) -> None:
        """Hide every learner detail behind the sign-in panel."""
        if self.idle_lock is None or self.idle_lock.locked:
            return
        self.idle_lock.lock()
        window = self.window
        self._disabled_actions = [action for action in window.findChildren(QAction) if action.isEnabled()]
        for action in self._disabled_actions:
            action.setEnabled(False)
        window.menuBar().setEnabled(False)
        central = window.centralWidget()
        if central is not None:
            central.hide()
        window.statusBar().clearMessage()
        self._hidden_windows = [w for w in self.backup_windows() if w.isVisible()]
        for other in self._hidden_windows:
            other.hide()
        assert self.overlay is not None
        self.overlay.show_locked(self.idle_lock.minutes, self.staff.username if self.staff else "")
        self.locked.emit()

    def try_unlock(self, username: str, password: str) -> bool:
        """Unlock with a sign-in (what the overlay's Unlock button does)."""
        assert self.overlay is not None
        self.overlay.form.username.setText(username)
        self.overlay.form.password.setText(password)
        return self.overlay.form.try_sign_in() is not None

    def _unlocked(self, identity) -> None:  # noqa: ANN001
        if self.idle_lock is None or not self.idle_lock.unlock(identity):
            return
        if self.staff is None or identity.staff_id != self.staff.staff_id:
            self.staff = identity
            set_signed_in_staff(self.database, identity.staff_id)
            self.signed_in_label.setText(tr("Signed in: %s") % identity.name)
            self.signed_in_label.show()
        self._show_window_again()
        self.unlocked.emit()

    def _show_window_again(self) -> None:
        window = self.window
        assert self.overlay is not None
        self.overlay.hide()
        central = window.centralWidget()
        if central is not None:
            central.show()
        window.menuBar().setEnabled(True)
        for action in self._disabled_actions:
            action.setEnabled(True)
        self._disabled_actions = []
        for other in self._hidden_windows:
            other.show()
        self._hidden_windows = []

    def sign_out(self) -> None:
        set_signed_in_staff(self.database, None)
        self.staff = None

    # --- staff accounts and retention ----------------------------------------------------------------

    def open_staff_accounts(self) -> None:
        from lbsdesk.ui.staff_accounts_dialog import StaffAccountsDialog

        dialog = StaffAccountsDialog(self.database, self.window)
        if self.staff is not None:
            dialog.select_staff(self.staff.staff_id)
        dialog.accounts_changed.connect(self.configure_idle_lock)
        dialog.exec()
        self.configure_idle_lock()

    def open_retention(self) -> None:
        from lbsdesk.ui.retention_dialog import RetentionDialog

        dialog = RetentionDialog(self.database, self.window, staff_id=self.staff.staff_id if self.staff else None)
        dialog.details_removed.connect(lambda _count: self.window.refresh())
        dialog.exec()

    # --- closing ------------------------------------------------------------------------------------

    def shutdown(self, *, closing_backup: bool = True):  # noqa: ANN201 - AutomaticBackupOutcome | None
        """Stop the clocks, close the backup windows, wait for a running backup, make the closing one."""
        self.backup_timer.stop()
        self.idle_timer.stop()
        self._remove_filter()
        for window, stack in list(self._backup_windows):
            window.close()
            stack.close()
        self._backup_windows.clear()
        if self._backup_task is not None and self._backup_task.is_running():
            self._backup_task.wait()
        if not closing_backup or not self.can_back_up():
            return None
        folder, passphrase, _note = self._second_folder_arguments(ask=False)
        return automatic_backup(self.db_path, second_folder=folder, passphrase=passphrase)
