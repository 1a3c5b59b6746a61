"""Referrals: the form's record and rules, consent for out-referrals, status history, replies from the
return slip, keyed into CaMS, the list with its filters, awaiting reply and expiry."""

from datetime import date

import pytest

from lbsdesk.db.models import AppSetting, Learner, Partner, Referral
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.consents import ConsentRecord, consents_of, save_consent
from lbsdesk.services.monthly_report import monthly_figures
from lbsdesk.services.referrals import (
    ConsentMissing,
    ReferralQuery,
    ReferralRecord,
    awaiting_reply,
    consent_problem,
    expire_overdue_referrals,
    load_referral,
    mark_keyed_into_cams,
    new_referral_record,
    record_reply,
    referral_count,
    referral_list,
    referral_warnings,
    reply_limits,
    save_referral,
    set_reply_limits,
    set_status,
    status_history,
    validate_referral,
)

TODAY = date(2026, 10, 15)
FORMAL = dict(formal=True, planned=True, supported=True, coordinated=True, information_exchanged=True)


@pytest.fixture
def people(session):
    ann = Learner(learner_key="L00001", first_name="Ann", last_name="Côté", intake_date=date(2026, 8, 1),
                  search_text="ann cote | cote ann | l00001")
    bob = Learner(learner_key="L00002", first_name="Bob", last_name="Hill", intake_date=date(2026, 8, 1),
                  search_text="bob hill | hill bob | l00002")
    housing = Partner(partner_key="P001", name="Housing Help", org_type="housing", program="Rent bank",
                      contact_name="Dana Lee")
    works = Partner(partner_key="P002", name="Ontario Works", org_type="ontario_works")
    session.add_all([ann, bob, housing, works])
    session.flush()
    save_consent(session, ann.id, ConsentRecord(signed_date=date(2026, 9, 1)), today=TODAY)
    return ann, bob, housing, works


def out_referral(session, learner, partner, day=date(2026, 9, 10), status="sent", **changes):
    record = new_referral_record(session, learner_id=learner.id, direction="out", today=day, partner_id=partner.id)
    record.status = status
    for name, value in changes.items():
        setattr(record, name, value)
    return save_referral(session, record, today=TODAY)


def in_referral(session, learner, day=date(2026, 9, 10), partner=None, source=None, **changes):
    record = new_referral_record(session, learner_id=learner.id, direction="in", today=day,
                                 partner_id=partner.id if partner else None)
    record.source = source
    for name, value in changes.items():
        setattr(record, name, value)
    return save_referral(session, record, today=TODAY)


# --- the new form ----------------------------------------------------------------------------------


def test_a_new_referral_is_prefilled_from_what_is_known(session, people):
    ann, _, housing, _ = people
    record = new_referral_record(session, learner_id=ann.id, direction="out", today=TODAY, partner_id=housing.id)
    assert record.referral_key == "R000001"
    assert record.referral_date == TODAY
    assert record.follow_up_date == date(2026, 10, 29)  # two weeks
    assert record.status == "draft"
    assert (record.program, record.contact_name) == ("Rent bank", "Dana Lee")
    assert record.consent_id is not None  # the learner's consent in force today
    assert new_referral_record(session, learner_id=ann.id, direction="in", today=TODAY).status == "unknown"


def test_the_next_number_follows_the_highest(session, people):
    ann, _, housing, _ = people
    out_referral(session, ann, housing, referral_key="R000041")
    assert new_referral_record(session, learner_id=ann.id, direction="in", today=TODAY).referral_key == "R000042"


def test_save_and_load_round_trip_every_field(session, people):
    ann, _, housing, _ = people
    record = new_referral_record(session, learner_id=ann.id, direction="out", today=date(2026, 9, 10),
                                 partner_id=housing.id)
    record.status = "sent"
    record.reason = "Facing eviction; needs help with first and last month's rent."
    record.services_requested = ["other", "housing"]
    record.services_other = "Moving help"
    record.supports_needed = "Large print"
    record.urgency = "urgent"
    record.cams_entered_date = date(2026, 9, 12)
    for name, value in FORMAL.items():
        setattr(record, name, value)
    referral_id = save_referral(session, record, today=TODAY)
    loaded = load_referral(session, referral_id)
    assert loaded.services_requested == ["housing", "other"]  # checklist order
    assert (loaded.reason, loaded.urgency, loaded.formal, loaded.information_exchanged) == (
        record.reason, "urgent", True, True)
    assert loaded.cams_entered_date == date(2026, 9, 12)
    assert [(e.status, e.status_date) for e in status_history(session, referral_id)] == [("sent", date(2026, 9, 10))]


