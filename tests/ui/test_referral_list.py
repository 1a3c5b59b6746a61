"""The referrals list: filters, lazy pages, Enter opens the form, bulk "keyed into CaMS" with confirmation."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt

from lbsdesk.services import consents as consent_service
from lbsdesk.services import referrals as referral_service
from lbsdesk.ui import referral_table_model
from lbsdesk.ui.learner_referrals_panel import LearnerReferralsPanel
from lbsdesk.ui.referral_form_dialog import ReferralFormDialog
from lbsdesk.ui.referral_list_pane import CamsDateDialog, ReferralListPane
from lbsdesk.ui.referral_table_model import COL_CAMS, COL_NUMBER, COL_STATUS
from tests.ui.referral_helpers import add_partner, close_clean, no_unsaved_question_at_teardown  # noqa: F401


def add_referral(database, learner_id, partner_id, direction="out", days_ago=5, status=None, formal=True) -> int:
    with database.session() as session:
        record = referral_service.new_referral_record(
            session, learner_id=learner_id, direction=direction, partner_id=partner_id,
            today=date.today() - timedelta(days=days_ago),
        )
        record.formal = record.planned = record.supported = record.coordinated = record.information_exchanged = formal
        record.status = status or ("sent" if direction == "out" else "unknown")
        return referral_service.save_referral(session, record)


def numbers(pane) -> list[str]:
    return [pane.model.index(row, COL_NUMBER).data() for row in range(pane.model.rowCount())]


def make_pane(qtbot, database) -> ReferralListPane:
    pane = ReferralListPane(database)
    qtbot.addWidget(pane)
    pane.resize(1100, 700)
    pane.show()
    pane.load()
    return pane


def select_rows(pane, rows) -> None:
    selection = QItemSelection()
    for row in rows:
        selection.select(pane.model.index(row, 0), pane.model.index(row, pane.model.columnCount() - 1))
    pane.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_bulk_marking_keyed_into_cams_asks_first_and_keeps_earlier_dates(qtbot, database, make_learner, answer_modal):
    learner = make_learner("Marie", "Côté")
    with database.session() as session:
        consent_service.save_consent(session, learner, consent_service.ConsentRecord(
            scope="all_partners", signed_date=date.today() - timedelta(days=60)))
    partner = add_partner(database, "Alder Housing", org_type="housing")
    ids = [add_referral(database, learner, partner, days_ago=d) for d in (3, 4, 5)]
    with database.session() as session:
        referral_service.mark_keyed_into_cams(session, [ids[2]], date.today() - timedelta(days=1))
    pane = make_pane(qtbot, database)
    assert pane.table.objectName() == "referralTable" and pane.model.rowCount() == 3
    select_rows(pane, [0, 1, 2])
    assert pane.cams_button.isEnabled() and "3" in pane.cams_button.text()

    answer_modal(CamsDateDialog, lambda dialog: dialog.reject())
    assert pane.mark_selected_keyed_into_cams() is None
    assert [pane.model.index(r, COL_CAMS).data() for r in range(3)].count("Not yet") == 2

    answer_modal(CamsDateDialog, lambda dialog: dialog.accept())
    assert pane.mark_selected_keyed_into_cams() == 2
    assert "2 marked" in pane.message.text() and "1 were already marked" in pane.message.text()
    cams = {pane.model.index(r, COL_NUMBER).data(): pane.model.index(r, COL_CAMS).data() for r in range(3)}
    assert sorted(cams.values()) == sorted([date.today().isoformat()] * 2 + [(date.today() - timedelta(days=1)).isoformat()])


def test_a_day_before_the_referral_is_refused_in_the_dialog(qtbot, database, make_learner, answer_modal):
    learner = make_learner("Jean", "Tremblay")
    partner = add_partner(database, "Ontario Works", org_type="ontario_works")
    add_referral(database, learner, partner, direction="in", days_ago=2)
    pane = make_pane(qtbot, database)
    select_rows(pane, [0])
    seen = {}

    def read_and_cancel(dialog):
        seen["error"] = dialog.error.text()
        dialog.reject()

    def too_early(dialog):
        dialog.day.set_date_value(date.today() - timedelta(days=10))
        answer_modal(CamsDateDialog, read_and_cancel)  # the dialog comes back with the refusal under the date
        dialog.accept()

    answer_modal(CamsDateDialog, too_early)
    assert pane.mark_selected_keyed_into_cams() is None
    assert "before the referral date" in seen["error"]


def test_filters_direction_status_awaiting_reply_month_partner_and_not_in_cams(qtbot, database, make_learner):
    learner = make_learner("Anne", "Smith")
    with database.session() as session:
        consent_service.save_consent(session, learner, consent_service.ConsentRecord(
            scope="all_partners", signed_date=date.today() - timedelta(days=200)))
    ow = add_partner(database, "Ontario Works", org_type="ontario_works")
    bank = add_partner(database, "Food Bank", org_type="food_bank")
    late = add_referral(database, learner, bank, direction="out", days_ago=40)
    fresh = add_referral(database, learner, bank, direction="out", days_ago=1)
    incoming = add_referral(database, learner, ow, direction="in", days_ago=2, formal=False)
    with database.session() as session:
        keys = {rid: referral_service.load_referral(session, rid).referral_key for rid in (late, fresh, incoming)}
    pane = make_pane(qtbot, database)
    assert len(numbers(pane)) == 3

    pane.set_filters(direction="in")
    assert numbers(pane) == [keys[incoming]]
    pane.set_filters(direction=None, status="awaiting_reply")
    assert numbers(pane) == [keys[late]]
    assert "Awaiting reply (40 days)" == pane.model.index(0, COL_STATUS).data()
    pane.set_filters(status=None, partner_id=ow)
    assert numbers(pane) == [keys[incoming]]
    pane.set_filters(partner_id=None, not_in_cams=True)
    assert set(numbers(pane)) == {keys[late], keys[fresh]}  # formal ones only
    pane.set_filters(not_in_cams=False, month=f"{date.today() - timedelta(days=40):%Y-%m}")
    assert keys[late] in numbers(pane)
    pane.set_filters(month=None)
    pane.search.setText(keys[fresh].lower())
    qtbot.waitUntil(lambda: numbers(pane) == [keys[fresh]])


def test_enter_opens_the_referral_form_and_a_save_refreshes_the_list(qtbot, database, make_learner):
    learner = make_learner("Rose", "Lalonde")
    partner = add_partner(database, "Library", org_type="public_library")
    rid = add_referral(database, learner, partner, direction="in", days_ago=3)
    pane = make_pane(qtbot, database)
    pane.table.setFocus()
    pane.table.setCurrentIndex(pane.model.index(0, 0))
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    forms = pane.findChildren(ReferralFormDialog)
    assert len(forms) == 1 and forms[0].referral_id() == rid and forms[0].isVisible()
    form = forms[0]
    form.status.setCurrentIndex(form.status.findData("attended"))
    with qtbot.waitSignal(pane.referrals_changed):
        form.save_button.click()
    assert pane.model.index(0, COL_STATUS).data() == "Attended"
    close_clean(form)


def test_rows_are_fetched_a_page_at_a_time(qtbot, database, make_learner, monkeypatch, qtmodeltester):
    monkeypatch.setattr(referral_table_model, "PAGE_SIZE", 5)
    learner = make_learner("Kayla", "Wallace")
    partner = add_partner(database, "Clinic", org_type="health_clinic")
    for day in range(12):
        add_referral(database, learner, partner, direction="in", days_ago=day + 1)
    pane = ReferralListPane(database)
    qtbot.addWidget(pane)
    pane.apply_filters(force=True)
    assert pane.model.rowCount() == 12 and not pane.model._pages
    assert pane.model.index(11, COL_NUMBER).data()
    assert sorted(pane.model._pages) == [2]
    qtmodeltester.check(pane.model)


def test_the_learner_panel_lists_one_learners_referrals_and_starts_new_ones(qtbot, database, make_learner):
    marie = make_learner("Marie", "Côté")
    other = make_learner("Paul", "Martin")
    partner = add_partner(database, "Library", org_type="public_library")
    add_referral(database, marie, partner, direction="in")
    add_referral(database, other, partner, direction="in")
    panel = LearnerReferralsPanel(database)
    qtbot.addWidget(panel)
    assert not panel.new_in_button.isEnabled()
    panel.set_learner(marie)
    assert panel.model.rowCount() == 1 and "1 referrals, 1 formal" in panel.summary.text()
    form = panel.new_referral("out")
    assert form.learner.learner_id() == marie and form.direction_out.isChecked()
    close_clean(form)
