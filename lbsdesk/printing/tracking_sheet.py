"""The printed monthly tracking sheet, with that month's referral forms behind it (the packet).

Every number printed comes from the figures of ``lbsdesk.services.monthly_report.monthly_figures``
(SPEC.md section 4), handed in as ``SheetData.figures``; the only other things here are the names,
phone numbers and dates that let staff act on the lists.  No database, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Table, TableStyle

from lbsdesk.domain.calendar_rules import Month
from lbsdesk.domain.codes import GOAL_PATHS, INFORMAL_SOURCES, INQUIRY_CHANNELS, ORG_TYPES
from lbsdesk.printing.labels import code_label, format_date, label, month_name, print_language, printed_in
from lbsdesk.printing.layout import (
    ACCENT,
    BOLD,
    CONTENT_WIDTH,
    FONT,
    GRID,
    INK,
    LABEL_INK,
    RULE,
    TINT,
    ZEBRA,
    Agency,
    FormRow,
    Gap,
    Mark,
    PageContext,
    PageHeader,
    Section,
    SignatureLine,
    TitleBlock,
    build_pdf,
    wrap_text,
)
from lbsdesk.printing.referral_form import ReferralFormData, referral_form_story

TABLE_SIZE = 10.0
TABLE_HEAD_SIZE = 9.5


@dataclass(frozen=True)
class LearnerLine:
    """A learner as the sheet's lists show them: who, how to reach them, how they came."""

    learner_id: str
    name: str = ""
    phone: str = ""
    intake_date: date | None = None
    came_by: str = ""


@dataclass(frozen=True)
class ReferralLine:
    referral_id: str
    referral_date: date | None = None
    direction: str = ""
    learner_name: str = ""
    partner: str = ""
    formal: bool = False
    db_id: int | None = None  # the database id, to fetch the referral's form


@dataclass
class SheetData:
    """Everything the sheet prints.  ``figures`` is the SPEC section 4 document, unchanged."""

    month: Month
    figures: dict
    agency: Agency = field(default_factory=Agency)
    printed_on: date = field(default_factory=date.today)
    learners: dict[str, LearnerLine] = field(default_factory=dict)  # by learner_id
    referrals: dict[str, ReferralLine] = field(default_factory=dict)  # by referral_id (not in CaMS)
    month_referrals: list[ReferralLine] = field(default_factory=list)  # dated in the month, in date order
    forms: list[ReferralFormData] = field(default_factory=list)  # their forms, when the packet has them
    #: what changed in the previous month after it was closed (plain lines), listed on this sheet
    amendments: list[str] = field(default_factory=list)

    @property
    def month_title(self) -> str:
        return month_name(self.month.year, self.month.month)


# --- styles --------------------------------------------------------------------------------------

_CELL = ParagraphStyle("cell", fontName=FONT, fontSize=TABLE_SIZE, leading=12, textColor=INK, alignment=TA_LEFT)
_CELL_BOLD = ParagraphStyle("cell_bold", parent=_CELL, fontName=BOLD)
_NOTE = ParagraphStyle("note", fontName=FONT, fontSize=10, leading=13, textColor=INK)
_EMPTY = ParagraphStyle("empty", fontName="Helvetica-Oblique", fontSize=10, leading=13, textColor=LABEL_INK)


