"""The audit trail of one learner, in plain words, with the staff member of every change."""

from datetime import date

from lbsdesk.db.models import CheckIn, Learner, LearnerPlan, Milestone, Partner, Referral, ReferralStatusEntry, Staff
from lbsdesk.domain.codes import REFERRAL_STATUSES
from lbsdesk.services.audit_view import audit_trail_for_learner


def test_every_change_on_the_file_is_shown_with_who_and_what(database):
    with database.session() as session:
        dana, sam = Staff(name="Dana"), Staff(name="Sam")
        partner = Partner(partner_key="P1", name="Ontario Works", org_type="ontario_works")
        session.add_all([dana, sam, partner])
        session.flush()
        ids = dana.id, sam.id, partner.id
    dana_id, sam_id, partner_id = ids

    with database.session() as session:
        session.info["staff_id"] = dana_id
        learner = Learner(learner_key="L1", first_name="Marie", last_name="Côté", intake_date=date(2026, 4, 1),
                          stage="initial")
        other = Learner(learner_key="L2", first_name="Luc", last_name="Roy", intake_date=date(2026, 4, 1))
        session.add_all([learner, other])
        session.flush()
        learner_id = learner.id
        session.add(Referral(referral_key="R7", learner_id=learner.id, direction="out", referral_date=date(2026, 4, 2),
                             partner_id=partner_id, formal=True))
        plan = LearnerPlan(learner_id=learner.id, number=1)
        plan.milestones.append(Milestone(description="Read a bus schedule", competency="A", level=1))
        session.add(plan)
        session.add(CheckIn(learner_id=other.id, check_in_date=date(2026, 4, 9)))
    with database.session() as session:
        session.info["staff_id"] = sam_id
        learner = session.get(Learner, learner_id)
        learner.phone = "705-555-0101"
        learner.goal_path = "employment"
        referral = session.query(Referral).one()
        referral.status = "accepted"
        referral.status_history.append(ReferralStatusEntry(status="accepted", status_date=date(2026, 4, 5)))
        session.query(Milestone).one().completed_date = date(2026, 4, 20)
        session.add(CheckIn(learner_id=learner_id, check_in_date=date(2026, 4, 10)))

    with database.session() as session:
        rows = audit_trail_for_learner(session, learner_id)

    descriptions = [(row.staff_name, row.description) for row in rows]
    assert ("Sam", 'Learner file: Phone set to "705-555-0101"') in descriptions
    assert ("Sam", 'Learner file: Goal path set to "Employment"') in descriptions
    assert ("Dana", "Added learner file") in descriptions
    assert ("Dana", "Added referral R7") in descriptions
    assert any(staff == "Sam" and text.startswith("Referral R7: Status changed from") for staff, text in descriptions)
    assert ("Sam", f"Added referral R7 status {REFERRAL_STATUSES.label('accepted')}") in descriptions
    assert ("Dana", "Added plan 1") in descriptions
    assert ("Dana", "Added plan 1 milestone A1") in descriptions
    assert ("Sam", 'Plan 1 milestone A1: Completed date set to "2026-04-20"') in descriptions
    assert ("Sam", "Added check-in 2026-04-10") in descriptions
    assert not any("2026-04-09" in text for _, text in descriptions)  # another learner's check-in
    assert rows == sorted(rows, key=lambda r: r.changed_at, reverse=True)
    phone = next(r for r in rows if r.field == "Phone")
    assert (phone.record, phone.old_value, phone.new_value, phone.action) == \
        ("Learner file", None, "705-555-0101", "update")


def test_a_change_with_no_one_signed_in_says_so(database):
    with database.session() as session:
        learner = Learner(learner_key="L1", first_name="Marie", last_name="Côté", intake_date=date(2026, 4, 1))
        session.add(learner)
        session.flush()
        learner_id = learner.id
    with database.session() as session:
        rows = audit_trail_for_learner(session, learner_id)
    assert [(r.staff_name, r.description) for r in rows] == [("(no one signed in)", "Added learner file")]
