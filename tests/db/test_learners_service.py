"""The learner file service: new, load, validate, save, suitability, duplicates, merge."""

from datetime import date

import pytest
from sqlalchemy import select

from lbsdesk.db.models import (
    AuditEntry, CheckIn, Consent, FollowUp, Inquiry, Learner, LearnerPlan, Partner, Referral, StageEntry,
    SuitabilityOverride,
)
from lbsdesk.domain.text import learner_search_text
from lbsdesk.errors import LbsDeskError
from lbsdesk.services.learner_list import LearnerQuery, matching_learner_ids
from lbsdesk.services.learners import (
    LearnerRecord,
    ValidationFailed,
    find_possible_duplicates,
    load_learner,
    merge_learners,
    new_learner_record,
    save_learner,
    suitability_for,
    validate_learner,
)

TODAY = date(2026, 11, 20)


def record(**kw):
    values = dict(learner_key="L00001", first_name="Marie", last_name="Côté", intake_date=date(2026, 9, 1))
    values.update(kw)
    return LearnerRecord(**values)


def test_new_record_defaults_and_next_key(session):
    fresh = new_learner_record(session, TODAY)
    assert (fresh.id, fresh.learner_key, fresh.intake_date, fresh.stage) == (None, "L00001", TODAY, "initial")
    save_learner(session, record(learner_key="L00041"), today=TODAY)
    save_learner(session, record(learner_key="ABC-999", first_name="Luc"), today=TODAY)
    assert new_learner_record(session, TODAY).learner_key == "L00042"


@pytest.mark.parametrize(
    "changes, field, words",
    [
        ({"date_of_birth": date(2019, 5, 1)}, "date_of_birth", "makes this person 7"),
        ({"date_of_birth": date(1919, 5, 1)}, "date_of_birth", "makes this person 107"),
        ({"date_of_birth": date(2027, 1, 1)}, "date_of_birth", "in the future"),
        ({"exit_date": date(2026, 8, 31)}, "exit_date", "before the intake date"),
        ({"first_name": "  "}, "first_name", "First name is required"),
        ({"last_name": ""}, "last_name", "Last name is required"),
        ({"learner_key": ""}, "learner_key", "Learner ID is required"),
        ({"intake_date": None}, "intake_date", "Intake date is required"),
        ({"satisfaction": 6}, "satisfaction", "1 to 5"),
        ({"goal_path": "retirement"}, "goal_path", "not one of the choices"),
        ({"stage": "done"}, "stage", "Stage"),
        ({"email": "marie at home"}, "email", "does not look like an email"),
        ({"last_school_year": 2030}, "last_school_year", "not possible"),
        ({"suitability_overrides": {"nope": True}}, "suitability_overrides", "unknown indicator"),
    ],
)
def test_validation_names_the_field_and_the_fix(session, changes, field, words):
    problems = validate_learner(session, record(**changes), TODAY)
    assert field in problems and words in problems[field], problems
    with pytest.raises(ValidationFailed) as failure:
        save_learner(session, record(**changes), today=TODAY)
    assert field in failure.value.problems
    assert session.execute(select(Learner.id)).first() is None


def test_sixteen_and_a_hundred_are_accepted_and_a_valid_record_passes(session):
    assert validate_learner(session, record(date_of_birth=date(2010, 9, 1)), TODAY) == {}
    assert validate_learner(session, record(date_of_birth=date(1926, 9, 1)), TODAY) == {}


def test_duplicate_key_refused_but_own_key_fine(session):
    first = save_learner(session, record(), today=TODAY)
    problems = validate_learner(session, record(first_name="Luc"), TODAY)
    assert "already belongs to Marie Côté" in problems["learner_key"] and "L00002" in problems["learner_key"]
    assert validate_learner(session, load_learner(session, first), TODAY) == {}


def test_save_writes_search_text_stage_history_and_audit(session):
    learner_id = save_learner(session, record(stage="initial", phone="705-555-0101"), staff_id=None, today=TODAY)
    saved = session.get(Learner, learner_id)
    assert saved.search_text == learner_search_text("Marie", "Côté", "L00001", "705-555-0101")
    edited = load_learner(session, learner_id)
    edited.last_name = "Tremblay"
    edited.stage = "commencement"
    later = date(2026, 12, 1)
    save_learner(session, edited, today=later)
    session.refresh(saved)
    assert "tremblay" in saved.search_text and "cote" not in saved.search_text
    stages = session.execute(
        select(StageEntry.stage, StageEntry.entered_date).where(StageEntry.learner_id == learner_id).order_by(StageEntry.id)
    ).all()
    assert stages == [("initial", saved.intake_date), ("commencement", later)]  # the first stage began at intake
    edited.notes = "Prefers mornings"
    save_learner(session, edited, today=later)
    assert len(session.execute(select(StageEntry.id)).all()) == 2  # no stage change, no new entry
    fields = set(session.execute(select(AuditEntry.field).where(AuditEntry.learner_id == learner_id)).scalars())
    assert {"last_name", "stage", "notes"} <= fields
    assert matching_learner_ids(session, LearnerQuery(search="tremblay", today=TODAY)) == [learner_id]


def test_suitability_derived_and_overridden(session):
    rec = record(education_level="grade_9", income_source="employed", date_of_birth=date(1970, 1, 1))
    rec.suitability_overrides = {"francophone": True, "ow_odsp": True}
    learner_id = save_learner(session, rec, today=TODAY)
    loaded = load_learner(session, learner_id)
    assert loaded.suitability_overrides == {"francophone": True, "ow_odsp": True}
    values = {v.code: v for v in suitability_for(session, loaded, TODAY)}
    assert values["less_than_grade_12"].derived is True and values["less_than_grade_12"].value is True
    assert values["ow_odsp"].derived is False and values["ow_odsp"].value is True
    assert values["francophone"].derived is None and values["francophone"].value is True
    assert values["age_45_64"].value is True
    assert values["deaf"].value is None
    loaded.suitability_overrides = {"ow_odsp": False}
    save_learner(session, loaded, today=TODAY)
    stored = session.execute(select(SuitabilityOverride.indicator_code, SuitabilityOverride.value)).all()
    assert stored == [("ow_odsp", False)]


