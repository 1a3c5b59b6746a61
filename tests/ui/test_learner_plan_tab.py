"""The plan tab: edit and save a plan with a milestone, advance a stage, earlier plans read-only."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from lbsdesk.services import plans as plan_service
from lbsdesk.services.plans import MilestoneRecord
from lbsdesk.ui.learner_plan_tab import DateDialog, LearnerPlanTab
from lbsdesk.ui.milestone_table_model import COL_COMPETENCY, COL_DESCRIPTION, COL_LEVEL, COL_PLANNED, MilestoneTableModel

TODAY = date.today()


def _tab(qtbot, database, learner_id):
    tab = LearnerPlanTab(database, learner_id)
    qtbot.addWidget(tab)
    tab.resize(1200, 900)
    tab.show()
    return tab


def test_write_and_save_a_first_plan_with_a_milestone(qtbot, database, make_learner):
    learner_id = make_learner("Ana", "Plan", intake_date=TODAY - timedelta(days=40))
    tab = _tab(qtbot, database, learner_id)
    assert tab.plan_chooser.currentText().startswith("Plan 1 (new")
    widgets = {name: widget for name, (widget, _error) in tab._fields.items()}
    widgets["written_date"].set_date_value(TODAY - timedelta(days=10))
    widgets["goal_path"].set_code("employment")
    qtbot.keyClicks(widgets["goal"], "Work as a cook")
    qtbot.keyClicks(widgets["culminating_task"], "Cook a meal for the class from a written recipe")
    model = tab.milestone_model
    qtbot.mouseClick(tab.add_milestone_button, Qt.MouseButton.LeftButton)
    assert model.setData(model.index(0, COL_DESCRIPTION), "Read a recipe")
    assert model.setData(model.index(0, COL_COMPETENCY), "A")
    assert model.setData(model.index(0, COL_LEVEL), 2)
    assert model.setData(model.index(0, COL_PLANNED), (TODAY + timedelta(days=20)).isoformat())
    assert not model.setData(model.index(0, COL_PLANNED), "next Tuesday")  # not a date: refused
    assert tab.is_dirty()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    with database.session() as session:
        plan = plan_service.current_plan(session, learner_id)
    assert plan.goal == "Work as a cook" and plan.goal_path == "employment"
    assert [(m.description, m.competency, m.level, m.status) for m in plan.milestones] == [("Read a recipe", "A", 2, "planned")]
    assert tab.plan_chooser.currentText().startswith("Plan 1 (current")
    assert tab.saved_label.text() == "Saved" and not tab.is_dirty()
    kinds = {event.kind for event, _point in tab.timeline.marker_positions()}
    assert {"plan_written", "milestone_planned"} <= kinds


def test_a_milestone_problem_is_shown_on_its_row(qtbot, database, make_learner):
    learner_id = make_learner("Ben", "Problem", intake_date=TODAY - timedelta(days=40))
    tab = _tab(qtbot, database, learner_id)
    tab.milestone_model.add_milestone(MilestoneRecord(description="", competency="B", level=1))
    assert tab.save() is None
    assert tab.banner.isVisible()
    assert "Milestone 1" in tab.milestone_error.text()
    assert "Milestone 1" in tab.milestone_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_move_to_the_next_stage_asks_for_the_date_and_shows_the_history(qtbot, database, make_learner, answer_modal):
    learner_id = make_learner("Cleo", "Stage", intake_date=TODAY - timedelta(days=30))
    tab = _tab(qtbot, database, learner_id)
    assert "Commencement" in tab.advance_button.text()
    entered = TODAY  # any day from the intake on; Initial began at intake

    def confirm(dialog):
        dialog.date_field.set_date_value(entered)
        dialog.accept()

    seen = answer_modal(DateDialog, confirm)
    with qtbot.waitSignal(tab.stage_changed) as blocker:
        qtbot.mouseClick(tab.advance_button, Qt.MouseButton.LeftButton)
    assert "dialog" in seen
    assert blocker.args == [learner_id, "commencement"]
    assert "Commencement" in tab.stage_label.text()
    assert f"Commencement {entered.isoformat()}" in tab.stage_history_label.text()
    assert "Participation" in tab.advance_button.text()
    spans = tab.timeline.timeline().spans
    assert [s.stage for s in spans][-1] == "commencement"


def test_a_refused_stage_date_says_why(qtbot, database, make_learner, answer_modal):
    from PySide6.QtWidgets import QMessageBox

    learner_id = make_learner("Dee", "Early", intake_date=TODAY - timedelta(days=5))
    tab = _tab(qtbot, database, learner_id)
    shown = {}
    answer_modal(QMessageBox, lambda box: (shown.setdefault("text", box.text()), box.accept()))
    assert tab.advance_stage(TODAY - timedelta(days=50)) is None
    assert "before the intake date" in shown["text"]


def test_new_plan_keeps_the_earlier_one_read_only(qtbot, database, make_learner):
    learner_id = make_learner("Eve", "Again", intake_date=TODAY - timedelta(days=100))
    with database.session() as session:
        record = plan_service.new_plan_record(session, learner_id)
        record.written_date = TODAY - timedelta(days=90)
        record.goal = "First goal"
        plan_service.save_plan(session, learner_id, record)
    tab = _tab(qtbot, database, learner_id)
    assert tab.start_new_plan(TODAY - timedelta(days=1), copy_current=True) is not None
    assert tab.plan_chooser.count() == 2
    assert tab.plan_chooser.currentText().startswith("Plan 2 (current")
    tab.plan_chooser.setCurrentIndex(0)
    assert tab.plan_chooser.currentText().startswith("Plan 1 (earlier")
    assert tab.read_only_label.isVisibleTo(tab) and not tab.save_button.isVisibleTo(tab)
    goal = tab._fields["goal"][0]
    assert goal.isReadOnly() and goal.toPlainText() == "First goal"
    assert tab.milestone_model.is_read_only()


def test_record_a_review_sets_the_next_review(qtbot, database, make_learner):
    learner_id = make_learner("Fay", "Review", intake_date=TODAY - timedelta(days=100))
    with database.session() as session:
        record = plan_service.new_plan_record(session, learner_id)
        record.written_date = TODAY - timedelta(days=95)
        plan_service.save_plan(session, learner_id, record)
    tab = _tab(qtbot, database, learner_id)
    assert "overdue" in tab.reviews_label.text()
    assert tab.record_review(TODAY, "Going well")
    assert "Going well" in tab.reviews_label.text()
    assert (TODAY + timedelta(days=90)).isoformat() in tab.reviews_label.text()


def test_the_summary_pdf_has_both_copies(qtbot, database, make_learner):
    from io import BytesIO

    from pypdf import PdfReader

    learner_id = make_learner("Gil", "Print", intake_date=TODAY - timedelta(days=10))
    tab = _tab(qtbot, database, learner_id)
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(tab.summary_pdf())).pages)
    assert "My learning plan" in text and "Learner plan" in text and "Timeline" in text


def test_the_milestone_model_passes_the_model_tester(qtmodeltester):
    model = MilestoneTableModel()
    model.set_milestones([
        MilestoneRecord(id=1, description="Read a schedule", competency="A", level=1, planned_date=date(2026, 1, 5)),
        MilestoneRecord(id=2, description="Fill a form", competency="B", level=2, status="attempted",
                        attempted_date=date(2026, 1, 9)),
    ])
    qtmodeltester.check(model)
    model.add_milestone()
    model.remove_milestone(0)
    qtmodeltester.check(model)
