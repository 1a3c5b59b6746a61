"""Deriving the ministry's suitability indicators from what registration recorded.

The indicator list itself is data (``SuitabilityIndicator`` rows, seeded from
``codes.DEFAULT_SUITABILITY_INDICATORS``); each row names a *rule*, and this module says how each rule
is worked out from a learner's facts.  ``None`` means "cannot tell from what was recorded": the person
then sets the indicator by hand.  Pure functions: no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from lbsdesk.domain.calendar_rules import age_on
from lbsdesk.domain.codes import EDUCATION_BELOW_GRADE_12, EDUCATION_LEVELS

#: More than this many years since school or training ends in an indicator.
YEARS_OUT_THRESHOLD = 6

#: Sources of income that count as "Ontario Works or ODSP recipient" (dependants included).
OW_ODSP_INCOME = frozenset({"ontario_works", "odsp", "dependent"})

#: The learner fields the rules read.
FACT_FIELDS = (
    "date_of_birth",
    "intake_date",
    "education_level",
    "last_school_year",
    "last_training_year",
    "interrupted_education",
    "income_source",
    "crown_ward",
    "disability",
    "indigenous",
    "deaf",
    "deaf_blind",
    "francophone",
)


def facts_of(obj: object) -> dict[str, Any]:
    """The facts the rules need, read from any object with the learner's attribute names."""
    return {name: getattr(obj, name, None) for name in FACT_FIELDS}


def reference_day(facts: Mapping[str, Any], today: date) -> date:
    """Suitability describes the learner at registration: the intake date, else today."""
    intake = facts.get("intake_date")
    return intake if isinstance(intake, date) else today


def _education_below_12(facts: Mapping[str, Any], today: date) -> bool | None:
    level = facts.get("education_level")
    if not level or level == "other" or level not in EDUCATION_LEVELS:
        return None  # not recorded, or schooling outside Canada: the person decides
    return level in EDUCATION_BELOW_GRADE_12


def _income_in(codes: frozenset[str]) -> Callable[[Mapping[str, Any], date], bool | None]:
    def rule(facts: Mapping[str, Any], today: date) -> bool | None:
        income = facts.get("income_source")
        return None if not income else income in codes

    return rule


def _crown_ward(facts: Mapping[str, Any], today: date) -> bool | None:
    if facts.get("income_source") == "crown_ward":
        return True
    value = facts.get("crown_ward")
    return None if value is None else bool(value)


def _years_out(field: str) -> Callable[[Mapping[str, Any], date], bool | None]:
    def rule(facts: Mapping[str, Any], today: date) -> bool | None:
        year = facts.get(field)
        if year is None:
            return None
        return reference_day(facts, today).year - int(year) > YEARS_OUT_THRESHOLD

    return rule


def _age_45_64(facts: Mapping[str, Any], today: date) -> bool | None:
    born = facts.get("date_of_birth")
    if not isinstance(born, date):
        return None
    return 45 <= age_on(reference_day(facts, today), born) <= 64


def _flag(field: str) -> Callable[[Mapping[str, Any], date], bool | None]:
    def rule(facts: Mapping[str, Any], today: date) -> bool | None:
        value = facts.get(field)
        return None if value is None else bool(value)

    return rule


RULES: dict[str, Callable[[Mapping[str, Any], date], bool | None]] = {
    "education_below_12": _education_below_12,
    "income_ow_odsp": _income_in(OW_ODSP_INCOME),
    "income_none": _income_in(frozenset({"none"})),
    "crown_ward": _crown_ward,
    "years_out_of_education": _years_out("last_school_year"),
    "years_out_of_training": _years_out("last_training_year"),
    "age_45_64": _age_45_64,
    "interrupted_education": _flag("interrupted_education"),
    "disability": _flag("disability"),
    "indigenous": _flag("indigenous"),
    "deaf": _flag("deaf"),
    "deaf_blind": _flag("deaf_blind"),
    "francophone": _flag("francophone"),
}


def derive_indicator(rule: str | None, facts: Mapping[str, Any], today: date) -> bool | None:
    """The indicator's value by ``rule`` from ``facts``; None when the rule is unknown or the facts
    needed are missing (an indicator the agency added without a rule is always set by hand)."""
    if not rule or rule not in RULES:
        return None
    return RULES[rule](facts, today)
