"""The outreach log: presentations, staff-meeting visits, networking events, committees, brochure drops
and email campaigns aimed at partners, and "monitor your asks": which partners referred learners to us
in the 90 days after an activity reached them.

A referral in from a partner follows an activity that reached that partner when it is dated on the
activity's day or up to 90 days after (``lbsdesk.domain.referral_rules.follows_outreach``).  A
referral that follows two activities counts under each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lbsdesk.db.models import OutreachActivity, Partner, Referral, Staff, outreach_partner
from lbsdesk.domain.codes import OUTREACH_KINDS
from lbsdesk.domain.referral_rules import OUTREACH_WINDOW_DAYS, follows_outreach
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services.record_values import clean_text as _clean, today_or as _today


@dataclass
class OutreachRecord:
    """Every editable field of an outreach activity; ``id`` None for a new one."""

    id: int | None = None
    activity_date: date | None = None
    kind: str = "presentation"
    title: str = ""
    staff_id: int | None = None
    attendees: int | None = None
    notes: str | None = None
    partner_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class OutreachRow:
    """An activity as the outreach log shows it."""

    id: int
    activity_date: date
    kind: str
    kind_label: str
    title: str
    staff_id: int | None
    staff_name: str | None
    attendees: int | None
    partner_ids: tuple[int, ...]
    partner_names: tuple[str, ...]


@dataclass(frozen=True)
class FollowingReferral:
    referral_id: int
    referral_key: str
    referral_date: date
    formal: bool
    learner_id: int


@dataclass(frozen=True)
class OutreachEffect:
    """One activity and one partner it reached, with the referrals in from that partner that followed."""

    outreach_id: int
    activity_date: date
    kind: str
    title: str
    partner_id: int
    partner_name: str
    referrals: tuple[FollowingReferral, ...]

    @property
    def referral_count(self) -> int:
        return len(self.referrals)

    @property
    def formal_count(self) -> int:
        return sum(1 for r in self.referrals if r.formal)


def new_outreach_record(today: date | None = None, staff_id: int | None = None) -> OutreachRecord:
    """A blank activity dated today, a presentation by the staff member at the desk."""
    return OutreachRecord(activity_date=_today(today), staff_id=staff_id)


def _get_activity(session: Session, outreach_id: int) -> OutreachActivity:
    activity = session.get(OutreachActivity, outreach_id)
    if activity is None:
        raise LbsDeskError(f"There is no outreach activity with the number {outreach_id}; refresh the outreach log.")
    return activity


def load_outreach(session: Session, outreach_id: int) -> OutreachRecord:
    activity = _get_activity(session, outreach_id)
    return OutreachRecord(
        id=activity.id, activity_date=activity.activity_date, kind=activity.kind, title=activity.title,
        staff_id=activity.staff_id, attendees=activity.attendees, notes=activity.notes,
        partner_ids=sorted(p.id for p in activity.partners),
    )


def validate_outreach(session: Session, record: OutreachRecord, today: date | None = None) -> dict[str, str]:
    """What stops this activity from being saved: field name → message naming the field and the fix."""
    today = _today(today)
    problems: dict[str, str] = {}
    if record.activity_date is None:
        problems["activity_date"] = "Date is required: enter the day of the activity."
    elif record.activity_date > today:
        problems["activity_date"] = (
            f"Date: {record.activity_date.isoformat()} is in the future; log an activity once it has happened."
        )
    kind = _clean(record.kind)
    if not kind:
        problems["kind"] = f"Kind is required: choose what was done ({', '.join(OUTREACH_KINDS.label(c) for c in OUTREACH_KINDS.codes)})."
    elif kind not in OUTREACH_KINDS:
        problems["kind"] = f"Kind: '{kind}' is not one of the choices; pick {OUTREACH_KINDS.describe()}."
    if not _clean(record.title):
        problems["title"] = "Title is required: say in a few words what was done (e.g. 'LBS talk to OW caseworkers')."
    if record.attendees is not None and (not isinstance(record.attendees, int) or record.attendees < 0):
        problems["attendees"] = "Attendees: enter the number of people reached (0 or more), or leave it empty."
    if record.staff_id is not None and session.get(Staff, record.staff_id) is None:
        problems["staff_id"] = "Staff: that staff member no longer exists; choose another."
    wanted = set(record.partner_ids)
    if wanted:
        found = set(session.execute(select(Partner.id).where(Partner.id.in_(wanted))).scalars())
        if found != wanted:
            problems["partner_ids"] = "Partners reached: one of the chosen partners no longer exists; choose them again."
    return problems


def save_outreach(
    session: Session, record: OutreachRecord, staff_id: int | None = None, today: date | None = None
) -> int:
    """Validate and write the activity and the partners it reached; returns its id.  Raises ValidationFailed."""
    problems = validate_outreach(session, record, today)
    if problems:
        raise ValidationFailed(problems)
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    activity = OutreachActivity() if record.id is None else _get_activity(session, record.id)
    if record.id is None:
        session.add(activity)
    values = {
        "activity_date": record.activity_date, "kind": _clean(record.kind), "title": _clean(record.title),
        "staff_id": record.staff_id, "attendees": record.attendees, "notes": _clean(record.notes),
    }
    for name, value in values.items():
        if getattr(activity, name) != value:
            setattr(activity, name, value)
    wanted = sorted(set(record.partner_ids))
    if sorted(p.id for p in activity.partners) != wanted:
        activity.partners = list(session.execute(select(Partner).where(Partner.id.in_(wanted))).scalars()) if wanted else []
    session.flush()
    record.id = activity.id
    return activity.id


def delete_outreach(session: Session, outreach_id: int, staff_id: int | None = None) -> None:
    """Delete the activity (the screen asks "are you sure?" first); the partners stay."""
    activity = _get_activity(session, outreach_id)
    if staff_id is not None:
        session.info["staff_id"] = staff_id
    session.delete(activity)
    session.flush()


def outreach_list(session: Session, since: date | None = None, partner_id: int | None = None) -> list[OutreachRow]:
    """The outreach log, newest first; ``since`` keeps activities on or after that day."""
    statement = (
        select(OutreachActivity.id, OutreachActivity.activity_date, OutreachActivity.kind, OutreachActivity.title,
               OutreachActivity.staff_id, Staff.name.label("staff_name"), OutreachActivity.attendees)
        .outerjoin(Staff, Staff.id == OutreachActivity.staff_id)
        .order_by(OutreachActivity.activity_date.desc(), OutreachActivity.id.desc())
    )
    if since is not None:
        statement = statement.where(OutreachActivity.activity_date >= since)
    if partner_id is not None:
        statement = statement.where(OutreachActivity.id.in_(
            select(outreach_partner.c.outreach_id).where(outreach_partner.c.partner_id == partner_id)
        ))
    rows = session.execute(statement).all()
    reached: dict[int, list[tuple[int, str]]] = {}
    ids = [row.id for row in rows]
    for start in range(0, len(ids), 500):
        for outreach_id, pid, name in session.execute(
            select(outreach_partner.c.outreach_id, Partner.id, Partner.name)
            .join(Partner, Partner.id == outreach_partner.c.partner_id)
            .where(outreach_partner.c.outreach_id.in_(ids[start:start + 500]))
            .order_by(Partner.name)
        ):
            reached.setdefault(outreach_id, []).append((pid, name))
    return [
        OutreachRow(
            id=row.id, activity_date=row.activity_date, kind=row.kind, kind_label=OUTREACH_KINDS.label(row.kind),
            title=row.title, staff_id=row.staff_id, staff_name=row.staff_name, attendees=row.attendees,
            partner_ids=tuple(pid for pid, _ in reached.get(row.id, ())),
            partner_names=tuple(name for _, name in reached.get(row.id, ())),
        )
        for row in rows
    ]


def last_outreach_date(session: Session, partner_id: int) -> date | None:
    """The latest activity that reached this partner."""
    return session.execute(
        select(func.max(OutreachActivity.activity_date))
        .join(outreach_partner, outreach_partner.c.outreach_id == OutreachActivity.id)
        .where(outreach_partner.c.partner_id == partner_id)
    ).scalar_one()


def referrals_following_outreach(
    session: Session, partner_id: int | None = None, days: int = OUTREACH_WINDOW_DAYS
) -> list[OutreachEffect]:
    """For each activity and each partner it reached (only ``partner_id`` when given), the referrals
    in from that partner dated on the activity's day or up to ``days`` days after.  Newest activity first;
    pairs with no referral are included (an ask that brought nothing is worth seeing too)."""
    pairs_statement = (
        select(OutreachActivity.id, OutreachActivity.activity_date, OutreachActivity.kind, OutreachActivity.title,
               Partner.id.label("partner_id"), Partner.name.label("partner_name"))
        .join(outreach_partner, outreach_partner.c.outreach_id == OutreachActivity.id)
        .join(Partner, Partner.id == outreach_partner.c.partner_id)
        .order_by(OutreachActivity.activity_date.desc(), OutreachActivity.id.desc(), Partner.name)
    )
    if partner_id is not None:
        pairs_statement = pairs_statement.where(Partner.id == partner_id)
    pairs = session.execute(pairs_statement).all()
    if not pairs:
        return []
    earliest = min(pair.activity_date for pair in pairs)
    latest = max(pair.activity_date for pair in pairs) + timedelta(days=days)
    partner_ids = sorted({pair.partner_id for pair in pairs})
    by_partner: dict[int, list[FollowingReferral]] = {}
    for start in range(0, len(partner_ids), 500):
        for row in session.execute(
            select(Referral.id, Referral.referral_key, Referral.referral_date, Referral.formal,
                   Referral.learner_id, Referral.partner_id)
            .where(Referral.direction == "in", Referral.partner_id.in_(partner_ids[start:start + 500]),
                   Referral.referral_date.between(earliest, latest))
            .order_by(Referral.referral_date, Referral.referral_key)
        ):
            by_partner.setdefault(row.partner_id, []).append(FollowingReferral(
                referral_id=row.id, referral_key=row.referral_key, referral_date=row.referral_date,
                formal=bool(row.formal), learner_id=row.learner_id,
            ))
    return [
        OutreachEffect(
            outreach_id=pair.id, activity_date=pair.activity_date, kind=pair.kind, title=pair.title,
            partner_id=pair.partner_id, partner_name=pair.partner_name,
            referrals=tuple(
                r for r in by_partner.get(pair.partner_id, ())
                if follows_outreach(pair.activity_date, r.referral_date, days)
            ),
        )
        for pair in pairs
    ]
