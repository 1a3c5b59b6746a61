"""The printed to-do sheet of the "Due" view: what needs doing, grouped by kind, with a box to tick.

Data in (``TodoLine`` rows, already sorted: overdue first), PDF bytes out; no database, no Qt.  Each
group says how many lines it holds; overdue lines are marked "OVERDUE" in words (not colour alone).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from lbsdesk.printing.labels import format_date, label, printed_in
from lbsdesk.printing.layout import (
    ACCENT,
    BOLD,
    CONTENT_WIDTH,
    FONT,
    GRID,
    INK,
    RULE,
    TINT,
    ZEBRA,
    Agency,
    Mark,
    PageContext,
    PageHeader,
    TitleBlock,
    build_pdf,
    draw_checkbox,
)


@dataclass(frozen=True)
class TodoLine:
    kind: str
    kind_label: str
    learner_name: str
    learner_key: str
    what: str
    due_date: date | None
    overdue: bool


_CELL = ParagraphStyle("todo_cell", fontName=FONT, fontSize=10, leading=12.5, textColor=INK)
_CELL_BOLD = ParagraphStyle("todo_cell_bold", parent=_CELL, fontName=BOLD)
_HEAD = ParagraphStyle("todo_head", fontName=BOLD, fontSize=13, leading=16, textColor=ACCENT, spaceBefore=10,
                       spaceAfter=4)
_NOTE = ParagraphStyle("todo_note", fontName=FONT, fontSize=10, leading=13, textColor=INK)


class _Box(Flowable):
    """An empty box to tick by hand."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 12, 12

    def draw(self) -> None:
        draw_checkbox(self.canv, 0, 0, False, 11)


def _p(text: str, style: ParagraphStyle = _CELL) -> Paragraph:
    return Paragraph(escape(text or ""), style)


def todo_sheet_story(lines: Sequence[TodoLine], *, printed_on: date, agency: Agency | None = None,
                     kinds: Sequence[tuple[str, str]] = ()) -> list:
    """The sheet's flowables; ``kinds`` = (code, label) in the order to print (all kinds in ``lines`` otherwise)."""
    agency = agency or Agency()
    overdue = sum(1 for line in lines if line.overdue)
    title = TitleBlock(label("todo_title"), [(label("todo_counts", lines=len(lines), overdue=overdue), FONT, 10),
                                             (label("todo_as_of", date=format_date(printed_on)), FONT, 10)])
    story: list = [Mark(PageContext(label("todo_title"), label("todo_footer"))), PageHeader(agency, title, 200),
                   Spacer(1, 4)]
    order = list(kinds) or list(dict.fromkeys((line.kind, line.kind_label) for line in lines))
    if not lines:
        story.append(_p(label("todo_nothing"), _NOTE))
        return story
    for kind, kind_label in order:
        group = [line for line in lines if line.kind == kind]
        story.append(_p(f"{kind_label} ({len(group)})", _HEAD))
        if not group:
            story.append(_p(label("todo_nothing_group"), _NOTE))
            continue
        rows = [["", _p(label("todo_col_learner"), _CELL_BOLD), _p(label("todo_col_id"), _CELL_BOLD),
                 _p(label("todo_col_due"), _CELL_BOLD), _p(label("todo_col_what"), _CELL_BOLD)]]
        for line in group:
            due = format_date(line.due_date) if line.due_date else ""
            rows.append([
                _Box(), _p(line.learner_name), _p(line.learner_key),
                _p(due + (f" {label('todo_overdue')}" if line.overdue else ""), _CELL_BOLD if line.overdue else _CELL), _p(line.what),
            ])
        table = Table(rows, colWidths=[22, 130, 62, 78, CONTENT_WIDTH - 292], repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), TINT),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
            ("INNERGRID", (0, 1), (-1, -1), 0.35, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        story.append(table)
    return story


def render_todo_sheet(lines: Sequence[TodoLine], *, printed_on: date | None = None, agency: Agency | None = None,
                      kinds: Sequence[tuple[str, str]] = ()) -> bytes:
    """The to-do sheet as PDF bytes, in the agency's language (``agency.language``)."""
    printed_on = printed_on or date.today()
    with printed_in(agency.language if agency else None):
        return build_pdf(todo_sheet_story(lines, printed_on=printed_on, agency=agency, kinds=kinds),
                         title=label("todo_footer"), printed_on=printed_on, author=(agency.name if agency else ""))
