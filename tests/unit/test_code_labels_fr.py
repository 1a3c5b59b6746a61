"""Every code of every code list reads in French when asked, and English stays exactly as it was."""

from __future__ import annotations

import pytest

from lbsdesk.domain import codes
from lbsdesk.domain.labels_fr import FRENCH_LABELS, FRENCH_SUITABILITY_LABELS

CODE_LISTS = [value for value in vars(codes).values() if isinstance(value, codes.CodeList)]


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    codes.set_display_language("en")


def test_the_lists_the_screens_show_are_all_here():
    names = {code_list.name for code_list in CODE_LISTS}
    assert {"org_type", "source", "goal_path", "stage", "status", "channel", "service", "urgency", "income_source",
            "education_level", "need", "outreach_kind", "language", "contact_method", "consent_scope",
            "consent_method", "competency"} <= names
    assert len(names) == len(CODE_LISTS)  # each list has its own name: the French table is keyed by it


@pytest.mark.parametrize("code_list", CODE_LISTS, ids=lambda code_list: code_list.name)
def test_every_code_has_a_french_label(code_list):
    french = FRENCH_LABELS.get(code_list.name, {})
    for code, english in code_list.items:
        assert french.get(code, "").strip(), f"{code_list.name}.{code} ({english}) has no French label"
        assert code_list.label(code, "fr") == french[code]
    assert set(french) == set(code_list.codes), "a French label for a code the list does not have"


@pytest.mark.parametrize("code_list", CODE_LISTS, ids=lambda code_list: code_list.name)
def test_english_is_unchanged(code_list):
    for code, english in code_list.items:
        assert code_list.label(code) == english
        assert code_list.label(code, "en") == english


def test_french_labels_within_a_list_are_distinct():
    for code_list in CODE_LISTS:
        labels = [code_list.label(code, "fr") for code in code_list.codes]
        assert len(set(labels)) == len(labels), code_list.name


def test_the_display_language_makes_label_french_until_set_back():
    assert codes.display_language() == "en"
    codes.set_display_language("fr")
    assert codes.display_language() == "fr"
    assert codes.ORG_TYPES.label("odsp") == "POSPH"
    assert codes.ORG_TYPES.label("ontario_works") == "Ontario au travail"
    assert codes.REFERRAL_STATUSES.label("sent") == "Envoyé"
    assert codes.GOAL_PATHS.labels()[0] == ("employment", "Emploi")
    assert codes.ORG_TYPES.label("odsp", "en") == "ODSP"  # asked for English: English
    assert codes.ORG_TYPES.label("no_such_code") == "no_such_code"  # an unknown code reads as itself
    assert codes.ORG_TYPES.label(None) == ""
    codes.set_display_language("en")
    assert codes.ORG_TYPES.label("odsp") == "ODSP"


def test_an_unknown_display_language_is_english():
    codes.set_display_language("de")
    assert codes.display_language() == "en"
    assert codes.GOAL_PATHS.label("independence") == "Independence"


def test_items_stay_english_for_reading_stored_words_back():
    codes.set_display_language("fr")
    assert dict(codes.LANGUAGES.items)["fr"] == "French"


def test_default_suitability_indicators_read_in_french_unless_the_agency_renamed_them():
    assert set(FRENCH_SUITABILITY_LABELS) == {code for code, _, _ in codes.DEFAULT_SUITABILITY_INDICATORS}
    assert codes.suitability_label("deaf", "Deaf", "fr") == "Sourd"
    assert codes.suitability_label("deaf", "Deaf") == "Deaf"
    assert codes.suitability_label("deaf", "Deaf or hard of hearing", "fr") == "Deaf or hard of hearing"
    assert codes.suitability_label("our_own", "Our own indicator", "fr") == "Our own indicator"


def test_month_names_do_not_depend_on_the_computer():
    assert codes.month_name(9) == "September"
    assert codes.month_name(9, "fr") == "septembre"
    assert codes.month_name(12, "fr", short=True) == "déc."
    codes.set_display_language("fr")
    assert codes.month_name(8) == "août"
