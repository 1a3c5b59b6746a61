"""The look shared by every printed page: page size, fonts, colours, boxed form fields, headers,
footers with "Page n of N", and the document builder.

Forms are drawn with small custom flowables (a boxed row of labelled fields, a section title bar, a
checkbox grid) that measure text with ReportLab's font metrics and draw straight on the canvas: they
line up exactly, never clip (text wraps and rows grow), and a one-page form costs a couple of
milliseconds, so a packet of 150 forms stays fast.  Tables of the tracking sheet use Platypus
``Table`` with the styles defined here.

Fonts are the PDF standard Helvetica family (no font files to ship; covers English and French).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from lbsdesk.printing.labels import format_date, label

# --- page ---------------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = letter
MARGIN_X = 36.0  # half an inch
MARGIN_TOP = 24.0  # the frame starts here; continuation pages put a running title above it
MARGIN_BOTTOM = 31.0
FOOTER_Y = 14.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

# --- type ---------------------------------------------------------------------------------------

FONT = "Helvetica"
BOLD = "Helvetica-Bold"
ITALIC = "Helvetica-Oblique"
VALUE_SIZE = 10.5  # what was filled in: at least 10 pt, read at arm's length
VALUE_LEADING = 13.0
LABEL_SIZE = 8.5  # the printed caption of a field
LABEL_LEADING = 10.0
SECTION_SIZE = 10.5
SMALL_SIZE = 8.5

# --- colour (prints well in grey on a black-and-white office laser) -----------------------------

INK = colors.HexColor("#111111")
LABEL_INK = colors.HexColor("#3B4250")
ACCENT = colors.HexColor("#17375E")
TINT = colors.HexColor("#DCE5EF")
ZEBRA = colors.HexColor("#F2F5F9")
GRID = colors.HexColor("#B4BFCB")
RULE = colors.HexColor("#2E3440")
FAINT = colors.HexColor("#A9B2BD")
BOX_LINE = 0.8
PAD = 4.0


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of ``text`` that fit ``width``, keeping the writer's own line breaks; a word longer
    than the width is cut into pieces so nothing runs past a box."""
    return list(_wrap_text(text or "", font, size, round(width, 2)))


