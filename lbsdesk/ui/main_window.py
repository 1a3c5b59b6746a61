"""The main window (``mainWindow``): navigation rail, pages, menus, status bar, remembered layout."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from lbsdesk import APP_NAME
from lbsdesk.errors import LbsDeskError
from lbsdesk.services import agency as agency_service
from lbsdesk.services import inquiries as inquiry_service
from lbsdesk.ui import settings as opts
from lbsdesk.ui.about_dialog import show_about
from lbsdesk.ui.audit_trail_panel import AuditTrailPanel
from lbsdesk.ui.background import run_with_progress
from lbsdesk.ui.check_ins_panel import CheckInsPanel
from lbsdesk.ui.due_view_pane import DueViewPane
from lbsdesk.ui.exit_follow_up_panel import ExitFollowUpPanel
from lbsdesk.ui.fiscal_year_pane import FiscalYearPane
from lbsdesk.ui.first_run_setup_dialog import AgencySettingsPane
from lbsdesk.ui.inquiry_log_pane import InquiryLogPane
from lbsdesk.ui.learner_editor import LearnerEditor
from lbsdesk.ui.learner_consents_panel import LearnerConsentsPanel
from lbsdesk.ui.learner_list_pane import LearnerListPane
from lbsdesk.ui.learner_plan_tab import LearnerPlanTab
from lbsdesk.ui.learner_referrals_panel import LearnerReferralsPanel
from lbsdesk.ui.outreach_log_pane import OutreachLogPane
from lbsdesk.ui.partner_directory_pane import PartnerDirectoryPane
from lbsdesk.ui.referral_list_pane import ReferralListPane
from lbsdesk.ui.merge_dialog import MergeDialog
from lbsdesk.ui.monthly_sheet_pane import MonthlySheetPane

PAGE_LEARNERS, PAGE_INQUIRIES, PAGE_SETTINGS = "learners", "inquiries", "settings"
PAGE_MONTHLY_SHEET, PAGE_FISCAL_YEAR = "monthly_sheet", "fiscal_year"
PAGE_DUE = "due"
PAGE_REFERRALS, PAGE_PARTNERS, PAGE_OUTREACH = "referrals", "partners", "outreach"
#: The Due view is loaded again when its page is shown, unless it was loaded this recently.
DUE_FRESH_SECONDS = 10

STYLE_SHEET = """
QLabel#pageTitle { font-size: 15pt; font-weight: 600; }
QLabel#sectionTitle { font-weight: 600; }
QLabel#hint { color: #4a4f57; }
QListWidget#navigationRail { background: #f0f3f6; border: none; border-right: 1px solid #d5dbe1; outline: 0; }
QListWidget#navigationRail::item { padding: 10px 14px; border-radius: 4px; margin: 2px 6px; color: #1f2933; }
QListWidget#navigationRail::item:selected { background: #1f5f8b; color: white; }
QListWidget#navigationRail::item:hover:!selected { background: #dfe6ec; }
QGroupBox { font-weight: 600; margin-top: 10px; padding-top: 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 6px; padding: 0 4px; }
QGroupBox QLabel, QGroupBox QLineEdit, QGroupBox QComboBox, QGroupBox QPlainTextEdit { font-weight: normal; }
QTableView { gridline-color: #e3e7eb; selection-background-color: #1f5f8b; }
QHeaderView::section { padding: 4px 6px; font-weight: 600; }
QStatusBar QLabel { padding: 0 8px; }
"""


def newest_backup_time(settings: QSettings) -> datetime | None:
    """When the last backup was made: remembered by this app, or the newest file in the backup folder."""
    times = []
    remembered = opts.read(settings, opts.LAST_BACKUP)
    if remembered:
        try:
            times.append(datetime.fromisoformat(str(remembered)))
        except ValueError:
            pass
    try:
        from lbsdesk.paths import backup_folder

        folder = backup_folder()
        if folder.is_dir():
            for path in folder.glob("*.sqlite3"):
                times.append(datetime.fromtimestamp(path.stat().st_mtime))
    except OSError:
        pass
    return max(times) if times else None


class MainWindow(QMainWindow):
    """The window staff keep open all day."""

    first_paint_done = Signal()
    """The learner list painted for the first time (used by ``--smoke``)."""

    def __init__(self, database, settings: QSettings | None = None, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setStyleSheet(STYLE_SHEET)
        self.database = database
        self.settings = settings if settings is not None else opts.app_settings()
        self._backup_task = None

        self.learner_list = LearnerListPane(database)
        self.learner_editor = LearnerEditor(database)
        self.learners_page = QStackedWidget()
        self.learners_page.setObjectName("learnersPage")
        self.learners_page.addWidget(self.learner_list)
        self.learners_page.addWidget(self.learner_editor)
        self.inquiry_log = InquiryLogPane(database)
        self.settings_pane = AgencySettingsPane(database)

        # the learner file's other parts, as tabs
        self.plan_tab = LearnerPlanTab(database)
        self.check_ins_panel = CheckInsPanel(database)
        self.exit_panel = ExitFollowUpPanel(database)
        self.learner_consents = LearnerConsentsPanel(database)
        self.learner_editor.add_tab(self.learner_consents, self.tr("C&onsent"), self.learner_consents.set_learner)
        self.learner_consents.consents_changed.connect(
            lambda *_: self.learner_editor.reload_fields(("consent_to_share", "consent_date"))
        )
        self.learner_referrals = LearnerReferralsPanel(database)
        self.learner_editor.add_tab(self.learner_referrals, self.tr("Re&ferrals"), self.learner_referrals.set_learner)
        self.learner_editor.add_tab(self.plan_tab, self.tr("&Plan and timeline"), self.plan_tab.load)
        self.learner_editor.add_tab(self.check_ins_panel, self.tr("Check-&ins"), self.check_ins_panel.load)
        self.learner_editor.add_tab(self.exit_panel, self.tr("E&xit and follow-ups"), self.exit_panel.load)
        self.audit_trail = AuditTrailPanel(database)
        self.learner_editor.add_tab(self.audit_trail, self.tr("C&hanges"), self.audit_trail.set_learner)

        self.due_view = DueViewPane(database)
        self.referral_list = ReferralListPane(database)
        self.partner_directory = PartnerDirectoryPane(database)
        self.outreach_log = OutreachLogPane(database)
        self.monthly_sheet = MonthlySheetPane(database)
        self.fiscal_year = FiscalYearPane(database)

        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.rail = QListWidget()
        self.rail.setObjectName("navigationRail")
        self.rail.setAccessibleName(self.tr("Navigation"))
        self._page_keys: list[str] = []
        self._page_labels: dict[str, str] = {}
        #: The rail, top to bottom; the View menu gives each page Ctrl+1, Ctrl+2, … in this order.
        for key, label, widget in (
            (PAGE_LEARNERS, self.tr("&Learners"), self.learners_page),
            (PAGE_INQUIRIES, self.tr("&Inquiries"), self.inquiry_log),
            (PAGE_DUE, self.tr("&Due"), self.due_view),
            (PAGE_REFERRALS, self.tr("&Referrals"), self.referral_list),
            (PAGE_PARTNERS, self.tr("&Partners"), self.partner_directory),
            (PAGE_OUTREACH, self.tr("&Outreach"), self.outreach_log),
            (PAGE_MONTHLY_SHEET, self.tr("&Monthly sheets"), self.monthly_sheet),
            (PAGE_FISCAL_YEAR, self.tr("&Fiscal year"), self.fiscal_year),
            (PAGE_SETTINGS, self.tr("&Settings"), self.settings_pane),
        ):
            item = QListWidgetItem(label.replace("&", ""))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.rail.addItem(item)
            self.pages.addWidget(widget)
            self._page_keys.append(key)
            self._page_labels[key] = label
        self.rail.setFixedWidth(max(170, self.rail.sizeHintForColumn(0) + 48))
        self.rail.currentRowChanged.connect(self._rail_changed)

        central = QWidget()
        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.rail)
        central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel()
        self.database_label.setObjectName("databaseLabel")
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupLabel")
        self.statusBar().addPermanentWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.database_label.setText(self.tr("Database: %s") % database.display_name)
        self.database_label.setToolTip(database.display_name)
        self.update_backup_label()

        self._build_menus()

        self.learner_list.learner_opened.connect(self.open_learner)
        self.learner_list.new_learner_requested.connect(self.new_learner)
        self.learner_editor.closed.connect(self.show_learner_list)
        self.learner_editor.learner_saved.connect(self._learner_saved)
        self.learner_editor.open_learner_requested.connect(self._open_instead)
        self.learner_editor.merge_requested.connect(self.merge_learner)
        self.inquiry_log.enrol_requested.connect(self.enrol_inquiry)
        self.monthly_sheet.learner_open_requested.connect(self.open_learner)
        self.due_view.learner_open_requested.connect(self.open_learner)
        self._due_loaded_at = -DUE_FRESH_SECONDS
        self.due_view.loaded.connect(self._due_loaded)
        self.due_view.record_open_requested.connect(self._open_due_record)
        self.plan_tab.record_open_requested.connect(self.open_record)
        self.due_view.referral_open_requested.connect(self.open_referral)
        self.monthly_sheet.referral_open_requested.connect(self.open_referral)
        self.outreach_log.referral_open_requested.connect(self.open_referral)
        for pane in (self.referral_list, self.partner_directory):
            pane.learner_open_requested.connect(self.open_learner)
        for pane in (self.referral_list, self.partner_directory, self.learner_referrals):
            pane.referrals_changed.connect(self._referrals_changed)
        self.check_ins_panel.referral_out_requested.connect(self.refer_for_need)
        for changed in (self.plan_tab.stage_changed, self.plan_tab.plan_saved, self.exit_panel.exit_recorded):
            changed.connect(lambda *_: self.learner_editor.reload_fields())
        self.exit_panel.exit_recorded.connect(lambda *_: self.plan_tab.load(self.learner_editor.learner_id()))
        self.fiscal_year.month_open_requested.connect(self.open_month)
        self.settings_pane.saved.connect(self.update_title)
        self.learner_list.table.viewport().installEventFilter(self)
        self._first_paint_seen = False
        #: Ask about unsaved changes when the window closes (off for --smoke and tests).
        self.confirm_on_close = True
        #: Remember the window's layout when it closes (off for --smoke).
        self.remember_layout = True

        self.resize(1280, 800)
        self._restore_layout()

    # --- menus ---------------------------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut=None, name: str | None = None) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_learner_action = self._action(
            file_menu, self.tr("&New learner"), self.new_learner, QKeySequence.StandardKey.New, "newLearnerAction"
        )
        self._action(file_menu, self.tr("New &inquiry"), self.new_inquiry, "Ctrl+I", "newInquiryAction")
        file_menu.addSeparator()
        self.backup_action = self._action(file_menu, self.tr("&Backup…"), self.backup, None, "backupAction")
        self.backup_action.setEnabled(self.database.sqlite_path is not None)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quitAction")

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self._action(edit_menu, self.tr("&Find learner"), self.find_learner, QKeySequence.StandardKey.Find, "findAction")
        self._action(edit_menu, self.tr("&Save learner file"), self.learner_editor.save, None, "saveLearnerAction")
        self._action(edit_menu, self.tr("&Merge two learner files…"), self.merge_current, None, "mergeAction")
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("Agency &settings"), lambda: self.show_page(PAGE_SETTINGS), None)

        view_menu = bar.addMenu(self.tr("&View"))
        for number, key in enumerate(self._page_keys, start=1):
            shortcut = f"Ctrl+{number}" if number <= 9 else None
            self._action(view_menu, self._page_labels[key], lambda _=False, k=key: self.go_to_page(k), shortcut)
        view_menu.addSeparator()
        self._action(view_menu, self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh, "refreshAction")
        view_menu.addSeparator()
        self._action(view_menu, self.tr("&Larger text"), lambda: self.change_text_size(+1), QKeySequence.StandardKey.ZoomIn)
        self._action(view_menu, self.tr("S&maller text"), lambda: self.change_text_size(-1), QKeySequence.StandardKey.ZoomOut)

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About LBS Desk"), self.about, None, "aboutAction")

    # --- pages ---------------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        if key in self._page_keys:
            self.rail.setCurrentRow(self._page_keys.index(key))

    def go_to_page(self, key: str) -> None:
        """Show a page and put the keyboard where the work starts (menu and shortcut navigation)."""
        if key == PAGE_LEARNERS and self._editor_showing():
            self.show_page(key)
            return
        self.show_page(key)
        if key == PAGE_LEARNERS:
            self.learner_list.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif key == PAGE_INQUIRIES:
            self.inquiry_log.focus_form()
        elif key == PAGE_SETTINGS:
            self.settings_pane.form.name.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_record(self, kind: str, record_id: int) -> None:
        """Open what a timeline marker stands for, inside the learner file that is showing."""
        if kind == "check_in":
            self.learner_editor.show_tab(self.check_ins_panel)
        elif kind in ("follow_up", "exit"):
            self.learner_editor.show_tab(self.exit_panel)
        elif kind == "inquiry":
            self.show_page(PAGE_INQUIRIES)
        elif kind == "referral":
            self.open_referral(record_id)
        else:  # the plan, a milestone, a review, the learner: the plan tab shows them
            self.learner_editor.show_tab(self.plan_tab)

    def open_referral(self, referral_id: int):  # noqa: ANN201 - the dialog
        """Open the referral form on a referral (window-modal, not blocking)."""
        return self.referral_list.open_referral(referral_id)

    def refer_for_need(self, learner_id: int, need: str):  # noqa: ANN201 - the dialog
        """A need noticed at a check-in: a referral out, prefilled with the need."""
        from lbsdesk.services.check_ins import suggested_referral_for_need

        suggestion = suggested_referral_for_need(need)
        dialog = self.referral_list.new_referral("out", learner_id=learner_id)
        dialog.reason.setPlainText(suggestion["reason"])
        box = dialog.service_boxes.get(suggestion["services_requested"])
        if box is not None:
            box.setChecked(True)
        if suggestion["services_other"]:
            dialog.services_other.setText(suggestion["services_other"])
        return dialog

    def _referrals_changed(self) -> None:
        self.referral_list.refresh()
        self.learner_list.refresh()
        if self.learner_editor.learner_id() is not None:
            self.learner_referrals.refresh()

    def _due_loaded(self, _count: int) -> None:
        self._due_loaded_at = time.monotonic()

    def _open_due_record(self, kind: str, record_id: int, learner_id: int) -> None:
        self.open_learner(learner_id)
        self.open_record(kind, record_id)

    def show_due_at_start(self) -> None:
        """Issue 5: the Due view is shown at start when anything is due (loaded off the GUI thread)."""

        def first_load(count: int) -> None:
            self.due_view.loaded.disconnect(first_load)
            if count > 0 and not self._editor_showing():
                self.show_page(PAGE_DUE)

        self.due_view.loaded.connect(first_load)
        if not getattr(self.database, "read_only", False):
            # Unanswered referrals past the expiry limit are recorded as expired (dated history).
            from lbsdesk.services.referrals import expire_overdue_referrals

            try:
                with self.database.session() as session:
                    expire_overdue_referrals(session)
            except LbsDeskError:
                pass  # never stop the start over bookkeeping; the list still shows them as expired
        self.due_view.refresh()

    def open_month(self, month: str) -> None:
        """Show one month's tracking sheet (from the fiscal-year view)."""
        self.show_page(PAGE_MONTHLY_SHEET)
        self.monthly_sheet.show_month(month)

    def current_page(self) -> str:
        return self._page_keys[self.pages.currentIndex()]

    def _rail_changed(self, row: int) -> None:
        if row < 0:
            return
        self.pages.setCurrentIndex(row)
        key = self._page_keys[row]
        if key == PAGE_INQUIRIES:
            self.inquiry_log.load()
        elif key == PAGE_SETTINGS:
            self.settings_pane.load()
        elif key in (PAGE_REFERRALS, PAGE_PARTNERS, PAGE_OUTREACH):
            self.pages.currentWidget().load()
        elif key == PAGE_DUE and time.monotonic() - self._due_loaded_at > DUE_FRESH_SECONDS:
            self.due_view.refresh()

    def load(self) -> None:
        """Fill the pages from the database (after the window is built)."""
        self.update_title()
        self.learner_list.load()
        if self.current_page() == PAGE_INQUIRIES:
            self.inquiry_log.load()
        elif self.current_page() == PAGE_SETTINGS:
            self.settings_pane.load()

    def update_title(self) -> None:
        try:
            with self.database.session() as session:
                name = agency_service.load_agency(session).name
        except LbsDeskError:
            name = ""
        self.setWindowTitle(f"{APP_NAME} — {name}" if name else APP_NAME)

    def refresh(self) -> None:
        self.learner_list.refresh()
        self.inquiry_log.load()
        self.update_backup_label()

    # --- learners ------------------------------------------------------------------------------

    def _editor_showing(self) -> bool:
        return self.learners_page.currentWidget() is self.learner_editor

    def _leave_editor(self) -> bool:
        return not self._editor_showing() or self.learner_editor.confirm_discard()

    def find_learner(self) -> None:
        if not self._leave_editor():
            return
        self.show_page(PAGE_LEARNERS)
        self.learners_page.setCurrentWidget(self.learner_list)
        self.learner_list.focus_search()

    def open_learner(self, learner_id: int) -> None:
        if not self._leave_editor():
            return
        try:
            self.learner_editor.open_learner(learner_id)
        except LbsDeskError as exc:
            QMessageBox.critical(self, self.tr("Could not open the file"), str(exc))
            return
        self.show_page(PAGE_LEARNERS)
        self.learners_page.setCurrentWidget(self.learner_editor)

    def _open_instead(self, learner_id: int) -> None:
        self.learner_editor.open_learner(learner_id)
        self.learners_page.setCurrentWidget(self.learner_editor)

    def new_learner(self, record=None, after_save=None) -> None:  # noqa: ANN001
        if not self._leave_editor():
            return
        self.show_page(PAGE_LEARNERS)
        self.learner_editor.new_learner(record if record is not False else None, after_save)
        self.learners_page.setCurrentWidget(self.learner_editor)

    def show_learner_list(self) -> None:
        learner_id = self.learner_editor.learner_id()
        self.learners_page.setCurrentWidget(self.learner_list)
        if learner_id is not None:
            self.learner_list.select_learner(learner_id)
        self.learner_list.table.setFocus()

    def _learner_saved(self, learner_id: int) -> None:
        self.learner_list.refresh(keep_learner_id=learner_id)
        self.statusBar().showMessage(self.tr("Saved the file of learner %s.") % self.learner_editor.record().learner_key, 5000)

    def merge_current(self) -> None:
        learner_id = None
        if self._editor_showing():
            learner_id = self.learner_editor.learner_id()
        elif self.current_page() == PAGE_LEARNERS:
            learner_id = self.learner_list.current_learner_id()
        if learner_id is None:
            QMessageBox.information(
                self, self.tr("Merge two learner files"),
                self.tr("First select one of the two files in the learner list, then choose Merge again."),
            )
            return
        if self._editor_showing() and not self.learner_editor.confirm_discard():
            return
        self.merge_learner(learner_id)

    def merge_learner(self, learner_id: int) -> None:
        dialog = MergeDialog(self.database, learner_id, self)
        if dialog.exec() and dialog.kept_learner_id is not None:
            self.learner_list.refresh(keep_learner_id=dialog.kept_learner_id)
            self.learner_editor.open_learner(dialog.kept_learner_id)
            self.learners_page.setCurrentWidget(self.learner_editor)
            self.statusBar().showMessage(self.tr("The two files were merged."), 5000)

    # --- inquiries -----------------------------------------------------------------------------

    def new_inquiry(self) -> None:
        self.show_page(PAGE_INQUIRIES)
        self.inquiry_log.focus_form()

    def enrol_inquiry(self, inquiry_id: int) -> None:
        if not self._leave_editor():
            return
        with self.database.session() as session:
            record = inquiry_service.learner_record_from_inquiry(session, inquiry_id)

        def link(session, learner_id: int) -> None:  # noqa: ANN001 - in the save's own session
            inquiry_service.link_inquiry_to_learner(session, inquiry_id, learner_id)

        self.learner_editor.new_learner(record, after_save=link)
        self.learner_editor.learner_saved.connect(self._after_enrol, Qt.ConnectionType.SingleShotConnection)
        self.show_page(PAGE_LEARNERS)
        self.learners_page.setCurrentWidget(self.learner_editor)

    def _after_enrol(self, _learner_id: int) -> None:
        self.inquiry_log.load()

    # --- backup, text size, about --------------------------------------------------------------

    def update_backup_label(self) -> None:
        when = newest_backup_time(self.settings)
        if when is None:
            self.backup_label.setText(self.tr("Last backup: no backup yet"))
        else:
            self.backup_label.setText(self.tr("Last backup: %s") % when.strftime("%Y-%m-%d %H:%M"))

    def backup(self) -> None:
        source = self.database.sqlite_path
        if source is None:
            return
        from lbsdesk.db.backup import copy_database, timestamped_name
        from lbsdesk.paths import backup_folder

        folder = backup_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            folder = Path.home()
        suggested = str(folder / timestamped_name("lbsdesk-backup"))
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a backup copy of the database"), suggested, self.tr("LBS Desk backups (*.sqlite3)")
        )
        if not target:
            return

        def done(_result) -> None:  # noqa: ANN001
            opts.write(self.settings, opts.LAST_BACKUP, datetime.now().isoformat(timespec="seconds"))
            self.update_backup_label()
            self.statusBar().showMessage(self.tr("Backup saved to %s") % target, 8000)

        def failed(exc: BaseException) -> None:
            QMessageBox.critical(self, self.tr("Backup failed"), str(exc))

        self._backup_task = run_with_progress(
            self, self.tr("Making a backup…"), lambda: copy_database(source, Path(target)), done, failed
        )

    def change_text_size(self, step: int) -> None:
        size = opts.read(self.settings, opts.FONT_POINT_SIZE) + step
        size = max(opts.MIN_FONT_POINT_SIZE, min(opts.MAX_FONT_POINT_SIZE, size))
        opts.write(self.settings, opts.FONT_POINT_SIZE, size)
        apply_text_size(size)
        height = self.fontMetrics().height() + 14
        self.learner_list.table.verticalHeader().setDefaultSectionSize(height)
        self.inquiry_log.table.verticalHeader().setDefaultSectionSize(height)

    def about(self) -> None:
        show_about(self, self.database)

    # --- first paint, layout, closing ----------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802
        if not self._first_paint_seen and event.type() == event.Type.Paint and watched is self.learner_list.table.viewport():
            self._first_paint_seen = True
            self.first_paint_done.emit()
        return super().eventFilter(watched, event)

    def _restore_layout(self) -> None:
        geometry = opts.read(self.settings, opts.MAIN_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = opts.read(self.settings, opts.MAIN_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        self.learner_list.restore_state(self.settings)
        self.inquiry_log.restore_state(self.settings)
        page = opts.read(self.settings, opts.CURRENT_PAGE)
        self.rail.blockSignals(True)
        row = self._page_keys.index(page) if page in self._page_keys else 0
        self.rail.setCurrentRow(row)
        self.pages.setCurrentIndex(row)
        self.rail.blockSignals(False)

    def save_layout(self) -> None:
        opts.write(self.settings, opts.MAIN_GEOMETRY, self.saveGeometry())
        opts.write(self.settings, opts.MAIN_STATE, self.saveState())
        opts.write(self.settings, opts.CURRENT_PAGE, self.current_page())
        self.learner_list.save_state(self.settings)
        self.inquiry_log.save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.confirm_on_close and self._editor_showing() and not self.learner_editor.confirm_discard():
            event.ignore()
            return
        if self.remember_layout:
            self.save_layout()
        event.accept()


def apply_text_size(point_size: int) -> None:
    app = QApplication.instance()
    if app is None:
        return
    font = QFont(app.font())
    font.setPointSize(point_size)
    app.setFont(font)
