"""Referral rules without a database: statuses, awaiting reply and expiry, formal, the outreach window."""

from datetime import date

import pytest

from lbsdesk.domain.codes import REFERRAL_STATUSES
from lbsdesk.domain.referral_rules import (
    ReplyLimits,
    days_waiting,
    effective_status,
    follows_outreach,
    formal_problem,
    formal_suggestion,
    may_change_status,
    next_statuses,
    reply_status,
    status_change_problem,
    status_label,
    statuses_for,
)

SENT = date(2026, 9, 1)
ALL_TICKED = dict(planned=True, supported=True, coordinated=True, information_exchanged=True)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 9, 30), "sent"),  # 29 days
        (date(2026, 10, 1), "awaiting_reply"),  # exactly 30 days
        (date(2026, 10, 30), "awaiting_reply"),  # 59 days
        (date(2026, 10, 31), "expired"),  # exactly 60 days
    ],
)
def test_an_unanswered_out_referral_awaits_a_reply_at_30_days_and_expires_at_60(today, expected):
    assert effective_status("out", "sent", None, SENT, today) == expected


def test_the_limits_are_the_agencys_settings():
    limits = ReplyLimits(reply_days=10, expiry_days=20)
    assert effective_status("out", "sent", None, SENT, date(2026, 9, 11), limits) == "awaiting_reply"
    assert effective_status("out", "sent", None, SENT, date(2026, 9, 21), limits) == "expired"
    assert limits.expires_on(SENT) == date(2026, 9, 21)


def test_a_reply_a_referral_in_or_another_status_never_awaits():
    late = date(2027, 1, 1)
    assert effective_status("out", "sent", date(2026, 9, 5), SENT, late) == "sent"
    assert effective_status("in", "sent", None, SENT, late) == "sent"
    assert effective_status("out", "draft", None, SENT, late) == "draft"
    assert effective_status("out", "accepted", None, SENT, late) == "accepted"
    assert effective_status("out", None, None, SENT, late) == "unknown"  # empty status means unknown


def test_days_waiting_counts_from_the_day_sent_while_no_reply_came():
    assert days_waiting("out", "sent", None, SENT, date(2026, 10, 1)) == 30
    assert days_waiting("out", "expired", None, SENT, date(2026, 11, 1)) == 61
    assert days_waiting("out", "sent", date(2026, 9, 3), SENT, date(2026, 10, 1)) is None
    assert days_waiting("in", "sent", None, SENT, date(2026, 10, 1)) is None
    assert days_waiting("out", "accepted", None, SENT, date(2026, 10, 1)) is None


def test_status_labels_include_awaiting_reply():
    assert status_label("awaiting_reply") == "Awaiting reply"
    assert status_label("not_completed") == "Not completed"
    assert status_label("") == "Unknown"


def test_which_status_follows_which():
    assert next_statuses("out", "draft") == ("sent", "withdrawn", "unknown")
    assert may_change_status("out", "sent", "accepted")
    assert may_change_status("out", "accepted", "attended")
    assert may_change_status("out", "attended", "completed")
    assert may_change_status("out", "expired", "accepted")  # a late reply
    assert not may_change_status("out", "sent", "draft")
    assert not may_change_status("out", "completed", "sent")
    assert may_change_status("out", "completed", "completed")  # unchanged is always fine
    # "unknown" (not recorded, out of respect for the learner's privacy) is open both ways
    assert all(may_change_status("out", code, "unknown") for code in REFERRAL_STATUSES.codes)
    assert set(next_statuses("out", "unknown")) == set(REFERRAL_STATUSES.codes) - {"draft", "unknown"}


def test_a_referral_in_is_never_a_draft():
    assert "draft" not in statuses_for("in")
    assert "draft" in statuses_for("out")
    assert status_change_problem("in", "unknown", "draft") == (
        "Status: a referral in cannot be 'Draft' (another organization sent it); "
        "choose Unknown, Sent, Accepted or another status."
    )


def test_status_change_refusals_name_the_field_and_the_choices():
    assert status_change_problem("out", "completed", "sent") == (
        "Status: a referral that is 'Completed' cannot become 'Sent'; choose one of: Not completed, Unknown."
    )
    assert status_change_problem("out", "sent", "draft").startswith(
        "Status: this referral is already 'Sent' and cannot go back to Draft; choose one of: Acknowledged,"
    )
    assert status_change_problem("out", "sent", "lost") == (
        f"Status: 'lost' is not a referral status; choose one of {REFERRAL_STATUSES.describe()}."
    )
    assert status_change_problem("out", "sent", "accepted") is None


def test_a_reply_sets_accepted_declined_or_acknowledged():
    assert reply_status(True) == "accepted"
    assert reply_status(False) == "declined"
    assert reply_status(None) == "acknowledged"


def test_formal_needs_all_four_confirmations():
    assert formal_problem(formal=True, source_label=None, **ALL_TICKED) is None
    assert formal_problem(formal=False, source_label=None, planned=False, supported=False, coordinated=False,
                          information_exchanged=False) is None
    assert formal_problem(formal=True, source_label=None, planned=True, supported=True, coordinated=False,
                          information_exchanged=False) == (
        "Formal: a formal referral is planned, supported and coordinated, with the learner's information "
        "exchanged; tick Coordinated and Information exchanged under Formal-referral confirmation, or untick Formal."
    )


def test_an_informal_source_is_never_formal():
    assert formal_problem(formal=True, source_label="Word of mouth", **ALL_TICKED) == (
        "Formal: a referral from an informal source (Word of mouth) never counts as formal; untick Formal, "
        "or choose the organization that referred the learner instead of the source."
    )


def test_all_four_ticked_without_formal_gives_a_hint_only():
    assert formal_suggestion(formal=False, has_partner=True, **ALL_TICKED).startswith("Formal: all four")
    assert formal_suggestion(formal=True, has_partner=True, **ALL_TICKED) is None
    assert formal_suggestion(formal=False, has_partner=False, **ALL_TICKED) is None


@pytest.mark.parametrize(
    ("referral_date", "follows"),
    [
        (date(2026, 5, 31), False),  # the day before
        (date(2026, 6, 1), True),  # the same day
        (date(2026, 8, 30), True),  # 90 days after
        (date(2026, 8, 31), False),  # 91 days after
    ],
)
def test_a_referral_follows_outreach_on_its_day_and_up_to_90_days_after(referral_date, follows):
    assert follows_outreach(date(2026, 6, 1), referral_date) is follows
