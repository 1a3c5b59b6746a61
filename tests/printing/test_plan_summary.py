"""The printed plan summary: the learner's copy (plain, large type) and the file copy (everything)."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

from pypdf import PdfReader

from lbsdesk.printing.plan_summary import LEARNER_BODY, MilestoneLine, PlanSummaryData, ReferralLine, render_plan_summary
from lbsdesk.services import plans as plan_service
from lbsdesk.services.plan_summary_printing import plan_summary_data, plan_summary_pdf

# a 1×1 white PNG
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff3f0005fe02fe"
    "a7d6a4c50000000049454e44ae426082"
)


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def _data(**extra) -> PlanSummaryData:
    values = dict(
        learner_name="Rosa Diaz", learner_key="L00042", printed_on=date(2026, 11, 22), plan_number=2,
        written_date=date(2026, 3, 1), goal_path="Employment", goal="Work in a grocery store",
        culminating_task="Complete a job application", supports_needed="Bus tickets; child care on Tuesdays",
        next_review_date=date(2026, 12, 1), stage="Participation",
        stages=[("Initial", date(2026, 2, 1)), ("Commencement", date(2026, 3, 1)), ("Participation", date(2026, 3, 15))],
        milestones=[MilestoneLine("Read a work schedule", "A", "Find and Use Information", 1, planned=date(2026, 4, 1),
                                  completed=date(2026, 4, 3), status="completed", status_label="Completed"),
                    MilestoneLine("Fill in a time sheet", "C", "Understand and Use Numbers", 2,
                                  planned=date(2026, 12, 10))],
        referrals=[ReferralLine(date(2026, 5, 2), "out", "Valley Child Care", "Accepted", True, "Child care")],
    )
    values.update(extra)
    return PlanSummaryData(**values)


def test_both_copies_in_order():
    pages = _pages(render_plan_summary(_data(timeline_png=PNG)))
    learner, file_copy = pages[0], "\n".join(pages[1:])
    assert "My learning plan" in learner and "My goal" in learner and "Work in a grocery store" in learner
    assert "Read a work schedule — Done on" in learner and "Plan to try by" in learner
    assert "Valley Child Care" in learner and "Bus tickets" in learner
    assert "Learner plan" in file_copy and "L00042" in file_copy and "Timeline" in file_copy
    assert "Find and Use" in file_copy and "Commencement" in file_copy and "Accepted" in file_copy


def test_the_learners_copy_is_large_type():
    from pypdf import PdfReader

    assert LEARNER_BODY >= 13
    reader = PdfReader(BytesIO(render_plan_summary(_data(), copies="learner")))
    seen = []
    reader.pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: seen.append((text, size * tm[0])) if text.strip() else None)
    footer = ("Printed on", "Page ", "my plan")
    body = [size for text, size in seen if not any(part in text for part in footer)]
    assert len(body) > 10 and min(body) >= 13


def test_prints_without_a_picture_or_a_plan():
    pages = _pages(render_plan_summary(PlanSummaryData("No Plan", "L1", date(2026, 11, 22)), copies="file"))
    assert "No plan written yet" in pages[0] and "No milestones yet" in pages[0]


def test_from_the_database(session, database):
    from lbsdesk.services import learners

    record = learners.new_learner_record(session)
    record.first_name, record.last_name = "Sam", "Summary"
    record.intake_date = date.today() - timedelta(days=30)
    learner_id = learners.save_learner(session, record)
    plan = plan_service.new_plan_record(session, learner_id)
    plan.goal = "Get my GED"
    plan.milestones = [plan_service.MilestoneRecord(description="Write a paragraph", competency="B", level=1)]
    plan_service.save_plan(session, learner_id, plan)
    data = plan_summary_data(session, learner_id)
    assert data.goal == "Get my GED" and data.milestones[0].competency_label == "Communicate Ideas and Information"
    text = "\n".join(_pages(plan_summary_pdf(session, learner_id, copies="both")))
    assert "Sam Summary" in text and "Write a paragraph" in text
