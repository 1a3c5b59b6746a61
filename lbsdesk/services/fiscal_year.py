"""The fiscal-year view's figures: month by month, the quarters rolled up, and the year; CSV and Excel.

Each month's figures are SPEC.md section 4's, counted by ``lbsdesk.domain.monthly_figures`` — the
same counting as the monthly report, the sheet and a closed month.  Only the reading is shared: the
rows of the whole year are fetched once and each month is counted from them (twelve separate
``monthly_figures`` calls cost about a second each on a 100,000-learner database).

Learners served are unique learners active in a period (on any of its days), found as the union of
the learners active in each of its months under the same rule (``is_active_in``), so a learner active
in April and May is served once in the quarter and once in the year.
"""

from __future__ import annotations

import csv
import gc
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.db.models import AgencyProfile
from lbsdesk.domain.calendar_rules import FiscalYear, Month, is_active_in
from lbsdesk.domain.monthly_figures import (
    TARGET_PERCENT,
    InquiryFacts,
    LearnerFacts,
    ReferralFacts,
    compute_monthly_figures,
)
from lbsdesk.services.monthly_report import read_counting_rows

#: The quarters of the fiscal year (April to March), for the quarterly report.
QUARTERS: tuple[tuple[str, str], ...] = (
    ("Q1", "Apr–Jun"), ("Q2", "Jul–Sep"), ("Q3", "Oct–Dec"), ("Q4", "Jan–Mar"),
)


@dataclass(frozen=True)
class PeriodFigures:
    """The fiscal-year figures of one month, one quarter or the whole year.

    Counts of a quarter or the year are the sums of their months; the service coordination figures
    are fiscal-year-to-date at the period's last counted month (as SPEC.md section 4 counts them at
    that month's end); learners served are unique learners over the period.  A future period (it
    starts after today) has every figure None.
    """

    kind: str  #: "month", "quarter" or "year"
    key: str  #: "2026-04", "Q1", "2026-2027"
    label: str  #: "April 2026", "Q1 Apr–Jun", "Fiscal year 2026-2027"
    first_month: Month
    last_month: Month
    future: bool  #: starts after today: nothing counted
    partial: bool  #: includes today or future months: figures so far
    #: service coordination, fiscal year to date at the period's last counted month
    coordination_percent: float | None = None
    target_percent: int = TARGET_PERCENT
    closed_plans_to_date: int | None = None
    closed_with_formal_referral: int | None = None
    referrals_needed: int | None = None
    #: counts in the period
    referrals_in_total: int | None = None
    referrals_in_formal: int | None = None
    referrals_out_total: int | None = None
    referrals_out_formal: int | None = None
    plans_closed: int | None = None  #: plans closed (learners exited) in the period
    new_learners: int | None = None  #: intakes in the period
    inquiries: int | None = None
    #: unique learners active on some day of the period
    learners_served: int | None = None
    #: unique learners active on some day from 1 April to the period's last counted month's end
    learners_served_to_date: int | None = None

    @property
    def meets_target(self) -> bool | None:
        if self.coordination_percent is None:
            return None
        return self.coordination_percent >= self.target_percent

    @property
    def status(self) -> str:
        """"future", "partial" or "complete"."""
        return "future" if self.future else "partial" if self.partial else "complete"


@dataclass(frozen=True)
class FiscalYearFigures:
    fiscal_year: FiscalYear
    agency_name: str
    today: date
    months: tuple[PeriodFigures, ...]  #: April … March
    quarters: tuple[PeriodFigures, ...]  #: Q1 … Q4
    year: PeriodFigures
    #: SPEC.md section 4's figures of each counted month (exactly ``monthly_figures``), for drilling down
    month_figures: dict[Month, dict] = field(default_factory=dict, compare=False, repr=False)

    @property
    def target_percent(self) -> int:
        return TARGET_PERCENT


def fiscal_year_figures(session: Session, fiscal_year: FiscalYear, *, today: date | None = None) -> FiscalYearFigures:
    """Month by month (April to March), the quarters and the year.  Months after today are future
    and left empty; the current month is counted to date."""
    today = today or date.today()
    with _no_garbage_collection_pauses():
        return _fiscal_year_figures(session, fiscal_year, today)


