"""The printed referral form, read back from the PDF as a partner agency would read the paper."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date

import pytest
from pypdf import PdfReader

from lbsdesk.db.models import AgencyProfile, Consent, Learner, Partner, Referral, Staff
from lbsdesk.errors import LbsDeskError
from lbsdesk.printing.referral_form import ReferralFormData, render_referral_form
from lbsdesk.services.referral_printing import referral_form_data, referral_form_pdf


def set_agency(session, **values) -> AgencyProfile:
    """The agency profile (row 1, created by the migrations) with these values."""
    profile = session.get(AgencyProfile, 1)
    if profile is None:
        profile = AgencyProfile(id=1)
        session.add(profile)
    for key, value in values.items():
        setattr(profile, key, value)
    session.flush()
    return profile


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """The text with all runs of whitespace as one space (wrapped lines read as one)."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def agency_records(session):
    set_agency(session, name="Maple Valley Literacy Centre", address="12 Mill Street\nPort Alder, ON  K0K 1A0",
               phone="613-555-0142", email="info@maplevalley.example.org", cams_provider_number="LBS-4471")
    staff = Staff(name="Anne Tremblay")
    partner = Partner(
        partner_key="P01", name="Port Alder Employment Services", org_type="employment_services",
        program="Job search workshops", contact_name="Marc Gagnon", phone="613-555-0199",
        email="mgagnon@paes.example.org", address="5 King Street, Port Alder",
    )
    learner = Learner(
        learner_key="L001", first_name="Danielle", last_name="Côté", date_of_birth=date(1979, 3, 2),
        phone="613-555-0123", email="dcote@example.net", preferred_language="fr",
        preferred_contact_method="phone", intake_date=date(2026, 8, 3), goal_path="employment",
        consent_to_share=True, consent_date=date(2026, 8, 3),
    )
    session.add_all([staff, partner, learner])
    session.flush()
    return staff, partner, learner


def add_referral(session, learner, partner, staff, **values) -> Referral:
    defaults = dict(
        referral_key="R00123", learner_id=learner.id, direction="out", referral_date=date(2026, 9, 14),
        partner_id=partner.id if partner else None, formal=True,
        reason="Wants help finding part-time work near Port Alder while she keeps upgrading her math.",
        services_requested="employment_services,digital_skills", supports_needed="Large print",
        urgency="soon", planned=True, supported=True, coordinated=True, information_exchanged=True,
        follow_up_date=date(2026, 9, 28), staff_id=staff.id,
    )
    defaults.update(values)
    referral = Referral(**defaults)
    session.add(referral)
    session.flush()
    return referral


def test_an_out_referral_prints_every_part_of_the_form_on_one_page(session, agency_records):
    staff, partner, learner = agency_records
    session.add(Consent(
        learner_id=learner.id, scope="named_partners", what_is_shared="Name, phone and learner plan summary",
        purpose="To arrange employment services", signed_date=date(2026, 8, 3), expiry_date=date(2027, 8, 3),
        partners=[partner],
    ))
    add_referral(session, learner, partner, staff)

    pdf = referral_form_pdf(session, "R00123")
    pages = pages_text(pdf)
    assert len(pages) == 1
    text = flat(pages[0])

    assert "Maple Valley Literacy Centre" in text  # the agency header
    assert "CaMS service provider no. LBS-4471" in text
    assert "Referral form" in text and "REFERRAL OUT" in text and "R00123" in text
    assert "Date of referral: 2026-09-14" in text
    assert "Danielle Côté" in text and "1979-03-02" in text and "613-555-0123" in text
    assert "French" in text and "Phone" in text  # stored codes print as words
    assert "Port Alder Employment Services" in text and "Marc Gagnon" in text and "Job search workshops" in text
    assert "Wants help finding part-time work near Port Alder while she keeps upgrading her math." in text
    assert "Employment services" in text and "Digital skills" in text and "Housing" in text  # the checklist
    assert "Large print" in text and "Within a week" in text
    assert "Planned with the learner" in text and "Information exchanged, with consent" in text
    assert "Follow up by 2026-09-28" in text
    # the consent block
    assert "Consent to share information" in text
    assert "Name, phone and learner plan summary" in text
    assert "To arrange employment services" in text
    assert "Valid until 2027-08-03" in text and "Consent given on 2026-08-03" in text
    assert "may withdraw my consent at any time" in text
    assert "Learner signature" in text and "Staff signature (Anne Tremblay)" in text
    # the return slip carries the referral number and says where it goes back to
    assert "RETURN SLIP — Referral no. R00123" in text
    assert "cut here" in text
    assert "return within 2 weeks to Maple Valley Literacy Centre" in text
    for caption in ("Referral received on", "Accepted", "Not proceeding", "First appointment date",
                    "Completed by (name)"):
        assert caption in text
    # the slip is the last thing on the page
    assert text.index("Learner signature") < text.index("RETURN SLIP")


