"""Issue 6: the figures on the view, in the JSON and on the printed sheet are the same numbers, and a
change to a closed month is listed as an amendment on the next month's printed sheet."""

import io
import json
from datetime import date

from pypdf import PdfReader
from PySide6.QtWidgets import QLabel

from lbsdesk.cli import main
from lbsdesk.db.models import Learner, Partner, Referral
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.services.month_close import close_month
from lbsdesk.services.sheet_printing import monthly_sheet_pdf
from lbsdesk.ui.monthly_sheet_pane import MonthlySheetPane

SEPT = Month(2026, 9)


def _agency(database):
    with database.session() as session:
        ow = Partner(partner_key="P1", name="Ontario Works", org_type="ontario_works")
        session.add(ow)
        session.flush()
        for n in range(1, 6):
            learner = Learner(learner_key=f"L{n:05d}", first_name=f"Ann{n}", last_name="Roy",
                              intake_date=date(2026, 4, n), exit_date=date(2026, 9, 10) if n <= 2 else None,
                              search_text="")
            session.add(learner)
            session.flush()
            if n % 2:
                session.add(Referral(referral_key=f"R{n:06d}", learner_id=learner.id, direction="in",
                                     referral_date=date(2026, 9, n), partner_id=ow.id, formal=True))


def _pdf_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_view_json_and_pdf_show_the_same_numbers(qtbot, database, db_path, capsys):
    _agency(database)
    assert main(["--db", str(db_path), "report", "monthly", "--month", "2026-09"]) == 0
    figures = json.loads(capsys.readouterr().out)

    pane = MonthlySheetPane(database, today=date(2026, 11, 22))
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.month_loaded, timeout=10_000):
        pane.show_month(SEPT)
    view_text = " ".join(label.text() for label in pane.findChildren(QLabel))

    with database.session() as session:
        pdf_text = _pdf_text(monthly_sheet_pdf(session, SEPT, with_referral_forms=False))

    coordination = figures["service_coordination"]
    percent = f"{coordination['percent']:.1f}%"
    for text in (view_text, pdf_text):
        assert percent in text
        assert str(figures["learners"]["active"]) in text
    assert coordination["closed_plans"] == 2 and coordination["closed_with_formal_referral"] == 1
    assert figures["referrals_in"] == {"total": 3, "formal": 3, "by_type": {"ontario_works": 3}}
    assert all(key in pdf_text for key in figures["not_in_cams"])


def test_a_change_after_closing_is_an_amendment_on_the_next_months_sheet(database):
    _agency(database)
    with database.session() as session:
        close_month(session, SEPT, make_pdf=lambda s, m: b"%PDF-frozen", now=None)
    with database.session() as session:  # a formal referral out dated in September, keyed in later
        learner = session.query(Learner).filter_by(learner_key="L00002").one()
        session.add(Referral(referral_key="R000099", learner_id=learner.id, direction="out",
                             referral_date=date(2026, 9, 8), partner_id=1, formal=True))
    with database.session() as session:
        october = _pdf_text(monthly_sheet_pdf(session, Month(2026, 10), with_referral_forms=False))
    assert "Amendments to September 2026 (closed)" in october
    assert "Referrals out" in october and "0 → 1" in october
