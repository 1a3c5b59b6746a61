"""A closed month's amendments: the frozen figures against today's, in plain words, section by section."""

import copy
from datetime import date

from lbsdesk.domain.calendar_rules import Month
from lbsdesk.domain.monthly_figures import LearnerFacts, ReferralFacts, compute_monthly_figures
from lbsdesk.domain.month_amendments import amendment_lines, month_amendments

SEPTEMBER = Month(2026, 9)


def _figures(**changes) -> dict:
    figures = {
        "month": "2026-09",
        "fiscal_year": "2026-2027",
        "inquiries": {"total": 5, "by_channel": {"phone": 3, "walk_in": 2}, "by_source": {"unknown": 5}, "enrolled": 2},
        "learners": {"active": 40, "new": 4, "exited": 3, "by_goal_path": {"employment": 30, "unknown": 10}},
        "referrals_in": {"total": 6, "formal": 4, "by_type": {"ontario_works": 4, "word_of_mouth": 2}},
        "referrals_out": {"total": 14, "formal": 12, "by_type": {"employment_services": 14}},
        "service_coordination": {
            "closed_plans": 20, "closed_with_formal_referral": 8, "formal_referrals_on_closed": 9,
            "percent": 40.0, "target_percent": 50, "referrals_needed": 2,
        },
        "gaps": ["L00040", "L00042"],
        "not_in_cams": ["R00100"],
        "follow_ups_due": [{"learner_id": "L00007", "months": 3, "due": "2026-09-14"}],
    }
    for path, value in changes.items():
        section, _, key = path.partition("__")
        if key:
            figures[section][key] = value
        else:
            figures[section] = value
    return figures


def test_nothing_changed_means_no_amendments():
    assert month_amendments(_figures(), _figures()) == []


def test_a_late_formal_referral_out_reads_as_plain_lines():
    today = _figures(referrals_out__total=15, referrals_out__formal=13,
                     referrals_out__by_type={"employment_services": 14, "ontario_works": 1})
    assert amendment_lines(_figures(), today) == [
        "Referrals out: total 14 → 15",
        "Referrals out: formal 12 → 13",
        "Referrals out: to Ontario Works 0 → 1",
    ]


def test_list_items_leaving_and_joining_a_list():
    today = _figures(gaps=["L00040", "L00043"], not_in_cams=[])
    assert amendment_lines(_figures(), today) == [
        "Gap list: L00042 no longer listed",
        "Gap list: L00043 now listed",
        "Not keyed into CaMS: R00100 no longer listed",
    ]


def test_service_coordination_changes_show_the_percent_and_what_is_still_needed():
    today = _figures(service_coordination={
        "closed_plans": 20, "closed_with_formal_referral": 9, "formal_referrals_on_closed": 10,
        "percent": 45.0, "target_percent": 50, "referrals_needed": 1,
    })
    assert amendment_lines(_figures(), today) == [
        "Service coordination: closed plans with a formal referral 8 → 9",
        "Service coordination: formal referrals on closed plans 9 → 10",
        "Service coordination: 40.0% → 45.0%",
        "Service coordination: referrals still needed 2 → 1",
    ]


def test_breakdowns_use_the_labels_a_person_reads():
    today = _figures(
        inquiries__by_channel={"phone": 4, "walk_in": 2}, inquiries__total=6,
        learners__by_goal_path={"employment": 30, "unknown": 9}, learners__active=39,
        referrals_in__by_type={"ontario_works": 4, "word_of_mouth": 3}, referrals_in__total=7,
    )
    assert amendment_lines(_figures(), today) == [
        "Inquiries: total 5 → 6",
        "Inquiries: by channel Phone 3 → 4",
        "Learners: active 40 → 39",
        "Learners: goal path not recorded 10 → 9",
        "Referrals in: total 6 → 7",
        "Referrals in: from Word of mouth 2 → 3",
    ]


def test_follow_ups_due_that_appear_disappear_or_move():
    today = _figures(follow_ups_due=[
        {"learner_id": "L00008", "months": 6, "due": "2026-09-30"},
    ])
    assert amendment_lines(_figures(), today) == [
        "Follow-ups due: L00007 3-month follow-up (due 2026-09-14) no longer listed",
        "Follow-ups due: L00008 6-month follow-up (due 2026-09-30) now listed",
    ]
    moved = _figures(follow_ups_due=[{"learner_id": "L00007", "months": 3, "due": "2026-09-20"}])
    assert amendment_lines(_figures(), moved) == [
        "Follow-ups due: L00007 3-month follow-up due 2026-09-14 → 2026-09-20",
    ]


def test_each_amendment_knows_its_section_for_grouping_on_screen():
    today = _figures(referrals_out__formal=13, gaps=["L00040"])
    items = month_amendments(_figures(), today)
    assert [(item.section, item.section_title, item.change) for item in items] == [
        ("referrals_out", "Referrals out", "formal 12 → 13"),
        ("gaps", "Gap list", "L00042 no longer listed"),
    ]
    assert str(items[0]) == "Referrals out: formal 12 → 13"


def test_an_exit_date_corrected_after_closing_is_found_through_the_counting_rules():
    learners = [
        LearnerFacts("L00001", date(2026, 5, 1), date(2026, 9, 10), "employment"),
        LearnerFacts("L00002", date(2026, 6, 1), None, "employment"),
    ]
    referrals = [ReferralFacts("R1", "L00001", "out", date(2026, 9, 5), True, "odsp", date(2026, 9, 6))]
    frozen = compute_monthly_figures(SEPTEMBER, learners=learners, referrals=referrals, inquiries=[])
    corrected = copy.copy(learners)
    corrected[0] = LearnerFacts("L00001", date(2026, 5, 1), date(2026, 9, 2), "employment")  # left before the referral
    today = compute_monthly_figures(SEPTEMBER, learners=corrected, referrals=referrals, inquiries=[])
    assert amendment_lines(frozen, today) == [
        "Service coordination: closed plans with a formal referral 1 → 0",
        "Service coordination: formal referrals on closed plans 1 → 0",
        "Service coordination: 100.0% → 0.0%",
        "Service coordination: referrals still needed 0 → 1",
    ]
