"""Data safety in the window: one writer (read-only second copy), automatic backups and their status
bar, the second-folder warning, restore, look inside a backup, a damaged database at open."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from lbsdesk.db.backup_rotation import automatic_backup
from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.single_writer import WriterLock, current_holder
from lbsdesk.services.learner_list import LearnerQuery, matching_learner_ids
from lbsdesk.ui import settings as opts
from lbsdesk.ui.app import open_for_app
from lbsdesk.ui.backup_settings_panel import SECOND_FOLDER, BackupSettingsDialog
from lbsdesk.ui.database_in_use_dialog import DatabaseInUseDialog
from lbsdesk.ui.restore_dialog import RestoreDialog
from tests.ui.data_safety_helpers import answer_in_turn, controller_for, shot


def _learner_count(database) -> int:  # noqa: ANN001
    with database.session() as session:
        return len(matching_learner_ids(session, LearnerQuery()))


def test_a_second_copy_is_told_who_has_it_and_opens_it_read_only(qtbot, db_path, database, qsettings, make_learner, monkeypatch):
    from lbsdesk.ui.main_window import MainWindow

    learner_id = make_learner("Marie", "Côté")
    first_copy = WriterLock(db_path).acquire()
    told = {}

    def read_only(dialog):  # noqa: ANN001, ANN202
        told["text"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        shot(dialog, "in_use_dialog")
        dialog.read_only_button.click()

    answer_in_turn([(DatabaseInUseDialog, read_only)])
    opened = open_for_app(sqlite_url(db_path), qsettings)
    try:
        assert opened is not None and opened.lock is None and opened.database.read_only
        holder = current_holder(db_path)
        assert holder.user in told["text"] and "Open by" in told["text"] and "Since" in told["text"]

        window = MainWindow(opened.database, qsettings)
        window.confirm_on_close = False
        qtbot.addWidget(window)
        controller = controller_for(window, opened.database, qsettings)
        window.show()
        window.load()
        assert "READ-ONLY" in window.windowTitle()
        assert controller.read_only_label.isVisible() and "READ-ONLY" in controller.read_only_label.text()
        assert not window.new_learner_action.isEnabled() and not controller.restore_action.isEnabled()
        assert window.learner_list.model.rowCount() == 1  # reading works

        window.open_learner(learner_id)
        qtbot.keyClicks(window.learner_editor._fields["phone"].widget, "705-555-0199")
        shown = []
        monkeypatch.setattr(QMessageBox, "critical", lambda *args, **kwargs: shown.append(args[2]))
        assert window.learner_editor.save() is None
        assert shown and "read-only" in shown[0] and "nothing can be changed or saved" in shown[0]
        shot(window, "read_only_window")
        controller.shutdown()
    finally:
        opened.database.dispose()
        first_copy.release()


def test_quitting_at_the_in_use_dialog_opens_nothing(qtbot, db_path, database, qsettings):
    first_copy = WriterLock(db_path).acquire()
    try:
        answer_in_turn([(DatabaseInUseDialog, lambda dialog: dialog.quit_button.click())])
        assert open_for_app(sqlite_url(db_path), qsettings) is None
    finally:
        first_copy.release()


def test_the_app_holds_the_lock_and_releases_it(qtbot, db_path, database, qsettings):
    opened = open_for_app(sqlite_url(db_path), qsettings)
    assert opened.lock is not None and opened.lock.held and not opened.database.read_only
    assert current_holder(db_path) is not None
    opened.database.dispose()
    opened.lock.release()
    assert current_holder(db_path) is None


def test_the_network_warning_is_shown_until_told_not_to(qtbot, db_path, database, qsettings, monkeypatch):
    from lbsdesk.db import single_writer
    from lbsdesk.ui.app import show_network_warning

    monkeypatch.setattr(single_writer, "network_warning", lambda path: f"The database {path} is on a network folder.")
    seen = []

    def never_again(box):  # noqa: ANN001, ANN202
        seen.append(box.text())
        box.checkBox().setChecked(True)
        box.accept()

    answer_in_turn([(QMessageBox, never_again)])
    assert show_network_warning(db_path, qsettings)
    assert "network folder" in seen[0]
    assert not show_network_warning(db_path, qsettings)  # asked not to show it again for this database


def test_the_backup_at_open_writes_a_file_and_updates_the_status_bar(qtbot, window, database, db_path, qsettings):
    lock = WriterLock(db_path).acquire()
    try:
        controller = controller_for(window, database, qsettings, lock)
        assert "no backup yet" in window.backup_label.text()
        with qtbot.waitSignal(controller.backup_finished, timeout=30_000) as blocker:
            controller.window_shown()
        outcome = blocker.args[0]
        assert outcome.ok and outcome.backup.exists()
        assert outcome.backup.parent == db_path.parent / "backups"
        assert f"{outcome.made_at:%Y-%m-%d %H:%M}" in window.backup_label.text()
        assert not controller.backup_warning.isVisible()
        assert not controller.backup_if_due()  # one was just made: the daily check waits
        closing = controller.shutdown()
        assert closing is not None and closing.backup.exists()  # the backup at close
    finally:
        lock.release()


def test_a_second_folder_missing_for_a_week_is_warned_about_and_opens_the_settings(qtbot, window, database, db_path, qsettings, tmp_path):
    usb = tmp_path / "usb-stick"  # never plugged in
    opts.write(qsettings, SECOND_FOLDER, str(usb))
    automatic_backup(db_path, second_folder=usb, now=datetime.now() - timedelta(days=8))
    controller = controller_for(window, database, qsettings, automatic_backups=False)
    assert controller.backup_warning.isVisible()
    assert "missing for a week" in controller.backup_warning.text()
    assert str(usb) in controller.backup_warning.toolTip()
    seen = {}

    def look(dialog):  # noqa: ANN001, ANN202
        seen["warning"] = dialog.panel.warning.text() if dialog.panel.warning.isVisible() else ""
        seen["folder"] = dialog.panel.folder.text()
        shot(dialog, "backup_settings")
        dialog.reject()

    answer_in_turn([(BackupSettingsDialog, look)])
    shot(window, "status_bar_warning")
    controller.backup_warning.click()
    assert "missing for a week" in seen["warning"] and seen["folder"] == str(usb)


def test_a_second_folder_missing_for_a_day_is_not_nagged_about(qtbot, window, database, db_path, qsettings, tmp_path):
    usb = tmp_path / "usb-stick"
    opts.write(qsettings, SECOND_FOLDER, str(usb))
    lock = WriterLock(db_path).acquire()
    try:
        controller = controller_for(window, database, qsettings, lock)
        with qtbot.waitSignal(controller.backup_finished, timeout=30_000):
            controller.window_shown()
        assert not controller.backup_warning.isVisible()
        usb.mkdir()
        with qtbot.waitSignal(controller.backup_finished, timeout=30_000) as blocker:
            assert controller.start_backup()
        assert blocker.args[0].second_copy is not None and blocker.args[0].second_copy.parent == usb
        controller.shutdown(closing_backup=False)
    finally:
        lock.release()


def test_restore_lists_the_backups_and_brings_one_back_with_a_safety_copy(qtbot, window, database, db_path, qsettings, make_learner, qtmodeltester):
    make_learner("Marie", "Côté")
    backup = automatic_backup(db_path, now=datetime.now() - timedelta(hours=2)).backup
    make_learner("Jean", "Tremblay")
    window.refresh()
    assert window.learner_list.model.rowCount() == 2
    lock = WriterLock(db_path).acquire()
    controller = controller_for(window, database, qsettings, lock, automatic_backups=False)
    listed = {}

    def choose(dialog):  # noqa: ANN001, ANN202
        if dialog.is_loading() or dialog.model.rowCount() == 0:
            return False
        qtmodeltester.check(dialog.model)
        listed["rows"] = [[dialog.model.index(r, c).data() for c in range(6)] for r in range(dialog.model.rowCount())]
        assert dialog.select_path(backup)
        shot(dialog, "restore_dialog")
        dialog.restore_button.click()
        return True

    def confirm(box):  # noqa: ANN001, ANN202
        listed["confirm"] = box.text() + " " + box.informativeText()
        shot(box, "restore_confirmation")
        box.findChild(type(box.buttons()[0]), "confirmRestoreButton").click()

    def summary(box):  # noqa: ANN001, ANN202
        listed["summary"] = box.text()
        box.accept()

    answer_in_turn([(RestoreDialog, choose), (QMessageBox, confirm), (QMessageBox, summary)])
    with qtbot.waitSignal(controller.restored, timeout=30_000) as blocker:
        controller.restore_from_backup()
    outcome = blocker.args[0]
    row = next(r for r in listed["rows"] if r[0] == f"{datetime.now() - timedelta(hours=2):%Y-%m-%d %H:%M}")
    assert row[1] == "this PC" and row[2] == "Automatic" and row[4] == "1"
    assert "safety copy" in listed["confirm"] and "will be replaced" in listed["confirm"]
    assert outcome.safety_copy.exists() and "before-restore" in outcome.safety_copy.name
    assert "1 learners" in listed["summary"] and str(outcome.safety_copy) in listed["summary"]
    assert window.learner_list.model.rowCount() == 1  # the window shows the restored data
    assert _learner_count(database) == 1
    make_learner("Anne", "Smith")  # the database still works after the restore
    assert _learner_count(database) == 2
    controller.shutdown(closing_backup=False)
    lock.release()


def test_a_wrong_passphrase_restores_nothing(qtbot, window, database, db_path, qsettings, make_learner, tmp_path):
    from lbsdesk.ui.backup_settings_panel import PassphraseDialog

    make_learner("Marie", "Côté")
    usb = tmp_path / "usb"
    usb.mkdir()
    outcome = automatic_backup(db_path, second_folder=usb, passphrase="correct horse", now=datetime.now() - timedelta(hours=1))
    make_learner("Jean", "Tremblay")
    controller = controller_for(window, database, qsettings, automatic_backups=False)
    from lbsdesk.db.backup_rotation import list_backups

    info = next(i for i in list_backups(db_path, usb) if i.path == outcome.second_copy)
    assert info.encrypted
    said = {}

    def wrong(dialog):  # noqa: ANN001, ANN202
        dialog.passphrase.setText("wrong passphrase")
        dialog.accept()

    def refused(box):  # noqa: ANN001, ANN202
        said["text"] = box.text()
        box.accept()

    answer_in_turn([(QMessageBox, lambda box: box.findChild(type(box.buttons()[0]), "confirmRestoreButton").click()),
                    (PassphraseDialog, wrong), (QMessageBox, refused)])
    controller.restore(info)
    qtbot.waitUntil(lambda: "text" in said, timeout=30_000)
    assert "passphrase is wrong" in said["text"]
    assert _learner_count(database) == 2  # nothing changed


def test_look_inside_opens_a_read_only_window_on_the_backup(qtbot, window, database, db_path, qsettings, make_learner):
    make_learner("Marie", "Côté")
    backup = automatic_backup(db_path, now=datetime.now() - timedelta(hours=1)).backup
    make_learner("Jean", "Tremblay")
    window.refresh()
    controller = controller_for(window, database, qsettings, automatic_backups=False)
    from lbsdesk.db.backup_rotation import list_backups

    info = next(i for i in list_backups(db_path) if i.path == backup)
    controller.look_inside(info)
    qtbot.waitUntil(lambda: bool(controller.backup_windows()), timeout=30_000)
    other = controller.backup_windows()[0]
    qtbot.waitExposed(other)
    assert other.learner_list.model.rowCount() == 1 and window.learner_list.model.rowCount() == 2
    assert "READ-ONLY" in other.windowTitle() and "BACKUP" in other.windowTitle()
    assert not other.new_learner_action.isEnabled()
    shot(other, "look_inside_window")
    controller.shutdown(closing_backup=False)
    assert not controller.backup_windows()


def test_a_damaged_database_is_offered_its_newest_sound_backup(qtbot, tmp_path, qsettings):
    from lbsdesk.db.migrate import open_database

    path = tmp_path / "agency.sqlite3"
    db = open_database(sqlite_url(path))
    from tests.ui.conftest import add_learner

    add_learner(db, "Marie", "Côté")
    for number in range(300):  # enough pages that damage in the middle hits real data
        add_learner(db, f"Learner{number}", "Padding", notes="x" * 400)
    db.dispose()
    automatic_backup(path, now=datetime.now() - timedelta(hours=1))
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        for offset in range(8192, size - 4096, 4096):
            handle.seek(offset)
            handle.write(b"\xde\xad\xbe\xef" * 256)
    said = {}

    def restore(box):  # noqa: ANN001, ANN202
        said["offer"] = box.text() + " " + box.informativeText()
        box.findChild(type(box.buttons()[0]), "restoreNewestButton").click()

    def done(box):  # noqa: ANN001, ANN202
        said["done"] = box.text()
        box.accept()

    answer_in_turn([(QMessageBox, restore), (QMessageBox, done)])
    opened = open_for_app(sqlite_url(path), qsettings)
    try:
        assert opened is not None
        assert "damaged" in said["offer"] and "301 learners" in said["offer"]
        assert _learner_count(opened.database) == 301
        assert any(".damaged-" in p.name for p in (tmp_path / "backups").iterdir())
        assert "damaged database is kept" in said["done"]
    finally:
        if opened is not None:
            opened.database.dispose()
            opened.lock.release()


@pytest.fixture(autouse=True)
def _no_modal_left_behind(qtbot):
    yield
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QDialog):
        dialog.reject()


def test_an_encrypted_second_folder_asks_the_passphrase_once_and_never_saves_it(qtbot, window, database, db_path, qsettings, tmp_path):
    from lbsdesk.ui.backup_settings_panel import ENCRYPT_SECOND_FOLDER, PassphraseDialog

    usb = tmp_path / "usb"
    usb.mkdir()
    opts.write(qsettings, SECOND_FOLDER, str(usb))
    opts.write(qsettings, ENCRYPT_SECOND_FOLDER, True)
    asked = []

    def give(dialog):  # noqa: ANN001, ANN202
        asked.append(dialog)
        dialog.passphrase.setText("short")
        dialog.repeat.setText("short")
        dialog.accept()
        assert dialog.isVisible() and "at least 8" in dialog.error.text()  # the rule, before anything is written
        dialog.passphrase.setText("correct horse")
        dialog.repeat.setText("correct horse")
        shot(dialog, "passphrase_dialog")
        dialog.accept()

    answer_in_turn([(PassphraseDialog, give)])
    lock = WriterLock(db_path).acquire()
    try:
        controller = controller_for(window, database, qsettings, lock)
        with qtbot.waitSignal(controller.backup_finished, timeout=30_000) as first:
            controller.window_shown()
        with qtbot.waitSignal(controller.backup_finished, timeout=30_000) as second:
            assert controller.start_backup()
        for blocker in (first, second):
            assert blocker.args[0].second_copy.name.endswith(".sqlite3.lbsenc")
        assert len(asked) == 1
        assert not any(p.name.endswith(".sqlite3") for p in usb.iterdir())  # no plain copy on the stick
        stored = " ".join(str(qsettings.value(key)) for key in qsettings.allKeys())
        assert "correct horse" not in stored
        controller.shutdown(closing_backup=False)
    finally:
        lock.release()


def test_declining_the_passphrase_sends_nothing_to_the_second_folder(qtbot, window, database, db_path, qsettings, tmp_path):
    from lbsdesk.ui.backup_settings_panel import ENCRYPT_SECOND_FOLDER, PassphraseDialog

    usb = tmp_path / "usb"
    usb.mkdir()
    opts.write(qsettings, SECOND_FOLDER, str(usb))
    opts.write(qsettings, ENCRYPT_SECOND_FOLDER, True)
    answer_in_turn([(PassphraseDialog, lambda dialog: dialog.reject())])
    lock = WriterLock(db_path).acquire()
    try:
        controller = controller_for(window, database, qsettings, lock)
        with qtbot.waitSignal(controller.backup_finished, timeout=30_000) as blocker:
            controller.window_shown()
        assert blocker.args[0].backup.exists() and blocker.args[0].second_copy is None
        assert list(usb.iterdir()) == []
        assert controller.backup_warning.isVisible() and "passphrase" in controller.backup_warning.toolTip()
        controller.shutdown(closing_backup=False)
    finally:
        lock.release()
