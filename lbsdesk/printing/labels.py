"""Every word the printed pages say, in one place, in English and in French.

``LABELS`` maps a stable name to the English text and ``FRENCH_LABELS`` the same names to the French
one; ``label(name, **values)`` returns the text of the language being printed, with any
``{placeholders}`` filled.  The language is the agency profile's ``language``: the printing services
read it and the ``render_*`` functions print inside ``printed_in(language)``, so every label, code
label (``code_label``), stored value (``value_label``) and month name on the pages follows it.
Code-list labels come from ``lbsdesk.domain.codes`` (English) and ``lbsdesk.domain.labels_fr``
(French), the same catalogue the screens use.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from lbsdesk.domain.codes import CONTACT_METHODS, LANGUAGES, CodeList
from lbsdesk.domain.codes import month_name as _month_name

#: The languages a page can be printed in.
PRINT_LANGUAGES = ("en", "fr")

_language: ContextVar[str] = ContextVar("lbsdesk_print_language", default="en")


def normal_language(language: str | None) -> str:
    """``language`` if pages can be printed in it, else English."""
    language = (language or "en").strip().lower()
    return language if language in PRINT_LANGUAGES else "en"


@contextmanager
def printed_in(language: str | None) -> Iterator[str]:
    """Everything printed inside the block speaks ``language`` ("en" or "fr")."""
    token = _language.set(normal_language(language))
    try:
        yield _language.get()
    finally:
        _language.reset(token)


def print_language() -> str:
    """The language being printed ("en" outside ``printed_in``)."""
    return _language.get()


LABELS: dict[str, str] = {
    # --- shared --------------------------------------------------------------------------------
    "page_n_of_total": "Page {page} of {total}",
    "printed_on": "Printed on {date}",
    "cams_provider_number": "CaMS service provider no. {number}",
    "phone": "Phone",
    "email": "Email",
    "continued": "continued",
    "caption_value": "{caption}: {value}",
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
    "section_amendments": "Amendments to {month} (closed) — {count}",
    "col_change": "What changed since it was closed",
    "amendments_note": "These changes were made after {month} was closed and printed. Correct them in CaMS too.",
    "col_months": "Follow-up",
    "col_due": "Due",
    "col_done": "Done on",
    "months_after_exit": "{months} months",
    "section_month_referrals": "Referrals dated in {month} — {count}",
    "forms_follow": "The referral form of each follows this sheet, one per page, in this order.",
    "signatures_title": "Checked and signed",
    # --- referral form, assembled values -----------------------------------------------------------
    "attention_of": "attn. {name}",
    # --- plan summary: the learner's copy ----------------------------------------------------------
    "my_plan_running": "My learning plan — {name}",
    "my_plan_footer": "{name} · my plan",
    "my_plan_title": "My learning plan",
    "my_plan_written": "We wrote this plan together on {date}.",
    "my_goal": "My goal",
    "my_path": "My path: {path}",
    "my_goal_missing": "We will write your goal together.",
    "my_work": "What I will work on",
    "my_tasks_missing": "We will choose the tasks together.",
    "my_big_task": "My big task at the end",
    "my_done_on": "Done on {date}.",
    "my_how_learn": "How I will learn",
    "my_how_long": "How long",
    "my_about_weeks": "about {weeks} weeks",
    "my_about_hours": "about {hours} hours",
    "my_we_plan": "We plan {duration}.",
    "my_and": " and ",
    "my_help": "Help I will get",
    "my_other_places": "Other places that can help me",
    "my_for_services": " for {services}",
    "my_review": "When we will look at my plan again",
    "my_review_on": "On or before {date}. We can change the plan any time.",
    "my_plan_yours": "This plan belongs to you. Ask us any time if something is not clear.",
    "status_done_on": "Done on {date}",
    "status_done": "Done",
    "status_tried_on": "Tried on {date}; keep going",
    "status_tried": "Tried; keep going",
    "status_not_finished": "Not finished",
    "status_plan_by": "Plan to try by {date}",
    "status_to_do": "Still to do",
    # --- plan summary: the file copy ---------------------------------------------------------------
    "plan_title": "Learner plan",
    "plan_running": "Learner plan — {name} ({key})",
    "plan_footer": "Learner plan · {key}",
    "plan_document_title": "Learner plan — {name}",
    "plan_learner_id": "Learner ID {key}",
    "plan_number_written": "Plan {number} · written {date}",
    "plan_none_yet": "No plan written yet",
    "plan_stage": "Stage",
    "plan_goal_path": "Goal path",
    "plan_goal": "Goal",
    "plan_background": "Background",
    "plan_assessed_on": "Assessed on",
    "plan_assessment_results": "Assessment results",
    "plan_timeline": "Timeline",
    "plan_milestones": "Milestones",
    "plan_col_milestone": "Milestone",
    "plan_col_competency": "Competency",
    "plan_col_level": "Level",
    "plan_col_dates": "Dates",
    "plan_col_status": "Status",
    "plan_col_outcome": "Outcome",
    "plan_date_planned": "Planned",
    "plan_date_tried": "Tried",
    "plan_date_done": "Done",
    "plan_no_milestones": "No milestones yet.",
    "plan_section_task": "Culminating task, activities and supports",
    "plan_weeks": "{weeks} weeks",
    "plan_hours": "{hours} hours",
    "plan_culminating_task": "Culminating task",
    "plan_task_completed": " (completed {date})",
    "plan_learning_activities": "Learning activities",
    "plan_planned_duration": "Planned duration",
    "plan_supports": "Supports needed",
    "plan_referral_results": "Referral results",
    "plan_reviews": "Reviews",
    "plan_next_review": "Next review due {date}",
    "plan_no_review": "No review recorded yet.",
    "plan_referrals": "Referrals",
    "plan_col_date": "Date",
    "plan_col_in_out": "In/out",
    "plan_col_partner": "Partner or source",
    "plan_col_services": "Services",
    "plan_col_formal": "Formal",
    "plan_no_referrals": "No referrals recorded.",
    # --- to-do sheet ------------------------------------------------------------------------------
    "todo_title": "To do",
    "todo_footer": "To-do sheet",
    "todo_counts": "{lines} lines · {overdue} overdue",
    "todo_as_of": "as of {date}",
    "todo_nothing": "Nothing is due. Well done.",
    "todo_nothing_group": "Nothing due.",
    "todo_col_learner": "Learner",
    "todo_col_id": "ID",
    "todo_col_due": "Due",
    "todo_col_what": "What to do",
    "todo_overdue": "OVERDUE",
}


FRENCH_LABELS: dict[str, str] = {
    # --- shared --------------------------------------------------------------------------------
    "page_n_of_total": "Page {page} de {total}",
    "printed_on": "Imprimé le {date}",
    "cams_provider_number": "N° de fournisseur de services CaMS {number}",
    "phone": "Tél.",
    "email": "Courriel",
    "continued": "suite",
    "caption_value": "{caption} : {value}",
    "yes": "Oui",
    "no": "Non",
    "agency_name_missing": "Nom de l'organisme (à inscrire dans Paramètres)",
    "month_title": "{month_name} {year}",
    # --- referral form ---------------------------------------------------------------------------
    "agency_program": "Alphabétisation et formation de base (AFB)",
    "form_title": "Formulaire d'aiguillage",
    "form_footer": "Aiguillage {number}",
    "referral_number": "N° d'aiguillage",
    "referral_date": "Date de l'aiguillage",
    "direction": "Sens",
    "direction_title_in": "AIGUILLAGE ENTRANT",
    "direction_title_out": "AIGUILLAGE SORTANT",
    "section_referring": "Organisme qui aiguille",
    "section_receiving": "Organisme qui reçoit",
    "organization": "Organisme",
    "program": "Programme",
    "contact": "Responsable",
    "informal_source": "Source informelle (pas un aiguillage officiel)",
    "section_learner": "Apprenant",
    "learner_name": "Nom",
    "date_of_birth": "Né(e) le",
    "learner_phone": "Téléphone",
    "learner_email": "Courriel",
    "preferred_language": "Langue préférée",
    "preferred_contact": "Meilleure façon de joindre",
    "section_referral": "Raison de l'aiguillage et services demandés",
    "reason": "Raison de l'aiguillage",
    "services_requested": "Services demandés (cochez tout ce qui s'applique)",
    "services_other": "Autre :",
    "supports": "Soutiens ou mesures d'adaptation nécessaires",
    "urgency": "Urgence",
    "section_formal": "Confirmation de l'aiguillage officiel",
    "formal_intro": "Cet aiguillage a été :",
    "formal_planned": "Planifié avec l'apprenant",
    "formal_supported": "Soutenu pour établir le lien",
    "formal_coordinated": "Coordonné avec le partenaire",
    "formal_information_exchanged": "Renseignements échangés avec accord",
    "follow_up_date": "Suivi d'ici le",
    "staff": "Personnel",
    "section_consent": "Consentement à la communication de renseignements",
    "consent_to_share": "L'apprenant consent au partage",
    "consent_what": "Ce qui est communiqué",
    "consent_with_whom": "À qui",
    "consent_purpose": "Dans quel but",
    "consent_given_on": "Consenti le",
    "consent_valid_until": "Valide jusqu'au",
    "consent_all_partners": "Tous les organismes partenaires de {agency}",
    "consent_statement": (
        "J'accepte que ces renseignements soient communiqués aux organismes nommés, dans le but "
        "indiqué, jusqu'à la date inscrite. Je peux retirer mon consentement en tout temps en avisant {agency}."
    ),
    "learner_signature": "Signature de l'apprenant",
    "staff_signature": "Signature du personnel",
    "signature_date": "Date",
    "staff_name": "Nom du membre du personnel",
    "cut_here": "découper ici",
    "return_slip": "Coupon-réponse",
    "return_slip_intro": "Organisme qui reçoit : veuillez remplir et retourner dans les 2 semaines",
    "return_to": "à",
    "return_received_on": "Aiguillage reçu le",
    "return_accepted": "Accepté",
    "return_not_proceeding": "Sans suite —",
    "return_why": "pourquoi :",
    "return_first_appointment": "Date du premier rendez-vous",
    "return_name": "Rempli par (nom)",
    "return_organization": "Organisme",
    "return_date": "Date",
    "return_learner": "Apprenant",
    # --- monthly tracking sheet --------------------------------------------------------------------
    "sheet_title": "Fiche de suivi mensuelle — {month}",
    "sheet_title_short": "Fiche de suivi mensuelle",
    "sheet_running_header": "{agency} · Fiche de suivi mensuelle — {month}",
    "fiscal_year": "Année financière {fiscal_year}",
    "prepared_by": "Préparée par",
    "reviewed_by": "Révisée par",
    "sheet_no_data": (
        "Rien n'a été inscrit pour {month} : aucune demande, aucun apprenant actif, aucun aiguillage et "
        "aucun suivi dû. Cette fiche est complète telle qu'imprimée."
    ),
    "none_this_month": "Aucun ce mois-ci.",
    "glance_inquiries": "Demandes",
    "glance_active": "Apprenants actifs",
    "glance_referrals_in": "Aiguillages entrants",
    "glance_referrals_out": "Aiguillages sortants",
    "glance_coordination": "Coordination",
    "glance_formal_of": "{formal} officiels",
    "glance_enrolled": "{count} inscrits",
    "glance_new_exited": "{new} nouveaux · {exited} sortis",
    "glance_target": "cible {target} %",
    "section_inquiries": "Demandes",
    "inquiries_total": "Demandes ce mois-ci",
    "inquiries_enrolled": "Inscrits (demandes du mois)",
    "by_channel": "Par moyen",
    "by_source": "Comment on nous a connus",
    "count": "Nombre",
    "section_learners": "Apprenants",
    "learners_active": "Apprenants actifs",
    "learners_new": "Nouveaux ce mois-ci (accueil)",
    "learners_exited": "Sortis ce mois-ci",
    "by_goal_path": "Apprenants actifs par voie",
    "unknown": "Non inscrit",
    "section_referrals": "Aiguillages ce mois-ci",
    "referral_kind": "De / vers",
    "referrals_in": "Entrant",
    "referrals_out": "Sortant",
    "referrals_total": "Total",
    "referrals_formal": "Officiels — comptent pour le ministère",
    "referrals_informal": "Informels — ne comptent pas",
    "informal_mark": "(informel)",
    "section_coordination": "Coordination des services — année financière {fiscal_year} jusqu'au {last_day}",
    "coord_closed_plans": "Plans fermés cette année financière",
    "coord_closed_with_formal": "Plans fermés avec un aiguillage officiel",
    "coord_formal_on_closed": "Aiguillages officiels sur les plans fermés",
    "coord_percent": "Coordination des services",
    "coord_target": "Cible",
    "coord_needed": "Aiguillages encore nécessaires pour atteindre la cible",
    "coord_needed_none": "Cible atteinte",
    "section_gaps": "Apprenants actifs sans aiguillage officiel — {count} à appeler",
    "gaps_intro": (
        "Actifs le {last_day} sans aiguillage officiel (entrant ou sortant) daté de ce jour ou avant. "
        "Le bouche-à-oreille et les visites sans rendez-vous ne comptent pas."
    ),
    "col_learner_id": "Apprenant",
    "col_name": "Nom",
    "col_phone": "Téléphone",
    "col_intake": "Accueil",
    "col_goal_path": "Voie",
    "col_came_by": "Nous est venu par",
    "col_called": "Appelé / notes",
    "section_not_in_cams": "Aiguillages pas encore saisis dans CaMS — {count}",
    "col_referral": "Aiguillage",
    "col_date": "Date",
    "col_direction": "Sens",
    "col_partner": "Partenaire",
    "col_keyed_on": "Saisi le",
    "col_formal": "Officiel",
    "section_follow_ups": "Suivis dus ce mois-ci — {count}",
    "section_amendments": "Modifications à {month} (clôturé) — {count}",
    "col_change": "Ce qui a changé depuis la clôture",
    "amendments_note": "Ces changements ont été faits après la clôture et l'impression de {month}. Corrigez-les aussi dans SGC.",
    "col_months": "Suivi",
    "col_due": "Dû le",
    "col_done": "Fait le",
    "months_after_exit": "{months} mois",
    "section_month_referrals": "Aiguillages datés de {month} — {count}",
    "forms_follow": "Le formulaire d'aiguillage de chacun suit cette fiche, un par page, dans cet ordre.",
    "signatures_title": "Vérifiée et signée",
    # --- referral form, assembled values -----------------------------------------------------------
    "attention_of": "à l'attention de {name}",
    # --- plan summary: the learner's copy ----------------------------------------------------------
    "my_plan_running": "Mon plan d'apprentissage — {name}",
    "my_plan_footer": "{name} · mon plan",
    "my_plan_title": "Mon plan d'apprentissage",
    "my_plan_written": "Nous avons rédigé ce plan ensemble le {date}.",
    "my_goal": "Mon objectif",
    "my_path": "Ma voie : {path}",
    "my_goal_missing": "Nous écrirons votre objectif ensemble.",
    "my_work": "Ce que je vais travailler",
    "my_tasks_missing": "Nous choisirons les tâches ensemble.",
    "my_big_task": "Ma grande tâche à la fin",
    "my_done_on": "Fait le {date}.",
    "my_how_learn": "Comment je vais apprendre",
    "my_how_long": "Combien de temps",
    "my_about_weeks": "environ {weeks} semaines",
    "my_about_hours": "environ {hours} heures",
    "my_we_plan": "Nous prévoyons {duration}.",
    "my_and": " et ",
    "my_help": "L'aide que je vais recevoir",
    "my_other_places": "D'autres endroits qui peuvent m'aider",
    "my_for_services": " pour {services}",
    "my_review": "Quand nous reverrons mon plan",
    "my_review_on": "Le {date} ou avant. Nous pouvons changer le plan en tout temps.",
    "my_plan_yours": "Ce plan vous appartient. Posez-nous vos questions en tout temps si quelque chose n'est pas clair.",
    "status_done_on": "Fait le {date}",
    "status_done": "Fait",
    "status_tried_on": "Essayé le {date}; on continue",
    "status_tried": "Essayé; on continue",
    "status_not_finished": "Pas terminé",
    "status_plan_by": "À essayer d'ici le {date}",
    "status_to_do": "Encore à faire",
    # --- plan summary: the file copy ---------------------------------------------------------------
    "plan_title": "Plan d'apprentissage",
    "plan_running": "Plan d'apprentissage — {name} ({key})",
    "plan_footer": "Plan d'apprentissage · {key}",
    "plan_document_title": "Plan d'apprentissage — {name}",
    "plan_learner_id": "Apprenant n° {key}",
    "plan_number_written": "Plan {number} · rédigé le {date}",
    "plan_none_yet": "Aucun plan rédigé pour l'instant",
    "plan_stage": "Étape",
    "plan_goal_path": "Voie",
    "plan_goal": "Objectif",
    "plan_background": "Antécédents",
    "plan_assessed_on": "Évalué le",
    "plan_assessment_results": "Résultats de l'évaluation",
    "plan_timeline": "Chronologie",
    "plan_milestones": "Jalons",
    "plan_col_milestone": "Jalon",
    "plan_col_competency": "Compétence",
    "plan_col_level": "Niveau",
    "plan_col_dates": "Dates",
    "plan_col_status": "État",
    "plan_col_outcome": "Résultat",
    "plan_date_planned": "Prévu",
    "plan_date_tried": "Tenté",
    "plan_date_done": "Fait",
    "plan_no_milestones": "Aucun jalon pour l'instant.",
    "plan_section_task": "Tâche culminante, activités et soutiens",
    "plan_weeks": "{weeks} semaines",
    "plan_hours": "{hours} heures",
    "plan_culminating_task": "Tâche culminante",
    "plan_task_completed": " (terminée le {date})",
    "plan_learning_activities": "Activités d'apprentissage",
    "plan_planned_duration": "Durée prévue",
    "plan_supports": "Soutiens nécessaires",
    "plan_referral_results": "Résultats des aiguillages",
    "plan_reviews": "Révisions",
    "plan_next_review": "Prochaine révision due le {date}",
    "plan_no_review": "Aucune révision inscrite pour l'instant.",
    "plan_referrals": "Aiguillages",
    "plan_col_date": "Date",
    "plan_col_in_out": "Sens",
    "plan_col_partner": "Partenaire ou source",
    "plan_col_services": "Services",
    "plan_col_formal": "Officiel",
    "plan_no_referrals": "Aucun aiguillage inscrit.",
    # --- to-do sheet ------------------------------------------------------------------------------
    "todo_title": "À faire",
    "todo_footer": "Liste des tâches",
    "todo_counts": "{lines} lignes · {overdue} en retard",
    "todo_as_of": "au {date}",
    "todo_nothing": "Rien n'est à faire. Bravo!",
    "todo_nothing_group": "Rien à faire.",
    "todo_col_learner": "Apprenant",
    "todo_col_id": "N°",
    "todo_col_due": "Dû le",
    "todo_col_what": "À faire",
    "todo_overdue": "EN RETARD",
}

#: The catalogue of each language the pages can be printed in.
CATALOGUES: dict[str, dict[str, str]] = {"en": LABELS, "fr": FRENCH_LABELS}

#: Stored values of a learner's language and best way to reach: the code lists, whose labels print in
#: the language being printed; anything else the agency typed prints as typed.
VALUE_LABELS: dict[str, CodeList] = {"language": LANGUAGES, "contact_method": CONTACT_METHODS}


def value_label(kind: str, value: str | None) -> str:
    """How a stored value prints: the label of a known code (or of its English label, for files typed
    before these were code lists), else the value as typed."""
    if not value:
        return ""
    code_list = VALUE_LABELS.get(kind)
    if code_list is None:
        return value
    wanted = value.strip().lower()
    for code, english in code_list.items:
        if wanted in (code, english.lower()):
            return code_list.label(code, print_language())
    return value


def code_label(code_list: CodeList, code: str | None) -> str:
    """The label of ``code`` in the language being printed."""
    return code_list.label(code, print_language())


def label(name: str, /, **values: object) -> str:
    """The text named ``name`` in the language being printed, with its ``{placeholders}`` filled."""
    text = CATALOGUES[print_language()].get(name) or LABELS[name]
    return text.format(**values) if values else text


def month_name(year: int, month: int) -> str:
    """'September 2026', or 'septembre 2026' when printing in French."""
    return label("month_title", month_name=_month_name(month, print_language()), year=year)


def format_date(day: date | None) -> str:
    """Dates print as ISO YYYY-MM-DD (the Canadian all-numeric standard); no date prints nothing."""
    return day.isoformat() if day else ""
