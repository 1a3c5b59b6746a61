"""The fiscal-year chart, painted with QPainter (Qt Charts is not in PySide6-Essentials).

April … March along the bottom; for each month two bars (referrals in, referrals out, left scale)
and the service coordination percent, fiscal year to date, as a line (right scale, 0–100 %) against
the target drawn as a dashed line.  Months not reached yet are left empty.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from lbsdesk.domain.codes import month_name
from lbsdesk.services.fiscal_year import FiscalYearFigures

IN_COLOUR = QColor("#5b8fc7")
OUT_COLOUR = QColor("#1f3f66")
LINE_COLOUR = QColor("#1e6b2f")
BELOW_COLOUR = QColor("#b00020")
TARGET_COLOUR = QColor("#c77700")
GRID_COLOUR = QColor("#e3e7eb")
TEXT_COLOUR = QColor("#4a4f57")


def _tr(text: str) -> str:
    return QCoreApplication.translate("FiscalYearChart", text)


def nice_top(value: int, steps: int = 4) -> int:
    """The top of the count scale: at or above ``value``, ``steps`` whole, round steps (4, 20, 40, 100 …)."""
    wanted = max(1.0, value / steps)
    magnitude = 10 ** int(math.floor(math.log10(wanted)))
    for step in (1, 2, 5, 10):
        if step * magnitude >= wanted:
            return int(step * magnitude * steps)
    return int(10 * magnitude * steps)


class FiscalYearChart(QWidget):
    """Referrals in and out per month (bars) and service coordination against target (line)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fiscalYearChart")
        self.figures: FiscalYearFigures | None = None
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_tr("Service coordination and referrals, month by month"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt
        return QSize(900, 300)

    def set_figures(self, figures: FiscalYearFigures | None) -> None:
        self.figures = figures
        if figures is not None:
            parts = [
                f"{m.label}: {m.coordination_percent:.1f}%, {m.referrals_in_total} in, {m.referrals_out_total} out"
                for m in figures.months if not m.future
            ]
            self.setAccessibleDescription("; ".join(parts))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        figures = self.figures
        metrics = painter.fontMetrics()
        line_height = metrics.height()
        if figures is None:
            painter.setPen(TEXT_COLOUR)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _tr("Counting…"))
            painter.end()
            return
        left = metrics.horizontalAdvance("0000") + 14
        right = metrics.horizontalAdvance("100%") + 14
        top = line_height * 2 + 10
        bottom = line_height + 12
        plot = QRectF(left, top, max(10, self.width() - left - right), max(10, self.height() - top - bottom))

        months = figures.months
        counted = [m for m in months if not m.future]
        highest = max([0, *(max(m.referrals_in_total or 0, m.referrals_out_total or 0) for m in counted)])
        count_top = nice_top(highest)

        # grid and scales
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        painter.setFont(small)
        for step in range(5):
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(TEXT_COLOUR)
            count = count_top * step / 4
            count_text = f"{count:,.0f}"
            painter.drawText(QRectF(0, y - line_height / 2, left - 6, line_height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count_text)
            painter.drawText(QRectF(plot.right() + 6, y - line_height / 2, right - 6, line_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{25 * step}%")

        slot = plot.width() / len(months)
        bar_width = max(2.0, min(22.0, slot * 0.28))
        points: list[tuple[QPointF, bool]] = []
        for index, month in enumerate(months):
            centre = plot.left() + slot * (index + 0.5)
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(centre - slot / 2, plot.bottom() + 4, slot, line_height),
                             Qt.AlignmentFlag.AlignCenter, month_name(month.first_month.month, short=True))
            if month.future:
                continue
            for offset, value, colour in ((-1, month.referrals_in_total or 0, IN_COLOUR),
                                          (0, month.referrals_out_total or 0, OUT_COLOUR)):
                height = plot.height() * value / count_top
                painter.fillRect(QRectF(centre + offset * bar_width - 1 * (offset == -1), plot.bottom() - height,
                                        bar_width, height), colour)
            percent = month.coordination_percent or 0.0
            points.append((QPointF(centre, plot.bottom() - plot.height() * min(100.0, percent) / 100),
                           bool(month.meets_target)))

        # target line
        target_y = plot.bottom() - plot.height() * figures.target_percent / 100
        painter.setPen(QPen(TARGET_COLOUR, 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), target_y), QPointF(plot.right(), target_y))

        # coordination line
        if points:
            path = QPainterPath(points[0][0])
            for point, _meets in points[1:]:
                path.lineTo(point)
            painter.setPen(QPen(LINE_COLOUR, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            for point, meets in points:
                painter.setPen(QPen(QColor("white"), 1.5))
                painter.setBrush(LINE_COLOUR if meets else BELOW_COLOUR)
                painter.drawEllipse(point, 4.5, 4.5)

        # legend
        painter.setFont(small)
        x = plot.left()
        y = 6
        for kind, colour, text in (
            ("line", LINE_COLOUR, _tr("Service coordination, year to date (right scale)")),
            ("dash", TARGET_COLOUR, _tr("Target %d%%") % figures.target_percent),
            ("bar", IN_COLOUR, _tr("Referrals in")),
            ("bar", OUT_COLOUR, _tr("Referrals out")),
        ):
            if kind == "bar":
                painter.fillRect(QRectF(x, y + 2, 12, line_height - 4), colour)
                x += 18
            else:
                painter.setPen(QPen(colour, 2.5, Qt.PenStyle.DashLine if kind == "dash" else Qt.PenStyle.SolidLine))
                painter.drawLine(QPointF(x, y + line_height / 2), QPointF(x + 22, y + line_height / 2))
                x += 28
            painter.setPen(TEXT_COLOUR)
            width = painter.fontMetrics().horizontalAdvance(text)
            painter.drawText(QRectF(x, y, width + 4, line_height), Qt.AlignmentFlag.AlignVCenter, text)
            x += width + 22
        painter.end()
