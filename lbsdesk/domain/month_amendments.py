"""What changed in a closed month: the frozen figures against today's figures, in plain words.

A month is closed with SPEC.md section 4's figures frozen.  Anything changed afterwards that the
month counted (a formal referral dated in the month entered late, an exit date corrected, a learner
who got a referral and left the gap list…) makes today's figures for that month differ from the
frozen ones.  ``month_amendments`` lists each difference, section by section, as a line a
coordinator can read on the screen and on the next month's sheet:

    Referrals out: formal 12 → 13
    Gap list: L00042 no longer listed

Pure: two figure dictionaries in, a list out.
"""

from __future__ import annotations

from dataclasses import dataclass

from lbsdesk.domain.codes import GOAL_PATHS, INFORMAL_SOURCES, INQUIRY_CHANNELS, ORG_TYPES, CodeList

#: Each section of the figures, in the order the sheet prints them, with the title a person reads.
SECTION_TITLES: dict[str, str] = {
    "inquiries": "Inquiries",
    "learners": "Learners",
    "referrals_in": "Referrals in",
    "referrals_out": "Referrals out",
    "service_coordination": "Service coordination",
    "gaps": "Gap list",
    "not_in_cams": "Not keyed into CaMS",
    "follow_ups_due": "Follow-ups due",
}

#: How each figure reads inside its section (a figure not named here reads as its key).
FIGURE_WORDS: dict[str, dict[str, str]] = {
    "inquiries": {"total": "total", "enrolled": "enrolled", "by_channel": "by channel",
                  "by_source": "how people heard"},
    "learners": {"active": "active", "new": "new", "exited": "exited", "by_goal_path": "goal path"},
    "referrals_in": {"total": "total", "formal": "formal", "by_type": "from"},
    "referrals_out": {"total": "total", "formal": "formal", "by_type": "to"},
    "service_coordination": {
        "closed_plans": "plans closed in the fiscal year",
        "closed_with_formal_referral": "closed plans with a formal referral",
        "formal_referrals_on_closed": "formal referrals on closed plans",
        "percent": "",  # "Service coordination: 40.0% → 42.5%"
        "target_percent": "target",
        "referrals_needed": "referrals still needed",
    },
}

_UNKNOWN_WORDS = "not recorded"


@dataclass(frozen=True)
class Amendment:
    """One difference between the frozen figures and today's."""

    section: str  #: the figures' key: "referrals_out", "gaps", …
    change: str  #: "formal 12 → 13", "L00042 no longer listed"

    @property
    def section_title(self) -> str:
        return SECTION_TITLES.get(self.section, self.section.replace("_", " ").capitalize())

    @property
    def line(self) -> str:
        """``Referrals out: formal 12 → 13``."""
        return f"{self.section_title}: {self.change}"

    def __str__(self) -> str:
        return self.line


def month_amendments(frozen: dict, today: dict) -> list[Amendment]:
    """Every difference between a month's frozen figures and the same month's figures today.

    Sections come in the order the sheet prints them; within a section, single figures first, then
    the breakdowns by code, then list items (removed ones, then added ones).  Empty when nothing the
    month counted has changed.
    """
    amendments: list[Amendment] = []
    for section in _sections(frozen, today):
        before, after = frozen.get(section), today.get(section)
        if section in ("month", "fiscal_year"):
            continue
        if section == "follow_ups_due":
            amendments.extend(_follow_up_changes(before or [], after or []))
        elif isinstance(before, list) or isinstance(after, list):
            amendments.extend(_list_changes(section, before or [], after or []))
        elif isinstance(before, dict) or isinstance(after, dict):
            amendments.extend(_count_changes(section, before or {}, after or {}))
        elif before != after:
            amendments.append(Amendment(section, f"{_number(before)} → {_number(after)}"))
    return amendments


def amendment_lines(frozen: dict, today: dict) -> list[str]:
    """The amendments as plain lines (``Referrals out: formal 12 → 13``)."""
    return [amendment.line for amendment in month_amendments(frozen, today)]


# --- sections ------------------------------------------------------------------------------------


def _sections(frozen: dict, today: dict) -> list[str]:
    known = [section for section in SECTION_TITLES if section in frozen or section in today]
    others = [key for key in (*today, *frozen) if key not in SECTION_TITLES]
    return known + list(dict.fromkeys(others))


def _count_changes(section: str, before: dict, after: dict) -> list[Amendment]:
    words = FIGURE_WORDS.get(section, {})
    single: list[Amendment] = []
    broken_down: list[Amendment] = []
    for key in list(dict.fromkeys((*after, *before))):  # today's figures come in the spec's order
        old, new = before.get(key), after.get(key)
        name = words.get(key, key.replace("_", " "))
        if isinstance(old, dict) or isinstance(new, dict):
            old, new = old or {}, new or {}
            for code in sorted(set(old) | set(new)):
                if old.get(code, 0) != new.get(code, 0):
                    broken_down.append(Amendment(
                        section,
                        f"{name} {_code_label(section, key, code)} {old.get(code, 0)} → {new.get(code, 0)}",
                    ))
        elif old != new:
            suffix = "%" if key.endswith("percent") else ""
            single.append(Amendment(section, f"{name} {_number(old)}{suffix} → {_number(new)}{suffix}".strip()))
    return single + broken_down


def _list_changes(section: str, before: list, after: list) -> list[Amendment]:
    old, new = set(before), set(after)
    return [Amendment(section, f"{item} no longer listed") for item in sorted(old - new)] + [
        Amendment(section, f"{item} now listed") for item in sorted(new - old)
    ]


def _follow_up_changes(before: list[dict], after: list[dict]) -> list[Amendment]:
    def keyed(items: list[dict]) -> dict[tuple[str, int], str]:
        return {(item["learner_id"], int(item["months"])): item["due"] for item in items}

    old, new = keyed(before), keyed(after)
    changes = []
    for key in sorted(set(old) | set(new)):
        learner_id, months = key
        what = f"{learner_id} {months}-month follow-up"
        if key not in new:
            changes.append(Amendment("follow_ups_due", f"{what} (due {old[key]}) no longer listed"))
        elif key not in old:
            changes.append(Amendment("follow_ups_due", f"{what} (due {new[key]}) now listed"))
        elif old[key] != new[key]:
            changes.append(Amendment("follow_ups_due", f"{what} due {old[key]} → {new[key]}"))
    return changes


# --- words ---------------------------------------------------------------------------------------


def _code_label(section: str, key: str, code: str) -> str:
    if code == "unknown":
        return _UNKNOWN_WORDS
    lists: tuple[CodeList, ...] = ()
    if key == "by_channel":
        lists = (INQUIRY_CHANNELS,)
    elif key == "by_goal_path":
        lists = (GOAL_PATHS,)
    elif key in ("by_type", "by_source"):
        lists = (ORG_TYPES, INFORMAL_SOURCES)
    for code_list in lists:
        if code in code_list:
            return code_list.label(code)
    return code


def _number(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
