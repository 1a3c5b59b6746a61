"""Text folding for search and duplicate checks: case and accents do not matter (``cote`` finds Côté)."""

from __future__ import annotations

import unicodedata


def fold(value: str | None) -> str:
    """Lower-case ASCII-ish form of ``value``: accents removed, case folded, spaces collapsed."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def digits_only(value: str | None) -> str:
    return "".join(ch for ch in value or "" if ch.isdigit())


def learner_search_text(
    first_name: str | None, last_name: str | None, learner_key: str | None, phone: str | None
) -> str:
    """What the learner search matches, folded: "last first | first last | key | phone | digits".

    It starts with "last first" so that sorting by it sorts people by last name then first name,
    ignoring case and accents (the learner list's name order, served by an index).
    """
    first, last = fold(first_name), fold(last_name)
    parts = [f"{last} {first}", f"{first} {last}", fold(learner_key), fold(phone), digits_only(phone)]
    return " | ".join(part for part in parts if part)
