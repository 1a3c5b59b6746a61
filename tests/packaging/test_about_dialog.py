"""Help > About: the version, the database in use, the data and log folders, the icon."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from lbsdesk import __version__
from lbsdesk.paths import log_folder
from lbsdesk.ui.about_dialog import AboutDialog, application_icon


def test_it_shows_the_version_the_database_and_the_folders(qtbot, database, db_path):
    dialog = AboutDialog(database)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.findChild(type(dialog.database_label), "aboutVersion").text()
    assert dialog.database_label.text() == str(db_path)
    assert dialog.data_label.text() == str(db_path.parent)
    assert dialog.log_label.text() == str(log_folder())


def test_copy_details_gives_what_a_helper_needs_and_nothing_about_learners(qtbot, database, db_path):
    from lbsdesk.services import learners

    with database.session() as session:
        record = learners.new_learner_record(session)
        record.first_name, record.last_name = "Zoë", "Quellette"
        learners.save_learner(session, record)
    dialog = AboutDialog(database)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert f"LBS Desk {__version__}" in text and str(db_path) in text and str(log_folder()) in text
    assert "Quellette" not in text


def test_the_open_folder_buttons_create_a_missing_folder_first(qtbot, database, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("lbsdesk.ui.about_dialog.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    dialog = AboutDialog(database)
    qtbot.addWidget(dialog)
    dialog.log_folder = tmp_path / "not yet" / "Logs"
    dialog.open_logs_button.click()
    assert dialog.log_folder.is_dir()
    assert opened and opened[0].toLocalFile() == str(dialog.log_folder)


def test_the_application_icon_has_every_size(qtbot):
    from lbsdesk.resources import resource_folder

    if resource_folder() is None:
        pytest.skip("lbsdesk is imported from an installed wheel, which carries no resources/ folder")
    icon = application_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} >= {16, 32, 48, 256}
