"""The due rules, with their edges: 35 days vs 36, a follow-up due today, an exit on the 31st."""

from datetime import date, timedelta

import pytest

from lbsdesk.domain.due_rules import (
    check_in_is_overdue,
    check_in_next_due,
    check_in_overdue_cutoff,
    consent_is_expiring,
    follow_up_states,
    follow_up_status,
    lacks_formal_referral,
    plan_review_is_due,
    plan_review_is_overdue,
)

TODAY = date(2026, 9, 15)
INTAKE = date(2026, 1, 5)


def test_a_check_in_exactly_35_days_ago_is_not_overdue_but_36_days_is():
    assert not check_in_is_overdue(TODAY - timedelta(days=35), INTAKE, None, TODAY)
    assert check_in_is_overdue(TODAY - timedelta(days=36), INTAKE, None, TODAY)
    assert check_in_next_due(TODAY - timedelta(days=35), INTAKE) == TODAY


def test_without_a_check_in_the_days_count_from_intake():
    assert not check_in_is_overdue(None, TODAY - timedelta(days=35), None, TODAY)
    assert check_in_is_overdue(None, TODAY - timedelta(days=36), None, TODAY)


def test_check_ins_are_only_watched_for_active_learners_and_the_agency_can_change_the_days():
    assert not check_in_is_overdue(None, INTAKE, TODAY - timedelta(days=1), TODAY)  # exited
    assert not check_in_is_overdue(None, TODAY + timedelta(days=1), None, TODAY)  # not yet registered
    assert check_in_is_overdue(TODAY - timedelta(days=21), INTAKE, None, TODAY, overdue_days=20)


@pytest.mark.parametrize("days_ago", range(30, 40))
def test_the_cutoff_says_the_same_as_the_rule(days_ago):
    last = TODAY - timedelta(days=days_ago)
    assert (last < check_in_overdue_cutoff(TODAY)) == check_in_is_overdue(last, INTAKE, None, TODAY)


def test_a_plan_review_due_today_is_due_but_not_overdue():
    assert plan_review_is_due(TODAY, TODAY) and not plan_review_is_overdue(TODAY, TODAY)
    assert plan_review_is_overdue(TODAY - timedelta(days=1), TODAY)
    assert not plan_review_is_due(TODAY + timedelta(days=1), TODAY)
    assert not plan_review_is_due(None, TODAY)


def test_a_consent_expiring_today_or_in_30_days_is_expiring_31_days_or_withdrawn_is_not():
    assert consent_is_expiring(TODAY, None, TODAY)
    assert consent_is_expiring(TODAY + timedelta(days=30), None, TODAY)
    assert not consent_is_expiring(TODAY + timedelta(days=31), None, TODAY)
    assert not consent_is_expiring(TODAY - timedelta(days=1), None, TODAY)  # already expired
    assert not consent_is_expiring(TODAY + timedelta(days=3), TODAY - timedelta(days=5), TODAY)
    assert not consent_is_expiring(None, None, TODAY)


def test_a_follow_up_due_today_is_due_not_overdue():
    assert follow_up_status(TODAY, TODAY) == "due"
    assert follow_up_status(TODAY - timedelta(days=1), TODAY) == "overdue"
    assert follow_up_status(TODAY + timedelta(days=1), TODAY) == "upcoming"
    assert follow_up_status(TODAY - timedelta(days=40), TODAY, done_date=TODAY) == "done"
    assert follow_up_status(TODAY - timedelta(days=40), TODAY, done_date=TODAY, unable_to_contact=True) == "unable"


def test_an_exit_on_the_31st_has_follow_ups_on_the_months_last_days():
    states = follow_up_states(date(2026, 8, 31), today=date(2026, 11, 30))
    assert [(s.months, s.due_date, s.status) for s in states] == [
        (3, date(2026, 11, 30), "due"),
        (6, date(2027, 2, 28), "upcoming"),
        (12, date(2027, 8, 31), "upcoming"),
    ]
    states = follow_up_states(date(2027, 8, 31), today=date(2028, 3, 1))  # 2028 is a leap year
    assert states[1].due_date == date(2028, 2, 29) and states[1].overdue


def test_recorded_follow_ups_are_done_or_unable():
    states = follow_up_states(date(2025, 5, 15), TODAY, {3: (date(2025, 8, 20), False), 6: (date(2025, 11, 20), True)})
    assert [(s.months, s.status, s.needs_doing) for s in states] == [
        (3, "done", False), (6, "unable", False), (12, "overdue", True),
    ]


def test_no_formal_referral_means_active_today_and_none_dated_on_or_before_today():
    assert lacks_formal_referral(INTAKE, None, [], TODAY)
    assert lacks_formal_referral(INTAKE, None, [TODAY + timedelta(days=1)], TODAY)
    assert not lacks_formal_referral(INTAKE, None, [TODAY], TODAY)
    assert not lacks_formal_referral(INTAKE, TODAY - timedelta(days=1), [], TODAY)
