"""Closing a month: the figures and the printed sheet frozen, amendments listed, reopening recorded."""

import hashlib
from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from lbsdesk.db.models import ClosedMonth, Learner, MonthEvent, Partner, Referral, Staff
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.month_close import (
    ClosedPdfDamaged,
    MonthStatus,
    amendments_for_next_sheet,
    close_month,
    closed_pdf,
    month_events,
    month_state,
    month_statuses,
    reopen_month,
)
from lbsdesk.services.monthly_report import monthly_figures

SEPTEMBER = Month(2026, 9)
OCTOBER = Month(2026, 10)
EARLY_OCTOBER = datetime(2026, 10, 3, 15, 30)  # UTC
LATER = datetime(2026, 10, 20, 15, 30)


class FakeSheet:
    """Stands in for the printed sheet: remembers what it was asked to print."""

    def __init__(self):
        self.printed: list[Month] = []

    def __call__(self, session, month: Month) -> bytes:
        self.printed.append(month)
        return f"%PDF-1.4 sheet of {month}, print {len(self.printed)}".encode()


@pytest.fixture
def agency(session):
    """A small office: two staff, a partner, three learners active in September, one referral out."""
    ann = Staff(name="Ann Tremblay")
    bob = Staff(name="Bob Martin")
    works = Partner(partner_key="P1", name="Ontario Works Bruce", org_type="ontario_works")
    session.add_all([ann, bob, works])
    session.flush()
    learners = {
        key: Learner(learner_key=key, first_name="A", last_name=key, intake_date=intake, exit_date=exit_date,
                     goal_path="employment")
        for key, intake, exit_date in [
            ("L00041", date(2026, 6, 1), date(2026, 9, 20)),
            ("L00042", date(2026, 7, 1), None),
            ("L00043", date(2026, 8, 1), None),
        ]
    }
    session.add_all(learners.values())
    session.flush()
    session.add(Referral(referral_key="R00001", learner_id=learners["L00041"].id, direction="out",
                         referral_date=date(2026, 9, 10), partner_id=works.id, formal=True,
                         cams_entered_date=date(2026, 9, 11)))
    session.flush()
    return {"ann": ann.id, "bob": bob.id, "works": works.id, **{k: v.id for k, v in learners.items()}}


def test_closing_freezes_the_figures_and_the_exact_sheet_printed(session, agency):
    sheet = FakeSheet()
    info = close_month(session, SEPTEMBER, staff_id=agency["ann"], make_pdf=sheet, now=EARLY_OCTOBER)

    printed = b"%PDF-1.4 sheet of 2026-09, print 1"
    assert sheet.printed == [SEPTEMBER]
    assert info.figures == monthly_figures(session, SEPTEMBER)
    assert info.pdf_sha256 == hashlib.sha256(printed).hexdigest()
    assert info.pdf_size == len(printed)
    assert info.closed_by == "Ann Tremblay"
    assert info.closed_at == EARLY_OCTOBER
    assert closed_pdf(session, SEPTEMBER) == printed

    state = month_state(session, SEPTEMBER, today=date(2026, 10, 3))
    assert state.status is MonthStatus.CLOSED
    assert state.figures == info.figures
    assert (state.closed_by, state.closed_at, state.pdf_size) == ("Ann Tremblay", EARLY_OCTOBER, len(printed))
    assert state.amendments == () and not state.amended
    assert not state.can_close and state.can_reopen
    assert [(e.action, e.staff_name, e.at) for e in state.events] == [("close", "Ann Tremblay", EARLY_OCTOBER)]


def test_the_signed_in_staff_member_closes_by_default(session, agency):
    session.info["staff_id"] = agency["bob"]
    info = close_month(session, SEPTEMBER, make_pdf=FakeSheet(), now=EARLY_OCTOBER)
    assert info.closed_by == "Bob Martin"