def _table(rows: list[list], widths: Sequence[float], *, numeric: Sequence[int] = (), total_rows: int = 0,
           extra: Sequence[tuple] = ()) -> Table:
    """A readable table: bold tinted header row repeated on each page, light grid, zebra rows;
    ``numeric`` columns right-aligned; the last ``total_rows`` rows bold above a rule."""
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, 0), BOLD, TABLE_HEAD_SIZE),
        ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT),
        ("BACKGROUND", (0, 0), (-1, 0), TINT),
        ("FONT", (0, 1), (-1, -1), FONT, TABLE_SIZE),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("INNERGRID", (0, 1), (-1, -1), 0.35, GRID),
        ("LINEAFTER", (0, 0), (-2, 0), 0.35, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    for column in numeric:
        commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
    if total_rows:
        commands += [
            ("FONT", (0, -total_rows), (-1, -1), BOLD, TABLE_SIZE),
            ("LINEABOVE", (0, -total_rows), (-1, -total_rows), 0.8, RULE),
        ]
    commands.extend(extra)
    table = Table(rows, colWidths=list(widths), repeatRows=1, style=TableStyle(commands), hAlign="LEFT")
    return table


def _fit(text: str, width: float, bold: bool = False) -> str | Paragraph:
    """A plain string when it fits its column (fast); a wrapping paragraph when it does not."""
    text = text or ""
    if stringWidth(text, BOLD if bold else FONT, TABLE_SIZE) <= width - 10:
        return text
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped, _CELL_BOLD if bold else _CELL)


class Heading(Flowable):
    """A section heading: bold title, an optional count on the right, a rule under it."""

    def __init__(self, title: str, note: str = "") -> None:
        super().__init__()
        self.title = title
        self.note = note
        self.spaceBefore = 12

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self._note_lines = wrap_text(self.note, FONT, 9.5, available_width) if self.note else []
        self.height = 20 + len(self._note_lines) * 12 + (3 if self._note_lines else 0)
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        top = self.height
        canvas.setFillColor(ACCENT)
        canvas.setFont(BOLD, 13)
        canvas.drawString(0, top - 13, self.title)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.2)
        canvas.line(0, top - 17, self.width, top - 17)
        canvas.setFillColor(LABEL_INK)
        canvas.setFont(FONT, 9.5)
        y = top - 29
        for line in self._note_lines:
            canvas.drawString(0, y, line)
            y -= 12


class Tiles(Flowable):
    """The month at a glance: big numbers with what they count (the same figures as the tables)."""

    def __init__(self, tiles: Sequence[tuple[str, str, str]]) -> None:
        super().__init__()
        self.tiles = list(tiles)  # (number, caption, detail)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = 62.0
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        gap = 8.0
        tile_w = (self.width - gap * (len(self.tiles) - 1)) / len(self.tiles)
        for index, (number, caption, detail) in enumerate(self.tiles):
            x = index * (tile_w + gap)
            canvas.setFillColor(colors.white)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.8)
            canvas.rect(x, 0, tile_w, self.height, stroke=1, fill=0)
            canvas.setFillColor(TINT)
            canvas.rect(x, self.height - 17, tile_w, 17, stroke=1, fill=1)
            canvas.setFillColor(ACCENT)
            size = 9.5  # a caption longer than its tile (French is longer) gets smaller, never cut
            while size > 6.5 and stringWidth(caption, BOLD, size) > tile_w - 6:
                size -= 0.5
            canvas.setFont(BOLD, size)
            canvas.drawCentredString(x + tile_w / 2, self.height - 12, caption)
            canvas.setFillColor(INK)
            canvas.setFont(BOLD, 21)
            canvas.drawCentredString(x + tile_w / 2, 18, number)
            canvas.setFillColor(LABEL_INK)
            canvas.setFont(FONT, 9)
            canvas.drawCentredString(x + tile_w / 2, 6, detail)


class TargetBar(Flowable):
    """Service coordination against its target: a filled bar to the percent, a mark at the target."""

    def __init__(self, percent: float, target: float) -> None:
        super().__init__()
        self.percent = percent
        self.target = target

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = 34.0
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        bar_y, bar_h = 14.0, 12.0
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.setFillColor(colors.white)
        canvas.rect(0, bar_y, self.width, bar_h, stroke=1, fill=1)
        filled = self.width * max(0.0, min(self.percent, 100.0)) / 100
        if filled > 0:
            canvas.setFillColor(ACCENT)
            canvas.rect(0, bar_y, filled, bar_h, stroke=0, fill=1)
        target_x = self.width * self.target / 100
        canvas.setStrokeColor(colors.HexColor("#B22222"))
        canvas.setLineWidth(2)
        canvas.line(target_x, bar_y - 3, target_x, bar_y + bar_h + 3)
        canvas.setFont(BOLD, 9)
        canvas.setFillColor(colors.HexColor("#B22222"))
        canvas.drawCentredString(target_x, 2, f"{label('coord_target')} {_pct_text(self.target)}")
        canvas.setFillColor(LABEL_INK)
        canvas.setFont(FONT, 9)
        canvas.drawString(0, 2, _pct_text(0))
        canvas.drawRightString(self.width, 2, _pct_text(100))


