"""SPEC.md section 4, counted exactly: every edge the core issue names."""

from datetime import date

import pytest

from lbsdesk.domain.calendar_rules import Month
from lbsdesk.domain.monthly_figures import (
    InquiryFacts,
    LearnerFacts,
    ReferralFacts,
    compute_monthly_figures,
    figures_as_rows,
    percent_of,
    referrals_needed,
)

SEPT = Month(2026, 9)


def learner(key, intake, exit_date=None, goal_path="employment"):
    return LearnerFacts(key, intake, exit_date, goal_path)


def referral(key, learner_key, day, *, direction="in", formal=True, type_code="ontario_works", cams=None):
    return ReferralFacts(key, learner_key, direction, day, formal, type_code, cams)


def figures(month=SEPT, learners=(), referrals=(), inquiries=(), done=frozenset()):
    return compute_monthly_figures(
        month, learners=learners, referrals=referrals, inquiries=inquiries, follow_ups_done=done
    )


def test_a_month_with_no_data():
    result = figures()
    assert result == {
        "month": "2026-09",
        "fiscal_year": "2026-2027",
        "inquiries": {"total": 0, "by_channel": {}, "by_source": {}, "enrolled": 0},
        "learners": {"active": 0, "new": 0, "exited": 0, "by_goal_path": {}},
        "referrals_in": {"total": 0, "formal": 0, "by_type": {}},
        "referrals_out": {"total": 0, "formal": 0, "by_type": {}},
        "service_coordination": {
            "closed_plans": 0,
            "closed_with_formal_referral": 0,
            "formal_referrals_on_closed": 0,
            "percent": 0.0,
            "target_percent": 50,
            "referrals_needed": 0,
        },
        "gaps": [],
        "not_in_cams": [],
        "follow_ups_due": [],
    }


def test_intake_on_the_last_day_is_active_new_and_a_gap():
    result = figures(learners=[learner("L1", date(2026, 9, 30))])
    assert result["learners"]["active"] == 1
    assert result["learners"]["new"] == 1
    assert result["gaps"] == ["L1"]


def test_intake_the_day_after_the_month_does_not_count():
    result = figures(learners=[learner("L1", date(2026, 10, 1))])
    assert result["learners"] == {"active": 0, "new": 0, "exited": 0, "by_goal_path": {}}
    assert result["gaps"] == []


def test_exit_on_the_first_day_is_active_and_exited_but_not_a_gap():
    result = figures(learners=[learner("L1", date(2026, 3, 2), date(2026, 9, 1))])
    assert result["learners"]["active"] == 1
    assert result["learners"]["exited"] == 1
    # not active on the month's last day, so not on the gap list
    assert result["gaps"] == []
    assert result["service_coordination"]["closed_plans"] == 1


def test_exit_the_day_before_the_month_is_not_active():
    result = figures(learners=[learner("L1", date(2026, 3, 2), date(2026, 8, 31))])
    assert result["learners"]["active"] == 0
    assert result["learners"]["exited"] == 0


def test_exit_on_31_march_belongs_to_the_fiscal_year_that_ends():
    leaver = learner("L1", date(2026, 6, 1), date(2027, 3, 31))
    march = figures(month=Month(2027, 3), learners=[leaver])
    april = figures(month=Month(2027, 4), learners=[leaver])
    assert march["fiscal_year"] == "2026-2027"
    assert march["service_coordination"]["closed_plans"] == 1
    assert april["fiscal_year"] == "2027-2028"
    assert april["service_coordination"]["closed_plans"] == 0


def test_exit_on_1_april_starts_the_new_fiscal_year():
    leaver = learner("L1", date(2026, 6, 1), date(2027, 4, 1))
    assert figures(month=Month(2027, 3), learners=[leaver])["service_coordination"]["closed_plans"] == 0
    assert figures(month=Month(2027, 4), learners=[leaver])["service_coordination"]["closed_plans"] == 1


def test_closed_plans_count_only_exits_up_to_the_months_last_day():
    later = learner("L1", date(2026, 4, 10), date(2026, 10, 5))
    assert figures(learners=[later])["service_coordination"]["closed_plans"] == 0