def test_an_in_referral_from_word_of_mouth_names_the_source_and_the_agency_receives(session, agency_records):
    staff, _partner, learner = agency_records
    add_referral(session, learner, None, staff, referral_key="R00200", direction="in", source="word_of_mouth",
                 formal=False, planned=False, supported=False, coordinated=False, information_exchanged=False)

    data = referral_form_data(session, "R00200")
    assert data.referring_organization == "Word of mouth" and data.referring_is_informal
    assert data.receiving_organization == "Maple Valley Literacy Centre"

    text = flat(pages_text(referral_form_pdf(session, "R00200"))[0])
    assert "REFERRAL IN" in text
    assert "Informal source (not a formal referral) Word of mouth" in text
    assert "RETURN SLIP — Referral no. R00200" in text


def test_an_in_referral_from_a_partner_sends_the_slip_back_to_the_partner(session, agency_records):
    staff, partner, learner = agency_records
    add_referral(session, learner, partner, staff, referral_key="R00201", direction="in")
    data = referral_form_data(session, "R00201")
    assert data.referring_organization == "Port Alder Employment Services"
    assert data.receiving_organization == "Maple Valley Literacy Centre"
    assert data.receiving_contact == "Anne Tremblay"
    text = flat(pages_text(referral_form_pdf(session, "R00201"))[0])
    assert "return within 2 weeks to Port Alder Employment Services" in text


def test_all_partner_consent_and_withdrawn_consent(session, agency_records):
    staff, partner, learner = agency_records
    session.add_all([
        Consent(learner_id=learner.id, scope="all_partners", what_is_shared="Contact details",
                purpose="Referrals", signed_date=date(2026, 8, 3)),
        Consent(learner_id=learner.id, scope="all_partners", what_is_shared="Everything (withdrawn)",
                signed_date=date(2026, 9, 1), withdrawn_date=date(2026, 9, 5)),
    ])
    add_referral(session, learner, partner, staff)
    data = referral_form_data(session, "R00123")
    assert data.consent_what == "Contact details"  # the withdrawn one is never printed
    assert data.consent_with_whom == "All partner organizations of Maple Valley Literacy Centre"


def test_a_very_long_reason_flows_onto_a_second_page_with_the_slip_at_the_end(session, agency_records):
    staff, partner, learner = agency_records
    paragraph = "She described years of trying to get back to school while caring for her family. " * 12
    reason = "\n\n".join(f"Part {n}. {paragraph}" for n in range(1, 9)) + " THE END OF THE REASON."
    add_referral(session, learner, partner, staff, reason=reason)

    pages = pages_text(referral_form_pdf(session, "R00123"))
    assert len(pages) >= 2
    text = flat(" ".join(pages))
    for n in range(1, 9):
        assert f"Part {n}." in text
    assert "THE END OF THE REASON." in text
    assert "(continued)" in flat(pages[1])
    assert "RETURN SLIP — Referral no. R00123" in flat(pages[-1])
    assert all("RETURN SLIP" not in flat(page) for page in pages[:-1])


def test_an_unknown_referral_id_is_a_message_a_person_can_act_on(session, agency_records):
    with pytest.raises(LbsDeskError, match="There is no referral R123"):
        referral_form_pdf(session, "R123")


def test_an_empty_form_prints_blank_boxes_on_one_page():
    pdf = render_referral_form(ReferralFormData("R00007", None, "in"), printed_on=date(2026, 10, 2))
    pages = pages_text(pdf)
    assert len(pages) == 1
    text = flat(pages[0])
    assert "Agency name (set it in Settings)" in text
    assert "Date of referral: ____" in text
    assert "RETURN SLIP — Referral no. R00007" in text
    assert "Printed on 2026-10-02" in text and "Page 1 of 1" in text


def test_a_damaged_logo_never_stops_the_form_and_a_real_logo_prints():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (240, 120), (23, 55, 94)).save(buffer, format="PNG")
    for logo in (b"not a picture", buffer.getvalue()):
        pdf = render_referral_form(ReferralFormData("R1", date(2026, 9, 1), "out", agency_name="A", agency_logo=logo))
        assert len(pages_text(pdf)) == 1


def test_print_referral_from_the_command_line(db_path, tmp_path):
    from lbsdesk.db.engine import sqlite_url
    from lbsdesk.db.migrate import open_database

    db = open_database(sqlite_url(db_path))
    with db.session() as session:
        partner = Partner(partner_key="P01", name="Food Bank", org_type="food_bank")
        learner = Learner(learner_key="L1", first_name="Ann", last_name="Lee", intake_date=date(2026, 9, 1))
        session.add_all([partner, learner])
        session.flush()
        session.add(Referral(referral_key="R9", learner_id=learner.id, direction="out",
                             referral_date=date(2026, 9, 2), partner_id=partner.id, formal=True))
    db.dispose()
    out = tmp_path / "r9.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "lbsdesk", "--db", str(db_path), "print", "referral", "R9", "--out", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "RETURN SLIP — Referral no. R9" in flat(pages_text(out.read_bytes())[0])
    missing = subprocess.run(
        [sys.executable, "-m", "lbsdesk", "--db", str(db_path), "print", "referral", "R404", "--out", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert missing.returncode == 1 and "There is no referral R404" in missing.stderr + missing.stdout
