"""The fiscal-year view's figures: the monthly figures month by month, quarters rolled up, exports."""

import csv
import random
from datetime import date, timedelta

import openpyxl
import pytest

from lbsdesk.db.models import AgencyProfile, FollowUp, Inquiry, Learner, Partner, Referral
from lbsdesk.domain.calendar_rules import FiscalYear, Month
from lbsdesk.services.fiscal_year import (
    CSV_HEADER,
    STATUS_WORDS,
    EXPORT_COLUMNS,
    XLSX_HEADER_ROW,
    export_fiscal_year_csv,
    export_fiscal_year_xlsx,
    fiscal_year_figures,
)
from lbsdesk.services.monthly_report import monthly_figures

LAST_YEAR = FiscalYear(2025)  # April 2025 to March 2026
THIS_YEAR = FiscalYear(2026)
TODAY = date(2026, 8, 15)


@pytest.fixture
def agency(session):
    """About 150 learners over two and a half years, with referrals formal and not, and inquiries."""
    rng = random.Random(7)
    profile = session.get(AgencyProfile, 1) or AgencyProfile(id=1)
    profile.name = "Grey-Bruce Learning Centre"
    session.add(profile)
    partners = [Partner(partner_key=f"P{i}", name=f"Partner {i}", org_type=org)
                for i, org in enumerate(["ontario_works", "odsp", "housing", "employment_services"])]
    session.add_all(partners)
    session.flush()
    start = date(2024, 6, 1)
    for i in range(150):
        intake = start + timedelta(days=rng.randrange(0, 780))
        exit_date = intake + timedelta(days=rng.randrange(0, 300)) if rng.random() < 0.6 else None
        person = Learner(learner_key=f"L{i:05d}", first_name="A", last_name="B", intake_date=intake,
                         exit_date=exit_date, goal_path=rng.choice([None, "employment", "postsecondary"]))
        session.add(person)
        session.flush()
        for j in range(rng.randrange(0, 4)):
            day = intake + timedelta(days=rng.randrange(-15, 250))
            informal = rng.random() < 0.3
            session.add(Referral(
                referral_key=f"R{i:05d}-{j}", learner_id=person.id,
                direction="in" if informal or rng.random() < 0.5 else "out", referral_date=day,
                partner_id=None if informal else rng.choice(partners).id,
                source="word_of_mouth" if informal else None, formal=(not informal) and rng.random() < 0.8,
                cams_entered_date=day + timedelta(days=rng.randrange(0, 40)) if rng.random() < 0.7 else None,
            ))
        if exit_date and rng.random() < 0.4:
            session.add(FollowUp(learner_id=person.id, months=rng.choice([3, 6, 12]), done_date=exit_date))
    for k in range(200):
        session.add(Inquiry(inquiry_key=f"Q{k}", inquiry_date=start + timedelta(days=rng.randrange(0, 800)),
                            channel=rng.choice(["phone", "walk_in"]), source=rng.choice([None, "odsp"])))
    session.flush()


def _served_by_brute_force(session, first: date, last: date) -> int:
    """Unique learners active on some day between first and last, straight from every learner row."""
    return sum(
        1 for l in session.query(Learner)
        if l.merged_into_id is None and l.intake_date <= last and (l.exit_date is None or l.exit_date >= first)
    )


def test_each_month_is_exactly_the_monthly_figures(session, agency):
    year = fiscal_year_figures(session, LAST_YEAR, today=TODAY)
    assert [row.key for row in year.months] == [str(m) for m in LAST_YEAR.months]
    for row in year.months:
        expected = monthly_figures(session, row.first_month)
        assert year.month_figures[row.first_month] == expected
        coordination = expected["service_coordination"]
        assert not row.future and not row.partial
        assert row.coordination_percent == coordination["percent"]
        assert row.closed_plans_to_date == coordination["closed_plans"]
        assert row.closed_with_formal_referral == coordination["closed_with_formal_referral"]
        assert row.referrals_needed == coordination["referrals_needed"]
        assert (row.referrals_in_total, row.referrals_in_formal) == (
            expected["referrals_in"]["total"], expected["referrals_in"]["formal"])
        assert (row.referrals_out_total, row.referrals_out_formal) == (
            expected["referrals_out"]["total"], expected["referrals_out"]["formal"])
        assert row.learners_served == expected["learners"]["active"]
        assert row.plans_closed == expected["learners"]["exited"]
        assert row.target_percent == 50
    assert sum(row.referrals_out_formal for row in year.months) > 0, "the test data has referrals"


