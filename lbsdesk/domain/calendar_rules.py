"""SPEC.md section 3: months, fiscal years, who is active on a day, when follow-ups fall due."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cached_property
from datetime import date, timedelta

from lbsdesk.domain.codes import FOLLOW_UP_MONTHS

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, written ``YYYY-MM``."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> "Month":
        match = _MONTH_RE.match(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not a month: write it as YYYY-MM, e.g. 2026-09")
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12 or year < 1900:
            raise ValueError(f"'{text}' is not a month: write it as YYYY-MM, e.g. 2026-09")
        return cls(year, month)

    @classmethod
    def of(cls, day: date) -> "Month":
        return cls(day.year, day.month)

    @cached_property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @cached_property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def contains(self, day: date | None) -> bool:
        return day is not None and day.year == self.year and day.month == self.month

    def plus(self, months: int) -> "Month":
        index = self.year * 12 + (self.month - 1) + months
        return Month(index // 12, index % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, order=True)
class FiscalYear:
    """The fiscal year 1 April to 31 March, written ``2026-2027``."""

    start_year: int

    @classmethod
    def of(cls, day: date) -> "FiscalYear":
        return cls(day.year if day.month >= 4 else day.year - 1)

    @classmethod
    def parse(cls, text: str) -> "FiscalYear":
        match = re.match(r"^(\d{4})-(\d{4})$", text.strip())
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            raise ValueError(f"'{text}' is not a fiscal year: write it as 2026-2027")
        return cls(int(match.group(1)))

    @cached_property
    def first_day(self) -> date:
        return date(self.start_year, 4, 1)

    @cached_property
    def last_day(self) -> date:
        return date(self.start_year + 1, 3, 31)

    @property
    def months(self) -> list[Month]:
        return [Month(self.start_year, 4).plus(i) for i in range(12)]

    def contains(self, day: date | None) -> bool:
        return day is not None and self.first_day <= day <= self.last_day

    def __str__(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later, or that month's last day when it has no such day.

    31 August + 3 months = 30 November.
    """
    target = Month.of(day).plus(months)
    return date(target.year, target.month, min(day.day, target.last_day.day))


def follow_up_due_dates(exit_date: date) -> dict[int, date]:
    """The 3-, 6- and 12-month follow-up dates after an exit."""
    return {months: add_months(exit_date, months) for months in FOLLOW_UP_MONTHS}


def is_active_on(day: date, intake_date: date | None, exit_date: date | None) -> bool:
    """Active on a day: intake on or before it, and no exit or an exit on or after it."""
    if intake_date is None or intake_date > day:
        return False
    return exit_date is None or exit_date >= day


def is_active_in(month: Month, intake_date: date | None, exit_date: date | None) -> bool:
    """Active on any day of the month: intake ≤ last day and (no exit or exit ≥ first day)."""
    if intake_date is None or intake_date > month.last_day:
        return False
    return exit_date is None or exit_date >= month.first_day


def age_on(day: date, date_of_birth: date) -> int:
    """Whole years of age on a day."""
    years = day.year - date_of_birth.year
    if (day.month, day.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


def earliest_exit_with_follow_up_in(month: Month) -> date:
    """No exit before this date can have a follow-up falling due in ``month`` (for narrowing queries)."""
    return month.plus(-max(FOLLOW_UP_MONTHS)).first_day - timedelta(days=1)
