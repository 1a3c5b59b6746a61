"""The desktop app's entry point: ``run_app(database_url, smoke=False)``.

``lbsdesk`` (no command) and ``lbsdesk --smoke`` call this.  With ``smoke`` the main window opens
(offscreen works), the learner list paints once, one JSON line ``{"startup_ms": …, "rows": …}`` is
printed to stdout and the app exits 0.
"""

from __future__ import annotations

from lbsdesk.ui.process_clock import milliseconds_since_process_start  # first: its fallback clock starts here

import json
import sys

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


def run_app(database_url: str, *, smoke: bool = False, argv: list[str] | None = None) -> int:
    """Open the desktop app on ``database_url``; the exit status."""
    app = _application(argv)
    from lbsdesk.ui import settings as opts
    from lbsdesk.ui.main_window import MainWindow, apply_text_size

    settings = opts.app_settings()
    apply_text_size(opts.read(settings, opts.FONT_POINT_SIZE))

    from lbsdesk.db.migrate import open_database

    try:
        database = open_database(database_url)
    except LbsDeskError as exc:
        if smoke:
            print(f"lbsdesk: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, _translate("LBS Desk cannot open the database"), str(exc))
        return 1

    try:
        if not smoke:
            _first_run_setup(database)
        window = MainWindow(database, settings)
        if smoke:
            return _smoke(app, window)
        window.show()
        window.load()
        return app.exec()
    finally:
        database.dispose()


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