@contextmanager
def _no_garbage_collection_pauses() -> Iterator[None]:
    """Reading and counting a year builds a few hundred thousand small acyclic objects; Python's
    cycle collector would walk them again and again (measured: 30-45% of the time on the
    100,000-learner demo).  Reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _fiscal_year_figures(session: Session, fiscal_year: FiscalYear, today: date) -> FiscalYearFigures:
    session.flush()  # the rows are read with Core: count the caller's pending changes too
    counted = [month for month in fiscal_year.months if month.first_day <= today]
    figures_by_month: dict[Month, dict] = {}
    active_by_month: dict[Month, frozenset[str]] = {}
    if counted:
        facts = _year_facts(session, counted[0], counted[-1])
        for month in counted:
            learners = _may_count(facts, month)
            figures_by_month[month] = compute_monthly_figures(
                month,
                learners=learners,
                referrals=_referrals_that_may_count(facts, month),
                inquiries=facts.inquiries,
                follow_ups_done=facts.follow_ups_done,
            )
            active_by_month[month] = frozenset(
                l.learner_id for l in learners if is_active_in(month, l.intake_date, l.exit_date)
            )

    def period(kind: str, key: str, label: str, months: Sequence[Month]) -> PeriodFigures:
        done = [m for m in months if m in figures_by_month]
        future = not done
        partial = not future and (len(done) < len(months) or months[-1].last_day > today)
        base = dict(kind=kind, key=key, label=label, first_month=months[0], last_month=months[-1],
                    future=future, partial=partial)
        if future:
            return PeriodFigures(**base)
        last = figures_by_month[done[-1]]
        coordination = last["service_coordination"]

        def total(section: str, key: str) -> int:
            return sum(figures_by_month[m][section][key] for m in done)

        year_so_far = [m for m in fiscal_year.months if m <= done[-1]]
        return PeriodFigures(
            **base,
            coordination_percent=coordination["percent"],
            target_percent=coordination["target_percent"],
            closed_plans_to_date=coordination["closed_plans"],
            closed_with_formal_referral=coordination["closed_with_formal_referral"],
            referrals_needed=coordination["referrals_needed"],
            referrals_in_total=total("referrals_in", "total"),
            referrals_in_formal=total("referrals_in", "formal"),
            referrals_out_total=total("referrals_out", "total"),
            referrals_out_formal=total("referrals_out", "formal"),
            plans_closed=total("learners", "exited"),
            new_learners=total("learners", "new"),
            inquiries=total("inquiries", "total"),
            learners_served=len(_union(active_by_month[m] for m in done)),
            learners_served_to_date=len(_union(active_by_month[m] for m in year_so_far)),
        )

    months = tuple(period("month", str(m), f"{m.first_day:%B %Y}", [m]) for m in fiscal_year.months)
    quarters = tuple(
        period("quarter", name, f"{name} {span}", fiscal_year.months[3 * i:3 * i + 3])
        for i, (name, span) in enumerate(QUARTERS)
    )
    year = period("year", str(fiscal_year), f"Fiscal year {fiscal_year}", fiscal_year.months)
    return FiscalYearFigures(
        fiscal_year=fiscal_year, agency_name=_agency_name(session), today=today,
        months=months, quarters=quarters, year=year, month_figures=figures_by_month,
    )


# --- reading the year's rows once ------------------------------------------------------------------


@dataclass
class _YearFacts:
    learners: list[LearnerFacts]  #: by intake date
    referrals: list[ReferralFacts]
    inquiries: list[InquiryFacts]
    follow_ups_done: set[tuple[str, int]]

    def __post_init__(self) -> None:
        self.learners.sort(key=lambda l: l.intake_date)
        self.intake_dates = [l.intake_date for l in self.learners]
        self.formal = sorted((r for r in self.referrals if r.formal), key=lambda r: r.referral_date)
        self.formal_dates = [r.referral_date for r in self.formal]
        self.informal = sorted((r for r in self.referrals if not r.formal), key=lambda r: r.referral_date)
        self.informal_dates = [r.referral_date for r in self.informal]


def _referrals_that_may_count(facts: _YearFacts, month: Month) -> list[ReferralFacts]:
    """Formal referrals dated up to the month's end (closed plans, the gap list, CaMS) and informal
    ones dated in the month (the month's totals).  Only narrows: the counting filters for itself."""
    return [
        *facts.formal[: bisect_right(facts.formal_dates, month.last_day)],
        *facts.informal[bisect_left(facts.informal_dates, month.first_day): bisect_right(facts.informal_dates, month.last_day)],
    ]


def _may_count(facts: _YearFacts, month: Month) -> list[LearnerFacts]:
    """The learners ``monthly_figures`` reads for a month (active in it, closed in its fiscal year so
    far, or with a follow-up due in it).  Only narrows: the counting filters for itself."""
    oldest_exit_that_counts = month.plus(-12).first_day
    return [
        l for l in facts.learners[: bisect_right(facts.intake_dates, month.last_day)]
        if l.exit_date is None or l.exit_date >= oldest_exit_that_counts
    ]


def _year_facts(session: Session, first_month: Month, last_month: Month) -> _YearFacts:
    """Every row any month from ``first_month`` to ``last_month`` counts, read once."""
    rows = read_counting_rows(session, first_month, last_month)
    return _YearFacts(rows.learners, rows.referrals, rows.inquiries, rows.follow_ups_done)


def _union(sets: Iterable[frozenset[str]]) -> set[str]:
    result: set[str] = set()
    for items in sets:
        result |= items
    return result


def _agency_name(session: Session) -> str:
    return session.scalar(select(AgencyProfile.name).order_by(AgencyProfile.id).limit(1)) or ""


# --- exports ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportColumn:
    key: str  #: the CSV header and the PeriodFigures attribute
    title: str  #: the Excel header
    number_format: str  #: Excel number format
    width: float  #: Excel column width (characters)


#: The figure columns of both exports, in order, after the period columns.
EXPORT_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("coordination_percent", "Service coordination %", "0.0", 14),
    ExportColumn("target_percent", "Target %", "0", 9),
    ExportColumn("closed_plans_to_date", "Plans closed, year to date", "#,##0", 14),
    ExportColumn("closed_with_formal_referral", "Closed plans with a formal referral", "#,##0", 16),
    ExportColumn("referrals_needed", "Referrals still needed", "#,##0", 13),
    ExportColumn("referrals_in_total", "Referrals in", "#,##0", 10),
    ExportColumn("referrals_in_formal", "Referrals in, formal", "#,##0", 11),
    ExportColumn("referrals_out_total", "Referrals out", "#,##0", 10),
    ExportColumn("referrals_out_formal", "Referrals out, formal", "#,##0", 11),
    ExportColumn("learners_served", "Learners served", "#,##0", 11),
    ExportColumn("learners_served_to_date", "Learners served, year to date", "#,##0", 14),
    ExportColumn("plans_closed", "Plans closed in the period", "#,##0", 12),
    ExportColumn("new_learners", "New learners", "#,##0", 10),
    ExportColumn("inquiries", "Inquiries", "#,##0", 10),
)

