"""The code lists of SPEC.md section 5, with the English label a person reads for each code.

Codes are lower-case ASCII and never change; labels may be translated.  Lists that an agency may
extend (the suitability indicators) live in the database; their defaults are here.

Labels are English unless asked otherwise: ``label(code, "fr")`` gives the French one
(``lbsdesk.domain.labels_fr``), and ``set_display_language("fr")`` (called once by the desktop app
when the agency works in French) makes ``label(code)`` French everywhere the screens show a code.
Printing passes the agency's language explicitly and does not depend on it.  ``items`` stays English:
it is what a stored word ("French", "Text message") is read back against.
"""

from __future__ import annotations

from dataclasses import dataclass

from lbsdesk.domain.labels_fr import FRENCH_LABELS, FRENCH_SUITABILITY_LABELS

#: The languages labels exist in.
LABEL_LANGUAGES = ("en", "fr")

_display_language = "en"


def set_display_language(language: str | None) -> None:
    """The language ``CodeList.label(code)`` answers in from now on ("en" or "fr"; anything else is English).

    Module-level state, set once when the desktop app starts (``lbsdesk.ui.translations``)."""
    global _display_language
    _display_language = language if language in LABEL_LANGUAGES else "en"


def display_language() -> str:
    """The language ``CodeList.label(code)`` answers in ("en" unless the app chose French)."""
    return _display_language


@dataclass(frozen=True)
class CodeList:
    """An ordered list of codes with their labels."""

    name: str
    items: tuple[tuple[str, str], ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.items)

    def label(self, code: str | None, language: str | None = None) -> str:
        """What a person reads for ``code``: in ``language``, or in the display language when None.
        An unknown code reads as itself."""
        if (language or _display_language) == "fr":
            french = FRENCH_LABELS.get(self.name, {}).get(code or "")
            if french:
                return french
        for item_code, item_label in self.items:
            if item_code == code:
                return item_label
        return code or ""

    def labels(self, language: str | None = None) -> tuple[tuple[str, str], ...]:
        """(code, label) in list order, in ``language`` (the display language when None)."""
        return tuple((code, self.label(code, language)) for code in self.codes)

    def __contains__(self, code: object) -> bool:
        return any(code == item_code for item_code, _ in self.items)

    def describe(self) -> str:
        """The codes as a person would read them in an error message."""
        return ", ".join(self.codes)


ORG_TYPES = CodeList(
    "org_type",
    (
        ("ontario_works", "Ontario Works"),
        ("odsp", "ODSP"),
        ("employment_services", "Employment Services"),
        ("other_lbs", "Other LBS agency"),
        ("literacy_network", "Regional literacy network"),
        ("better_jobs_ontario", "Better Jobs Ontario"),
        ("apprenticeship", "Apprenticeship"),
        ("youth_job_connection", "Youth Job Connection"),
        ("service_canada", "Service Canada"),
        ("school_board", "School board"),
        ("college", "College"),
        ("university", "University"),
        ("public_library", "Public library"),
        ("public_health", "Public health"),
        ("health_clinic", "Health clinic"),
        ("mental_health", "Mental health"),
        ("addictions", "Addictions services"),
        ("housing", "Housing"),
        ("shelter", "Shelter"),
        ("food_bank", "Food bank"),
        ("child_care", "Child care"),
        ("settlement", "Settlement services"),
        ("indigenous_services", "Indigenous services"),
        ("francophone_services", "Francophone services"),
        ("deaf_services", "Deaf services"),
        ("disability_services", "Disability services"),
        ("community_living", "Community Living"),
        ("legal_clinic", "Legal clinic"),
        ("justice_probation", "Justice / probation"),
        ("family_services", "Family services"),
        ("women_services", "Women's services"),
        ("youth_services", "Youth services"),
        ("seniors_services", "Seniors' services"),
        ("transportation", "Transportation"),
        ("credit_counselling", "Credit counselling"),
        ("united_way", "United Way"),
        ("volunteer_centre", "Volunteer centre"),
        ("workforce_planning_board", "Workforce Planning Board"),
        ("local_immigration_partnership", "Local Immigration Partnership"),
        ("employer", "Employer"),
        ("faith_community", "Faith community"),
        ("other_community", "Other community organization"),
    ),
)

