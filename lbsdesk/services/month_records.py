"""The records behind the monthly sheet's numbers and lists, for the monthly sheet view.

    load_month_sheet(session, month)        the month's state, the figures it shows, and the
                                            people and referrals of its lists (names, phones)
    records_behind(session, month, figure)  the learners, referrals or inquiries one number counts

The figures are ``monthly_figures`` (SPEC.md section 4), the one source; a closed month shows its
frozen figures (``month_close.month_state``).  ``records_behind`` reads the same counting rows as
``monthly_figures`` (``read_counting_rows``) and applies SPEC.md section 4's rule for the one number
asked about, so the list always has as many lines as the number (a test checks every figure).
Nothing here writes.  Plain dataclasses out, no ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from lbsdesk.db.raw_rows import DateReader, raw_rows
from lbsdesk.db.models import Inquiry, Learner, Partner, Referral
from lbsdesk.domain.calendar_rules import FiscalYear, Month, is_active_in
from lbsdesk.domain.codes import INFORMAL_SOURCES
from lbsdesk.domain.monthly_figures import UNKNOWN
from lbsdesk.services.month_close import MonthState, month_state
from lbsdesk.services.monthly_report import monthly_figures, read_counting_rows

_CHUNK = 500

#: Figures ``records_behind`` can list; ``*`` takes a code (channel, source, goal path, kind).
FIGURES = (
    "inquiries.total", "inquiries.enrolled", "inquiries.by_channel.*", "inquiries.by_source.*",
    "learners.active", "learners.new", "learners.exited", "learners.by_goal_path.*",
    "referrals_in.total", "referrals_in.formal", "referrals_in.informal", "referrals_in.by_type.*",
    "referrals_out.total", "referrals_out.formal", "referrals_out.informal", "referrals_out.by_type.*",
    "service_coordination.closed_plans", "service_coordination.closed_with_formal_referral",
    "service_coordination.formal_referrals_on_closed",
)


@dataclass(frozen=True)
class LearnerLine:
    """A learner on one of the sheet's lists: enough to recognise and call them."""

    id: int  #: database id (to open the file)
    learner_key: str
    name: str
    phone: str
    intake_date: date | None
    exit_date: date | None
    goal_path: str | None
    #: how they came to the program: the partner or informal source of their first referral in
    came_by: str = ""


@dataclass(frozen=True)
class ReferralLine:
    """A referral on one of the sheet's lists."""

    id: int  #: database id (to open the referral)
    referral_key: str
    referral_date: date
    direction: str  #: "in" or "out"
    formal: bool
    learner_id: int  #: the learner's database id
    learner_key: str
    learner_name: str
    other_party: str  #: the partner's name, or the informal source's label
    type_code: str | None  #: the partner's org_type, or the informal source code
    cams_entered_date: date | None


@dataclass(frozen=True)
class InquiryLine:
    id: int
    inquiry_key: str
    inquiry_date: date
    channel: str
    source: str | None
    learner_id: int | None  #: database id once the person enrolled
    learner_name: str
    notes: str


@dataclass(frozen=True)
class FollowUpLine:
    learner: LearnerLine
    months: int  #: 3, 6 or 12
    due: date


@dataclass(frozen=True)
class MonthSheet:
    """Everything the monthly sheet view shows for one month."""

    month: Month
    state: MonthState
    figures: dict  #: the frozen figures of a closed month, today's otherwise
    gaps: tuple[LearnerLine, ...]  #: in the figures' order (learner ID); unknown keys skipped
    not_in_cams: tuple[ReferralLine, ...]
    follow_ups_due: tuple[FollowUpLine, ...]
    referral_forms: int  #: referrals dated in the month (forms printed behind the sheet)

    @property
    def frozen(self) -> bool:
        return self.state.figures is not None


@dataclass(frozen=True)
class RecordsBehind:
    """The records one number counts: exactly one of the three lists is filled (``kind``)."""

    figure: str
    kind: str  #: "learner", "referral" or "inquiry"
    learners: tuple[LearnerLine, ...] = field(default=())
    referrals: tuple[ReferralLine, ...] = field(default=())
    inquiries: tuple[InquiryLine, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.learners) + len(self.referrals) + len(self.inquiries)


# --- the month as the view shows it ----------------------------------------------------------------