def test_closing_twice_is_refused_with_who_closed_it(session, agency):
    close_month(session, SEPTEMBER, staff_id=agency["ann"], make_pdf=FakeSheet(), now=EARLY_OCTOBER)
    with pytest.raises(LbsDeskError, match="already closed on 2026-10-03 by Ann Tremblay.*Reopen"):
        close_month(session, SEPTEMBER, make_pdf=FakeSheet(), now=LATER)
    assert len(month_events(session, SEPTEMBER)) == 1


def test_a_month_that_has_not_ended_cannot_be_closed(session, agency):
    sheet = FakeSheet()
    with pytest.raises(LbsDeskError, match="October 2026 has not ended yet: it can be closed from 2026-11-01"):
        close_month(session, OCTOBER, make_pdf=sheet, now=LATER)
    assert sheet.printed == []
    assert session.get(ClosedMonth, "2026-10") is None
    state = month_state(session, OCTOBER, today=date(2026, 10, 20))
    assert state.status is MonthStatus.OPEN and not state.can_close
    assert "not ended yet" in state.cannot_close_because
    # on the month's last day it has ended as far as the office is concerned
    close_month(session, OCTOBER, make_pdf=sheet, now=datetime(2026, 10, 31, 16, 0))


def test_changes_after_closing_are_amendments_shown_on_the_month_and_the_next_sheet(session, agency):
    close_month(session, SEPTEMBER, staff_id=agency["ann"], make_pdf=FakeSheet(), now=EARLY_OCTOBER)
    frozen = month_state(session, SEPTEMBER).figures

    # a formal referral out dated in September, keyed in late, for a learner on the gap list …
    session.add(Referral(referral_key="R00002", learner_id=agency["L00042"], direction="out",
                         referral_date=date(2026, 9, 25), partner_id=agency["works"], formal=True,
                         cams_entered_date=date(2026, 10, 10)))
    # … and an exit date corrected: L00041 left before the referral out, which no longer counts for it
    session.get(Learner, agency["L00041"]).exit_date = date(2026, 9, 5)  # not flushed: the service sees it

    state = month_state(session, SEPTEMBER)
    assert state.status is MonthStatus.CLOSED
    assert state.figures == frozen, "a closed month shows what was printed, not today's numbers"
    assert list(state.amendments) == [
        "Referrals out: total 1 → 2",
        "Referrals out: formal 1 → 2",
        "Referrals out: to Ontario Works 1 → 2",
        "Service coordination: closed plans with a formal referral 1 → 0",
        "Service coordination: formal referrals on closed plans 1 → 0",
        "Service coordination: 100.0% → 0.0%",
        "Service coordination: referrals still needed 0 → 1",
        "Gap list: L00042 no longer listed",
        "Not keyed into CaMS: R00002 now listed",
    ]
    assert {item.section for item in state.amendment_items} == {
        "referrals_out", "service_coordination", "gaps", "not_in_cams"}
    assert amendments_for_next_sheet(session, OCTOBER) == list(state.amendments)
    assert amendments_for_next_sheet(session, Month(2026, 11)) == [], "only the previous month's"


def test_reopening_needs_a_reason_and_is_recorded(session, agency):
    close_month(session, SEPTEMBER, staff_id=agency["ann"], make_pdf=FakeSheet(), now=EARLY_OCTOBER)
    with pytest.raises(ValidationFailed) as refused:
        reopen_month(session, SEPTEMBER, reason="   ", staff_id=agency["bob"])
    assert "reason" in refused.value.problems
    assert month_state(session, SEPTEMBER, with_amendments=False).status is MonthStatus.CLOSED

    event = reopen_month(session, SEPTEMBER, reason="R00002 was missed", staff_id=agency["bob"], now=LATER)
    assert (event.action, event.staff_name, event.reason) == ("reopen", "Bob Martin", "R00002 was missed")
    assert event.description == "Reopened by Bob Martin: R00002 was missed"

    state = month_state(session, SEPTEMBER, today=date(2026, 10, 20))
    assert state.status is MonthStatus.REOPENED
    assert state.figures is None, "a reopened month shows today's figures"
    assert state.closed.reopened and state.closed.closed_by == "Ann Tremblay", "the frozen record is kept"
    assert state.can_close and not state.can_reopen
    assert closed_pdf(session, SEPTEMBER) == b"%PDF-1.4 sheet of 2026-09, print 1"
    assert amendments_for_next_sheet(session, OCTOBER) == [], "a reopened month is not finished yet"
    with pytest.raises(LbsDeskError, match="already reopened"):
        reopen_month(session, SEPTEMBER, reason="again")