@lru_cache(maxsize=8192)
def _wrap_text(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    # measured once per (text, font, size, width): captions and the agency's details repeat on
    # every form of a packet, and a row is measured before it is drawn
    lines: list[str] = []
    for paragraph in (text or "").replace("\r\n", "\n").split("\n"):
        if not paragraph.strip():
            if lines:
                lines.append("")
            continue
        for line in simpleSplit(paragraph, font, size, width):
            while stringWidth(line, font, size) > width and len(line) > 1:
                cut = len(line)
                while cut > 1 and stringWidth(line[:cut], font, size) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return tuple(lines)


# --- form cells ---------------------------------------------------------------------------------


class Cell:
    """One boxed cell of a form row. Subclasses say how tall they are at a width and draw themselves."""

    def height(self, width: float) -> float:  # pragma: no cover - abstract
        raise NotImplementedError

    def draw(self, canvas: Canvas, x: float, y: float, width: float, height: float) -> None:  # pragma: no cover
        raise NotImplementedError

    def _draw_label(self, canvas: Canvas, text: str, x: float, top: float, width: float) -> float:
        """Draws the caption at the top of the cell; returns the y below it."""
        canvas.setFont(BOLD, LABEL_SIZE)
        canvas.setFillColor(LABEL_INK)
        y = top - PAD - LABEL_SIZE + 1
        for line in wrap_text(text, BOLD, LABEL_SIZE, width - 2 * PAD):
            canvas.drawString(x + PAD, y, line)
            y -= LABEL_LEADING
        return y + LABEL_LEADING

    @staticmethod
    def _label_height(text: str, width: float) -> float:
        if not text:
            return 0.0
        return len(wrap_text(text, BOLD, LABEL_SIZE, width - 2 * PAD)) * LABEL_LEADING


@dataclass
class TextField(Cell):
    """A caption and the value under it; an empty value leaves room (and ruled lines) to write."""

    caption: str
    value: str = ""
    min_lines: int = 1
    size: float = VALUE_SIZE
    bold: bool = False
    ruled: bool = True
    lines: list[str] | None = None  # pre-split lines (a continued part of a long field)

    def _lines(self, width: float) -> list[str]:
        if self.lines is not None:
            return self.lines
        return wrap_text(self.value, BOLD if self.bold else FONT, self.size, width - 2 * PAD)

    @property
    def leading(self) -> float:
        return self.size * 1.24

    def height(self, width: float) -> float:
        count = max(len(self._lines(width)), self.min_lines)
        return PAD + self._label_height(self.caption, width) + 2 + count * self.leading + PAD

    def draw(self, canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
        top = y + height
        below_label = self._draw_label(canvas, self.caption, x, top, width) if self.caption else top - PAD
        lines = self._lines(width)
        baseline = below_label - 2 - self.size + 1
        canvas.setFillColor(INK)
        canvas.setFont(BOLD if self.bold else FONT, self.size)
        for line in lines:
            canvas.drawString(x + PAD, baseline, line)
            baseline -= self.leading
        if not lines and self.ruled and self.min_lines > 1:
            # blank lines to write on by hand (the box's own bottom edge is the last one)
            canvas.setStrokeColor(FAINT)
            canvas.setLineWidth(0.5)
            line_y = below_label - 2 - self.leading - 2
            while line_y > y + self.leading * 0.6:
                canvas.line(x + PAD, line_y, x + width - PAD, line_y)
                line_y -= self.leading

    def split_lines(self, width: float, available: float) -> tuple["TextField", "TextField"] | None:
        """Cut a long value into the part that fits ``available`` points and the rest."""
        lines = self._lines(width)
        fixed = PAD + self._label_height(self.caption, width) + 2 + PAD
        fit = int((available - fixed) // self.leading)
        if fit < 2 or fit >= len(lines):
            return None
        caption_more = f"{self.caption} ({label('continued')})" if self.caption else ""
        first = TextField(self.caption, min_lines=1, size=self.size, bold=self.bold, lines=lines[:fit])
        rest = TextField(caption_more, min_lines=1, size=self.size, bold=self.bold, lines=lines[fit:])
        return first, rest


CHECK_SIZE = 9.5
CHECK_ROW = 14.5
CHECK_GAP = 5.0  # between a box and its text
FLOW_GAP = 16.0  # between items laid out in a line


def draw_checkbox(canvas: Canvas, x: float, y: float, checked: bool, size: float = CHECK_SIZE) -> None:
    """A square box with its lower-left corner at (x, y), ticked when ``checked``."""
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.9)
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, size, size, stroke=1, fill=1)
    if checked:
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1.6)
        path = canvas.beginPath()
        path.moveTo(x + size * 0.18, y + size * 0.52)
        path.lineTo(x + size * 0.42, y + size * 0.22)
        path.lineTo(x + size * 0.86, y + size * 0.86)
        canvas.drawPath(path, stroke=1, fill=0)


