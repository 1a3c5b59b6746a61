"""Small widgets of the monthly sheet and fiscal-year views: clickable figures, figure cards, the
service-coordination bar against its target, and the dialog listing the records behind a number."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.ui.month_list_models import LineTableModel

#: Colours shared by the month views (the printed sheet uses the same navy).
NAVY = "#1f3f66"
GOOD = "#1e6b2f"
SHORT = "#b00020"
TARGET = "#c77700"
MUTED = "#4a4f57"

STYLE = f"""
QPushButton[figure="true"] {{
    border: none; background: transparent; color: #1f5f8b; text-align: right; padding: 1px 4px;
    font-weight: 600;
}}
QPushButton[figure="true"]:hover {{ text-decoration: underline; color: #174a6e; }}
QPushButton[figure="true"]:focus {{ outline: 1px dotted #1f5f8b; }}
QPushButton[figure="true"]:disabled {{ color: #1f2933; }}
QGroupBox#figureCard {{ background: white; border: 1px solid #d5dbe1; border-radius: 6px; margin-top: 14px;
    padding: 10px 8px 6px 8px; }}
QGroupBox#figureCard::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {NAVY}; }}
QLabel[subheading="true"] {{ color: {MUTED}; font-weight: 600; padding-top: 6px; }}
QLabel[total="true"] {{ font-weight: 600; }}
QFrame#coordinationPanel {{ background: #f4f7fa; border: 1px solid #d5dbe1; border-radius: 6px; }}
QLabel#coordinationPercent {{ font-size: 26pt; font-weight: 700; }}
QLabel#coordinationTitle {{ font-size: 12pt; font-weight: 600; color: {NAVY}; }}
"""


def tr(text: str) -> str:
    return QCoreApplication.translate("MonthViews", text)


def number_text(value: object) -> str:
    """How a count reads on screen: ``1,234``; a percent ``42.5%``."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}%"
    return f"{value:,}"


class FigureButton(QPushButton):
    """A number that opens the records behind it (looks like a link, works with the keyboard)."""

    figure_clicked = Signal(str)
    """The person asked for the records behind this figure (its ``records_behind`` key)."""

    def __init__(self, figure: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.label = label
        self.setProperty("figure", True)
        self.setObjectName("figure_" + figure.replace(".", "_"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFlat(True)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.clicked.connect(lambda: self.figure_clicked.emit(self.figure))

    def set_value(self, value: object) -> None:
        self.setText(number_text(value))
        self.setAccessibleName(f"{self.label}: {self.text()}")
        self.setToolTip(tr("Show the records behind this number"))


class FigureCard(QGroupBox):
    """A titled block of labelled, clickable numbers."""

    figure_clicked = Signal(str)
    """A number in the card was clicked (its figure key)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName("figureCard")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 8, 6, 6)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.grid)
        outer.addStretch(1)  # a card taller than its rows (its neighbour is longer) keeps them together
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.grid.setColumnStretch(0, 1)
        self._rows = 0
        self.buttons: dict[str, FigureButton] = {}
        self._dynamic: list[QWidget] = []

    def _next_row(self) -> int:
        self._rows += 1
        return self._rows - 1

    def add_heading(self, text: str, dynamic: bool = False) -> QLabel:
        label = QLabel(text)
        label.setProperty("subheading", True)
        self.grid.addWidget(label, self._next_row(), 0, 1, 2)
        label.show()  # at once, not at the next event-loop turn: readers (and tests) see the month whole
        if dynamic:
            self._dynamic.append(label)
        return label

    def add_figure(self, label: str, figure: str, value: object, *, total: bool = False, indent: bool = False,
                   dynamic: bool = False) -> FigureButton:
        text = QLabel(("    " if indent else "") + label)
        text.setProperty("total", total)
        text.setToolTip(label)
        button = FigureButton(figure, label)
        button.set_value(value)
        button.figure_clicked.connect(self.figure_clicked)
        text.setBuddy(button)
        row = self._next_row()
        self.grid.addWidget(text, row, 0)
        self.grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignRight)
        text.show()
        button.show()
        self.buttons[figure] = button
        if dynamic:
            self._dynamic.extend((text, button))
        return button

    def add_note(self, text: str, dynamic: bool = False) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {MUTED};")
        self.grid.addWidget(label, self._next_row(), 0, 1, 2)
        if dynamic:
            self._dynamic.append(label)
        return label

    def clear_dynamic(self) -> None:
        """Remove the breakdown rows (they change from month to month)."""
        for widget in self._dynamic:
            if isinstance(widget, FigureButton):
                self.buttons.pop(widget.figure, None)
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._dynamic.clear()


class TargetBar(QWidget):
    """A progress bar with the target marked on it: 0–100 %, the bar green at or above target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordinationBar")
        self.percent: float | None = None
        self.target = 50.0
        self.setMinimumHeight(34)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt
        return QSize(360, 34)

    def set_values(self, percent: float | None, target: float) -> None:
        self.percent, self.target = percent, target
        self.setAccessibleName(tr("Service coordination %1 against a target of %2")
                               .replace("%1", number_text(percent)).replace("%2", f"{target:.0f}%"))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = QRectF(1, 4, self.width() - 2, 18)
        painter.setPen(QPen(QColor("#c3ccd5"), 1))
        painter.setBrush(QColor("#e6ebf0"))
        painter.drawRoundedRect(bar, 4, 4)
        if self.percent is not None:
            filled = QRectF(bar.left(), bar.top(), bar.width() * max(0.0, min(100.0, self.percent)) / 100, bar.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(GOOD if self.percent >= self.target else SHORT))
            painter.drawRoundedRect(filled, 4, 4)
        x = bar.left() + bar.width() * self.target / 100
        painter.setPen(QPen(QColor(TARGET), 3))
        painter.drawLine(int(x), 0, int(x), int(bar.bottom()) + 4)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        painter.setPen(QColor(MUTED))
        label = tr("target %s") % f"{self.target:.0f}%"
        width = painter.fontMetrics().horizontalAdvance(label)
        painter.drawText(int(min(max(0, x - width / 2), self.width() - width)), self.height() - 1, label)
        painter.end()


class RecordsDialog(QDialog):
    """The records behind one number: a list; Enter or a double-click opens a record."""

    record_activated = Signal(object)
    """A row was opened (its snapshot)."""

    def __init__(self, title: str, hint: str, model: LineTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordsDialog")
        self.setWindowTitle(title)
        self.model = model
        model.setParent(self)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        heading.setStyleSheet("font-size: 12pt; font-weight: 600;")
        heading.setWordWrap(True)
        note = QLabel(hint)
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("recordsTable")
        configure_list_view(self.table, model)
        self.table.activated.connect(lambda index: self.record_activated.emit(model.row_snapshot(index.row())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(tr("&Open"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self._open_current)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 520)

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.record_activated.emit(self.model.row_snapshot(index.row()))


def configure_list_view(table: QTableView, model: LineTableModel, *, multi_select: bool = False) -> None:
    """The monthly lists' table look: whole rows, fixed row height, columns sized once to content."""
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi_select
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setFrameShape(QFrame.Shape.StyledPanel)
    model.modelReset.connect(lambda: size_columns(table))
    size_columns(table)


def size_columns(table: QTableView) -> None:
    """Columns as wide as their header and the first rows (never ResizeToContents on big lists)."""
    model = table.model()
    metrics = table.fontMetrics()
    bold = QFont(table.font())
    bold.setBold(True)
    from PySide6.QtGui import QFontMetrics

    header_metrics = QFontMetrics(bold)
    rows = min(model.rowCount(), 200)
    for column in range(model.columnCount()):
        widest = header_metrics.horizontalAdvance(str(model.headerData(column, Qt.Orientation.Horizontal))) + 24
        for row in range(rows):
            text = model.index(row, column).data()
            if text:
                widest = max(widest, metrics.horizontalAdvance(str(text)) + 18)
        table.setColumnWidth(column, min(widest, 320))
