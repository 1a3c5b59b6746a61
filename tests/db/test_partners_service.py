"""The partner directory: the partner page's record and rules, the searchable list, archive, delete,
and the coordination summary."""

from datetime import date

import pytest

from lbsdesk.db.models import Learner, Partner, Referral
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.consents import ConsentRecord, save_consent
from lbsdesk.services.outreach import OutreachRecord, save_outreach
from lbsdesk.services.partners import (
    PartnerContactRecord,
    PartnerProgramRecord,
    PartnerRecord,
    archive_partner,
    coordination_summary,
    delete_partner,
    load_partner,
    new_partner_record,
    partner_list,
    save_partner,
    validate_partner,
)

TODAY = date(2026, 10, 15)


def a_partner(session, name="Centre de santé Côté", org_type="health_clinic", **changes):
    record = new_partner_record(session, today=TODAY)
    record.name, record.org_type = name, org_type
    for field_name, value in changes.items():
        setattr(record, field_name, value)
    return save_partner(session, record, today=TODAY)


def test_a_partner_page_round_trips_with_programs_and_contacts(session):
    record = new_partner_record(session, today=TODAY)
    assert (record.partner_key, record.listing_checked_date) == ("P001", TODAY)
    record.name, record.org_type = "Valley Employment Services", "employment_services"
    record.email, record.phone, record.address = "info@valley.ca", "613-555-0100", "12 Main St, Pembroke"
    record.agreement, record.agreement_date, record.co_located = True, date(2025, 4, 1), True
    record.services_offered = "Job search, resumes"
    record.programs = [PartnerProgramRecord(name="Job search workshops", eligibility="18+"),
                       PartnerProgramRecord()]  # a blank line is ignored
    record.contacts = [PartnerContactRecord(name="Dana Lee", role="Case manager", email="dana@valley.ca")]
    partner_id = save_partner(session, record, today=TODAY)
    loaded = load_partner(session, partner_id)
    assert (loaded.name, loaded.agreement, loaded.agreement_date, loaded.co_located) == (
        "Valley Employment Services", True, date(2025, 4, 1), True)
    assert [p.name for p in loaded.programs] == ["Job search workshops"]
    assert [(c.name, c.role) for c in loaded.contacts] == [("Dana Lee", "Case manager")]
    # edit: rename the program, drop the contact, add another
    loaded.programs[0].name = "Job search club"
    loaded.contacts = [PartnerContactRecord(name="Sam Roy")]
    save_partner(session, loaded, today=TODAY)
    again = load_partner(session, partner_id)
    assert [p.name for p in again.programs] == ["Job search club"]
    assert again.programs[0].id == loaded.programs[0].id
    assert [c.name for c in again.contacts] == ["Sam Roy"]
    assert new_partner_record(session, today=TODAY).partner_key == "P002"


def test_bad_partners_are_refused_with_the_field_named(session):
    a_partner(session, name="Food bank", org_type="food_bank")  # P001
    record = PartnerRecord(partner_key="P001", name=" ", org_type="spaceport", email="nobody-at-home",
                           agreement=False, agreement_date=date(2026, 1, 5),
                           contacts=[PartnerContactRecord(role="Manager")])
    problems = validate_partner(session, record, today=TODAY)
    assert problems == {
        "partner_key": "Partner ID: P001 already belongs to Food bank; choose another ID (the next free one is P002).",
        "name": "Name is required: type the organization's name.",
        "org_type": "Organization type: 'spaceport' is not one of the choices; pick one from the list.",
        "email": "Email: 'nobody-at-home' does not look like an email address; write it as name@example.ca.",
        "agreement_date": (
            "Agreement date: there is a date but no agreement; tick Agreement (a signed partnership agreement or "
            "referral protocol) or clear the date."
        ),
        "contacts[0]": "Contacts, line 1: the contact's name is required; type it or clear the line.",
    }
    with pytest.raises(ValidationFailed):
        save_partner(session, record, today=TODAY)
    assert validate_partner(session, PartnerRecord(partner_key="P9", name="X"), today=TODAY)["org_type"].startswith(
        "Organization type is required")


def test_the_list_searches_ignoring_accents_and_filters_by_type(session):
    clinic = a_partner(session)
    works = a_partner(session, name="Ontario Works Renfrew", org_type="ontario_works", contact_name="Hélène Roy")
    bank = a_partner(session, name="Food bank", org_type="food_bank",
                     programs=[PartnerProgramRecord(name="Community kitchen")])
    assert [r.id for r in partner_list(session)] == [clinic, bank, works]  # by name, accents ignored
    assert [r.id for r in partner_list(session, "sante cote")] == [clinic]
    assert [r.id for r in partner_list(session, "helene")] == [works]  # contact name
    assert [r.id for r in partner_list(session, "KITCHEN")] == [bank]  # a listed program
    assert [r.id for r in partner_list(session, org_type="food_bank")] == [bank]
    row = partner_list(session, "renfrew")[0]
    assert (row.partner_key, row.org_type_label, row.contact_name) == ("P002", "Ontario Works", "Hélène Roy")