@dataclass
class InlineField(Cell):
    """A one-line field: the caption, then the value on the same line.  A value too long for the
    space beside the caption goes under it instead (full width), so words are never cut.  An empty
    value leaves the rest of the box to write in."""

    caption: str
    value: str = ""
    bold: bool = False
    size: float = VALUE_SIZE

    @property
    def _font(self) -> str:
        return BOLD if self.bold else FONT

    def _value_x(self) -> float:
        return PAD + stringWidth(self.caption, BOLD, LABEL_SIZE) + 4.5 if self.caption else PAD

    def _layout(self, width: float) -> tuple[bool, list[str]]:
        """(stacked, lines): stacked puts the value under the caption."""
        inline_w = width - self._value_x() - PAD
        inline = wrap_text(self.value, self._font, self.size, inline_w)
        if len(inline) <= 1 or not self.caption:
            return False, inline
        stacked = wrap_text(self.value, self._font, self.size, width - 2 * PAD)
        word_cut = any(stringWidth(word, self._font, self.size) > inline_w for word in self.value.split())
        if word_cut or len(stacked) < len(inline):
            return True, stacked
        return False, inline

    def height(self, width: float) -> float:
        stacked, lines = self._layout(width)
        leading = self.size * 1.24
        if stacked:
            return PAD + LABEL_LEADING + 1 + len(lines) * leading + PAD - 1
        return 18.5 + max(0, len(lines) - 1) * leading

    def draw(self, canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
        stacked, lines = self._layout(width)
        baseline = y + height - 12.5
        if self.caption:
            canvas.setFont(BOLD, LABEL_SIZE)
            canvas.setFillColor(LABEL_INK)
            canvas.drawString(x + PAD, baseline + 0.5, self.caption)
        canvas.setFont(self._font, self.size)
        canvas.setFillColor(INK)
        value_x = x + PAD if stacked else x + self._value_x()
        if stacked:
            baseline -= LABEL_LEADING + 2
        for line in lines:
            canvas.drawString(value_x, baseline, line)
            baseline -= self.size * 1.24


@dataclass
class Checks(Cell):
    """Checkboxes, ticked where true: in a grid of ``columns`` or, without columns, one after the
    other on a line.  The caption goes above, inline (to the left) or nowhere.  In a grid the last
    item may carry written text (``Other: …``); ``extra=""`` leaves a line to write on."""

    caption: str
    items: Sequence[tuple[str, bool]]
    columns: int | None = None
    extra: str | None = None
    caption_pos: str = "above"  # "above", "inline" or "none"

    def _caption_w(self) -> float:
        if self.caption_pos == "inline" and self.caption:
            return stringWidth(self.caption, BOLD, LABEL_SIZE) + 10
        return 0.0

    def _positions(self, width: float) -> tuple[list[tuple[float, int]], int, list[str]]:
        inner = width - 2 * PAD - self._caption_w()
        positions: list[tuple[float, int]] = []
        if self.columns:
            # as many of the asked columns as the words fit in (longer words, e.g. in French: fewer)
            for columns in range(self.columns, 0, -1):
                natural = [0.0] * columns
                for index, (text, _) in enumerate(self.items):
                    col = index % columns
                    if index == len(self.items) - 1 and self.extra is not None:
                        continue  # "Other: …" runs on into the free columns
                    item_w = CHECK_SIZE + CHECK_GAP + stringWidth(text, FONT, VALUE_SIZE) + 10
                    natural[col] = max(natural[col], item_w)
                slack = inner - sum(natural)
                if slack >= 0:
                    break
            if slack >= 0:
                starts = [sum(natural[:col]) + col * slack / columns for col in range(columns)]
            else:
                starts = [col * inner / columns for col in range(columns)]
            for index in range(len(self.items)):
                row, col = divmod(index, columns)
                positions.append((starts[col], row))
        else:
            x, row = 0.0, 0
            for text, _ in self.items:
                item_w = CHECK_SIZE + CHECK_GAP + stringWidth(text, FONT, VALUE_SIZE)
                if x > 0 and x + item_w > inner:
                    x, row = 0.0, row + 1
                positions.append((x, row))
                x += item_w + FLOW_GAP
        extra_lines: list[str] = []
        if self.extra:
            last_x = positions[-1][0] + CHECK_SIZE + CHECK_GAP + stringWidth(self.items[-1][0], FONT, VALUE_SIZE) + 5
            extra_lines = wrap_text(self.extra, FONT, VALUE_SIZE, max(inner - last_x, 60))
        rows = (positions[-1][1] + 1) if positions else 0
        return positions, rows, extra_lines

    def height(self, width: float) -> float:
        _, rows, extra_lines = self._positions(width)
        rows_h = rows * CHECK_ROW + max(0, len(extra_lines) - 1) * VALUE_LEADING
        caption_h = self._label_height(self.caption, width) + 1 if self.caption_pos == "above" else 0
        return max(18.0, PAD + caption_h + rows_h + 1)

    def draw(self, canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
        top = y + height
        positions, _, extra_lines = self._positions(width)
        left = x + PAD + self._caption_w()
        if self.caption_pos == "above" and self.caption:
            row_top = self._draw_label(canvas, self.caption, x, top, width) - 1
        else:
            row_top = top - 2
            if self.caption_pos == "inline" and self.caption:
                canvas.setFont(BOLD, LABEL_SIZE)
                canvas.setFillColor(LABEL_INK)
                canvas.drawString(x + PAD, row_top - CHECK_ROW + 4.5, self.caption)
        for (offset, row), (text, checked) in zip(positions, self.items):
            box_x = left + offset
            box_y = row_top - (row + 1) * CHECK_ROW + 3
            draw_checkbox(canvas, box_x, box_y, checked)
            canvas.setFont(FONT, VALUE_SIZE)
            canvas.setFillColor(INK)
            text_x = box_x + CHECK_SIZE + CHECK_GAP
            canvas.drawString(text_x, box_y + 1.2, text)
        if self.extra is not None and positions:
            (offset, row), (text, _) = positions[-1], self.items[-1]
            box_y = row_top - (row + 1) * CHECK_ROW + 3
            extra_x = left + offset + CHECK_SIZE + CHECK_GAP + stringWidth(text, FONT, VALUE_SIZE) + 5
            if extra_lines:
                line_y = box_y + 1.2
                for line in extra_lines:
                    canvas.drawString(extra_x, line_y, line)
                    line_y -= VALUE_LEADING
            else:
                canvas.setStrokeColor(FAINT)
                canvas.setLineWidth(0.5)
                canvas.line(extra_x, box_y, x + width - PAD - 2, box_y)


@dataclass
class SignatureLine(Cell):
    """Room to sign: a rule with its caption under it, a second rule for the date, and an optional
    printed name above the first rule."""

    caption: str
    date_caption: str
    printed: str = ""  # e.g. the staff member's name, printed faintly above the line
    date_value: str = ""

    def height(self, width: float) -> float:
        return 32.0

    def draw(self, canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
        line_y = y + 13
        date_w = min(110.0, width * 0.32)
        sign_right = x + width - PAD - date_w - 12
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.7)
        canvas.line(x + PAD, line_y, sign_right, line_y)
        canvas.line(x + width - PAD - date_w, line_y, x + width - PAD, line_y)
        canvas.setFont(BOLD, LABEL_SIZE)
        canvas.setFillColor(LABEL_INK)
        canvas.drawString(x + PAD, line_y - LABEL_SIZE - 2, self.caption)
        canvas.drawString(x + width - PAD - date_w, line_y - LABEL_SIZE - 2, self.date_caption)
        canvas.setFillColor(INK)
        canvas.setFont(FONT, VALUE_SIZE)
        if self.printed:
            canvas.drawString(x + PAD, line_y + 4, self.printed)
        if self.date_value:
            canvas.drawString(x + width - PAD - date_w, line_y + 4, self.date_value)


@dataclass
class Note(Cell):
    """Running text across a row, no caption (the consent statement, an instruction)."""

    text: str
    size: float = 9.5
    font: str = FONT
    color: colors.Color = INK

    def height(self, width: float) -> float:
        return PAD + len(wrap_text(self.text, self.font, self.size, width - 2 * PAD)) * self.size * 1.25 + PAD

    def draw(self, canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
        canvas.setFont(self.font, self.size)
        canvas.setFillColor(self.color)
        baseline = y + height - PAD - self.size + 1
        for line in wrap_text(self.text, self.font, self.size, width - 2 * PAD):
            canvas.drawString(x + PAD, baseline, line)
            baseline -= self.size * 1.25


# --- rows and section bars (flowables) -----------------------------------------------------------


class FormRow(Flowable):
    """Cells side by side in one boxed row; widths are fractions of the row.  Rows stacked under a
    section bar make one box (see ``Section``)."""

    def __init__(self, cells: Sequence[tuple[Cell, float]], *, min_height: float = 0.0) -> None:
        super().__init__()
        self.cells = list(cells)
        self.min_height = min_height
        self._widths: list[float] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        total = sum(fraction for _, fraction in self.cells)
        self._widths = [available_width * fraction / total for _, fraction in self.cells]
        self.width = available_width
        self.height = max(
            [self.min_height] + [cell.height(w) for (cell, _), w in zip(self.cells, self._widths)]
        )
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """A row holding one long text field cuts between lines: [what fits, the rest]."""
        if len(self.cells) != 1 or not isinstance(self.cells[0][0], TextField):
            return []
        parts = self.cells[0][0].split_lines(available_width, available_height)
        if parts is None:
            return []
        first, rest = parts
        return [FormRow([(first, 1)]), FormRow([(rest, 1)])]

    def draw(self) -> None:
        canvas = self.canv
        x = 0.0
        for (cell, _), width in zip(self.cells, self._widths):
            cell.draw(canvas, x, 0, width, self.height)
            x += width
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(BOX_LINE)
        canvas.line(0, 0, self.width, 0)
        canvas.line(0, 0, 0, self.height)
        canvas.line(self.width, 0, self.width, self.height)
        canvas.setLineWidth(0.6)
        x = 0.0
        for width in self._widths[:-1]:
            x += width
            canvas.line(x, 0, x, self.height)


class SectionBar(Flowable):
    """The tinted title bar that opens a boxed section; it stays with the row under it.  Several
    titles with width fractions make side-by-side sections (referring | receiving)."""

    HEIGHT = 16.5

    def __init__(self, title: str | Sequence[tuple[str, float]], right: str = "",
                 space_before: float = 0.0, strong: bool = False) -> None:
        super().__init__()
        self.titles = [(title, 1.0)] if isinstance(title, str) else list(title)
        self.right = right
        self.keepWithNext = True
        self.spaceBefore = space_before
        self.strong = strong

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.HEIGHT

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(ACCENT if self.strong else TINT)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(BOX_LINE)
        canvas.rect(0, 0, self.width, self.HEIGHT, stroke=1, fill=1)
        total = sum(fraction for _, fraction in self.titles)
        x = 0.0
        for index, (title, fraction) in enumerate(self.titles):
            if index:
                canvas.setStrokeColor(RULE)
                canvas.line(x, 0, x, self.HEIGHT)
            canvas.setFillColor(colors.white if self.strong else ACCENT)
            canvas.setFont(BOLD, SECTION_SIZE)
            canvas.drawString(x + PAD + 1, 4.8, title)
            x += self.width * fraction / total
        if self.right:
            canvas.setFillColor(colors.white if self.strong else ACCENT)
            canvas.setFont(BOLD, SECTION_SIZE)
            canvas.drawRightString(self.width - PAD - 1, 4.8, self.right)


class Section(Flowable):
    """A boxed section: its title bar and the rows under it, kept together.  When the section does
    not fit, it moves to the next page whole, unless the row that crosses the page end is a long
    text (a reason that runs for pages): then that text is cut between lines and the section goes
    on, under its title marked "continued", on the next page."""

    def __init__(self, title: str | Sequence[tuple[str, float]], rows: Sequence[FormRow], *,
                 right: str = "", continued: bool = False) -> None:
        super().__init__()
        self.title = title
        self.rows = list(rows)
        self.right = right
        self.bar = SectionBar(self._bar_title(continued), right=right)

    def _bar_title(self, continued: bool) -> str | list[tuple[str, float]]:
        if not continued:
            return self.title
        more = f" ({label('continued')})"
        if isinstance(self.title, str):
            return self.title + more
        return [(text + more, fraction) for text, fraction in self.title]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self._heights = [row.wrap(available_width, available_height)[1] for row in self.rows]
        self.height = SectionBar.HEIGHT + sum(self._heights)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        used = SectionBar.HEIGHT
        for index, (row, height) in enumerate(zip(self.rows, self._heights)):
            if used + height <= available_height:
                used += height
                continue
            pieces = row.split(available_width, available_height - used)
            if len(pieces) < 2:
                return []
            first, rest = pieces[0], pieces[-1]
            head = Section(self.title, self.rows[:index] + [first], right=self.right)
            tail = Section(self.title, [rest] + self.rows[index + 1:], right=self.right, continued=True)
            return [head, tail]
        return [self]

    def draw(self) -> None:
        y = self.height - SectionBar.HEIGHT
        self.bar.wrap(self.width, SectionBar.HEIGHT)
        self.bar.drawOn(self.canv, 0, y)
        for row, height in zip(self.rows, self._heights):
            y -= height
            row.drawOn(self.canv, 0, y)


class Gap(Flowable):
    """Vertical space that, unlike a Spacer, is dropped at the top of a page."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, min(self.height, available_height)

    def draw(self) -> None:
        pass


# --- header -------------------------------------------------------------------------------------


@dataclass
class Agency:
    """What the top of every page says about the agency."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    cams_provider_number: str = ""
    logo: bytes | None = None
    language: str = "en"  # the agency profile's language: what its pages are printed in

    def contact_lines(self) -> list[str]:
        address = ", ".join(line.strip() for line in (self.address or "").replace("\r", "").split("\n") if line.strip())
        lines = [address] if address else []
        reach = " · ".join(
            part for part in (
                f"{label('phone')} {self.phone}" if self.phone else "",
                self.email or "",
            ) if part
        )
        if reach:
            lines.append(reach)
        if self.cams_provider_number:
            lines.append(label("cams_provider_number", number=self.cams_provider_number))
        return lines


_LOGO_CACHE: dict[int, ImageReader | None] = {}


def logo_reader(logo: bytes | None) -> ImageReader | None:
    """The logo as an image ReportLab can draw, or None when there is none or it cannot be read
    (a damaged logo never stops a form from printing)."""
    if not logo:
        return None
    key = hash(logo)
    if key not in _LOGO_CACHE:
        try:
            reader = ImageReader(io.BytesIO(logo))
            reader.getSize()
        except Exception:  # noqa: BLE001 - any unreadable image: print without it
            reader = None
        if len(_LOGO_CACHE) > 8:
            _LOGO_CACHE.clear()
        _LOGO_CACHE[key] = reader
    return _LOGO_CACHE[key]


class PageHeader(Flowable):
    """Agency logo, name and contact on the left; the document's title block on the right."""

    LOGO_MAX_H = 54.0
    LOGO_MAX_W = 110.0

    def __init__(self, agency: Agency, draw_right: Callable[[Canvas, float, float], float],
                 right_width: float) -> None:
        super().__init__()
        self.agency = agency
        self.draw_right = draw_right
        self.right_width = right_width
        self.logo = logo_reader(agency.logo)

    def _logo_size(self) -> tuple[float, float]:
        if self.logo is None:
            return 0.0, 0.0
        w, h = self.logo.getSize()
        scale = min(self.LOGO_MAX_H / h, self.LOGO_MAX_W / w)
        return w * scale, h * scale

    def _left_lines(self, width: float) -> tuple[list[str], list[str]]:
        name = self.agency.name or label("agency_name_missing")
        name_lines = wrap_text(name, BOLD, 14, width)
        contact: list[str] = []
        for line in self.agency.contact_lines():
            contact.extend(wrap_text(line, FONT, 9.5, width))
        return name_lines, contact

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        logo_w, logo_h = self._logo_size()
        left_w = available_width - self.right_width - (logo_w + 10 if logo_w else 0) - 12
        self._left_w = left_w
        name_lines, contact = self._left_lines(left_w)
        text_h = len(name_lines) * 16 + len(contact) * 11.5
        self._right_h = self.draw_right(None, 0, 0)  # measure only
        self.height = max(text_h, logo_h, self._right_h) + 5
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        logo_w, logo_h = self._logo_size()
        x = 0.0
        if self.logo is not None:
            canvas.drawImage(self.logo, 0, top - logo_h, logo_w, logo_h, mask="auto")
            x = logo_w + 10
        name_lines, contact = self._left_lines(self._left_w)
        y = top - 13
        canvas.setFillColor(ACCENT)
        canvas.setFont(BOLD, 14)
        for line in name_lines:
            canvas.drawString(x, y, line)
            y -= 16
        canvas.setFillColor(INK)
        canvas.setFont(FONT, 9.5)
        y += 3
        for line in contact:
            canvas.drawString(x, y, line)
            y -= 11.5
        self.draw_right(canvas, self.width, top)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.6)
        canvas.line(0, 1, self.width, 1)


# --- the document: page furniture and "Page n of N" -----------------------------------------------


@dataclass
class PageContext:
    """What the page furniture says while a part of the document is being laid out."""

    running_title: str  # top of continuation pages
    footer_left: str  # e.g. "Referral R00123" or the sheet's title
    first_page: int = 0  # the page this part started on (its first page carries the full header)


class Mark(Flowable):
    """Invisible: tells the page furniture that a new part (the sheet, a form) starts here."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.context.first_page = self.canv.getPageNumber()
        self.canv._lbs_context = self.context  # read by the page-end callback


class NumberedCanvas(Canvas):
    """Defers each page until the end so every footer can say "Page n of N" in one pass."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(FONT, 9)
            self.setFillColor(LABEL_INK)
            page = label("page_n_of_total", page=self._pageNumber, total=total)
            printed = getattr(self, "_lbs_printed", "")
            self.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_Y, f"{printed}   ·   {page}" if printed else page)
            Canvas.showPage(self)
        Canvas.save(self)


def _page_furniture(printed_on: date) -> Callable[[Canvas, BaseDocTemplate], None]:
    printed = label("printed_on", date=format_date(printed_on))

    def on_page_end(canvas: Canvas, doc: BaseDocTemplate) -> None:
        context: PageContext | None = getattr(canvas, "_lbs_context", None)
        canvas.saveState()
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, FOOTER_Y + 11, PAGE_WIDTH - MARGIN_X, FOOTER_Y + 11)
        canvas.setFont(FONT, 9)
        canvas.setFillColor(LABEL_INK)
        left = context.footer_left if context else ""
        canvas.drawString(MARGIN_X, FOOTER_Y, left)
        canvas._lbs_printed = printed  # drawn with "Page n of N" when the page count is known
        if context and canvas.getPageNumber() != context.first_page:
            canvas.setFont(ITALIC, 9)
            canvas.drawString(MARGIN_X, PAGE_HEIGHT - MARGIN_TOP + 9,
                              f"{context.running_title} ({label('continued')})")
            canvas.setStrokeColor(GRID)
            canvas.line(MARGIN_X, PAGE_HEIGHT - MARGIN_TOP + 5, PAGE_WIDTH - MARGIN_X,
                        PAGE_HEIGHT - MARGIN_TOP + 5)
        canvas.restoreState()

    return on_page_end