# --- the sheet -----------------------------------------------------------------------------------


def _type_label(code: str) -> str:
    if code == "unknown":
        return label("unknown")
    if code in ORG_TYPES:
        return code_label(ORG_TYPES, code)
    if code in INFORMAL_SOURCES:
        return f"{code_label(INFORMAL_SOURCES, code)} {label('informal_mark')}"
    return code


def _source_label(code: str) -> str:
    if code == "unknown":
        return label("unknown")
    if code in ORG_TYPES:
        return code_label(ORG_TYPES, code)
    return code_label(INFORMAL_SOURCES, code)


def _pct(value: float) -> str:
    return _pct_text(value, 1)


def _pct_text(value: float, decimals: int | None = None) -> str:
    """'12.5%' in English, '12,5 %' in French (a space before the sign, a decimal comma)."""
    text = f"{value:.{decimals}f}" if decimals is not None else f"{value:g}"
    if print_language() == "fr":
        return text.replace(".", ",") + "\u00a0%"
    return text + "%"


def _empty(text: str) -> Paragraph:
    return Paragraph(text, _EMPTY)


def _side_by_side(left: Table, right: Table) -> Table:
    """Two tables next to each other, as one block (a section that reads as two short lists)."""
    w = CONTENT_WIDTH
    outer = Table([[left, right]], colWidths=[w * 0.44, w * 0.56], hAlign="LEFT",
                  style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, 0), 12),
                                    ("RIGHTPADDING", (1, 0), (1, 0), 0),
                                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return outer


def _inquiries(f: dict) -> list[Flowable]:
    inquiries = f["inquiries"]
    w = CONTENT_WIDTH
    left_w = [w * 0.44 - 12 - 60, 60]
    right_w = [w * 0.56 - 60, 60]
    left: list[list] = [[label("by_channel"), label("count")]]
    left += [[code_label(INQUIRY_CHANNELS, code), str(count)] for code, count in inquiries["by_channel"].items()]
    if len(left) == 1:
        left.append([label("none_this_month"), ""])
    left += [[label("inquiries_total"), str(inquiries["total"])],
             [label("inquiries_enrolled"), str(inquiries["enrolled"])]]
    sources = sorted(((_source_label(code), count) for code, count in inquiries["by_source"].items()),
                     key=lambda item: (-item[1], item[0]))
    right: list[list] = [[label("by_source"), label("count")]]
    right += [[_fit(name, right_w[0]), str(count)] for name, count in sources]
    if len(right) == 1:
        right.append([label("none_this_month"), ""])
    left_table = _table(left, left_w, numeric=(1,), total_rows=2)
    left_table.hAlign = "LEFT"
    return [Heading(label("section_inquiries")),
            _side_by_side(left_table, _table(right, right_w, numeric=(1,)))]


def _learners(f: dict) -> list[Flowable]:
    learners = f["learners"]
    w = CONTENT_WIDTH
    left_w = [w * 0.44 - 12 - 60, 60]
    right_w = [w * 0.56 - 60, 60]
    left = [
        [label("section_learners"), label("count")],
        [label("learners_active"), str(learners["active"])],
        [label("learners_new"), str(learners["new"])],
        [label("learners_exited"), str(learners["exited"])],
    ]
    order = {code: index for index, code in enumerate(GOAL_PATHS.codes)}
    right: list[list] = [[label("by_goal_path"), label("count")]]
    right += [
        [code_label(GOAL_PATHS, code) if code != "unknown" else label("unknown"), str(count)]
        for code, count in sorted(learners["by_goal_path"].items(), key=lambda item: order.get(item[0], 99))
    ]
    if len(right) == 1:
        right.append([label("none_this_month"), ""])
    return [Heading(label("section_learners")),
            _side_by_side(_table(left, left_w, numeric=(1,), extra=[("FONT", (0, 1), (-1, 1), BOLD, TABLE_SIZE)]),
                          _table(right, right_w, numeric=(1,)))]


