"""The fiscal-year table: April … March, then the quarters (Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar) and the
year, one row each, with ``fiscal_year.EXPORT_COLUMNS``' figures (the same titles as the exports)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from lbsdesk.services.fiscal_year import EXPORT_COLUMNS, FiscalYearFigures, PeriodFigures

#: The row's ``PeriodFigures``.
PERIOD_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's kind: "month", "quarter" or "year".
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
#: The cell's raw value (int, float or None), for tests and sorting.
VALUE_ROLE = Qt.ItemDataRole.UserRole + 3

#: The figure columns shown (the exports' columns less the constant target).
COLUMNS = tuple(column for column in EXPORT_COLUMNS if column.key != "target_percent")
#: Column 0 is the period, column 1 its status; figures follow.
COL_PERIOD, COL_STATUS, FIRST_FIGURE_COLUMN = 0, 1, 2


#: The table's short column titles (the full export titles are the tooltips).
SHORT_TITLES = {
    "coordination_percent": "Coordination %",
    "closed_plans_to_date": "Plans closed (year)",
    "closed_with_formal_referral": "With formal referral",
    "referrals_needed": "Referrals needed",
    "referrals_in_total": "Referrals in",
    "referrals_in_formal": "In, formal",
    "referrals_out_total": "Referrals out",
    "referrals_out_formal": "Out, formal",
    "learners_served": "Learners served",
    "learners_served_to_date": "Served (year)",
    "plans_closed": "Plans closed",
    "new_learners": "New learners",
    "inquiries": "Inquiries",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("FiscalYearTable", text)


def status_text(period: PeriodFigures) -> str:
    return {"complete": _tr("Complete"), "partial": _tr("So far"), "future": _tr("Not yet")}[period.status]


def value_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}%"
    return f"{value:,}"


class FiscalYearTableModel(QAbstractTableModel):
    """Months, quarters and the year of one fiscal year."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[PeriodFigures] = []
        self._headers = (_tr("Period"), _tr("Status"), *(_tr(SHORT_TITLES.get(c.key, c.title)) for c in COLUMNS))
        self._tooltips = (_tr("Month, quarter or the whole fiscal year"), _tr("Complete, so far, or not yet"),
                          *(_tr(column.title) for column in COLUMNS))

    def set_figures(self, figures: FiscalYearFigures | None) -> None:
        self.beginResetModel()
        self._rows = [] if figures is None else [*figures.months, *figures.quarters, figures.year]
        self.endResetModel()

    def period(self, row: int) -> PeriodFigures | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def column_of(self, key: str) -> int:
        """The column showing ``PeriodFigures.<key>``."""
        for number, column in enumerate(COLUMNS):
            if column.key == key:
                return FIRST_FIGURE_COLUMN + number
        raise KeyError(key)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index):  # noqa: ANN001, ANN201
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips[section]
        return None

    def _value(self, period: PeriodFigures, column: int) -> object:
        if column == COL_PERIOD:
            return period.label
        if column == COL_STATUS:
            return period.status
        return getattr(period, COLUMNS[column - FIRST_FIGURE_COLUMN].key)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self._headers):
            return None
        period = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_PERIOD:
                return period.label
            if column == COL_STATUS:
                return status_text(period)
            return value_text(self._value(period, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column >= FIRST_FIGURE_COLUMN:
                return f"{period.label}: {self._tooltips[column]} {value_text(self._value(period, column))}"
            return period.label
        if role == VALUE_ROLE:
            return self._value(period, column)
        if role == PERIOD_ROLE:
            return period
        if role == KIND_ROLE:
            return period.kind
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= FIRST_FIGURE_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and period.kind != "month":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if period.future:
                return QBrush(QColor("#8a929b"))
            if column == FIRST_FIGURE_COLUMN and period.meets_target is False:
                return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.BackgroundRole and period.kind == "year":
            return QBrush(QColor("#e8eef5"))
        if role == Qt.ItemDataRole.BackgroundRole and period.kind == "quarter":
            return QBrush(QColor("#f4f7fa"))
        return None
