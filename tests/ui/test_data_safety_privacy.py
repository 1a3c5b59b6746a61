"""Privacy in the window: sign-in and the staff member on every change, the idle lock, staff accounts,
files past retention, and the audit trail of a learner."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from lbsdesk.services import learners as learner_service
from lbsdesk.services import staff_accounts
from lbsdesk.services.audit_view import audit_trail_for_learner
from lbsdesk.ui.audit_trail_panel import AuditTrailPanel
from lbsdesk.ui.retention_dialog import RetentionDialog
from lbsdesk.ui.sign_in_dialog import SignInDialog
from lbsdesk.ui.staff_accounts_dialog import StaffAccountsDialog
from tests.ui.data_safety_helpers import answer_in_turn, controller_for, shot, staff_with_password


def test_without_accounts_there_is_no_sign_in_and_no_lock(qtbot, window, database, qsettings):
    from lbsdesk.ui.app import sign_in_if_needed

    assert sign_in_if_needed(database) == (True, None)
    controller = controller_for(window, database, qsettings, automatic_backups=False)
    assert controller.idle_lock is None and not controller.idle_timer.isActive()


def test_sign_in_at_start_refuses_a_wrong_password_and_names_who_signed_in(qtbot, database):
    from lbsdesk.ui.app import sign_in_if_needed

    staff_id = staff_with_password(database)
    tries = []

    def sign_in(dialog):  # noqa: ANN001, ANN202
        qtbot.keyClicks(dialog.form.username, "PAT")  # user names ignore case
        qtbot.keyClicks(dialog.form.password, "maple syrup 41")
        dialog.sign_in_button.click()
        tries.append(dialog.form.error.text())
        assert dialog.isVisible()
        shot(dialog, "sign_in_dialog")
        qtbot.keyClicks(dialog.form.password, "maple syrup 42")
        dialog.sign_in_button.click()

    answer_in_turn([(SignInDialog, sign_in)])
    go_on, identity = sign_in_if_needed(database)
    assert go_on and identity.staff_id == staff_id and identity.name == "Pat Lee"
    assert "wrong" in tries[0]
    answer_in_turn([(SignInDialog, lambda dialog: dialog.reject())])
    assert sign_in_if_needed(database) == (False, None)  # Quit at the sign-in


def test_the_staff_member_signed_in_is_recorded_on_every_change(qtbot, window, database, qsettings, make_learner, qtmodeltester):
    staff_with_password(database)
    learner_id = make_learner("Marie", "Côté")
    dialog = SignInDialog(database)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.form.username, "pat")
    qtbot.keyClicks(dialog.form.password, "maple syrup 42")
    dialog.sign_in_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    controller = controller_for(window, database, qsettings, staff=dialog.identity, automatic_backups=False)
    assert "Pat Lee" in controller.signed_in_label.text()

    window.open_learner(learner_id)
    qtbot.keyClicks(window.learner_editor._fields["phone"].widget, "705-555-0101")
    assert window.learner_editor.save() == learner_id
    with database.session() as session:
        newest = audit_trail_for_learner(session, learner_id)[0]
    assert newest.staff_name == "Pat Lee" and "Phone" in newest.description

    panel = AuditTrailPanel(database)
    qtbot.addWidget(panel)
    panel.resize(820, 360)
    panel.show()
    panel.set_learner(learner_id)
    qtmodeltester.check(panel.model)
    rows = [[panel.model.index(r, c).data() for c in range(3)] for r in range(panel.model.rowCount())]
    assert rows[0][1] == "Pat Lee" and "705-555-0101" in rows[0][2]
    assert rows[-1][1] == "(no one signed in)"  # made before anyone signed in
    shot(panel, "audit_trail_panel")


def test_the_idle_lock_hides_learner_data_until_the_right_password(qtbot, window, database, qsettings, make_learner):
    staff_id = staff_with_password(database)
    make_learner("Marie", "Côté")
    window.refresh()
    identity = staff_accounts.StaffIdentity(staff_id, "Pat Lee", "pat", None)
    controller = controller_for(window, database, qsettings, staff=identity, automatic_backups=False)
    assert controller.idle_lock is not None and controller.idle_lock.minutes == 10  # the default
    assert window.learner_list.table.isVisible()

    controller.idle_lock.minutes = 0.002  # shortened for the test: about a tenth of a second
    controller.idle_timer.setInterval(20)
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        pass
    assert controller.overlay.isVisible()
    assert not window.learner_list.table.isVisible() and not window.centralWidget().isVisible()
    assert not window.new_learner_action.isEnabled() and not window.menuBar().isEnabled()
    shot(window, "idle_lock_overlay")

    controller.idle_lock.minutes = 10
    overlay = controller.overlay
    assert overlay.form.username.text() == "pat"
    qtbot.keyClicks(overlay.form.password, "not my password")
    overlay.unlock_button.click()
    assert controller.is_locked() and overlay.isVisible()
    assert "wrong" in overlay.form.error.text()
    assert not window.learner_list.table.isVisible()

    with qtbot.waitSignal(controller.unlocked, timeout=5_000):
        qtbot.keyClicks(overlay.form.password, "maple syrup 42")
        overlay.unlock_button.click()
    assert not controller.is_locked() and not overlay.isVisible()
    assert window.learner_list.table.isVisible() and window.new_learner_action.isEnabled()


def test_another_staff_member_can_unlock_and_becomes_the_one_signed_in(qtbot, window, database, qsettings):
    pat = staff_with_password(database)
    robin = staff_with_password(database, "Robin Roy", "robin", "birch bark canoe")
    identity = staff_accounts.StaffIdentity(pat, "Pat Lee", "pat", None)
    controller = controller_for(window, database, qsettings, staff=identity, automatic_backups=False)
    controller.lock_now()
    assert controller.try_unlock("robin", "birch bark canoe")
    assert database.current_staff_id == robin and "Robin Roy" in controller.signed_in_label.text()
    with database.session() as session:
        assert session.info["staff_id"] == robin


def test_staff_accounts_dialog_sets_a_user_name_and_password_with_the_rule_shown(qtbot, database, qtmodeltester):
    from lbsdesk.services import agency

    with database.session() as session:
        agency.save_staff_names(session, ["Pat Lee", "Robin Roy"])
    dialog = StaffAccountsDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 2 and "off" in dialog.state.text()
    assert dialog.idle_minutes.value() == 10
    dialog.table.selectRow(0)
    dialog.username.setText("pat")
    dialog.password.setText("short")
    dialog.repeat.setText("short")
    assert not dialog.save_account()
    assert "at least 8 characters" in dialog.password_error.text()
    dialog.password.setText("maple syrup 42")
    dialog.repeat.setText("maple syrup 24")
    assert not dialog.save_account() and "differ" in dialog.password_error.text()
    dialog.repeat.setText("maple syrup 42")
    with qtbot.waitSignal(dialog.accounts_changed):
        assert dialog.save_account()
    assert "on" in dialog.state.text()
    assert dialog.model.index(0, 2).data() == "pat" and dialog.model.index(0, 3).data() == "set"
    dialog.idle_minutes.setValue(5)
    dialog.save_idle_minutes()
    with database.session() as session:
        assert staff_accounts.accounts_enabled(session)
        assert staff_accounts.idle_lock_minutes(session) == 5
        assert staff_accounts.verify_sign_in(session, "pat", "maple syrup 42") is not None
    shot(dialog, "staff_accounts_dialog")


def test_retention_removes_details_only_after_the_typed_confirmation(qtbot, database, make_learner, qtmodeltester):
    old = make_learner("Oscar", "Oldfile", intake_date=date(2012, 1, 9), exit_date=date(2014, 6, 30),
                       stage="closure", phone="705-555-0111")
    recent = make_learner("Rita", "Recent", intake_date=date.today() - timedelta(days=400),
                          exit_date=date.today() - timedelta(days=30), stage="closure")
    dialog = RetentionDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 1).data() == "Oscar Oldfile"
    assert not dialog.remove_button.isEnabled()
    qtbot.keyClicks(dialog.confirmation, "remove")  # not the word asked for
    assert not dialog.remove_button.isEnabled()
    dialog.confirmation.clear()
    qtbot.keyClicks(dialog.confirmation, "REMOVE")
    assert dialog.remove_button.isEnabled()
    shot(dialog, "retention_dialog")
    summary = {}

    def read(box):  # noqa: ANN001, ANN202
        summary["text"] = box.text()
        box.accept()

    answer_in_turn([(QMessageBox, read)])
    with qtbot.waitSignal(dialog.details_removed, timeout=20_000) as blocker:
        dialog.remove_button.click()
    assert blocker.args == [1] and "removed from 1 learner files" in summary["text"]
    with database.session() as session:
        removed = learner_service.load_learner(session, old)
        kept = learner_service.load_learner(session, recent)
    assert (removed.first_name, removed.phone, removed.exit_date) == ("Removed", None, date(2014, 6, 30))
    assert kept.first_name == "Rita"
    assert dialog.model.rowCount() == 0 and "nothing to remove" in dialog.count.text()


def test_retention_years_setting_changes_the_list(qtbot, database, make_learner):
    make_learner("Oscar", "Oldfile", intake_date=date(2012, 1, 9), exit_date=date.today() - timedelta(days=365 * 4),
                 stage="closure")
    dialog = RetentionDialog(database)
    qtbot.addWidget(dialog)
    assert dialog.years.value() == 7 and dialog.model.rowCount() == 0
    dialog.years.setValue(3)
    dialog.save_years()
    assert dialog.model.rowCount() == 1


def test_the_settings_menu_offers_the_privacy_dialogs(qtbot, window, database, qsettings):
    controller = controller_for(window, database, qsettings, automatic_backups=False)
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "Settings" in titles and titles[-1] == "Help"
    seen = []
    answer_in_turn([(StaffAccountsDialog, lambda d: (seen.append("staff"), d.reject())),
                    (RetentionDialog, lambda d: (seen.append("retention"), d.reject()))])
    controller.staff_accounts_action.trigger()
    controller.retention_action.trigger()
    assert seen == ["staff", "retention"]
    file_menu = window.backup_action.associatedObjects()
    assert any(controller.restore_action in getattr(m, "actions", lambda: [])() for m in file_menu)


def teardown_function(_function) -> None:
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QDialog):
        dialog.reject()
