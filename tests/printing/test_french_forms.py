"""A French agency's pages print in French (the agency profile's language); an English agency's stay
English.  Read back from the PDF as the person holding the paper would read it."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from lbsdesk.db.models import AgencyProfile, Consent, Learner, Partner, Referral, Staff
from lbsdesk.domain import codes
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.printing.labels import FRENCH_LABELS, LABELS, label, month_name, printed_in
from lbsdesk.printing.plan_summary import PlanSummaryData, render_plan_summary
from lbsdesk.printing.todo_sheet import TodoLine, render_todo_sheet
from lbsdesk.printing.layout import Agency
from lbsdesk.services.referral_printing import referral_form_pdf
from lbsdesk.services.sheet_printing import monthly_sheet_pdf


def text_of(pdf: bytes) -> str:
    """Every page's text, runs of whitespace as one space (wrapped lines read as one)."""
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


@pytest.fixture
def agency_month(session):
    """An agency with one formal referral out (with consent) and an informal referral in, in September."""
    profile = session.get(AgencyProfile, 1) or AgencyProfile(id=1)
    profile.name, profile.phone, profile.cams_provider_number = "Centre d'alphabétisation Vallée", "613-555-0142", "LBS-4471"
    session.add(profile)
    staff = Staff(name="Anne Tremblay")
    partner = Partner(partner_key="P01", name="Emplois Port Alder", org_type="employment_services",
                      contact_name="Marc Gagnon", phone="613-555-0199")
    learner = Learner(learner_key="L001", first_name="Danielle", last_name="Côté", date_of_birth=date(1979, 3, 2),
                      phone="613-555-0123", preferred_language="fr", preferred_contact_method="text",
                      intake_date=date(2026, 8, 3), goal_path="employment", consent_to_share=True,
                      consent_date=date(2026, 8, 3))
    walk_in = Learner(learner_key="L002", first_name="Bob", last_name="Roy", intake_date=date(2026, 9, 10))
    session.add_all([staff, partner, learner, walk_in])
    session.flush()
    session.add_all([
        Consent(learner_id=learner.id, scope="named_partners", what_is_shared="Nom et téléphone",
                purpose="Recherche d'emploi", signed_date=date(2026, 8, 3), expiry_date=date(2027, 8, 3),
                partners=[partner]),
        Referral(referral_key="R00123", learner_id=learner.id, direction="out", referral_date=date(2026, 9, 14),
                 partner_id=partner.id, formal=True, reason="Trouver un emploi à temps partiel",
                 services_requested="employment_services,digital_skills", urgency="soon", planned=True,
                 supported=True, coordinated=True, information_exchanged=True, staff_id=staff.id),
        Referral(referral_key="R00124", learner_id=walk_in.id, direction="in", referral_date=date(2026, 9, 10),
                 source="word_of_mouth", formal=False),
    ])
    session.flush()
    return profile


def speak(profile: AgencyProfile, session, language: str) -> None:
    profile.language = language
    session.flush()


def test_every_printed_label_has_a_french_text_with_the_same_placeholders():
    assert set(FRENCH_LABELS) == set(LABELS)
    for name, english in LABELS.items():
        assert FRENCH_LABELS[name].strip(), name
        assert set(re.findall(r"{(\w+)}", FRENCH_LABELS[name])) == set(re.findall(r"{(\w+)}", english)), name


def test_month_names_follow_the_language_printed():
    assert month_name(2026, 9) == "September 2026"
    with printed_in("fr"):
        assert month_name(2026, 9) == "septembre 2026"
        assert month_name(2027, 2) == "février 2027"
        assert label("page_n_of_total", page=1, total=3) == "Page 1 de 3"
    with printed_in("de"):  # a language the pages cannot be printed in: English
        assert month_name(2026, 9) == "September 2026"


