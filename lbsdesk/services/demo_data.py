"""``lbsdesk demo``: fill an empty database with a believable fictional rural LBS agency.

Maple Valley Literacy Centre in the (fictional) town of Port Alder: a handful of staff, about forty
partners across the organization types, learners with English and French names, intakes spread over
the past year (three years for large caseloads), their referrals in and out, inquiries, plans with
milestones and reviews, stage histories, check-ins, exits and follow-ups, and outreach.  Every name,
place and phone number is invented; phone numbers use the 555 exchange.

Speed: rows are built as plain dicts and written with Core ``INSERT`` executemany in batches, with
integer primary keys chosen here (the database is empty), a chunk of learners at a time so memory
stays flat.  Only portable SQL is used.  Nothing is committed: the caller's session does that.

The data is the same for the same ``seed`` and ``today``: one ``random.Random(seed)`` drives it all.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from lbsdesk.db.models import (
    AgencyProfile,
    CheckIn,
    Consent,
    FollowUp,
    Inquiry,
    Learner,
    LearnerPlan,
    Milestone,
    OutreachActivity,
    Partner,
    PartnerContact,
    PartnerProgram,
    PlanReview,
    Referral,
    ReferralStatusEntry,
    Staff,
    StageEntry,
    outreach_partner,
)
from lbsdesk.domain.calendar_rules import follow_up_due_dates
from lbsdesk.domain.text import fold, learner_search_text
from lbsdesk.errors import LbsDeskError

Progress = Callable[[str, int, int], None]

#: Learners generated and written together (bounds memory; about 25 rows per learner).
CHUNK_LEARNERS = 2000
#: Above this many learners the intakes spread over three years instead of one.
ONE_YEAR_MAX_LEARNERS = 1000


@dataclass
class DemoSummary:
    """How many rows ``build_demo`` wrote to each table."""

    partners: int = 0
    learners: int = 0
    referrals: int = 0
    inquiries: int = 0
    plans: int = 0
    milestones: int = 0
    stage_entries: int = 0
    check_ins: int = 0
    follow_ups: int = 0
    outreach: int = 0
    staff: int = 0
    partner_programs: int = 0
    partner_contacts: int = 0
    consents: int = 0
    plan_reviews: int = 0
    referral_status_entries: int = 0
    outreach_partners: int = 0

    @property
    def total_rows(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))


# --- the fictional agency -----------------------------------------------------------------------

AGENCY = {
    "name": "Maple Valley Literacy Centre",
    "address": "42 Mill Street, Unit 3\nPort Alder, ON  K0L 2X0",
    "phone": "613-555-0142",
    "email": "info@maplevalleyliteracy.example.org",
    "cams_provider_number": "LBS-4417",
    "region": "Eastern",
}

STAFF = (
    ("Marie-Claude Bérubé", "Program coordinator", "mcberube"),
    ("Daniel Whitfield", "Instructor / assessor", "dwhitfield"),
    ("Josée Lalonde", "Intake and referral coordinator", "jlalonde"),
    ("Priya Raman", "Instructor", "praman"),
    ("Tom Okafor", "Digital skills instructor", "tokafor"),
)

TOWNS = (
    ("Port Alder", "K0L 2X0", 40),
    ("Cedar Falls", "K0L 1C0", 15),
    ("Lac-Vert", "K0M 2L0", 12),
    ("Birch Lake", "K0L 1B0", 8),
    ("Granton Mills", "K0L 1G0", 8),
    ("Hollow Creek", "K0M 1H0", 6),
    ("Willow Bend", "K0L 3W0", 5),
    ("Fenwick Corners", "K0L 1F0", 4),
    ("St-Amable-des-Pins", "K0M 3A0", 2),
)
STREETS = (
    "Mill Street", "King Street", "Queen Street", "Church Street", "Water Street", "Maple Avenue",
    "Pine Road", "Concession 4", "County Road 12", "Rue Principale", "Rue Saint-Jean", "Elm Street",
    "Station Road", "Lakeview Drive", "Birch Crescent", "Victoria Street", "Bridge Street",
    "Cedar Lane", "Township Road 9", "Chemin du Lac",
)
AREA_CODES = ("613", "613", "613", "705", "343")

# org_type, name, program, services offered, co-located
PARTNERS: tuple[tuple[str, str, str, str, bool], ...] = (
    ("ontario_works", "Alder County Ontario Works – Port Alder", "Employment Assistance",
     "Income support, employment assistance, discretionary benefits", True),
    ("ontario_works", "Alder County Ontario Works – Cedar Falls satellite", "Caseworker intake",
     "Income support, referrals to training", False),
    ("odsp", "ODSP Employment Supports – Alder Valley", "Employment Supports",
     "Disability income support and employment supports", False),
    ("employment_services", "Alder Valley Employment Services", "Employment Services",
     "Job search, resumes, job matching, training supports", True),
    ("employment_services", "Emploi Lac-Vert Employment Centre", "Services d'emploi / Employment services",
     "Bilingual employment services", False),
    ("other_lbs", "Cedar Falls Adult Learning Centre", "LBS – community stream",
     "Literacy and numeracy upgrading", False),
    ("other_lbs", "Centre d'apprentissage des adultes de Lac-Vert", "LBS – volet francophone",
     "Francophone literacy and upgrading", False),
    ("literacy_network", "Valley Literacy Network", "Regional literacy network",
     "Regional planning, referral protocol, training for practitioners", False),
    ("better_jobs_ontario", "Better Jobs Ontario – Alder County office", "Better Jobs Ontario",
     "Funding for short-term skills training", False),
    ("apprenticeship", "Employment Ontario Apprenticeship Office – Valley", "Apprenticeship",
     "Apprenticeship registration and support", False),
    ("youth_job_connection", "Valley Youth Centre – Youth Job Connection", "Youth Job Connection",
     "Paid pre-employment training for youth 15–29", False),
    ("service_canada", "Service Canada – Port Alder scheduled outreach", "Scheduled outreach",
     "SIN, EI, CPP and OAS applications", False),
    ("school_board", "Alder District School Board – Adult and Continuing Education", "Adult credits",
     "Secondary school credits, PLAR", False),
    ("school_board", "Conseil scolaire catholique du Lac-Vert – Éducation permanente", "Crédits adultes",
     "Francophone secondary credits for adults", False),
    ("college", "Northridge College – Port Alder Campus", "Academic and Career Entrance",
     "ACE certificate, college preparation, programs", False),
    ("public_library", "Port Alder Public Library", "Digital literacy drop-in",
     "Computers, internet, tech help, ESL conversation circle", True),
    ("public_library", "Cedar Falls Public Library", "Library branch",
     "Computers and internet, book club", False),
    ("public_health", "Alder Valley Health Unit", "Healthy Babies Healthy Children",
     "Public health programs, dental, immunization", False),
    ("health_clinic", "Port Alder Community Health Centre", "Primary care",
     "Primary care, nurse practitioners, dietitian", False),
    ("mental_health", "Valley Mental Health Services", "Counselling",
     "Counselling, case management, crisis line", False),
    ("addictions", "Alder Valley Addiction Services", "Outpatient addiction services",
     "Assessment, counselling, withdrawal management referrals", False),
    ("housing", "Alder County Housing Services", "Social housing",
     "Social housing applications, rent supplements, homelessness prevention", False),
    ("shelter", "Harbour House Emergency Shelter", "Emergency shelter",
     "Emergency shelter and housing help", False),
    ("food_bank", "Port Alder Community Food Bank", "Food bank",
     "Monthly food hampers, community garden", False),
    ("food_bank", "Cedar Falls Food Cupboard", "Food cupboard",
     "Emergency food", False),
    ("child_care", "Little Maples Child Care Centre", "Licensed child care",
     "Licensed child care, subsidized spaces", False),
    ("child_care", "Alder County Children's Services", "Child care fee subsidy",
     "Fee subsidy applications, EarlyON", False),
    ("settlement", "Valley Newcomer Settlement Services", "Settlement",
     "Settlement, language assessment, LINC referrals", False),
    ("indigenous_services", "Birch Lake Friendship Centre", "Community programs",
     "Cultural programs, employment and training, family support", False),
    ("francophone_services", "Centre culturel francophone de Lac-Vert", "Services communautaires",
     "Francophone community services", False),
    ("community_living", "Community Living Alder Valley", "Supported employment",
     "Supports for adults with developmental disabilities", False),
    ("legal_clinic", "Alder Valley Community Legal Clinic", "Legal clinic",
     "Tenant, income support and employment law advice", False),
    ("justice_probation", "Probation and Parole – Port Alder", "Probation",
     "Probation supervision, community referrals", False),
    ("family_services", "Alder Family Services", "Family counselling",
     "Family counselling, parenting programs", False),
    ("women_services", "Willow Women's Centre", "Women's outreach",
     "Violence against women services, transitional support", False),
    ("transportation", "Valley Rural Transit", "Dial-a-ride",
     "Rural transportation by appointment, reduced fares", False),
    ("credit_counselling", "Valley Credit Counselling", "Budgeting",
     "Budgeting, debt counselling, tax clinics", False),
    ("workforce_planning_board", "Alder Valley Workforce Planning Board", "Labour market planning",
     "Local labour market plan, employer council", False),
    ("local_immigration_partnership", "Alder Valley Local Immigration Partnership", "LIP council",
     "Newcomer services planning", False),
    ("employer", "Granton Mills Manufacturing", "Hiring",
     "Entry-level production jobs", False),
    ("employer", "Fenwick Farms Co-operative", "Seasonal hiring",
     "Seasonal and year-round farm work", False),
    ("faith_community", "St. Andrew's Community Kitchen", "Community meals",
     "Free community meals, clothing cupboard", False),
)

CONTACT_FIRST = ("Karen", "Mike", "Sylvie", "Jason", "Nathalie", "Brenda", "Luc", "Heather", "Kevin",
                 "Chantal", "Ruth", "Steve", "Danielle", "Amanda", "Pierre", "Colleen", "Raj", "Lisa")
CONTACT_LAST = ("MacDonald", "Gagnon", "Fraser", "Lévesque", "Henderson", "Paquette", "Murray",
                "Thibault", "Campbell", "Robichaud", "Sinclair", "Dufresne", "Kerr", "Moreau")
CONTACT_ROLES = ("Caseworker", "Intake worker", "Program manager", "Coordinator", "Employment counsellor",
                 "Outreach worker", "Director")

# --- names --------------------------------------------------------------------------------------

FIRST_EN_F = ("Jennifer", "Sarah", "Amanda", "Jessica", "Ashley", "Melissa", "Crystal", "Tammy",
              "Brenda", "Kimberly", "Heather", "Tiffany", "Samantha", "Kayla", "Brittany", "Megan",
              "Donna", "Linda", "Debbie", "Shannon", "Amber", "Courtney", "Rachel", "Laura", "Emily",
              "Hannah", "Taylor", "Cheryl", "Wendy", "Rose")
FIRST_EN_M = ("Michael", "Christopher", "Matthew", "Joshua", "Justin", "Ryan", "Kyle", "Tyler",
              "Brandon", "Jason", "Darren", "Shawn", "Travis", "Cody", "Dustin", "Kevin", "Brian",
              "Wayne", "Gary", "Dale", "Trevor", "Derek", "Scott", "Mark", "Dylan", "Ethan", "Logan",
              "Brett", "Curtis", "Dean")
FIRST_FR_F = ("Hélène", "Josée", "Geneviève", "Amélie", "Émilie", "Chloé", "Mélanie", "Valérie",
              "Gisèle", "Thérèse", "Andrée", "Nathalie", "Sylvie", "Chantal", "Isabelle", "Julie",
              "Marie-Ève", "Stéphanie", "Annick", "Manon")
FIRST_FR_M = ("Éric", "Stéphane", "Frédéric", "Benoît", "Jérôme", "Réjean", "Sébastien", "Raphaël",
              "Noël", "François", "Luc", "Marc-André", "Guillaume", "Mathieu", "Yannick", "Denis",
              "Gaétan", "Rémi", "Alexandre", "Jean-François")
FIRST_OTHER = ("Aisha", "Mohammed", "Priya", "Harpreet", "Nguyen Van", "Maria", "José", "Fatima",
               "Ali", "Amara", "Chidi", "Mei", "Oksana", "Dmytro", "Rosa", "Samir", "Leila", "Tran")
LAST_EN = ("Smith", "Brown", "Wilson", "MacDonald", "Campbell", "Stewart", "Anderson", "Taylor",
           "Thompson", "Miller", "Johnston", "Murray", "Young", "Robertson", "Henderson", "Graham",
           "Fraser", "Mitchell", "Baker", "Kerr", "Hunter", "Wright", "Scott", "Reid", "Ferguson",
           "Morrison", "Sinclair", "Dawson", "Hamilton", "Clarke", "Patterson", "Wallace", "Burns",
           "McLeod", "Crawford", "Gordon", "Turner", "Whitfield", "Harper", "Bell", "Ross",
           "McCann", "O'Brien", "Doyle", "Kelly", "Walsh", "Fitzgerald", "Lynch")
LAST_FR = ("Côté", "Bélanger", "Gagné", "Lévesque", "Héroux", "Tremblay", "Gauthier", "Bérubé",
           "Thériault", "Ménard", "Pelletier", "Bouchard", "Roy", "Leblanc", "Séguin", "Lalonde",
           "Giroux", "Lacroix", "Desjardins", "Hébert", "Fréchette", "Dubé", "Morin", "Bélisle",
           "Charbonneau", "Quesnel", "Brisebois", "Larivière", "Paquette", "Théberge", "Lefebvre",
           "Poirier", "Landry", "Caron", "Després", "Brûlé", "Chénier", "Légaré", "Renaud", "Gélinas")
LAST_INDIGENOUS = ("Commanda", "Beaucage", "Jacko", "Peltier", "Whiteduck", "Odjick", "Cheechoo",
                   "Assinewe", "Nahdee", "Chief", "Meawasige", "Corbiere")
LAST_OTHER = ("Nguyen", "Singh", "Haddad", "Okafor", "Santos", "Kaur", "Ahmadi", "Rahman", "Mendoza",
              "Kowalczuk", "Shevchenko", "Chen", "Abdi", "Osei", "Tran")

# --- code weights -------------------------------------------------------------------------------

EDUCATION = (("grade_0_8", 8), ("grade_9", 10), ("grade_10", 13), ("grade_11", 14),
             ("grade_12_no_diploma", 12), ("secondary_diploma", 25), ("some_postsecondary", 7),
             ("certificate", 5), ("apprenticeship", 1), ("degree", 2), ("other", 3))
INCOME = (("ontario_works", 28), ("odsp", 14), ("employed", 19), ("employment_insurance", 8),
          ("none", 10), ("self_employed", 3), ("dependent", 4), ("pension", 5), ("crown_ward", 1),
          ("other", 8))
GOAL_PATHS = (("employment", 45), ("independence", 20), ("secondary_school_credit", 15),
              ("postsecondary", 10), ("apprenticeship", 10))
GOALS = {
    "employment": ("Get a job as a personal support worker", "Work in a grocery store",
                   "Get my G licence and a driving job", "Find full-time work in manufacturing",
                   "Work as a cook", "Get hired at the farm co-op", "Keep my job and take on more shifts"),
    "independence": ("Read my mail and fill in forms on my own", "Manage my own banking and budget",
                     "Help my children with homework", "Use a smartphone and email with family",
                     "Read my medication labels and appointment letters"),
    "secondary_school_credit": ("Earn my OSSD through adult credits", "Get my GED",
                                "Finish the two credits I was missing"),
    "postsecondary": ("Get into the college's PSW program", "Start the ACE certificate",
                      "Pass the college admission test"),
    "apprenticeship": ("Pass the trades entrance test for carpentry", "Register as an electrician apprentice",
                       "Start a cook apprenticeship"),
}
CULMINATING = {
    "employment": "Complete a job application package and a mock interview for the target job",
    "independence": "Plan a monthly household budget and complete a government form independently",
    "secondary_school_credit": "Complete a credit-course readiness task set by the school board",
    "postsecondary": "Write an essay and complete a numeracy task at college-entry level",
    "apprenticeship": "Complete a trades math and reading task at apprenticeship-entry level",
}
ACTIVITIES = ("Weekly one-to-one tutoring", "Small-group math class twice a week", "Online Learning (AlphaPlus modules)",
              "Digital skills drop-in", "Reading circle", "Writing workshop", "Practice tests at home",
              "Computer lab time", "Workplace document practice")
SUPPORTS = (None, None, "Large-print materials", "Transportation (bus tickets)", "Child care during class",
            "Extra time on assessments", "Quiet room", "Screen reader", "Flexible schedule around shift work")
MILESTONE_TASKS = {
    "A": ("Read a bus schedule and plan a trip", "Find information on a job posting",
          "Read a workplace safety notice"),
    "B": ("Write a short cover letter", "Complete a medical history form", "Write an email to an employer"),
    "C": ("Calculate a weekly budget", "Measure and convert units for a recipe", "Work out hours and pay on a pay stub"),
    "D": ("Fill in an online job application", "Send an email with an attachment", "Book an appointment online"),
    "E": ("Set a weekly learning schedule and keep a log", "Reflect on progress with the instructor"),
    "F": ("Lead a short group discussion", "Give feedback to a peer in a group task"),
}
COMPETENCY_WEIGHTS = (("A", 24), ("B", 22), ("C", 24), ("D", 18), ("E", 7), ("F", 5))
EXIT_REASONS = (
    ("Found employment", "employed", 24), ("Goal achieved – completed goal path", "goal_achieved", 22),
    ("Went on to credit courses or college", "education_training", 14),
    ("Personal or health reasons", "unknown", 12), ("Moved away", "unknown", 7),
    ("Could not be contacted", "unknown", 9), ("Child care or transportation problems", "unknown", 6),
    ("Transferred to another LBS agency", "other_lbs", 3), ("Returned to work, no time for classes", "employed", 3),
)
FOLLOW_UP_OUTCOMES = ("Employed full-time", "Employed part-time", "In training or education",
                      "Unemployed, looking for work", "Volunteering", "Reading more at home, using email",
                      "Started college program", "Self-employed")
CHECK_IN_NOTES = ("Attending regularly", "Progress on math milestone", "Missed two sessions – sick child",
                  "Enjoying computer lab", "Working on cover letter", "Needs more practice with fractions",
                  "Tutor reports good progress", "Started new job, fewer hours available", None, None)
NEEDS = (("transportation", 25), ("child_care", 15), ("housing", 15), ("food", 15), ("health", 15),
         ("income", 10), ("employment", 10), ("legal", 4), ("other", 5))
INQUIRY_NOTES = (None, None, None, "Asked about GED preparation", "Wants help with computer skills",
                 "Caller asked for information for her son", "Asked about evening classes",
                 "Wants to improve reading for work", "Referred by caseworker, will come in for intake",
                 "Asked about French services", "Left a message, called back")

INFORMAL_SOURCES = (("word_of_mouth", 40), ("self", 25), ("social_media", 12), ("website", 10),
                    ("media", 8), ("other_informal", 5))
IN_PARTNER_TYPES = (("ontario_works", 30), ("employment_services", 25), ("odsp", 8), ("other_lbs", 4),
                    ("settlement", 4), ("indigenous_services", 3), ("mental_health", 3),
                    ("public_library", 3), ("school_board", 3), ("college", 2), ("shelter", 2),
                    ("community_living", 2), ("justice_probation", 2), ("youth_job_connection", 2),
                    ("better_jobs_ontario", 2), ("family_services", 2), ("women_services", 2),
                    ("housing", 1), ("food_bank", 1), ("service_canada", 1), ("employer", 1))
# partner org types, service codes requested, reason, services_other, weight (general, academic paths)
OUT_TEMPLATES = (
    (("food_bank", "faith_community"), "other", "Food insecurity; learner asked about food support", "Food", 14, 10),
    (("housing", "shelter"), "housing", "At risk of losing housing; help with a housing application", None, 12, 8),
    (("employment_services",), "employment_services", "Ready to start a job search with Employment Services", None, 18, 6),
    (("mental_health", "health_clinic", "public_health", "addictions"), "health",
     "Health concerns affecting attendance", None, 12, 10),
    (("ontario_works", "odsp"), "ow_odsp", "Needs income support; help applying", None, 7, 5),
    (("child_care",), "child_care", "Needs child care to attend classes", None, 6, 6),
    (("transportation",), "transportation", "No transportation to the learning centre", None, 5, 5),
    (("school_board", "college"), "upgrading", "Ready for credit courses or college preparation", None, 5, 30),
    (("public_library",), "digital_skills", "Extra computer practice at the library", None, 5, 5),
    (("legal_clinic",), "other", "Legal question (tenancy or family matter)", "Legal advice", 3, 2),
    (("credit_counselling",), "other", "Debt and budgeting help", "Credit counselling", 3, 2),
    (("better_jobs_ontario", "apprenticeship"), "employment_services",
     "Exploring training funding or an apprenticeship", None, 4, 6),
    (("settlement", "francophone_services", "indigenous_services", "community_living", "family_services",
      "women_services"), "other", "Community supports", "Community support", 4, 3),
)
# chains of statuses for a formal referral out, and how often each ends where it does
OUT_CHAINS = (
    (("sent",), 8), (("sent", "acknowledged"), 8), (("sent", "acknowledged", "accepted"), 14),
    (("sent", "accepted", "attended"), 15), (("sent", "accepted", "attended", "completed"), 12),
    (("sent", "accepted", "attended", "not_completed"), 3), (("sent", "waitlisted"), 5),
    (("sent", "declined"), 4), (("sent", "withdrawn"), 3), (("sent", "expired"), 5),
    (("sent", "unknown"), 21), (("draft",), 2),
)
DECLINE_REASONS = ("Not eligible – outside our catchment", "Program full; try again in the spring",
                   "Learner's needs better met elsewhere")
URGENCY = (("routine", 75), ("soon", 20), ("urgent", 5))
CHANNELS = (("phone", 50), ("walk_in", 30), ("email", 15), ("other", 5))
OUTREACH = (
    ("presentation", "LBS information session for Ontario Works caseworkers", ("ontario_works",)),
    ("staff_meeting", "Visit to the Employment Services staff meeting", ("employment_services",)),
    ("committee", "Workforce Planning Board – skills committee", ("workforce_planning_board", "literacy_network",
                                                                   "employment_services", "college")),
    ("networking", "Community services fair at the arena", None),
    ("brochure", "Brochure drop at the library and the food bank", ("public_library", "food_bank")),
    ("email_campaign", "Partner newsletter: spring intake and digital skills classes", None),
    ("presentation", "Information session at the Friendship Centre", ("indigenous_services",)),
    ("staff_meeting", "Visit to ODSP Employment Supports", ("odsp",)),
    ("networking", "Newcomer services open house", ("settlement", "local_immigration_partnership")),
    ("presentation", "Talk at the Health Unit's staff lunch", ("public_health", "health_clinic")),
    ("committee", "Regional literacy network meeting", ("literacy_network", "other_lbs")),
    ("staff_meeting", "Visit to the shelter and housing staff team", ("shelter", "housing")),
    ("presentation", "Session for the school board's adult credit counsellors", ("school_board",)),
)
# intake seasonality by month (busy in fall and winter, quiet in summer and at Christmas)
MONTH_WEIGHTS = (11, 11, 10, 9, 8, 6, 4, 5, 13, 12, 10, 5)


def _cum(weighted):
    """(values, cumulative weights) for ``rng.choices``-style picking with ``_pick``."""
    values, cum, total = [], [], 0
    for value, weight in weighted:
        total += weight
        values.append(value)
        cum.append(total)
    return values, cum, total


def _pick(rng: random.Random, table) -> object:
    values, cum, total = table
    return values[bisect.bisect_right(cum, rng.random() * total)]


_EDUCATION = _cum(EDUCATION)
_INCOME = _cum(INCOME)
_GOAL_PATHS = _cum(GOAL_PATHS)
_COMPETENCY = _cum(COMPETENCY_WEIGHTS)
_EXIT = _cum(((reason, outcome), w) for reason, outcome, w in EXIT_REASONS)
_EARLY_EXIT = _cum(((reason, outcome), w) for reason, outcome, w in EXIT_REASONS
                   if outcome in ("unknown", "employed"))
_NEEDS = _cum(NEEDS)
_SOURCES = _cum(INFORMAL_SOURCES)
_IN_TYPES = _cum(IN_PARTNER_TYPES)
_OUT_GENERAL = _cum((t, t[4]) for t in OUT_TEMPLATES)
_OUT_ACADEMIC = _cum((t, t[5]) for t in OUT_TEMPLATES)
_CHAINS = _cum(OUT_CHAINS)
_URGENCY = _cum(URGENCY)
_CHANNELS = _cum(CHANNELS)
_TOWNS = _cum(((name, postal), w) for name, postal, w in TOWNS)
_SATISFACTION = _cum(((5, 55), (4, 30), (3, 9), (2, 4), (1, 2)))


def _phone(rng: random.Random) -> str:
    return f"{rng.choice(AREA_CODES)}-555-{rng.randint(0, 9999):04d}"


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(8 + rng.randint(0, 8), rng.randint(0, 59)))


class _Writer:
    """Buffers rows per table and writes them with Core executemany, in foreign-key order."""

    ORDER = (
        Learner, Consent, StageEntry, LearnerPlan, Milestone, PlanReview, CheckIn, FollowUp,
        Referral, ReferralStatusEntry,
    )

    def __init__(self, session: Session) -> None:
        self.connection = session.connection()
        self.rows: dict[Table, list[dict]] = {}
        self.counts: dict[Table, int] = {}
        self.next_ids: dict[Table, int] = {}

    def next_id(self, model) -> int:  # noqa: ANN001
        table = model.__table__
        if table not in self.next_ids:
            highest = self.connection.execute(select(func.max(table.c.id))).scalar()
            self.next_ids[table] = (highest or 0) + 1
        value = self.next_ids[table]
        self.next_ids[table] = value + 1
        return value

    def add(self, model_or_table, row: dict) -> None:  # noqa: ANN001
        table = getattr(model_or_table, "__table__", model_or_table)
        self.rows.setdefault(table, []).append(row)

    def flush(self, order=None) -> None:  # noqa: ANN001
        tables = [getattr(m, "__table__", m) for m in order] if order else list(self.rows)
        for table in tables:
            rows = self.rows.pop(table, None)
            if rows:
                self.connection.execute(insert(table), rows)
                self.counts[table] = self.counts.get(table, 0) + len(rows)
        for table, rows in list(self.rows.items()):  # anything not named in ``order``
            if rows:
                self.connection.execute(insert(table), rows)
                self.counts[table] = self.counts.get(table, 0) + len(rows)
        self.rows.clear()

    def advance_sequences(self) -> None:
        """On a server database, move each id sequence past the ids chosen here (SQLite needs nothing)."""
        if self.connection.dialect.name != "postgresql":
            return
        for table in self.next_ids:
            self.connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT MAX(id) FROM {table.name}))"
                )
            )

    def count(self, model_or_table) -> int:  # noqa: ANN001
        return self.counts.get(getattr(model_or_table, "__table__", model_or_table), 0)


def _refuse_unless_empty(session: Session) -> None:
    for model in (Learner, Partner, Referral):
        if session.execute(select(model.id).limit(1)).first() is not None:
            raise LbsDeskError(
                "demo fills only an empty database: this one already holds "
                f"{model.__tablename__}s. Use a new file (lbsdesk --db NEW_FILE demo)."
            )


def build_demo(
    session: Session,
    *,
    learners: int = 120,
    seed: int = 1,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with a fictional agency of ``learners`` learners; nothing is committed.

    The default of 120 learners is a year of a small rural office.  Raises ``LbsDeskError`` when the
    database already holds learners, partners or referrals.
    """
    if learners < 0:
        raise LbsDeskError("The number of demo learners cannot be negative.")
    today = today or date.today()
    _refuse_unless_empty(session)
    rng = random.Random(seed)
    report = progress or (lambda _step, _done, _total: None)
    writer = _Writer(session)
    span_days = 365 if learners <= ONE_YEAR_MAX_LEARNERS else 3 * 365

    report("agency", 0, 1)
    _agency(writer)
    staff_ids = _staff(writer, rng, today, 5 if learners > 500 else 4)
    partners = _partners(writer, rng, today)
    writer.flush()
    report("agency", 1, 1)

    inquiries = _learners(writer, rng, today, learners, span_days, staff_ids, partners, report)
    _inquiries(writer, rng, today, learners, span_days, staff_ids, inquiries, report)
    _outreach(writer, rng, today, span_days, staff_ids, partners)
    writer.flush()
    writer.advance_sequences()
    report("done", 1, 1)

    c = writer.count
    return DemoSummary(
        partners=c(Partner), learners=c(Learner), referrals=c(Referral), inquiries=c(Inquiry),
        plans=c(LearnerPlan), milestones=c(Milestone), stage_entries=c(StageEntry), check_ins=c(CheckIn),
        follow_ups=c(FollowUp), outreach=c(OutreachActivity), staff=c(Staff),
        partner_programs=c(PartnerProgram), partner_contacts=c(PartnerContact), consents=c(Consent),
        plan_reviews=c(PlanReview), referral_status_entries=c(ReferralStatusEntry),
        outreach_partners=c(outreach_partner),
    )