# --- bad input -------------------------------------------------------------------------------------


def problems_of(session, record):
    return validate_referral(session, record, today=TODAY)


def test_a_referral_without_a_learner_is_refused(session, people):
    _, _, housing, _ = people
    record = ReferralRecord(referral_key="R1", direction="out", referral_date=TODAY, partner_id=housing.id)
    assert problems_of(session, record)["learner_id"] == "Learner is required: choose the learner this referral is for."


def test_a_referral_in_without_partner_or_source_is_refused(session, people):
    ann, *_ = people
    record = new_referral_record(session, learner_id=ann.id, direction="in", today=TODAY)
    assert problems_of(session, record)["partner_id"] == (
        "Partner or source is required: choose the organization that referred the learner, or how the learner "
        "came on their own (an informal source such as word of mouth)."
    )
    with pytest.raises(ValidationFailed):
        save_referral(session, record, today=TODAY)
    assert session.query(Referral).count() == 0


def test_a_referral_out_without_a_partner_is_refused(session, people):
    ann, *_ = people
    record = new_referral_record(session, learner_id=ann.id, direction="out", today=TODAY)
    assert problems_of(session, record)["partner_id"] == (
        "Partner is required: choose the organization the learner is referred to."
    )


def test_a_referral_out_to_an_informal_source_is_refused(session, people):
    ann, *_ = people
    record = new_referral_record(session, learner_id=ann.id, direction="out", today=TODAY)
    record.source = "word_of_mouth"
    assert problems_of(session, record)["source"] == (
        "Source: a referral out goes to a partner, never to an informal source (Word of mouth); "
        "clear the source and choose the partner."
    )


def test_partner_and_source_together_are_refused(session, people):
    ann, _, housing, _ = people
    record = new_referral_record(session, learner_id=ann.id, direction="in", today=TODAY, partner_id=housing.id)
    record.source = "self"
    assert problems_of(session, record)["source"] == (
        "Source: give a partner or an informal source, not both; clear the source when an organization "
        "referred the learner."
    )


def test_a_formal_referral_from_an_informal_source_is_refused(session, people):
    ann, *_ = people
    record = new_referral_record(session, learner_id=ann.id, direction="in", today=TODAY)
    record.source = "word_of_mouth"
    for name, value in FORMAL.items():
        setattr(record, name, value)
    assert problems_of(session, record)["formal"].startswith(
        "Formal: a referral from an informal source (Word of mouth) never counts as formal; untick Formal"
    )


def test_formal_without_its_confirmations_is_refused(session, people):
    ann, _, _, works = people
    record = new_referral_record(session, learner_id=ann.id, direction="in", today=TODAY, partner_id=works.id)
    record.formal = True
    record.planned = True
    assert problems_of(session, record)["formal"] == (
        "Formal: a formal referral is planned, supported and coordinated, with the learner's information "
        "exchanged; tick Supported, Coordinated and Information exchanged under Formal-referral confirmation, "
        "or untick Formal."
    )


def test_a_follow_up_date_before_the_referral_date_is_refused(session, people):
    ann, _, _, works = people
    record = new_referral_record(session, learner_id=ann.id, direction="in", today=TODAY, partner_id=works.id)
    record.follow_up_date = date(2026, 10, 1)
    assert problems_of(session, record)["follow_up_date"] == (
        "Follow-up date: 2026-10-01 is before the referral date 2026-10-15; choose a day on or after it "
        "(two weeks later is usual)."
    )


def test_unknown_codes_are_refused(session, people):
    ann, _, _, works = people
    record = new_referral_record(session, learner_id=ann.id, direction="in", today=TODAY, partner_id=works.id)
    record.services_requested = ["housing", "spa"]
    record.urgency = "yesterday"
    record.status = "lost"
    problems = problems_of(session, record)
    assert problems["services_requested"].startswith("Services requested: 'spa' is not on the checklist")
    assert problems["urgency"].startswith("Urgency: 'yesterday' is not one of the choices")
    assert problems["status"].startswith("Status: 'lost' is not a referral status")
    record = ReferralRecord(referral_key="R9", learner_id=ann.id, direction="sideways", referral_date=TODAY)
    assert problems_of(session, record)["direction"].startswith("Direction is required")