def test_closing_a_reopened_month_replaces_the_frozen_record_and_keeps_the_history(session, agency):
    sheet = FakeSheet()
    close_month(session, SEPTEMBER, staff_id=agency["ann"], make_pdf=sheet, now=EARLY_OCTOBER)
    reopen_month(session, SEPTEMBER, reason="R00002 was missed", staff_id=agency["bob"], now=LATER)
    session.add(Referral(referral_key="R00002", learner_id=agency["L00042"], direction="out",
                         referral_date=date(2026, 9, 25), partner_id=agency["works"], formal=True))
    session.flush()
    second = datetime(2026, 10, 21, 9, 0)
    info = close_month(session, SEPTEMBER, staff_id=agency["bob"], make_pdf=sheet, now=second)

    assert info.figures["referrals_out"]["formal"] == 2
    assert closed_pdf(session, SEPTEMBER) == b"%PDF-1.4 sheet of 2026-09, print 2"
    state = month_state(session, SEPTEMBER)
    assert state.status is MonthStatus.CLOSED and state.amendments == ()
    assert [(e.action, e.staff_name, e.at, e.reason) for e in month_events(session, SEPTEMBER)] == [
        ("close", "Ann Tremblay", EARLY_OCTOBER, None),
        ("reopen", "Bob Martin", LATER, "R00002 was missed"),
        ("close", "Bob Martin", second, None),
    ]
    assert session.scalar(select(MonthEvent.id).where(MonthEvent.month == "2026-10")) is None


def test_a_damaged_stored_sheet_is_refused(session, agency):
    close_month(session, SEPTEMBER, make_pdf=FakeSheet(), now=EARLY_OCTOBER)
    session.execute(update(ClosedMonth).where(ClosedMonth.month == "2026-09").values(pdf=b"%PDF-1.4 altered"))
    with pytest.raises(ClosedPdfDamaged, match="does not match the fingerprint"):
        closed_pdf(session, SEPTEMBER)


def test_an_open_month_has_no_stored_sheet_and_nothing_to_reopen(session, agency):
    with pytest.raises(LbsDeskError, match="September 2026 has not been closed"):
        closed_pdf(session, SEPTEMBER)
    with pytest.raises(LbsDeskError, match="nothing to reopen"):
        reopen_month(session, SEPTEMBER, reason="why not")
    state = month_state(session, SEPTEMBER, today=date(2026, 10, 3))
    assert state.status is MonthStatus.OPEN and state.can_close and state.closed is None
    assert month_statuses(session, [SEPTEMBER, OCTOBER]) == {SEPTEMBER: MonthStatus.OPEN, OCTOBER: MonthStatus.OPEN}


def test_statuses_of_many_months_at_once(session, agency):
    close_month(session, Month(2026, 8), make_pdf=FakeSheet(), now=EARLY_OCTOBER)
    close_month(session, SEPTEMBER, make_pdf=FakeSheet(), now=EARLY_OCTOBER)
    reopen_month(session, Month(2026, 8), reason="late referral")
    assert month_statuses(session, [Month(2026, 8), SEPTEMBER, OCTOBER]) == {
        Month(2026, 8): MonthStatus.REOPENED, SEPTEMBER: MonthStatus.CLOSED, OCTOBER: MonthStatus.OPEN,
    }


def test_the_real_printed_sheet_is_stored_by_default(session, agency):
    info = close_month(session, SEPTEMBER, now=EARLY_OCTOBER)
    pdf = closed_pdf(session, SEPTEMBER)
    assert pdf.startswith(b"%PDF") and len(pdf) == info.pdf_size
