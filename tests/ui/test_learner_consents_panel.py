"""The learner file's Consent tab: record a consent with its scope and dates, withdraw it."""

from datetime import date, timedelta

from PySide6.QtCore import Qt

from lbsdesk.services import consents as consent_service
from lbsdesk.ui.consent_dialog import ConsentDialog
from lbsdesk.ui.learner_consents_panel import LearnerConsentsPanel, WithdrawDialog


def test_record_then_withdraw_a_consent(qtbot, database, make_learner, answer_modal, qtmodeltester):
    learner_id = make_learner("Rita", "Consent", intake_date=date.today() - timedelta(days=10))
    panel = LearnerConsentsPanel(database)
    qtbot.addWidget(panel)
    panel.set_learner(learner_id)
    assert "No consent recorded" in panel.summary.text()

    def give(dialog):
        dialog.signed.set_date_value(date.today() - timedelta(days=1))
        dialog.save()

    answer_modal(ConsentDialog, give)
    with qtbot.waitSignal(panel.consents_changed):
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 0).data() == "In force"
    qtmodeltester.check(panel.model)
    with database.session() as session:
        assert consent_service.may_share_with(session, learner_id, 1, date.today()) is True

    panel.table.selectRow(0)

    def withdraw(dialog):
        dialog.day.set_date_value(date.today())
        dialog.accept()

    answer_modal(WithdrawDialog, withdraw)
    with qtbot.waitSignal(panel.consents_changed):
        qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert panel.model.index(0, 0).data() == "Withdrawn"
    assert panel.model.index(0, 5).data() == date.today().isoformat()
    assert "No consent in force" in panel.summary.text()