def test_quarters_roll_up_and_learners_are_not_counted_twice(session, agency):
    year = fiscal_year_figures(session, LAST_YEAR, today=TODAY)
    assert [q.label for q in year.quarters] == ["Q1 Apr–Jun", "Q2 Jul–Sep", "Q3 Oct–Dec", "Q4 Jan–Mar"]
    for index, quarter in enumerate(year.quarters):
        months = year.months[3 * index: 3 * index + 3]
        for field in ("referrals_in_total", "referrals_in_formal", "referrals_out_total", "referrals_out_formal",
                      "plans_closed", "new_learners", "inquiries"):
            assert getattr(quarter, field) == sum(getattr(m, field) for m in months), field
        assert quarter.coordination_percent == months[-1].coordination_percent
        assert quarter.closed_plans_to_date == months[-1].closed_plans_to_date
        served = _served_by_brute_force(session, months[0].first_month.first_day, months[-1].last_month.last_day)
        assert quarter.learners_served == served
        assert quarter.learners_served < sum(m.learners_served for m in months), "a learner active all quarter counts once"
        assert quarter.learners_served_to_date == months[-1].learners_served_to_date
    for row in year.months:
        assert row.learners_served_to_date == _served_by_brute_force(
            session, LAST_YEAR.first_day, row.last_month.last_day)
    assert year.year.learners_served == _served_by_brute_force(session, LAST_YEAR.first_day, LAST_YEAR.last_day)
    assert year.year.coordination_percent == year.months[-1].coordination_percent
    assert year.year.referrals_out_formal == sum(q.referrals_out_formal for q in year.quarters)


def test_months_after_today_are_future_and_empty(session, agency):
    year = fiscal_year_figures(session, THIS_YEAR, today=TODAY)
    status = {row.key: row.status for row in year.months}
    assert [status[f"2026-{m:02d}"] for m in (4, 7, 8, 9, 12)] == ["complete", "complete", "partial", "future", "future"]
    september = year.months[5]
    assert september.future and september.coordination_percent is None and september.learners_served is None
    assert set(year.month_figures) == {Month(2026, m) for m in range(4, 9)}
    assert [q.status for q in year.quarters] == ["complete", "partial", "future", "future"]
    q2 = year.quarters[1]
    assert q2.coordination_percent == year.months[4].coordination_percent, "the quarter so far: August's"
    assert q2.referrals_in_total == year.months[3].referrals_in_total + year.months[4].referrals_in_total
    assert year.year.partial and year.year.learners_served == year.months[4].learners_served_to_date
    assert fiscal_year_figures(session, FiscalYear(2027), today=TODAY).year.future


def test_the_excel_workbook_holds_the_same_figures_as_the_csv(session, agency, tmp_path):
    year = fiscal_year_figures(session, THIS_YEAR, today=TODAY)
    csv_path = export_fiscal_year_csv(year, tmp_path / "year.csv")
    xlsx_path = export_fiscal_year_xlsx(year, tmp_path / "year.xlsx")

    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_HEADER
    by_period = {row[1]: row for row in rows[1:]}
    assert list(by_period) == [*(str(m) for m in THIS_YEAR.months), "Q1", "Q2", "Q3", "Q4", "2026-2027"]
    assert by_period["2026-09"][5:] == [""] * len(EXPORT_COLUMNS), "a future month is left empty"
    assert by_period["2026-04"][5] == f"{year.months[0].coordination_percent:.1f}"

    workbook = openpyxl.load_workbook(xlsx_path)
    assert workbook.sheetnames == ["Months", "Quarters"]
    months, quarters = workbook["Months"], workbook["Quarters"]
    assert "Grey-Bruce Learning Centre" in months["A1"].value and "2026-2027" in months["A1"].value
    assert months.freeze_panes == f"B{XLSX_HEADER_ROW + 1}"
    assert [c.value for c in months[XLSX_HEADER_ROW]][2:] == [column.title for column in EXPORT_COLUMNS]

    def sheet_values(sheet) -> list[list]:
        return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=XLSX_HEADER_ROW + 1)]

    xlsx_rows = sheet_values(months) + sheet_values(quarters)
    csv_rows = rows[1:]
    assert len(xlsx_rows) == len(csv_rows) == 17
    for csv_row, xlsx_row in zip(csv_rows, xlsx_rows):
        assert xlsx_row[1] == STATUS_WORDS[csv_row[4]]
        for text, value in zip(csv_row[5:], xlsx_row[2:]):
            if text == "":
                assert value is None
            else:
                assert float(text) == pytest.approx(value)
    assert xlsx_rows[0][0] == "April 2026" and xlsx_rows[12][0] == "Q1 Apr–Jun"
    assert xlsx_rows[-1][0] == "Fiscal year 2026-2027"

    percent_cell = months.cell(row=XLSX_HEADER_ROW + 1, column=3)
    assert percent_cell.number_format == "0.0"
    assert months.column_dimensions["C"].width == EXPORT_COLUMNS[0].width


def test_an_empty_database_gives_a_year_of_zeros(session, tmp_path):
    year = fiscal_year_figures(session, LAST_YEAR, today=TODAY)
    assert year.year.learners_served == 0 and year.year.coordination_percent == 0.0
    assert year.year.referrals_needed == 0
    export_fiscal_year_xlsx(year, tmp_path / "empty.xlsx")
    assert "LBS agency" in openpyxl.load_workbook(tmp_path / "empty.xlsx")["Months"]["A1"].value
