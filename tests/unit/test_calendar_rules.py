"""SPEC.md section 3: months, fiscal years, active learners, follow-up dates."""

from datetime import date

import pytest

from lbsdesk.domain.calendar_rules import (
    FiscalYear,
    Month,
    add_months,
    age_on,
    follow_up_due_dates,
    is_active_in,
    is_active_on,
)


def test_month_parse_and_bounds():
    month = Month.parse("2024-02")
    assert (month.first_day, month.last_day) == (date(2024, 2, 1), date(2024, 2, 29))
    assert str(month) == "2024-02"
    assert Month.parse("2026-12").plus(1) == Month(2027, 1)
    assert Month.parse("2026-01").plus(-1) == Month(2025, 12)


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "26-01", "2026/01", "", "2026-1", "abcd-ef"])
def test_month_parse_refuses_what_is_not_a_month(text):
    with pytest.raises(ValueError, match="YYYY-MM"):
        Month.parse(text)


def test_fiscal_year_runs_april_to_march():
    assert str(FiscalYear.of(date(2027, 3, 31))) == "2026-2027"
    assert str(FiscalYear.of(date(2027, 4, 1))) == "2027-2028"
    assert str(FiscalYear.of(date(2026, 4, 1))) == "2026-2027"
    assert FiscalYear.parse("2026-2027").months[0] == Month(2026, 4)
    assert FiscalYear.parse("2026-2027").months[-1] == Month(2027, 3)
    with pytest.raises(ValueError):
        FiscalYear.parse("2026-2028")


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (date(2026, 8, 31), 3, date(2026, 11, 30)),  # the spec's own example
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),  # leap year
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 3, 31), 6, date(2026, 9, 30)),
        (date(2026, 3, 31), 12, date(2027, 3, 31)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 10, 15), 3, date(2027, 1, 15)),
    ],
)
def test_add_months_clamps_to_the_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_follow_up_dates_after_an_exit_on_the_31st():
    assert follow_up_due_dates(date(2026, 5, 31)) == {
        3: date(2026, 8, 31),
        6: date(2026, 11, 30),
        12: date(2027, 5, 31),
    }


def test_active_on_a_day_includes_intake_and_exit_days():
    assert is_active_on(date(2026, 9, 1), date(2026, 9, 1), None)
    assert is_active_on(date(2026, 9, 30), date(2026, 1, 1), date(2026, 9, 30))
    assert not is_active_on(date(2026, 10, 1), date(2026, 1, 1), date(2026, 9, 30))
    assert not is_active_on(date(2026, 8, 31), date(2026, 9, 1), None)


def test_active_in_a_month():
    september = Month(2026, 9)
    assert is_active_in(september, date(2026, 9, 30), None)  # intake on the month's last day
    assert is_active_in(september, date(2026, 1, 1), date(2026, 9, 1))  # exit on its first day
    assert not is_active_in(september, date(2026, 1, 1), date(2026, 8, 31))
    assert not is_active_in(september, date(2026, 10, 1), None)


def test_age_on_a_day():
    assert age_on(date(2026, 5, 31), date(2000, 6, 1)) == 25
    assert age_on(date(2026, 6, 1), date(2000, 6, 1)) == 26
