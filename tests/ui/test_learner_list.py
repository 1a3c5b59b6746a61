"""The learner list: search as you type, the filter, sorting, keyboard-only opening."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lbsdesk.ui.learner_table_model import COL_NAME, LearnerTableModel


def names(model) -> list[str]:
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def test_typing_in_search_shows_the_matching_rows_ignoring_accents(qtbot, three_learners, window):
    pane = window.learner_list
    assert pane.search.objectName() == "learnerSearch"
    assert len(names(pane.model)) == 3
    qtbot.keyClicks(pane.search, "cote")
    qtbot.waitUntil(lambda: names(pane.model) == ["Côté, Marie"])
    pane.search.clear()
    qtbot.keyClicks(pane.search, "555-0101")
    qtbot.waitUntil(lambda: names(pane.model) == ["Côté, Marie"])
    pane.search.clear()
    qtbot.keyClicks(pane.search, "nobody like this")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 0)
    assert "No learner matches" in pane.count_label.text()


def test_the_filter_carries_the_spec_codes_and_filters_in_sql(qtbot, three_learners, window):
    pane = window.learner_list
    codes = [pane.filter.itemData(i) for i in range(pane.filter.count())]
    assert codes == ["all", "active", "exited", "no_formal_referral", "follow_up_due"]
    pane.filter.setCurrentIndex(codes.index("exited"))
    assert names(pane.model) == ["Smith, Anne"]
    pane.filter.setCurrentIndex(codes.index("active"))
    assert names(pane.model) == ["Côté, Marie", "Tremblay, Jean"]
    qtbot.keyClicks(pane.search, "jean")
    qtbot.waitUntil(lambda: names(pane.model) == ["Tremblay, Jean"])


def test_clicking_a_header_sorts_in_sql(qtbot, three_learners, window):
    pane = window.learner_list
    header = pane.table.horizontalHeader()
    header.setSortIndicator(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert names(pane.model) == ["Tremblay, Jean", "Smith, Anne", "Côté, Marie"]
    assert pane.model.query().sort == "name" and pane.model.query().descending


def test_keyboard_only_finds_and_opens_a_learner(qtbot, three_learners, window):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    pane = window.learner_list
    qtbot.waitUntil(lambda: pane.search.hasFocus())
    qtbot.keyClicks(pane.search, "trem")
    qtbot.keyClick(pane.search, Qt.Key.Key_Down)
    assert pane.table.hasFocus()
    assert names(pane.model) == ["Tremblay, Jean"]
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert window.learners_page.currentWidget() is window.learner_editor
    assert window.learner_editor.learner_id() == three_learners["tremblay"]
    qtbot.keyClick(window.learner_editor, Qt.Key.Key_Escape)
    assert window.learners_page.currentWidget() is window.learner_list


def test_double_click_opens_the_learner(qtbot, three_learners, window):
    pane = window.learner_list
    row = pane.model.row_of(three_learners["cote"])
    rect = pane.table.visualRect(pane.model.index(row, COL_NAME))
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.learner_editor.learner_id() == three_learners["cote"]


def test_the_learner_model_passes_the_model_tester(qtmodeltester, database, three_learners):
    model = LearnerTableModel(database)
    model.start()
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_rows_are_fetched_a_page_at_a_time(database, make_learner, monkeypatch):
    from lbsdesk.services import learner_list
    from lbsdesk.ui import learner_table_model

    for n in range(12):
        make_learner(f"Person{n:02d}", "Page")
    monkeypatch.setattr(learner_table_model, "PAGE_SIZE", 5)
    fetched = []
    real = learner_list.learner_rows
    monkeypatch.setattr(learner_list, "learner_rows", lambda s, ids, today=None: fetched.append(len(ids)) or real(s, ids, today))
    model = LearnerTableModel(database)
    model.start()
    assert model.rowCount() == 12 and fetched == []
    assert model.index(0, COL_NAME).data() == "Page, Person00"
    assert model.index(11, COL_NAME).data() == "Page, Person11"
    assert fetched == [5, 2]
