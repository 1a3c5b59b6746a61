"""Every word the printed pages say, in one place, so a French catalogue can follow.

``LABELS`` maps a stable name to the English text; ``label(name, **values)`` returns it with any
``{placeholders}`` filled.  Code-list labels (services, urgencies, organization types, goal paths…)
come from ``lbsdesk.domain.codes``, the same catalogue the screens use.  A French version would add
a second dict here and choose it from the agency profile's ``language``.
"""

from __future__ import annotations

import calendar
from datetime import date

LABELS: dict[str, str] = {
    # --- shared --------------------------------------------------------------------------------
    "page_n_of_total": "Page {page} of {total}",
    "printed_on": "Printed on {date}",
    "cams_provider_number": "CaMS service provider no. {number}",
    "phone": "Phone",
    "email": "Email",
    "continued": "continued",
    "yes": "Yes",
    "no": "No",
    "agency_name_missing": "Agency name (set it in Settings)",
    "month_title": "{month_name} {year}",
    # --- referral form ---------------------------------------------------------------------------
    "agency_program": "Literacy and Basic Skills (LBS)",
    "form_title": "Referral form",
    "form_footer": "Referral {number}",
    "referral_number": "Referral no.",
    "referral_date": "Date of referral",
    "direction": "Direction",
    "direction_title_in": "REFERRAL IN",
    "direction_title_out": "REFERRAL OUT",
    "section_referring": "Referring organization",
    "section_receiving": "Receiving organization",
    "organization": "Organization",
    "program": "Program / service",
    "contact": "Contact",
    "informal_source": "Informal source (not a formal referral)",
    "section_learner": "Learner",
    "learner_name": "Name",
    "date_of_birth": "Date of birth",
    "learner_phone": "Phone",
    "learner_email": "Email",
    "preferred_language": "Preferred language",
    "preferred_contact": "Best way to reach",
    "section_referral": "Reason for referral and services requested",
    "reason": "Reason for referral",
    "services_requested": "Services requested (tick all that apply)",
    "services_other": "Other:",
    "supports": "Supports or accommodations needed",
    "urgency": "Urgency",
    "section_formal": "Formal referral confirmation",
    "formal_intro": "This referral was:",
    "formal_planned": "Planned with the learner",
    "formal_supported": "Supported to connect",
    "formal_coordinated": "Coordinated with the partner",
    "formal_information_exchanged": "Information exchanged, with consent",
    "follow_up_date": "Follow up by",
    "staff": "Staff",
    "section_consent": "Consent to share information",
    "consent_to_share": "Learner agrees to share information",
    "consent_what": "What is shared",
    "consent_with_whom": "With whom",
    "consent_purpose": "For what purpose",
    "consent_given_on": "Consent given on",
    "consent_valid_until": "Valid until",
    "consent_all_partners": "All partner organizations of {agency}",
    "consent_statement": (
        "I agree that this information may be shared with the organizations named, for the purpose "
        "stated, until the date shown. I may withdraw my consent at any time by telling {agency}."
    ),
    "learner_signature": "Learner signature",
    "staff_signature": "Staff signature",
    "signature_date": "Date",
    "staff_name": "Staff name",
    "cut_here": "cut here",
    "return_slip": "Return slip",
    "return_slip_intro": "Receiving organization: please complete and return within 2 weeks",
    "return_to": "to",
    "return_received_on": "Referral received on",
    "return_accepted": "Accepted",
    "return_not_proceeding": "Not proceeding —",
    "return_why": "why:",
    "return_first_appointment": "First appointment date",
    "return_name": "Completed by (name)",
    "return_organization": "Organization",
    "return_date": "Date",
    "return_learner": "Learner",
    # --- monthly tracking sheet --------------------------------------------------------------------
    "sheet_title": "Monthly tracking sheet — {month}",
    "sheet_title_short": "Monthly tracking sheet",
    "sheet_running_header": "{agency} · Monthly tracking sheet — {month}",
    "fiscal_year": "Fiscal year {fiscal_year}",
    "prepared_by": "Prepared by",
    "reviewed_by": "Reviewed by",
    "sheet_no_data": (
        "Nothing was recorded for {month}: no inquiries, no active learners, no referrals and no "
        "follow-ups due. This sheet is complete as printed."
    ),
    "none_this_month": "None this month.",
    "glance_inquiries": "Inquiries",
    "glance_active": "Active learners",
    "glance_referrals_in": "Referrals in",
    "glance_referrals_out": "Referrals out",
    "glance_coordination": "Service coordination",
    "glance_formal_of": "{formal} formal",
    "glance_enrolled": "{count} enrolled",
    "glance_new_exited": "{new} new · {exited} exited",
    "glance_target": "target {target}%",
    "section_inquiries": "Inquiries",
    "inquiries_total": "Inquiries this month",
    "inquiries_enrolled": "Enrolled (of this month's inquiries)",
    "by_channel": "By channel",
    "by_source": "How people heard of us",
    "count": "Count",
    "section_learners": "Learners",
    "learners_active": "Active learners",
    "learners_new": "New this month (intake)",
    "learners_exited": "Exited this month",
    "by_goal_path": "Active learners by goal path",
    "unknown": "Not recorded",
    "section_referrals": "Referrals this month",
    "referral_kind": "From / to",
    "referrals_in": "In",
    "referrals_out": "Out",
    "referrals_total": "Total",
    "referrals_formal": "Formal — counts for the ministry",
    "referrals_informal": "Informal — does not count",
    "informal_mark": "(informal)",
    "section_coordination": "Service coordination — fiscal year {fiscal_year} to {last_day}",
    "coord_closed_plans": "Plans closed this fiscal year",
    "coord_closed_with_formal": "Closed plans with a formal referral",
    "coord_formal_on_closed": "Formal referrals on closed plans",
    "coord_percent": "Service coordination",
    "coord_target": "Target",
    "coord_needed": "Referrals still needed to reach the target",
    "coord_needed_none": "Target met",
    "section_gaps": "Active learners with no formal referral — {count} to call",
    "gaps_intro": (
        "Active on {last_day} with no formal referral (in or out) dated on or before it. "
        "Word of mouth and walk-ins do not count."
    ),
    "col_learner_id": "Learner",
    "col_name": "Name",
    "col_phone": "Phone",
    "col_intake": "Intake",
    "col_goal_path": "Goal path",
    "col_came_by": "Came to us by",
    "col_called": "Called / notes",
    "section_not_in_cams": "Referrals not yet keyed into CaMS — {count}",
    "col_referral": "Referral",
    "col_date": "Date",
    "col_direction": "In / out",
    "col_partner": "Partner",
    "col_keyed_on": "Keyed on",
    "col_formal": "Formal",
    "section_follow_ups": "Follow-ups due this month — {count}",
    "col_months": "Follow-up",
    "col_due": "Due",
    "col_done": "Done on",
    "months_after_exit": "{months} months",
    "section_month_referrals": "Referrals dated in {month} — {count}",
    "forms_follow": "The referral form of each follows this sheet, one per page, in this order.",
    "signatures_title": "Checked and signed",
}


#: Stored codes for a learner's language and best way to reach, as they print; anything else the
#: agency typed prints as typed.
VALUE_LABELS: dict[str, dict[str, str]] = {
    "language": {"en": "English", "fr": "French", "other": "Other"},
    "contact_method": {
        "phone": "Phone", "text": "Text message", "email": "Email", "mail": "Mail", "in_person": "In person",
    },
}


def value_label(kind: str, value: str | None) -> str:
    """How a stored value prints: the label of a known code, else the value as typed."""
    if not value:
        return ""
    return VALUE_LABELS.get(kind, {}).get(value.strip().lower(), value)


def label(name: str, **values: object) -> str:
    """The text named ``name``, with its ``{placeholders}`` filled from ``values``."""
    text = LABELS[name]
    return text.format(**values) if values else text


def month_name(year: int, month: int) -> str:
    """'September 2026' (English month names; a French catalogue would supply its own)."""
    return label("month_title", month_name=calendar.month_name[month], year=year)


def format_date(day: date | None) -> str:
    """Dates print as ISO YYYY-MM-DD (the Canadian all-numeric standard); no date prints nothing."""
    return day.isoformat() if day else ""