def load_month_sheet(session: Session, month: Month, *, today: date | None = None) -> MonthSheet:
    """The month's state (open / closed, amendments), its figures and its lists with names.

    A closed month counts its figures once (to find amendments) and shows the frozen ones; an open
    month counts them once."""
    state = month_state(session, month, today=today)
    figures = state.figures if state.figures is not None else monthly_figures(session, month)
    follow_up_keys = [item["learner_id"] for item in figures["follow_ups_due"]]
    learners = learners_by_key(session, [*figures["gaps"], *follow_up_keys], came_by_for=figures["gaps"])
    referrals = referrals_by_key(session, figures["not_in_cams"])
    follow_ups = tuple(
        FollowUpLine(learners[item["learner_id"]], int(item["months"]), date.fromisoformat(item["due"]))
        for item in figures["follow_ups_due"] if item["learner_id"] in learners
    )
    forms = session.scalar(
        select(func.count(Referral.id)).where(
            Referral.referral_date >= month.first_day, Referral.referral_date <= month.last_day
        )
    ) or 0
    return MonthSheet(
        month=month, state=state, figures=figures,
        gaps=tuple(learners[key] for key in figures["gaps"] if key in learners),
        not_in_cams=tuple(referrals[key] for key in figures["not_in_cams"] if key in referrals),
        follow_ups_due=follow_ups,
        referral_forms=int(forms),
    )


# --- names and phones by the agency's keys ---------------------------------------------------------


def _chunks(keys: Iterable[str]) -> Iterable[list[str]]:
    keys = sorted(set(keys))
    for start in range(0, len(keys), _CHUNK):
        yield keys[start:start + _CHUNK]


def _name(first: str | None, last: str | None) -> str:
    return f"{first or ''} {last or ''}".strip()


def _other_party(partner_name: str | None, source: str | None) -> str:
    if partner_name:
        return partner_name
    return INFORMAL_SOURCES.label(source) if source else ""


def learners_by_key(session: Session, keys: Iterable[str], *, came_by_for: Iterable[str] = ()) -> dict[str, LearnerLine]:
    """The learners with these learner IDs; ``came_by`` is filled for those in ``came_by_for``."""
    rows: dict[str, dict] = {}
    day = DateReader()
    connection = session.connection()  # raw rows: thousands of names for the lists, read fast
    for chunk in _chunks(keys):
        for learner_id, key, first, last, phone, intake, exit_date, goal_path in raw_rows(
            connection,
            select(Learner.id, Learner.learner_key, Learner.first_name, Learner.last_name, Learner.phone,
                   Learner.intake_date, Learner.exit_date, Learner.goal_path)
            .where(Learner.learner_key.in_(chunk)),
        ):
            rows[key] = dict(
                id=learner_id, learner_key=key, name=_name(first, last), phone=phone or "",
                intake_date=day[intake], exit_date=day[exit_date], goal_path=goal_path,
            )
    came_by: dict[str, str] = {}
    for chunk in _chunks(k for k in came_by_for if k in rows):
        for key, partner_name, source in session.execute(
            select(Learner.learner_key, Partner.name, Referral.source)
            .join(Learner, Referral.learner_id == Learner.id)
            .outerjoin(Partner, Referral.partner_id == Partner.id)
            .where(Referral.direction == "in", Learner.learner_key.in_(chunk))
            .order_by(Referral.referral_date.desc(), Referral.id.desc())
        ):
            came_by[key] = _other_party(partner_name, source)  # the last one written wins: the first
    return {key: LearnerLine(came_by=came_by.get(key, ""), **values) for key, values in rows.items()}


_REFERRAL_COLUMNS = (
    Referral.id, Referral.referral_key, Referral.referral_date, Referral.direction, Referral.formal,
    Learner.id.label("learner_db_id"), Learner.learner_key, Learner.first_name, Learner.last_name,
    Partner.name.label("partner_name"), Partner.org_type, Referral.source, Referral.cams_entered_date,
)


def _referral_line(row) -> ReferralLine:  # noqa: ANN001
    return ReferralLine(
        id=row.id, referral_key=row.referral_key, referral_date=row.referral_date, direction=row.direction,
        formal=bool(row.formal), learner_id=row.learner_db_id, learner_key=row.learner_key,
        learner_name=_name(row.first_name, row.last_name), other_party=_other_party(row.partner_name, row.source),
        type_code=row.org_type or row.source, cams_entered_date=row.cams_entered_date,
    )


def _referral_select():  # noqa: ANN202
    return (
        select(*_REFERRAL_COLUMNS)
        .join(Learner, Referral.learner_id == Learner.id)
        .outerjoin(Partner, Referral.partner_id == Partner.id)
    )


