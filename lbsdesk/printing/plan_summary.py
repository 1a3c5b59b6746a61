"""The printed plan summary of one learner: the learner's copy and the file copy.

- The **learner's copy** speaks to the learner ("Your goal", "What you will work on") in plain
  language and large type (body 14 pt, headings 18 pt), one idea per line.
- The **file copy** holds the whole plan for the file: goal path and goal, background, assessment,
  milestones (competency, level, dates, status, outcome), culminating task, learning activities,
  duration, supports, reviews, the stage history, referrals and the timeline picture (PNG bytes drawn
  by the timeline widget; optional: the summary prints without it).

Data in (``PlanSummaryData``), PDF bytes out; no database, no Qt.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Image, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from lbsdesk.domain.codes import MILESTONE_STATUSES
from lbsdesk.printing.labels import code_label, format_date, label, printed_in
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
    Mark,
    PageContext,
    PageHeader,
    TitleBlock,
    build_pdf,
)

LEARNER_BODY = 14.0  # the learner's copy: large type (at least 13 pt)
LEARNER_HEADING = 18.0
FILE_BODY = 10.5
FILE_HEADING = 12.5


@dataclass
class MilestoneLine:
    description: str
    competency: str  # "A"
    competency_label: str  # "Find and Use Information"
    level: int
    planned: date | None = None
    attempted: date | None = None
    completed: date | None = None
    status: str = "planned"
    status_label: str = ""  # empty: the status code's label in the language printed
    outcome: str | None = None


@dataclass
class ReferralLine:
    day: date
    direction: str  # "in" / "out"
    partner: str
    status_label: str
    formal: bool
    services: str = ""


@dataclass
class PlanSummaryData:
    learner_name: str
    learner_key: str
    printed_on: date
    agency: Agency = field(default_factory=Agency)
    plan_number: int | None = None
    written_date: date | None = None
    goal_path: str = ""  # the label
    goal: str = ""
    background: str = ""
    assessment_date: date | None = None
    assessment_results: str = ""
    culminating_task: str = ""
    culminating_task_completed_date: date | None = None
    learning_activities: str = ""
    planned_duration_weeks: int | None = None
    planned_hours: int | None = None
    supports_needed: str = ""
    referral_results: str = ""
    next_review_date: date | None = None
    reviews: list[tuple[date, str]] = field(default_factory=list)
    milestones: list[MilestoneLine] = field(default_factory=list)
    stage: str = ""  # label of the current stage
    stages: list[tuple[str, date]] = field(default_factory=list)  # (label, entered)
    referrals: list[ReferralLine] = field(default_factory=list)
    exit_date: date | None = None
    timeline_png: bytes | None = None


# --- styles ------------------------------------------------------------------------------------


def _style(name: str, size: float, *, bold: bool = False, colour=INK, space_before: float = 0,  # noqa: ANN001
           space_after: float = 0, left: float = 0) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=BOLD if bold else FONT, fontSize=size, leading=size * 1.3,
                          textColor=colour, spaceBefore=space_before, spaceAfter=space_after, leftIndent=left)


_L_BODY = _style("learner_body", LEARNER_BODY, space_after=4)
_L_ITEM = _style("learner_item", LEARNER_BODY, space_after=5, left=14)
_L_HEAD = _style("learner_head", LEARNER_HEADING, bold=True, colour=ACCENT, space_before=14, space_after=6)
_L_TITLE = _style("learner_title", 24, bold=True, colour=ACCENT, space_after=6)
_F_BODY = _style("file_body", FILE_BODY, space_after=2)
_F_HEAD = _style("file_head", FILE_HEADING, bold=True, colour=ACCENT, space_before=10, space_after=4)
_F_CAPTION = _style("file_caption", 8.5, bold=True, colour=LABEL_INK)
_F_CELL = _style("file_cell", 9.5)
_F_DATES = _style("file_dates", 8.5)
_F_CELL_HEAD = _style("file_cell_head", 9, bold=True, colour=ACCENT)


def _p(text: str | None, style: ParagraphStyle) -> Paragraph:
    safe = escape(text or "").replace("\n", "<br/>")
    return Paragraph(safe, style)


def _d(day: date | None) -> str:
    return format_date(day) if day else ""


# --- the learner's copy --------------------------------------------------------------------------


def _plain_status(m: MilestoneLine) -> str:
    if m.status == "completed":
        return label("status_done_on", date=_d(m.completed)) if m.completed else label("status_done")
    if m.status == "attempted":
        return label("status_tried_on", date=_d(m.attempted)) if m.attempted else label("status_tried")
    if m.status == "not_completed":
        return label("status_not_finished")
    return label("status_plan_by", date=_d(m.planned)) if m.planned else label("status_to_do")


def learner_copy_story(d: PlanSummaryData) -> list:
    story: list = [Mark(PageContext(label("my_plan_running", name=d.learner_name),
                                    label("my_plan_footer", name=d.learner_name)))]
    story.append(_p(label("my_plan_title"), _L_TITLE))
    top = f"{d.learner_name}"
    if d.agency.name:
        top += f" · {d.agency.name}"
    story.append(_p(top, _L_BODY))
    if d.written_date:
        story.append(_p(label("my_plan_written", date=_d(d.written_date)), _L_BODY))

    story.append(_p(label("my_goal"), _L_HEAD))
    if d.goal_path:
        story.append(_p(label("my_path", path=d.goal_path), _L_BODY))
    story.append(_p(d.goal or label("my_goal_missing"), _L_BODY))

    story.append(_p(label("my_work"), _L_HEAD))
    if d.milestones:
        for m in d.milestones:
            story.append(_p(f"• {m.description} — {_plain_status(m)}", _L_ITEM))
    else:
        story.append(_p(label("my_tasks_missing"), _L_BODY))

    if d.culminating_task:
        story.append(_p(label("my_big_task"), _L_HEAD))
        done = " " + label("my_done_on", date=_d(d.culminating_task_completed_date)) \
            if d.culminating_task_completed_date else ""
        story.append(_p(d.culminating_task + "." * (not d.culminating_task.endswith(".")) + done, _L_BODY))

    if d.learning_activities:
        story.append(_p(label("my_how_learn"), _L_HEAD))
        story.append(_p(d.learning_activities, _L_BODY))

    how_long = []
    if d.planned_duration_weeks:
        how_long.append(label("my_about_weeks", weeks=d.planned_duration_weeks))
    if d.planned_hours:
        how_long.append(label("my_about_hours", hours=d.planned_hours))
    if how_long:
        story.append(_p(label("my_how_long"), _L_HEAD))
        story.append(_p(label("my_we_plan", duration=label("my_and").join(how_long)), _L_BODY))

    if d.supports_needed:
        story.append(_p(label("my_help"), _L_HEAD))
        story.append(_p(d.supports_needed, _L_BODY))

    outs = [r for r in d.referrals if r.direction == "out"]
    if outs:
        story.append(_p(label("my_other_places"), _L_HEAD))
        for r in outs:
            what = label("my_for_services", services=r.services) if r.services else ""
            story.append(_p(f"• {r.partner}{what} ({_d(r.day)})", _L_ITEM))

    if d.next_review_date and d.exit_date is None:
        story.append(_p(label("my_review"), _L_HEAD))
        story.append(_p(label("my_review_on", date=_d(d.next_review_date)), _L_BODY))
    story.append(Spacer(1, 16))
    story.append(_p(label("my_plan_yours"), _L_BODY))
    return story


# --- the file copy -----------------------------------------------------------------------------


def _table(rows: list[list], widths: list[float]) -> Table:
    style = TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), TINT),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("INNERGRID", (0, 1), (-1, -1), 0.35, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ])
    return Table(rows, colWidths=widths, repeatRows=1, style=style, hAlign="LEFT")


def _field_rows(pairs: list[tuple[str, str]]) -> Table:
    rows = [[_p(caption, _F_CAPTION), _p(value or "—", _F_BODY)] for caption, value in pairs]
    table = Table(rows, colWidths=[120, CONTENT_WIDTH - 120], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.35, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _timeline_image(png: bytes) -> Image | None:
    try:
        image = Image(io.BytesIO(png))
    except Exception:  # noqa: BLE001 - an unreadable picture never stops the summary
        return None
    ratio = image.imageHeight / image.imageWidth if image.imageWidth else 0.35
    image.drawWidth = CONTENT_WIDTH
    image.drawHeight = CONTENT_WIDTH * ratio
    image.hAlign = "LEFT"
    return image


def file_copy_story(d: PlanSummaryData) -> list:
    written = label("plan_number_written", number=d.plan_number, date=_d(d.written_date)) if d.plan_number \
        else label("plan_none_yet")
    title = TitleBlock(label("plan_title"), [
        (d.learner_name, BOLD, 11), (label("plan_learner_id", key=d.learner_key), FONT, 9.5), (written, FONT, 9.5),
    ])
    story: list = [
        Mark(PageContext(label("plan_running", name=d.learner_name, key=d.learner_key),
                         label("plan_footer", key=d.learner_key))),
        PageHeader(d.agency, title, 220),
        Spacer(1, 6),
    ]
    stage_text = d.stage or "—"
    if d.stages:
        stage_text += "   (" + " → ".join(f"{stage} {_d(day)}" for stage, day in d.stages) + ")"
    story.append(_field_rows([
        (label("plan_stage"), stage_text),
        (label("plan_goal_path"), d.goal_path),
        (label("plan_goal"), d.goal),
        (label("plan_background"), d.background),
        (label("plan_assessed_on"), _d(d.assessment_date)),
        (label("plan_assessment_results"), d.assessment_results),
    ]))
    if d.timeline_png:
        image = _timeline_image(d.timeline_png)
        if image is not None:
            story.append(KeepTogether([_p(label("plan_timeline"), _F_HEAD), image]))

    story.append(_p(label("plan_milestones"), _F_HEAD))
    if d.milestones:
        rows = [[_p(label(h), _F_CELL_HEAD) for h in ("plan_col_milestone", "plan_col_competency", "plan_col_level",
                                                        "plan_col_dates", "plan_col_status", "plan_col_outcome")]]
        for m in d.milestones:
            dates = "\n".join(f"{label(caption)} {_d(day)}" for caption, day in (
                ("plan_date_planned", m.planned), ("plan_date_tried", m.attempted), ("plan_date_done", m.completed))
                if day)
            rows.append([
                _p(m.description, _F_CELL), _p(f"{m.competency} {m.competency_label}", _F_CELL), _p(str(m.level), _F_CELL),
                _p(dates, _F_DATES), _p(m.status_label or code_label(MILESTONE_STATUSES, m.status), _F_CELL), _p(m.outcome or "", _F_CELL),
            ])
        story.append(_table(rows, [150, 100, 34, 92, 62, CONTENT_WIDTH - 438]))
    else:
        story.append(_p(label("plan_no_milestones"), _F_BODY))

    story.append(_p(label("plan_section_task"), _F_HEAD))
    duration = ", ".join(part for part in (
        label("plan_weeks", weeks=d.planned_duration_weeks) if d.planned_duration_weeks else "",
        label("plan_hours", hours=d.planned_hours) if d.planned_hours else "",
    ) if part)
    story.append(_field_rows([
        (label("plan_culminating_task"), d.culminating_task + (
            label("plan_task_completed", date=_d(d.culminating_task_completed_date))
            if d.culminating_task_completed_date else "")),
        (label("plan_learning_activities"), d.learning_activities),
        (label("plan_planned_duration"), duration),
        (label("plan_supports"), d.supports_needed),
        (label("plan_referral_results"), d.referral_results),
    ]))

    story.append(_p(label("plan_reviews"), _F_HEAD))
    review_lines = [f"{_d(day)} — {text}" if text else _d(day) for day, text in d.reviews]
    if d.next_review_date and d.exit_date is None:
        review_lines.append(label("plan_next_review", date=_d(d.next_review_date)))
    story.append(_p("\n".join(review_lines) or label("plan_no_review"), _F_BODY))

    story.append(_p(label("plan_referrals"), _F_HEAD))
    if d.referrals:
        rows = [[_p(label(h), _F_CELL_HEAD) for h in ("plan_col_date", "plan_col_in_out", "plan_col_partner",
                                                        "plan_col_services", "plan_col_formal", "plan_col_status")]]
        for r in d.referrals:
            rows.append([_p(_d(r.day), _F_CELL),
                         _p(label("referrals_in") if r.direction == "in" else label("referrals_out"), _F_CELL),
                         _p(r.partner, _F_CELL), _p(r.services, _F_CELL),
                         _p(label("yes") if r.formal else label("no"), _F_CELL), _p(r.status_label, _F_CELL)])
        story.append(_table(rows, [62, 40, 170, 130, 40, CONTENT_WIDTH - 442]))
    else:
        story.append(_p(label("plan_no_referrals"), _F_BODY))
    return story


def render_plan_summary(data: PlanSummaryData, *, copies: str = "both") -> bytes:
    """The summary as PDF bytes: ``copies`` "learner", "file" or "both" (the learner's copy first), in the
    agency's language (``data.agency.language``)."""
    if copies not in ("learner", "file", "both"):
        raise ValueError("copies must be 'learner', 'file' or 'both'")
    with printed_in(data.agency.language):
        story: list = []
        if copies in ("learner", "both"):
            story += learner_copy_story(data)
        if copies == "both":
            story.append(PageBreak())
        if copies in ("file", "both"):
            story += file_copy_story(data)
        return build_pdf(story, title=label("plan_document_title", name=data.learner_name),
                         printed_on=data.printed_on, author=data.agency.name)
