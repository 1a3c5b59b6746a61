"""The fiscal-year view: service coordination month by month against the 50 % target, referrals in and
out, learners served; the quarters (Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar) for the quarterly report; and
the year exported to CSV or Excel (``services.fiscal_year``).

Counting a year takes a few seconds on a 100,000-learner database, so it runs on a worker thread
with a progress dialog (Cancel keeps the year shown before).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHeaderView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.domain.calendar_rules import FiscalYear
from lbsdesk.errors import LbsDeskError
from lbsdesk.services import fiscal_year as fiscal_year_service
from lbsdesk.services.fiscal_year import FiscalYearFigures
from lbsdesk.ui.cancellable_task import run_cancellable
from lbsdesk.ui.fiscal_year_chart import FiscalYearChart
from lbsdesk.ui.fiscal_year_table_model import COL_PERIOD, PERIOD_ROLE, FiscalYearTableModel
from lbsdesk.ui.month_widgets import GOOD, MUTED, SHORT, STYLE, configure_list_view

#: How many fiscal years back the chooser offers.
YEARS_OFFERED = 8


class FiscalYearPane(QWidget):
    """A fiscal year at a glance, for the quarterly report and the ministry consultant's visit."""

    month_open_requested = Signal(str)
    """The person asked to open this month's tracking sheet ("YYYY-MM")."""
    year_loaded = Signal(str)
    """The view now shows this fiscal year ("2026-2027")."""
    exported = Signal(str)
    """The year was exported to this file."""

    def __init__(self, database, parent: QWidget | None = None, *, today: date | None = None,  # noqa: ANN001
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fiscalYearView")
        self.setAccessibleName(self.tr("Fiscal year"))
        self.setStyleSheet(STYLE)
        self.database = database
        self._today = today
        self.figures: FiscalYearFigures | None = None
        self._year: FiscalYear | None = None
        self._generation = 0
        self._tasks: list = []

        title = QLabel(self.tr("Fiscal year"))
        title.setObjectName("pageTitle")
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("fiscalYearChooser")
        self.year_combo.setAccessibleName(self.tr("Fiscal year"))
        current = FiscalYear.of(self.today())
        for back in range(YEARS_OFFERED):
            year = FiscalYear(current.start_year - back)
            self.year_combo.addItem(self.tr("%s (April to March)") % year, str(year))
        self.loading_label = QLabel()
        self.loading_label.setObjectName("hint")
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.setObjectName("exportFiscalYearCsv")
        self.xlsx_button = QPushButton(self.tr("Export &Excel…"))
        self.xlsx_button.setObjectName("exportFiscalYearXlsx")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addSpacing(24)
        header.addWidget(self.year_combo)
        header.addWidget(self.loading_label)
        header.addStretch(1)
        header.addWidget(self.csv_button)
        header.addWidget(self.xlsx_button)

        self.summary = QFrame()
        self.summary.setObjectName("coordinationPanel")
        self.summary_labels: dict[str, QLabel] = {}
        summary_layout = QHBoxLayout(self.summary)
        summary_layout.setContentsMargins(14, 8, 14, 8)
        for key, caption in (
            ("coordination_percent", self.tr("Service coordination, year to date")),
            ("referrals_needed", self.tr("Referrals still needed for 50%")),
            ("closed_plans_to_date", self.tr("Plans closed, year to date")),
            ("learners_served", self.tr("Learners served")),
            ("referrals_formal", self.tr("Formal referrals in / out")),
        ):
            value = QLabel("—")
            value.setObjectName(f"summary_{key}")
            value.setStyleSheet("font-size: 17pt; font-weight: 700;")
            text = QLabel(caption)
            text.setStyleSheet(f"color: {MUTED};")
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(value)
            column.addWidget(text)
            summary_layout.addLayout(column, 1)
            self.summary_labels[key] = value

        self.chart = FiscalYearChart()
        self.model = FiscalYearTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("fiscalYearTable")
        self.table.setAccessibleName(self.tr("Months and quarters of the fiscal year"))
        configure_list_view(self.table, self.model)
        self._size_table_columns()
        self.model.modelReset.connect(self._size_table_columns)
        self.table.activated.connect(self._row_activated)
        hint = QLabel(self.tr(
            "Coordination counts plans closed since 1 April, at each month's end; quarters add up their months; "
            "learners served counts each learner once per period. Double-click a month to open its sheet."
        ))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(hint)
        lower_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("fiscalYearSplitter")
        splitter.addWidget(self.chart)
        splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([220, 480])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        self.year_combo.activated.connect(lambda _index: self.show_year(self.year_combo.currentData()))
        self.csv_button.clicked.connect(self.export_csv)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self._set_export_enabled(False)

    def _size_table_columns(self) -> None:
        """Period and status as wide as their text; each figure as wide as its header's longest word
        (headers wrap), and what is left shared out, so the whole year fits without scrolling sideways."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter
                                   | Qt.TextFlag.TextWordWrap)
        header.setMinimumSectionSize(56)
        header.setFixedHeight(self.fontMetrics().height() * 3 + 16)
        bold = QFont(self.table.font())
        bold.setBold(True)
        heading = QFontMetrics(bold)
        widths = [heading.horizontalAdvance("Fiscal year 2026-2027") + 12, heading.horizontalAdvance("Complete") + 14]
        for column in range(2, self.model.columnCount()):
            words = str(self.model.headerData(column, Qt.Orientation.Horizontal)).split()
            widths.append(max(56, *(heading.horizontalAdvance(word) + 12 for word in words)))
        spare = self.table.viewport().width() - sum(widths) - 4
        if spare > 0 and len(widths) > 2:
            extra = spare // (len(widths) - 2)
            widths = widths[:2] + [width + extra for width in widths[2:]]
        for column, width in enumerate(widths):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt
        super().resizeEvent(event)
        self._size_table_columns()

    def today(self) -> date:
        return self._today or date.today()

    # --- loading --------------------------------------------------------------------------------

    def load(self) -> None:
        """Show the current fiscal year (or refresh the one shown)."""
        self.show_year(self._year or FiscalYear.of(self.today()))

    def refresh(self) -> None:
        if self._year is not None:
            self.show_year(self._year)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt
        super().showEvent(event)
        if self._year is None:
            self.load()

    def show_year(self, year: FiscalYear | str) -> None:
        """Count the year on a worker thread and show it; a newer request wins over an older one."""
        if isinstance(year, str):
            year = FiscalYear.parse(year)
        self._year = year
        index = self.year_combo.findData(str(year))
        if index < 0:
            self.year_combo.addItem(self.tr("%s (April to March)") % year, str(year))
            index = self.year_combo.count() - 1
        self.year_combo.setCurrentIndex(index)
        self._generation += 1
        generation = self._generation
        self.loading_label.setText(self.tr("Counting %s…") % year)
        self._set_export_enabled(False)
        database, today = self.database, self._today

        def work() -> FiscalYearFigures:
            with database.session() as session:
                return fiscal_year_service.fiscal_year_figures(session, year, today=today)

        def done(figures: object) -> None:
            if generation == self._generation:
                self._fill(figures)  # type: ignore[arg-type]

        def failed(exc: BaseException) -> None:
            self.loading_label.setText("")
            message = str(exc) if isinstance(exc, LbsDeskError) else self.tr("Something went wrong: %s") % exc
            QMessageBox.warning(self, self.tr("Fiscal year"), message)

        def cancelled() -> None:
            if generation == self._generation:
                self.loading_label.setText(self.tr("Counting stopped."))
                if self.figures is not None:
                    self._year = self.figures.fiscal_year
                    self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(str(self._year))))
                    self._set_export_enabled(True)

        task = run_cancellable(self, self.tr("Counting the fiscal year %s…") % year, work, done, failed, cancelled)
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)

    def _fill(self, figures: FiscalYearFigures) -> None:
        self.figures = figures
        self.loading_label.setText("")
        self.chart.set_figures(figures)
        self.model.set_figures(figures)
        year = figures.year
        labels = self.summary_labels
        if year.future:
            for label in labels.values():
                label.setText("—")
                label.setStyleSheet("font-size: 17pt; font-weight: 700;")
        else:
            colour = GOOD if year.meets_target and year.closed_plans_to_date else SHORT
            labels["coordination_percent"].setText(f"{year.coordination_percent:.1f}%")
            labels["coordination_percent"].setStyleSheet(f"font-size: 17pt; font-weight: 700; color: {colour};")
            labels["referrals_needed"].setText(f"{year.referrals_needed:,}")
            labels["closed_plans_to_date"].setText(f"{year.closed_plans_to_date:,}")
            labels["learners_served"].setText(f"{year.learners_served:,}")
            labels["referrals_formal"].setText(f"{year.referrals_in_formal:,} / {year.referrals_out_formal:,}")
        self._set_export_enabled(True)
        self.year_loaded.emit(str(figures.fiscal_year))

    def _set_export_enabled(self, enabled: bool) -> None:
        self.csv_button.setEnabled(enabled)
        self.xlsx_button.setEnabled(enabled)

    def _row_activated(self, index) -> None:  # noqa: ANN001
        period = self.model.index(index.row(), COL_PERIOD).data(PERIOD_ROLE)
        if period is not None and period.kind == "month" and not period.future:
            self.month_open_requested.emit(str(period.first_month))

    # --- exports -----------------------------------------------------------------------------------

    def export_csv(self) -> None:
        self._export(self.tr("Export the fiscal year to CSV"), "csv", self.tr("CSV files (*.csv)"),
                     fiscal_year_service.export_fiscal_year_csv)

    def export_xlsx(self) -> None:
        self._export(self.tr("Export the fiscal year to Excel"), "xlsx", self.tr("Excel workbooks (*.xlsx)"),
                     fiscal_year_service.export_fiscal_year_xlsx)

    def _export(self, title: str, suffix: str, file_filter: str, write) -> None:  # noqa: ANN001
        figures = self.figures
        if figures is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, title, f"fiscal-year-{figures.fiscal_year}.{suffix}", file_filter)
        if not path:
            return
        path = Path(path)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_suffix(f".{suffix}")
        try:
            write(figures, path)
        except OSError as exc:
            QMessageBox.warning(self, title, self.tr(
                "The file could not be written to %1: %2. Close it if it is open in Excel, or choose another "
                "folder, and try again."
            ).replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return
        self.exported.emit(str(path))
        self.loading_label.setText(self.tr("Saved %s") % path.name)
