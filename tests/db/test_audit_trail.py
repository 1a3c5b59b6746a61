"""Every change made through the ORM lands in the audit trail, with who, which record and field."""

from datetime import date

from sqlalchemy import select

from lbsdesk.db.models import AuditEntry, Learner, Staff


def test_insert_update_delete_are_recorded_with_the_staff_member(database):
    with database.session() as session:
        staff = Staff(name="Dana")
        session.add(staff)
    with database.session() as session:
        session.info["staff_id"] = staff.id
        session.add(Learner(learner_key="L1", first_name="Marie", last_name="Côté", intake_date=date(2026, 9, 1)))
    with database.session() as session:
        session.info["staff_id"] = staff.id
        learner = session.scalars(select(Learner)).one()
        learner.phone = "555-0101"
        learner.exit_date = date(2026, 10, 1)
    with database.session() as session:
        session.delete(session.scalars(select(Learner)).one())
    with database.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "learner").order_by(AuditEntry.id)).all()
    summary = [(e.action, e.field, e.old_value, e.new_value, e.staff_id) for e in entries]
    assert summary[0] == ("insert", None, None, None, staff.id)
    assert ("update", "phone", None, "555-0101", staff.id) in summary
    assert ("update", "exit_date", None, "2026-10-01", staff.id) in summary
    assert summary[-1][0] == "delete"
    assert all(e.record_id == entries[0].record_id == e.learner_id for e in entries)


def test_password_hashes_never_enter_the_trail(database):
    with database.session() as session:
        session.add(Staff(name="Dana", password_hash="secret-hash"))
    with database.session() as session:
        session.scalars(select(Staff)).one().password_hash = "other-hash"
    with database.session() as session:
        values = {e.new_value for e in session.scalars(select(AuditEntry))}
    assert "other-hash" not in values and "secret-hash" not in values
