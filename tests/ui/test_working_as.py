"""Without staff accounts, "Working as" in the status bar says who makes each change (audit trail)."""

from datetime import date

from sqlalchemy import select

from lbsdesk.db.models import AuditEntry, Staff
from lbsdesk.ui import settings as opts
from tests.ui.data_safety_helpers import controller_for


def test_the_chosen_name_is_recorded_on_every_change(qtbot, window, database, qsettings, make_learner):
    with database.session() as session:
        session.add_all([Staff(name="Dana Reid"), Staff(name="Luc Ouellet")])
    controller = controller_for(window, database, qsettings, automatic_backups=False, idle_lock=False)
    combo = controller.working_as
    assert combo.isVisibleTo(window)
    assert [combo.itemText(i) for i in range(combo.count())][1:] == ["Dana Reid", "Luc Ouellet"]

    combo.setCurrentIndex(combo.findText("Luc Ouellet"))
    learner_id = make_learner("Nora", "Gap", intake_date=date(2026, 9, 1))
    with database.session() as session:
        luc = session.scalars(select(Staff.id).where(Staff.name == "Luc Ouellet")).one()
        staff_ids = set(session.scalars(select(AuditEntry.staff_id).where(AuditEntry.learner_id == learner_id)))
    assert staff_ids == {luc}
    assert opts.read(qsettings, opts.WORKING_AS) == luc  # remembered for next time on this PC
