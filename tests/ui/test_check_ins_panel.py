"""Check-ins: add one; a need noticed offers a referral out (referral_out_requested)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from lbsdesk.services.check_ins import check_ins_of
from lbsdesk.ui.check_ins_panel import CheckInsPanel

TODAY = date.today()


def _panel(qtbot, database, learner_id):
    panel = CheckInsPanel(database, learner_id)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    return panel


def test_ticked_needs_offer_a_referral_out_each(qtbot, database, make_learner):
    learner_id = make_learner("Hana", "Needs", intake_date=TODAY - timedelta(days=60))
    panel = _panel(qtbot, database, learner_id)
    asked = []
    panel.ask_referral = lambda need: asked.append(need) or need == "housing"
    panel.date_field.set_date_value(TODAY - timedelta(days=1))
    panel._with_radios["tutor"].setChecked(True)
    qtbot.keyClicks(panel.notes, "Missed two classes; looking for a new place to live")
    panel.need_boxes["housing"].setChecked(True)
    panel.need_boxes["transportation"].setChecked(True)
    emitted = []
    panel.referral_out_requested.connect(lambda lid, need: emitted.append((lid, need)))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert asked == ["housing", "transportation"]
    assert emitted == [(learner_id, "housing")]
    with database.session() as session:
        saved = check_ins_of(session, learner_id)
    assert [(c.with_whom, c.needs_noticed) for c in saved] == [("tutor", ["housing", "transportation"])]
    assert panel.check_in_count() == 1
    assert not panel.need_boxes["housing"].isChecked()  # the form is ready for the next one


def test_no_needs_no_question(qtbot, database, make_learner):
    learner_id = make_learner("Ian", "Calm", intake_date=TODAY - timedelta(days=60))
    panel = _panel(qtbot, database, learner_id)
    panel.ask_referral = lambda need: (_ for _ in ()).throw(AssertionError("asked"))
    assert panel.save() is not None
    assert panel.check_in_count() == 1


def test_a_future_date_is_refused_under_the_field(qtbot, database, make_learner):
    learner_id = make_learner("Joy", "Future", intake_date=TODAY - timedelta(days=60))
    panel = _panel(qtbot, database, learner_id)
    panel.date_field.set_date_value(TODAY + timedelta(days=3))
    assert panel.save() is None
    assert "future" in panel.date_error.text()
    assert panel.check_in_count() == 0


def test_the_real_question_box(qtbot, database, make_learner, answer_modal):
    from PySide6.QtWidgets import QMessageBox

    learner_id = make_learner("Kim", "Ask", intake_date=TODAY - timedelta(days=60))
    panel = _panel(qtbot, database, learner_id)
    panel.need_boxes["child_care"].setChecked(True)
    shown = {}
    answer_modal(QMessageBox, lambda box: (shown.setdefault("text", box.text()),
                                           box.button(QMessageBox.StandardButton.Yes).click()))
    with qtbot.waitSignal(panel.referral_out_requested) as blocker:
        panel.save()
    assert blocker.args == [learner_id, "child_care"]
    assert "Start a referral out for child care?" in shown["text"]
