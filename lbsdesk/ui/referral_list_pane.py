"""The Referrals page (``referralTable``): every referral in and out with filters, lazy paging, the
referral form on Enter or double-click, and "Mark keyed into CaMS" on one or many at once."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.domain.calendar_rules import Month
from lbsdesk.domain.codes import REFERRAL_STATUSES, month_name
from lbsdesk.domain.referral_rules import AWAITING_REPLY
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services import partners as partner_service
from lbsdesk.services import referrals as referral_service
from lbsdesk.ui.form_widgets import DateField, FieldError, code_label
from lbsdesk.ui.referral_form_dialog import PartnerChooser, ReferralFormDialog, show_referral_form
from lbsdesk.ui.referral_table_model import (
    COL_CAMS,
    COL_DATE,
    COL_DIRECTION,
    COL_FOLLOW_UP,
    COL_FORMAL,
    COL_LEARNER,
    COL_NUMBER,
    COL_PARTNER,
    COL_STATUS,
    ReferralTableModel,
)

SEARCH_DEBOUNCE_MS = 200
MONTHS_OFFERED = 24


def setup_table(table: QTableView, *, multi: bool = False) -> None:
    """The look every list of this app shares: whole rows, fixed row heights, no editing."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection if multi else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 14)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def set_column_chars(table: QTableView, widths: dict[int, int]) -> None:
    char = table.fontMetrics().horizontalAdvance("0")
    for column, chars in widths.items():
        table.setColumnWidth(column, chars * char + 14)


class OpeningTableView(QTableView):
    """A table where Enter opens the current row."""

    open_requested = Signal(int)
    """Enter was pressed on this row."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)


def referral_columns(table: QTableView) -> None:
    set_column_chars(table, {
        COL_NUMBER: 7, COL_DATE: 9, COL_DIRECTION: 5, COL_LEARNER: 16, COL_PARTNER: 22, COL_FORMAL: 7,
        COL_STATUS: 13, COL_FOLLOW_UP: 9, COL_CAMS: 9,
    })
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(COL_PARTNER, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(table.fontMetrics().horizontalAdvance("0000") + 14)


class CamsDateDialog(QDialog):
    """Ask the day the chosen referrals were keyed into CaMS, and confirm how many."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("camsDateDialog")
        self.setWindowTitle(self.tr("Mark keyed into CaMS"))
        question = QLabel(
            self.tr("Mark 1 referral as keyed into CaMS?") if count == 1
            else self.tr("Mark %d referrals as keyed into CaMS?") % count
        )
        question.setObjectName("sectionTitle")
        explain = QLabel(self.tr("Referrals already marked keep the date they were keyed in."))
        explain.setWordWrap(True)
        explain.setObjectName("hint")
        self.day = DateField()
        self.day.setObjectName("camsDate")
        self.day.set_date_value(date.today())
        caption = QLabel(self.tr("&Keyed in on"))
        caption.setBuddy(self.day)
        self.error = FieldError()
        line = QHBoxLayout()
        line.addWidget(caption)
        line.addWidget(self.day)
        line.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Mark keyed into CaMS"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(question)
        layout.addWidget(explain)
        layout.addLayout(line)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def chosen_day(self) -> date | None:
        try:
            return self.day.date_value()
        except ValueError:
            return None

    def _check(self) -> None:
        try:
            if self.day.date_value() is None:
                raise ValueError(self.tr("enter the day the referrals were keyed in"))
        except ValueError as exc:
            self.error.show_message(self.tr("Keyed in on: %s") % exc)
            return
        self.accept()