def build_pdf(story: list[Flowable], *, title: str, printed_on: date, author: str = "") -> bytes:
    """Lay ``story`` out on Letter pages with the shared footer; returns the PDF."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=letter, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author=author, creator="LBS Desk",
        subject=title,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_BOTTOM - MARGIN_TOP,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=_page_furniture(printed_on))])
    doc.build(story, canvasmaker=NumberedCanvas)
    return buffer.getvalue()


@dataclass
class TitleBlock:
    """The right-hand title block of a page header: a big title and lines under it; measures itself
    when called with no canvas."""

    title: str
    lines: list[tuple[str, str, float]] = field(default_factory=list)  # (text, font, size)
    boxed: tuple[str, str] | None = None  # (caption, value) in a bold box, e.g. the referral number
    tag: str = ""  # a filled tag left of the box, e.g. "REFERRAL OUT"

    def __call__(self, canvas: Canvas | None, right: float, top: float) -> float:
        height = 20.0
        y = top - 16
        if canvas is not None:
            canvas.setFillColor(ACCENT)
            canvas.setFont(BOLD, 18)
            canvas.drawRightString(right, y, self.title)
        if self.boxed is not None:
            caption, value = self.boxed
            box_h = 22.0
            caption_w = stringWidth(caption, BOLD, 9)
            value_w = stringWidth(value, BOLD, 15)
            box_w = caption_w + value_w + 3 * PAD + 6
            box_y = y - 7 - box_h
            if canvas is not None:
                canvas.setStrokeColor(ACCENT)
                canvas.setLineWidth(1.4)
                canvas.rect(right - box_w, box_y, box_w, box_h, stroke=1, fill=0)
                canvas.setFillColor(LABEL_INK)
                canvas.setFont(BOLD, 9)
                canvas.drawString(right - box_w + PAD + 2, box_y + 7.5, caption)
                canvas.setFillColor(INK)
                canvas.setFont(BOLD, 15)
                canvas.drawRightString(right - PAD - 2, box_y + 6, value)
                if self.tag:
                    tag_w = stringWidth(self.tag, BOLD, 11.5) + 2 * PAD + 6
                    tag_x = right - box_w - 6 - tag_w
                    canvas.setFillColor(ACCENT)
                    canvas.rect(tag_x, box_y, tag_w, box_h, stroke=0, fill=1)
                    canvas.setFillColor(colors.white)
                    canvas.setFont(BOLD, 11.5)
                    canvas.drawCentredString(tag_x + tag_w / 2, box_y + 7, self.tag)
            y = box_y
            height += box_h + 7
        for text, font, size in self.lines:
            y -= size + 4
            height += size + 4
            if canvas is not None:
                canvas.setFillColor(INK)
                canvas.setFont(font, size)
                canvas.drawRightString(right, y, text)
        return height + 2