def test_archived_partners_leave_the_list_until_restored(session):
    bank = a_partner(session, name="Food bank", org_type="food_bank")
    archive_partner(session, bank)
    assert partner_list(session) == []
    assert [r.archived for r in partner_list(session, include_archived=True)] == [True]
    archive_partner(session, bank, archived=False)
    assert [r.id for r in partner_list(session)] == [bank]


def test_a_partner_with_referrals_cannot_be_deleted_archive_it_instead(session):
    bank = a_partner(session, name="Food bank", org_type="food_bank")
    learner = Learner(learner_key="L1", first_name="Ann", last_name="Roy", intake_date=date(2026, 9, 1))
    session.add(learner)
    session.flush()
    for number in (1, 2):
        session.add(Referral(referral_key=f"R{number}", learner_id=learner.id, direction="in",
                             referral_date=date(2026, 9, number), partner_id=bank))
    session.flush()
    with pytest.raises(LbsDeskError) as failure:
        delete_partner(session, bank)
    assert str(failure.value) == (
        "Food bank cannot be deleted: it is named by 2 referrals. Archive it instead: it leaves the directory, "
        "and its referrals keep their partner."
    )
    assert session.get(Partner, bank) is not None


def test_a_partner_named_in_a_consent_or_outreach_is_kept_too(session):
    bank = a_partner(session, name="Food bank", org_type="food_bank")
    learner = Learner(learner_key="L1", first_name="Ann", last_name="Roy", intake_date=date(2026, 9, 1))
    session.add(learner)
    session.flush()
    save_consent(session, learner.id, ConsentRecord(scope="named_partners", signed_date=TODAY, partner_ids=[bank]),
                 today=TODAY)
    save_outreach(session, OutreachRecord(activity_date=TODAY, kind="brochure", title="Brochures",
                                          partner_ids=[bank]), today=TODAY)
    with pytest.raises(LbsDeskError) as failure:
        delete_partner(session, bank)
    assert "it is named by 1 learner consent and 1 outreach activity" in str(failure.value)


def test_an_unused_partner_is_deleted_with_its_programs_and_contacts(session):
    spare = a_partner(session, name="Typo Inc", org_type="employer", programs=[PartnerProgramRecord(name="X")],
                      contacts=[PartnerContactRecord(name="Y")])
    delete_partner(session, spare)
    assert session.get(Partner, spare) is None
    with pytest.raises(LbsDeskError):
        load_partner(session, spare)


def test_the_coordination_summary_counts_this_fiscal_year(session):
    works = a_partner(session, name="Ontario Works", org_type="ontario_works")
    other = a_partner(session, name="Food bank", org_type="food_bank")
    learner = Learner(learner_key="L1", first_name="Ann", last_name="Roy", intake_date=date(2026, 1, 1))
    session.add(learner)
    session.flush()
    referrals = [
        ("in", date(2026, 3, 31), True),  # last fiscal year
        ("in", date(2026, 4, 1), True),
        ("in", date(2026, 5, 20), False),
        ("in", date(2026, 6, 10), True),
        ("out", date(2026, 7, 1), True),
        ("out", date(2027, 3, 31), False),
        ("out", date(2027, 4, 1), True),  # next fiscal year, and the last referral
    ]
    for number, (direction, day, formal) in enumerate(referrals, start=1):
        session.add(Referral(referral_key=f"R{number}", learner_id=learner.id, direction=direction,
                             referral_date=day, partner_id=works, formal=formal))
    session.add(Referral(referral_key="R99", learner_id=learner.id, direction="in", referral_date=date(2026, 6, 1),
                         partner_id=other))
    session.flush()
    save_outreach(session, OutreachRecord(activity_date=date(2026, 2, 1), kind="presentation", title="Old talk",
                                          partner_ids=[works]), today=TODAY)
    save_outreach(session, OutreachRecord(activity_date=date(2026, 5, 1), kind="staff_meeting",
                                          title="OW staff meeting", partner_ids=[works, other]), today=TODAY)

    summary = coordination_summary(session, works, "2026-2027")
    assert (summary.partner_name, summary.fiscal_year) == ("Ontario Works", "2026-2027")
    assert (summary.referrals_in, summary.referrals_in_formal, summary.referrals_in_informal) == (3, 2, 1)
    assert (summary.referrals_out, summary.referrals_out_formal, summary.referrals_out_informal) == (2, 1, 1)
    assert summary.last_referral_date == date(2027, 4, 1)
    assert (summary.outreach_count, summary.last_outreach_date) == (1, date(2026, 5, 1))
    [effect] = summary.outreach_effects
    assert effect.title == "OW staff meeting"
    # referrals in from Ontario Works within 90 days of 1 May: 20 May and 10 June (not the food bank's)
    assert [r.referral_date for r in effect.referrals] == [date(2026, 5, 20), date(2026, 6, 10)]
    assert (effect.referral_count, effect.formal_count) == (2, 1)

    previous = coordination_summary(session, works, "2025-2026")
    assert (previous.referrals_in, previous.referrals_out, previous.outreach_count) == (1, 0, 1)