# --- agency, staff, partners --------------------------------------------------------------------


def _agency(writer: _Writer) -> None:
    table = AgencyProfile.__table__
    values = dict(AGENCY, language="en", setup_completed=True)
    done = writer.connection.execute(update(table).where(table.c.id == 1).values(**values))
    if not done.rowcount:
        writer.connection.execute(insert(table).values(id=1, **values))


def _staff(writer: _Writer, rng: random.Random, today: date, how_many: int) -> list[int]:
    taken = set(writer.connection.execute(select(Staff.__table__.c.username)).scalars())
    ids = []
    for name, role, username in STAFF[:how_many]:
        staff_id = writer.next_id(Staff)
        ids.append(staff_id)
        writer.add(Staff, {
            "id": staff_id, "name": name, "role": role,
            "username": None if username in taken else username, "password_hash": None,
            "active": True, "created_at": _at(today - timedelta(days=rng.randint(400, 3000)), rng),
        })
    return ids


@dataclass
class _Partner:
    id: int
    key: str
    org_type: str
    program: str
    contact: str


def _partners(writer: _Writer, rng: random.Random, today: date) -> dict[str, list[_Partner]]:
    by_type: dict[str, list[_Partner]] = {}
    for number, (org_type, name, program, services, co_located) in enumerate(PARTNERS, start=1):
        partner_id = writer.next_id(Partner)
        key = f"P{number:03d}"
        town, postal = _pick(rng, _TOWNS)
        contact = f"{rng.choice(CONTACT_FIRST)} {rng.choice(CONTACT_LAST)}"
        agreement = co_located or org_type in ("ontario_works", "employment_services", "literacy_network") \
            or rng.random() < 0.3
        created = today - timedelta(days=rng.randint(400, 1500))
        slug = "".join(ch for ch in name.lower().split("–")[0] if ch.isalnum())[:18]
        writer.add(Partner, {
            "id": partner_id, "partner_key": key, "name": name, "org_type": org_type, "program": program,
            "contact_name": contact, "phone": f"{rng.choice(AREA_CODES)}-555-01{number:02d}",
            "email": f"{contact.split()[0].lower()}@{slug}.example.org",
            "address": "42 Mill Street, Port Alder, ON  K0L 2X0" if co_located
            else f"{rng.randint(1, 400)} {rng.choice(STREETS)}, {town}, ON  {postal}",
            "website": f"https://{slug}.example.org",
            "services_offered": services, "agreement": agreement,
            "agreement_date": today - timedelta(days=rng.randint(90, 1800)) if agreement else None,
            "co_located": co_located,
            "listing_checked_date": today - timedelta(days=rng.randint(0, 300)),
            "archived": False,
            "notes": "Shares our office at 42 Mill Street" if co_located else None,
            "created_at": _at(created, rng), "updated_at": _at(created, rng),
        })
        writer.add(PartnerProgram, {
            "id": writer.next_id(PartnerProgram), "partner_id": partner_id, "name": program,
            "description": services, "eligibility": None if rng.random() < 0.6 else "Adults 18+ in Alder County",
        })
        writer.add(PartnerContact, {
            "id": writer.next_id(PartnerContact), "partner_id": partner_id, "name": contact,
            "role": rng.choice(CONTACT_ROLES), "phone": f"{rng.choice(AREA_CODES)}-555-01{number:02d}",
            "email": f"{contact.split()[0].lower()}@{slug}.example.org",
        })
        if rng.random() < 0.4:
            second = f"{rng.choice(CONTACT_FIRST)} {rng.choice(CONTACT_LAST)}"
            writer.add(PartnerContact, {
                "id": writer.next_id(PartnerContact), "partner_id": partner_id, "name": second,
                "role": rng.choice(CONTACT_ROLES), "phone": f"{rng.choice(AREA_CODES)}-555-01{number:02d}",
                "email": f"{second.split()[0].lower()}@{slug}.example.org",
            })
        by_type.setdefault(org_type, []).append(_Partner(partner_id, key, org_type, program, contact))
    return by_type


