"""Is this the same person twice?  Name and phone comparisons for the duplicate check.

Names are compared folded (case and accents do not matter, ``Côté`` = ``cote``), with hyphens and
apostrophes treated as spaces, allowing a small number of typing mistakes and first and last name
typed the wrong way round.  Pure functions: no database, no Qt.
"""

from __future__ import annotations

from enum import IntEnum

from lbsdesk.domain.text import digits_only, fold

#: Fewest digits for a phone number to identify anyone (shorter ones are extensions or typos).
MIN_PHONE_DIGITS = 7


class NameMatch(IntEnum):
    """How alike two names are; higher is closer."""

    DIFFERENT = 0
    SIMILAR = 1  # a typo or two, or a name contained in the other (Marie / Marie-Claire)
    SWAPPED = 2  # first and last exchanged
    SAME = 3  # identical once folded


NAME_MATCH_WORDS = {
    NameMatch.SAME: "same name",
    NameMatch.SWAPPED: "first and last names swapped",
    NameMatch.SIMILAR: "similar name",
}


def name_key(value: str | None) -> str:
    """A name folded for comparison: accents and case removed, hyphens/apostrophes/dots as spaces."""
    folded = fold(value)
    for mark in "-'’.,":
        folded = folded.replace(mark, " ")
    return " ".join(folded.split())


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance (insert, delete, replace, and swapping two neighbouring letters counts 1).

    With ``limit``, stops early and returns ``limit + 1`` once the distance must exceed it.
    """
    if a == b:
        return 0
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous_previous is not None
                and j > 1
                and ca == b[j - 2]
                and a[i - 2] == cb
            ):
                best = min(best, previous_previous[j - 2] + 1)
            current[j] = best
        if limit is not None and min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]


def allowed_typos(length: int) -> int:
    """How many typing mistakes a name of this length may hold and still be "similar"."""
    if length <= 3:
        return 0
    if length <= 7:
        return 1
    return 2


def part_similar(a: str, b: str) -> bool:
    """Two folded name parts alike: equal, a small typo apart, or one a whole word of the other."""
    if not a or not b:
        return False
    if a == b:
        return True
    typos = allowed_typos(max(len(a), len(b)))
    if typos and edit_distance(a, b, limit=typos) <= typos:
        return True
    words_a, words_b = set(a.split()), set(b.split())
    # "marie" and "marie claire", "cote" and "cote gagnon": one name is a part of the other
    return bool(words_a <= words_b or words_b <= words_a)


def compare_names(first_a: str | None, last_a: str | None, first_b: str | None, last_b: str | None) -> NameMatch:
    """How alike person A's name is to person B's."""
    fa, la, fb, lb = name_key(first_a), name_key(last_a), name_key(first_b), name_key(last_b)
    if not (fa or la) or not (fb or lb):
        return NameMatch.DIFFERENT
    if fa == fb and la == lb:
        return NameMatch.SAME
    if fa == lb and la == fb:
        return NameMatch.SWAPPED
    if part_similar(fa, fb) and part_similar(la, lb):
        return NameMatch.SIMILAR
    if part_similar(fa, lb) and part_similar(la, fb):
        return NameMatch.SWAPPED
    return NameMatch.DIFFERENT


def phone_key(value: str | None) -> str:
    """The phone number's digits, without a leading long-distance 1; "" when too short to compare."""
    digits = digits_only(value)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits if len(digits) >= MIN_PHONE_DIGITS else ""


def same_phone(a: str | None, b: str | None) -> bool:
    """Both numbers usable and equal (``(705) 555-0101`` = ``705.555.0101`` = ``1-705-555-0101``)."""
    key_a, key_b = phone_key(a), phone_key(b)
    return bool(key_a) and key_a == key_b
