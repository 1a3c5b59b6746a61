"""The "Due" view: each kind of line, with its edges, and its order."""

from datetime import date, timedelta

import pytest
from sqlalchemy import update

from lbsdesk.db.models import AppSetting, CheckIn, Consent, FollowUp, Learner, LearnerPlan, Partner, Referral
from lbsdesk.services.due_items import DUE_KINDS, due_counts, due_items

TODAY = date(2026, 9, 15)


def days_ago(days: int) -> date:
    return TODAY - timedelta(days=days)


class Agency:
    """Builds learners and their records straight into the session."""

    def __init__(self, session):
        self.session = session
        self.number = 0
        self.referrals = 0
        self.partner = Partner(partner_key="P1", name="Port Alder Housing", org_type="housing")
        session.add(self.partner)
        session.flush()

    def learner(self, last_name: str, intake: date = date(2026, 1, 5), exit_date: date | None = None,
                formal_referral: bool = True, **values) -> Learner:
        self.number += 1
        person = Learner(learner_key=f"L{self.number:05d}", first_name="Pat", last_name=last_name,
                         intake_date=intake, exit_date=exit_date, **values)
        self.session.add(person)
        self.session.flush()
        if formal_referral:
            self.referral(person, "in", intake, formal=True, status="accepted")
        return person

    def referral(self, person, direction, day, formal=False, status="unknown", reply=None) -> Referral:
        self.referrals += 1
        referral = Referral(referral_key=f"R{self.referrals:05d}", learner_id=person.id,
                            direction=direction, referral_date=day, partner_id=self.partner.id, formal=formal,
                            status=status, reply_received_date=reply)
        self.session.add(referral)
        self.session.flush()
        return referral

    def plan(self, person, next_review: date) -> LearnerPlan:
        plan = LearnerPlan(learner_id=person.id, number=1, is_current=True, written_date=person.intake_date,
                           next_review_date=next_review, review_interval_days=90)
        self.session.add(plan)
        self.session.flush()
        return plan

    def check_in(self, person, day) -> None:
        self.session.add(CheckIn(learner_id=person.id, check_in_date=day))
        self.session.flush()

    def consent(self, person, expiry, withdrawn=None, scope="all_partners") -> Consent:
        consent = Consent(learner_id=person.id, scope=scope, signed_date=person.intake_date, expiry_date=expiry,
                          withdrawn_date=withdrawn)
        self.session.add(consent)
        self.session.flush()
        return consent


@pytest.fixture
def agency(session):
    return Agency(session)


def lines(session, kind, today=TODAY):
    return [(i.learner_key, i.overdue, i.due_date) for i in due_items(session, today, kinds=[kind])]


def test_plan_reviews_due_today_or_earlier_on_active_learners(session, agency):
    today_one = agency.learner("Today")
    late = agency.learner("Late")
    later = agency.learner("Later")
    gone = agency.learner("Gone", exit_date=days_ago(20))
    plan = agency.plan(today_one, TODAY)
    agency.plan(late, days_ago(5))
    agency.plan(later, TODAY + timedelta(days=1))
    agency.plan(gone, days_ago(30))
    old = LearnerPlan(learner_id=later.id, number=0, is_current=False, next_review_date=days_ago(100))
    session.add(old)
    session.flush()
    assert lines(session, "plan_review") == [("L00002", True, days_ago(5)), ("L00001", False, TODAY)]
    item = due_items(session, TODAY, kinds=["plan_review"])[1]
    assert (item.record_kind, item.record_id, item.learner_name) == ("plan", plan.id, "Pat Today")


def test_a_check_in_exactly_35_days_ago_is_not_overdue_36_days_is(session, agency):
    on_time = agency.learner("OnTime")
    agency.check_in(on_time, days_ago(80))
    agency.check_in(on_time, days_ago(35))
    late = agency.learner("Late")
    agency.check_in(late, days_ago(36))
    agency.learner("NewOnTime", intake=days_ago(35))  # none yet: counted from intake
    agency.learner("NewLate", intake=days_ago(36))
    exited = agency.learner("Exited", exit_date=days_ago(1))
    agency.check_in(exited, days_ago(100))
    assert sorted(lines(session, "check_in")) == [
        ("L00002", True, days_ago(1)),
        ("L00004", True, days_ago(1)),
    ]
    [item] = [i for i in due_items(session, TODAY, kinds=["check_in"]) if i.learner_key == "L00002"]
    assert (item.record_kind, item.record_id) == ("learner", late.id)
    assert "36 days ago" in item.what


def test_the_agency_sets_how_many_days_a_check_in_may_wait(session, agency):
    person = agency.learner("Weekly")
    agency.check_in(person, days_ago(21))
    assert lines(session, "check_in") == []
    session.execute(update(AppSetting).where(AppSetting.key == "check_in_overdue_days").values(value="20"))
    assert lines(session, "check_in") == [("L00001", True, days_ago(1))]


