"""run_app: --smoke prints its JSON line; a bad database is refused; first-run setup; remembered layout."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialog, QMessageBox

from lbsdesk.db.engine import sqlite_url
from lbsdesk.services import agency as agency_service
from lbsdesk.ui.app import run_app
from lbsdesk.ui.first_run_setup_dialog import FirstRunSetupDialog


def test_smoke_prints_one_json_line_with_the_rows(qtbot, capsys, db_path, make_learner):
    make_learner("Marie", "Côté")
    make_learner("Jean", "Tremblay")
    assert run_app(sqlite_url(db_path), smoke=True) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert len(lines) == 1
    figures = json.loads(lines[0])
    assert figures["rows"] == 2 and figures["startup_ms"] > 0


def test_a_file_that_is_not_a_database_is_refused_with_the_reason(qtbot, capsys, tmp_path, monkeypatch):
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("these are my notes, not a database")
    assert run_app(sqlite_url(bad), smoke=True) == 1
    assert "not an LBS Desk database" in capsys.readouterr().err
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert run_app(sqlite_url(bad)) == 1
    assert "not an LBS Desk database" in shown[0]


def test_first_run_setup_saves_the_agency_and_staff(qtbot, database):
    dialog = FirstRunSetupDialog(database)
    qtbot.addWidget(dialog)
    dialog.accept()  # no name yet: refused, with the reason next to the field
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Agency name" in dialog.form.name_error.text()
    qtbot.keyClicks(dialog.form.name, "Northshore Literacy")
    qtbot.keyClicks(dialog.form.cams, "LBS-1234")
    dialog.form.staff.setPlainText("Pat Lee\nRobin Roy\n")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with database.session() as session:
        settings = agency_service.load_agency(session)
        staff = sorted(s.name for s in agency_service.list_staff(session))
        assert not agency_service.is_setup_needed(session)
    assert (settings.name, settings.cams_provider_number) == ("Northshore Literacy", "LBS-1234")
    assert staff == ["Pat Lee", "Robin Roy"]


def test_first_run_setup_loads_demo_data_without_freezing(qtbot, database):
    dialog = FirstRunSetupDialog(database)
    qtbot.addWidget(dialog)
    assert dialog.demo.isVisibleTo(dialog)
    dialog.demo.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=60_000)
    from lbsdesk.services.learner_list import LearnerQuery, matching_learner_ids

    with database.session() as session:
        assert len(matching_learner_ids(session, LearnerQuery())) == 120
        assert not agency_service.is_setup_needed(session)


def test_column_widths_and_page_are_remembered(qtbot, database, qsettings):
    from lbsdesk.ui.main_window import MainWindow

    first = MainWindow(database, qsettings)
    qtbot.addWidget(first)
    first.learner_list.table.setColumnWidth(1, 333)
    first.show_page("inquiries")
    first.close()
    second = MainWindow(database, qsettings)
    qtbot.addWidget(second)
    assert second.learner_list.table.columnWidth(1) == 333
    assert second.current_page() == "inquiries"


def test_status_bar_names_the_database_and_the_backup(window, database):
    assert database.display_name in window.database_label.text()
    assert "no backup yet" in window.backup_label.text()


def test_backup_runs_in_the_background_and_updates_the_status_bar(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: "no backup yet" not in window.backup_label.text(), timeout=10_000)
    assert target.exists() and target.stat().st_size > 0


def test_leaving_a_changed_file_asks_first(qtbot, window, make_learner, monkeypatch):
    learner_id = make_learner("Pat", "Doe")
    window.open_learner(learner_id)
    qtbot.keyClicks(window.learner_editor._fields["phone"].widget, "705-555-0000")
    asked = []

    def cancel(*args, **kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    window.learner_editor.close_button.click()
    assert asked and window.learners_page.currentWidget() is window.learner_editor
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.find_learner()
    assert window.learners_page.currentWidget() is window.learner_list
    assert window.learner_list.search.hasFocus()
