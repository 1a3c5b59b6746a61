"""The learner file: create through the form, validation next to the field, duplicates, merge."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from lbsdesk.services import learners as learner_service
from lbsdesk.ui.duplicate_dialog import DuplicateDialog
from lbsdesk.ui.learner_table_model import COL_NAME
from lbsdesk.ui.merge_dialog import MergeDialog


def field(window, name):
    return window.learner_editor._fields[name].widget


def names(model) -> list[str]:
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def test_a_learner_created_through_the_form_is_found_in_the_list(qtbot, window, database):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.learner_editor
    assert window.learners_page.currentWidget() is editor and editor.is_new()
    field(window, "first_name").insert("Hélène")  # QTest types ASCII only
    field(window, "last_name").insert("Lévesque")
    qtbot.keyClicks(field(window, "date_of_birth"), "1982-04-09")
    goal_path = field(window, "goal_path")
    goal_path.setCurrentIndex(goal_path.findData("employment"))
    with qtbot.waitSignal(editor.learner_saved) as saved:
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    learner_id = saved.args[0]
    with database.session() as session:
        record = learner_service.load_learner(session, learner_id)
    assert (record.first_name, record.last_name, record.goal_path) == ("Hélène", "Lévesque", "employment")
    assert record.date_of_birth == date(1982, 4, 9)
    editor.request_close()
    pane = window.learner_list
    qtbot.keyClicks(pane.search, "levesque")
    qtbot.waitUntil(lambda: names(pane.model) == ["Lévesque, Hélène"])
    assert pane.current_learner_id() == learner_id


def test_problems_are_shown_next_to_the_field_naming_the_fix(qtbot, window):
    window.new_learner()
    editor = window.learner_editor
    qtbot.keyClicks(field(window, "first_name"), "Sam")
    qtbot.keyClicks(field(window, "date_of_birth"), "2019-05-01")
    qtbot.keyClicks(field(window, "exit_date"), "not a date")
    assert editor.save() is None
    assert editor._fields["exit_date"].error.isVisibleTo(editor)
    assert "YYYY-MM-DD" in editor._fields["exit_date"].error.text()
    field(window, "exit_date").clear()
    assert editor.save() is None
    last_error = editor._fields["last_name"].error
    assert last_error.isVisibleTo(editor) and "Last name" in last_error.text()
    assert "Date of birth" in editor._fields["date_of_birth"].error.text()
    assert editor.banner.isVisibleTo(editor)


def test_a_near_duplicate_shows_the_warning_and_can_be_saved_anyway(qtbot, window, make_learner, answer_modal):
    existing = make_learner("Marie", "Côté", date_of_birth=date(1980, 3, 4), phone="705-555-0101")
    window.learner_list.refresh()
    window.new_learner()
    qtbot.keyClicks(field(window, "first_name"), "Cote")
    qtbot.keyClicks(field(window, "last_name"), "Marie")
    qtbot.keyClicks(field(window, "date_of_birth"), "1980-03-04")
    seen = {}

    def look_and_save_anyway(dialog):
        seen["match"] = dialog.chosen_learner_id()
        seen["text"] = dialog.table.item(6, 1).text()
        dialog.save_button.click()

    answer_modal(DuplicateDialog, look_and_save_anyway)
    learner_id = window.learner_editor.save()
    assert seen["match"] == existing and seen["text"]
    assert learner_id is not None and learner_id != existing
    assert window.learner_list.model.rowCount() == 2


def test_the_duplicate_warning_can_open_the_existing_file(qtbot, window, make_learner, answer_modal):
    existing = make_learner("Jean", "Tremblay", phone="(613) 555-0199")
    window.new_learner()
    qtbot.keyClicks(field(window, "first_name"), "Johnny")
    qtbot.keyClicks(field(window, "last_name"), "Walker")
    qtbot.keyClicks(field(window, "phone"), "613.555.0199")
    answer_modal(DuplicateDialog, lambda dialog: dialog.open_button.click())
    assert window.learner_editor.save() is None
    assert window.learner_editor.learner_id() == existing
    window.learner_list.refresh()
    assert window.learner_list.model.rowCount() == 1  # nothing new was saved


def test_merging_two_files_keeps_one(qtbot, window, make_learner, answer_modal, monkeypatch):
    first = make_learner("Anne", "Smith", phone="705-555-0111")
    second = make_learner("Ann", "Smyth")
    window.learner_list.refresh()
    window.open_learner(second)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)

    def choose_and_merge(dialog):
        qtbot.keyClicks(dialog.search, "smith")
        qtbot.waitUntil(lambda: dialog.choices.count() == 1)
        dialog.choices.setCurrentRow(0)
        dialog.second_box.keep.setChecked(True)
        dialog.merge_button.click()

    answer_modal(MergeDialog, choose_and_merge)
    window.learner_editor.merge_button.click()
    assert window.learner_editor.learner_id() == first
    assert window.learner_editor.record().phone == "705-555-0111"
    assert names(window.learner_list.model) == ["Smith, Anne"]


def test_overriding_a_suitability_indicator_is_saved(qtbot, window, make_learner, database):
    learner_id = make_learner("Lee", "Wong", date_of_birth=date(1970, 1, 1))
    window.open_learner(learner_id)
    combo = window.learner_editor.findChild(QComboBox, "override_disability")
    combo.setCurrentIndex(combo.findData(True))
    assert window.learner_editor.save() == learner_id
    with database.session() as session:
        assert learner_service.load_learner(session, learner_id).suitability_overrides == {"disability": True}
