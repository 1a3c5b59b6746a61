"""The referral form: in and out through the real widgets, the consent refusal and recording consent,
problems next to their fields, the reply from the return slip, CaMS, and Print."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from lbsdesk.services import consents as consent_service
from lbsdesk.services import referrals as referral_service
from lbsdesk.ui.consent_dialog import ConsentDialog
from lbsdesk.ui.partner_directory_pane import PartnerDirectoryPane
from lbsdesk.ui.referral_form_dialog import ReferralFormDialog, ReplyDialog
from lbsdesk.ui.referral_list_pane import ReferralListPane
from lbsdesk.ui.referral_table_model import COL_NUMBER, COL_PARTNER, COL_STATUS, ReferralTableModel
from tests.ui.referral_helpers import add_partner, close_clean, no_unsaved_question_at_teardown  # noqa: F401


def open_form(qtbot, database, **kwargs) -> ReferralFormDialog:
    form = ReferralFormDialog(database, **kwargs)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitActive(form)
    return form


def choose_partner(form: ReferralFormDialog, partner_id: int) -> None:
    form.partner.setCurrentIndex(form.partner.findData(partner_id))


def tick_formal(qtbot, form: ReferralFormDialog) -> None:
    """Tick the four confirmations and Formal with the space bar, as a person would."""
    for check in (*form.confirm_boxes.values(), form.formal):
        check.setFocus()
        qtbot.keyClick(check, Qt.Key.Key_Space)
    assert all(check.isChecked() for check in form.confirm_boxes.values()) and form.formal.isChecked()


def test_an_in_and_an_out_referral_are_found_in_the_list_and_on_the_partner_page(qtbot, database, make_learner):
    learner_id = make_learner("Marie", "Côté")
    ow = add_partner(database, "Ontario Works Port Alder", program="Employment assistance", contact_name="Dana Reid")
    food = add_partner(database, "Cedar Falls Food Bank", org_type="food_bank")
    with database.session() as session:
        consent_service.save_consent(session, learner_id, consent_service.ConsentRecord(
            scope="all_partners", signed_date=date.today() - timedelta(days=3)))

    form = open_form(qtbot, database, learner_id=learner_id, direction="in")
    assert form.objectName() == "referralForm"
    assert form.learner.learner_id() == learner_id and "Côté" in form.learner.text()
    assert form.follow_up.date_value() == date.today() + timedelta(days=14)
    choose_partner(form, ow)
    assert form.program.text() == "Employment assistance" and form.contact.text() == "Dana Reid"
    qtbot.keyClicks(form.reason, "Wants to improve reading for a job search")
    form.service_boxes["upgrading"].setChecked(True)
    tick_formal(qtbot, form)
    with qtbot.waitSignal(form.referral_saved) as saved_in:  # Enter in a line saves (Save is the default button)
        qtbot.keyClick(form.contact, Qt.Key.Key_Return)
    in_id = saved_in.args[0]
    close_clean(form)

    form = open_form(qtbot, database, learner_id=learner_id, direction="out")
    choose_partner(form, food)
    qtbot.waitUntil(lambda: "Consent in force" in form.consent_label.text())
    qtbot.keyClicks(form.reason, "Food for the family while in the program")
    form.service_boxes["other"].setChecked(True)
    qtbot.keyClicks(form.services_other, "Food hamper")
    form.status.setCurrentIndex(form.status.findData("sent"))
    with qtbot.waitSignal(form.referral_saved) as saved_out:
        form.save_button.click()
    out_id = saved_out.args[0]
    assert form.history.rowCount() == 1 and form.history.item(0, 1).text() == "Sent"
    close_clean(form)

    with database.session() as session:
        incoming = referral_service.load_referral(session, in_id)
        outgoing = referral_service.load_referral(session, out_id)
    assert (incoming.direction, incoming.partner_id, incoming.formal) == ("in", ow, True)
    assert incoming.services_requested == ["upgrading"] and incoming.reason.startswith("Wants to improve")
    assert (outgoing.direction, outgoing.partner_id, outgoing.status) == ("out", food, "sent")
    assert outgoing.services_other == "Food hamper" and outgoing.consent_id is not None

    pane = ReferralListPane(database)
    qtbot.addWidget(pane)
    pane.load()
    numbers = {pane.model.index(r, COL_NUMBER).data(): pane.model.index(r, COL_PARTNER).data()
               for r in range(pane.model.rowCount())}
    assert numbers == {incoming.referral_key: "Ontario Works Port Alder", outgoing.referral_key: "Cedar Falls Food Bank"}

    directory = PartnerDirectoryPane(database)
    qtbot.addWidget(directory)
    directory.load()
    assert directory.select_partner(ow)
    assert directory.summary.referrals_in == 1 and directory.summary.referrals_in_formal == 1
    assert directory.referral_model.rowCount() == 1
    assert directory.referral_model.index(0, COL_NUMBER).data() == incoming.referral_key
    assert directory.select_partner(food)
    assert directory.summary.referrals_out == 1 and directory.summary.referrals_out_informal == 1


def test_an_out_referral_without_consent_is_stopped_then_saved_once_consent_is_recorded(
    qtbot, database, make_learner, answer_modal
):
    learner_id = make_learner("Jean", "Tremblay")
    shelter = add_partner(database, "Harbour House Shelter", org_type="shelter")
    form = open_form(qtbot, database, learner_id=learner_id, direction="out")
    choose_partner(form, shelter)
    form.refresh_consent()
    assert "No consent covers this partner yet" in form.consent_label.text()  # a draft may wait
    form.status.setCurrentIndex(form.status.findData("sent"))
    qtbot.keyClicks(form.reason, "Needs a bed tonight")
    seen = {}

    def read_and_record(box):
        seen["title"] = box.windowTitle()
        seen["text"] = box.informativeText()
        box.findChild(type(box.buttons()[0]), "recordConsentAnswer").click()

    def fill_consent(dialog):
        seen["named"] = [dialog.partners.item(i).text() for i in range(dialog.partners.count())
                         if dialog.partners.item(i).checkState() == Qt.CheckState.Checked]
        seen["scope"] = dialog.scope.code()
        dialog.save_button.click()

    answer_modal(QMessageBox, read_and_record)
    answer_modal(ConsentDialog, fill_consent)
    with qtbot.waitSignal(form.referral_saved, timeout=5000) as saved:
        form.save()
    assert "consent" in seen["title"].lower()
    assert "Jean Tremblay has no consent" in seen["text"] and "Harbour House Shelter" in seen["text"]
    assert seen["named"] == ["Harbour House Shelter"] and seen["scope"] == "named_partners"
    with database.session() as session:
        record = referral_service.load_referral(session, saved.args[0])
        consents = consent_service.consents_of(session, learner_id)
    assert record.status == "sent" and record.consent_id == consents[0].id
    assert consents[0].partner_ids == [shelter]
    assert "Consent in force" in form.consent_label.text()
    close_clean(form)


def test_a_refused_consent_can_be_saved_as_a_draft_instead(qtbot, database, make_learner, answer_modal):
    learner_id = make_learner("Anne", "Smith")
    shelter = add_partner(database, "Harbour House Shelter", org_type="shelter")
    form = open_form(qtbot, database, learner_id=learner_id, direction="out")
    choose_partner(form, shelter)
    form.status.setCurrentIndex(form.status.findData("sent"))
    answer_modal(QMessageBox, lambda box: box.findChild(type(box.buttons()[0]), "saveDraftAnswer").click())
    referral_id = form.save()
    assert referral_id is not None
    with database.session() as session:
        assert referral_service.load_referral(session, referral_id).status == "draft"
    close_clean(form)


def test_problems_are_shown_next_to_their_fields(qtbot, database, make_learner):
    learner_id = make_learner("Sam", "Lee")
    form = open_form(qtbot, database, learner_id=learner_id, direction="out")
    form.follow_up.setText("")
    qtbot.keyClicks(form.follow_up, (date.today() - timedelta(days=3)).isoformat())
    form.formal.setChecked(True)
    assert form.save() is None
    assert form._errors["partner_id"].isVisibleTo(form) and "Partner is required" in form._errors["partner_id"].text()
    assert "Follow-up date" in form._errors["follow_up_date"].text()
    assert "tick Planned" in form._errors["formal"].text()
    assert form.banner.isVisibleTo(form) and "3 problems" in form.banner.text()

    form.learner.clear()
    qtbot.keyClicks(form.learner, "nobody")
    form.referral_date.setText("31/02/2026")
    assert form.save() is None
    assert "not chosen yet" in form._errors["learner_id"].text()
    assert "YYYY-MM-DD" in form._errors["referral_date"].text()
    close_clean(form)


def test_an_in_referral_from_an_informal_source_never_counts(qtbot, database, make_learner):
    learner_id = make_learner("Éric", "Després")
    form = open_form(qtbot, database, learner_id=learner_id, direction="in")
    form.by_source.setChecked(True)
    assert not form.formal.isEnabled() and form.source.isVisibleTo(form) and not form.partner.isVisibleTo(form)
    form.source.set_code("word_of_mouth")
    referral_id = form.save()
    with database.session() as session:
        record = referral_service.load_referral(session, referral_id)
    assert (record.source, record.partner_id, record.formal) == ("word_of_mouth", None, False)
    close_clean(form)


def test_a_learner_is_found_by_typing_in_the_picker(qtbot, database, make_learner):
    learner_id = make_learner("Hélène", "Lévesque")
    make_learner("Paul", "Martin")
    form = open_form(qtbot, database, learner_id=None, direction="in")
    assert form.learner.learner_id() is None
    lines = form.learner.search("levesque")
    assert len(lines) == 1 and "Lévesque, Hélène" in lines[0]
    form.learner.choose(lines[0])
    assert form.learner.learner_id() == learner_id
    close_clean(form)


def test_reply_from_the_return_slip_status_history_cams_and_print(
    qtbot, database, make_learner, answer_modal, monkeypatch, tmp_path
):
    learner_id = make_learner("Aisha", "Chen")
    library = add_partner(database, "Cedar Falls Public Library", org_type="public_library")
    with database.session() as session:
        consent_service.save_consent(session, learner_id, consent_service.ConsentRecord(
            scope="all_partners", signed_date=date.today() - timedelta(days=30)))
        record = referral_service.new_referral_record(
            session, learner_id=learner_id, direction="out", partner_id=library, today=date.today() - timedelta(days=10))
        record.status, record.reason = "sent", "Digital skills drop-in"
        referral_id = referral_service.save_referral(session, record)
    form = open_form(qtbot, database, referral_id=referral_id)
    assert form.reply_button.isEnabled() and "No reply recorded yet" in form.reply_label.text()

    def fill_slip(dialog):
        dialog.accepted.setCurrentIndex(dialog.accepted.findData(True))
        dialog.first_appointment.set_date_value(date.today() + timedelta(days=2))
        dialog.by_name.setText("J. Okafor")
        dialog.findChild(type(dialog.accepted), "replyAccepted")  # the decision is a plain combo
        dialog.accept()

    answer_modal(ReplyDialog, fill_slip)
    assert form.record_reply() == "accepted"
    statuses = [form.history.item(row, 1).text() for row in range(form.history.rowCount())]
    assert statuses == ["Sent", "Accepted"]
    assert "Reply from the return slip (J. Okafor)" in form.history.item(1, 3).text()
    assert "accepted" in form.reply_label.text() and "J. Okafor" in form.reply_label.text()

    assert form.mark_keyed_into_cams()
    assert form.cams.date_value() == date.today() and not form.cams_button.isEnabled()

    target = tmp_path / "form"
    opened = []
    monkeypatch.setattr(
        "lbsdesk.ui.referral_form_dialog.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), "PDF files (*.pdf)"),
    )
    monkeypatch.setattr(
        "lbsdesk.ui.referral_form_dialog.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile())
    )
    path = form.print_form()
    assert path == tmp_path / "form.pdf" and path.read_bytes().startswith(b"%PDF")
    assert opened == [str(path)]
    close_clean(form)


def test_a_status_change_is_dated_in_the_history(qtbot, database, make_learner):
    learner_id = make_learner("Rose", "Lalonde")
    clinic = add_partner(database, "Valley Health Clinic", org_type="health_clinic")
    with database.session() as session:
        record = referral_service.new_referral_record(
            session, learner_id=learner_id, direction="in", partner_id=clinic, today=date.today() - timedelta(days=20))
        referral_id = referral_service.save_referral(session, record)
    form = open_form(qtbot, database, referral_id=referral_id)
    assert not form.status_date.isVisibleTo(form)
    form.status.setCurrentIndex(form.status.findData("attended"))
    assert form.status_date.isVisibleTo(form)
    changed_on = date.today() - timedelta(days=5)
    form.status_date.set_date_value(changed_on)
    assert form.save() == referral_id
    last = form.history.rowCount() - 1
    assert form.history.item(last, 0).text() == changed_on.isoformat()
    assert form.history.item(last, 1).text() == "Attended"
    close_clean(form)


def test_the_referral_table_model_passes_the_model_tester(qtmodeltester, database, make_learner):
    learner_id = make_learner("Kayla", "Wallace")
    partner = add_partner(database, "Alder Housing", org_type="housing")
    with database.session() as session:
        for _ in range(3):
            record = referral_service.new_referral_record(session, learner_id=learner_id, direction="in", partner_id=partner)
            referral_service.save_referral(session, record)
    model = ReferralTableModel(database)
    model.refresh()
    assert model.rowCount() == 3 and model.index(0, COL_STATUS).data() == "Unknown"
    qtmodeltester.check(model)
