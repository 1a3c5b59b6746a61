"""Suitability indicators derived from registration (lbsdesk.domain.suitability)."""

from datetime import date

from lbsdesk.domain.codes import DEFAULT_SUITABILITY_INDICATORS
from lbsdesk.domain.suitability import derive_indicator

TODAY = date(2026, 11, 20)


def test_every_default_rule_is_known_and_unknown_facts_give_none():
    for _code, _label, rule in DEFAULT_SUITABILITY_INDICATORS:
        assert derive_indicator(rule, {}, TODAY) is None, rule


def test_education_and_income():
    assert derive_indicator("education_below_12", {"education_level": "grade_10"}, TODAY) is True
    assert derive_indicator("education_below_12", {"education_level": "secondary_diploma"}, TODAY) is False
    assert derive_indicator("education_below_12", {"education_level": "other"}, TODAY) is None
    assert derive_indicator("income_ow_odsp", {"income_source": "odsp"}, TODAY) is True
    assert derive_indicator("income_ow_odsp", {"income_source": "employed"}, TODAY) is False
    assert derive_indicator("income_none", {"income_source": "none"}, TODAY) is True
    assert derive_indicator("crown_ward", {"income_source": "crown_ward"}, TODAY) is True
    assert derive_indicator("crown_ward", {"crown_ward": False}, TODAY) is False


def test_years_out_and_age_are_taken_at_intake():
    facts = {"intake_date": date(2020, 1, 10), "last_school_year": 2013, "date_of_birth": date(1975, 6, 1)}
    assert derive_indicator("years_out_of_education", facts, TODAY) is True  # 7 years at intake
    assert derive_indicator("years_out_of_education", {**facts, "last_school_year": 2014}, TODAY) is False
    assert derive_indicator("age_45_64", facts, TODAY) is False  # 44 at intake, 51 today
    assert derive_indicator("age_45_64", {**facts, "intake_date": None}, TODAY) is True


def test_flags_and_rules_without_derivation():
    assert derive_indicator("francophone", {"francophone": True}, TODAY) is True
    assert derive_indicator("deaf", {"deaf": False}, TODAY) is False
    assert derive_indicator(None, {"deaf": True}, TODAY) is None
    assert derive_indicator("made_up_rule", {"deaf": True}, TODAY) is None