def referrals_by_key(session: Session, keys: Iterable[str]) -> dict[str, ReferralLine]:
    """The referrals with these referral IDs."""
    lines: dict[str, ReferralLine] = {}
    for chunk in _chunks(keys):
        for row in session.execute(_referral_select().where(Referral.referral_key.in_(chunk))):
            lines[row.referral_key] = _referral_line(row)
    return lines


# --- the records behind one number ---------------------------------------------------------------


def records_behind(session: Session, month: Month, figure: str) -> RecordsBehind:
    """The records counted by ``figure`` (one of ``FIGURES``, e.g. ``learners.by_goal_path.employment``
    or ``referrals_in.by_type.ontario_works``) in ``month``, as they stand today."""
    section, _, rest = figure.partition(".")
    name, _, code = rest.partition(".")
    if section == "inquiries":
        return RecordsBehind(figure, "inquiry", inquiries=tuple(_inquiries_behind(session, month, name, code)))
    rows = read_counting_rows(session, month)
    first, last = month.first_day, month.last_day
    if section == "learners":
        active = name in ("active", "by_goal_path")
        keys = [
            l.learner_id for l in rows.learners
            if (active and is_active_in(month, l.intake_date, l.exit_date)
                and (name == "active" or (l.goal_path or UNKNOWN) == code))
            or (name == "new" and month.contains(l.intake_date))
            or (name == "exited" and month.contains(l.exit_date))
        ]
        return _learners_result(session, figure, keys)
    if section in ("referrals_in", "referrals_out"):
        direction = "in" if section == "referrals_in" else "out"
        keys = [
            r.referral_id for r in rows.referrals
            if r.direction == direction and month.contains(r.referral_date)
            and (name == "total" or (name == "formal" and r.formal) or (name == "informal" and not r.formal)
                 or (name == "by_type" and (r.type_code or UNKNOWN) == code))
        ]
        return _referrals_result(session, figure, keys)
    if section == "service_coordination":
        fiscal_year = FiscalYear.of(first)
        closed = {
            l.learner_id: l.exit_date for l in rows.learners
            if l.exit_date is not None and fiscal_year.contains(l.exit_date) and l.exit_date <= last
        }
        formal_on_closed = [
            r for r in rows.referrals
            if r.formal and r.referral_date <= last and r.learner_id in closed and r.referral_date <= closed[r.learner_id]
        ]
        if name == "closed_plans":
            return _learners_result(session, figure, list(closed))
        if name == "closed_with_formal_referral":
            return _learners_result(session, figure, list({r.learner_id for r in formal_on_closed}))
        if name == "formal_referrals_on_closed":
            return _referrals_result(session, figure, [r.referral_id for r in formal_on_closed])
    raise ValueError(f"'{figure}' is not a figure of the monthly sheet")


def _learners_result(session: Session, figure: str, keys: list[str]) -> RecordsBehind:
    found = learners_by_key(session, keys)
    lines = sorted((found[k] for k in set(keys) if k in found), key=lambda l: (l.name.casefold(), l.learner_key))
    return RecordsBehind(figure, "learner", learners=tuple(lines))


def _referrals_result(session: Session, figure: str, keys: list[str]) -> RecordsBehind:
    found = referrals_by_key(session, keys)
    lines = sorted((found[k] for k in set(keys) if k in found), key=lambda r: (r.referral_date, r.referral_key))
    return RecordsBehind(figure, "referral", referrals=tuple(lines))


def _inquiries_behind(session: Session, month: Month, name: str, code: str) -> list[InquiryLine]:
    query = (
        select(Inquiry.id, Inquiry.inquiry_key, Inquiry.inquiry_date, Inquiry.channel, Inquiry.source,
               Inquiry.learner_id, Learner.first_name, Learner.last_name, Inquiry.notes)
        .outerjoin(Learner, Inquiry.learner_id == Learner.id)
        .where(Inquiry.inquiry_date >= month.first_day, Inquiry.inquiry_date <= month.last_day)
        .order_by(Inquiry.inquiry_date, Inquiry.id)
    )
    if name == "enrolled":
        query = query.where(Inquiry.learner_id.is_not(None))
    elif name == "by_channel":
        query = query.where(Inquiry.channel == code)
    elif name == "by_source":
        query = query.where(
            or_(Inquiry.source.is_(None), Inquiry.source == "") if code == UNKNOWN else Inquiry.source == code
        )
    elif name != "total":
        raise ValueError(f"'inquiries.{name}' is not a figure of the monthly sheet")
    return [
        InquiryLine(row.id, row.inquiry_key, row.inquiry_date, row.channel, row.source, row.learner_id,
                    _name(row.first_name, row.last_name), row.notes or "")
        for row in session.execute(query)
    ]
