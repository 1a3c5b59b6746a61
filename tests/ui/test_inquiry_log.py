"""The inquiry log: three fields and Enter to save; Enrol turns an inquiry into a learner file."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lbsdesk.services import inquiries as inquiry_service
from lbsdesk.ui.inquiry_log_pane import InquiryTableModel


def test_enter_logs_an_inquiry_and_it_appears_in_the_list(qtbot, window, database):
    window.show_page("inquiries")
    log = window.inquiry_log
    assert log.objectName() == "inquiryLog"
    log.channel.setCurrentIndex(log.channel.findData("walk_in"))
    log.source.setCurrentIndex(log.source.findData("word_of_mouth"))
    qtbot.keyClicks(log.note, "Asked about GED prep")
    with qtbot.waitSignal(log.inquiry_added):
        qtbot.keyClick(log.note, Qt.Key.Key_Return)
    assert log.note.text() == ""
    assert log.model.rowCount() == 1
    assert [log.model.index(0, c).data() for c in (1, 2, 3)] == ["Walk-in", "Word of mouth", "Asked about GED prep"]
    qtbot.keyClicks(log.note, "Second call")
    qtbot.keyClick(log.date_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert log.model.rowCount() == 2
    with database.session() as session:
        assert len(inquiry_service.recent_inquiries(session)) == 2


def test_enrol_opens_a_prefilled_learner_file_and_links_the_inquiry(qtbot, window, database):
    window.show_page("inquiries")
    log = window.inquiry_log
    qtbot.keyClicks(log.note, "Sam, wants to read to his kids")
    qtbot.keyClick(log.note, Qt.Key.Key_Return)
    log.table.selectRow(0)
    assert log.enrol_button.isEnabled()
    log.enrol_button.click()
    editor = window.learner_editor
    assert window.current_page() == "learners" and window.learners_page.currentWidget() is editor
    assert "Sam, wants to read to his kids" in editor._fields["notes"].widget.toPlainText()
    qtbot.keyClicks(editor._fields["first_name"].widget, "Sam")
    qtbot.keyClicks(editor._fields["last_name"].widget, "Rivers")
    learner_id = editor.save()
    assert learner_id is not None
    with database.session() as session:
        (row,) = inquiry_service.recent_inquiries(session)
    assert row.learner_id == learner_id
    assert log.model.index(0, 4).data() == "Sam Rivers" or "Sam" in log.model.index(0, 4).data()


def test_the_inquiry_model_passes_the_model_tester(qtmodeltester, database):
    from datetime import date

    with database.session() as session:
        for n in range(3):
            inquiry_service.add_inquiry(session, inquiry_date=date(2026, 5, n + 1), channel="phone", source=None, notes=f"n{n}")
        rows = inquiry_service.recent_inquiries(session)
    model = InquiryTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