INFORMAL_SOURCES = CodeList(
    "source",
    (
        ("self", "Self-referred / walk-in"),
        ("word_of_mouth", "Word of mouth"),
        ("media", "Newspaper, radio or TV"),
        ("website", "Website"),
        ("social_media", "Social media"),
        ("other_informal", "Other informal source"),
    ),
)

GOAL_PATHS = CodeList(
    "goal_path",
    (
        ("employment", "Employment"),
        ("apprenticeship", "Apprenticeship"),
        ("secondary_school_credit", "Secondary School Credit"),
        ("postsecondary", "Postsecondary"),
        ("independence", "Independence"),
    ),
)

PLAN_STAGES = CodeList(
    "stage",
    (
        ("initial", "Initial"),
        ("commencement", "Commencement"),
        ("participation", "Participation"),
        ("management", "Management"),
        ("closure", "Closure"),
    ),
)

REFERRAL_STATUSES = CodeList(
    "status",
    (
        ("draft", "Draft"),
        ("sent", "Sent"),
        ("acknowledged", "Acknowledged"),
        ("accepted", "Accepted"),
        ("waitlisted", "Waitlisted"),
        ("declined", "Declined"),
        ("attended", "Attended"),
        ("completed", "Completed"),
        ("not_completed", "Not completed"),
        ("withdrawn", "Withdrawn"),
        ("expired", "Expired"),
        ("unknown", "Unknown"),
    ),
)

DIRECTIONS = CodeList("direction", (("in", "Referral in"), ("out", "Referral out")))

INQUIRY_CHANNELS = CodeList(
    "channel",
    (("phone", "Phone"), ("walk_in", "Walk-in"), ("email", "Email"), ("other", "Other")),
)

CAMS_PLAN_STATUSES = CodeList(
    "cams_plan_status",
    (("open", "Open"), ("approved", "Approved"), ("active", "Active"), ("closed", "Closed")),
)

OALCF_COMPETENCIES = CodeList(
    "competency",
    (
        ("A", "Find and Use Information"),
        ("B", "Communicate Ideas and Information"),
        ("C", "Understand and Use Numbers"),
        ("D", "Use Digital Technology"),
        ("E", "Manage Learning"),
        ("F", "Engage with Others"),
    ),
)

MILESTONE_STATUSES = CodeList(
    "milestone_status",
    (
        ("planned", "Planned"),
        ("attempted", "Attempted"),
        ("completed", "Completed"),
        ("not_completed", "Not completed"),
    ),
)

SERVICES_REQUESTED = CodeList(
    "service",
    (
        ("assessment", "Assessment"),
        ("upgrading", "Upgrading for a goal path"),
        ("digital_skills", "Digital skills"),
        ("employment_services", "Employment services"),
        ("ow_odsp", "Ontario Works / ODSP"),
        ("housing", "Housing"),
        ("health", "Health or mental health"),
        ("child_care", "Child care"),
        ("transportation", "Transportation"),
        ("other", "Other"),
    ),
)

URGENCIES = CodeList(
    "urgency",
    (("routine", "Routine"), ("soon", "Within a week"), ("urgent", "Urgent")),
)

INCOME_SOURCES = CodeList(
    "income_source",
    (
        ("employed", "Employed"),
        ("self_employed", "Self-employed"),
        ("employment_insurance", "Employment Insurance"),
        ("ontario_works", "Ontario Works"),
        ("odsp", "ODSP"),
        ("crown_ward", "Crown ward extended care"),
        ("dependent", "Dependent of OW/ODSP"),
        ("pension", "Pension"),
        ("other", "Other"),
        ("none", "No source of income"),
    ),
)

EDUCATION_LEVELS = CodeList(
    "education_level",
    (
        ("grade_0_8", "Grade 0–8"),
        ("grade_9", "Grade 9"),
        ("grade_10", "Grade 10"),
        ("grade_11", "Grade 11"),
        ("grade_12_no_diploma", "Grade 12 (no diploma)"),
        ("secondary_diploma", "Secondary school diploma or GED"),
        ("some_postsecondary", "Some postsecondary"),
        ("certificate", "Certificate or diploma"),
        ("apprenticeship", "Apprenticeship"),
        ("degree", "Degree"),
        ("other", "Other / outside Canada"),
    ),
)

