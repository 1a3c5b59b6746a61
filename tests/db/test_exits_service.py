"""The exit (moves the learner to Closure, closes the plan) and the 3-, 6- and 12-month follow-ups."""

from datetime import date

import pytest

from lbsdesk.db.models import Learner, StageEntry
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.exits import (
    clear_exit,
    exit_of,
    follow_ups,
    record_exit,
    record_follow_up,
    remove_follow_up,
)
from lbsdesk.services.plans import PlanRecord, current_plan, save_plan, stage_history

INTAKE = date(2025, 1, 13)


@pytest.fixture
def learner(session):
    person = Learner(learner_key="L00001", first_name="Ann", last_name="Roy", intake_date=INTAKE, stage="participation")
    session.add(person)
    session.flush()
    session.add_all([
        StageEntry(learner_id=person.id, stage="initial", entered_date=INTAKE),
        StageEntry(learner_id=person.id, stage="participation", entered_date=date(2025, 2, 3)),
    ])
    session.flush()
    return person


def test_an_exit_moves_the_learner_to_closure_on_that_day_and_closes_the_plan(session, learner):
    save_plan(session, learner.id, PlanRecord(written_date=date(2026, 1, 20)), today=date(2026, 8, 31))
    record_exit(session, learner.id, exit_date=date(2026, 8, 31), reason=" Found employment ", outcome="Full-time job",
                satisfaction=5, today=date(2026, 8, 31))
    assert exit_of(session, learner.id).satisfaction == 5
    assert (learner.exit_date, learner.exit_reason, learner.satisfaction, learner.stage) == (
        date(2026, 8, 31), "Found employment", 5, "closure")
    assert stage_history(session, learner.id)[-1].stage == "closure"
    assert stage_history(session, learner.id)[-1].from_date == date(2026, 8, 31)
    assert current_plan(session, learner.id).closed_date == date(2026, 8, 31)


def test_an_exit_on_the_31st_has_follow_ups_on_the_30th_the_28th_and_the_31st(session, learner):
    record_exit(session, learner.id, exit_date=date(2026, 8, 31), reason=None, outcome=None, satisfaction=None,
                today=date(2026, 9, 1))
    rows = follow_ups(session, learner.id, today=date(2026, 11, 30))
    assert [(r.months, r.due_date, r.status) for r in rows] == [
        (3, date(2026, 11, 30), "due"),
        (6, date(2027, 2, 28), "upcoming"),
        (12, date(2027, 8, 31), "upcoming"),
    ]
    assert [r.status for r in follow_ups(session, learner.id, today=date(2026, 12, 1))][0] == "overdue"


def test_a_follow_up_is_recorded_done_or_unable_and_can_be_corrected(session, learner):
    record_exit(session, learner.id, exit_date=date(2025, 8, 31), reason=None, outcome=None, satisfaction=4,
                today=date(2025, 9, 1))
    today = date(2026, 9, 15)
    done = record_follow_up(session, learner.id, 3, done_on=date(2025, 12, 2), outcome="Working part-time", today=today)
    assert (done.status, done.done_date, done.outcome) == ("done", date(2025, 12, 2), "Working part-time")
    unable = record_follow_up(session, learner.id, 6, done_on=date(2026, 3, 2), unable_to_contact=True,
                              notes="Two messages left", today=today)
    assert unable.status == "unable" and unable.unable_to_contact
    corrected = record_follow_up(session, learner.id, 6, done_on=date(2026, 3, 9), outcome="In college", today=today)
    assert (corrected.status, corrected.follow_up_id) == ("done", unable.follow_up_id)
    assert [r.status for r in follow_ups(session, learner.id, today)] == ["done", "done", "overdue"]
    remove_follow_up(session, learner.id, 6)
    assert [r.status for r in follow_ups(session, learner.id, today)] == ["done", "overdue", "overdue"]


def test_a_follow_up_before_the_exit_or_for_other_months_is_refused(session, learner):
    with pytest.raises(LbsDeskError, match="record the learner's exit first"):
        record_follow_up(session, learner.id, 3, done_on=date(2026, 5, 1), today=date(2026, 9, 1))
    record_exit(session, learner.id, exit_date=date(2026, 5, 29), reason=None, outcome=None, satisfaction=None,
                today=date(2026, 9, 1))
    with pytest.raises(ValidationFailed) as failure:
        record_follow_up(session, learner.id, 3, done_on=date(2026, 5, 28), today=date(2026, 9, 1))
    assert "before the exit" in failure.value.problems["done_date"]
    with pytest.raises(ValidationFailed) as failure:
        record_follow_up(session, learner.id, 9, done_on=date(2026, 8, 29), today=date(2026, 9, 1))
    assert "3, 6 or 12" in failure.value.problems["months"]
    with pytest.raises(ValidationFailed, match="in the future"):
        record_follow_up(session, learner.id, 3, done_on=date(2026, 9, 2), today=date(2026, 9, 1))
    assert follow_ups(session, learner.id, today=date(2026, 9, 1))[0].status == "overdue"  # nothing was recorded


def test_an_exit_before_intake_or_before_the_current_stage_is_refused(session, learner):
    with pytest.raises(ValidationFailed) as failure:
        record_exit(session, learner.id, exit_date=date(2025, 1, 12), reason=None, outcome=None, satisfaction=None,
                    today=date(2026, 9, 1))
    assert "before the intake date" in failure.value.problems["exit_date"]
    with pytest.raises(ValidationFailed) as failure:
        record_exit(session, learner.id, exit_date=date(2025, 1, 20), reason=None, outcome=None, satisfaction=6,
                    today=date(2026, 9, 1))
    assert "before the learner entered Participation" in failure.value.problems["exit_date"]
    assert "1 to 5" in failure.value.problems["satisfaction"]
    assert learner.exit_date is None and learner.stage == "participation"


def test_correcting_the_exit_date_moves_its_closure_entry_and_clearing_it_reopens(session, learner):
    record_exit(session, learner.id, exit_date=date(2026, 6, 30), reason="Moved away", outcome=None, satisfaction=None,
                today=date(2026, 9, 1))
    record_exit(session, learner.id, exit_date=date(2026, 7, 3), reason="Moved away", outcome=None, satisfaction=3,
                today=date(2026, 9, 1))
    spans = stage_history(session, learner.id)
    assert [(s.stage, s.from_date) for s in spans][-2:] == [("participation", date(2025, 2, 3)), ("closure", date(2026, 7, 3))]
    clear_exit(session, learner.id)
    assert (learner.exit_date, learner.satisfaction, learner.stage) == (None, None, "participation")
    assert [s.stage for s in stage_history(session, learner.id)] == ["initial", "participation"]
    assert follow_ups(session, learner.id) == []


def test_an_exit_cannot_move_past_a_recorded_follow_up_nor_be_cleared(session, learner):
    record_exit(session, learner.id, exit_date=date(2025, 8, 1), reason=None, outcome=None, satisfaction=None,
                today=date(2026, 9, 1))
    record_follow_up(session, learner.id, 3, done_on=date(2025, 11, 3), today=date(2026, 9, 1))
    with pytest.raises(ValidationFailed, match="follow-up was already recorded"):
        record_exit(session, learner.id, exit_date=date(2025, 12, 1), reason=None, outcome=None, satisfaction=None,
                    today=date(2026, 9, 1))
    with pytest.raises(LbsDeskError, match="remove the follow-ups first"):
        clear_exit(session, learner.id)