def _referrals(f: dict) -> list[Flowable]:
    inbound, outbound = f["referrals_in"], f["referrals_out"]
    codes = sorted(set(inbound["by_type"]) | set(outbound["by_type"]), key=lambda c: (_type_label(c).lower()))
    # organizations first, informal sources after them
    codes.sort(key=lambda c: c in INFORMAL_SOURCES)
    rows: list[list] = [[label("referral_kind"), label("referrals_in"), label("referrals_out")]]
    for code in codes:
        rows.append([_type_label(code), str(inbound["by_type"].get(code, "")), str(outbound["by_type"].get(code, ""))])
    if not codes:
        rows.append([label("none_this_month"), "", ""])
    rows += [
        [label("referrals_total"), str(inbound["total"]), str(outbound["total"])],
        [label("referrals_formal"), str(inbound["formal"]), str(outbound["formal"])],
        [label("referrals_informal"), str(inbound["total"] - inbound["formal"]),
         str(outbound["total"] - outbound["formal"])],
    ]
    w = CONTENT_WIDTH
    return [Heading(label("section_referrals")),
            _table(rows, [w * 0.64, w * 0.18, w * 0.18], numeric=(1, 2), total_rows=3)]


def _coordination(f: dict) -> list[Flowable]:
    c = f["service_coordination"]
    last_day = format_date(Month.parse(f["month"]).last_day)
    needed = c["referrals_needed"]
    rows = [
        [label("fiscal_year", fiscal_year=f["fiscal_year"]), label("count")],
        [label("coord_closed_plans"), str(c["closed_plans"])],
        [label("coord_closed_with_formal"), str(c["closed_with_formal_referral"])],
        [label("coord_formal_on_closed"), str(c["formal_referrals_on_closed"])],
        [label("coord_percent"), _pct(c["percent"])],
        [label("coord_target"), _pct_text(c["target_percent"])],
        [label("coord_needed") + (f" — {label('coord_needed_none')}" if c["closed_plans"] and not needed else ""),
         str(needed)],
    ]
    w = CONTENT_WIDTH
    table = _table(rows, [w * 0.82, w * 0.18], numeric=(1,), total_rows=1,
                   extra=[("FONT", (0, 4), (-1, 4), BOLD, TABLE_SIZE)])
    return [Heading(label("section_coordination", fiscal_year=f["fiscal_year"], last_day=last_day)),
            KeepTogether([table, Gap(6), TargetBar(c["percent"], c["target_percent"])])]


def _gaps(data: SheetData) -> list[Flowable]:
    f = data.figures
    ids = f["gaps"]
    last_day = format_date(data.month.last_day)
    heading = Heading(label("section_gaps", count=len(ids)), label("gaps_intro", last_day=last_day))
    if not ids:
        return [heading, _empty(label("none_this_month"))]
    w = CONTENT_WIDTH
    widths = [w * 0.11, w * 0.25, w * 0.15, w * 0.12, w * 0.23, w * 0.14]
    rows: list[list] = [[label("col_learner_id"), label("col_name"), label("col_phone"), label("col_intake"),
                         label("col_came_by"), label("col_called")]]
    for learner_id in ids:
        line = data.learners.get(learner_id) or LearnerLine(learner_id)
        rows.append([learner_id, _fit(line.name, widths[1], bold=True), line.phone, format_date(line.intake_date),
                     _fit(line.came_by, widths[4]), ""])
    return [heading, _table(rows, widths, extra=[("FONT", (1, 1), (1, -1), BOLD, TABLE_SIZE)])]