def test_formal_referral_dated_on_the_exit_date_counts_and_the_day_after_does_not():
    on_exit = learner("L1", date(2026, 4, 1), date(2026, 9, 15))
    after_exit = learner("L2", date(2026, 4, 1), date(2026, 9, 15))
    result = figures(
        learners=[on_exit, after_exit],
        referrals=[
            referral("R1", "L1", date(2026, 9, 15), direction="out", type_code="housing"),
            referral("R2", "L2", date(2026, 9, 16), direction="out", type_code="housing"),
        ],
    )
    coordination = result["service_coordination"]
    assert coordination["closed_plans"] == 2
    assert coordination["closed_with_formal_referral"] == 1
    assert coordination["formal_referrals_on_closed"] == 1
    assert coordination["percent"] == 50.0
    assert coordination["referrals_needed"] == 0


def test_informal_referrals_never_count_as_formal():
    leaver = learner("L1", date(2026, 4, 1), date(2026, 9, 20))
    word_of_mouth = referral("R1", "L1", date(2026, 4, 1), formal=False, type_code="word_of_mouth")
    result = figures(learners=[leaver, learner("L2", date(2026, 5, 1))], referrals=[word_of_mouth])
    assert result["service_coordination"]["closed_with_formal_referral"] == 0
    assert result["service_coordination"]["referrals_needed"] == 1
    assert result["gaps"] == ["L2"]
    assert result["not_in_cams"] == []


def test_several_formal_referrals_on_one_closed_plan_count_the_plan_once():
    leaver = learner("L1", date(2026, 4, 1), date(2026, 9, 20))
    refs = [referral(f"R{i}", "L1", date(2026, 5, i), cams=date(2026, 5, 20)) for i in (1, 2, 3)]
    coordination = figures(learners=[leaver], referrals=refs)["service_coordination"]
    assert coordination["closed_with_formal_referral"] == 1
    assert coordination["formal_referrals_on_closed"] == 3
    assert coordination["percent"] == 100.0


def test_referrals_needed_rounds_half_the_closed_plans_up():
    assert referrals_needed(0, 0) == 0
    assert referrals_needed(1, 0) == 1
    assert referrals_needed(3, 0) == 2
    assert referrals_needed(3, 2) == 0
    assert referrals_needed(4, 1) == 1


def test_percent_rounds_half_up_to_one_decimal():
    assert percent_of(1, 3) == 33.3
    assert percent_of(2, 3) == 66.7
    assert percent_of(1, 16) == 6.3  # 6.25: half up, not to even
    assert percent_of(0, 0) == 0.0


def test_referral_totals_by_direction_and_type():
    refs = [
        referral("R1", "L1", date(2026, 9, 1), type_code="ontario_works"),
        referral("R2", "L1", date(2026, 9, 30), formal=False, type_code="word_of_mouth"),
        referral("R3", "L1", date(2026, 9, 10), direction="out", type_code="food_bank", cams=date(2026, 9, 11)),
        referral("R4", "L1", date(2026, 10, 1), direction="out", type_code="food_bank"),
        referral("R5", "L1", date(2026, 8, 31), type_code="odsp"),
    ]
    result = figures(learners=[learner("L1", date(2026, 1, 1))], referrals=refs)
    assert result["referrals_in"] == {"total": 2, "formal": 1, "by_type": {"ontario_works": 1, "word_of_mouth": 1}}
    assert result["referrals_out"] == {"total": 1, "formal": 1, "by_type": {"food_bank": 1}}


def test_gap_list_is_active_learners_on_the_last_day_without_a_formal_referral():
    learners = [
        learner("L3", date(2026, 1, 1)),
        learner("L1", date(2026, 1, 1)),
        learner("L2", date(2026, 1, 1)),
        learner("L4", date(2026, 1, 1), date(2026, 9, 29)),  # gone before the last day
    ]
    refs = [
        referral("R1", "L2", date(2026, 9, 30)),  # on the last day: counts
        referral("R2", "L3", date(2026, 10, 1)),  # after: does not
    ]
    assert figures(learners=learners, referrals=refs)["gaps"] == ["L1", "L3"]