def test_a_used_number_and_a_future_date_are_refused(session, people):
    ann, _, housing, works = people
    out_referral(session, ann, housing)
    record = new_referral_record(session, learner_id=ann.id, direction="in", today=TODAY, partner_id=works.id)
    record.referral_key = "R000001"
    record.referral_date = date(2026, 10, 20)
    problems = problems_of(session, record)
    assert problems["referral_key"] == (
        "Referral number: R000001 is already used by another referral; choose another (the next free one is R000002)."
    )
    assert problems["referral_date"].startswith("Date: 2026-10-20 is in the future")


def test_a_new_referral_to_an_archived_partner_is_refused(session, people):
    ann, _, housing, _ = people
    housing.archived = True
    record = new_referral_record(session, learner_id=ann.id, direction="out", today=TODAY, partner_id=housing.id)
    assert problems_of(session, record)["partner_id"] == (
        "Partner: Housing Help is archived; restore it in the partner directory first, or choose another partner."
    )


# --- consent -----------------------------------------------------------------------------------------


def test_an_out_referral_without_consent_is_stopped_and_says_how_to_record_it(session, people):
    _, bob, housing, _ = people
    record = new_referral_record(session, learner_id=bob.id, direction="out", today=TODAY, partner_id=housing.id)
    record.status = "sent"
    with pytest.raises(ConsentMissing) as failure:
        save_referral(session, record, today=TODAY)
    assert isinstance(failure.value, ValidationFailed)
    assert str(failure.value) == (
        "Consent: Bob Hill has no consent in force on 2026-10-15 to share information with Housing Help, so the "
        "referral cannot be sent. Record the learner's consent first (learner file, Consents: all partners, or "
        "name Housing Help), dated on or before 2026-10-15; until then save the referral as a draft and have the "
        "learner sign the consent block of the printed form."
    )
    assert (failure.value.learner_id, failure.value.partner_id, failure.value.on) == (bob.id, housing.id, TODAY)
    assert session.query(Referral).count() == 0


def test_a_draft_may_wait_for_the_signed_consent_then_be_sent(session, people):
    _, bob, housing, works = people
    referral_id = out_referral(session, bob, housing, day=TODAY, status="draft")
    assert "consent" in referral_warnings(session, load_referral(session, referral_id))
    with pytest.raises(ConsentMissing):
        set_status(session, referral_id, "sent", TODAY, today=TODAY)
    save_consent(session, bob.id, ConsentRecord(scope="named_partners", signed_date=TODAY,
                                                partner_ids=[housing.id]), today=TODAY)
    set_status(session, referral_id, "sent", TODAY, today=TODAY)
    sent = load_referral(session, referral_id)
    assert sent.status == "sent"
    assert sent.consent_id == consents_of(session, bob.id)[0].id  # the consent it went out under
    # the consent names Housing Help only: Ontario Works is still refused
    record = new_referral_record(session, learner_id=bob.id, direction="out", today=TODAY, partner_id=works.id)
    record.status = "sent"
    assert consent_problem(session, record).startswith("Consent: Bob Hill has no consent in force on 2026-10-15")


def test_a_consent_signed_after_the_referral_date_does_not_cover_it(session, people):
    ann, _, housing, _ = people  # Ann's consent was signed on 2026-09-01
    with pytest.raises(ConsentMissing):
        out_referral(session, ann, housing, day=date(2026, 8, 31))
    assert out_referral(session, ann, housing, day=date(2026, 9, 1))


def test_referrals_in_need_no_consent(session, people):
    _, bob, _, works = people
    assert in_referral(session, bob, partner=works)


# --- status history, replies -------------------------------------------------------------------------


def test_every_status_change_is_dated_in_the_history(session, people):
    ann, _, housing, _ = people
    referral_id = out_referral(session, ann, housing, day=date(2026, 9, 10), status="draft")
    set_status(session, referral_id, "sent", date(2026, 9, 11), today=TODAY)
    set_status(session, referral_id, "sent", date(2026, 9, 12), today=TODAY)  # unchanged: no entry
    record = load_referral(session, referral_id)
    record.status = "withdrawn"
    save_referral(session, record, today=TODAY)
    assert [(e.status, e.status_date) for e in status_history(session, referral_id)] == [
        ("draft", date(2026, 9, 10)), ("sent", date(2026, 9, 11)), ("withdrawn", TODAY)]


