"""The daily inquiry log (``inquiryLog``): three fields and Enter to save; recent inquiries below."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.domain.codes import INFORMAL_SOURCES, INQUIRY_CHANNELS, ORG_TYPES
from lbsdesk.errors import LbsDeskError
from lbsdesk.services import inquiries as inquiry_service
from lbsdesk.ui import settings as opts
from lbsdesk.ui.form_widgets import CodeCombo, code_label

#: The inquiry's database id (int).
INQUIRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The whole ``InquiryRow``.
INQUIRY_ROW_ROLE = Qt.ItemDataRole.UserRole + 2

RECENT_LIMIT = 500


def source_label(code: str | None) -> str:
    if not code:
        return ""
    if code in INFORMAL_SOURCES:
        return code_label(INFORMAL_SOURCES, code)
    return code_label(ORG_TYPES, code)


class InquiryTableModel(QAbstractTableModel):
    """Recent inquiries, newest first (a few hundred rows: loaded whole)."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list = []
        self._headers = (
            self.tr("Date"), self.tr("Channel"), self.tr("How they heard"), self.tr("Note"), self.tr("Enrolled as"),
        )

    def set_rows(self, rows) -> None:  # noqa: ANN001
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_snapshot(self, row: int):  # noqa: ANN201
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, inquiry_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == inquiry_id:
                return number
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index):  # noqa: ANN001, ANN201
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._headers):
                return self._headers[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() >= len(self._headers):
            return None
        row = self._rows[index.row()]
        if role == INQUIRY_ID_ROLE:
            return row.id
        if role == INQUIRY_ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return row.inquiry_date.isoformat()
            if column == 1:
                return code_label(INQUIRY_CHANNELS, row.channel)
            if column == 2:
                return source_label(row.source)
            if column == 3:
                return row.notes or ""
            if column == 4:
                return row.learner_name or ("" if role == Qt.ItemDataRole.DisplayRole else self.tr("Not enrolled"))
        return None


class InquiryLogPane(QWidget):
    """Log a call, walk-in or email in seconds; turn one into a learner file with Enrol."""

    inquiry_added = Signal(int)
    """An inquiry was saved (database id)."""
    enrol_requested = Signal(int)
    """The person asked to enrol the person of this inquiry (database id)."""

    def __init__(self, database, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("inquiryLog")
        self.setAccessibleName(self.tr("Inquiry log"))
        self._database = database

        title = QLabel(self.tr("Inquiries"))
        title.setObjectName("pageTitle")
        hint = QLabel(self.tr("Log each call, walk-in or email as it happens. Press Enter to save."))
        hint.setObjectName("hint")

        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setObjectName("inquiryDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate().addDays(1))
        self.channel = CodeCombo(INQUIRY_CHANNELS)
        self.channel.setObjectName("inquiryChannel")
        self.source = QComboBox()
        self.source.setObjectName("inquirySource")
        self.source.addItem(self.tr("Not asked"), None)
        for code in INFORMAL_SOURCES.codes:
            self.source.addItem(code_label(INFORMAL_SOURCES, code), code)
        self.source.insertSeparator(self.source.count())
        for code in ORG_TYPES.codes:
            self.source.addItem(self.tr("Referred by: %s") % code_label(ORG_TYPES, code), code)
        self.source.setMaxVisibleItems(20)
        self.note = QLineEdit()
        self.note.setObjectName("inquiryNote")
        self.note.setPlaceholderText(self.tr("First name, what they asked about, call-back number…"))
        self.note.returnPressed.connect(self.save)
        self.save_button = QPushButton(self.tr("&Log inquiry"))
        self.save_button.setObjectName("saveInquiryButton")
        self.save_button.setToolTip(self.tr("Save this inquiry (Enter or Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("inquiryMessage")

        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(10)
        captions = []
        for text, buddy in (
            (self.tr("&Date"), self.date_edit), (self.tr("C&hannel"), self.channel),
            (self.tr("&How they heard"), self.source), (self.tr("&Note"), self.note),
        ):
            caption = QLabel(text)
            caption.setBuddy(buddy)
            captions.append(caption)
        form.addWidget(captions[0], 0, 0)
        form.addWidget(self.date_edit, 0, 1)
        form.addWidget(captions[1], 0, 2, Qt.AlignmentFlag.AlignRight)
        form.addWidget(self.channel, 0, 3)
        form.addWidget(captions[2], 0, 4, Qt.AlignmentFlag.AlignRight)
        form.addWidget(self.source, 0, 5)
        form.addWidget(captions[3], 1, 0)
        form.addWidget(self.note, 1, 1, 1, 5)
        form.addWidget(self.save_button, 1, 6)
        form.addWidget(self.message, 2, 1, 1, 6)
        form.setColumnStretch(5, 1)
        form.setColumnMinimumWidth(2, 0)
        self.source.setMinimumContentsLength(24)
        self.channel.setMinimumContentsLength(8)

        top = QWidget()
        top.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 8)
        top_layout.addWidget(title)
        top_layout.addWidget(hint)
        top_layout.addLayout(form)

        self.model = InquiryTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("inquiryTable")
        self.table.setAccessibleName(self.tr("Recent inquiries"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        char = self.fontMetrics().horizontalAdvance("0")
        for column, chars in enumerate((10, 8, 22, 44)):
            self.table.setColumnWidth(column, chars * char + 24)
        self.table.doubleClicked.connect(lambda _index: self.enrol_selected())
        self.table.selectionModel().currentRowChanged.connect(self._update_enrol)

        recent_label = QLabel(self.tr("Recent inquiries"))
        recent_label.setObjectName("sectionTitle")
        self.enrol_button = QPushButton(self.tr("&Enrol…"))
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.setToolTip(self.tr("Start a learner file for the selected inquiry"))
        self.enrol_button.clicked.connect(self.enrol_selected)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(recent_label)
        bar.addStretch(1)
        bar.addWidget(self.enrol_button)
        bottom_layout.addLayout(bar)
        bottom_layout.addWidget(self.table, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("inquirySplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([top.sizeHint().height(), 10_000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(self.splitter)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_enrol()

    # --- data ----------------------------------------------------------------------------------

    def load(self) -> None:
        with self._database.session() as session:
            rows = inquiry_service.recent_inquiries(session, limit=RECENT_LIMIT)
        self.model.set_rows(rows)
        self._update_enrol()

    def save(self) -> int | None:
        """Save the inquiry typed in the form; the form is cleared for the next one."""
        qdate = self.date_edit.date()
        when = date(qdate.year(), qdate.month(), qdate.day())
        try:
            with self._database.session() as session:
                inquiry_id = inquiry_service.add_inquiry(
                    session,
                    inquiry_date=when,
                    channel=self.channel.code(),
                    source=self.source.currentData(),
                    notes=self.note.text().strip() or None,
                )
        except LbsDeskError as exc:
            problems = getattr(exc, "problems", None)
            text = "\n".join(problems.values()) if problems else str(exc)
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(text)
            return None
        self.note.clear()
        self.source.setCurrentIndex(0)
        self.date_edit.setDate(QDate.currentDate())
        self.message.setStyleSheet("color: #1e6b2f;")
        self.message.setText(self.tr("Logged. Ready for the next one."))
        self.load()
        row = self.model.row_of(inquiry_id)
        if row is not None:
            self.table.selectRow(row)
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)
        self.inquiry_added.emit(inquiry_id)
        return inquiry_id

    def selected_inquiry(self):  # noqa: ANN201 - InquiryRow | None
        index = self.table.currentIndex()
        return self.model.row_snapshot(index.row()) if index.isValid() else None

    def _update_enrol(self, *_args) -> None:  # noqa: ANN002
        row = self.selected_inquiry()
        self.enrol_button.setEnabled(row is not None and row.learner_id is None)

    def enrol_selected(self) -> None:
        row = self.selected_inquiry()
        if row is None:
            return
        if row.learner_id is not None:
            QMessageBox.information(
                self, self.tr("Already enrolled"),
                self.tr("This inquiry is already linked to %s.") % (row.learner_name or row.learner_id),
            )
            return
        self.enrol_requested.emit(row.id)

    def focus_form(self) -> None:
        self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- remembered layout ---------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        opts.write(settings, opts.INQUIRY_SPLITTER, self.splitter.saveState())
        opts.write(settings, opts.INQUIRY_HEADER, self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = opts.read(settings, opts.INQUIRY_SPLITTER)
        if not state.isEmpty():
            self.splitter.restoreState(state)
        header = opts.read(settings, opts.INQUIRY_HEADER)
        if not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)
