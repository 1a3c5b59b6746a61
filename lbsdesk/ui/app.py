"""The desktop app's entry point: ``run_app(database_url, smoke=False)``.

``lbsdesk`` (no command) and ``lbsdesk --smoke`` call this.  With ``smoke`` the main window opens
(offscreen works), the learner list paints once, one JSON line ``{"startup_ms": …, "rows": …}`` is
printed to stdout and the app exits 0.

Before the window: the one-writer lock (another copy holding the database: open it read-only or
quit), a network-folder warning, the offer to restore a damaged database's newest sound backup, the
first-run setup and, when staff accounts are on, the sign-in.  The data-safety controller then adds
backups, restore, the idle lock and the privacy settings to the window.  ``--smoke`` shows no dialog
and makes no backup.
"""

from __future__ import annotations

from lbsdesk.ui.process_clock import milliseconds_since_process_start  # first: its fallback clock starts here

import json
import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from lbsdesk import APP_NAME, ORG_NAME, __version__
from lbsdesk.errors import LbsDeskError

#: How long ``--smoke`` waits for the first paint before giving up.
SMOKE_TIMEOUT_MS = 30_000


def _application(argv: list[str] | None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("lbsdesk")  # Linux desktops match the window to lbsdesk.desktop
    from lbsdesk.ui.about_dialog import application_icon

    app.setWindowIcon(application_icon())
    return app


def _translate(text: str) -> str:
    return QCoreApplication.translate("App", text)


@dataclass
class OpenedDatabase:
    """The database the app works on, and the one-writer lock it holds (None when read-only)."""

    database: object
    lock: object | None


def run_app(database_url: str, *, smoke: bool = False, argv: list[str] | None = None) -> int:
    """Open the desktop app on ``database_url``; the exit status."""
    app = _application(argv)
    from lbsdesk.ui import settings as opts
    from lbsdesk.ui.main_window import MainWindow, apply_text_size

    settings = opts.app_settings()
    apply_text_size(opts.read(settings, opts.FONT_POINT_SIZE))

    opened = open_for_app(database_url, settings, smoke=smoke)
    if opened is None:
        return 1
    database, controller = opened.database, None
    try:
        from lbsdesk.ui.translations import apply_agency_language

        apply_agency_language(app, database)  # French screens for a French agency
        identity = None
        if not smoke:
            from lbsdesk.ui.data_safety_controller import install_error_messages

            install_error_messages()
            if not database.read_only:
                _first_run_setup(database)
                apply_agency_language(app, database)  # the language just chosen in the first-run setup
            signed_in, identity = sign_in_if_needed(database)
            if not signed_in:
                return 0
        window = MainWindow(database, settings)
        from lbsdesk.ui.data_safety_controller import DataSafetyController

        controller = DataSafetyController(
            window, database, opened.lock, settings, staff=identity,
            automatic_backups=not smoke, idle_lock=not smoke,
        ).attach()
        if smoke:
            return _smoke(app, window)
        window.show()
        window.load()
        controller.window_shown()
        window.show_due_at_start()
        return app.exec()
    finally:
        try:
            if controller is not None:
                controller.shutdown(closing_backup=not smoke)
        finally:
            database.dispose()
            if opened.lock is not None:
                opened.lock.release()


# --- opening: one writer, read-only, network folders, a damaged database ---------------------------


def open_for_app(database_url: str, settings, *, smoke: bool = False) -> OpenedDatabase | None:  # noqa: ANN001
    """Take the one-writer lock and open the database; None when the person quits (or it cannot open).

    Another copy holding the database: the in-use dialog (who, where, since when), then read-only or
    quit.  A database on a network folder: its warning, once.  A damaged database: the offer to
    restore the newest sound backup.  ``smoke`` shows no dialog (read-only when in use).
    """
    from lbsdesk.db.engine import sqlite_path_of
    from lbsdesk.db.migrate import open_database
    from lbsdesk.db.single_writer import DatabaseInUse, WriterLock
    from lbsdesk.errors import DatabaseProblem

    sqlite_file = sqlite_path_of(database_url)
    lock = None
    read_only = False
    if sqlite_file is not None:
        lock = WriterLock(sqlite_file)
        try:
            lock.acquire()
        except DatabaseInUse as exc:
            lock = None
            if smoke:
                print(f"lbsdesk: {exc} Opened read-only.", file=sys.stderr)
            else:
                from lbsdesk.ui.database_in_use_dialog import DatabaseInUseDialog

                if DatabaseInUseDialog(exc).exec() != DatabaseInUseDialog.OPEN_READ_ONLY:
                    return None
            read_only = True
        except DatabaseProblem as exc:  # the lock file cannot be made: a read-only folder
            lock = None
            if smoke or not _ask_read_only(str(exc)):
                if smoke:
                    print(f"lbsdesk: {exc}", file=sys.stderr)
                return None
            read_only = True

    try:
        try:
            database = open_database(database_url, read_only=read_only)
        except LbsDeskError as exc:
            if smoke or read_only or sqlite_file is None or not is_damaged_message(str(exc)):
                raise
            database = _offer_restore_after_damage(database_url, sqlite_file, settings, str(exc))
            if database is None:
                if lock is not None:
                    lock.release()
                return None
    except LbsDeskError as exc:
        if lock is not None:
            lock.release()
        if smoke:
            print(f"lbsdesk: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, _translate("LBS Desk cannot open the database"), str(exc))
        return None
    if not smoke and sqlite_file is not None:
        show_network_warning(sqlite_file, settings)
    return OpenedDatabase(database, lock)


def is_damaged_message(text: str) -> bool:
    """True for the damaged-database message of ``open_database`` (``quick_check`` failed)."""
    return " is damaged" in text


def _ask_read_only(message: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, _translate("The database cannot be opened for changes"), message)
    box.setObjectName("lockProblemBox")
    read_only = box.addButton(_translate("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_translate("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is read_only


def show_network_warning(sqlite_file, settings) -> bool:  # noqa: ANN001
    """The network-folder warning, unless the person asked not to see it again for this database."""
    from PySide6.QtWidgets import QCheckBox

    from lbsdesk.db.single_writer import network_warning
    from lbsdesk.ui import settings as opts
    from lbsdesk.ui.backup_settings_panel import NETWORK_WARNING_HIDDEN

    text = network_warning(sqlite_file)
    if not text:
        return False
    hidden = [line for line in str(opts.read(settings, NETWORK_WARNING_HIDDEN) or "").splitlines() if line]
    if str(sqlite_file) in hidden:
        return False
    box = QMessageBox(QMessageBox.Icon.Information, _translate("The database is on a network folder"), text)
    box.setObjectName("networkWarningBox")
    never = QCheckBox(_translate("Do not show this again for this database"))
    box.setCheckBox(never)
    box.exec()
    if never.isChecked():
        opts.write(settings, NETWORK_WARNING_HIDDEN, "\n".join([*hidden, str(sqlite_file)]))
    return True


def set_damaged_aside(sqlite_file):  # noqa: ANN001, ANN201 - Path
    """Move a damaged database (with its -wal and -shm) into its backups folder, as the safety copy
    kept before the newest sound backup takes its place; the new path."""
    from datetime import datetime
    from pathlib import Path

    from lbsdesk.db.backup import backup_folder_for

    sqlite_file = Path(sqlite_file)
    folder = backup_folder_for(sqlite_file)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{sqlite_file.stem}.damaged-{datetime.now():%Y%m%d-%H%M%S}.sqlite3"
    for suffix in ("-wal", "-shm"):
        companion = sqlite_file.with_name(sqlite_file.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    sqlite_file.replace(target)
    return target


def _offer_restore_after_damage(database_url: str, sqlite_file, settings, message: str):  # noqa: ANN001, ANN202
    """Offer the newest sound backup for a damaged database; the reopened database, or None."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from lbsdesk.db.backup import restore_database
    from lbsdesk.db.backup_rotation import newest_sound_backup
    from lbsdesk.db.migrate import open_database
    from lbsdesk.ui.backup_settings_panel import second_folder

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        info = newest_sound_backup(sqlite_file, second_folder(settings))
    finally:
        QGuiApplication.restoreOverrideCursor()
    if info is None:
        QMessageBox.critical(None, _translate("The database is damaged"), message + "\n\n" + _translate(
            "No sound backup of it was found beside it or in the second backup folder. Keep the file as it is "
            "and ask for help: a copy of it may still be rescued."
        ))
        return None
    made = info.made_at.strftime("%Y-%m-%d %H:%M")
    box = QMessageBox(QMessageBox.Icon.Critical, _translate("The database is damaged"), message)
    box.setObjectName("damagedDatabaseBox")
    box.setInformativeText(_translate(
        "The newest sound backup was made on %s (%s learners, %s referrals). Restore it? Anything entered "
        "after %s will not be in it. The damaged database is kept as a safety copy in the backups folder."
    ) % (made, info.learners, info.referrals, made))
    restore = box.addButton(_translate("Restore the backup of %s") % made, QMessageBox.ButtonRole.AcceptRole)
    restore.setObjectName("restoreNewestButton")
    box.addButton(_translate("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        safety = set_damaged_aside(sqlite_file)
        outcome = restore_database(database_url, info.path)
        database = open_database(database_url)
    except (LbsDeskError, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.critical(None, _translate("The backup was not restored"), str(exc))
        return None
    QGuiApplication.restoreOverrideCursor()
    QMessageBox.information(None, _translate("Backup restored"), _translate(
        "The backup made on %s is back: %d learners, %d referrals. The damaged database is kept as %s."
    ) % (made, outcome.learners, outcome.referrals, safety))
    return database


def sign_in_if_needed(database) -> tuple[bool, object | None]:  # noqa: ANN001
    """(go on, who signed in): the sign-in dialog when staff accounts are on; (False, None) to quit."""
    from lbsdesk.services import agency as agency_service
    from lbsdesk.services import staff_accounts
    from lbsdesk.ui.sign_in_dialog import SignInDialog

    try:
        with database.session() as session:
            if not staff_accounts.accounts_enabled(session):
                return True, None
            name = agency_service.load_agency(session).name
    except LbsDeskError:
        return True, None
    dialog = SignInDialog(database, agency_name=name or "")
    if dialog.exec() != SignInDialog.DialogCode.Accepted:
        return False, None
    return True, dialog.identity


def _first_run_setup(database) -> None:  # noqa: ANN001
    from lbsdesk.services import agency as agency_service
    from lbsdesk.ui.first_run_setup_dialog import FirstRunSetupDialog

    try:
        with database.session() as session:
            needed = agency_service.is_setup_needed(session)
    except LbsDeskError:
        needed = False
    if needed:
        FirstRunSetupDialog(database).exec()


def _smoke(app: QApplication, window) -> int:  # noqa: ANN001
    """Show the window, wait for the learner list's first paint, print the JSON line.

    A local event loop is used rather than ``app.exec()``: ending the application's own loop would
    leave a pending quit behind for whoever runs an event loop next in this process (tests).
    """
    outcome: dict[str, int] = {}
    loop = QEventLoop()

    def report() -> None:
        if not outcome:
            outcome["rows"] = window.learner_list.model.rowCount()
            outcome["startup_ms"] = milliseconds_since_process_start()
        loop.quit()

    window.confirm_on_close = False
    window.remember_layout = False
    window.first_paint_done.connect(lambda: QTimer.singleShot(0, report))
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(loop.quit)
    watchdog.start(SMOKE_TIMEOUT_MS)
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        window.load()
        window.show()
        if not outcome:
            loop.exec()
        watchdog.stop()
        window.close()
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)
    if "rows" not in outcome:
        print("lbsdesk: the learner list was never painted", file=sys.stderr)
        return 1
    print(json.dumps({"startup_ms": outcome["startup_ms"], "rows": outcome["rows"]}), flush=True)
    return 0