def test_status_changes_that_make_no_sense_are_refused(session, people):
    ann, _, housing, _ = people
    referral_id = out_referral(session, ann, housing)
    with pytest.raises(ValidationFailed) as failure:
        set_status(session, referral_id, "draft", TODAY, today=TODAY)
    assert failure.value.problems["status"].startswith("Status: this referral is already 'Sent' and cannot go back")
    with pytest.raises(ValidationFailed) as failure:
        set_status(session, referral_id, "accepted", date(2026, 9, 1), today=TODAY)
    assert failure.value.problems["status_date"] == (
        "Status date: 2026-09-01 is before the referral date 2026-09-10; check the date."
    )
    record = load_referral(session, referral_id)
    record.status = "draft"
    assert problems_of(session, record)["status"].startswith("Status: this referral is already 'Sent'")


def test_a_reply_from_the_return_slip_closes_the_loop(session, people):
    ann, _, housing, _ = people
    referral_id = out_referral(session, ann, housing)
    status = record_reply(session, referral_id, received_on=date(2026, 9, 20), accepted=True, reason=None,
                          first_appointment=date(2026, 9, 28), by_name="Dana Lee", today=TODAY)
    assert status == "accepted"
    record = load_referral(session, referral_id)
    assert (record.reply_received_date, record.reply_accepted, record.reply_first_appointment, record.reply_by_name) == (
        date(2026, 9, 20), True, date(2026, 9, 28), "Dana Lee")
    history = status_history(session, referral_id)
    assert (history[-1].status, history[-1].status_date) == ("accepted", date(2026, 9, 20))
    assert "Dana Lee" in history[-1].note


def test_a_declined_or_undecided_reply(session, people):
    ann, _, housing, works = people
    declined = out_referral(session, ann, housing)
    assert record_reply(session, declined, received_on=date(2026, 9, 15), accepted=False,
                        reason="Outside our catchment area", first_appointment=None, by_name="Dana", today=TODAY) == "declined"
    assert load_referral(session, declined).reply_reason == "Outside our catchment area"
    received = out_referral(session, ann, works)
    assert record_reply(session, received, received_on=date(2026, 9, 15), accepted=None, reason=None,
                        first_appointment=None, by_name=None, today=TODAY) == "acknowledged"


def test_a_late_reply_does_not_move_a_referral_back(session, people):
    ann, _, housing, _ = people
    referral_id = out_referral(session, ann, housing)
    set_status(session, referral_id, "attended", date(2026, 9, 25), today=TODAY)
    assert record_reply(session, referral_id, received_on=date(2026, 9, 30), accepted=True, reason=None,
                        first_appointment=None, by_name="Dana", today=TODAY) == "attended"
    assert load_referral(session, referral_id).reply_received_date == date(2026, 9, 30)


def test_a_reply_for_a_referral_never_sent_is_refused(session, people):
    ann, _, housing, works = people
    draft = out_referral(session, ann, housing, status="draft")
    with pytest.raises(ValidationFailed) as failure:
        record_reply(session, draft, received_on=TODAY, accepted=True, reason=None, first_appointment=None,
                     by_name=None, today=TODAY)
    assert failure.value.problems["reply_received_date"] == (
        "Reply: R000001 was never sent (it is still a draft); mark it Sent first, then record the partner's reply."
    )
    incoming = in_referral(session, ann, partner=works)
    with pytest.raises(ValidationFailed) as failure:
        record_reply(session, incoming, received_on=TODAY, accepted=True, reason=None, first_appointment=None,
                     by_name=None, today=TODAY)
    assert failure.value.problems["reply_received_date"] == (
        "Reply: R000002 is a referral in (another organization sent the learner to us); a reply from the return "
        "slip is recorded only for referrals we sent out."
    )
    # the same through the form
    record = load_referral(session, draft)
    record.reply_received_date = TODAY
    assert problems_of(session, record)["reply_received_date"].startswith("Reply: R000001 was never sent")


