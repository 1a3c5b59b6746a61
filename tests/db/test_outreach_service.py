"""The outreach log, and which partners referred learners within 90 days of our asks."""

from datetime import date

import pytest

from lbsdesk.db.models import Learner, OutreachActivity, Partner, Referral, Staff
from lbsdesk.errors import ValidationFailed
from lbsdesk.services.outreach import (
    OutreachRecord,
    delete_outreach,
    load_outreach,
    new_outreach_record,
    outreach_list,
    referrals_following_outreach,
    save_outreach,
    validate_outreach,
)

TODAY = date(2026, 10, 15)
TALK = date(2026, 6, 1)


@pytest.fixture
def world(session):
    works = Partner(partner_key="P001", name="Ontario Works", org_type="ontario_works")
    library = Partner(partner_key="P002", name="Public library", org_type="public_library")
    staff = Staff(name="Marie Tremblay")
    learner = Learner(learner_key="L1", first_name="Ann", last_name="Roy", intake_date=date(2026, 1, 1))
    session.add_all([works, library, staff, learner])
    session.flush()
    return works, library, staff, learner


def refer_in(session, learner, partner, day, key, formal=False, direction="in"):
    session.add(Referral(referral_key=key, learner_id=learner.id, direction=direction, referral_date=day,
                         partner_id=partner.id, formal=formal))
    session.flush()


def test_an_activity_round_trips_and_lists_newest_first(session, world):
    works, library, staff, _ = world
    record = new_outreach_record(today=TALK, staff_id=staff.id)
    record.kind, record.title, record.attendees, record.notes = "presentation", "LBS talk to caseworkers", 14, "Went well"
    record.partner_ids = [works.id, library.id]
    first = save_outreach(session, record, today=TODAY)
    second = save_outreach(session, OutreachRecord(activity_date=date(2026, 7, 1), kind="email_campaign",
                                                   title="Summer newsletter"), today=TODAY)
    loaded = load_outreach(session, first)
    assert (loaded.kind, loaded.title, loaded.attendees, loaded.staff_id, loaded.partner_ids) == (
        "presentation", "LBS talk to caseworkers", 14, staff.id, sorted([works.id, library.id]))
    rows = outreach_list(session)
    assert [r.id for r in rows] == [second, first]
    assert (rows[1].kind_label, rows[1].staff_name, rows[1].partner_names) == (
        "Presentation", "Marie Tremblay", ("Ontario Works", "Public library"))
    assert [r.id for r in outreach_list(session, since=date(2026, 6, 2))] == [second]
    assert [r.id for r in outreach_list(session, partner_id=library.id)] == [first]
    loaded.partner_ids = [library.id]
    save_outreach(session, loaded, today=TODAY)
    assert load_outreach(session, first).partner_ids == [library.id]


def test_bad_activities_are_refused_with_the_field_named(session, world):
    problems = validate_outreach(session, OutreachRecord(activity_date=date(2026, 11, 1), kind="party", title="",
                                                         attendees=-3, partner_ids=[999]), today=TODAY)
    assert problems == {
        "activity_date": "Date: 2026-11-01 is in the future; log an activity once it has happened.",
        "kind": ("Kind: 'party' is not one of the choices; pick presentation, staff_meeting, networking, committee, "
                 "brochure, email_campaign, other."),
        "title": "Title is required: say in a few words what was done (e.g. 'LBS talk to OW caseworkers').",
        "attendees": "Attendees: enter the number of people reached (0 or more), or leave it empty.",
        "partner_ids": "Partners reached: one of the chosen partners no longer exists; choose them again.",
    }
    with pytest.raises(ValidationFailed):
        save_outreach(session, OutreachRecord(activity_date=None, title="x"), today=TODAY)


def test_deleting_an_activity_keeps_the_partners(session, world):
    works, *_ = world
    activity = save_outreach(session, OutreachRecord(activity_date=TALK, title="Talk", partner_ids=[works.id]),
                             today=TODAY)
    delete_outreach(session, activity)
    assert session.get(OutreachActivity, activity) is None
    assert session.get(Partner, works.id) is not None


def test_referrals_in_from_a_partner_within_90_days_follow_the_ask(session, world):
    works, library, _, learner = world
    save_outreach(session, OutreachRecord(activity_date=TALK, kind="presentation", title="Talk",
                                          partner_ids=[works.id, library.id]), today=TODAY)
    refer_in(session, learner, works, date(2026, 5, 31), "R1")  # the day before: not a result
    refer_in(session, learner, works, date(2026, 6, 1), "R2", formal=True)  # the same day
    refer_in(session, learner, works, date(2026, 8, 30), "R3")  # 90 days after
    refer_in(session, learner, works, date(2026, 8, 31), "R4")  # 91 days after: too late
    refer_in(session, learner, works, date(2026, 7, 1), "R5", direction="out")  # ours, not theirs
    effects = referrals_following_outreach(session)
    by_partner = {effect.partner_name: effect for effect in effects}
    assert [r.referral_key for r in by_partner["Ontario Works"].referrals] == ["R2", "R3"]
    assert (by_partner["Ontario Works"].referral_count, by_partner["Ontario Works"].formal_count) == (2, 1)
    assert by_partner["Public library"].referrals == ()  # an ask that brought nothing shows too
    [only] = referrals_following_outreach(session, partner_id=works.id)
    assert only.partner_id == works.id
    assert [r.referral_key for r in referrals_following_outreach(session, works.id, days=30)[0].referrals] == ["R2"]


def test_a_referral_after_two_asks_counts_under_each(session, world):
    works, _, _, learner = world
    save_outreach(session, OutreachRecord(activity_date=TALK, title="Talk", partner_ids=[works.id]), today=TODAY)
    save_outreach(session, OutreachRecord(activity_date=date(2026, 7, 1), kind="committee", title="Committee",
                                          partner_ids=[works.id]), today=TODAY)
    refer_in(session, learner, works, date(2026, 7, 15), "R1")
    effects = referrals_following_outreach(session, works.id)
    assert [(e.title, e.referral_count) for e in effects] == [("Committee", 1), ("Talk", 1)]
