"""``build_demo``: a believable fictional agency, the same for the same seed, only into an empty database."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import Date, DateTime, func, insert, select, text

from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.migrate import open_database
from lbsdesk.db.models import (
    AgencyProfile,
    Base,
    CheckIn,
    Consent,
    FollowUp,
    Inquiry,
    Learner,
    LearnerPlan,
    Milestone,
    OutreachActivity,
    Partner,
    Referral,
    ReferralStatusEntry,
    Staff,
    StageEntry,
)
from lbsdesk.domain import codes
from lbsdesk.domain.calendar_rules import follow_up_due_dates
from lbsdesk.domain.text import learner_search_text
from lbsdesk.errors import LbsDeskError
from lbsdesk.services.demo_data import DemoSummary, build_demo

TODAY = date(2026, 5, 15)
LEARNERS = 200

#: Dates that look ahead by nature (a reminder or a plan), the only ones allowed after today.
FORWARD_LOOKING = {
    ("referral", "follow_up_date"),
    ("learner_plan", "next_review_date"),
    ("milestone", "planned_date"),
}


def _build(path, **kwargs):  # noqa: ANN001
    database = open_database(sqlite_url(path))
    with database.session() as session:
        summary = build_demo(session, **kwargs)
    return database, summary


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    database, summary = _build(
        tmp_path_factory.mktemp("demo") / "demo.sqlite3", learners=LEARNERS, seed=7, today=TODAY
    )
    yield database, summary
    database.dispose()


@pytest.fixture
def db(demo):
    with demo[0].engine.connect() as connection:
        yield connection


def _dump(database) -> dict[str, list[tuple]]:  # noqa: ANN001
    with database.engine.connect() as connection:
        return {
            table.name: connection.execute(select(table).order_by(*table.primary_key.columns)).all()
            for table in Base.metadata.sorted_tables
        }


# --- determinism and refusal ---------------------------------------------------------------------


def test_same_seed_and_today_give_the_same_data_and_another_seed_does_not(tmp_path):
    first, _ = _build(tmp_path / "a.sqlite3", learners=60, seed=3, today=TODAY)
    second, _ = _build(tmp_path / "b.sqlite3", learners=60, seed=3, today=TODAY)
    other, _ = _build(tmp_path / "c.sqlite3", learners=60, seed=4, today=TODAY)
    try:
        assert _dump(first) == _dump(second)
        assert _dump(first)["learner"] != _dump(other)["learner"]
    finally:
        for database in (first, second, other):
            database.dispose()


def test_refuses_a_database_that_already_holds_learners(tmp_path):
    database, _ = _build(tmp_path / "a.sqlite3", learners=10, today=TODAY)
    try:
        with pytest.raises(LbsDeskError, match="demo fills only an empty database"):
            with database.session() as session:
                build_demo(session, learners=10, today=TODAY)
        with database.engine.connect() as connection:
            assert connection.execute(select(func.count()).select_from(Learner.__table__)).scalar() == 10
    finally:
        database.dispose()


def test_refuses_a_database_that_holds_only_a_partner(session):
    session.execute(insert(Partner.__table__).values(
        id=1, partner_key="X1", name="Real partner", org_type="food_bank", agreement=False,
        co_located=False, archived=False, created_at=datetime(2026, 1, 1), updated_at=datetime(2026, 1, 1),
    ))
    with pytest.raises(LbsDeskError, match="demo fills only an empty database"):
        build_demo(session, learners=5, today=TODAY)


def test_does_not_commit_and_reports_progress(database):
    steps = []
    with database.session() as session:
        build_demo(session, learners=30, today=TODAY, progress=lambda s, d, t: steps.append((s, d, t)))
        session.rollback()
    with database.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Learner.__table__)).scalar() == 0
    assert ("learners", 30, 30) in steps
    assert all(0 <= done <= total for _step, done, total in steps)


# --- soundness -----------------------------------------------------------------------------------


def test_database_is_sound_and_the_summary_counts_what_was_written(demo, db):
    _database, summary = demo
    assert db.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    assert db.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    count = lambda model: db.execute(select(func.count()).select_from(model.__table__)).scalar()  # noqa: E731
    assert summary == DemoSummary(
        partners=count(Partner), learners=LEARNERS, referrals=count(Referral), inquiries=count(Inquiry),
        plans=count(LearnerPlan), milestones=count(Milestone), stage_entries=count(StageEntry),
        check_ins=count(CheckIn), follow_ups=count(FollowUp), outreach=count(OutreachActivity),
        staff=count(Staff), partner_programs=summary.partner_programs,
        partner_contacts=summary.partner_contacts, consents=count(Consent),
        plan_reviews=summary.plan_reviews, referral_status_entries=count(ReferralStatusEntry),
        outreach_partners=summary.outreach_partners,
    )
    assert 3 <= summary.staff <= 5
    assert min(summary.plans, summary.milestones, summary.check_ins, summary.follow_ups,
               summary.outreach, summary.plan_reviews) > 0


def test_agency_profile_is_filled_in(db):
    profile = db.execute(select(AgencyProfile.__table__).where(AgencyProfile.__table__.c.id == 1)).one()
    assert profile.name and profile.address and profile.cams_provider_number and profile.region
    assert "555" in profile.phone
    assert profile.setup_completed


def test_keys_and_codes_follow_the_spec(db):
    t = lambda model: model.__table__  # noqa: E731
    keys = db.execute(select(t(Learner).c.learner_key)).scalars().all()
    assert all(re.fullmatch(r"L\d{5}", key) for key in keys)
    assert all(re.fullmatch(r"P\d{3}", key) for key in db.execute(select(t(Partner).c.partner_key)).scalars())
    assert all(re.fullmatch(r"R\d{6}", key) for key in db.execute(select(t(Referral).c.referral_key)).scalars())
    assert all(re.fullmatch(r"Q\d{6}", key) for key in db.execute(select(t(Inquiry).c.inquiry_key)).scalars())
    assert set(db.execute(select(t(Partner).c.org_type)).scalars()) <= set(codes.ORG_TYPES.codes)
    learners = db.execute(select(t(Learner))).all()
    for row in learners:
        assert row.goal_path in codes.GOAL_PATHS
        assert row.stage in codes.PLAN_STAGES
        assert row.education_level in codes.EDUCATION_LEVELS
        assert row.income_source in codes.INCOME_SOURCES
        assert row.cams_plan_status in codes.CAMS_PLAN_STATUSES
    for row in db.execute(select(t(Referral))).all():
        assert row.status in codes.REFERRAL_STATUSES
        assert row.urgency in codes.URGENCIES
        assert all(code in codes.SERVICES_REQUESTED for code in row.services_requested.split(","))
    for row in db.execute(select(t(Inquiry))).all():
        assert row.channel in codes.INQUIRY_CHANNELS
        assert row.source is None or row.source in codes.ORG_TYPES or row.source in codes.INFORMAL_SOURCES
    for row in db.execute(select(t(CheckIn))).all():
        assert row.with_whom in codes.CHECK_IN_WITH
        assert row.needs_noticed is None or all(c in codes.NEEDS for c in row.needs_noticed.split(","))
    for row in db.execute(select(t(Milestone))).all():
        assert row.competency in codes.OALCF_COMPETENCIES and 1 <= row.level <= 3
        assert row.status in codes.MILESTONE_STATUSES
    assert set(db.execute(select(t(OutreachActivity).c.kind)).scalars()) <= set(codes.OUTREACH_KINDS.codes)


def test_referrals_keep_the_model_rules(db):
    referrals = db.execute(select(Referral.__table__)).all()
    history = {}
    for entry in db.execute(select(ReferralStatusEntry.__table__).order_by("referral_id", "status_date", "id")):
        history.setdefault(entry.referral_id, []).append(entry)
    for row in referrals:
        assert (row.partner_id is None) != (row.source is None)
        assert row.source is None or not row.formal
        assert row.direction == "in" or row.partner_id is not None
        assert row.source is None or row.source in codes.INFORMAL_SOURCES
        assert row.follow_up_date == row.referral_date + timedelta(days=14)
        assert row.cams_entered_date is None or (row.formal and row.cams_entered_date >= row.referral_date)
        assert row.planned == row.supported == row.coordinated == row.information_exchanged == row.formal
        assert history[row.id][-1].status == row.status
        dates = [entry.status_date for entry in history[row.id]]
        assert dates == sorted(dates) and dates[0] >= row.referral_date
    learners = {row.id: row for row in db.execute(select(Learner.__table__))}
    ins = [row for row in referrals if row.direction == "in"]
    assert sorted(row.learner_id for row in ins) == sorted(learners)  # each came from somewhere, once
    for row in ins:
        assert row.referral_date <= learners[row.learner_id].intake_date
    for row in referrals:
        if row.direction == "out":
            assert row.referral_date >= learners[row.learner_id].intake_date
            if row.formal:
                assert learners[row.learner_id].consent_to_share


# --- realism ------------------------------------------------------------------------------------


def test_proportions_are_plausible(db):
    learners = db.execute(select(Learner.__table__)).all()
    referrals = db.execute(select(Referral.__table__)).all()
    n = len(learners)
    formal_in = sum(1 for r in referrals if r.direction == "in" and r.formal)
    informal_in = sum(1 for r in referrals if r.direction == "in" and r.source is not None)
    out = [r for r in referrals if r.direction == "out"]
    with_out = len({r.learner_id for r in out})
    exited = [row for row in learners if row.exit_date is not None]
    assert 0.30 <= formal_in / n <= 0.50
    assert 0.50 <= informal_in / n <= 0.70
    assert 0.35 <= with_out / n <= 0.55
    assert sum(r.formal for r in out) / len(out) >= 0.65
    assert {r.source for r in referrals if r.source} >= {"word_of_mouth", "self"}
    assert 0.30 <= len(exited) / n <= 0.55
    rated = [row.satisfaction for row in exited if row.satisfaction is not None]
    assert sum(1 for s in rated if s >= 4) / len(rated) >= 0.7
    assert sum(bool(row.consent_to_share) for row in learners) / n >= 0.85
    assert any(not name.isascii() for name in (row.last_name for row in learners))
    assert any(not name.isascii() for name in (row.first_name for row in learners))
    assert any(row.francophone for row in learners) and any(row.indigenous for row in learners)
    assert len({row.goal_path for row in learners}) == len(codes.GOAL_PATHS.codes)
    ages = [(row.intake_date - row.date_of_birth).days / 365.25 for row in learners]
    assert 16 <= min(ages) and max(ages) < 71
    assert sum(19 <= age < 71 for age in ages) / n >= 0.9
    partners = db.execute(select(Partner.__table__)).all()
    assert 35 <= len(partners) <= 45
    assert len({p.org_type for p in partners}) >= 30
    assert any(p.agreement and p.agreement_date for p in partners) and any(p.co_located for p in partners)
    inquiries = db.execute(select(Inquiry.__table__)).all()
    assert 1.3 <= len(inquiries) / n <= 1.7
    assert 0.5 <= sum(q.learner_id is not None for q in inquiries) / len(inquiries) <= 0.7
    intakes = sorted(row.intake_date for row in learners)
    assert intakes[0] >= TODAY - timedelta(days=366) and intakes[-1] <= TODAY
    assert (intakes[-1] - intakes[0]).days > 300
    outreach = db.execute(select(func.count()).select_from(OutreachActivity.__table__)).scalar()
    assert 18 <= outreach <= 30  # about two a month


def test_no_date_after_today_except_forward_looking_ones(db):
    end_of_today = datetime.combine(TODAY, datetime.max.time())
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, Date) and (table.name, column.name) not in FORWARD_LOOKING:
                latest = db.execute(select(func.max(column))).scalar()
                assert latest is None or latest <= TODAY, f"{table.name}.{column.name} = {latest}"
            elif isinstance(column.type, DateTime):
                latest = db.execute(select(func.max(column))).scalar()
                assert latest is None or latest <= end_of_today, f"{table.name}.{column.name} = {latest}"


def test_learner_histories_are_consistent(db):
    t = lambda model: model.__table__  # noqa: E731
    stages = {}
    for entry in db.execute(select(t(StageEntry)).order_by("learner_id", "entered_date", "id")):
        stages.setdefault(entry.learner_id, []).append(entry)
    plans = {}
    for plan in db.execute(select(t(LearnerPlan))):
        plans.setdefault(plan.learner_id, []).append(plan)
    follow_ups = {}
    for row in db.execute(select(t(FollowUp))):
        follow_ups.setdefault(row.learner_id, []).append(row)
    consents = {row.learner_id: row for row in db.execute(select(t(Consent)))}
    order = codes.PLAN_STAGES.codes
    for learner in db.execute(select(t(Learner))).all():
        assert learner.search_text == learner_search_text(
            learner.first_name, learner.last_name, learner.learner_key, learner.phone
        )
        assert learner.search_text
        history = stages[learner.id]
        assert learner.stage == history[-1].stage
        assert history[0].stage == "initial" and history[0].entered_date == learner.intake_date
        dates = [entry.entered_date for entry in history]
        assert all(a < b for a, b in zip(dates, dates[1:])), learner.learner_key
        assert [order.index(e.stage) for e in history] == sorted(order.index(e.stage) for e in history)
        if learner.exit_date is not None:
            assert learner.exit_date >= learner.intake_date
            assert history[-1].stage == "closure" and history[-1].entered_date == learner.exit_date
            assert learner.exit_reason and learner.cams_plan_status == "closed"
            assert learner.satisfaction is None or 1 <= learner.satisfaction <= 5
        else:
            assert learner.stage != "closure" and learner.satisfaction is None
        current = [plan for plan in plans.get(learner.id, []) if plan.is_current]
        past_initial = any(entry.stage in ("commencement", "participation", "management") for entry in history)
        assert len(current) == (1 if past_initial else 0)
        for plan in current:
            assert plan.written_date >= learner.intake_date and plan.goal_path == learner.goal_path
        due = follow_up_due_dates(learner.exit_date) if learner.exit_date else {}
        for row in follow_ups.get(learner.id, []):
            assert due[row.months] <= TODAY and learner.exit_date <= row.done_date <= TODAY
        if learner.consent_to_share:
            assert learner.consent_date == learner.intake_date
            assert consents[learner.id].scope == "all_partners"
        else:
            assert learner.id not in consents


def test_activity_after_intake_stays_within_the_learners_time_with_us(db):
    rows = db.execute(text(
        "SELECT l.intake_date, l.exit_date, c.check_in_date FROM check_in c JOIN learner l ON l.id = c.learner_id"
    )).all()
    assert rows
    for intake, exit_date, day in rows:
        assert str(intake) <= str(day) and (exit_date is None or str(day) <= str(exit_date))
    inquiries = db.execute(text(
        "SELECT l.intake_date, q.inquiry_date FROM inquiry q JOIN learner l ON l.id = q.learner_id"
    )).all()
    assert all(str(day) <= str(intake) for intake, day in inquiries)
    assert len({row[0] for row in db.execute(text("SELECT learner_id FROM inquiry WHERE learner_id IS NOT NULL"))}) \
        == len(inquiries)