#: The CSV's header: the period columns, then the figures.
CSV_HEADER: tuple[str, ...] = ("period_kind", "period", "first_month", "last_month", "status",
                               *(column.key for column in EXPORT_COLUMNS))


def export_rows(figures: FiscalYearFigures) -> list[PeriodFigures]:
    """Every row of the exports: the months, the quarters, then the year."""
    return [*figures.months, *figures.quarters, figures.year]


def export_fiscal_year_csv(figures: FiscalYearFigures, path: str | Path) -> Path:
    """One row per month, quarter and the year (``CSV_HEADER``); a future period's figures are empty.
    UTF-8 with a byte-order mark so Excel opens it with the accents right."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        for row in export_rows(figures):
            writer.writerow([
                row.kind, row.key, str(row.first_month), str(row.last_month), row.status,
                *("" if row.future else _csv_value(getattr(row, column.key)) for column in EXPORT_COLUMNS),
            ])
    return path


def export_fiscal_year_xlsx(figures: FiscalYearFigures, path: str | Path) -> Path:
    """An Excel workbook: a "Months" sheet and a "Quarters" sheet (the quarters and the year), each
    with a title row (agency and fiscal year), a frozen header row, number formats and widths."""
    from openpyxl import Workbook  # loaded only to export
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(path)
    workbook = Workbook()
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE5F0")
    period_columns = (("Month", 16), ("Status", 10))

    def fill(sheet, title: str, first_title: str, rows: Sequence[PeriodFigures]) -> None:
        sheet.title = title
        agency = figures.agency_name or "LBS agency"
        sheet.append([f"{agency} — fiscal year {figures.fiscal_year} — {title.lower()}"])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([f"Service coordination target {figures.target_percent}%; counted on {figures.today.isoformat()}"])
        sheet["A2"].font = Font(italic=True, color="555555")
        headers = [first_title, period_columns[1][0], *(column.title for column in EXPORT_COLUMNS)]
        sheet.append(headers)
        header_row = sheet.max_row
        for index, _ in enumerate(headers, start=1):
            cell = sheet.cell(row=header_row, column=index)
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[header_row].height = 32
        for row in rows:
            sheet.append([
                row.label, STATUS_WORDS[row.status],
                *(None if row.future else getattr(row, column.key) for column in EXPORT_COLUMNS),
            ])
            if row.meets_target is False:  # below the ministry's target: the number a consultant looks at
                sheet.cell(row=sheet.max_row, column=3).font = Font(bold=True, color="B00020")
            if row.kind == "year":
                for cell in sheet[sheet.max_row]:
                    cell.font = header_font
            for index, column in enumerate(EXPORT_COLUMNS, start=3):
                sheet.cell(row=sheet.max_row, column=index).number_format = column.number_format
        sheet.column_dimensions["A"].width = max(period_columns[0][1], *(len(r.label) + 2 for r in rows))
        sheet.column_dimensions["B"].width = period_columns[1][1]
        for index, column in enumerate(EXPORT_COLUMNS, start=3):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)

    fill(workbook.active, "Months", "Month", figures.months)
    fill(workbook.create_sheet(), "Quarters", "Quarter", [*figures.quarters, figures.year])
    workbook.properties.title = f"Fiscal year {figures.fiscal_year}"
    workbook.properties.creator = figures.agency_name or "LBS Desk"
    workbook.save(path)
    return path


#: How each period's status reads in the workbook (the CSV keeps the codes).
STATUS_WORDS = {"complete": "Complete", "partial": "So far", "future": "Not yet"}

#: Where the header row is in each Excel sheet (row 1 is the title, row 2 the target note).
XLSX_HEADER_ROW = 3


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
