"""The printed monthly tracking sheet: the same figures as the JSON, the lists staff act on, and the
packet of the month's referral forms behind it."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from lbsdesk.db.models import AgencyProfile, FollowUp, Inquiry, Learner, Partner, Referral
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.domain.codes import GOAL_PATHS, INFORMAL_SOURCES, INQUIRY_CHANNELS, ORG_TYPES
from lbsdesk.services.monthly_report import monthly_figures
from lbsdesk.services.sheet_printing import monthly_sheet_pdf

SEPTEMBER = Month(2026, 9)


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def is_form_page(text: str) -> bool:
    return "Referral form" in text


def sheet_lines(pages: list[str]) -> list[str]:
    """The text lines of the sheet itself (the pages before the first referral form)."""
    lines: list[str] = []
    for text in pages:
        if is_form_page(text):
            break
        lines += [line.strip() for line in text.splitlines() if line.strip()]
    return lines


def has_row(lines: list[str], *cells: str) -> bool:
    """True when the cells appear as consecutive lines (a table row as pypdf reads it)."""
    n = len(cells)
    return any(lines[i:i + n] == list(cells) for i in range(len(lines) - n + 1))


@pytest.fixture
def september(session):
    """A small month: referrals in and out, formal and informal, a gap, an exit, follow-ups due."""
    profile = session.get(AgencyProfile, 1) or AgencyProfile(id=1)
    profile.name, profile.phone = "Maple Valley Literacy Centre", "613-555-0142"
    session.add(profile)
    ow = Partner(partner_key="P01", name="Alder County Ontario Works", org_type="ontario_works",
                 contact_name="Rita Singh", phone="613-555-0300")
    food = Partner(partner_key="P02", name="Port Alder Community Food Bank", org_type="food_bank")
    people = {
        "L01": Learner(learner_key="L01", first_name="Alice", last_name="Martin", phone="613-555-0101",
                       intake_date=date(2026, 6, 1), goal_path="employment", consent_to_share=True),
        "L02": Learner(learner_key="L02", first_name="Bob", last_name="Tremblay", phone="613-555-0102",
                       intake_date=date(2026, 9, 10), goal_path="independence"),
        "L03": Learner(learner_key="L03", first_name="Chloé", last_name="Roy", phone="613-555-0103",
                       intake_date=date(2026, 4, 1), exit_date=date(2026, 9, 20), goal_path="employment"),
        "L04": Learner(learner_key="L04", first_name="Dan", last_name="Smith", phone="613-555-0104",
                       intake_date=date(2025, 10, 1), exit_date=date(2026, 6, 15),
                       goal_path="secondary_school_credit"),
        "L05": Learner(learner_key="L05", first_name="Eve", last_name="Nguyen", phone="613-555-0105",
                       intake_date=date(2025, 1, 1), exit_date=date(2026, 3, 10)),
        "L06": Learner(learner_key="L06", first_name="Frank", last_name="Leblanc", phone="613-555-0106",
                       intake_date=date(2026, 5, 5)),
        "L07": Learner(learner_key="L07", first_name="Gina", last_name="Ottawa", phone="613-555-0107",
                       intake_date=date(2025, 12, 1), exit_date=date(2026, 3, 10)),
    }
    session.add_all([ow, food, *people.values()])
    session.flush()
    L = {key: learner.id for key, learner in people.items()}
    session.add_all([
        Referral(referral_key="R001", learner_id=L["L01"], direction="in", referral_date=date(2026, 9, 5),
                 partner_id=ow.id, formal=True, reason="Needs upgrading for a job", cams_entered_date=date(2026, 9, 6)),
        Referral(referral_key="R002", learner_id=L["L02"], direction="in", referral_date=date(2026, 9, 10),
                 source="word_of_mouth", formal=False, reason="Heard from a neighbour"),
        Referral(referral_key="R003", learner_id=L["L03"], direction="out", referral_date=date(2026, 9, 12),
                 partner_id=food.id, formal=True, reason="Food support while in training"),
        Referral(referral_key="R004", learner_id=L["L01"], direction="out", referral_date=date(2026, 9, 2),
                 partner_id=food.id, formal=False, reason="Informal mention of the food bank"),
        # an earlier formal referral, keyed into CaMS only after the month: still "not in CaMS"
        Referral(referral_key="R000", learner_id=L["L04"], direction="out", referral_date=date(2026, 8, 20),
                 partner_id=ow.id, formal=True, cams_entered_date=date(2026, 10, 2)),
        Inquiry(inquiry_key="Q1", inquiry_date=date(2026, 9, 3), channel="phone", source="word_of_mouth"),
        Inquiry(inquiry_key="Q2", inquiry_date=date(2026, 9, 4), channel="phone", source="ontario_works"),
        Inquiry(inquiry_key="Q3", inquiry_date=date(2026, 9, 8), channel="phone"),
        Inquiry(inquiry_key="Q4", inquiry_date=date(2026, 9, 9), channel="walk_in", source="self",
                learner_id=L["L02"]),
        Inquiry(inquiry_key="Q5", inquiry_date=date(2026, 8, 30), channel="email"),  # not this month
        FollowUp(learner_id=L["L07"], months=6, done_date=date(2026, 9, 9)),  # done: not due
    ])
    session.flush()
    return people


def test_every_figure_of_the_month_is_on_the_sheet(session, september):
    figures = monthly_figures(session, SEPTEMBER)
    pages = pages_text(monthly_sheet_pdf(session, SEPTEMBER, printed_on=date(2026, 10, 2)))
    lines = sheet_lines(pages)
    text = flat(" ".join(lines))

    assert "Monthly tracking sheet — September 2026" in text
    assert f"Fiscal year {figures['fiscal_year']}" in text and "Printed on 2026-10-02" in text

    inquiries = figures["inquiries"]
    assert inquiries["total"] == 4 and inquiries["enrolled"] == 1
    assert has_row(lines, "Inquiries this month", str(inquiries["total"]))
    assert has_row(lines, "Enrolled (of this month's inquiries)", str(inquiries["enrolled"]))
    for code, count in inquiries["by_channel"].items():
        assert has_row(lines, INQUIRY_CHANNELS.label(code), str(count)), code
    for code, count in inquiries["by_source"].items():
        name = "Not recorded" if code == "unknown" else (ORG_TYPES.label(code) if code in ORG_TYPES
                                                         else INFORMAL_SOURCES.label(code))
        assert has_row(lines, name, str(count)), code

    learners = figures["learners"]
    assert has_row(lines, "Active learners", str(learners["active"]))
    assert has_row(lines, "New this month (intake)", str(learners["new"]))
    assert has_row(lines, "Exited this month", str(learners["exited"]))
    for code, count in learners["by_goal_path"].items():
        name = "Not recorded" if code == "unknown" else GOAL_PATHS.label(code)
        assert has_row(lines, name, str(count)), code

    inbound, outbound = figures["referrals_in"], figures["referrals_out"]
    assert has_row(lines, "Total", str(inbound["total"]), str(outbound["total"]))
    assert has_row(lines, "Formal — counts for the ministry", str(inbound["formal"]), str(outbound["formal"]))
    assert has_row(lines, "Informal — does not count", str(inbound["total"] - inbound["formal"]),
                   str(outbound["total"] - outbound["formal"]))
    assert has_row(lines, "Ontario Works", "1")
    assert has_row(lines, "Food bank", "2")
    assert has_row(lines, "Word of mouth (informal)", "1")

    c = figures["service_coordination"]
    assert c["closed_plans"] == 2 and c["closed_with_formal_referral"] == 1  # R000 came after the exit
    assert has_row(lines, "Plans closed this fiscal year", str(c["closed_plans"]))
    assert has_row(lines, "Closed plans with a formal referral", str(c["closed_with_formal_referral"]))
    assert has_row(lines, "Formal referrals on closed plans", str(c["formal_referrals_on_closed"]))
    assert has_row(lines, "Service coordination", f"{c['percent']:.1f}%")
    assert has_row(lines, "Target", f"{c['target_percent']}%")
    assert any(line.startswith("Referrals still needed") for line in lines)
    assert f"{c['percent']:.1f}%" in text

    # the gap list, with names and phone numbers to call
    assert figures["gaps"] == ["L02", "L06"]
    assert f"Active learners with no formal referral — {len(figures['gaps'])} to call" in text
    assert has_row(lines, "L02", "Bob Tremblay", "613-555-0102", "2026-09-10", "Word of mouth")
    assert has_row(lines, "L06", "Frank Leblanc", "613-555-0106", "2026-05-05")

    # referrals not yet keyed into CaMS: id, date, learner, partner
    assert figures["not_in_cams"] == ["R000", "R003"]
    assert f"Referrals not yet keyed into CaMS — {len(figures['not_in_cams'])}" in text
    assert has_row(lines, "R000", "2026-08-20", "Out", "Dan Smith", "Alder County Ontario Works")
    assert has_row(lines, "R003", "2026-09-12", "Out", "Chloé Roy", "Port Alder Community Food Bank")

    # follow-ups due: learner, 3/6/12 months, due date
    due = figures["follow_ups_due"]
    assert [(item["learner_id"], item["months"]) for item in due] == [("L05", 6), ("L04", 3)]
    assert has_row(lines, "L05", "Eve Nguyen", "613-555-0105", "6 months", "2026-09-10")
    assert has_row(lines, "L04", "Dan Smith", "613-555-0104", "3 months", "2026-09-15")


def test_the_packet_has_one_form_per_referral_of_the_month_in_date_order(session, september):
    pages = pages_text(monthly_sheet_pdf(session, SEPTEMBER))
    form_pages = [flat(text) for text in pages if is_form_page(text)]
    month_referrals = ["R004", "R001", "R002", "R003"]  # by date: 2, 5, 10, 12 September
    assert len(form_pages) == len(month_referrals)  # every form fits one page
    found = [re.search(r"RETURN SLIP — Referral no\. (R\d+)", page).group(1) for page in form_pages]
    assert found == month_referrals
    assert "R000" not in found  # dated in August
    first_form = next(i for i, text in enumerate(pages) if is_form_page(text))
    assert all(is_form_page(text) for text in pages[first_form:])  # each form starts on its own page
    # page numbers on every page
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in text


def test_the_sheet_alone_lists_the_months_referrals_without_their_forms(session, september):
    pages = pages_text(monthly_sheet_pdf(session, SEPTEMBER, with_referral_forms=False))
    assert not any(is_form_page(text) for text in pages)
    lines = sheet_lines(pages)
    assert "Referrals dated in September 2026 — 4" in flat(" ".join(lines))
    assert has_row(lines, "R002", "2026-09-10", "In", "Bob Tremblay", "Word of mouth", "No")


def test_a_month_with_no_data_prints_a_clean_sheet_that_says_so(session):
    month = Month(2031, 1)
    pages = pages_text(monthly_sheet_pdf(session, month, printed_on=date(2031, 2, 1)))
    assert len(pages) <= 2
    text = flat(" ".join(pages))
    assert "Nothing was recorded for January 2031" in text
    assert "Monthly tracking sheet — January 2031" in text and "Fiscal year 2030-2031" in text
    assert "Active learners with no formal referral — 0 to call" in text
    assert text.count("None this month.") >= 4
    assert not any(is_form_page(page) for page in pages)
    assert f"Page 1 of {len(pages)}" in pages[0]


def test_the_command_line_writes_the_packet(session, september, db_path, tmp_path):
    import subprocess
    import sys

    session.commit()
    out = tmp_path / "sheet.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "lbsdesk", "--db", str(db_path), "print", "sheet", "--month", "2026-09",
         "--out", str(out)], capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    pages = pages_text(out.read_bytes())
    assert sum(1 for text in pages if is_form_page(text)) == 4
