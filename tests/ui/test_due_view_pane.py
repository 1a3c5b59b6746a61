"""The "Due" view: loads on a worker thread, groups by kind with counts, opens records, prints."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

from pypdf import PdfReader
from PySide6.QtCore import Qt

from lbsdesk.services.due_items import DueItem
from lbsdesk.ui.due_view_model import DUE_ITEM_ROLE, DueViewModel
from lbsdesk.ui.due_view_pane import DueViewPane

TODAY = date.today()


def _pane(qtbot, database):
    pane = DueViewPane(database)
    qtbot.addWidget(pane)
    pane.resize(1000, 600)
    pane.show()
    return pane


def test_loads_in_the_background_and_groups_by_kind(qtbot, database, make_learner):
    learner_id = make_learner("Olga", "Overdue", intake_date=TODAY - timedelta(days=60))
    pane = _pane(qtbot, database)
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.refresh()
    model = pane.model
    counts = model.counts()
    assert counts["check_in"] == 1 and counts["no_formal_referral"] == 1
    group = model.index(model.group_row("check_in"), 0)
    assert model.data(group) == "Check-in overdue (1)"
    line = model.index(0, 0, group)
    assert model.data(line) == "Olga Overdue"
    assert "1 overdue" in pane.summary.text() or "overdue" in pane.summary.text()
    with qtbot.waitSignal(pane.learner_open_requested) as blocker:
        pane.view.activated.emit(line)
    assert blocker.args == [learner_id]


def test_a_referral_line_opens_the_referral(qtbot, database):
    pane = _pane(qtbot, database)
    item = DueItem("referral_reply", 5, "L00005", "Pat Partner", "Referral out to the Food Bank, sent 40 days ago",
                   TODAY - timedelta(days=10), True, "referral", 77)
    pane.set_items([item])
    group = pane.model.index(pane.model.group_row("referral_reply"), 0)
    with qtbot.waitSignal(pane.referral_open_requested) as blocker:
        pane.open_index(pane.model.index(0, 0, group))
    assert blocker.args == [77]
    assert pane.model.index(0, 0, group).data(DUE_ITEM_ROLE) is item


def test_print_the_to_do_sheet(qtbot, database, make_learner, tmp_path):
    make_learner("Quinn", "Todo", intake_date=TODAY - timedelta(days=60))
    pane = _pane(qtbot, database)
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.refresh()
    path = tmp_path / "todo.pdf"
    assert pane.save_todo_sheet(str(path))
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(path.read_bytes())).pages)
    assert "Quinn Todo" in text and "Check-in overdue (1)" in text and "No formal referral (1)" in text


def test_the_due_model_passes_the_model_tester(qtmodeltester):
    model = DueViewModel()
    model.set_items([
        DueItem("check_in", 1, "L1", "A B", "No check-in", TODAY, True, "learner", 1),
        DueItem("check_in", 2, "L2", "C D", "No check-in", TODAY, False, "learner", 2),
        DueItem("follow_up", 3, "L3", "E F", "3-month follow-up", TODAY, False, "follow_up", 3, months=3),
    ])
    qtmodeltester.check(model)
    assert model.counts()["check_in"] == 2 and model.counts()["plan_review"] == 0
