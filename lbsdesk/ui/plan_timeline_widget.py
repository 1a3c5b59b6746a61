"""The plan-stage timeline of one learner (``planTimeline``): a custom-painted QWidget.

The five stages are bands along a date axis, each with the day the learner entered it; every event of
``lbsdesk.services.timeline`` is a marker in one of five lanes (contact, plan, milestones, check-ins,
referrals).  Markers differ by SHAPE per kind, and by fill (filled = done, hollow = due or planned); the
lane colours (Okabe–Ito, safe for colour-blind staff) are a second cue only, so the picture reads in
grayscale.  Overdue markers get a heavy outline and a "!" badge.  A line marks today.

Hover shows what a marker is; a click (or Enter on the marker chosen with Left/Right) emits
``record_open_requested(record_kind, record_id)``.  Ctrl+wheel, +/- and "Fit" zoom from two weeks to
the whole history; the wheel and dragging scroll.

Speed: everything that depends on the data or the zoom (marker paths per style, axis ticks, stage
rectangles, hit-test positions) is built once in ``TimelineLayout``; scrolling only shifts the painter,
and a paint draws a few dozen prebuilt paths (``tests/bench/bench_timeline_paint.py``).
``render_to_image`` paints a fitted copy for the printed plan summary.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from lbsdesk.domain.codes import month_name
from lbsdesk.ui.form_widgets import tr as _form_tr
from lbsdesk.ui.qt_workarounds import protect_none

protect_none()  # a repainting widget makes hundreds of void Qt calls per paint (see qt_workarounds)


def _tr(text: str) -> str:
    return _form_tr(text, "PlanTimeline")


# --- the visual vocabulary ------------------------------------------------------------------------

#: Okabe–Ito colours (colour-blind safe); a second cue after the shape.
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
}
OVERDUE_COLOUR = QColor(OKABE_ITO["vermillion"])
OUTLINE = QColor("#1a1a1a")

#: (lane key, lane title, colour)
LANES: tuple[tuple[str, str, str], ...] = (
    ("contact", "Contact", "#6E6E6E"),
    ("plan", "Plan", OKABE_ITO["blue"]),
    ("milestones", "Milestones", OKABE_ITO["green"]),
    ("check_ins", "Check-ins", OKABE_ITO["orange"]),
    ("referrals", "Referrals", OKABE_ITO["purple"]),
)
LANE_INDEX = {key: index for index, (key, _title, _colour) in enumerate(LANES)}

#: kind → (lane, shape, filled, legend text)
KIND_STYLE: dict[str, tuple[str, str, bool, str]] = {
    "inquiry": ("contact", "plus", True, "Inquiry"),
    "intake": ("contact", "square", True, "Intake"),
    "exit": ("contact", "bar", True, "Exit"),
    "follow_up_due": ("contact", "pentagon", False, "Follow-up due"),
    "follow_up_done": ("contact", "pentagon", True, "Follow-up done"),
    "assessment": ("plan", "diamond", False, "Assessment"),
    "plan_written": ("plan", "diamond", True, "Plan written"),
    "review": ("plan", "hexagon", True, "Review"),
    "review_due": ("plan", "hexagon", False, "Review due"),
    "culminating_task_completed": ("plan", "ring_star", True, "Culminating task done"),
    "milestone_planned": ("milestones", "star", False, "Milestone planned"),
    "milestone_attempted": ("milestones", "half_star", True, "Milestone attempted"),
    "milestone_completed": ("milestones", "star", True, "Milestone completed"),
    "check_in": ("check_ins", "circle", True, "Check-in"),
    "check_in_due": ("check_ins", "circle", False, "Next check-in"),
    "referral_in": ("referrals", "triangle_down", True, "Referral in"),
    "referral_out": ("referrals", "triangle_up", True, "Referral out"),
}

KIND_NAMES = {kind: style[3] for kind, style in KIND_STYLE.items()}

#: referral status → how the marker is filled: went ahead (filled), waiting / not known (hollow),
#: did not go ahead (hollow, struck through)
REFERRAL_WENT_AHEAD = frozenset({"accepted", "attended", "completed"})
REFERRAL_STOPPED = frozenset({"declined", "not_completed", "withdrawn", "expired"})

# --- geometry (pixels) -------------------------------------------------------------------------

GUTTER = 92.0  # lane titles
RIGHT_PAD = 10.0
HEADER_H = 34.0  # stage names and entry dates
LANE_H = 36.0
AXIS_H = 26.0
LEGEND_ROW_H = 18.0
MARKER = 11.0  # marker size
SUB_ROW = 12.0  # vertical step between markers stacked on the same spot
MIN_SPAN_DAYS = 14.0
PAD_DAYS_FRACTION = 0.04

TEXT_PX = 12
SMALL_PX = 11


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _shape_path(shape: str, cx: float, cy: float, size: float = MARKER) -> QPainterPath:
    """The outline of ``shape`` centred on (cx, cy), ``size`` pixels across."""
    r = size / 2
    path = QPainterPath()
    if shape == "circle":
        path.addEllipse(QPointF(cx, cy), r, r)
    elif shape == "square":
        path.addRect(QRectF(cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8))
    elif shape == "bar":
        path.addRect(QRectF(cx - r * 0.45, cy - r * 1.25, r * 0.9, r * 2.5))
    elif shape == "plus":
        t = r * 0.38
        path.addPolygon(QPolygonF([
            QPointF(cx - t, cy - r), QPointF(cx + t, cy - r), QPointF(cx + t, cy - t), QPointF(cx + r, cy - t),
            QPointF(cx + r, cy + t), QPointF(cx + t, cy + t), QPointF(cx + t, cy + r), QPointF(cx - t, cy + r),
            QPointF(cx - t, cy + t), QPointF(cx - r, cy + t), QPointF(cx - r, cy - t), QPointF(cx - t, cy - t),
        ]))
        path.closeSubpath()
    elif shape == "diamond":
        r2 = r * 1.15
        path.addPolygon(QPolygonF([QPointF(cx, cy - r2), QPointF(cx + r2, cy), QPointF(cx, cy + r2), QPointF(cx - r2, cy)]))
        path.closeSubpath()
    elif shape in ("triangle_up", "triangle_down"):
        r2 = r * 1.15
        sign = -1 if shape == "triangle_up" else 1
        path.addPolygon(QPolygonF([
            QPointF(cx, cy + sign * r2), QPointF(cx + r2, cy - sign * r2 * 0.8), QPointF(cx - r2, cy - sign * r2 * 0.8),
        ]))
        path.closeSubpath()
    elif shape in ("pentagon", "hexagon"):
        sides = 5 if shape == "pentagon" else 6
        start = -math.pi / 2 if sides == 5 else 0.0
        points = [
            QPointF(cx + r * 1.08 * math.cos(start + 2 * math.pi * i / sides),
                    cy + r * 1.08 * math.sin(start + 2 * math.pi * i / sides))
            for i in range(sides)
        ]
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
    elif shape in ("star", "half_star", "ring_star"):
        outer = r * (1.2 if shape != "ring_star" else 0.95)
        inner = outer * 0.45
        points = []
        for i in range(10):
            angle = -math.pi / 2 + math.pi * i / 5
            radius = outer if i % 2 == 0 else inner
            points.append(QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
    else:  # pragma: no cover - every kind has a shape
        path.addEllipse(QPointF(cx, cy), r, r)
    return path


def _marker_style(event) -> tuple[str, str, bool, bool]:  # noqa: ANN001 - a TimelineEvent
    """(lane, shape, filled, struck through) for one event."""
    lane, shape, filled, _legend = KIND_STYLE.get(event.kind, ("contact", "circle", True, event.kind))
    struck = False
    if event.kind in ("referral_in", "referral_out"):
        status = event.status or "unknown"
        filled = status in REFERRAL_WENT_AHEAD
        struck = status in REFERRAL_STOPPED
    return lane, shape, filled, struck


def describe_event(event) -> str:  # noqa: ANN001 - a TimelineEvent
    """The hover text of a marker: what it is, its day, the label, and whether it is overdue."""
    name = _tr(KIND_NAMES.get(event.kind, event.kind))
    lines = [f"{name} · {event.date.isoformat()}", event.label]
    if event.overdue:
        lines.append(_tr("Overdue: needs doing"))
    lines.append(_tr("Click or press Enter to open"))
    return "\n".join(lines)


# --- the layout --------------------------------------------------------------------------------


@dataclass
class _Marker:
    index: int  # into timeline.events
    x: float  # content coordinates (0 = the axis' first day)
    y: float


@dataclass
class TimelineLayout:
    """Everything a paint needs, built once per data / size / zoom change.

    x is in *content* coordinates: pixel 0 is the axis' first day; the widget shifts the painter by
    the scroll offset, so scrolling costs nothing here.
    """

    timeline: object  # Timeline
    width: float
    height: float
    ppd: float  # pixels per day
    origin: date  # the day at content x = 0
    show_legend: bool = True
    markers: list[_Marker] = field(default_factory=list)
    marker_xs: list[float] = field(default_factory=list)
    # (pen, brush, path) groups, drawn in order
    groups: list[tuple[QPen, QBrush, QPainterPath]] = field(default_factory=list)
    badges: list[QPointF] = field(default_factory=list)
    ticks: list[tuple[float, str, bool]] = field(default_factory=list)
    tick_xs: list[float] = field(default_factory=list)
    stages: list[tuple[float, float, str, str, QColor]] = field(default_factory=list)
    legend: list[tuple[float, float, str, str, bool, bool, str]] = field(default_factory=list)
    today_x: float = 0.0
    content_width: float = 0.0

    # -- geometry helpers
    @property
    def plot_left(self) -> float:
        return GUTTER

    @property
    def plot_width(self) -> float:
        return max(10.0, self.width - GUTTER - RIGHT_PAD)

    @property
    def legend_height(self) -> float:
        if not self.show_legend or not self.legend:
            return 0.0
        rows = int(max(y for _x, y, *_rest in self.legend) / LEGEND_ROW_H) + 1
        return rows * LEGEND_ROW_H + 6

    @property
    def lanes_top(self) -> float:
        return HEADER_H

    def lane_height(self) -> float:
        free = self.height - HEADER_H - AXIS_H - self.legend_height
        return max(26.0, min(LANE_H * 1.4, free / len(LANES))) if free > 0 else 26.0

    def lane_centre(self, lane: int) -> float:
        return self.lanes_top + self.lane_height() * (lane + 0.5)

    @property
    def axis_top(self) -> float:
        return self.lanes_top + self.lane_height() * len(LANES)

    def x_of(self, day: date) -> float:
        return (day.toordinal() - self.origin.toordinal()) * self.ppd

    def day_at(self, x: float) -> date:
        return self.origin + timedelta(days=int(math.floor(x / self.ppd)))

    # -- building
    def build(self) -> TimelineLayout:
        if self.show_legend:
            self._build_legend()
        t = self.timeline
        self.content_width = max(self.plot_width, self.x_of(_axis_end(t)) + 1)
        self.today_x = self.x_of(t.today) + self.ppd / 2
        self._build_stages()
        self._build_markers()
        self._build_ticks()
        return self

    def _build_legend(self) -> None:
        fm = QFontMetricsF(_font(SMALL_PX))
        entries: list[tuple[str, str, bool, bool, str]] = []
        for kind in ("inquiry", "intake", "exit", "follow_up_done", "follow_up_due", "assessment", "plan_written",
                     "review", "review_due", "culminating_task_completed", "milestone_planned", "milestone_attempted",
                     "milestone_completed", "check_in", "check_in_due", "referral_in", "referral_out"):
            lane, shape, filled, text = KIND_STYLE[kind]
            entries.append((shape, LANES[LANE_INDEX[lane]][2], filled, False, _tr(text)))
        purple = OKABE_ITO["purple"]
        entries.append(("triangle_up", purple, False, False, _tr("Referral waiting or not known")))
        entries.append(("triangle_up", purple, False, True, _tr("Referral did not go ahead")))
        entries.append(("overdue", OKABE_ITO["vermillion"], True, False, _tr("Overdue")))
        x, y = 4.0, 0.0
        right = self.width - 4
        self.legend = []
        for shape, colour, filled, struck, text in entries:
            w = 16 + fm.horizontalAdvance(text) + 14
            if x + w > right and x > 4:
                x, y = 4.0, y + LEGEND_ROW_H
            self.legend.append((x, y, shape, colour, filled, struck, text))
            x += w

    def _build_stages(self) -> None:
        t = self.timeline
        end = _axis_end(t)
        self.stages = []
        tints = ("#EDEDED", "#DCE9F5", "#DDF1E8", "#FAEBD2", "#F1E1EC")
        from lbsdesk.domain.codes import PLAN_STAGES

        order = {code: i for i, code in enumerate(PLAN_STAGES.codes)}
        for span in t.spans:
            x0 = self.x_of(span.from_date)
            x1 = self.x_of(span.to_date) if span.to_date else self.x_of(end) + self.ppd
            tint = QColor(tints[order.get(span.stage, 0) % len(tints)])
            self.stages.append((x0, max(x1, x0 + 1), span.label, span.from_date.isoformat(), tint))

    def _build_markers(self) -> None:
        t = self.timeline
        lane_h = self.lane_height()
        step = min(SUB_ROW, (lane_h - MARKER) / 2)
        offsets = (0.0, -step, step)
        last_x: dict[tuple[int, int], float] = {}
        grouped: dict[tuple, QPainterPath] = {}
        self.markers = []
        self.badges = []
        for index, event in enumerate(t.events):
            lane_key, shape, filled, struck = _marker_style(event)
            lane = LANE_INDEX[lane_key]
            x = self.x_of(event.date) + self.ppd / 2
            sub = 0
            for candidate in range(len(offsets)):
                if x - last_x.get((lane, candidate), -1e9) >= MARKER + 1:
                    sub = candidate
                    break
            else:
                sub = len(offsets) - 1
            last_x[(lane, sub)] = x
            y = self.lane_centre(lane) + offsets[sub]
            self.markers.append(_Marker(index, x, y))
            colour = LANES[lane][2]
            key = (shape, colour, filled, bool(event.overdue))
            path = grouped.get(key)
            if path is None:
                path = grouped[key] = QPainterPath()
            path.addPath(_shape_path(shape, x, y))
            if struck:
                strike = grouped.setdefault(("strike",), QPainterPath())
                strike.moveTo(x - MARKER * 0.65, y + MARKER * 0.65)
                strike.lineTo(x + MARKER * 0.65, y - MARKER * 0.65)
            if shape == "half_star":  # attempted: the left half filled (cut once here, not per paint)
                half = grouped.setdefault(("half", colour), QPainterPath())
                star = _shape_path("star", x, y)
                left_half = QPainterPath()
                left_half.addRect(QRectF(x - MARKER, y - MARKER, MARKER, MARKER * 2))
                half.addPath(star.intersected(left_half))
                grouped.setdefault(("half_outline",), QPainterPath()).addPath(star)
            if shape == "ring_star":
                ring = grouped.setdefault(("ring",), QPainterPath())
                ring.addEllipse(QPointF(x, y), MARKER * 0.78, MARKER * 0.78)
            if event.overdue:
                self.badges.append(QPointF(x + MARKER * 0.55, y - MARKER * 0.55))
        self.marker_xs = [m.x for m in self.markers]
        order = sorted(self.markers, key=lambda m: m.x)
        self.markers = order
        self.marker_xs = [m.x for m in order]
        self.groups = []
        outline = QPen(OUTLINE, 1.3)
        outline.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        heavy = QPen(OVERDUE_COLOUR, 5.0)
        heavy.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        for key, path in grouped.items():
            if key[0] in ("strike", "half", "half_outline", "ring"):
                continue
            shape, colour, filled, overdue = key
            brush = QBrush(QColor(colour)) if filled and shape != "half_star" else QBrush(QColor("#FFFFFF"))
            if overdue:
                self.groups.append((heavy, brush, path))
            self.groups.append((outline, brush, path))
        for key, path in grouped.items():
            if key[0] == "half":  # attempted: the left half filled
                self.groups.append((QPen(Qt.PenStyle.NoPen), QBrush(QColor(key[1])), path))
        for key, path in grouped.items():
            if key[0] == "half_outline":
                self.groups.append((outline, QBrush(Qt.BrushStyle.NoBrush), path))
            elif key[0] == "ring":
                self.groups.append((QPen(OUTLINE, 1.6), QBrush(Qt.BrushStyle.NoBrush), path))
            elif key[0] == "strike":
                self.groups.append((QPen(OUTLINE, 2.0), QBrush(Qt.BrushStyle.NoBrush), path))

    def _build_ticks(self) -> None:
        """Axis ticks for the whole content range at this zoom: days, weeks, months, quarters or years."""
        start = self.origin
        end = self.day_at(self.content_width) + timedelta(days=1)
        ppd = self.ppd
        fm = QFontMetricsF(_font(SMALL_PX))
        label_w = fm.horizontalAdvance("Sep 2026") + 12
        ticks: list[tuple[float, str, bool]] = []
        if ppd >= 26:  # every day
            day = start
            while day <= end:
                major = day.day == 1 or day.weekday() == 0
                text = f"{month_name(day.month, short=True)} {day.day:02d}" if day.day == 1 or day.weekday() == 0 else str(day.day)
                ticks.append((self.x_of(day), text, major))
                day += timedelta(days=1)
        elif ppd * 7 >= label_w * 0.8:  # weeks (Mondays), months marked
            day = start + timedelta(days=(7 - start.weekday()) % 7)
            while day <= end:
                ticks.append((self.x_of(day), f"{month_name(day.month, short=True)} {day.day:02d}", False))
                day += timedelta(days=7)
            for first in _month_starts(start, end, 1):
                ticks.append((self.x_of(first), "", True))
            ticks.sort(key=lambda t: t[0])
        else:
            for months in (1, 3, 6, 12):
                if ppd * 30.4 * months >= label_w:
                    break
            for first in _month_starts(start, end, months):
                if months == 12 or first.month == 1:
                    text = str(first.year) if months == 12 else f"{month_name(first.month, short=True)} {first.year}"
                    ticks.append((self.x_of(first), text, True))
                else:
                    ticks.append((self.x_of(first), month_name(first.month, short=True), False))
        self.ticks = ticks
        self.tick_xs = [t[0] for t in ticks]

    # -- hit testing
    def marker_at(self, content_x: float, y: float, radius: float = MARKER * 0.75) -> _Marker | None:
        lo = bisect.bisect_left(self.marker_xs, content_x - radius)
        hi = bisect.bisect_right(self.marker_xs, content_x + radius)
        best, best_d = None, radius * radius * 2.1
        for m in self.markers[lo:hi]:
            d = (m.x - content_x) ** 2 + (m.y - y) ** 2
            if d <= best_d:
                best, best_d = m, d
        return best

    # -- painting
    def paint(self, p: QPainter, offset: float, *, selected: int | None = None, hover: int | None = None,
              focused: bool = False, background: QColor | None = None) -> None:
        t = self.timeline
        w, h = self.width, self.height
        left, plot_w = self.plot_left, self.plot_width
        axis_top = self.axis_top
        lane_h = self.lane_height()
        p.fillRect(QRectF(0, 0, w, h), background or QColor("#FFFFFF"))
        visible0, visible1 = offset, offset + plot_w

        # lane rules and titles (the gutter)
        p.setFont(_font(TEXT_PX, bold=True))
        for i, (_key, title, colour) in enumerate(LANES):
            top = self.lanes_top + i * lane_h
            if i % 2 == 1:
                p.fillRect(QRectF(0, top, w, lane_h), QColor("#F7F7F7"))
            p.setPen(QColor("#333333"))
            p.drawText(QRectF(6, top, GUTTER - 10, lane_h), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       _tr(title))
            p.fillRect(QRectF(GUTTER - 6, top + 6, 3, lane_h - 12), QColor(colour))
        p.setPen(QColor("#333333"))
        p.drawText(QRectF(6, 0, GUTTER - 10, HEADER_H), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   _tr("Stage"))

        p.save()
        p.setClipRect(QRectF(left, 0, plot_w, axis_top + AXIS_H))
        p.translate(left - offset, 0)
        # stage bands: a strong header strip, a faint wash behind the lanes, a rule at each entry
        small = _font(SMALL_PX)
        bold = _font(TEXT_PX, bold=True)
        fm_bold, fm_small = QFontMetricsF(bold), QFontMetricsF(small)
        for x0, x1, label, entered, tint in self.stages:
            if x1 < visible0 or x0 > visible1:
                continue
            p.fillRect(QRectF(x0, 2, x1 - x0, HEADER_H - 4), tint)
            wash = QColor(tint)
            wash.setAlpha(110)
            p.fillRect(QRectF(x0, self.lanes_top, x1 - x0, axis_top - self.lanes_top), wash)
            p.setPen(QPen(QColor("#555555"), 1.2))
            p.drawLine(QPointF(x0, 2), QPointF(x0, axis_top))
            text_x = max(x0, visible0) + 5
            room = min(x1, visible1) - text_x - 4
            if room > 12:
                p.setFont(bold)
                p.setPen(QColor("#111111"))
                p.drawText(QPointF(text_x, 15), fm_bold.elidedText(_tr(label), Qt.TextElideMode.ElideRight, room))
                p.setFont(small)
                p.setPen(QColor("#333333"))
                p.drawText(QPointF(text_x, 29), fm_small.elidedText(_tr("from %s") % entered,
                                                                     Qt.TextElideMode.ElideRight, room))
        # the axis
        p.setPen(QPen(QColor("#444444"), 1))
        p.drawLine(QPointF(visible0, axis_top), QPointF(visible1, axis_top))
        p.setFont(small)
        lo = bisect.bisect_left(self.tick_xs, visible0 - 80)
        hi = bisect.bisect_right(self.tick_xs, visible1 + 5)
        last_text_end = -1e9
        for x, text, major in self.ticks[lo:hi]:
            p.setPen(QPen(QColor("#444444"), 1.4 if major else 1))
            p.drawLine(QPointF(x, axis_top), QPointF(x, axis_top + (8 if major else 5)))
            if major:
                p.setPen(QPen(QColor("#BBBBBB"), 1, Qt.PenStyle.DotLine))
                p.drawLine(QPointF(x, self.lanes_top), QPointF(x, axis_top))
            if text and x + 2 > last_text_end:
                p.setPen(QColor("#222222"))
                p.setFont(_font(SMALL_PX, bold=major))
                p.drawText(QPointF(x + 2, axis_top + 19), text)
                last_text_end = x + 2 + fm_small.horizontalAdvance(text) + 8
        # today
        p.setPen(QPen(QColor("#000000"), 2))
        p.drawLine(QPointF(self.today_x, 2), QPointF(self.today_x, axis_top))
        # markers (a few dozen prebuilt paths)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for pen, brush, path in self.groups:
            p.setPen(pen)
            p.setBrush(brush)
            p.drawPath(path)
        # overdue badges
        if self.badges:
            p.setPen(QPen(QColor("#FFFFFF"), 1))
            p.setBrush(QBrush(OVERDUE_COLOUR))
            badge_font = _font(10, bold=True)
            p.setFont(badge_font)
            for point in self.badges:
                if visible0 - 10 <= point.x() <= visible1 + 10:
                    p.setPen(QPen(QColor("#1a1a1a"), 1))
                    p.drawEllipse(point, 6.0, 6.0)
                    p.setPen(QColor("#FFFFFF"))
                    p.drawText(QRectF(point.x() - 6, point.y() - 6, 12, 12), Qt.AlignmentFlag.AlignCenter, "!")
        # hover and keyboard selection
        for index, colour, width in ((hover, "#444444", 1.5), (selected, "#000000", 2.0)):
            if index is None:
                continue
            m = next((m for m in self.markers if m.index == index), None)
            if m is None:
                continue
            pen = QPen(QColor(colour), width, Qt.PenStyle.DashLine if index == selected and focused else Qt.PenStyle.SolidLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(m.x - MARKER, m.y - MARKER, MARKER * 2, MARKER * 2))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.restore()
        # "Today" tag above the line, in screen coordinates
        tx = left - offset + self.today_x
        if left - 1 <= tx <= left + plot_w + 1:
            p.setFont(_font(SMALL_PX, bold=True))
            text = _tr("Today")
            tw = QFontMetricsF(p.font()).horizontalAdvance(text) + 8
            box = QRectF(min(max(tx - tw / 2, left), left + plot_w - tw), axis_top + AXIS_H - 2, tw, 0)
            del box  # the label sits in the header strip so it never hides the axis text
            tag = QRectF(min(max(tx + 3, left), left + plot_w - tw), HEADER_H - 15, tw, 14)
            p.fillRect(tag, QColor("#000000"))
            p.setPen(QColor("#FFFFFF"))
            p.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)
        # legend
        if self.show_legend and self.legend:
            top = axis_top + AXIS_H + 4
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setFont(_font(SMALL_PX))
            for x, y, shape, colour, filled, struck, text in self.legend:
                cy = top + y + LEGEND_ROW_H / 2
                cx = x + 7
                if shape == "overdue":
                    p.setPen(QPen(QColor("#1a1a1a"), 1))
                    p.setBrush(QBrush(OVERDUE_COLOUR))
                    p.drawEllipse(QPointF(cx, cy), 6.0, 6.0)
                    p.setPen(QColor("#FFFFFF"))
                    p.setFont(_font(10, bold=True))
                    p.drawText(QRectF(cx - 6, cy - 6, 12, 12), Qt.AlignmentFlag.AlignCenter, "!")
                    p.setFont(_font(SMALL_PX))
                else:
                    path = _shape_path("star" if shape == "half_star" else shape, cx, cy, MARKER - 1)
                    p.setPen(QPen(OUTLINE, 1.2))
                    p.setBrush(QBrush(QColor(colour)) if filled and shape != "half_star" else QBrush(QColor("#FFFFFF")))
                    p.drawPath(path)
                    if shape == "half_star":
                        _fill_left_halves(p, path, QBrush(QColor(colour)))
                        p.setBrush(Qt.BrushStyle.NoBrush)
                        p.drawPath(path)
                    if shape == "ring_star":
                        p.setBrush(Qt.BrushStyle.NoBrush)
                        p.drawEllipse(QPointF(cx, cy), MARKER * 0.72, MARKER * 0.72)
                    if struck:
                        p.setPen(QPen(OUTLINE, 2))
                        p.drawLine(QPointF(cx - 6, cy + 6), QPointF(cx + 6, cy - 6))
                p.setPen(QColor("#222222"))
                p.drawText(QPointF(x + 16, cy + 4), text)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _fill_left_halves(p: QPainter, path: QPainterPath, brush: QBrush) -> None:
    """Fill the left half of every closed shape in ``path`` (the "attempted" star)."""
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(brush)
    for polygon in path.toSubpathPolygons():
        rect = polygon.boundingRect()
        half = QPainterPath()
        half.addRect(QRectF(rect.left() - 1, rect.top() - 1, rect.width() / 2 + 1, rect.height() + 2))
        shape = QPainterPath()
        shape.addPolygon(polygon)
        p.drawPath(shape.intersected(half))
    p.restore()


def _month_starts(start: date, end: date, step: int):  # noqa: ANN202
    year, month = start.year, start.month
    # align to the step (quarters start in Jan, Apr, Jul, Oct)
    month = ((month - 1) // step) * step + 1
    while True:
        day = date(year, month, 1)
        if day > end:
            return
        if day >= start:
            yield day
        month += step
        while month > 12:
            month -= 12
            year += 1


def _axis_start(t) -> date:  # noqa: ANN001
    first, last = t.first_date, _last(t)
    pad = max(3, int((last - first).days * PAD_DAYS_FRACTION))
    return first - timedelta(days=pad)


def _last(t) -> date:  # noqa: ANN001
    return t.last_date


def _axis_end(t) -> date:  # noqa: ANN001
    first, last = t.first_date, _last(t)
    pad = max(3, int((last - first).days * PAD_DAYS_FRACTION))
    return last + timedelta(days=pad)


def _fit_ppd(t, plot_width: float) -> float:  # noqa: ANN001
    days = (_axis_end(t) - _axis_start(t)).days + 1
    return plot_width / max(days, MIN_SPAN_DAYS)


# --- the widget --------------------------------------------------------------------------------


class PlanTimelineWidget(QWidget):
    """The timeline of one learner: stage bands, event markers, today; click a marker to open it."""

    record_open_requested = Signal(str, int)
    """The person asked to open a marker's record (record kind, id; see services.timeline.RECORD_KINDS)."""
    marker_selected = Signal(str)
    """The marker chosen with the keyboard changed (its description; empty when none)."""

    def __init__(self, database=None, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("planTimeline")
        self.setAccessibleName(_tr("Plan timeline"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._database = database
        self._timeline = None
        self._layout: TimelineLayout | None = None
        self._ppd: float | None = None  # None: fitted to the width
        self._offset = 0.0
        self._selected: int | None = None  # index into timeline.events
        self._hover: int | None = None
        self._press = None
        self._dragged = False
        self.show_legend = True

        self.zoom_in_action = QAction(_tr("Zoom in (+)"), self)
        self.zoom_in_action.triggered.connect(self.zoom_in)
        self.zoom_out_action = QAction(_tr("Zoom out (−)"), self)
        self.zoom_out_action.triggered.connect(self.zoom_out)
        self.fit_action = QAction(_tr("Fit the whole history (0)"), self)
        self.fit_action.setObjectName("timelineFitAction")
        self.fit_action.triggered.connect(self.fit)
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            self.addAction(action)
        self.setToolTip("")
        self._update_height()

    # --- data ------------------------------------------------------------------------------------

    def load(self, learner_id: int, today: date | None = None) -> None:
        """Read the learner's timeline from the database (one short session) and show it."""
        from lbsdesk.services.timeline import timeline_for

        with self._database.session() as session:
            timeline = timeline_for(session, learner_id, today=today)
        self.set_timeline(timeline)

    def set_timeline(self, timeline, keep_view: bool = False) -> None:  # noqa: ANN001
        """Show ``timeline`` (a services.timeline.Timeline), fitted to the width unless ``keep_view``."""
        self._timeline = timeline
        self._selected = None
        self._hover = None
        if not keep_view:
            self._ppd = None
            self._offset = 0.0
        self._relayout()
        if timeline is not None:
            self.setAccessibleDescription(
                _tr("%d events from %s to %s; use Left and Right to move between them, Enter to open")
                % (len(timeline.events), timeline.first_date.isoformat(), timeline.last_date.isoformat())
            )

    def timeline(self):  # noqa: ANN201
        return self._timeline

    def layout_info(self) -> TimelineLayout | None:
        return self._layout

    # --- geometry --------------------------------------------------------------------------------

    def _legend_height_for(self, width: float) -> float:
        if not self.show_legend:
            return 0.0
        probe = TimelineLayout(self._timeline, width, 1000, 1.0, date.today(), show_legend=True)
        probe._build_legend()
        return probe.legend_height

    def _update_height(self) -> None:
        height = HEADER_H + LANE_H * len(LANES) + AXIS_H + self._legend_height_for(max(self.width(), 400))
        self.setFixedHeight(int(math.ceil(height)) + 2)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._update_height()
        self._relayout()

    def _plot_width(self) -> float:
        return max(10.0, self.width() - GUTTER - RIGHT_PAD)

    def _relayout(self) -> None:
        t = self._timeline
        if t is None:
            self._layout = None
            self.update()
            return
        fit = _fit_ppd(t, self._plot_width())
        ppd = fit if self._ppd is None else self._ppd
        self._layout = TimelineLayout(t, float(self.width()), float(self.height()), ppd, _axis_start(t),
                                      show_legend=self.show_legend).build()
        self._clamp_offset()
        self.update()

    def _clamp_offset(self) -> None:
        if self._layout is None:
            return
        most = max(0.0, self._layout.content_width - self._plot_width())
        self._offset = min(max(self._offset, 0.0), most)

    def _min_ppd(self) -> float:
        return _fit_ppd(self._timeline, self._plot_width()) if self._timeline else 0.01

    def _max_ppd(self) -> float:
        return self._plot_width() / MIN_SPAN_DAYS

    def visible_span_days(self) -> float:
        """How many days the plot shows at the present zoom."""
        if self._layout is None:
            return 0.0
        return self._plot_width() / self._layout.ppd

    def visible_range(self) -> tuple[date, date]:
        lay = self._layout
        if lay is None:
            return (date.today(), date.today())
        return lay.day_at(self._offset), lay.day_at(self._offset + self._plot_width() - 1)

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by ``factor`` (> 1 in), keeping the day under ``anchor_x`` (widget x) in place."""
        lay = self._layout
        if lay is None:
            return
        anchor = (anchor_x if anchor_x is not None else GUTTER + self._plot_width() / 2) - GUTTER
        day_at_anchor = (self._offset + anchor) / lay.ppd
        new = min(max(lay.ppd * factor, self._min_ppd()), self._max_ppd())
        self._ppd = None if abs(new - self._min_ppd()) < 1e-9 else new
        self._offset = day_at_anchor * new - anchor
        self._relayout()

    def zoom_in(self) -> None:
        self.zoom_by(1.6)

    def zoom_out(self) -> None:
        self.zoom_by(1 / 1.6)

    def fit(self) -> None:
        """Show the whole history, from the first event to the last due date."""
        self._ppd = None
        self._offset = 0.0
        self._relayout()

    def scroll_by(self, pixels: float) -> None:
        self._offset += pixels
        self._clamp_offset()
        self.update()

    def show_day(self, day: date) -> None:
        """Scroll so that ``day`` is in the middle (as far as the ends allow)."""
        if self._layout is None:
            return
        self._offset = self._layout.x_of(day) - self._plot_width() / 2
        self._clamp_offset()
        self.update()

    # --- markers ---------------------------------------------------------------------------------

    def marker_positions(self) -> list[tuple[object, QPointF]]:
        """Every marker's event and its centre in widget coordinates (for tests and scripts)."""
        if self._layout is None:
            return []
        events = self._timeline.events
        return [(events[m.index], QPointF(GUTTER - self._offset + m.x, m.y)) for m in self._layout.markers]

    def event_at(self, pos) -> object | None:  # noqa: ANN001 - QPoint / QPointF
        """The event under the widget point ``pos``, or None."""
        index = self._index_at(pos)
        return self._timeline.events[index] if index is not None else None

    def _index_at(self, pos) -> int | None:  # noqa: ANN001
        if self._layout is None or pos.x() < GUTTER or pos.x() > GUTTER + self._plot_width():
            return None
        m = self._layout.marker_at(pos.x() - GUTTER + self._offset, pos.y())
        return m.index if m else None

    def tooltip_at(self, pos) -> str | None:  # noqa: ANN001
        """The hover text at ``pos``: a marker's description, or a stage band's dates in the header."""
        event = self.event_at(pos)
        if event is not None:
            return describe_event(event)
        if self._layout is not None and pos.y() < HEADER_H and GUTTER <= pos.x() <= GUTTER + self._plot_width():
            x = pos.x() - GUTTER + self._offset
            for span in self._timeline.spans:
                x0 = self._layout.x_of(span.from_date)
                x1 = self._layout.x_of(span.to_date) if span.to_date else self._layout.content_width
                if x0 <= x < x1:
                    until = (_tr("until %s") % span.to_date.isoformat()) if span.to_date else _tr("to today")
                    text = _tr("Stage: %s, entered %s, %s") % (_tr(span.label), span.from_date.isoformat(), until)
                    if not span.recorded:
                        text += "\n" + _tr("(no stage move recorded: counted from the intake date)")
                    if span.note:
                        text += "\n" + span.note
                    return text
        return None

    def selected_event(self) -> object | None:
        return self._timeline.events[self._selected] if self._timeline and self._selected is not None else None

    def select_index(self, index: int | None) -> None:
        """Choose the marker of ``timeline.events[index]`` (keyboard), scrolling it into view."""
        self._selected = index
        event = self.selected_event()
        if event is not None:
            m = next(m for m in self._layout.markers if m.index == index)
            screen_x = m.x - self._offset
            if screen_x < 8 or screen_x > self._plot_width() - 8:
                self._offset = m.x - self._plot_width() / 2
                self._clamp_offset()
            self.setAccessibleDescription(describe_event(event))
        self.marker_selected.emit(describe_event(event) if event is not None else "")
        self.update()

    def _step(self, direction: int) -> None:
        lay = self._layout
        if lay is None or not lay.markers:
            return
        order = [m.index for m in lay.markers]  # by x, then as built
        if self._selected is None or self._selected not in order:
            # start from the marker nearest today
            today_pos = bisect.bisect_left(lay.marker_xs, lay.today_x)
            pos = min(max(today_pos - (1 if direction < 0 else 0), 0), len(order) - 1)
        else:
            pos = min(max(order.index(self._selected) + direction, 0), len(order) - 1)
        self.select_index(order[pos])

    def open_event(self, event) -> None:  # noqa: ANN001
        self.record_open_requested.emit(event.record_kind, int(event.record_id))

    # --- painting and input ----------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        painter = QPainter(self)
        if self._layout is None:
            painter.fillRect(self.rect(), QColor("#FFFFFF"))
            painter.setPen(QColor("#555555"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _tr("No learner chosen"))
            painter.end()
            return
        self._layout.paint(painter, self._offset, selected=self._selected, hover=self._hover, focused=self.hasFocus())
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        painter.end()

    def event(self, event) -> bool:  # noqa: ANN001
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.position() if hasattr(event, "position") else event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = (event.position().x(), self._offset)
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: ANN001, N802
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx = pos.x() - self._press[0]
            if abs(dx) > 4:
                self._dragged = True
            if self._dragged:
                self._offset = self._press[1] - dx
                self._clamp_offset()
                self.update()
                return
        index = self._index_at(pos)
        if index != self._hover:
            self._hover = index
            self.setCursor(Qt.CursorShape.PointingHandCursor if index is not None else Qt.CursorShape.ArrowCursor)
            self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            dragged = self._dragged
            self._press = None
            self._dragged = False
            if not dragged:
                index = self._index_at(event.position())
                if index is not None:
                    self.select_index(index)
                    self.open_event(self._timeline.events[index])
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: ANN001, N802
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: ANN001, N802
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = delta.y() / 120.0
            if steps:
                self.zoom_by(1.25 ** steps, event.position().x())
            event.accept()
            return
        amount = delta.x() or delta.y()
        if amount:
            self.scroll_by(-amount / 120.0 * self._plot_width() / 8)
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0 or event.matches(QKeySequence.StandardKey.Refresh):
            self.fit()
        elif key == Qt.Key.Key_Left:
            self._step(-1)
        elif key == Qt.Key.Key_Right:
            self._step(1)
        elif key == Qt.Key.Key_Home and self._layout and self._layout.markers:
            self.select_index(self._layout.markers[0].index)
        elif key == Qt.Key.Key_End and self._layout and self._layout.markers:
            self.select_index(self._layout.markers[-1].index)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            event_ = self.selected_event()
            if event_ is not None:
                self.open_event(event_)
        elif key == Qt.Key.Key_PageUp:
            self.scroll_by(-self._plot_width() * 0.8)
        elif key == Qt.Key.Key_PageDown:
            self.scroll_by(self._plot_width() * 0.8)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event) -> None:  # noqa: ANN001, N802
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: ANN001, N802
        super().focusOutEvent(event)
        self.update()

    # --- printing --------------------------------------------------------------------------------

    def render_to_image(self, width: int, height: int | None = None, scale: float = 1.0,
                        with_legend: bool = True) -> QImage:
        """The whole history fitted into ``width`` × ``height`` pixels (for the printed plan summary).

        ``scale`` draws at that many device pixels per layout pixel (2.0 for a sharp print).  The
        widget's own view (zoom, scroll) is not touched.  ``height`` None = what the layout needs.
        """
        return render_timeline_image(self._timeline, width, height, scale=scale, with_legend=with_legend)


def render_timeline_image(timeline, width: int, height: int | None = None, scale: float = 1.0,  # noqa: ANN001
                          with_legend: bool = True) -> QImage:
    """``timeline`` painted, fitted to ``width`` (layout pixels) — no widget needed (needs a QGuiApplication)."""
    if timeline is None:
        raise ValueError("no timeline to draw")
    plot_width = max(10.0, width - GUTTER - RIGHT_PAD)
    probe = TimelineLayout(timeline, float(width), 1000.0, 1.0, date.today(), show_legend=with_legend)
    if with_legend:
        probe._build_legend()
    needed = HEADER_H + LANE_H * len(LANES) + AXIS_H + probe.legend_height + 2
    height = int(math.ceil(needed)) if height is None else height
    lay = TimelineLayout(timeline, float(width), float(height), _fit_ppd(timeline, plot_width), _axis_start(timeline),
                         show_legend=with_legend).build()
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    lay.paint(painter, 0.0)
    painter.end()
    return image


def image_to_png(image: QImage) -> bytes:
    """PNG bytes of ``image`` (what the printed plan summary takes)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