def test_follow_ups_due_today_or_earlier_and_not_recorded(session, agency):
    long_ago = date(2025, 1, 6)
    agency.learner("DueToday", intake=long_ago, exit_date=date(2026, 6, 15))  # 3 months: due today
    older = agency.learner("Older", intake=long_ago, exit_date=date(2025, 9, 15))  # 6 overdue, 12 due today
    session.add(FollowUp(learner_id=older.id, months=3, done_date=date(2025, 12, 16)))
    agency.learner("NotYet", intake=long_ago, exit_date=date(2026, 6, 16))  # due tomorrow
    end_of_month = agency.learner("EndOfMonth", intake=long_ago, exit_date=date(2026, 5, 31))
    session.flush()
    items = due_items(session, TODAY, kinds=["follow_up"])
    assert [(i.learner_key, i.months, i.due_date, i.overdue) for i in items] == [
        ("L00002", 6, date(2026, 3, 15), True),
        ("L00004", 3, date(2026, 8, 31), True),  # 31 May + 3 months = 31 August
        ("L00001", 3, TODAY, False),  # due today: listed, not overdue
        ("L00002", 12, TODAY, False),
    ]
    assert (items[1].record_kind, items[1].record_id, items[1].months) == ("follow_up", end_of_month.id, 3)
    # on the 31st of August the end-of-month follow-up is due that day
    assert [(i.learner_key, i.overdue) for i in due_items(session, date(2026, 8, 31), kinds=["follow_up"])] == [
        ("L00002", True), ("L00004", False),
    ]


def test_referrals_out_awaiting_a_reply_use_the_referral_rule(session, agency):
    """The referrals list's rule: 30 days or more since sent with no reply; expired after 60."""
    person = agency.learner("Waiting")
    listed = agency.referral(person, "out", days_ago(31), formal=True, status="sent")
    exactly_30 = agency.referral(person, "out", days_ago(30), formal=True, status="sent")
    agency.referral(person, "out", days_ago(29), formal=True, status="sent")  # not yet
    agency.referral(person, "out", days_ago(60), formal=True, status="sent")  # expired: no longer awaited
    agency.referral(person, "out", days_ago(45), formal=True, status="sent", reply=days_ago(40))
    agency.referral(person, "out", days_ago(45), formal=True, status="accepted")
    agency.referral(person, "out", days_ago(40), formal=True, status="acknowledged")  # a reply came
    agency.referral(person, "out", days_ago(50), status="draft")
    items = due_items(session, TODAY, kinds=["referral_reply"])
    assert [(i.record_kind, i.record_id, i.overdue) for i in items] == [
        ("referral", listed.id, True), ("referral", exactly_30.id, True),
    ]
    assert "Port Alder Housing" in items[0].what and "31 days" in items[0].what
    session.execute(update(AppSetting).where(AppSetting.key == "referral_reply_days").values(value="45"))
    assert due_items(session, TODAY, kinds=["referral_reply"]) == []


def test_consents_expiring_within_30_days_and_not_withdrawn_or_renewed(session, agency):
    today_one = agency.consent(agency.learner("Today"), TODAY)
    last_day = agency.consent(agency.learner("LastDay"), TODAY + timedelta(days=30), scope="named_partners")
    agency.consent(agency.learner("TooFar"), TODAY + timedelta(days=31))
    agency.consent(agency.learner("Withdrawn"), TODAY + timedelta(days=5), withdrawn=days_ago(3))
    agency.consent(agency.learner("Expired"), days_ago(1))
    renewed = agency.learner("Renewed")
    agency.consent(renewed, TODAY + timedelta(days=10))
    agency.consent(renewed, None)  # a new consent without an end replaces the expiring one
    items = due_items(session, TODAY, kinds=["consent_expiring"])
    assert [(i.learner_key, i.record_kind, i.record_id, i.due_date, i.overdue) for i in items] == [
        ("L00001", "consent", today_one.id, TODAY, False),
        ("L00002", "consent", last_day.id, TODAY + timedelta(days=30), False),
    ]
    assert "today" in items[0].what and "in 30 days" in items[1].what


def test_active_learners_with_no_formal_referral(session, agency):
    agency.learner("Counted")
    informal = agency.learner("WordOfMouth", formal_referral=False)
    session.add(Referral(referral_key="R-wom", learner_id=informal.id, direction="in", referral_date=days_ago(200),
                         source="word_of_mouth", formal=False))
    future = agency.learner("NextWeek", formal_referral=False)
    agency.referral(future, "out", TODAY + timedelta(days=7), formal=True, status="draft")
    agency.learner("Exited", formal_referral=False, exit_date=days_ago(2))
    agency.learner("NotYet", formal_referral=False, intake=TODAY + timedelta(days=1))
    session.flush()
    items = due_items(session, TODAY, kinds=["no_formal_referral"])
    assert [(i.learner_key, i.due_date, i.overdue, i.record_kind) for i in items] == [
        ("L00003", None, False, "learner"), ("L00002", None, False, "learner"),
    ]


def test_the_view_puts_overdue_first_then_dates_and_leaves_out_merged_learners(session, agency):
    kept = agency.learner("Kept", formal_referral=False)
    agency.plan(kept, TODAY)
    agency.check_in(kept, days_ago(50))
    merged = agency.learner("Merged", formal_referral=False)
    agency.plan(merged, days_ago(3))
    merged.merged_into_id = kept.id
    session.flush()
    items = due_items(session, TODAY)
    assert [(i.kind, i.overdue) for i in items] == [
        ("check_in", True), ("plan_review", False), ("no_formal_referral", False),
    ]
    assert {i.learner_key for i in items} == {"L00001"}
    assert due_counts(items) == {kind: (1 if kind in ("check_in", "plan_review", "no_formal_referral") else 0)
                                 for kind in DUE_KINDS}
    with pytest.raises(ValueError, match="Unknown due kind"):
        due_items(session, TODAY, kinds=["birthday"])