def test_a_reply_dated_before_the_referral_is_refused(session, people):
    ann, _, housing, _ = people
    referral_id = out_referral(session, ann, housing)
    with pytest.raises(ValidationFailed) as failure:
        record_reply(session, referral_id, received_on=date(2026, 9, 1), accepted=True, reason=None,
                     first_appointment=date(2026, 9, 2), by_name=None, today=TODAY)
    assert failure.value.problems == {
        "reply_received_date": "Reply received: 2026-09-01 is before the referral date 2026-09-10; check the dates.",
        "reply_first_appointment": (
            "First appointment: 2026-09-02 is before the referral date 2026-09-10; check the date on the return slip."
        ),
    }


# --- keyed into CaMS -----------------------------------------------------------------------------------


def test_mark_one_or_many_keyed_into_cams_keeping_earlier_dates(session, people):
    ann, _, housing, works = people
    first = out_referral(session, ann, housing, **FORMAL)
    second = in_referral(session, ann, partner=works, **FORMAL)
    third = in_referral(session, ann, source="word_of_mouth")
    assert mark_keyed_into_cams(session, [first], date(2026, 9, 12), today=TODAY) == 1
    assert mark_keyed_into_cams(session, [first, second, third], date(2026, 10, 1), today=TODAY) == 2
    assert [load_referral(session, i).cams_entered_date for i in (first, second, third)] == [
        date(2026, 9, 12), date(2026, 10, 1), date(2026, 10, 1)]


def test_keyed_into_cams_before_the_referral_date_is_refused_for_all(session, people):
    ann, _, housing, works = people
    early = in_referral(session, ann, partner=works, day=date(2026, 9, 1))
    late = out_referral(session, ann, housing, day=date(2026, 9, 20))
    with pytest.raises(ValidationFailed) as failure:
        mark_keyed_into_cams(session, [early, late], date(2026, 9, 10), today=TODAY)
    assert failure.value.problems["cams_entered_date"] == (
        "Keyed into CaMS: 2026-09-10 is before the referral date of R000002; choose a later day or leave those "
        "referrals out."
    )
    assert load_referral(session, early).cams_entered_date is None
    with pytest.raises(LbsDeskError):
        mark_keyed_into_cams(session, [early, 9999], TODAY, today=TODAY)


def test_not_in_cams_matches_the_monthly_report(session, people):
    ann, _, housing, works = people
    keyed = out_referral(session, ann, housing, **FORMAL)
    waiting = in_referral(session, ann, partner=works, **FORMAL)
    in_referral(session, ann, source="self")  # informal: never counted
    mark_keyed_into_cams(session, [keyed], date(2026, 9, 12), today=TODAY)
    rows = referral_list(session, ReferralQuery(not_in_cams_on=date(2026, 9, 30), today=TODAY))
    assert [r.id for r in rows] == [waiting]
    assert [r.referral_key for r in rows] == monthly_figures(session, Month.parse("2026-09"))["not_in_cams"]
    # as of 11 September the keyed one was not in CaMS yet
    assert {r.id for r in referral_list(session, ReferralQuery(not_in_cams_on=date(2026, 9, 11)))} == {keyed, waiting}


# --- awaiting reply and expiry ------------------------------------------------------------------------


def test_awaiting_reply_from_exactly_30_days_and_expired_from_60(session, people):
    ann, _, housing, works = people
    sent = out_referral(session, ann, housing, day=date(2026, 9, 1))
    replied = out_referral(session, ann, works, day=date(2026, 9, 1))
    record_reply(session, replied, received_on=date(2026, 9, 5), accepted=True, reason=None,
                 first_appointment=None, by_name=None, today=TODAY)
    assert awaiting_reply(session, today=date(2026, 9, 30)) == []
    [row] = awaiting_reply(session, today=date(2026, 10, 1))
    assert (row.id, row.effective_status, row.effective_status_label, row.days_waiting) == (
        sent, "awaiting_reply", "Awaiting reply", 30)
    assert row.status == "sent"
    assert awaiting_reply(session, today=date(2026, 10, 31)) == []
    [row] = referral_list(session, ReferralQuery(status="expired", today=date(2026, 10, 31)))
    assert (row.id, row.status, row.effective_status, row.days_waiting) == (sent, "sent", "expired", 60)


