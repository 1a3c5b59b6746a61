"""The screens in French: the compiled catalogue loads, the main window and Qt's own buttons speak
French once it is installed, English comes back when it is taken out, and the catalogue has no
message left untranslated."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QMessageBox

from lbsdesk.domain import codes
from lbsdesk.services.agency import load_agency, save_agency
from lbsdesk.ui.translations import apply_agency_language, catalogue_path, current_language, install_translator

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "lbsdesk_fr.ts"


@pytest.fixture
def french(qapp):
    """French installed for one test; English again afterwards, whatever the test did."""
    assert install_translator(qapp, "fr")
    yield qapp
    install_translator(qapp, "en")


def rail_texts(window) -> list[str]:
    return [window.rail.item(row).text() for row in range(window.rail.count())]


def test_the_french_catalogue_ships_and_loads(qapp):
    path = catalogue_path("fr")
    assert path is not None and path.name == "lbsdesk_fr.qm"
    translator = QTranslator()
    assert translator.load(str(path))
    assert translator.translate("MainWindow", "&Learners") == "&Apprenants"


def test_with_french_installed_the_main_window_speaks_french(french, qtbot, database, qsettings):
    from lbsdesk.ui.main_window import MainWindow

    window = MainWindow(database, qsettings)
    window.confirm_on_close = False
    qtbot.addWidget(window)
    window.show()
    window.load()
    qtbot.waitExposed(window)

    rail = rail_texts(window)
    assert "Apprenants" in rail and "Aiguillages" in rail and "Partenaires" in rail
    assert "Learners" not in rail and "Referrals" not in rail
    assert window.menuBar().actions()[0].text() == "&Fichier"
    assert current_language() == "fr"


def test_qt_standard_buttons_are_french(french, qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "Question", "Enregistrer?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {box.button(b).text().replace("&", "") for b in (QMessageBox.StandardButton.Yes,
                                                              QMessageBox.StandardButton.No,
                                                              QMessageBox.StandardButton.Cancel)}
    assert texts == {"Oui", "Non", "Annuler"}


def test_helper_contexts_are_translated_too(french):
    """Texts behind the modules' small translate helpers (lupdate cannot follow them)."""
    assert QCoreApplication.translate("LearnerPlanTab", "Print plan summary…") == "Imprimer le résumé du plan…"
    assert QCoreApplication.translate("App", "Open read-only") == "Ouvrir en lecture seule"
    assert QCoreApplication.translate("codes", "Awaiting reply") == "En attente de réponse"


def test_code_labels_on_screen_follow_the_language(french):
    from lbsdesk.ui.form_widgets import code_label

    assert code_label(codes.ORG_TYPES, "odsp") == "POSPH"
    assert code_label(codes.GOAL_PATHS, "employment") == "Emploi"


def test_taking_french_out_brings_english_back(qapp, qtbot, database, qsettings):
    from lbsdesk.ui.main_window import MainWindow

    install_translator(qapp, "fr")
    install_translator(qapp, "en")
    assert current_language() == "en"
    assert codes.ORG_TYPES.label("odsp") == "ODSP"
    window = MainWindow(database, qsettings)
    window.confirm_on_close = False
    qtbot.addWidget(window)
    assert "Learners" in rail_texts(window)


def test_the_agency_language_decides(qapp, database):
    with database.session() as session:
        settings = load_agency(session)
        settings.name, settings.language = "Centre Vallée", "fr"
        save_agency(session, settings)
    try:
        assert apply_agency_language(qapp, database) == "fr"
        assert QCoreApplication.translate("MainWindow", "&Learners") == "&Apprenants"
    finally:
        install_translator(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&Learners") == "&Learners"


def test_an_unknown_language_leaves_the_screens_english(qapp):
    assert not install_translator(qapp, "de")
    assert current_language() == "en"


def test_every_message_of_the_catalogue_is_translated():
    root = ET.parse(TS_FILE).getroot()
    assert root.get("language") == "fr_CA"
    problems = []
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        assert name, "a context without a name: the program never asks for it"
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            translation = message.find("translation")
            texts = ([form.text or "" for form in translation.iter("numerusform")]
                     if message.get("numerus") == "yes" else [translation.text or ""])
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in texts):
                problems.append(f"[{name}] {source}")
                continue
            # the same placeholders in the French as in the English (%s, %d, %1, %n…)
            for text in texts:
                if sorted(re.findall(r"%(?:\d|[sdn])", text)) != sorted(re.findall(r"%(?:\d|[sdn])", source)):
                    problems.append(f"[{name}] placeholders differ: {source!r} → {text!r}")
    assert count > 1000
    assert not problems, "\n".join(problems)


def test_the_agency_settings_choose_the_language(qtbot, database):
    from lbsdesk.services import agency as agency_service
    from lbsdesk.ui.first_run_setup_dialog import AgencySettingsPane

    pane = AgencySettingsPane(database)
    qtbot.addWidget(pane)
    pane.load()
    pane.form.name.setText("Centre d'alphabétisation")
    pane.form.language.setCurrentIndex(pane.form.language.findData("fr"))
    with database.session() as session:
        settings = pane.form.apply_to(agency_service.load_agency(session))
        agency_service.save_agency(session, settings)
    with database.session() as session:
        assert agency_service.load_agency(session).language == "fr"

