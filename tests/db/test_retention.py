"""Retention: files closed longer than the setting are listed; removing their personal details keeps
every figure the ministry counts."""

from datetime import date

import pytest
from sqlalchemy import select

from lbsdesk.db.models import (
    AuditEntry,
    CheckIn,
    Learner,
    LearnerPlan,
    Milestone,
    Partner,
    Referral,
    Staff,
)
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.demo_data import build_demo
from lbsdesk.services.monthly_report import monthly_figures
from lbsdesk.services.retention import (
    learners_past_retention,
    remove_personal_details,
    retention_years,
    set_retention_years,
)

TODAY = date(2026, 6, 1)


def _learner(session, key, exit_date, **extra):
    learner = Learner(learner_key=key, first_name="Josée", last_name=f"Lavoie {key}", intake_date=date(2015, 1, 5),
                      exit_date=exit_date, date_of_birth=date(1970, 3, 4), phone="705-555-0199",
                      email="josee@example.ca", address="12 Rue Principale", postal_code="P0M 1A0",
                      notes="Lives with her sister; anxious about tests.", **extra)
    session.add(learner)
    session.flush()
    return learner


def test_the_setting_defaults_to_7_years_and_can_change(session):
    assert retention_years(session) == 7
    set_retention_years(session, 10)
    assert retention_years(session) == 10
    with pytest.raises(ValidationFailed, match="from 1 to 100"):
        set_retention_years(session, 0)


def test_files_closed_longer_than_the_setting_are_listed(session):
    _learner(session, "L1", date(2019, 5, 31))  # 7 years and a day
    _learner(session, "L2", date(2019, 6, 1))  # exactly 7 years: not yet
    _learner(session, "L3", None)  # still open
    _learner(session, "L4", date(2016, 1, 1), personal_data_removed_date=date(2024, 1, 1))  # done already
    rows = learners_past_retention(session, TODAY)
    assert [(r.learner_key, r.name, r.exit_date, r.years_closed) for r in rows] == [
        ("L1", "Josée Lavoie L1", date(2019, 5, 31), 7),
    ]
    set_retention_years(session, 5)
    assert [r.learner_key for r in learners_past_retention(session, TODAY)] == ["L1", "L2"]


def test_removing_personal_details_blanks_them_and_keeps_what_is_counted(session):
    staff = Staff(name="Dana")
    partner = Partner(partner_key="P1", name="Ontario Works", org_type="ontario_works")
    session.add_all([staff, partner])
    session.flush()
    session.info["staff_id"] = staff.id
    learner = _learner(session, "L1", date(2018, 6, 30), goal_path="employment", disability=True)
    keep = _learner(session, "L2", date(2024, 6, 30))
    session.add(Referral(referral_key="R1", learner_id=learner.id, direction="out", referral_date=date(2018, 3, 1),
                         partner_id=partner.id, formal=True, reason="Housing crisis at her sister's place",
                         status="accepted", cams_entered_date=date(2018, 3, 2)))
    session.add(CheckIn(learner_id=learner.id, check_in_date=date(2018, 2, 1), notes="Talked about her divorce",
                        needs_noticed="housing"))
    plan = LearnerPlan(learner_id=learner.id, goal="Job at the mill", background="Left school at 15")
    plan.milestones.append(Milestone(description="Fill in the mill's application form", competency="A", level=2,
                                     completed_date=date(2018, 4, 1), status="completed"))
    session.add(plan)
    session.flush()
    learner.phone = "705-555-0100"  # an edit: the audit trail holds old and new phone numbers
    session.flush()

    assert remove_personal_details(session, [learner.id], TODAY) == 1
    session.flush()

    removed = session.get(Learner, learner.id)
    assert (removed.first_name, removed.last_name) == ("Removed", "Removed")
    assert (removed.date_of_birth, removed.phone, removed.email, removed.address, removed.postal_code,
            removed.notes) == (None,) * 6
    assert removed.personal_data_removed_date == TODAY
    # what is counted stays
    assert (removed.learner_key, removed.intake_date, removed.exit_date, removed.goal_path, removed.disability) == \
        ("L1", date(2015, 1, 5), date(2018, 6, 30), "employment", True)
    referral = session.scalars(select(Referral)).one()
    assert (referral.reason, referral.formal, referral.referral_date, referral.status, referral.cams_entered_date) == \
        (None, True, date(2018, 3, 1), "accepted", date(2018, 3, 2))
    check_in = session.scalars(select(CheckIn)).one()
    assert (check_in.notes, check_in.check_in_date, check_in.needs_noticed) == (None, date(2018, 2, 1), "housing")
    plan = session.scalars(select(LearnerPlan)).one()
    assert (plan.goal, plan.background) == (None, None)
    assert plan.milestones[0].description == "Removed" and plan.milestones[0].completed_date == date(2018, 4, 1)
    # the audit trail keeps that changes happened, not the values
    values = session.execute(select(AuditEntry.old_value, AuditEntry.new_value, AuditEntry.field)
                             .where(AuditEntry.learner_id == learner.id)).all()
    assert all(old is None and new is None for old, new, field in values if field != "personal_data_removed_date")
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (last.field, last.new_value, last.staff_id) == ("personal_data_removed_date", TODAY.isoformat(), staff.id)
    milestone_values = session.execute(select(AuditEntry.old_value, AuditEntry.new_value)
                                       .where(AuditEntry.table_name == "milestone")).all()
    assert all(v == (None, None) for v in milestone_values)
    # the other learner is untouched
    assert session.get(Learner, keep.id).phone == "705-555-0199"
    assert [r.learner_key for r in learners_past_retention(session, TODAY)] == []


def test_a_file_not_yet_past_retention_is_refused_and_nothing_is_removed(session):
    old = _learner(session, "L1", date(2018, 1, 1))
    recent = _learner(session, "L2", date(2024, 1, 1))
    with pytest.raises(LbsDeskError, match="closed less than 7 years ago.*L2.*Nothing was removed"):
        remove_personal_details(session, [old.id, recent.id], TODAY)
    assert session.get(Learner, old.id).phone == "705-555-0199"


def test_monthly_figures_of_past_months_are_the_same_after_removal(database):
    with database.session() as session:
        build_demo(session, learners=120, seed=5, today=date(2018, 3, 31))
    months = [Month(2017, m) for m in range(4, 13)] + [Month(2018, m) for m in range(1, 4)]
    with database.session() as session:
        before = [monthly_figures(session, month) for month in months]
        due = learners_past_retention(session, TODAY)
        assert len(due) > 10
        first = session.get(Learner, due[0].learner_id)
        phone, email = first.phone, first.email
    with database.session() as session:
        assert remove_personal_details(session, [row.learner_id for row in due], TODAY) == len(due)
    with database.session() as session:
        after = [monthly_figures(session, month) for month in months]
        assert learners_past_retention(session, TODAY) == []
    assert after == before
    dump = "\n".join(database.engine.raw_connection().driver_connection.iterdump())
    if phone:
        assert phone not in dump
    if email:
        assert email not in dump
