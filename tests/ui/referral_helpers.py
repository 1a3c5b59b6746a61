"""Shared set-up for the referral, partner and outreach UI tests: partners saved through the service."""

from __future__ import annotations

from lbsdesk.services import partners as partner_service


def add_partner(database, name: str, org_type: str = "ontario_works", **fields) -> int:
    with database.session() as session:
        record = partner_service.new_partner_record(session)
        record.name, record.org_type = name, org_type
        for key, value in fields.items():
            setattr(record, key, value)
        return partner_service.save_partner(session, record)


def close_clean(dialog) -> None:
    """Close a form without the "unsaved changes" question (qtbot closes widgets after each test)."""
    dialog._dirty = False
    dialog.done(0)


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def no_unsaved_question_at_teardown(qtbot, monkeypatch):
    """Closing a form never asks about unsaved changes (qtbot closes every widget after the test)."""
    from lbsdesk.ui.referral_form_dialog import ReferralFormDialog

    monkeypatch.setattr(ReferralFormDialog, "confirm_discard", lambda self: True)
