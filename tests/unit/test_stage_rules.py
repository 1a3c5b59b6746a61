"""The five plan stages: their order, moving on, and which stage dates are refused."""

from datetime import date

import pytest

from lbsdesk.domain.stage_rules import (
    STAGE_ORDER,
    StageStep,
    next_stage,
    spans_from_steps,
    stage_move_problems,
)

INTAKE = date(2026, 3, 2)
TODAY = date(2026, 9, 15)


def move(**changes):
    arguments = dict(current_stage="initial", new_stage="commencement", on=date(2026, 3, 10), intake_date=INTAKE,
                     last_entered=INTAKE, exit_date=None, today=TODAY, advancing=True)
    arguments.update(changes)
    return stage_move_problems(**arguments)


def test_the_stages_come_in_the_spec_order_and_closure_is_last():
    assert STAGE_ORDER == ("initial", "commencement", "participation", "management", "closure")
    assert [next_stage(s) for s in STAGE_ORDER] == ["commencement", "participation", "management", "closure", None]
    assert next_stage(None) == "commencement"  # no stage yet counts as Initial


def test_an_ordinary_move_is_allowed_even_on_the_same_day_as_the_previous_stage():
    assert move() == {}
    assert move(on=INTAKE) == {}


def test_advancing_past_closure_is_refused():
    problems = move(current_stage="closure", new_stage="closure")
    assert "already in Closure" in problems["stage"]


def test_a_stage_date_before_intake_is_refused():
    problems = move(on=date(2026, 3, 1), last_entered=None)
    assert "before the intake date 2026-03-02" in problems["entered_date"]


def test_a_stage_date_before_the_previous_stage_is_refused():
    problems = move(current_stage="participation", new_stage="management", last_entered=date(2026, 4, 1),
                    on=date(2026, 3, 31))
    assert "before Participation was entered on 2026-04-01" in problems["entered_date"]


def test_a_future_date_and_a_missing_date_are_refused():
    assert "in the future" in move(on=date(2026, 9, 16))["entered_date"]
    assert "enter the day" in move(on=None)["entered_date"]


def test_an_unknown_stage_is_refused_and_an_exited_learner_stays_in_closure():
    assert "not a plan stage" in move(new_stage="finished", advancing=False)["stage"]
    problems = move(current_stage="closure", new_stage="management", exit_date=date(2026, 9, 1), advancing=False)
    assert "clear the exit first" in problems["stage"]
    assert move(current_stage="management", new_stage="closure", exit_date=date(2026, 9, 1), advancing=False) == {}


def test_spans_run_from_each_stage_to_the_next_and_the_last_is_open():
    steps = [
        StageStep("commencement", date(2026, 3, 10), 2),
        StageStep("initial", INTAKE, 1),
        StageStep("participation", date(2026, 3, 20), 3),
    ]
    spans = spans_from_steps(steps, intake_date=INTAKE, current_stage="participation")
    assert [(s.stage, s.from_date, s.to_date) for s in spans] == [
        ("initial", INTAKE, date(2026, 3, 10)),
        ("commencement", date(2026, 3, 10), date(2026, 3, 20)),
        ("participation", date(2026, 3, 20), None),
    ]
    assert spans[0].label == "Initial" and all(s.recorded for s in spans)


def test_days_from_intake_without_an_entry_are_an_unrecorded_initial_span():
    spans = spans_from_steps([StageStep("participation", date(2026, 4, 1), 7)], intake_date=INTAKE,
                             current_stage="participation")
    assert [(s.stage, s.from_date, s.to_date, s.recorded) for s in spans] == [
        ("initial", INTAKE, date(2026, 4, 1), False),
        ("participation", date(2026, 4, 1), None, True),
    ]


def test_a_learner_without_entries_is_in_the_current_stage_since_intake():
    spans = spans_from_steps([], intake_date=INTAKE, current_stage="management")
    assert [(s.stage, s.from_date, s.to_date) for s in spans] == [("management", INTAKE, None)]


def test_two_moves_on_one_day_keep_the_order_they_were_recorded_in():
    steps = [StageStep("participation", date(2026, 3, 10), 5), StageStep("commencement", date(2026, 3, 10), 4)]
    spans = spans_from_steps(steps, intake_date=date(2026, 3, 10), current_stage="participation")
    assert [s.stage for s in spans] == ["commencement", "participation"]


@pytest.mark.parametrize("stage", STAGE_ORDER)
def test_every_stage_has_a_label(stage):
    spans = spans_from_steps([], intake_date=INTAKE, current_stage=stage)
    assert spans[0].label == stage.capitalize()