class ReferralListPane(QWidget):
    """Find any referral; open it; mark many as keyed into CaMS at once."""

    referrals_changed = Signal()
    """Referrals were added or changed from this page (other pages may refresh)."""
    learner_open_requested = Signal(int)
    """The person asked to open this learner's file (database id)."""

    def __init__(self, database, parent: QWidget | None = None, staff_id: int | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("referralListPane")
        self.setAccessibleName(self.tr("Referrals"))
        self._database = database
        self._staff_id = staff_id
        self._forms: list[ReferralFormDialog] = []
        self.model = ReferralTableModel(database, self)

        title = QLabel(self.tr("Referrals"))
        title.setObjectName("pageTitle")
        self.new_in_button = QPushButton(self.tr("New referral &in…"))
        self.new_in_button.setObjectName("newReferralInButton")
        self.new_in_button.clicked.connect(lambda: self.new_referral("in"))
        self.new_out_button = QPushButton(self.tr("New referral &out…"))
        self.new_out_button.setObjectName("newReferralOutButton")
        self.new_out_button.clicked.connect(lambda: self.new_referral("out"))

        self.search = QLineEdit()
        self.search.setObjectName("referralSearch")
        self.search.setPlaceholderText(self.tr("Learner name, learner ID, phone or referral number"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search referrals"))
        self.search.installEventFilter(self)
        self.direction = QComboBox()
        self.direction.setObjectName("referralDirectionFilter")
        self.direction.addItem(self.tr("In and out"), None)
        self.direction.addItem(self.tr("Referrals in"), "in")
        self.direction.addItem(self.tr("Referrals out"), "out")
        self.status = QComboBox()
        self.status.setObjectName("referralStatusFilter")
        self.status.addItem(self.tr("Any status"), None)
        self.status.addItem(self.tr("Awaiting reply"), AWAITING_REPLY)
        for code in REFERRAL_STATUSES.codes:
            self.status.addItem(code_label(REFERRAL_STATUSES, code), code)
        self.status.setMaxVisibleItems(15)
        self.month = QComboBox()
        self.month.setObjectName("referralMonthFilter")
        self.month.addItem(self.tr("Any month"), None)
        this_month = Month.of(date.today())
        for back in range(MONTHS_OFFERED):
            month = this_month.plus(-back)
            self.month.addItem(f"{month}  ({month_name(month.month)} {month.year})", str(month))
        self.month.setMaxVisibleItems(15)
        self.partner = PartnerChooser(self.tr("Any partner"))
        self.partner.setObjectName("referralPartnerFilter")
        self.partner.setAccessibleName(self.tr("Partner"))
        self.not_in_cams = QCheckBox(self.tr("Formal, not yet in &CaMS"))
        self.not_in_cams.setObjectName("notInCamsFilter")
        self.not_in_cams.setToolTip(self.tr("Formal referrals dated today or earlier that are not keyed into CaMS yet"))

        self.table = OpeningTableView()
        self.table.setObjectName("referralTable")
        self.table.setAccessibleName(self.tr("Referral list"))
        self.table.setModel(self.model)
        setup_table(self.table, multi=True)
        referral_columns(self.table)
        self.table.open_requested.connect(self._open_row)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.count_label = QLabel()
        self.count_label.setObjectName("referralCount")
        self.open_button = QPushButton(self.tr("Op&en"))
        self.open_button.setObjectName("openReferralButton")
        self.open_button.clicked.connect(self.open_current)
        self.cams_button = QPushButton(self.tr("&Mark keyed into CaMS…"))
        self.cams_button.setObjectName("bulkCamsButton")
        self.cams_button.setToolTip(self.tr("Record that the selected referrals were keyed into CaMS"))
        self.cams_button.clicked.connect(self.mark_selected_keyed_into_cams)
        self.message = QLabel()
        self.message.setObjectName("referralMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_in_button)
        top.addWidget(self.new_out_button)
        filters = QGridLayout()
        filters.setHorizontalSpacing(10)
        filters.setVerticalSpacing(8)
        captions = []
        for text, buddy in (
            (self.tr("&Find:"), self.search), (self.tr("&Direction:"), self.direction),
            (self.tr("&Status:"), self.status), (self.tr("Mon&th:"), self.month), (self.tr("&Partner:"), self.partner),
        ):
            caption = QLabel(text)
            caption.setBuddy(buddy)
            captions.append(caption)
        filters.addWidget(captions[0], 0, 0)
        filters.addWidget(self.search, 0, 1, 1, 3)
        filters.addWidget(captions[4], 0, 4, Qt.AlignmentFlag.AlignRight)
        filters.addWidget(self.partner, 0, 5, 1, 2)
        filters.addWidget(captions[1], 1, 0)
        filters.addWidget(self.direction, 1, 1)
        filters.addWidget(captions[2], 1, 2, Qt.AlignmentFlag.AlignRight)
        filters.addWidget(self.status, 1, 3)
        filters.addWidget(captions[3], 1, 4, Qt.AlignmentFlag.AlignRight)
        filters.addWidget(self.month, 1, 5)
        filters.addWidget(self.not_in_cams, 1, 6)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(5, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.cams_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.direction, self.status, self.month, self.partner):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.not_in_cams.toggled.connect(self.apply_filters)
        self.model.modelReset.connect(self._after_query)
        self._selection_changed()

    # --- data ------------------------------------------------------------------------------------

    def load(self) -> None:
        """Fill the partner filter and run the query (the window calls this when the page is shown)."""
        with self._database.session() as session:
            rows = partner_service.partner_list(session, include_archived=True)
        self.partner.set_partners(rows)
        self.apply_filters(force=True)

    def refresh(self) -> None:
        self.model.refresh()

    def current_query(self) -> referral_service.ReferralQuery:
        return referral_service.ReferralQuery(
            direction=self.direction.currentData(),
            status=self.status.currentData(),
            not_in_cams_on=date.today() if self.not_in_cams.isChecked() else None,
            month=self.month.currentData(),
            partner_id=self.partner.partner_id(),
            search=self.search.text().strip(),
        )

    def apply_filters(self, *_args, force: bool = False) -> None:  # noqa: ANN002
        self._debounce.stop()
        try:
            self.model.set_query(self.current_query(), force=force is True)
        except ValidationFailed as exc:
            self._say("\n".join(exc.problems.values()), error=True)

    def set_filters(self, **values) -> None:  # noqa: ANN003
        """Set filters by ReferralQuery names (direction, status, month, partner_id, search, not_in_cams)."""
        widgets = {"direction": self.direction, "status": self.status, "month": self.month}
        for name, value in values.items():
            if name in widgets:
                widgets[name].setCurrentIndex(max(widgets[name].findData(value), 0))
            elif name == "partner_id":
                self.partner.set_partner_id(value)
            elif name == "search":
                self.search.setText(value)
            elif name == "not_in_cams":
                self.not_in_cams.setChecked(bool(value))
        self.apply_filters()

    def _after_query(self) -> None:
        count = self.model.rowCount()
        if count:
            self.count_label.setText(self.tr("1 referral") if count == 1 else self.tr("%s referrals") % f"{count:,}")
        else:
            self.count_label.setText(self.tr("No referrals match these filters."))
        self._selection_changed()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1e6b2f;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- selection and opening -------------------------------------------------------------------

    def selected_referral_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [rid for rid in (self.model.referral_id(row) for row in rows) if rid is not None]

    def select_referral(self, referral_id: int) -> bool:
        row = self.model.row_of(referral_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, *_args) -> None:  # noqa: ANN002
        selected = len(self.table.selectionModel().selectedRows())
        self.cams_button.setEnabled(selected > 0)
        self.open_button.setEnabled(selected == 1)
        if selected > 1:
            self.cams_button.setText(self.tr("&Mark %d keyed into CaMS…") % selected)
        else:
            self.cams_button.setText(self.tr("&Mark keyed into CaMS…"))

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open_row(index.row())

    def _open_row(self, row: int) -> None:
        referral_id = self.model.referral_id(row)
        if referral_id is not None:
            self.open_referral(referral_id)

    def _show_form(self, form: ReferralFormDialog) -> ReferralFormDialog:
        return show_referral_form(form, self._forms, self._form_saved, self.learner_open_requested)

    def open_referral(self, referral_id: int) -> ReferralFormDialog:
        """Open the referral form on this referral (window-modal; returns the dialog)."""
        return self._show_form(ReferralFormDialog(self._database, referral_id=referral_id, staff_id=self._staff_id, parent=self))

    def new_referral(self, direction: str, learner_id: int | None = None, partner_id: int | None = None) -> ReferralFormDialog:
        """Open a new referral form (prefilled with what is known)."""
        return self._show_form(ReferralFormDialog(
            self._database, learner_id=learner_id, direction=direction, partner_id=partner_id,
            staff_id=self._staff_id, parent=self,
        ))

    def _form_saved(self, referral_id: int) -> None:
        self.model.refresh()
        self.select_referral(referral_id)
        self.referrals_changed.emit()

    # --- CaMS ------------------------------------------------------------------------------------

    def mark_selected_keyed_into_cams(self) -> int | None:
        """Ask the day, then mark the selected referrals keyed into CaMS; how many were newly marked."""
        ids = self.selected_referral_ids()
        if not ids:
            return None
        dialog = CamsDateDialog(len(ids), self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                with self._database.session() as session:
                    marked = referral_service.mark_keyed_into_cams(
                        session, ids, dialog.chosen_day(), staff_id=self._staff_id
                    )
            except ValidationFailed as exc:
                dialog.error.show_message("\n".join(exc.problems.values()))
                continue
            except LbsDeskError as exc:
                QMessageBox.critical(self, self.tr("Could not mark the referrals"), str(exc))
                return None
            already = len(ids) - marked
            text = self.tr("%d marked keyed into CaMS on %s.") % (marked, dialog.chosen_day().isoformat())
            if already:
                text += " " + self.tr("%d were already marked and keep their date.") % already
            self._say(text)
            self.model.refresh()
            self.referrals_changed.emit()
            return marked
        return None

    # --- keyboard --------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                if self._debounce.isActive():
                    self.apply_filters()
                if self.model.rowCount():
                    self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                    if not self.table.currentIndex().isValid():
                        self.table.setCurrentIndex(self.model.index(0, 0))
                    self.table.selectRow(self.table.currentIndex().row())
                return True
        return super().eventFilter(watched, event)

