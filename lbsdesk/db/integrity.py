"""``lbsdesk check``: is the database sound? SQLite's own checks, then LBS Desk's rules on the data."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from lbsdesk.db.engine import sqlite_path_of
from lbsdesk.db.models import Inquiry, Learner, Partner, Referral
from lbsdesk.domain import codes
from lbsdesk.errors import DatabaseProblem

EXAMPLES_SHOWN = 5


@dataclass
class CheckReport:
    name: str
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def check_database(url: str) -> CheckReport:
    from lbsdesk.db.migrate import head_revision, open_database, current_revision

    path = sqlite_path_of(url)
    report = CheckReport(name=str(path) if path else url)
    if path is not None and not path.exists():
        report.problems.append(f"There is no database at {path}.")
        return report
    try:
        db = open_database(url, migrate=False, check=False)
    except DatabaseProblem as exc:
        report.problems.append(str(exc))
        return report
    try:
        with db.engine.connect() as connection:
            revision = current_revision(connection)
            if revision is None:
                report.notes.append("The database is empty; 'lbsdesk init' creates it.")
                return report
            if path is not None:
                rows = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
                if rows != ["ok"]:
                    report.problems.extend(f"SQLite integrity: {row}" for row in rows[:20])
                for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                    report.problems.append(f"{table} row {rowid} points to a missing {parent} record")
        if revision != head_revision():
            report.notes.append(
                f"The schema is at revision {revision}; it will be updated to {head_revision()} "
                "the next time LBS Desk opens it."
            )
        else:
            with db.session() as session:
                _check_rules(session, report)
    finally:
        db.dispose()
    return report


def _keys(session: Session, key_column, condition) -> list[str]:  # noqa: ANN001
    return list(session.scalars(select(key_column).where(condition).order_by(key_column).limit(EXAMPLES_SHOWN + 1)))


def _problem(report: CheckReport, session: Session, what: str, key_column, condition) -> None:  # noqa: ANN001
    keys = _keys(session, key_column, condition)
    if keys:
        total = session.scalar(select(func.count()).select_from(key_column.class_).where(condition))
        shown = ", ".join(keys[:EXAMPLES_SHOWN]) + (" …" if total > EXAMPLES_SHOWN else "")
        report.problems.append(f"{total} {what}: {shown}")


def _check_rules(session: Session, report: CheckReport) -> None:
    _problem(report, session, "learners exit before their intake", Learner.learner_key,
             Learner.exit_date < Learner.intake_date)
    _problem(report, session, "learners with an unknown goal path", Learner.learner_key,
             Learner.goal_path.not_in(codes.GOAL_PATHS.codes))
    _problem(report, session, "learners with an unknown stage", Learner.learner_key,
             Learner.stage.not_in(codes.PLAN_STAGES.codes))
    _problem(report, session, "partners with an unknown organization type", Partner.partner_key,
             Partner.org_type.not_in(codes.ORG_TYPES.codes))
    _problem(report, session, "referrals with both a partner and a source, or neither", Referral.referral_key,
             or_((Referral.partner_id.is_(None)) & (Referral.source.is_(None)),
                 (Referral.partner_id.is_not(None)) & (Referral.source.is_not(None))))
    _problem(report, session, "informal referrals marked formal", Referral.referral_key,
             (Referral.source.is_not(None)) & (Referral.formal.is_(True)))
    _problem(report, session, "referrals out with no partner", Referral.referral_key,
             (Referral.direction == "out") & (Referral.partner_id.is_(None)))
    _problem(report, session, "referrals with an unknown status", Referral.referral_key,
             Referral.status.not_in(codes.REFERRAL_STATUSES.codes))
    _problem(report, session, "referrals with an unknown informal source", Referral.referral_key,
             Referral.source.not_in(codes.INFORMAL_SOURCES.codes))
    _problem(report, session, "inquiries with an unknown channel", Inquiry.inquiry_key,
             Inquiry.channel.not_in(codes.INQUIRY_CHANNELS.codes))
    counts = {
        "learners": session.scalar(select(func.count()).select_from(Learner)),
        "partners": session.scalar(select(func.count()).select_from(Partner)),
        "referrals": session.scalar(select(func.count()).select_from(Referral)),
        "inquiries": session.scalar(select(func.count()).select_from(Inquiry)),
    }
    report.notes.append("Holds " + ", ".join(f"{n} {what}" for what, n in counts.items()) + ".")
