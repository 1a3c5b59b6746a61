"""The records behind each number of the monthly sheet: as many as the number, and the lists' people."""

from datetime import date

from lbsdesk.domain.calendar_rules import Month
from lbsdesk.services.demo_data import build_demo
from lbsdesk.services.month_records import load_month_sheet, records_behind
from lbsdesk.services.monthly_report import monthly_figures

OCTOBER = Month(2026, 10)


def test_every_number_has_exactly_its_records(session):
    build_demo(session, learners=80, seed=2, today=date(2026, 11, 15))
    figures = monthly_figures(session, OCTOBER)
    checks = {
        "inquiries.total": figures["inquiries"]["total"],
        "inquiries.enrolled": figures["inquiries"]["enrolled"],
        **{f"inquiries.by_channel.{c}": n for c, n in figures["inquiries"]["by_channel"].items()},
        **{f"inquiries.by_source.{c}": n for c, n in figures["inquiries"]["by_source"].items()},
        **{f"learners.{k}": figures["learners"][k] for k in ("active", "new", "exited")},
        **{f"learners.by_goal_path.{c}": n for c, n in figures["learners"]["by_goal_path"].items()},
        **{f"service_coordination.{k}": figures["service_coordination"][k]
           for k in ("closed_plans", "closed_with_formal_referral", "formal_referrals_on_closed")},
    }
    for section in ("referrals_in", "referrals_out"):
        data = figures[section]
        checks[f"{section}.total"] = data["total"]
        checks[f"{section}.formal"] = data["formal"]
        checks[f"{section}.informal"] = data["total"] - data["formal"]
        checks.update({f"{section}.by_type.{c}": n for c, n in data["by_type"].items()})
    for figure, count in checks.items():
        assert len(records_behind(session, OCTOBER, figure)) == count, figure


def test_the_month_sheet_names_the_people_on_its_lists(session):
    build_demo(session, learners=80, seed=2, today=date(2026, 11, 15))
    sheet = load_month_sheet(session, OCTOBER, today=date(2026, 11, 15))
    assert [line.learner_key for line in sheet.gaps] == sheet.figures["gaps"]
    assert all(line.name and line.id for line in sheet.gaps)
    assert [line.referral_key for line in sheet.not_in_cams] == sheet.figures["not_in_cams"]
    assert len(sheet.follow_ups_due) == len(sheet.figures["follow_ups_due"])
    assert sheet.referral_forms == sheet.figures["referrals_in"]["total"] + sheet.figures["referrals_out"]["total"]