def _not_in_cams(data: SheetData) -> list[Flowable]:
    ids = data.figures["not_in_cams"]
    heading = Heading(label("section_not_in_cams", count=len(ids)))
    if not ids:
        return [heading, _empty(label("none_this_month"))]
    w = CONTENT_WIDTH
    widths = [w * 0.11, w * 0.12, w * 0.08, w * 0.24, w * 0.33, w * 0.12]
    rows: list[list] = [[label("col_referral"), label("col_date"), label("col_direction"), label("col_name"),
                         label("col_partner"), label("col_keyed_on")]]
    for referral_id in ids:
        line = data.referrals.get(referral_id) or ReferralLine(referral_id)
        direction = {"in": label("referrals_in"), "out": label("referrals_out")}.get(line.direction, "")
        rows.append([referral_id, format_date(line.referral_date), direction, _fit(line.learner_name, widths[3]),
                     _fit(line.partner, widths[4]), ""])
    return [heading, _table(rows, widths)]


def _follow_ups(data: SheetData) -> list[Flowable]:
    due = data.figures["follow_ups_due"]
    heading = Heading(label("section_follow_ups", count=len(due)))
    if not due:
        return [heading, _empty(label("none_this_month"))]
    w = CONTENT_WIDTH
    widths = [w * 0.11, w * 0.27, w * 0.16, w * 0.14, w * 0.14, w * 0.18]
    rows: list[list] = [[label("col_learner_id"), label("col_name"), label("col_phone"), label("col_months"),
                         label("col_due"), label("col_done")]]
    for item in due:
        line = data.learners.get(item["learner_id"]) or LearnerLine(item["learner_id"])
        rows.append([item["learner_id"], _fit(line.name, widths[1], bold=True), line.phone,
                     label("months_after_exit", months=item["months"]), item["due"], ""])
    return [heading, _table(rows, widths, extra=[("FONT", (1, 1), (1, -1), BOLD, TABLE_SIZE)])]


def _amendments(data: SheetData) -> list[Flowable]:
    """Issue 6: a change to a closed month is listed as an amendment on the next month's sheet."""
    if not data.amendments:
        return []
    previous = data.month.plus(-1)
    previous_title = month_name(previous.year, previous.month)
    heading = Heading(label("section_amendments", month=previous_title, count=len(data.amendments)))
    rows: list[list] = [[_fit(line, CONTENT_WIDTH)] for line in data.amendments]
    note = Paragraph(label("amendments_note", month=previous_title), _NOTE)
    return [heading, note, Gap(4), _table([[label("col_change")]] + rows, [CONTENT_WIDTH])]


def _month_referrals(data: SheetData, with_forms: bool) -> list[Flowable]:
    lines = data.month_referrals
    note = label("forms_follow") if with_forms and lines else ""
    heading = Heading(label("section_month_referrals", month=data.month_title, count=len(lines)), note)
    if not lines:
        return [heading, _empty(label("none_this_month"))]
    w = CONTENT_WIDTH
    widths = [w * 0.12, w * 0.12, w * 0.08, w * 0.26, w * 0.32, w * 0.10]
    rows: list[list] = [[label("col_referral"), label("col_date"), label("col_direction"), label("col_name"),
                         label("col_partner"), label("col_formal")]]
    for line in lines:
        rows.append([line.referral_id, format_date(line.referral_date),
                     label("referrals_in") if line.direction == "in" else label("referrals_out"),
                     _fit(line.learner_name, widths[3]), _fit(line.partner, widths[4]),
                     label("yes") if line.formal else label("no")])
    return [heading, _table(rows, widths)]


def _keep_start(section: list[Flowable]) -> list[Flowable]:
    """A section starts on a new page unless its heading and its first rows fit here: short
    tables stay whole, long ones split with their header row repeated."""
    needed = 0.0
    for flowable in section:
        _, height = flowable.wrapOn(_MEASURE_CANVAS, CONTENT_WIDTH, 10_000)
        needed += height + getattr(flowable, "spaceBefore", 0)
    return [CondPageBreak(min(needed, 190.0))] + section


