"""The screens in the agency's language: English (the texts in the code) or French.

``install_translator(app, "fr")`` loads ``resources/translations/lbsdesk_fr.qm`` (built by
``packaging/update_translations.py``; found through ``lbsdesk.resources`` from a source checkout or
the packaged program) and Qt's own ``qtbase_fr`` (the standard buttons: Annuler, Oui, Non…), and
makes the code lists (``lbsdesk.domain.codes``) answer in French.  ``install_translator(app, "en")``
takes them out again.  Widgets read their texts when they are built, so the language is chosen
before the main window is made: a change in the settings shows at the next start.

``apply_agency_language(app, database)`` does this from the agency profile's ``language``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

from lbsdesk.domain import codes
from lbsdesk.resources import resource_path

LOG = logging.getLogger(__name__)

#: The languages the program speaks; anything else is shown in English.
LANGUAGES = ("en", "fr")
CATALOGUE = "lbsdesk"  # resources/translations/lbsdesk_<language>.qm

_installed: list[QTranslator] = []
_current = "en"


def catalogue_path(language: str):  # noqa: ANN201 - Path | None
    """``resources/translations/lbsdesk_<language>.qm`` when it ships, else None."""
    return resource_path("translations", f"{CATALOGUE}_{language}.qm")


def _qt_translator(language: str) -> QTranslator | None:
    """Qt's own catalogue (``qtbase_fr``) from PySide6's translations folder, or from ours."""
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    ours = resource_path("translations")
    if ours is not None:
        folders.append(str(ours))
    for folder in folders:
        translator = QTranslator()
        if translator.load(f"qtbase_{language}", folder):
            return translator
    return None


def current_language() -> str:
    return _current


def install_translator(app: QApplication, language: str) -> bool:
    """Speak ``language`` ("en" or "fr") from now on; True when it is what the screens now use.

    Removes whatever an earlier call installed, so it may be called again (after the first-run
    setup, in tests).  A missing French catalogue is logged and the screens stay English.
    """
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = "en"
    codes.set_display_language("en")
    language = (language or "en").strip().lower()
    if language not in LANGUAGES or language == "en":
        return language == "en"
    path = catalogue_path(language)
    ours = QTranslator()
    if path is None or not ours.load(str(path)):
        LOG.warning("The %s catalogue (%s_%s.qm) was not found; the screens stay in English.",
                    language, CATALOGUE, language)
        return False
    for translator in (_qt_translator(language), ours):
        if translator is not None and app.installTranslator(translator):
            _installed.append(translator)
    _current = language
    codes.set_display_language(language)
    return True


def apply_agency_language(app: QApplication, database) -> str:  # noqa: ANN001
    """Install the language of the agency profile (``AgencyProfile.language``); the language used."""
    from lbsdesk.services.agency import load_agency

    try:
        with database.session() as session:
            language = load_agency(session).language
    except Exception:  # noqa: BLE001 - the language never stops the program from starting
        LOG.warning("The agency's language could not be read; the screens stay in English.", exc_info=True)
        language = "en"
    return _current if install_translator(app, language) else "en"
