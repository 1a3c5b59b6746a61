"""The partner directory: search and type filter, the partner page with programs and contacts,
problems next to their fields, delete refused then archive, and the coordination summary."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from lbsdesk.services import partners as partner_service
from lbsdesk.services import referrals as referral_service
from lbsdesk.ui.partner_directory_pane import PartnerDirectoryPane
from lbsdesk.ui.partner_table_model import COL_NAME, PartnerTableModel
from tests.ui.referral_helpers import add_partner, close_clean, no_unsaved_question_at_teardown  # noqa: F401


def names(pane) -> list[str]:
    return [pane.model.index(row, COL_NAME).data() for row in range(pane.model.rowCount())]


def make_pane(qtbot, database) -> PartnerDirectoryPane:
    pane = PartnerDirectoryPane(database)
    qtbot.addWidget(pane)
    pane.resize(1100, 760)
    pane.show()
    pane.load()
    return pane


def test_search_is_accent_blind_and_combines_with_the_type_filter(qtbot, database):
    add_partner(database, "Centre francophone de Sainte-Anne", org_type="francophone_services")
    add_partner(database, "Ontario Works Port Alder", org_type="ontario_works", contact_name="Renée Côté")
    add_partner(database, "Cedar Falls Food Bank", org_type="food_bank", services_offered="Emergency food hampers")
    pane = make_pane(qtbot, database)
    assert pane.table.objectName() == "partnerTable" and len(names(pane)) == 3
    qtbot.keyClicks(pane.search, "cote")
    qtbot.waitUntil(lambda: names(pane) == ["Ontario Works Port Alder"])
    pane.search.clear()
    qtbot.keyClicks(pane.search, "hamper")
    qtbot.waitUntil(lambda: names(pane) == ["Cedar Falls Food Bank"])
    pane.search.clear()
    pane.apply_search()
    pane.type_filter.setCurrentIndex(pane.type_filter.findData("francophone_services"))
    assert names(pane) == ["Centre francophone de Sainte-Anne"]
    qtbot.keyClicks(pane.search, "food")
    qtbot.waitUntil(lambda: "No partner matches" in pane.count_label.text())


def test_a_new_partner_with_programs_and_contacts_is_saved_and_listed(qtbot, database):
    pane = make_pane(qtbot, database)
    qtbot.mouseClick(pane.new_button, Qt.MouseButton.LeftButton)
    assert pane.partner_key.text() == "P001" and pane.listing_checked_date.date_value() == date.today()
    qtbot.keyClicks(pane.name, "Birch Lake Friendship Centre")
    pane.org_type.set_code("indigenous_services")
    qtbot.keyClicks(pane.phone, "705-555-0199")
    qtbot.keyClicks(pane.email, "not-an-email")
    pane.agreement.setChecked(True)
    pane.agreement_date.set_date_value(date.today() - timedelta(days=100))
    pane.co_located.setChecked(True)
    row = pane.programs.add_line()
    pane.programs.item(row, 0).setText("Life skills")
    pane.programs.item(row, 2).setText("Adults 18+")
    row = pane.contacts.add_line()
    pane.contacts.item(row, 1).setText("Outreach worker")  # a contact line without a name
    assert pane.save() is None
    assert "Email" in pane._errors["email"].text()
    assert "Contacts, line 1" in pane._errors["contacts"].text()
    assert pane.banner.isVisibleTo(pane)
    pane.email.setText("info@birchlake.example.ca")
    pane.contacts.item(0, 0).setText("Mary Whitecloud")
    with qtbot.waitSignal(pane.partner_saved) as saved:
        pane.save_button.click()
    partner_id = saved.args[0]
    assert names(pane) == ["Birch Lake Friendship Centre"]
    with database.session() as session:
        record = partner_service.load_partner(session, partner_id)
    assert (record.phone, record.agreement, record.co_located) == ("705-555-0199", True, True)
    assert [(p.name, p.eligibility) for p in record.programs] == [("Life skills", "Adults 18+")]
    assert [(c.name, c.role) for c in record.contacts] == [("Mary Whitecloud", "Outreach worker")]


def test_deleting_a_partner_with_referrals_is_refused_and_archiving_offered(qtbot, database, make_learner, answer_modal):
    learner = make_learner("Marie", "Côté")
    partner = add_partner(database, "Valley Food Bank", org_type="food_bank")
    with database.session() as session:
        record = referral_service.new_referral_record(session, learner_id=learner, direction="in", partner_id=partner)
        referral_service.save_referral(session, record)
    pane = make_pane(qtbot, database)
    assert pane.select_partner(partner) and pane.partner_id() == partner
    seen = {}

    def yes(box):
        box.button(QMessageBox.StandardButton.Yes).click()

    def archive_instead(box):
        seen["text"] = box.text()
        next(b for b in box.buttons() if b.text() == "Archive it").click()

    answer_modal(QMessageBox, lambda box: (answer_modal(QMessageBox, archive_instead), yes(box)))
    assert pane.delete_partner() is False
    assert "cannot be deleted" in seen["text"] and "1 referral" in seen["text"]
    with database.session() as session:
        assert partner_service.load_partner(session, partner).archived
    assert pane.show_archived.isChecked() and names(pane) == ["Valley Food Bank (archived)"]
    assert "Archived" in pane.page_subtitle.text() and pane.archive_button.text().replace("&", "") == "Restore"


def test_a_partner_nothing_names_can_be_deleted(qtbot, database, answer_modal):
    partner = add_partner(database, "Typo Partner", org_type="other_community")
    pane = make_pane(qtbot, database)
    pane.select_partner(partner)
    answer_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert pane.delete_partner() is True
    assert names(pane) == []


def test_the_partner_page_shows_the_coordination_summary_and_opens_a_referral(qtbot, database, make_learner):
    learner = make_learner("Jean", "Tremblay")
    partner = add_partner(database, "Ontario Works", org_type="ontario_works")
    with database.session() as session:
        for formal in (True, False):
            record = referral_service.new_referral_record(
                session, learner_id=learner, direction="in", partner_id=partner, today=date.today() - timedelta(days=1))
            record.formal = record.planned = record.supported = record.coordinated = record.information_exchanged = formal
            referral_service.save_referral(session, record)
    pane = make_pane(qtbot, database)
    pane.select_partner(partner)
    pane.tabs.setCurrentIndex(2)
    assert pane.summary.referrals_in == 2 and pane.summary.referrals_in_formal == 1
    assert "(1 formal, 1 informal)" in pane.summary_label.text()
    pane.referrals.setFocus()
    pane.referrals.setCurrentIndex(pane.referral_model.index(0, 0))
    qtbot.keyClick(pane.referrals, Qt.Key.Key_Return)
    form = pane._forms[-1]
    assert form.isVisible() and form.partner.partner_id() == partner
    close_clean(form)
    new = pane.new_referral("out")
    assert new.partner.partner_id() == partner and new.direction_out.isChecked()
    close_clean(new)


def test_the_partner_table_model_passes_the_model_tester(qtmodeltester, database):
    add_partner(database, "Ontario Works", org_type="ontario_works")
    add_partner(database, "Food Bank", org_type="food_bank", agreement=True, agreement_date=date.today())
    model = PartnerTableModel()
    with database.session() as session:
        model.set_rows(partner_service.partner_list(session))
    qtmodeltester.check(model)
