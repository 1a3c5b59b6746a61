"""The printed to-do sheet: groups with counts, overdue in words, an empty sheet says so."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from pypdf import PdfReader

from lbsdesk.printing.todo_sheet import TodoLine, render_todo_sheet


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_groups_with_counts_and_overdue_in_words():
    lines = [
        TodoLine("follow_up", "Follow-up due", "Ann Lee", "L00001", "3-month follow-up (exit 2026-05-31)",
                 date(2026, 8, 31), True),
        TodoLine("check_in", "Check-in overdue", "Bo Ray", "L00002", "No check-in since 2026-09-01",
                 date(2026, 10, 6), False),
    ]
    kinds = [("plan_review", "Plan review due"), ("check_in", "Check-in overdue"), ("follow_up", "Follow-up due")]
    text = _text(render_todo_sheet(lines, printed_on=date(2026, 11, 22), kinds=kinds))
    assert "To do" in text and "2 lines · 1 overdue" in text
    assert "Plan review due (0)" in text and "Check-in overdue (1)" in text and "Follow-up due (1)" in text
    assert "Ann Lee" in text and "OVERDUE" in text and "L00002" in text


def test_many_lines_run_over_pages():
    lines = [TodoLine("no_formal_referral", "No formal referral", f"Learner {n}", f"L{n:05}", "No formal referral yet",
                      None, False) for n in range(120)]
    reader = PdfReader(BytesIO(render_todo_sheet(lines, printed_on=date(2026, 11, 22))))
    assert len(reader.pages) >= 3
    assert "Learner 119" in reader.pages[-1].extract_text()


def test_nothing_due():
    assert "Nothing is due" in _text(render_todo_sheet([], printed_on=date(2026, 11, 22)))
