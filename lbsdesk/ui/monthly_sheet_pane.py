"""The monthly tracking sheet view (``monthlySheet``): a month's figures as a person reads them.

SPEC.md section 4's figures (``monthly_figures``, the one source; a closed month's frozen figures),
grouped: service coordination for the fiscal year so far against its 50 % target; inquiries; learners;
referrals in and out; and the three lists staff work from: active learners with no formal referral
(with phone numbers, to call), formal referrals not yet keyed into CaMS, follow-ups due.  Every number
opens the records behind it; every list row opens the learner or the referral.

Counting a month takes about a second on a 100,000-learner database, so the month is read on a worker
thread (the window keeps painting; a progress dialog with Cancel appears after 0.8 s).  Printing,
closing and reopening go through ``print_preview`` and ``services.month_close``.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.domain.calendar_rules import Month
from lbsdesk.domain.codes import GOAL_PATHS, INFORMAL_SOURCES, INQUIRY_CHANNELS, ORG_TYPES, month_name
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services import month_close, month_records
from lbsdesk.services import referrals as referral_service
from lbsdesk.services.month_close import MonthStatus
from lbsdesk.services.month_records import MonthSheet, RecordsBehind
from lbsdesk.ui.background import run_with_progress
from lbsdesk.ui.cancellable_task import run_cancellable
from lbsdesk.ui.form_widgets import FieldError, code_label
from lbsdesk.ui.month_list_models import (
    FollowUpTableModel,
    InquiryLineTableModel,
    LEARNER_ID_ROLE,
    LearnerLineTableModel,
    RECORD_ID_ROLE,
    ReferralLineTableModel,
    type_label,
)
from lbsdesk.ui.month_widgets import (
    GOOD,
    MUTED,
    SHORT,
    STYLE,
    FigureButton,
    FigureCard,
    RecordsDialog,
    TargetBar,
    configure_list_view,
    number_text,
)
from lbsdesk.ui import print_preview

#: How many months back the month chooser offers.
MONTHS_OFFERED = 60

#: The lists' tabs, in order.
TAB_GAPS, TAB_CAMS, TAB_FOLLOW_UPS = 0, 1, 2


def month_words(month: Month) -> str:
    """``October 2026`` / ``octobre 2026`` in the display language (never the computer's locale)."""
    return f"{month_name(month.month)} {month.year}"


def local_time_text(utc: datetime | None) -> str:
    if utc is None:
        return ""
    return utc.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")


class ReopenDialog(QDialog):
    """Ask why a closed month is reopened; the reason is kept with the month's history."""

    def __init__(self, month: Month, reopen, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("reopenDialog")
        self.setWindowTitle(self.tr("Reopen %s") % month_words(month))
        self._reopen = reopen
        intro = QLabel(self.tr(
            "Reopening shows today's figures again so the month can be corrected and closed again. "
            "The sheet printed when it was closed is kept as history."
        ))
        intro.setWordWrap(True)
        label = QLabel(self.tr("&Why is the month being reopened?"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reopenReason")
        self.reason.setAccessibleName(self.tr("Reason for reopening"))
        self.reason.setPlaceholderText(self.tr("For example: referral R00231 was dated in this month but keyed in late."))
        self.reason.setTabChangesFocus(True)
        label.setBuddy(self.reason)
        self.error = FieldError()
        self.error.setObjectName("reopenReasonError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.reopen_button = buttons.addButton(self.tr("&Reopen month"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.reopen_button.setObjectName("reopenConfirm")
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def _try(self) -> None:
        problem = self._reopen(self.reason.toPlainText())
        if problem:
            self.error.show_message(problem)
            self.reason.setFocus()
        else:
            self.accept()


class MarkKeyedDialog(QDialog):
    """Confirm marking referrals as keyed into CaMS, and on which day."""

    def __init__(self, count: int, today: date, mark, month: Month | None = None,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markKeyedDialog")
        self.setWindowTitle(self.tr("Mark keyed into CaMS"))
        self._mark = mark
        text = QLabel(
            self.tr("Record that %n referral(s) were keyed into EOIS-CaMS. Referrals already marked keep their date.",
                    "", count)
        )
        text.setWordWrap(True)
        self.day = QDateEdit(today)
        self.day.setObjectName("keyedOn")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(today)
        day_label = QLabel(self.tr("&Keyed in on:"))
        day_label.setBuddy(self.day)
        row = QHBoxLayout()
        row.addWidget(day_label)
        row.addWidget(self.day)
        row.addStretch(1)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self._month = month
        self.day.dateChanged.connect(self._explain)
        self._explain()
        self.error = FieldError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.mark_button = buttons.addButton(self.tr("&Mark keyed in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.mark_button.setObjectName("markKeyedConfirm")
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _explain(self) -> None:
        month = self._month
        if month is not None and self.day.date().toPython() > month.last_day:
            self.note.setText(self.tr(
                "Keyed in after %1 ended: they stay on %1's sheet (it counts what was keyed in by the month's "
                "end) and will not be on the next sheet."
            ).replace("%1", month_words(month)))
        else:
            self.note.clear()

    def _try(self) -> None:
        problem = self._mark(self.day.date().toPython())
        if problem:
            self.error.show_message(problem)
        else:
            self.accept()


class MonthlySheetPane(QWidget):
    """A month's tracking sheet on screen: figures, the call list, CaMS and follow-ups; print and close."""

    learner_open_requested = Signal(int)
    """The person asked to open this learner's file (database id)."""
    referral_open_requested = Signal(int)
    """The person asked to open this referral (database id)."""
    month_loaded = Signal(str)
    """The view now shows this month ("YYYY-MM"), figures and lists filled."""
    month_closed = Signal(str)
    """This month ("YYYY-MM") was closed from the view."""
    month_reopened = Signal(str)
    """This month ("YYYY-MM") was reopened from the view."""
    referrals_marked_keyed = Signal(int)
    """This many referrals were marked as keyed into CaMS."""

    def __init__(self, database, parent: QWidget | None = None, *, staff_id: int | None = None,  # noqa: ANN001
                 today: date | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthlySheet")
        self.setAccessibleName(self.tr("Monthly tracking sheet"))
        self.setStyleSheet(STYLE)
        self.database = database
        self.staff_id = staff_id
        self._today = today
        self.sheet: MonthSheet | None = None
        self._month: Month | None = None
        self._generation = 0
        self._tasks: list = []
        self._dialogs: list[QWidget] = []
        self._build()

    # --- building the screen -------------------------------------------------------------------------

    def today(self) -> date:
        return self._today or date.today()

    def _build(self) -> None:
        title = QLabel(self.tr("Monthly tracking sheet"))
        title.setObjectName("pageTitle")
        self.prev_button = QPushButton(self.tr("◀ &Previous"))
        self.prev_button.setObjectName("previousMonth")
        self.prev_button.setToolTip(self.tr("The month before (Alt+P)"))
        self.next_button = QPushButton(self.tr("&Next ▶"))
        self.next_button.setObjectName("nextMonth")
        self.next_button.setToolTip(self.tr("The month after (Alt+N)"))
        self.month_combo = QComboBox()
        self.month_combo.setObjectName("monthChooser")
        self.month_combo.setAccessibleName(self.tr("Month"))
        self.month_combo.setMinimumContentsLength(16)
        self._fill_month_combo()
        self.status_label = QLabel()
        self.status_label.setObjectName("monthStatus")
        self.loading_label = QLabel()
        self.loading_label.setObjectName("hint")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addSpacing(24)
        header.addWidget(self.prev_button)
        header.addWidget(self.month_combo)
        header.addWidget(self.next_button)
        header.addSpacing(12)
        header.addWidget(self.status_label)
        header.addWidget(self.loading_label)
        header.addStretch(1)

        self.banner = QLabel()
        self.banner.setObjectName("monthBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.hide()

        # service coordination, the number the agency is measured on -----------------------------
        self.coordination = QFrame()
        self.coordination.setObjectName("coordinationPanel")
        self.coordination_title = QLabel()
        self.coordination_title.setObjectName("coordinationTitle")
        self.coordination_percent = QLabel()
        self.coordination_percent.setObjectName("coordinationPercent")
        self.coordination_bar = TargetBar()
        self.coordination_sentence = QLabel()
        self.coordination_sentence.setObjectName("coordinationSentence")
        self.coordination_sentence.setWordWrap(True)
        figures_row = QGridLayout()
        figures_row.setHorizontalSpacing(6)
        figures_row.setVerticalSpacing(0)
        self.coordination_buttons: dict[str, FigureButton] = {}
        for column, (key, label) in enumerate((
            ("service_coordination.closed_plans", self.tr("Plans closed this fiscal year")),
            ("service_coordination.closed_with_formal_referral", self.tr("with a formal referral")),
            ("service_coordination.formal_referrals_on_closed", self.tr("formal referrals on them")),
            ("service_coordination.referrals_needed", self.tr("referrals still needed")),
        )):
            button = FigureButton(key, label)
            button.setStyleSheet("font-size: 14pt;")
            button.figure_clicked.connect(self._figure_clicked)
            caption = QLabel(label)
            caption.setStyleSheet(f"color: {MUTED};")
            caption.setBuddy(button)
            figures_row.addWidget(button, 0, column, Qt.AlignmentFlag.AlignLeft)
            figures_row.addWidget(caption, 1, column, Qt.AlignmentFlag.AlignLeft)
            figures_row.setColumnStretch(column, 1)
            self.coordination_buttons[key] = button
        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.coordination_title)
        left.addWidget(self.coordination_percent)
        right = QVBoxLayout()
        right.addWidget(self.coordination_bar)
        right.addWidget(self.coordination_sentence)
        right.addLayout(figures_row)
        panel = QHBoxLayout(self.coordination)
        panel.setContentsMargins(14, 10, 14, 10)
        panel.addLayout(left)
        panel.addSpacing(24)
        panel.addLayout(right, 1)

        # the month's counts ---------------------------------------------------------------------------
        self.inquiries_card = FigureCard(self.tr("Inquiries"))
        self.learners_card = FigureCard(self.tr("Learners"))
        self.referrals_in_card = FigureCard(self.tr("Referrals in"))
        self.referrals_out_card = FigureCard(self.tr("Referrals out"))
        self.cards = (self.inquiries_card, self.learners_card, self.referrals_in_card, self.referrals_out_card)
        for card in self.cards:
            card.figure_clicked.connect(self._figure_clicked)
        cards = self.cards_widget = QWidget()
        cards.setObjectName("figureCards")
        grid = QGridLayout(cards)
        grid.setContentsMargins(0, 0, 6, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.inquiries_card, 0, 0)
        grid.addWidget(self.learners_card, 0, 1)
        grid.addWidget(self.referrals_in_card, 1, 0)
        grid.addWidget(self.referrals_out_card, 1, 1)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = self.figures_scroll = QScrollArea()
        scroll.setObjectName("figuresScroll")
        scroll.setWidget(cards)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # the lists ----------------------------------------------------------------------------------
        self.gap_model = LearnerLineTableModel(self)
        self.cams_model = ReferralLineTableModel(self)
        self.follow_up_model = FollowUpTableModel(self)
        self.gap_table = QTableView()
        self.gap_table.setObjectName("gapList")
        self.gap_table.setAccessibleName(self.tr("Active learners with no formal referral"))
        configure_list_view(self.gap_table, self.gap_model)
        self.cams_table = QTableView()
        self.cams_table.setObjectName("notInCamsList")
        self.cams_table.setAccessibleName(self.tr("Formal referrals not yet keyed into CaMS"))
        configure_list_view(self.cams_table, self.cams_model, multi_select=True)
        self.follow_up_table = QTableView()
        self.follow_up_table.setObjectName("followUpsDueList")
        self.follow_up_table.setAccessibleName(self.tr("Follow-ups due"))
        configure_list_view(self.follow_up_table, self.follow_up_model)
        self.gap_table.activated.connect(lambda index: self._open_learner_at(self.gap_model, index))
        self.follow_up_table.activated.connect(lambda index: self._open_learner_at(self.follow_up_model, index))
        self.cams_table.activated.connect(self._open_referral_at)

        self.gap_hint = QLabel(self.tr(
            "Active on the month's last day with no formal referral (in or out) yet. Call them: a referral "
            "planned with the learner counts toward service coordination once their plan closes."
        ))
        self.cams_hint = QLabel(self.tr(
            "Formal referrals dated up to the month's end that were not keyed into EOIS-CaMS by then. "
            "Select the ones you have keyed in (or none for all) and mark them."
        ))
        self.follow_up_hint = QLabel(self.tr("3-, 6- and 12-month follow-ups falling due this month, not yet recorded."))
        for hint in (self.gap_hint, self.cams_hint, self.follow_up_hint):
            hint.setObjectName("hint")
            hint.setWordWrap(True)
        self.mark_keyed_button = QPushButton(self.tr("Mark keyed into &CaMS…"))
        self.mark_keyed_button.setObjectName("markKeyedIntoCams")
        self.mark_keyed_button.clicked.connect(self.mark_keyed_into_cams)

        def page(table: QTableView, hint: QLabel, extra: QWidget | None = None) -> QWidget:
            widget = QWidget()
            layout = QVBoxLayout(widget)
            layout.setContentsMargins(6, 6, 6, 6)
            layout.addWidget(hint)
            layout.addWidget(table, 1)
            if extra is not None:
                row = QHBoxLayout()
                row.addStretch(1)
                row.addWidget(extra)
                layout.addLayout(row)
            return widget

        self.tabs = QTabWidget()
        self.tabs.setObjectName("monthLists")
        self.tabs.addTab(page(self.gap_table, self.gap_hint), "")
        self.tabs.addTab(page(self.cams_table, self.cams_hint, self.mark_keyed_button), "")
        self.tabs.addTab(page(self.follow_up_table, self.follow_up_hint), "")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("monthlySheetSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 680])
        self.splitter.setChildrenCollapsible(False)

        # actions ------------------------------------------------------------------------------------
        self.close_button = QPushButton(self.tr("C&lose month…"))
        self.close_button.setObjectName("closeMonth")
        self.reopen_button = QPushButton(self.tr("&Reopen…"))
        self.reopen_button.setObjectName("reopenMonth")
        self.preview_button = QPushButton(self.tr("Print pre&view…"))
        self.preview_button.setObjectName("printPreviewSheet")
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printSheet")
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.setObjectName("saveSheetPdf")
        self.forms_label = QLabel()
        self.forms_label.setObjectName("hint")
        actions = QHBoxLayout()
        actions.addWidget(self.close_button)
        actions.addWidget(self.reopen_button)
        actions.addStretch(1)
        actions.addWidget(self.forms_label)
        actions.addSpacing(8)
        actions.addWidget(self.preview_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.coordination)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)

        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(+1))
        self.month_combo.activated.connect(lambda _index: self.show_month(self.month_combo.currentData()))
        self.close_button.clicked.connect(self.close_month)
        self.reopen_button.clicked.connect(self.reopen_month)
        self.preview_button.clicked.connect(self.print_preview)
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(self.save_as_pdf)
        self._set_actions_enabled(False)
        self._update_tab_titles()

    def _fill_month_combo(self) -> None:
        self.month_combo.clear()
        newest = Month.of(self.today())
        for back in range(MONTHS_OFFERED):
            month = newest.plus(-back)
            self.month_combo.addItem(month_words(month), str(month))

    # --- choosing a month ---------------------------------------------------------------------------

    @property
    def current_month(self) -> Month | None:
        return self._month

    def default_month(self) -> Month:
        """Last month: the one being closed and reported at the start of a month."""
        return Month.of(self.today()).plus(-1)

    def load(self) -> None:
        """Show last month (or refresh the month shown)."""
        self.show_month(self._month or self.default_month())

    def refresh(self) -> None:
        if self._month is not None:
            self.show_month(self._month)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt
        super().showEvent(event)
        if self._month is None:
            self.load()

    def _step(self, months: int) -> None:
        base = self._month or self.default_month()
        self.show_month(base.plus(months))

    def show_month(self, month: Month | str) -> None:
        """Count ``month`` on a worker thread and show it; a newer request wins over an older one."""
        if isinstance(month, str):
            month = Month.parse(month)
        self._month = month
        self._select_in_combo(month)
        self.next_button.setEnabled(month < Month.of(self.today()))
        self._generation += 1
        generation = self._generation
        self.loading_label.setText(self.tr("Counting %s…") % month_words(month))
        self._set_actions_enabled(False)
        database, today = self.database, self._today

        def work() -> MonthSheet:
            with database.session() as session:
                return month_records.load_month_sheet(session, month, today=today)

        def done(sheet: object) -> None:
            if generation == self._generation:
                self._fill(sheet)  # type: ignore[arg-type]

        def cancelled() -> None:
            if generation == self._generation:
                self.loading_label.setText(self.tr("Counting stopped."))
                if self.sheet is not None:
                    self._month = self.sheet.month
                    self._select_in_combo(self.sheet.month)
                    self._set_actions_enabled(True)

        task = run_cancellable(self, self.tr("Counting the figures of %s…") % month_words(month), work, done,
                               self._failed, cancelled, minimum_duration_ms=800)
        self._keep(task)

    def _select_in_combo(self, month: Month) -> None:
        index = self.month_combo.findData(str(month))
        if index < 0:
            self.month_combo.addItem(month_words(month), str(month))
            index = self.month_combo.count() - 1
        self.month_combo.setCurrentIndex(index)

    def _keep(self, task) -> None:  # noqa: ANN001
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)

    def _failed(self, exc: BaseException) -> None:
        self.loading_label.setText("")
        if self.sheet is not None:
            self._set_actions_enabled(True)
        message = str(exc) if isinstance(exc, LbsDeskError) else self.tr("Something went wrong: %s") % exc
        QMessageBox.warning(self, self.tr("Monthly tracking sheet"), message)

    # --- showing a month ------------------------------------------------------------------------------

    @property
    def figures(self) -> dict | None:
        """The figures on screen (SPEC.md section 4): frozen for a closed month, today's otherwise."""
        return self.sheet.figures if self.sheet else None

    def figure_button(self, figure: str) -> FigureButton | None:
        """The button showing ``figure`` (e.g. ``learners.active``), for tests and scripts."""
        if figure in self.coordination_buttons:
            return self.coordination_buttons[figure]
        for card in self.cards:
            if figure in card.buttons:
                return card.buttons[figure]
        return None

    def _fill(self, sheet: MonthSheet) -> None:
        self.sheet = sheet
        figures = sheet.figures
        month = sheet.month
        self.loading_label.setText("")
        self._show_state(sheet)
        self._fill_coordination(figures)
        self._fill_cards(figures)
        # bigger numbers make wider cards: never clip them (the scroll area scrolls only up and down)
        self.cards_widget.layout().activate()
        self.figures_scroll.setMinimumWidth(self.cards_widget.minimumSizeHint().width()
                                            + self.figures_scroll.verticalScrollBar().sizeHint().width() + 4)
        self.gap_model.set_rows(sheet.gaps)
        self.cams_model.set_rows(sheet.not_in_cams)
        self.follow_up_model.set_rows(sheet.follow_ups_due)
        self._update_tab_titles()
        if sheet.state.status is MonthStatus.CLOSED:
            self.forms_label.setText(self.tr("Prints the sheet exactly as filed when the month was closed"))
        else:
            self.forms_label.setText(self.tr("Prints the sheet and %n referral form(s) dated in the month", "",
                                             sheet.referral_forms))
        self._set_actions_enabled(True)
        self.month_loaded.emit(str(month))

    def _show_state(self, sheet: MonthSheet) -> None:
        state = sheet.state
        chip = {
            MonthStatus.OPEN: (self.tr("Open"), "#e6ebf0", "#1f2933"),
            MonthStatus.CLOSED: (self.tr("Closed"), "#dcefe1", GOOD),
            MonthStatus.REOPENED: (self.tr("Reopened"), "#fdf1dc", "#8a5300"),
        }[state.status]
        self.status_label.setText(chip[0])
        self.status_label.setStyleSheet(
            f"background: {chip[1]}; color: {chip[2]}; border-radius: 9px; padding: 2px 10px; font-weight: 600;"
        )
        lines: list[str] = []
        colours = ("#eef6f0", "#9cc7a8")
        if state.status is MonthStatus.CLOSED:
            who = state.closed_by or self.tr("nobody signed in")
            lines.append("<b>" + self.tr("Closed on %1 by %2.").replace("%1", local_time_text(state.closed_at))
                         .replace("%2", _html(who)) + "</b> " +
                         self.tr("These are the figures as printed and filed, not today's."))
            if state.amendments:
                colours = ("#fff6e0", "#e0b458")
                lines.append("<b>" + self.tr("Changed since it was closed") + "</b> " +
                             self.tr("(listed as amendments on the %s sheet):") % month_words(sheet.month.plus(1)))
                lines.append("<ul style='margin:0'>" + "".join(f"<li>{_html(line)}</li>" for line in state.amendments[:5])
                             + (f"<li>{self.tr('… and %d more') % (len(state.amendments) - 5)}</li>"
                                if len(state.amendments) > 5 else "") + "</ul>")
        elif state.status is MonthStatus.REOPENED:
            colours = ("#fff6e0", "#e0b458")
            reopen = next((e for e in reversed(state.events) if e.action == "reopen"), None)
            if reopen is not None:
                lines.append("<b>" + self.tr("Reopened on %1 by %2:").replace("%1", local_time_text(reopen.at))
                             .replace("%2", _html(reopen.staff_name or self.tr("nobody signed in"))) + "</b> "
                             + _html(reopen.reason or ""))
            lines.append(self.tr("Showing today's figures. Close the month again when it is ready."))
        if lines:
            self.banner.setText("<br>".join(lines))
            self.banner.setStyleSheet(
                f"QLabel#monthBanner {{ background: {colours[0]}; border: 1px solid {colours[1]}; "
                f"border-radius: 6px; padding: 8px 12px; }}"
            )
            self.banner.show()
        else:
            self.banner.clear()
            self.banner.hide()

    def _fill_coordination(self, figures: dict) -> None:
        coordination = figures["service_coordination"]
        percent, target = coordination["percent"], coordination["target_percent"]
        meets = percent >= target and coordination["closed_plans"] > 0
        self.coordination_title.setText(self.tr("Service coordination\nfiscal year %s to date") % figures["fiscal_year"])
        self.coordination_percent.setText(number_text(float(percent)))
        self.coordination_percent.setStyleSheet(f"color: {GOOD if meets else SHORT};"
                                                if coordination["closed_plans"] else f"color: {MUTED};")
        self.coordination_bar.set_values(float(percent), float(target))
        closed, with_formal = coordination["closed_plans"], coordination["closed_with_formal_referral"]
        needed = coordination["referrals_needed"]
        if closed == 0:
            sentence = self.tr("No plans have closed yet this fiscal year: the percentage counts closed plans only.")
        elif needed:
            sentence = self.tr(
                "%1 of %2 plans closed this fiscal year had a formal referral. %3 more closed plans with a "
                "formal referral are needed to reach the %4% target."
            )
        else:
            sentence = self.tr("%1 of %2 plans closed this fiscal year had a formal referral: the %4% target is met.")
        self.coordination_sentence.setText(
            sentence.replace("%1", f"{with_formal:,}").replace("%2", f"{closed:,}").replace("%3", f"{needed:,}")
            .replace("%4", f"{target}")
        )
        for key, button in self.coordination_buttons.items():
            button.set_value(coordination[key.split(".", 1)[1]])
        needed_button = self.coordination_buttons["service_coordination.referrals_needed"]
        needed_button.setToolTip(self.tr("Show the active learners with no formal referral yet"))

    def _fill_cards(self, figures: dict) -> None:
        inquiries, learners = figures["inquiries"], figures["learners"]
        card = self.inquiries_card
        card.clear_dynamic()
        card.add_figure(self.tr("Inquiries this month"), "inquiries.total", inquiries["total"], total=True, dynamic=True)
        card.add_figure(self.tr("of them enrolled"), "inquiries.enrolled", inquiries["enrolled"], indent=True, dynamic=True)
        if inquiries["by_channel"]:
            card.add_heading(self.tr("By channel"), dynamic=True)
            for code, count in _by_count(inquiries["by_channel"]):
                card.add_figure(code_label(INQUIRY_CHANNELS, code) or code, f"inquiries.by_channel.{code}", count,
                                indent=True, dynamic=True)
        if inquiries["by_source"]:
            card.add_heading(self.tr("How people heard of us"), dynamic=True)
            for code, count in _by_count(inquiries["by_source"]):
                card.add_figure(type_label(code), f"inquiries.by_source.{code}", count, indent=True, dynamic=True)

        card = self.learners_card
        card.clear_dynamic()
        card.add_figure(self.tr("Active in the month"), "learners.active", learners["active"], total=True, dynamic=True)
        card.add_figure(self.tr("New (intake this month)"), "learners.new", learners["new"], indent=True, dynamic=True)
        card.add_figure(self.tr("Exited (plans closed)"), "learners.exited", learners["exited"], indent=True, dynamic=True)
        if learners["by_goal_path"]:
            card.add_heading(self.tr("Active learners by goal path"), dynamic=True)
            for code in [*GOAL_PATHS.codes, "unknown"]:
                if code in learners["by_goal_path"]:
                    label = code_label(GOAL_PATHS, code) if code != "unknown" else self.tr("Not recorded")
                    card.add_figure(label, f"learners.by_goal_path.{code}", learners["by_goal_path"][code],
                                    indent=True, dynamic=True)

        for card, section, direction in (
            (self.referrals_in_card, "referrals_in", "in"), (self.referrals_out_card, "referrals_out", "out"),
        ):
            data = figures[section]
            card.clear_dynamic()
            card.add_figure(self.tr("Referrals this month"), f"{section}.total", data["total"], total=True, dynamic=True)
            card.add_figure(self.tr("Formal (these count)"), f"{section}.formal", data["formal"],
                            indent=True, dynamic=True)
            card.add_figure(self.tr("Informal (do not count)"), f"{section}.informal", data["total"] - data["formal"],
                            indent=True, dynamic=True)
            if data["by_type"]:
                card.add_heading(self.tr("From whom") if direction == "in" else self.tr("To whom"), dynamic=True)
                for code, count in _by_count(data["by_type"]):
                    label = type_label(code)
                    if code in INFORMAL_SOURCES:
                        label = self.tr("%s (informal)") % label
                    elif code not in ORG_TYPES and code != "unknown":
                        label = code
                    card.add_figure(label, f"{section}.by_type.{code}", count, indent=True, dynamic=True)

    def _update_tab_titles(self) -> None:
        sheet = self.sheet
        counts = (len(sheet.figures["gaps"]), len(sheet.figures["not_in_cams"]), len(sheet.figures["follow_ups_due"])) \
            if sheet else (None, None, None)

        def title(text: str, count: int | None) -> str:
            return text if count is None else f"{text} ({count:,})"

        self.tabs.setTabText(TAB_GAPS, title(self.tr("To call: no formal referral"), counts[0]))
        self.tabs.setTabText(TAB_CAMS, title(self.tr("Not keyed into CaMS"), counts[1]))
        self.tabs.setTabText(TAB_FOLLOW_UPS, title(self.tr("Follow-ups due"), counts[2]))

    def _set_actions_enabled(self, enabled: bool) -> None:
        state = self.sheet.state if (enabled and self.sheet) else None
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(enabled)
        self.close_button.setEnabled(bool(state and state.can_close))
        self.close_button.setToolTip(
            (state.cannot_close_because or self.tr("Freeze the figures and keep the printed sheet")) if state else ""
        )
        self.reopen_button.setEnabled(bool(state and state.can_reopen))
        self.reopen_button.setToolTip(self.tr("Reopen a closed month, saying why") if state and state.can_reopen
                                      else self.tr("Only a closed month can be reopened"))
        self.mark_keyed_button.setEnabled(bool(enabled and self.sheet and any(
            line.cams_entered_date is None for line in self.sheet.not_in_cams)))

    # --- opening the records behind ----------------------------------------------------------------

    def _open_learner_at(self, model, index) -> None:  # noqa: ANN001
        learner_id = model.index(index.row(), 0).data(LEARNER_ID_ROLE)
        if learner_id is not None:
            self.learner_open_requested.emit(int(learner_id))

    def _open_referral_at(self, index) -> None:  # noqa: ANN001
        referral_id = self.cams_model.index(index.row(), 0).data(RECORD_ID_ROLE)
        if referral_id is not None:
            self.referral_open_requested.emit(int(referral_id))

    def _figure_clicked(self, figure: str) -> None:
        if figure == "service_coordination.referrals_needed":
            self.tabs.setCurrentIndex(TAB_GAPS)
            self.gap_table.setFocus()
            return
        self.show_records_behind(figure)

    def show_records_behind(self, figure: str) -> None:
        """Open a small window listing the records behind ``figure`` (read on a worker thread)."""
        month = self._month
        if month is None or self.sheet is None:
            return
        button = self.figure_button(figure)
        label = button.label if button else figure
        shown = button.text() if button else ""
        frozen = self.sheet.frozen
        database = self.database

        def work() -> RecordsBehind:
            with database.session() as session:
                return month_records.records_behind(session, month, figure)

        def done(records: object) -> None:
            self._show_records_dialog(records, label, shown, month, frozen)  # type: ignore[arg-type]

        self._keep(run_cancellable(self, self.tr("Finding the records…"), work, done, self._failed,
                                   minimum_duration_ms=800))

    def _show_records_dialog(self, records: RecordsBehind, label: str, shown: str, month: Month, frozen: bool) -> None:
        model = {"learner": LearnerLineTableModel, "referral": ReferralLineTableModel,
                 "inquiry": InquiryLineTableModel}[records.kind]()
        model.set_rows({"learner": records.learners, "referral": records.referrals,
                        "inquiry": records.inquiries}[records.kind])
        title = f"{label} — {month_words(month)} ({len(records):,})"
        hint = {
            "learner": self.tr("Double-click or press Enter to open a learner's file."),
            "referral": self.tr("Double-click or press Enter to open a referral."),
            "inquiry": self.tr("Double-click or press Enter to open the file of an inquiry that enrolled."),
        }[records.kind]
        if frozen:
            hint = self.tr("The month is closed: the sheet shows %1; these are the records as they stand today. ") \
                .replace("%1", shown) + hint
        dialog = RecordsDialog(title, hint, model, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def activated(row) -> None:  # noqa: ANN001
            if records.kind == "referral":
                self.referral_open_requested.emit(row.id)
            elif records.kind == "learner":
                self.learner_open_requested.emit(row.id)
            elif row.learner_id is not None:
                self.learner_open_requested.emit(row.learner_id)
            else:
                return
            dialog.accept()

        dialog.record_activated.connect(activated)
        self._dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_: self._dialogs.remove(dialog) if dialog in self._dialogs else None)
        dialog.open()

    # --- CaMS ---------------------------------------------------------------------------------------

    def mark_keyed_into_cams(self) -> None:
        """Mark the selected referrals of the CaMS list (all of them when none is selected), confirmed."""
        rows = sorted({index.row() for index in self.cams_table.selectionModel().selectedRows()})
        snapshots = [self.cams_model.row_snapshot(row) for row in rows] or self.cams_model.rows()
        ids = [line.id for line in snapshots if line is not None and line.cams_entered_date is None]
        if not ids:
            QMessageBox.information(self, self.tr("Mark keyed into CaMS"), self.tr(
                "The chosen referrals are already marked as keyed into CaMS (after the month ended)."))
            return
        database, staff_id, today = self.database, self.staff_id, self.today()
        marked: dict[str, int] = {}

        def mark(on: date) -> str | None:
            try:
                with database.session() as session:
                    marked["count"] = referral_service.mark_keyed_into_cams(
                        session, ids, on, staff_id=staff_id, today=today
                    )
            except ValidationFailed as exc:
                return "\n".join(exc.problems.values())
            except LbsDeskError as exc:
                return str(exc)
            return None

        dialog = MarkKeyedDialog(len(ids), today, mark, self._month, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.referrals_marked_keyed.emit(marked.get("count", 0))
                self.refresh()

        dialog.finished.connect(finished)
        self._dialogs.append(dialog)
        dialog.open()

    # --- closing and reopening ------------------------------------------------------------------------

    def close_month(self) -> None:
        """Ask, then close the month: freeze the figures and store the printed sheet (on a worker)."""
        sheet = self.sheet
        if sheet is None or not sheet.state.can_close:
            return
        month = sheet.month
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Close %s") % month_words(month), "", parent=self)
        box.setObjectName("confirmCloseMonth")
        box.setText(self.tr("Close %s?") % month_words(month))
        box.setInformativeText(self.tr(
            "The figures on screen are frozen and the tracking sheet is printed to the database with its %n "
            "referral form(s), with your name and the time. Anything changed later is listed as an amendment "
            "on next month's sheet. A closed month can be reopened, with a reason.", "", sheet.referral_forms
        ))
        close = box.addButton(self.tr("Close the month"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            if box.clickedButton() is close:
                self._run_close(month)

        box.finished.connect(answered)
        box.open()

    def _run_close(self, month: Month) -> None:
        database, staff_id = self.database, self.staff_id

        def work() -> object:
            with database.session() as session:
                return month_close.close_month(session, month, staff_id=staff_id)

        def done(_info: object) -> None:
            self.month_closed.emit(str(month))
            self.show_month(month)

        self._keep(run_with_progress(self, self.tr("Closing %s: printing the sheet and its referral forms…")
                                     % month_words(month), work, done, self._failed))

    def reopen_month(self) -> None:
        """Ask why, then reopen the closed month."""
        sheet = self.sheet
        if sheet is None or not sheet.state.can_reopen:
            return
        month = sheet.month
        database, staff_id = self.database, self.staff_id

        def reopen(reason: str) -> str | None:
            try:
                with database.session() as session:
                    month_close.reopen_month(session, month, reason=reason, staff_id=staff_id)
            except ValidationFailed as exc:
                return exc.problems.get("reason") or "\n".join(exc.problems.values())
            except LbsDeskError as exc:
                return str(exc)
            return None

        dialog = ReopenDialog(month, reopen, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.month_reopened.emit(str(month))
                self.show_month(month)

        dialog.finished.connect(finished)
        self._dialogs.append(dialog)
        dialog.open()

    # --- printing ---------------------------------------------------------------------------------

    def _sheet_title(self, month: Month) -> str:
        return self.tr("Monthly tracking sheet %s") % month_words(month)

    def _file_name(self, month: Month) -> str:
        return f"tracking-sheet-{month}.pdf"

    def _with_pdf(self, then) -> None:  # noqa: ANN001
        """Build the month's PDF on a worker (a closed month: exactly the sheet printed when it closed)."""
        sheet = self.sheet
        if sheet is None:
            return
        month, database = sheet.month, self.database
        closed = sheet.state.status is MonthStatus.CLOSED

        def make() -> bytes:
            from lbsdesk.services.sheet_printing import monthly_sheet_pdf

            with database.session() as session:
                if closed:
                    return month_close.closed_pdf(session, month)
                return monthly_sheet_pdf(session, month, with_referral_forms=True)

        label = (self.tr("Reading the sheet printed when %s was closed…") if closed
                 else self.tr("Preparing the tracking sheet of %s and its referral forms…")) % month_words(month)
        self._keep(print_preview.build_pdf_then(self, label, make, then, self._failed))

    def print_preview(self) -> None:
        month = self._month

        def show(pdf: bytes) -> None:
            dialog = print_preview.show_preview(self, pdf, self._sheet_title(month), self._file_name(month))
            self._dialogs.append(dialog)
            dialog.destroyed.connect(lambda *_: self._dialogs.remove(dialog) if dialog in self._dialogs else None)

        self._with_pdf(show)

    def print_sheet(self) -> None:
        month = self._month
        self._with_pdf(lambda pdf: self._keep_optional(print_preview.print_pdf(self, pdf, self._sheet_title(month))))

    def save_as_pdf(self) -> None:
        month = self._month
        self._with_pdf(lambda pdf: print_preview.save_pdf(self, pdf, self._file_name(month)))

    def _keep_optional(self, task) -> None:  # noqa: ANN001
        if task is not None:
            self._keep(task)


def _by_count(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Largest first, then by code: the order a reader scans a breakdown."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