# --- learners and everything hanging off them ---------------------------------------------------


def _intake_dates(rng: random.Random, today: date, count: int, span_days: int) -> list[date]:
    """Weekday intakes over the span, busier in the fall and winter; sorted."""
    days = [today - timedelta(days=offset) for offset in range(span_days)]
    days = [d for d in days if d.weekday() < 5] or [today]
    weights = [MONTH_WEIGHTS[d.month - 1] for d in days]
    return sorted(rng.choices(days, weights=weights, k=count))


def _learners(writer, rng, today, count, span_days, staff_ids, partners, report):  # noqa: ANN001, PLR0915
    """Write the learners chunk by chunk; return the inquiry tuples of those who enrolled."""
    intakes = _intake_dates(rng, today, count, span_days)
    partner_list = [p for group in partners.values() for p in group]
    enrolled_inquiries: list[tuple] = []
    ref_number = 0
    for number, intake in enumerate(intakes, start=1):
        learner_id = writer.next_id(Learner)
        key = f"L{number:05d}"
        staff = rng.choice(staff_ids)

        # identity -------------------------------------------------------------------------
        kind = rng.random()
        female = rng.random() < 0.56
        if kind < 0.26:  # francophone
            first = rng.choice(FIRST_FR_F if female else FIRST_FR_M)
            last = rng.choice(LAST_FR)
            francophone = rng.random() < 0.85
        elif kind < 0.33:  # Indigenous
            first = rng.choice(FIRST_EN_F if female else FIRST_EN_M)
            last = rng.choice(LAST_INDIGENOUS if rng.random() < 0.6 else LAST_EN)
            francophone = False
        elif kind < 0.39:  # newcomer
            first = rng.choice(FIRST_OTHER)
            last = rng.choice(LAST_OTHER)
            francophone = rng.random() < 0.15
        else:
            first = rng.choice(FIRST_EN_F if female else FIRST_EN_M)
            last = rng.choice(LAST_FR if rng.random() < 0.12 else LAST_EN)  # married or family names
            francophone = False
        indigenous = 0.26 <= kind < 0.33 or rng.random() < 0.02
        newcomer = 0.33 <= kind < 0.39
        age_roll = rng.random()
        if age_roll < 0.03:
            age = rng.randint(16, 18)
        elif age_roll < 0.40:
            age = rng.randint(19, 30)
        elif age_roll < 0.78:
            age = rng.randint(31, 50)
        else:
            age = rng.randint(51, 70)
        birth = intake - timedelta(days=age * 365 + age // 4 + rng.randint(1, 364))
        phone = _phone(rng)
        town, postal = _pick(rng, _TOWNS)
        education = _pick(rng, _EDUCATION)
        income = _pick(rng, _INCOME)
        if age >= 65 and rng.random() < 0.7:
            income = "pension"
        if age < 19 and income in ("pension", "odsp"):
            income = "dependent"
        years_out = max(0, min(age - 16, int(rng.triangular(0, 35, 8))))
        disability = income == "odsp" or rng.random() < 0.12
        goal_path = _pick(rng, _GOAL_PATHS)
        if age < 25 and rng.random() < 0.35:
            goal_path = "secondary_school_credit"
        if age >= 62 and goal_path in ("apprenticeship", "postsecondary"):
            goal_path = "independence"
        goal = rng.choice(GOALS[goal_path])

        # path through the stages --------------------------------------------------------------
        days_since = (today - intake).days
        left_early = rng.random() < 0.18
        if left_early:
            duration = int(rng.triangular(7, 75, 20))
        else:
            duration = int(rng.triangular(30, 500, 140))
        exited = duration <= days_since and rng.random() < 0.92
        exit_date = intake + timedelta(days=max(7, duration)) if exited else None
        if exit_date is not None and exit_date > today:
            exit_date = today
        end = exit_date or today  # last day of history
        commencement = intake + timedelta(days=rng.randint(3, 21))
        participation = commencement + timedelta(days=rng.randint(1, 14))
        management = participation + timedelta(days=rng.randint(30, 120)) if rng.random() < 0.7 else None
        stages = [("initial", intake)]
        for stage, when in (("commencement", commencement), ("participation", participation),
                            ("management", management)):
            if when is None or when > today or (exit_date is not None and when >= exit_date):
                break
            stages.append((stage, when))
        if exit_date is not None:
            stages.append(("closure", exit_date))
        stage = stages[-1][0]
        for stage_code, when in stages:
            writer.add(StageEntry, {
                "id": writer.next_id(StageEntry), "learner_id": learner_id, "stage": stage_code,
                "entered_date": when, "staff_id": staff, "note": None,
            })
        cams_status = {"initial": "open", "commencement": "approved", "participation": "active",
                       "management": "active", "closure": "closed"}[stage]

        # exit -----------------------------------------------------------------------------
        exit_reason = exit_outcome = satisfaction = None
        if exit_date is not None:
            exit_reason, exit_outcome = _pick(rng, _EARLY_EXIT if left_early else _EXIT)
            if exit_reason != "Could not be contacted" or rng.random() < 0.3:
                satisfaction = _pick(rng, _SATISFACTION)

        # consent --------------------------------------------------------------------------
        consent_roll = rng.random()
        consent_to_share = True if consent_roll < 0.92 else (False if consent_roll < 0.98 else None)
        consent_id = None
        if consent_to_share:
            consent_id = writer.next_id(Consent)
            writer.add(Consent, {
                "id": consent_id, "learner_id": learner_id, "scope": "all_partners",
                "method": "written" if rng.random() < 0.8 else rng.choice(("verbal", "electronic")),
                "what_is_shared": "Name, contact details, goal path, reason for referral and progress",
                "purpose": "To refer me to and coordinate services with partner agencies",
                "signed_date": intake, "expiry_date": None, "withdrawn_date": None,
                "notes": "Valid while in the program and until the 12-month follow-up",
            })

        writer.add(Learner, {
            "id": learner_id, "learner_key": key, "first_name": first, "last_name": last,
            "preferred_name": None, "date_of_birth": birth,
            "gender": "female" if female else ("male" if rng.random() < 0.97 else "non_binary"),
            "phone": phone,
            "email": f"{_ascii(first)}.{_ascii(last)}{rng.randint(1, 99)}@example.net" if rng.random() < 0.6 else None,
            "address": f"{rng.randint(1, 999)} {rng.choice(STREETS)}", "city": town, "postal_code": postal,
            "preferred_language": "fr" if francophone and rng.random() < 0.7 else "en",
            "first_language": "fr" if francophone else ("other" if newcomer else "en"),
            "preferred_contact_method": rng.choice(("phone", "phone", "text", "email")),
            "education_level": education,
            "last_school_year": intake.year - years_out,
            "last_training_year": intake.year - rng.randint(0, 20) if rng.random() < 0.35 else None,
            "interrupted_education": rng.random() < 0.3,
            "income_source": income, "crown_ward": income == "crown_ward",
            "disability": disability, "indigenous": indigenous, "deaf": rng.random() < 0.01,
            "deaf_blind": rng.random() < 0.001, "francophone": francophone, "newcomer": newcomer,
            "visible_minority": newcomer and rng.random() < 0.8 or rng.random() < 0.02,
            "intake_date": intake, "goal_path": goal_path, "goal": goal, "stage": stage,
            "cams_plan_status": cams_status, "exit_date": exit_date, "exit_reason": exit_reason,
            "exit_outcome": exit_outcome, "satisfaction": satisfaction,
            "consent_to_share": consent_to_share, "consent_date": intake if consent_to_share else None,
            "notes": None, "search_text": learner_search_text(first, last, key, phone),
            "merged_into_id": None, "personal_data_removed_date": None,
            "created_at": _at(intake, rng), "updated_at": _at(end, rng),
        })

        # plan, milestones, reviews, check-ins -------------------------------------------------
        reached_commencement = len(stages) > 1 and stages[1][0] == "commencement"
        if reached_commencement:
            _plan(writer, rng, today, learner_id, goal_path, goal, commencement, exit_date, end,
                  staff, stage, exit_reason)
            if participation <= end and (exit_date is None or participation < exit_date):
                _check_ins(writer, rng, learner_id, participation, end, staff_ids)
        if exit_date is not None:
            _follow_ups(writer, rng, today, learner_id, exit_date, staff_ids)

        # referral in ---------------------------------------------------------------------------
        formal_in = rng.random() < 0.40
        if formal_in:
            partner = rng.choice(partners[_pick(rng, _IN_TYPES)])
            ref_date = intake - timedelta(days=rng.randint(0, 10))
            inquiry_source = partner.org_type
        else:
            partner = None
            source = _pick(rng, _SOURCES)
            ref_date = intake - timedelta(days=rng.randint(0, 7))
            inquiry_source = source
        ref_number += 1
        referral_id = writer.next_id(Referral)
        services = "assessment,upgrading" + (",digital_skills" if rng.random() < 0.3 else "")
        if formal_in:
            _referral(writer, rng, today, referral_id, f"R{ref_number:06d}", learner_id, "in", ref_date,
                      partner, None, True, "Referred for literacy and basic skills upgrading toward: "
                      + goal.lower(), services, None, None, staff,
                      (("sent", ref_date), ("accepted", intake)))
        else:
            _referral(writer, rng, today, referral_id, f"R{ref_number:06d}", learner_id, "in", ref_date,
                      None, source, False, "Came to us asking for help with reading, writing or math",
                      services, None, None, staff, (("accepted", intake),))

        # referrals out -------------------------------------------------------------------------
        if reached_commencement and rng.random() < 0.48:
            out_start = commencement
            out_end = min(end, today)
            if out_end > out_start:
                how_many = 1 if rng.random() < 0.55 else (2 if rng.random() < 0.67 else 3)
                academic = goal_path in ("secondary_school_credit", "postsecondary")
                for _ in range(how_many):
                    template = _pick(rng, _OUT_ACADEMIC if academic else _OUT_GENERAL)
                    types, service, reason, other, _w1, _w2 = template
                    candidates = [p for t in types for p in partners.get(t, ())] or partner_list
                    partner = rng.choice(candidates)
                    out_date = out_start + timedelta(days=rng.randint(0, (out_end - out_start).days))
                    formal = consent_to_share is True and rng.random() < 0.85
                    if formal:
                        chain = _pick(rng, _CHAINS)
                        history, when = [], out_date
                        for status in chain:
                            if history:
                                when = when + timedelta(days=rng.randint(2, 20))
                            if when > today:
                                break
                            history.append((status, when))
                    else:
                        history = [("unknown", out_date)]
                    ref_number += 1
                    _referral(writer, rng, today, writer.next_id(Referral), f"R{ref_number:06d}", learner_id,
                              "out", out_date, partner, None, formal, reason, service, other,
                              consent_id if formal else None, staff, tuple(history))

        if rng.random() < 0.9:
            enrolled_inquiries.append((ref_date - timedelta(days=rng.randint(0, 7)), inquiry_source, learner_id))

        if number % CHUNK_LEARNERS == 0:
            writer.flush(_Writer.ORDER)
            report("learners", number, count)
    writer.flush(_Writer.ORDER)
    if count % CHUNK_LEARNERS:
        report("learners", count, count)
    return enrolled_inquiries


def _ascii(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _plan(writer, rng, today, learner_id, goal_path, goal, written, exit_date, end, staff,  # noqa: ANN001
          stage, exit_reason) -> None:
    plan_id = writer.next_id(LearnerPlan)
    interval = rng.choice((60, 90, 90, 90))
    reviews = []
    review = written + timedelta(days=interval)
    while review <= end and (exit_date is None or review < exit_date):
        reviews.append(review)
        review = review + timedelta(days=interval + rng.randint(-10, 10))
    next_review = None if exit_date is not None else (reviews[-1] if reviews else written) + timedelta(days=interval)
    goal_met = exit_reason in ("Goal achieved – completed goal path", "Found employment",
                               "Went on to credit courses or college")
    culminating_done = None
    if exit_date is not None and goal_met and rng.random() < 0.8:
        culminating_done = max(written + timedelta(days=1), exit_date - timedelta(days=rng.randint(0, 14)))
        culminating_done = min(culminating_done, exit_date)
    writer.add(LearnerPlan, {
        "id": plan_id, "learner_id": learner_id, "number": 1, "is_current": True, "written_date": written,
        "goal_path": goal_path, "goal": goal,
        "background": rng.choice(("Left school in grade 10 to work", "Has not been in school for many years",
                                  "Returning to learning after an injury", "Wants to help children with school",
                                  "Lost a job when the plant closed", "New to Canada; English is a second language")),
        "assessment_results": f"Reading level {rng.randint(1, 3)}, numeracy level {rng.randint(1, 3)} (intake assessment)",
        "culminating_task": CULMINATING[goal_path], "culminating_task_completed_date": culminating_done,
        "learning_activities": "; ".join(rng.sample(ACTIVITIES, 2)),
        "planned_duration_weeks": rng.choice((12, 16, 20, 26, 30, 40)),
        "planned_hours": rng.choice((60, 80, 100, 120, 150, 200)),
        "supports_needed": rng.choice(SUPPORTS), "referral_results": None,
        "review_interval_days": interval, "next_review_date": next_review,
        "closed_date": exit_date,
    })
    for review_date in reviews:
        writer.add(PlanReview, {
            "id": writer.next_id(PlanReview), "plan_id": plan_id, "review_date": review_date, "staff_id": staff,
            "notes": rng.choice(("On track", "Slower progress on numeracy; more practice time",
                                 "Milestone completed; next one planned", "Attendance improved")),
            "changes_made": rng.choice((None, None, "Added a digital skills milestone",
                                        "Extended duration by 8 weeks", "Changed tutoring day")),
        })
    for index in range(rng.randint(1, 4)):
        competency = _pick(rng, _COMPETENCY)
        planned = written + timedelta(days=30 * (index + 1) + rng.randint(-7, 14))
        attempted = completed = None
        if planned <= end:
            roll = rng.random()
            if exit_date is not None:
                status = "completed" if roll < 0.7 else ("not_completed" if roll < 0.85 else "attempted")
            else:
                status = "completed" if roll < 0.6 else ("attempted" if roll < 0.8 else "planned")
            if status != "planned":
                attempted = planned
                if status == "completed":
                    completed = planned
        else:
            status = "planned" if exit_date is None else "not_completed"
        writer.add(Milestone, {
            "id": writer.next_id(Milestone), "plan_id": plan_id,
            "description": rng.choice(MILESTONE_TASKS[competency]), "competency": competency,
            "level": rng.choice((1, 1, 2, 2, 2, 3)), "planned_date": planned, "attempted_date": attempted,
            "completed_date": completed, "status": status,
            "outcome": "Met the task's performance descriptors" if completed else None,
        })


def _check_ins(writer, rng, learner_id, start, end, staff_ids) -> None:  # noqa: ANN001
    when = start + timedelta(days=rng.randint(20, 35))
    while when <= end:
        needs = None
        if rng.random() < 0.15:
            first = _pick(rng, _NEEDS)
            second = _pick(rng, _NEEDS) if rng.random() < 0.25 else first
            needs = first if second == first else f"{first},{second}"
        writer.add(CheckIn, {
            "id": writer.next_id(CheckIn), "learner_id": learner_id, "check_in_date": when,
            "with_whom": "learner" if rng.random() < 0.7 else "tutor", "staff_id": rng.choice(staff_ids),
            "notes": rng.choice(CHECK_IN_NOTES), "needs_noticed": needs,
        })
        when = when + timedelta(days=rng.randint(25, 40))


def _follow_ups(writer, rng, today, learner_id, exit_date, staff_ids) -> None:  # noqa: ANN001
    for months, due in follow_up_due_dates(exit_date).items():
        if due > today:
            break
        recent = (today - due).days < 30
        if rng.random() < (0.35 if recent else 0.8):
            done = min(today, max(exit_date, due + timedelta(days=rng.randint(-7, 21))))
            unable = rng.random() < 0.15
            writer.add(FollowUp, {
                "id": writer.next_id(FollowUp), "learner_id": learner_id, "months": months, "done_date": done,
                "unable_to_contact": unable, "outcome": None if unable else rng.choice(FOLLOW_UP_OUTCOMES),
                "staff_id": rng.choice(staff_ids),
                "notes": "Left two messages, no reply" if unable else None,
            })


def _referral(writer, rng, today, referral_id, key, learner_id, direction, ref_date, partner, source,  # noqa: ANN001, PLR0913
              formal, reason, services, services_other, consent_id, staff, history) -> None:
    status = history[-1][0] if history else "unknown"
    cams = None
    if formal:
        recent = (today - ref_date).days <= 21
        if rng.random() >= (0.5 if recent else 0.04):
            cams = ref_date + timedelta(days=rng.randint(1, 6))
            if cams > today:
                cams = None
    reply_date = reply_accepted = reply_reason = first_appointment = reply_by = None
    if direction == "out":
        for step, when in history:
            if step in ("accepted", "declined", "waitlisted"):
                reply_date, reply_accepted, reply_by = when, step == "accepted", partner.contact
                if step == "declined":
                    reply_reason = rng.choice(DECLINE_REASONS)
                elif step == "waitlisted":
                    reply_reason = "Waitlist of about six weeks"
                else:
                    appointment = when + timedelta(days=rng.randint(3, 14))
                    first_appointment = appointment if appointment <= today else None
                break
    writer.add(Referral, {
        "id": referral_id, "referral_key": key, "learner_id": learner_id, "direction": direction,
        "referral_date": ref_date, "partner_id": partner.id if partner else None, "source": source,
        "formal": formal, "program": partner.program if partner else None,
        "contact_name": partner.contact if partner else None, "reason": reason,
        "services_requested": services, "services_other": services_other,
        "supports_needed": rng.choice(SUPPORTS) if direction == "out" else None,
        "urgency": _pick(rng, _URGENCY), "planned": formal, "supported": formal, "coordinated": formal,
        "information_exchanged": formal, "consent_id": consent_id, "status": status,
        "follow_up_date": ref_date + timedelta(days=14), "cams_entered_date": cams,
        "reply_received_date": reply_date, "reply_accepted": reply_accepted, "reply_reason": reply_reason,
        "reply_first_appointment": first_appointment, "reply_by_name": reply_by, "staff_id": staff,
        "created_at": _at(ref_date, rng), "updated_at": _at(history[-1][1] if history else ref_date, rng),
    })
    for step, when in history:
        writer.add(ReferralStatusEntry, {
            "id": writer.next_id(ReferralStatusEntry), "referral_id": referral_id, "status": step,
            "status_date": when, "staff_id": staff, "note": None,
        })


# --- inquiries and outreach ---------------------------------------------------------------------


def _inquiries(writer, rng, today, learners, span_days, staff_ids, enrolled, report) -> None:  # noqa: ANN001
    """About 1.5 inquiries per learner; 60% of them from people who enrolled. Keys in date order."""
    total = round(1.5 * learners)
    linked = enrolled[: min(len(enrolled), round(0.6 * total))]
    rows = list(linked)
    source_codes = [code for code, _w in INFORMAL_SOURCES] + [t for t, _w in IN_PARTNER_TYPES]
    source_weights = [w * 1.2 for _c, w in INFORMAL_SOURCES] + [w * 0.8 for _t, w in IN_PARTNER_TYPES]
    for _ in range(max(0, total - len(linked))):
        day = today - timedelta(days=rng.randint(0, span_days - 1))
        source = rng.choices(source_codes, weights=source_weights)[0] if rng.random() < 0.9 else None
        rows.append((day, source, None))
    rows.sort(key=lambda row: (row[0], row[2] or 0))
    batch: list[dict] = []
    for number, (day, source, learner_id) in enumerate(rows, start=1):
        channel = "walk_in" if source == "self" and rng.random() < 0.6 else _pick(rng, _CHANNELS)
        batch.append({
            "id": writer.next_id(Inquiry), "inquiry_key": f"Q{number:06d}", "inquiry_date": day,
            "channel": channel, "source": source, "learner_id": learner_id,
            "notes": rng.choice(INQUIRY_NOTES), "staff_id": rng.choice(staff_ids),
            "created_at": _at(day, rng),
        })
        if len(batch) >= 10000 and number < len(rows):
            writer.rows[Inquiry.__table__] = batch
            writer.flush()
            batch = []
            report("inquiries", number, len(rows))
    writer.rows[Inquiry.__table__] = batch
    writer.flush()
    report("inquiries", len(rows), len(rows))


def _outreach(writer, rng, today, span_days, staff_ids, partners) -> None:  # noqa: ANN001
    """About two outreach activities a month, each reaching one or more partners."""
    every = [p for group in partners.values() for p in group]
    how_many = max(1, round(span_days / 365 * 24))
    days = sorted(today - timedelta(days=rng.randint(0, span_days - 1)) for _ in range(how_many))
    for day in days:
        kind, title, types = rng.choice(OUTREACH)
        if types is None:
            reached = rng.sample(every, rng.randint(3, 8))
        else:
            reached = [p for t in types for p in partners.get(t, ())]
        outreach_id = writer.next_id(OutreachActivity)
        writer.add(OutreachActivity, {
            "id": outreach_id, "activity_date": day, "kind": kind, "title": title,
            "staff_id": rng.choice(staff_ids),
            "attendees": None if kind in ("brochure", "email_campaign") else rng.randint(4, 40),
            "notes": rng.choice((None, "Left brochures and referral forms", "Asked them to send us referrals",
                                 "Follow up in three months")),
        })
        for partner_id in sorted({p.id for p in reached}):
            writer.add(outreach_partner, {"outreach_id": outreach_id, "partner_id": partner_id})
    writer.flush([OutreachActivity, outreach_partner])
