"""The monthly sheet view: the numbers on screen are monthly_figures(), each opens its records, the call
list opens learners, CaMS marking, closing (banner, frozen figures, amendments) and reopening."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import select

from lbsdesk.db.models import Learner, Partner, Referral
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.services.demo_data import build_demo
from lbsdesk.services.month_close import MonthStatus, month_state
from lbsdesk.services.monthly_report import monthly_figures
from lbsdesk.ui.month_list_models import LEARNER_ID_ROLE, RECORD_ID_ROLE
from lbsdesk.ui.month_widgets import RecordsDialog
from lbsdesk.ui.monthly_sheet_pane import MarkKeyedDialog, MonthlySheetPane, ReopenDialog

TODAY = date(2026, 11, 15)
OCTOBER = Month(2026, 10)


@pytest.fixture
def demo(database):
    with database.session() as session:
        build_demo(session, learners=80, seed=2, today=TODAY)
    return database


@pytest.fixture
def pane(qtbot, demo):
    widget = MonthlySheetPane(demo, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    with qtbot.waitSignal(widget.month_loaded, timeout=10000) as loaded:
        widget.show()
    assert loaded.args == [str(OCTOBER)], "opens on last month"
    return widget


def number(text: str) -> float:
    return float(text.replace(",", "").replace("%", ""))


def shown(pane: MonthlySheetPane, figure: str) -> float:
    button = pane.figure_button(figure)
    assert button is not None and not button.isHidden(), f"{figure} is on screen"
    return number(button.text())


def test_the_numbers_on_screen_are_the_monthly_figures(pane, demo):
    with demo.session() as session:
        figures = monthly_figures(session, OCTOBER)
    assert pane.objectName() == "monthlySheet"
    inquiries, learners = figures["inquiries"], figures["learners"]
    assert shown(pane, "inquiries.total") == inquiries["total"]
    assert shown(pane, "inquiries.enrolled") == inquiries["enrolled"]
    for code, count in inquiries["by_channel"].items():
        assert shown(pane, f"inquiries.by_channel.{code}") == count
    for code, count in inquiries["by_source"].items():
        assert shown(pane, f"inquiries.by_source.{code}") == count
    for key in ("active", "new", "exited"):
        assert shown(pane, f"learners.{key}") == learners[key]
    for code, count in learners["by_goal_path"].items():
        assert shown(pane, f"learners.by_goal_path.{code}") == count
    for section in ("referrals_in", "referrals_out"):
        data = figures[section]
        assert shown(pane, f"{section}.total") == data["total"]
        assert shown(pane, f"{section}.formal") == data["formal"]
        assert shown(pane, f"{section}.informal") == data["total"] - data["formal"]
        for code, count in data["by_type"].items():
            assert shown(pane, f"{section}.by_type.{code}") == count
    coordination = figures["service_coordination"]
    for key in ("closed_plans", "closed_with_formal_referral", "formal_referrals_on_closed", "referrals_needed"):
        assert shown(pane, f"service_coordination.{key}") == coordination[key]
    assert number(pane.coordination_percent.text()) == coordination["percent"]
    assert f"{coordination['target_percent']}%" in pane.coordination_sentence.text()
    # the lists, with their counts on the tabs
    assert [pane.gap_model.row_snapshot(r).learner_key for r in range(pane.gap_model.rowCount())] == figures["gaps"]
    assert [pane.cams_model.row_snapshot(r).referral_key for r in range(pane.cams_model.rowCount())] == figures["not_in_cams"]
    assert pane.follow_up_model.rowCount() == len(figures["follow_ups_due"])
    assert f"({len(figures['gaps'])})" in pane.tabs.tabText(0)
    assert f"({len(figures['not_in_cams'])})" in pane.tabs.tabText(1)
    # the call list shows names and phone numbers
    with demo.session() as session:
        first = session.execute(select(Learner.first_name, Learner.last_name, Learner.phone)
                                .where(Learner.learner_key == figures["gaps"][0])).one()
    assert pane.gap_model.index(0, 0).data() == f"{first.first_name} {first.last_name}"
    assert pane.gap_model.index(0, 1).data() == (first.phone or "")


def test_models_pass_the_model_tester(pane, qtmodeltester):
    for model in (pane.gap_model, pane.cams_model, pane.follow_up_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_a_call_list_row_opens_that_learner(pane, qtbot, demo):
    table = pane.gap_table
    row = 1
    expected = pane.gap_model.index(row, 0).data(LEARNER_ID_ROLE)
    with demo.session() as session:
        assert session.get(Learner, expected).learner_key == pane.gap_model.row_snapshot(row).learner_key
    rect = table.visualRect(pane.gap_model.index(row, 0))
    with qtbot.waitSignal(pane.learner_open_requested) as opened:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [expected]


def test_a_cams_row_opens_that_referral(pane, qtbot):
    pane.tabs.setCurrentIndex(1)
    index = pane.cams_model.index(0, 0)
    with qtbot.waitSignal(pane.referral_open_requested) as opened:
        pane.cams_table.activated.emit(index)
    assert opened.args == [index.data(RECORD_ID_ROLE)]


def test_a_number_opens_the_records_behind_it(pane, qtbot, qtmodeltester):
    button = pane.figure_button("learners.active")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RecordsDialog), timeout=10000)
    dialog = QApplication.activeModalWidget()
    assert dialog.model.rowCount() == number(button.text())
    qtmodeltester.check(dialog.model)
    first = dialog.model.row_snapshot(0)
    with qtbot.waitSignal(pane.learner_open_requested) as opened:
        dialog.table.activated.emit(dialog.model.index(0, 0))
    assert opened.args == [first.id]

    qtbot.mouseClick(pane.figure_button("referrals_out.formal"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RecordsDialog), timeout=10000)
    dialog = QApplication.activeModalWidget()
    assert dialog.model.rowCount() == shown(pane, "referrals_out.formal")
    assert all(dialog.model.row_snapshot(r).formal for r in range(dialog.model.rowCount()))
    dialog.reject()


def test_marking_referrals_keyed_into_cams(pane, qtbot, answer_modal, demo):
    assert pane.cams_model.rowCount() > 0
    pane.tabs.setCurrentIndex(1)
    answer_modal(MarkKeyedDialog, lambda dialog: dialog.mark_button.click())
    with qtbot.waitSignal(pane.month_loaded, timeout=10000):
        qtbot.mouseClick(pane.mark_keyed_button, Qt.MouseButton.LeftButton)
    # keyed in after October ended: still on October's list (SPEC 4), now with the day, and off November's
    keyed_column = pane.cams_model.columnCount() - 1
    dates = {pane.cams_model.index(r, keyed_column).data() for r in range(pane.cams_model.rowCount())}
    assert TODAY.isoformat() in dates and "Not yet" not in dates
    with demo.session() as session:
        keys = monthly_figures(session, OCTOBER)["not_in_cams"]
        assert set(keys).isdisjoint(monthly_figures(session, Month(2026, 11))["not_in_cams"])


def click_close_the_month(box: QMessageBox) -> None:
    for button in box.buttons():
        if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
            button.click()


def test_closing_then_amending_then_reopening_with_a_reason(pane, qtbot, answer_modal, demo):
    frozen_gaps = pane.gap_model.rowCount()
    frozen_active = shown(pane, "learners.active")
    assert pane.close_button.isEnabled() and not pane.reopen_button.isEnabled()
    assert pane.banner.isHidden()

    answer_modal(QMessageBox, click_close_the_month)
    with qtbot.waitSignals([pane.month_closed, pane.month_loaded], timeout=20000):
        qtbot.mouseClick(pane.close_button, Qt.MouseButton.LeftButton)
    assert pane.sheet.state.status is MonthStatus.CLOSED
    assert pane.status_label.text() == "Closed"
    assert pane.banner.isVisible() and "Closed on" in pane.banner.text()
    assert not pane.close_button.isEnabled() and pane.reopen_button.isEnabled()

    # a formal referral dated in October is keyed in late for someone on the call list
    gap_learner = pane.gap_model.row_snapshot(0)
    with demo.session() as session:
        partner = session.scalars(select(Partner).limit(1)).one()
        session.add(Referral(referral_key="R-LATE", learner_id=gap_learner.id, direction="out",
                             referral_date=date(2026, 10, 20), partner_id=partner.id, formal=True))
    with qtbot.waitSignal(pane.month_loaded, timeout=10000):
        pane.refresh()
    assert pane.gap_model.rowCount() == frozen_gaps, "a closed month shows what was printed"
    assert shown(pane, "learners.active") == frozen_active
    assert "Changed since it was closed" in pane.banner.text()
    assert f"{gap_learner.learner_key} no longer listed" in pane.banner.text()

    # reopening needs a reason
    def answer_reopen(dialog: ReopenDialog) -> None:
        dialog.reopen_button.click()  # no reason yet
        assert dialog.isVisible() and dialog.error.isVisible()
        dialog.reason.setPlainText("R-LATE was dated in October but keyed in late.")
        dialog.reopen_button.click()

    answer_modal(ReopenDialog, answer_reopen)
    with qtbot.waitSignals([pane.month_reopened, pane.month_loaded], timeout=20000):
        qtbot.mouseClick(pane.reopen_button, Qt.MouseButton.LeftButton)
    assert pane.status_label.text() == "Reopened"
    assert "R-LATE was dated in October" in pane.banner.text()
    assert pane.gap_model.rowCount() == frozen_gaps - 1, "today's figures again"
    with demo.session() as session:
        state = month_state(session, OCTOBER, today=TODAY)
    assert state.status is MonthStatus.REOPENED
    assert state.events[-1].reason == "R-LATE was dated in October but keyed in late."


def test_previous_and_next_months(pane, qtbot):
    assert not pane.next_button.isEnabled() or pane.current_month < Month.of(TODAY)
    with qtbot.waitSignal(pane.month_loaded, timeout=10000) as loaded:
        qtbot.mouseClick(pane.prev_button, Qt.MouseButton.LeftButton)
    assert loaded.args == ["2026-09"]
    assert pane.month_combo.currentText() == "September 2026"
    with qtbot.waitSignal(pane.month_loaded, timeout=10000) as loaded:
        qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    assert loaded.args == ["2026-10"]


def test_save_as_pdf_writes_the_sheet_with_its_forms(pane, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "october"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF files (*.pdf)"))
    qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "october.pdf"
    qtbot.waitUntil(saved.exists, timeout=20000)
    from pypdf import PdfReader

    reader = PdfReader(saved)
    assert len(reader.pages) > 1 + 0  # the sheet, then one form per referral dated in the month
    assert "Monthly tracking sheet" in reader.pages[0].extract_text()
