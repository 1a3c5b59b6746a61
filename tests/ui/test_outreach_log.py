"""The outreach log: an activity entered through the form with the partners it reached, and the
referrals in from each partner that followed within 90 days."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from lbsdesk.services import agency as agency_service
from lbsdesk.services import outreach as outreach_service
from lbsdesk.services import referrals as referral_service
from lbsdesk.ui.outreach_log_pane import OutreachLogPane
from lbsdesk.ui.outreach_table_model import COL_FOLLOWED, COL_REACHED, COL_TITLE, OutreachTableModel
from tests.ui.referral_helpers import add_partner


def make_pane(qtbot, database) -> OutreachLogPane:
    pane = OutreachLogPane(database)
    qtbot.addWidget(pane)
    pane.resize(1100, 800)
    pane.show()
    pane.load()
    return pane


def tick(pane, partner_name: str) -> None:
    for index in range(pane.partners.count()):
        item = pane.partners.item(index)
        if item.text() == partner_name:
            item.setCheckState(Qt.CheckState.Checked)


def test_an_activity_entered_in_the_form_shows_the_referrals_that_followed(qtbot, database, make_learner):
    with database.session() as session:
        agency_service.save_staff_names(session, ["Priya Raman"])
    ow = add_partner(database, "Ontario Works Port Alder", org_type="ontario_works")
    add_partner(database, "Cedar Falls Library", org_type="public_library")
    learner = make_learner("Marie", "Côté")
    day = date.today() - timedelta(days=30)
    with database.session() as session:
        for offset in (10, 95):  # day 10 follows; day 95 is past the 90-day window (and in the future)
            when = day + timedelta(days=offset)
            if when > date.today():
                continue
            record = referral_service.new_referral_record(
                session, learner_id=learner, direction="in", partner_id=ow, today=when)
            referral_service.save_referral(session, record)
        followed_key = referral_service.referral_list(session)[0].referral_key

    pane = make_pane(qtbot, database)
    pane.activity_date.set_date_value(day)
    pane.kind.set_code("presentation")
    qtbot.keyClicks(pane.title, "Talk to Ontario Works caseworkers")
    pane.staff.setCurrentIndex(pane.staff.findText("Priya Raman"))
    pane.attendees.setValue(12)
    qtbot.keyClicks(pane.partner_filter, "library")
    assert [pane.partners.item(i).text() for i in range(pane.partners.count()) if not pane.partners.item(i).isHidden()] == [
        "Cedar Falls Library"]
    pane.partner_filter.clear()
    tick(pane, "Ontario Works Port Alder")
    tick(pane, "Cedar Falls Library")
    assert pane.reached_label.text() == "2 partners ticked"
    with qtbot.waitSignal(pane.outreach_saved) as saved:
        qtbot.keyClick(pane.title, Qt.Key.Key_Return)
    outreach_id = saved.args[0]
    with database.session() as session:
        record = outreach_service.load_outreach(session, outreach_id)
    assert (record.activity_date, record.kind, record.attendees) == (day, "presentation", 12)
    assert len(record.partner_ids) == 2

    row = pane.model.row_of(outreach_id)
    assert pane.model.index(row, COL_TITLE).data() == "Talk to Ontario Works caseworkers"
    assert pane.model.index(row, COL_REACHED).data() == "Cedar Falls Library, Ontario Works Port Alder"
    assert pane.model.index(row, COL_FOLLOWED).data() == "1 (0 formal)"
    assert pane.following_referrals(outreach_id) == {
        "Cedar Falls Library": [], "Ontario Works Port Alder": [followed_key],
    }
    assert pane.effects.rowCount() == 2
    with qtbot.waitSignal(pane.referral_open_requested) as opened:
        ow_row = next(r for r in range(2) if pane.effects.item(r, 0).text() == "Ontario Works Port Alder")
        pane.effects.cellDoubleClicked.emit(ow_row, 0)
    assert opened.args[0] is not None


def test_a_missing_title_is_shown_next_to_the_field_and_delete_asks_first(qtbot, database, answer_modal):
    pane = make_pane(qtbot, database)
    assert pane.save() is None
    assert "Title" in pane._errors["title"].text()
    qtbot.keyClicks(pane.title, "Brochure drop at the library")
    pane.kind.set_code("brochure")
    outreach_id = pane.save()
    assert outreach_id is not None and pane.model.rowCount() == 1
    answer_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert pane.delete_activity() is True
    assert pane.model.rowCount() == 0


def test_the_outreach_table_model_passes_the_model_tester(qtmodeltester, database):
    partner = add_partner(database, "Library", org_type="public_library")
    with database.session() as session:
        record = outreach_service.new_outreach_record()
        record.title, record.partner_ids = "Networking breakfast", [partner]
        outreach_service.save_outreach(session, record)
        rows = outreach_service.outreach_list(session)
    model = OutreachTableModel()
    model.set_rows(rows, {rows[0].id: (2, 1)})
    assert model.index(0, COL_FOLLOWED).data() == "2 (1 formal)"
    qtmodeltester.check(model)
