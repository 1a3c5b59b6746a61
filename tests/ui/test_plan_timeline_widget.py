"""The plan timeline (``planTimeline``): click a marker to open its record, hover text, zoom, keyboard."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication

from lbsdesk.ui.plan_timeline_widget import PlanTimelineWidget, image_to_png
from tests.ui.timeline_fixtures import small_timeline, synthetic_timeline


@pytest.fixture
def timeline_widget(qtbot):
    widget = PlanTimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_timeline(small_timeline())
    return widget


def _point_of(widget, record_kind, record_id) -> QPoint:
    for event, point in widget.marker_positions():
        if event.record_kind == record_kind and event.record_id == record_id:
            return point.toPoint()
    raise AssertionError(f"no marker for {record_kind} {record_id}")


def test_the_widget_has_its_stable_name(timeline_widget):
    assert timeline_widget.objectName() == "planTimeline"
    assert timeline_widget.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_clicking_a_marker_asks_to_open_its_record(qtbot, timeline_widget):
    point = _point_of(timeline_widget, "referral", 42)
    with qtbot.waitSignal(timeline_widget.record_open_requested) as blocker:
        qtbot.mouseClick(timeline_widget, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["referral", 42]


def test_clicking_empty_space_opens_nothing(qtbot, timeline_widget):
    seen = []
    timeline_widget.record_open_requested.connect(lambda kind, rid: seen.append((kind, rid)))
    qtbot.mouseClick(timeline_widget, Qt.MouseButton.LeftButton, pos=QPoint(timeline_widget.width() - 20, 60))
    assert seen == []


def test_hover_says_what_the_marker_is(qtbot, timeline_widget):
    point = _point_of(timeline_widget, "referral", 42)
    text = timeline_widget.tooltip_at(point)
    assert "Referral out" in text and "Food Bank" in text and "Overdue" in text
    # the real tooltip event shows that text
    shown = []
    from PySide6.QtWidgets import QToolTip

    original = QToolTip.showText
    try:
        QToolTip.showText = staticmethod(lambda pos, text, w=None, *a: shown.append(text))
        event = QHelpEvent(QEvent.Type.ToolTip, point, timeline_widget.mapToGlobal(point))
        QApplication.sendEvent(timeline_widget, event)
    finally:
        QToolTip.showText = original
    assert shown and "Food Bank" in shown[0]
    assert timeline_widget.tooltip_at(QPoint(timeline_widget.width() - 20, 60)) is None


def test_hover_on_a_stage_band_gives_its_dates(timeline_widget):
    intake = small_timeline().intake_date
    for event, point in timeline_widget.marker_positions():
        if event.kind == "check_in":
            text = timeline_widget.tooltip_at(QPoint(point.toPoint().x(), 10))
    assert "Commencement" in text and "entered" in text
    assert intake.isoformat() not in text


def test_zoom_changes_the_visible_span_and_fit_shows_everything(qtbot, timeline_widget):
    timeline_widget.set_timeline(synthetic_timeline(120, 10))
    whole = timeline_widget.visible_span_days()
    assert whole > 365 * 9
    timeline_widget.setFocus()
    qtbot.keyClick(timeline_widget, Qt.Key.Key_Plus)
    assert timeline_widget.visible_span_days() < whole / 1.5
    for _ in range(30):
        timeline_widget.zoom_in()
    assert timeline_widget.visible_span_days() == pytest.approx(14, abs=0.5)  # a couple of weeks at most
    qtbot.keyClick(timeline_widget, Qt.Key.Key_Minus)
    assert timeline_widget.visible_span_days() > 14
    timeline_widget.fit_action.trigger()
    assert timeline_widget.visible_span_days() == pytest.approx(whole)


def test_ctrl_wheel_zooms_and_the_wheel_scrolls(qtbot, timeline_widget):
    from PySide6.QtGui import QWheelEvent

    timeline_widget.set_timeline(synthetic_timeline(60, 5))
    whole = timeline_widget.visible_span_days()
    centre = QPointF(500, 100)

    def wheel(modifiers):
        event = QWheelEvent(centre, timeline_widget.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 240),
                            Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(timeline_widget, event)

    wheel(Qt.KeyboardModifier.ControlModifier)
    zoomed = timeline_widget.visible_span_days()
    assert zoomed < whole
    start = timeline_widget.visible_range()[0]
    wheel(Qt.KeyboardModifier.NoModifier)  # scrolls back in time
    assert timeline_widget.visible_range()[0] < start
    assert timeline_widget.visible_span_days() == pytest.approx(zoomed)


def test_keyboard_moves_between_markers_and_enter_opens(qtbot, timeline_widget):
    timeline_widget.setFocus()
    qtbot.keyClick(timeline_widget, Qt.Key.Key_Home)
    assert timeline_widget.selected_event().record_kind == "learner"
    qtbot.keyClick(timeline_widget, Qt.Key.Key_Right)
    assert timeline_widget.selected_event().record_id == 42
    qtbot.keyClick(timeline_widget, Qt.Key.Key_Right)
    assert timeline_widget.selected_event().record_id == 99
    qtbot.keyClick(timeline_widget, Qt.Key.Key_Right)  # stays on the last one
    assert timeline_widget.selected_event().record_id == 99
    qtbot.keyClick(timeline_widget, Qt.Key.Key_Left)
    with qtbot.waitSignal(timeline_widget.record_open_requested) as blocker:
        qtbot.keyClick(timeline_widget, Qt.Key.Key_Return)
    assert blocker.args == ["referral", 42]
    assert "Food Bank" in timeline_widget.accessibleDescription()


def test_keyboard_scrolls_a_zoomed_view_to_the_chosen_marker(qtbot, timeline_widget):
    timeline_widget.set_timeline(synthetic_timeline(80, 10))
    for _ in range(8):
        timeline_widget.zoom_in()
    timeline_widget.setFocus()
    qtbot.keyClick(timeline_widget, Qt.Key.Key_End)
    chosen = timeline_widget.selected_event()
    first, last = timeline_widget.visible_range()
    assert first <= chosen.date <= last


def test_render_to_image_for_the_printed_summary(timeline_widget):
    timeline_widget.zoom_in()
    span = timeline_widget.visible_span_days()
    image = timeline_widget.render_to_image(800, None, scale=2.0)
    assert image.width() == 1600 and image.height() > 300
    assert timeline_widget.visible_span_days() == span  # the widget's own view is untouched
    png = image_to_png(image)
    assert png.startswith(b"\x89PNG")
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    assert not grey.isNull()


def test_loads_a_learner_from_the_database(qtbot, database, make_learner):
    learner_id = make_learner("Rita", "Timeline", intake_date=date(2026, 1, 5))
    widget = PlanTimelineWidget(database)
    qtbot.addWidget(widget)
    widget.resize(800, 300)
    widget.load(learner_id, today=date(2026, 3, 1))
    kinds = [event.kind for event, _point in widget.marker_positions()]
    assert "intake" in kinds and "check_in_due" in kinds
    overdue = [event for event, _point in widget.marker_positions() if event.kind == "check_in_due"][0]
    assert overdue.overdue  # no check-in for more than 35 days