_MEASURE_CANVAS = Canvas(None)


def _is_empty(f: dict) -> bool:
    return not (
        f["inquiries"]["total"] or f["learners"]["active"] or f["learners"]["new"] or f["learners"]["exited"]
        or f["referrals_in"]["total"] or f["referrals_out"]["total"] or f["service_coordination"]["closed_plans"]
        or f["gaps"] or f["not_in_cams"] or f["follow_ups_due"]
    )


def tracking_sheet_story(data: SheetData, *, with_referral_forms: bool = True) -> list[Flowable]:
    """The sheet as flowables (the caller appends the forms)."""
    f = data.figures
    title = label("sheet_title", month=data.month_title)
    context = PageContext(
        running_title=(label("sheet_running_header", agency=data.agency.name, month=data.month_title)
                       if data.agency.name else title),
        footer_left=title,
    )
    title_block = TitleBlock(
        label("sheet_title_short"),
        lines=[(data.month_title, BOLD, 15), (label("fiscal_year", fiscal_year=f["fiscal_year"]), FONT, 10.5),
               (label("printed_on", date=format_date(data.printed_on)), FONT, 10.5)],
    )
    inbound, outbound, c = f["referrals_in"], f["referrals_out"], f["service_coordination"]
    tiles = Tiles([
        (str(f["inquiries"]["total"]), label("glance_inquiries"),
         label("glance_enrolled", count=f["inquiries"]["enrolled"])),
        (str(f["learners"]["active"]), label("glance_active"),
         label("glance_new_exited", new=f["learners"]["new"], exited=f["learners"]["exited"])),
        (str(inbound["total"]), label("glance_referrals_in"), label("glance_formal_of", formal=inbound["formal"])),
        (str(outbound["total"]), label("glance_referrals_out"), label("glance_formal_of", formal=outbound["formal"])),
        (_pct(c["percent"]), label("glance_coordination"), label("glance_target", target=c["target_percent"])),
    ])
    story: list[Flowable] = [Mark(context), PageHeader(data.agency, title_block, right_width=250), Gap(10)]
    if _is_empty(f):
        story += [Paragraph(label("sheet_no_data", month=data.month_title), _NOTE), Gap(8)]
    story.append(tiles)
    for section in (
        _amendments(data), _inquiries(f), _learners(f), _referrals(f), _coordination(f), _gaps(data), _not_in_cams(data),
        _follow_ups(data), _month_referrals(data, with_referral_forms and bool(data.forms)),
    ):
        story += _keep_start(section)
    story += [
        Gap(14),
        Section(label("signatures_title"), [FormRow([
            (SignatureLine(label("prepared_by"), label("signature_date")), 0.5),
            (SignatureLine(label("reviewed_by"), label("signature_date")), 0.5),
        ])]),
    ]
    return story


def render_tracking_sheet(data: SheetData, *, with_referral_forms: bool = True) -> bytes:
    """The sheet, followed (when asked) by one referral form per referral of the month, each on a
    new page, in the order of ``data.forms``; in the agency's language (``data.agency.language``)."""
    with printed_in(data.agency.language):
        return _render(data, with_referral_forms)


def _render(data: SheetData, with_referral_forms: bool) -> bytes:
    story = tracking_sheet_story(data, with_referral_forms=with_referral_forms)
    if with_referral_forms:
        packet_footer = label("sheet_title", month=data.month_title)
        for form in data.forms:
            context = PageContext(
                running_title=f"{label('form_title')} {form.referral_number}",
                footer_left=f"{label('form_footer', number=form.referral_number)} · {packet_footer}",
            )
            story.append(PageBreak())
            story += referral_form_story(form, context=context)
    return build_pdf(story, title=label("sheet_title", month=data.month_title), printed_on=data.printed_on,
                     author=data.agency.name)


__all__ = ["LearnerLine", "ReferralLine", "SheetData", "render_tracking_sheet", "tracking_sheet_story"]
