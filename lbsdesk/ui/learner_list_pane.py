"""The Learners page: search box, filter, and the learner table (SPEC.md section 6 names)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.ui import settings as opts
from lbsdesk.ui.learner_table_model import (
    COL_FLAGS,
    COL_GOAL_PATH,
    COL_ID,
    COL_INTAKE,
    COL_LAST_REFERRAL,
    COL_NAME,
    COL_STAGE,
    LearnerTableModel,
)

SEARCH_DEBOUNCE_MS = 150

#: learnerFilter item codes (SPEC.md section 6), in the order shown.
FILTER_CODES = ("all", "active", "exited", "no_formal_referral", "follow_up_due")


class LearnerTableView(QTableView):
    """The learner table: Enter opens the current learner, Escape goes back to the search box."""

    open_requested = Signal(int)
    """The person asked to open the learner at this row (Enter or double-click)."""
    escape_pressed = Signal()
    """Escape was pressed in the table."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().isValid():
                self.open_requested.emit(self.currentIndex().row())
                event.accept()
                return
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class LearnerListPane(QWidget):
    """Find anyone by typing; open them with Enter."""

    learner_opened = Signal(int)
    """The person asked to open this learner's file (database id)."""
    new_learner_requested = Signal()
    """The person asked for a new learner file."""

    def __init__(self, database, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("learnerListPane")
        self.model = LearnerTableModel(database, self)

        title = QLabel(self.tr("Learners"))
        title.setObjectName("pageTitle")

        self.search = QLineEdit()
        self.search.setObjectName("learnerSearch")
        self.search.setPlaceholderText(self.tr("Search by name, learner ID or phone (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search learners"))
        self.search.setMinimumWidth(320)
        self.search.installEventFilter(self)

        self.filter = QComboBox()
        self.filter.setObjectName("learnerFilter")
        self.filter.setAccessibleName(self.tr("Show which learners"))
        labels = {
            "all": self.tr("All learners"),
            "active": self.tr("Active today"),
            "exited": self.tr("Exited"),
            "no_formal_referral": self.tr("Active, no formal referral yet"),
            "follow_up_due": self.tr("Follow-up due"),
        }
        for code in FILTER_CODES:
            self.filter.addItem(labels[code], code)

        show_label = QLabel(self.tr("&Show:"))
        show_label.setBuddy(self.filter)
        find_label = QLabel(self.tr("&Find:"))
        find_label.setBuddy(self.search)

        self.new_button = QPushButton(self.tr("New learner"))
        self.new_button.setObjectName("newLearnerButton")
        self.new_button.setToolTip(self.tr("Start a new learner file (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_learner_requested)

        self.count_label = QLabel()
        self.count_label.setObjectName("learnerCount")

        self.table = LearnerTableView()
        self.table.setObjectName("learnerTable")
        self.table.setAccessibleName(self.tr("Learner list"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self._default_widths()
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._keep_indicator_on_sortable_column)
        self.table.open_requested.connect(self._open_row)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.escape_pressed.connect(self.focus_search)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.model.query_applied.connect(self._after_query)
        self.model.modelReset.connect(self._after_query)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        bar = QHBoxLayout()
        bar.addWidget(find_label)
        bar.addWidget(self.search, 3)
        bar.addSpacing(16)
        bar.addWidget(show_label)
        bar.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    # --- loading and querying ------------------------------------------------------------------

    def load(self) -> None:
        """Run the first query (the window calls this once it is shown)."""
        self.model.start()

    def apply_search(self) -> None:
        self._debounce.stop()
        self.model.set_search(self.search.text())

    def _filter_changed(self) -> None:
        self.model.set_filter(self.filter.currentData())

    def set_filter_code(self, code: str) -> None:
        self.filter.setCurrentIndex(self.filter.findData(code))

    def refresh(self, keep_learner_id: int | None = None) -> None:
        current = keep_learner_id if keep_learner_id is not None else self.current_learner_id()
        self.model.refresh()
        if current is not None:
            self.select_learner(current)

    def current_learner_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.learner_id(index.row()) if index.isValid() else None

    def select_learner(self, learner_id: int) -> bool:
        row = self.model.row_of(learner_id)
        if row is None:
            return False
        index = self.model.index(row, COL_NAME)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _after_query(self) -> None:
        rows = self.model.rowCount()
        if rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, COL_NAME))
        query = self.model.query()
        if rows:
            self.count_label.setText(
                self.tr("1 learner shown") if rows == 1 else self.tr("%s learners shown") % f"{rows:,}"
            )
        elif query.search:
            self.count_label.setText(
                self.tr("No learner matches \u201c%s\u201d. Try part of the name, the learner ID or the phone number.")
                % query.search
            )
        else:
            self.count_label.setText(self.tr("No learners in this list."))

    def _keep_indicator_on_sortable_column(self, section: int, order) -> None:  # noqa: ANN001
        if section == COL_FLAGS:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.sort_column(),
                Qt.SortOrder.DescendingOrder if self.model.query().descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    # --- keyboard ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                if self._debounce.isActive():
                    self.apply_search()
                if self.model.rowCount():
                    self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                    if not self.table.currentIndex().isValid():
                        self.table.setCurrentIndex(self.model.index(0, COL_NAME))
                    self.table.selectRow(self.table.currentIndex().row())
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive():
                    self.apply_search()
                if self.model.rowCount():
                    index = self.table.currentIndex()
                    self._open_row(index.row() if index.isValid() else 0)
                return True
        return super().eventFilter(watched, event)

    def _open_row(self, row: int) -> None:
        learner_id = self.model.learner_id(row)
        if learner_id is not None:
            self.learner_opened.emit(learner_id)

    # --- remembered layout ---------------------------------------------------------------------

    def _default_widths(self) -> None:
        char = self.fontMetrics().horizontalAdvance("0")
        widths = {
            COL_ID: 7,
            COL_NAME: 22,
            COL_STAGE: 12,
            COL_GOAL_PATH: 19,
            COL_INTAKE: 10,
            COL_LAST_REFERRAL: 11,
        }
        for column, chars in widths.items():
            self.table.setColumnWidth(column, chars * char + 24)

    def save_state(self, settings: QSettings) -> None:
        opts.write(settings, opts.LEARNER_HEADER, self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = opts.read(settings, opts.LEARNER_HEADER)
        if state and not state.isEmpty():
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.restoreState(state)
            header.blockSignals(False)
            header.setSortIndicatorShown(True)
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