#: Education levels below grade 12 completion ("less than grade 12" indicator).
EDUCATION_BELOW_GRADE_12 = frozenset(
    {"grade_0_8", "grade_9", "grade_10", "grade_11", "grade_12_no_diploma"}
)

CONSENT_SCOPES = CodeList(
    "consent_scope",
    (("all_partners", "All partners"), ("named_partners", "Named partners only")),
)

CONSENT_METHODS = CodeList(
    "consent_method",
    (("written", "Signed form"), ("verbal", "Verbal, noted to file"), ("electronic", "Electronic")),
)

CHECK_IN_WITH = CodeList("check_in_with", (("learner", "Learner"), ("tutor", "Tutor")))

NEEDS = CodeList(
    "need",
    (
        ("housing", "Housing"),
        ("child_care", "Child care"),
        ("health", "Health or mental health"),
        ("transportation", "Transportation"),
        ("income", "Income"),
        ("food", "Food"),
        ("employment", "Employment"),
        ("legal", "Legal"),
        ("other", "Other"),
    ),
)

OUTREACH_KINDS = CodeList(
    "outreach_kind",
    (
        ("presentation", "Presentation"),
        ("staff_meeting", "Staff-meeting visit"),
        ("networking", "Networking event"),
        ("committee", "Committee"),
        ("brochure", "Brochure drop"),
        ("email_campaign", "Email campaign"),
        ("other", "Other"),
    ),
)

FOLLOW_UP_MONTHS = (3, 6, 12)

#: The default suitability indicators (DOMAIN.md).  The live list is data in the database,
#: seeded from this; ``rule`` names how the indicator is derived from registration, if it can be.
DEFAULT_SUITABILITY_INDICATORS: tuple[tuple[str, str, str | None], ...] = (
    ("less_than_grade_12", "Less than grade 12", "education_below_12"),
    ("ow_odsp", "Ontario Works or ODSP recipient", "income_ow_odsp"),
    ("no_income", "No source of income", "income_none"),
    ("crown_ward", "Crown ward", "crown_ward"),
    ("out_of_education_6y", "More than 6 years out of education", "years_out_of_education"),
    ("out_of_training_6y", "More than 6 years out of training", "years_out_of_training"),
    ("age_45_64", "Age 45–64", "age_45_64"),
    ("interrupted_education", "History of interrupted education", "interrupted_education"),
    ("disability", "Disability", "disability"),
    ("indigenous", "Indigenous", "indigenous"),
    ("deaf", "Deaf", "deaf"),
    ("deaf_blind", "Deaf-blind", "deaf_blind"),
    ("francophone", "Francophone", "francophone"),
)

def suitability_label(code: str, stored_label: str, language: str | None = None) -> str:
    """How a suitability indicator reads: a default indicator whose label the agency left as shipped
    reads in French when asked; an indicator the agency added or renamed reads as typed."""
    if (language or _display_language) == "fr":
        defaults = {item[0]: item[1] for item in DEFAULT_SUITABILITY_INDICATORS}
        if defaults.get(code) == stored_label and code in FRENCH_SUITABILITY_LABELS:
            return FRENCH_SUITABILITY_LABELS[code]
    return stored_label


LANGUAGES = CodeList(
    "language",
    (("en", "English"), ("fr", "French"), ("other", "Other")),
)

#: Month names, January first, in each label language (no dependence on the computer's locale).
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
}
MONTH_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
}


def month_name(month: int, language: str | None = None, *, short: bool = False) -> str:
    """'September' / 'septembre' (``short``: 'Sep' / 'sept.') in ``language`` or the display language;
    for screens that would otherwise use ``strftime("%B")``, which follows the computer's locale."""
    table = MONTH_ABBREVIATIONS if short else MONTH_NAMES
    return table[language if language in table else _display_language][month - 1]


CONTACT_METHODS = CodeList(
    "contact_method",
    (
        ("phone", "Phone call"),
        ("text", "Text message"),
        ("email", "Email"),
        ("mail", "Mail"),
        ("in_person", "In person"),
    ),
)