def test_a_french_agency_prints_the_referral_form_in_french(session, agency_month):
    speak(agency_month, session, "fr")
    text = text_of(referral_form_pdf(session, "R00123"))

    assert "Formulaire d'aiguillage" in text and "AIGUILLAGE SORTANT" in text and "R00123" in text
    assert "Date de l'aiguillage : 2026-09-14" in text
    assert "Organisme qui aiguille" in text and "Organisme qui reçoit" in text
    assert "Alphabétisation et formation de base (AFB)" in text  # the agency's own program
    assert "Raison de l'aiguillage et services demandés" in text
    assert "Services d'emploi" in text and "Compétences numériques" in text and "Logement" in text  # the checklist
    assert "D'ici 7 jours" in text  # the urgency
    assert "Français" in text and "Texto" in text  # stored codes print as French words
    assert "Planifié avec l'apprenant" in text and "Renseignements échangés avec accord" in text
    assert "Consentement à la communication de renseignements" in text
    assert "Valide jusqu'au 2027-08-03" in text
    assert "Je peux retirer mon consentement en tout temps" in text
    assert "Signature de l'apprenant" in text
    assert "COUPON-RÉPONSE" in text and "découper ici" in text
    assert "N° de fournisseur de services CaMS LBS-4471" in text
    assert "Page 1 de 1" in text and "Imprimé le" in text
    for english in ("Referral form", "REFERRAL OUT", "Consent to share", "Return slip", "Page 1 of",
                    "Employment services", "Within a week"):
        assert english not in text, english


def test_an_english_agency_prints_the_same_form_in_english(session, agency_month):
    speak(agency_month, session, "en")
    text = text_of(referral_form_pdf(session, "R00123"))

    assert "Referral form" in text and "REFERRAL OUT" in text
    assert "Employment services" in text and "Within a week" in text
    assert "French" in text and "Text message" in text
    assert "RETURN SLIP" in text and "Page 1 of 1" in text
    for french in ("Formulaire d'aiguillage", "Services d'emploi ", "Français", "Coupon"):
        assert french not in text, french


def test_a_french_agency_prints_the_tracking_sheet_and_its_forms_in_french(session, agency_month):
    speak(agency_month, session, "fr")
    text = text_of(monthly_sheet_pdf(session, Month(2026, 9), printed_on=date(2026, 10, 1)))

    assert "Fiche de suivi mensuelle — septembre 2026" in text
    assert "Année financière 2026-2027" in text or "Année financière 2026" in text
    assert "Demandes" in text and "Apprenants actifs" in text and "Aiguillages ce mois-ci" in text
    assert "Coordination des services — année financière" in text
    assert "Suivis dus ce mois-ci" in text
    assert "Bouche-à-oreille (informel)" in text  # the informal source, in French
    assert "Services d'emploi" in text  # the partner's organization type
    assert "Vérifiée et signée" in text and "Préparée par" in text
    assert "Formulaire d'aiguillage" in text  # the month's forms behind the sheet
    assert "Monthly tracking sheet" not in text and "September" not in text and "Page 1 of" not in text


def test_an_english_agency_keeps_an_english_tracking_sheet(session, agency_month):
    text = text_of(monthly_sheet_pdf(session, Month(2026, 9), printed_on=date(2026, 10, 1)))

    assert "Monthly tracking sheet — September 2026" in text
    assert "Word of mouth (informal)" in text and "Checked and signed" in text
    assert "Fiche de suivi" not in text and "septembre" not in text


def test_printing_in_french_does_not_depend_on_the_screens_language(session, agency_month):
    """The command line (no screens) prints a French agency's form in French, and a French screen
    language does not turn an English agency's paper French."""
    speak(agency_month, session, "en")
    codes.set_display_language("fr")
    try:
        text = text_of(referral_form_pdf(session, "R00123"))
    finally:
        codes.set_display_language("en")
    assert "Employment services" in text and "Services d'emploi " not in text


def test_plan_summary_and_to_do_sheet_print_in_the_agency_language():
    agency = Agency(name="Centre Vallée", language="fr")
    summary = PlanSummaryData(learner_name="Danielle Côté", learner_key="L001", printed_on=date(2026, 9, 1),
                              agency=agency, goal_path="Emploi", goal="Travailler dans un magasin")
    text = text_of(render_plan_summary(summary))
    assert "Mon plan d'apprentissage" in text and "Mon objectif" in text and "Ma voie : Emploi" in text
    assert "Plan d'apprentissage" in text and "Aucun jalon pour l'instant." in text
    assert "My learning plan" not in text and "Milestones" not in text

    lines = [TodoLine("follow_up", "Suivis", "Danielle Côté", "L001", "Appeler", date(2026, 8, 1), True)]
    text = text_of(render_todo_sheet(lines, printed_on=date(2026, 9, 1), agency=agency))
    assert "À faire" in text and "EN RETARD" in text and "1 lignes · 1 en retard" in text
    assert "OVERDUE" not in text