def test_not_in_cams_lists_formal_referrals_without_an_entry_by_the_last_day():
    refs = [
        referral("R3", "L1", date(2026, 9, 3)),  # never entered
        referral("R1", "L1", date(2026, 6, 3), cams=date(2026, 10, 2)),  # entered after the month
        referral("R2", "L1", date(2026, 9, 3), cams=date(2026, 9, 30)),  # entered on the last day
        referral("R4", "L1", date(2026, 10, 3)),  # dated after the month
        referral("R5", "L1", date(2026, 9, 3), formal=False, type_code="self"),  # informal
    ]
    assert figures(learners=[learner("L1", date(2026, 1, 1))], referrals=refs)["not_in_cams"] == ["R1", "R3"]


def test_follow_ups_due_in_the_month_clamped_and_sorted():
    learners = [
        learner("L2", date(2025, 1, 1), date(2026, 6, 30)),  # 3 months → 30 Sept
        learner("L1", date(2025, 1, 1), date(2026, 3, 31)),  # 6 months → 30 Sept (clamped)
        learner("L3", date(2025, 1, 1), date(2025, 9, 5)),  # 12 months → 5 Sept
        learner("L4", date(2025, 1, 1), date(2026, 6, 10)),  # 3 months → 10 Sept, done
    ]
    result = figures(learners=learners, done={("L4", 3)})
    assert result["follow_ups_due"] == [
        {"learner_id": "L3", "months": 12, "due": "2026-09-05"},
        {"learner_id": "L1", "months": 6, "due": "2026-09-30"},
        {"learner_id": "L2", "months": 3, "due": "2026-09-30"},
    ]


def test_follow_up_of_an_exit_on_the_31st_falls_on_the_30th_of_november():
    result = figures(month=Month(2026, 11), learners=[learner("L1", date(2026, 1, 1), date(2026, 8, 31))])
    assert result["follow_ups_due"] == [{"learner_id": "L1", "months": 3, "due": "2026-11-30"}]


def test_inquiries_by_channel_and_source():
    inquiries = [
        InquiryFacts(date(2026, 9, 1), "phone", "word_of_mouth", True),
        InquiryFacts(date(2026, 9, 30), "phone", None, False),
        InquiryFacts(date(2026, 9, 15), "walk_in", "ontario_works", False),
        InquiryFacts(date(2026, 10, 1), "email", "website", True),
    ]
    assert figures(inquiries=inquiries)["inquiries"] == {
        "total": 3,
        "by_channel": {"phone": 2, "walk_in": 1},
        "by_source": {"ontario_works": 1, "unknown": 1, "word_of_mouth": 1},
        "enrolled": 1,
    }


def test_goal_paths_over_active_learners_with_unknown():
    learners = [
        learner("L1", date(2026, 1, 1), goal_path="employment"),
        learner("L2", date(2026, 1, 1), goal_path=None),
        learner("L3", date(2026, 1, 1), date(2026, 5, 1), goal_path="independence"),
    ]
    assert figures(learners=learners)["learners"]["by_goal_path"] == {"employment": 1, "unknown": 1}


def test_csv_rows_carry_every_figure():
    result = figures(
        learners=[learner("L1", date(2026, 9, 30)), learner("L2", date(2025, 1, 1), date(2026, 6, 30))],
        referrals=[referral("R1", "L2", date(2026, 6, 1))],
    )
    rows = figures_as_rows(result)
    assert ("general", "month", "2026-09") in rows
    assert ("learners", "active", "1") in rows
    assert ("learners.by_goal_path", "employment", "1") in rows
    assert ("service_coordination", "percent", "100.0") in rows
    assert ("gaps", "learner_id", "L1") in rows
    assert ("not_in_cams", "referral_id", "R1") in rows
    assert ("follow_ups_due", "L2:3", "2026-09-30") in rows