def test_awaiting_reply_counts_from_the_day_it_was_sent_not_drafted(session, people):
    ann, _, housing, _ = people
    referral_id = out_referral(session, ann, housing, day=date(2026, 9, 1), status="draft")
    set_status(session, referral_id, "sent", date(2026, 9, 10), today=TODAY)
    assert awaiting_reply(session, today=date(2026, 10, 9)) == []
    assert [r.id for r in awaiting_reply(session, today=date(2026, 10, 10))] == [referral_id]


def test_expire_overdue_referrals_records_expired_with_history(session, people):
    ann, _, housing, works = people
    old = out_referral(session, ann, housing, day=date(2026, 9, 1))
    recent = out_referral(session, ann, works, day=date(2026, 9, 2))
    assert expire_overdue_referrals(session, date(2026, 10, 31)) == 1
    assert load_referral(session, old).status == "expired"
    assert load_referral(session, recent).status == "sent"
    last = status_history(session, old)[-1]
    assert (last.status, last.status_date, last.note) == (
        "expired", date(2026, 10, 31), "No reply 60 days after it was sent (2026-09-01).")
    assert expire_overdue_referrals(session, date(2026, 10, 31)) == 0  # already done
    # a late reply still closes the loop
    assert record_reply(session, old, received_on=date(2026, 11, 2), accepted=True, reason=None,
                        first_appointment=None, by_name=None, today=date(2026, 11, 3)) == "accepted"


def test_the_reply_and_expiry_days_are_settings(session, people):
    ann, _, housing, _ = people
    assert (reply_limits(session).reply_days, reply_limits(session).expiry_days) == (30, 60)
    set_reply_limits(session, 10, 20)
    assert session.get(AppSetting, "referral_reply_days").value == "10"
    referral_id = out_referral(session, ann, housing, day=date(2026, 9, 1))
    assert [r.id for r in awaiting_reply(session, today=date(2026, 9, 11))] == [referral_id]
    assert expire_overdue_referrals(session, date(2026, 9, 21)) == 1
    with pytest.raises(ValidationFailed) as failure:
        set_reply_limits(session, 30, 20)
    assert failure.value.problems["expiry_days"] == (
        "Expired after: 20 days is sooner than awaiting reply (30 days); enter a larger number."
    )


# --- the list ---------------------------------------------------------------------------------------------


def test_the_list_filters_and_its_rows(session, people):
    ann, bob, housing, works = people
    sept_out = out_referral(session, ann, housing, day=date(2026, 9, 10), **FORMAL)
    oct_in = in_referral(session, bob, day=date(2026, 10, 2), source="word_of_mouth")
    sept_in = in_referral(session, ann, day=date(2026, 9, 20), partner=works)

    rows = referral_list(session, ReferralQuery(today=TODAY))
    assert [r.id for r in rows] == [oct_in, sept_in, sept_out]  # newest first
    first = rows[0]
    assert (first.referral_key, first.direction, first.learner_key, first.learner_name, first.partner_or_source,
            first.formal, first.status, first.effective_status_label) == (
        "R000002", "in", "L00002", "Bob Hill", "Word of mouth", False, "unknown", "Unknown")
    assert rows[2].partner_or_source == "Housing Help"

    def ids(**filters):
        return [r.id for r in referral_list(session, ReferralQuery(today=TODAY, **filters))]

    assert ids(direction="out") == [sept_out]
    assert ids(direction="in") == [oct_in, sept_in]
    assert ids(month="2026-09") == [sept_in, sept_out]
    assert ids(partner_id=works.id) == [sept_in]
    assert ids(learner_id=ann.id) == [sept_in, sept_out]
    assert ids(formal=True) == [sept_out]
    assert ids(status="unknown") == [oct_in, sept_in]
    assert ids(awaiting_reply=True) == [sept_out]  # sent 35 days before TODAY
    assert ids(search="cote") == [sept_in, sept_out]  # accents ignored
    assert ids(search="r000002") == [oct_in]
    assert ids(direction="in", limit=1, offset=1) == [sept_in]
    assert referral_count(session, ReferralQuery(direction="in", limit=1)) == 2
    with pytest.raises(ValidationFailed) as failure:
        referral_list(session, ReferralQuery(month="September"))
    assert failure.value.problems["month"].startswith("Month: 'September' is not a month")
