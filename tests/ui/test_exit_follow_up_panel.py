"""Exit and follow-ups: record an exit, see the follow-ups due, record one done and one unable."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from lbsdesk.domain.calendar_rules import add_months
from lbsdesk.services.exits import exit_of, follow_ups
from lbsdesk.ui.exit_follow_up_panel import SATISFACTION_QUESTION, ExitFollowUpPanel

TODAY = date.today()


def _back_date_first_stage(database, learner_id, day):
    """The learner service records Initial on the day the file is saved; these learners came earlier."""
    from sqlalchemy import update

    from lbsdesk.db.models import StageEntry

    with database.session() as session:
        session.execute(update(StageEntry).where(StageEntry.learner_id == learner_id).values(entered_date=day))


def test_record_an_exit_and_a_follow_up(qtbot, database, make_learner):
    exit_day = add_months(TODAY, -4)
    learner_id = make_learner("Lea", "Leaving", intake_date=exit_day - timedelta(days=200))
    _back_date_first_stage(database, learner_id, exit_day - timedelta(days=200))
    panel = ExitFollowUpPanel(database, learner_id)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.rows[3].save.isEnabled()  # no follow-ups before the exit
    assert SATISFACTION_QUESTION.split(",")[0] in panel.findChild(type(panel.exit_message), "satisfactionQuestion").text()
    panel.exit_date.set_date_value(exit_day)
    panel.reason.setEditText("Went to employment")
    qtbot.keyClicks(panel.outcome, "Cook at the diner")
    panel.satisfaction.setCurrentIndex(panel.satisfaction.findData(5))
    with qtbot.waitSignal(panel.exit_recorded):
        qtbot.mouseClick(panel.exit_button, Qt.MouseButton.LeftButton)
    with database.session() as session:
        record = exit_of(session, learner_id)
    assert (record.exit_date, record.reason, record.satisfaction) == (exit_day, "Went to employment", 5)
    three = panel.rows[3]
    assert three.due.text() == add_months(exit_day, 3).isoformat()
    assert "Overdue" in three.status.text()
    assert panel.rows[6].status.text() == "Not due yet"
    three.done_on.set_date_value(TODAY)
    qtbot.keyClicks(three.outcome, "Still working")
    with qtbot.waitSignal(panel.follow_up_recorded) as blocker:
        qtbot.mouseClick(three.save, Qt.MouseButton.LeftButton)
    assert blocker.args == [learner_id, 3]
    assert panel.rows[3].status.text() == "Done"
    six = panel.rows[6]
    six.done_on.set_date_value(TODAY)
    six.unable.setChecked(True)
    assert panel.record_follow_up(6)
    with database.session() as session:
        rows = {row.months: row for row in follow_ups(session, learner_id)}
    assert rows[3].status == "done" and rows[3].outcome == "Still working"
    assert rows[6].status == "unable"


def test_exit_in_the_future_is_refused_under_the_field(qtbot, database, make_learner):
    learner_id = make_learner("Max", "Soon", intake_date=TODAY - timedelta(days=20))
    panel = ExitFollowUpPanel(database, learner_id)
    qtbot.addWidget(panel)
    panel.exit_date.set_date_value(TODAY + timedelta(days=2))
    assert not panel.record_exit()
    assert "future" in panel.exit_date_error.text()


def test_a_follow_up_before_the_exit_is_refused(qtbot, database, make_learner):
    exit_day = TODAY - timedelta(days=10)
    learner_id = make_learner("Ned", "Early", intake_date=TODAY - timedelta(days=100))
    _back_date_first_stage(database, learner_id, TODAY - timedelta(days=100))
    panel = ExitFollowUpPanel(database, learner_id)
    qtbot.addWidget(panel)
    panel.exit_date.set_date_value(exit_day)
    assert panel.record_exit()
    panel.rows[3].done_on.set_date_value(exit_day - timedelta(days=1))
    assert not panel.record_follow_up(3)
    assert "before the exit" in panel.rows[3].error.text()
