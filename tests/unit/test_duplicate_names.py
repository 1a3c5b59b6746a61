"""Name and phone comparison for the duplicate check (lbsdesk.domain.duplicates)."""

from lbsdesk.domain.duplicates import NameMatch, compare_names, edit_distance, phone_key, same_phone


def test_edit_distance():
    assert edit_distance("cote", "cote") == 0
    assert edit_distance("tremblay", "trembley") == 1
    assert edit_distance("gagnon", "gangon") == 1  # neighbouring letters swapped
    assert edit_distance("smith", "jones", limit=2) == 3


def test_accents_case_and_hyphens_are_the_same_name():
    assert compare_names("Marie", "Côté", "marie", "COTE") is NameMatch.SAME
    assert compare_names("Jean-Luc", "St-Pierre", "jean luc", "St Pierre") is NameMatch.SAME


def test_typos_and_swaps():
    assert compare_names("Marie", "Tremblay", "Marie", "Trembley") is NameMatch.SIMILAR
    assert compare_names("Ann", "Smith", "Anne", "Smith") is NameMatch.SIMILAR
    assert compare_names("Marie", "Côté", "Cote", "Marie") is NameMatch.SWAPPED
    assert compare_names("Marie", "Côté", "Cotte", "Marie") is NameMatch.SWAPPED


def test_different_people():
    assert compare_names("Marie", "Côté", "Luc", "Côté") is NameMatch.DIFFERENT
    assert compare_names("Tom", "Roy", "Tim", "Roy") is NameMatch.DIFFERENT
    assert compare_names("", "", "Marie", "Cote") is NameMatch.DIFFERENT


def test_phone_digits():
    assert same_phone("(705) 555-0101", "1-705-555-0101")
    assert not same_phone("705 555 0101", "705 555 0102")
    assert phone_key("123") == ""
    assert not same_phone(None, None)