def test_duplicates(session):
    born = date(1980, 4, 2)
    original = save_learner(session, record(date_of_birth=born, phone="705-555-0101"), today=TODAY)
    swapped = save_learner(session, record(learner_key="L2", first_name="Cote", last_name="Marie", date_of_birth=born), today=TODAY)
    other_born = save_learner(session, record(learner_key="L3", date_of_birth=date(1981, 4, 2)), today=TODAY)
    other_person = save_learner(session, record(learner_key="L4", first_name="Luc", last_name="Roy", date_of_birth=born), today=TODAY)
    phone_only = save_learner(session, record(learner_key="L5", first_name="Jean", last_name="Roy", phone="1 (705) 555-0101"), today=TODAY)

    def found(**kw):
        return {c.learner_id: c.reasons for c in find_possible_duplicates(session, record(learner_key="NEW", **kw))}

    accent = found(first_name="MARIE", last_name="cote", date_of_birth=born)
    assert set(accent) == {original, swapped}
    assert accent[original] == ("same date of birth, same name",)
    assert accent[swapped] == ("same date of birth, first and last names swapped",)
    assert list(found(first_name="Marie", last_name="Cotè", date_of_birth=born)) [0] == original
    typo = found(first_name="Maire", last_name="Côté", date_of_birth=born)
    assert original in typo and other_person not in typo and other_born not in typo
    by_phone = found(first_name="Someone", last_name="Else", phone="705.555.0101")
    assert set(by_phone) == {original, phone_only} and by_phone[phone_only] == ("same phone",)
    assert found(first_name="Nobody", last_name="Here", date_of_birth=date(1990, 1, 1)) == {}
    itself = load_learner(session, original)
    assert original not in {c.learner_id for c in find_possible_duplicates(session, itself)}
    merge_learners(session, original, swapped)
    assert swapped not in found(first_name="Marie", last_name="Côté", date_of_birth=born)


def test_merge_moves_everything(session):
    keep = save_learner(session, record(stage="initial"), today=TODAY)
    gone = save_learner(
        session, record(learner_key="L00009", first_name="Marie", last_name="Cote", phone="705-555-0101",
                        date_of_birth=date(1980, 4, 2), stage="participation"), today=TODAY,
    )
    partner = Partner(partner_key="P1", name="OW", org_type="ontario_works")
    session.add(partner)
    session.flush()
    session.add_all([
        Referral(referral_key="R1", learner_id=gone, direction="out", referral_date=TODAY, partner_id=partner.id, formal=True),
        Inquiry(inquiry_key="Q1", inquiry_date=TODAY, channel="phone", learner_id=gone),
        Consent(learner_id=gone, signed_date=TODAY),
        LearnerPlan(learner_id=keep, number=1, is_current=True),
        LearnerPlan(learner_id=gone, number=1, is_current=True),
        CheckIn(learner_id=gone, check_in_date=TODAY),
        FollowUp(learner_id=gone, months=3, done_date=TODAY),
        SuitabilityOverride(learner_id=gone, indicator_code="deaf", value=True),
    ])
    session.flush()
    earlier_trail = session.execute(select(AuditEntry.id).where(AuditEntry.learner_id == gone)).scalars().all()
    assert earlier_trail
    merge_learners(session, keep, gone)
    for model in (Referral, Inquiry, Consent, CheckIn, FollowUp, SuitabilityOverride):
        assert session.execute(select(model.learner_id)).scalars().all() == [keep], model
    assert session.execute(select(StageEntry.learner_id).distinct()).scalars().all() == [keep]
    plans = session.execute(select(LearnerPlan.number, LearnerPlan.is_current).where(LearnerPlan.learner_id == keep).order_by(LearnerPlan.number)).all()
    assert plans == [(1, True), (2, False)]
    moved = session.execute(select(AuditEntry.learner_id).where(AuditEntry.id.in_(earlier_trail))).scalars()
    assert set(moved) == {keep}
    # what stays on the merged file's own trail is the merge itself
    assert session.execute(select(AuditEntry.field).where(AuditEntry.learner_id == gone)).scalars().all() == ["merged_into_id"]
    kept = session.get(Learner, keep)
    assert kept.phone == "705-555-0101" and kept.date_of_birth == date(1980, 4, 2) and kept.stage == "initial"
    assert "555" in kept.search_text and "Merged with L00009" in kept.notes
    assert session.get(Learner, gone).merged_into_id == keep
    assert matching_learner_ids(session, LearnerQuery(today=TODAY)) == [keep]
    with pytest.raises(LbsDeskError):
        merge_learners(session, keep, keep)
    with pytest.raises(LbsDeskError):
        merge_learners(session, keep, gone)


def test_language_and_contact_method_are_codes_and_old_words_are_read_as_codes(session):
    from lbsdesk.db.models import Learner

    learner = Learner(learner_key="L00009", first_name="Élise", last_name="Roy", intake_date=date(2026, 9, 1),
                      preferred_language="French", preferred_contact_method="Text message")
    session.add(learner)
    session.flush()
    loaded = load_learner(session, learner.id)
    assert (loaded.preferred_language, loaded.preferred_contact_method) == ("fr", "text")
    loaded.preferred_language = "Klingon"
    problems = validate_learner(session, loaded, today=TODAY)
    assert "Preferred language" in problems["preferred_language"]
