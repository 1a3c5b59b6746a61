"""Benchmark: painting the plan timeline of a learner with 10 years and 500 events (goal: under 30 ms).

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_timeline_paint.py [--events 500] [--years 10] [--runs 20]

Builds a synthetic Timeline, shows the widget at 1000 × its height, and times (median of ``runs``):
the layout (data or zoom change), a full paint (``widget.render`` into a QImage, i.e. paintEvent), a
paint after scrolling, a paint zoomed in, and ``render_to_image`` for the printed summary.  Asserts
nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--width", type=int, default=1000)
    args = parser.parse_args()

    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from lbsdesk.ui.plan_timeline_widget import PlanTimelineWidget
    from tests.ui.timeline_fixtures import synthetic_timeline

    app = QApplication.instance() or QApplication(sys.argv)
    timeline = synthetic_timeline(args.events, args.years)
    widget = PlanTimelineWidget()
    widget.resize(args.width, 300)
    widget.show()
    app.processEvents()

    def median_ms(action) -> float:  # noqa: ANN001
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            action()
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)

    def paint() -> None:
        widget.render(image)

    layout_ms = median_ms(lambda: widget.set_timeline(timeline))
    paint_ms = median_ms(paint)
    grab_ms = median_ms(widget.grab)

    def scroll_and_paint() -> None:
        widget.scroll_by(37)
        paint()

    widget.zoom_by(3.0)
    scrolled_ms = median_ms(scroll_and_paint)
    zoom_ms = median_ms(lambda: (widget.zoom_by(1.01), paint()))
    widget.fit()
    print_ms = median_ms(lambda: widget.render_to_image(900, None, scale=2.0))
    print(f"timeline: {args.events} events over {args.years} years, widget {widget.width()}×{widget.height()} px, "
          f"median of {args.runs}")
    print(f"  layout (data change)      {layout_ms:6.2f} ms")
    print(f"  paint (paintEvent)        {paint_ms:6.2f} ms   (goal < 30 ms)")
    print(f"  widget.grab()             {grab_ms:6.2f} ms")
    print(f"  scroll + paint, zoomed 3× {scrolled_ms:6.2f} ms")
    print(f"  zoom step + paint         {zoom_ms:6.2f} ms")
    print(f"  render_to_image 900 @2×   {print_ms:6.2f} ms")
    sys.stdout.flush()
    os._exit(0)  # skip PySide6's interpreter-exit teardown (it can crash on the way out)


if __name__ == "__main__":
    main()
