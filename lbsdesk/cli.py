"""The ``lbsdesk`` command (SPEC.md section 1).

Exit status: 0 done; 2 the command line is wrong (usage printed); 1 the data is wrong or the work
failed, with a message a person can act on.  No Qt is imported unless the app is asked for.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

from lbsdesk import APP_NAME, __version__
from lbsdesk.errors import LbsDeskError

log = logging.getLogger("lbsdesk")

IMPORT_KINDS = ("partners", "learners", "referrals", "inquiries")


class UsageError(Exception):
    """The command line is wrong in a way argparse cannot see (exit 2)."""


def _month(text: str):
    from lbsdesk.domain.calendar_rules import Month

    try:
        return Month.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' must not be negative")
    return value


def build_parser() -> argparse.ArgumentParser:
    database_options = argparse.ArgumentParser(add_help=False)
    database_options.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS, help="use the SQLite file PATH instead of the default database"
    )
    database_options.add_argument(
        "--database-url", metavar="URL", default=argparse.SUPPRESS,
        help="use a database server (e.g. postgresql+psycopg://…); env LBSDESK_DATABASE_URL does the same",
    )

    parser = argparse.ArgumentParser(
        prog="lbsdesk",
        description=f"{APP_NAME}: learners, referrals, plans and monthly tracking sheets for LBS agencies. "
        "With no command, opens the desktop app.",
        parents=[database_options],
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--smoke", action="store_true",
        help="open the main window, wait for the learner list's first paint, print one JSON line and exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("init", parents=[database_options], help="create or migrate the database and exit")

    demo = commands.add_parser("demo", parents=[database_options], help="fill an empty database with a fictional agency")
    demo.add_argument("--learners", type=_positive_int, default=120, metavar="N", help="how many learners (default 120)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")

    import_ = commands.add_parser("import", parents=[database_options], help="import a CSV file (all or nothing)")
    import_.add_argument("kind", choices=IMPORT_KINDS, metavar="KIND", help="partners, learners, referrals or inquiries")
    import_.add_argument("file", type=Path, metavar="FILE.csv")
    import_.add_argument("--dry-run", action="store_true", help="check the file without writing anything")

    export = commands.add_parser("export", parents=[database_options], help="export to a CSV file that import reads back")
    export.add_argument("kind", choices=IMPORT_KINDS, metavar="KIND", help="partners, learners, referrals or inquiries")
    export.add_argument("file", type=Path, metavar="FILE.csv")

    report = commands.add_parser("report", parents=[database_options], help="reports")
    reports = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    monthly = reports.add_parser("monthly", parents=[database_options], help="the month's figures (SPEC.md section 4)")
    monthly.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    monthly.add_argument("--format", choices=("json", "csv", "pdf"), default="json")
    monthly.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")

    print_ = commands.add_parser("print", parents=[database_options], help="print forms and sheets to PDF")
    prints = print_.add_subparsers(dest="printable", metavar="WHAT", required=True)
    referral = prints.add_parser("referral", parents=[database_options], help="one referral form with its return slip")
    referral.add_argument("referral_id", metavar="REFERRAL_ID")
    referral.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    sheet = prints.add_parser("sheet", parents=[database_options], help="the monthly tracking sheet and the month's forms")
    sheet.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    sheet.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")

    backup = commands.add_parser("backup", parents=[database_options], help="write a consistent copy of the database")
    backup.add_argument("--out", type=Path, metavar="FILE", help="where to write it (default: the backups folder)")

    restore = commands.add_parser("restore", parents=[database_options], help="replace the database with a backup")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument(
        "--passphrase-file", type=Path, metavar="FILE",
        help="for an encrypted backup: a file holding its passphrase (otherwise you are asked for it)",
    )

    commands.add_parser("check", parents=[database_options], help="integrity check; exit 0 only when sound")
    return parser


def _database_url(args: argparse.Namespace) -> str:
    from lbsdesk.db.engine import resolve_database_url

    return resolve_database_url(getattr(args, "db", None), getattr(args, "database_url", None))


def _open(args: argparse.Namespace, **options):
    from lbsdesk.db.migrate import open_database

    return open_database(_database_url(args), **options)


@contextmanager
def _writing(args: argparse.Namespace):
    """Hold the one-writer lock of an SQLite database while a command writes to it.

    A second copy of LBS Desk (the app, or another command) holding it gets a message saying who
    has the database open and since when.
    """
    from lbsdesk.db.engine import sqlite_path_of
    from lbsdesk.db.single_writer import WriterLock

    path = sqlite_path_of(_database_url(args))
    if path is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with WriterLock(path):
        yield


def _open_to_read(args: argparse.Namespace):
    """Open for a command that only reads (report, export, print).

    These skip the whole-file ``quick_check`` that writing commands and the app run at open (half a
    second on a 100,000-learner database); a damaged page they meet still stops them with the
    damaged-database message (see ``main``).
    """
    return _open(args, check=False)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


# --- commands ---------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    with _writing(args):
        return _init(args)


def _init(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        from lbsdesk.db.migrate import head_revision

        _say(f"Database ready: {db.display_name} (schema {head_revision()})")
    finally:
        db.dispose()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    with _writing(args):
        return _demo(args)


def _demo(args: argparse.Namespace) -> int:
    from lbsdesk.services.demo_data import build_demo

    db = _open(args)
    last_step = [""]

    def progress(step: str, done: int, total: int) -> None:
        if step != last_step[0]:
            last_step[0] = step
            _say(f"  {step}…")

    try:
        with db.session() as session:
            summary = build_demo(session, learners=args.learners, seed=args.seed, progress=progress)
        db.refresh_statistics()
        _say(
            f"Demo agency written to {db.display_name}: {summary.learners} learners, "
            f"{summary.partners} partners, {summary.referrals} referrals, {summary.inquiries} inquiries."
        )
    finally:
        db.dispose()
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    if args.dry_run:
        return _import(args)
    with _writing(args):
        return _import(args)


def _import(args: argparse.Namespace) -> int:
    from lbsdesk.services.csv_import import import_csv

    db = _open(args)
    try:
        with db.session() as session:
            result = import_csv(session, args.kind, args.file, dry_run=args.dry_run)
            if args.dry_run:
                session.rollback()
        if not args.dry_run and result.created + result.updated:
            db.refresh_statistics()
        verb = "Checked" if args.dry_run else "Imported"
        tail = " Nothing was written (--dry-run)." if args.dry_run else ""
        _say(
            f"{verb} {args.file}: {result.rows} rows ({result.created} new, {result.updated} updated, "
            f"{result.unchanged} unchanged).{tail}"
        )
    finally:
        db.dispose()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from lbsdesk.services.csv_export import export_csv

    db = _open_to_read(args)
    try:
        with db.session() as session:
            count = export_csv(session, args.kind, args.file)
        _say(f"Exported {count} {args.kind} to {args.file}")
    finally:
        db.dispose()
    return 0


def _write_output(data: str | bytes, out: Path | None) -> None:
    if out is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data if data.endswith("\n") else data + "\n")
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            out.write_bytes(data)
        else:
            out.write_text(data if data.endswith("\n") else data + "\n", encoding="utf-8")
    except OSError as exc:
        raise LbsDeskError(f"Cannot write {out}: {exc.strerror or exc}") from None


def cmd_report(args: argparse.Namespace) -> int:
    from lbsdesk.services.monthly_report import figures_as_csv, figures_as_json, monthly_figures

    if args.format == "pdf":
        if args.out is None:
            raise UsageError("--format pdf needs --out FILE.pdf")
        return _print_sheet(args, with_forms=False)
    db = _open_to_read(args)
    try:
        with db.session() as session:
            figures = monthly_figures(session, args.month)
    finally:
        db.dispose()
    _write_output(figures_as_json(figures) if args.format == "json" else figures_as_csv(figures), args.out)
    if args.out:
        _say(f"Wrote the figures for {args.month} to {args.out}")
    return 0


def _print_sheet(args: argparse.Namespace, *, with_forms: bool) -> int:
    try:
        from lbsdesk.services.sheet_printing import monthly_sheet_pdf
    except ImportError:
        raise LbsDeskError(
            "The printed tracking sheet is not available in this version yet; "
            "use 'lbsdesk report monthly --format json' or '--format csv' for the figures."
        ) from None
    db = _open_to_read(args)
    try:
        with db.session() as session:
            pdf = monthly_sheet_pdf(session, args.month, with_referral_forms=with_forms)
    finally:
        db.dispose()
    _write_output(pdf, args.out)
    _say(f"Wrote {args.out}")
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    if args.printable == "sheet":
        return _print_sheet(args, with_forms=True)
    try:
        from lbsdesk.services.referral_printing import referral_form_pdf
    except ImportError:
        raise LbsDeskError("The printed referral form is not available in this version yet.") from None
    db = _open_to_read(args)
    try:
        with db.session() as session:
            pdf = referral_form_pdf(session, args.referral_id)
    finally:
        db.dispose()
    _write_output(pdf, args.out)
    _say(f"Wrote {args.out}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from lbsdesk.db.backup import backup_database

    target = backup_database(_database_url(args), args.out)
    _say(f"Backup written: {target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from lbsdesk.db.backup import restore_database
    from lbsdesk.db.encrypted_backup import is_encrypted_backup

    passphrase = None
    if is_encrypted_backup(args.file):
        passphrase = _passphrase(args)
    with _writing(args):
        outcome = restore_database(_database_url(args), args.file, passphrase=passphrase)
    _say(
        f"Restored {args.file} ({outcome.learners} learners, {outcome.referrals} referrals). "
        + (f"The database it replaced was kept as {outcome.safety_copy}." if outcome.safety_copy else "")
    )
    return 0


def _passphrase(args: argparse.Namespace) -> str:
    if args.passphrase_file is not None:
        try:
            return args.passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise LbsDeskError(f"Cannot read the passphrase file {args.passphrase_file}: {exc.strerror or exc}") from None
    if not sys.stdin.isatty():
        raise LbsDeskError(
            f"{args.file} is an encrypted backup: give its passphrase with --passphrase-file FILE."
        )
    import getpass

    return getpass.getpass(f"Passphrase for {args.file.name}: ")


def cmd_check(args: argparse.Namespace) -> int:
    from lbsdesk.db.integrity import check_database

    report = check_database(_database_url(args))
    for line in report.notes:
        _say(line)
    if report.problems:
        for line in report.problems:
            _say(f"PROBLEM: {line}")
        _say(f"The database {report.name} is NOT sound: {len(report.problems)} problem(s).")
        return 1
    _say(f"The database {report.name} is sound.")
    return 0


def _no_screen() -> bool:
    """Linux with no display server and no Qt platform chosen: a window cannot open."""
    import os

    return (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    )


def cmd_app(args: argparse.Namespace) -> int:
    if _no_screen():
        if not args.smoke:
            raise LbsDeskError(
                "There is no screen to open LBS Desk's window on (no DISPLAY). Run it on the desktop; "
                "every other command (lbsdesk --help) works without one."
            )
        import os

        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # --smoke is offscreen-capable (SPEC section 1)
    try:
        from lbsdesk.ui.app import run_app
    except ImportError as exc:
        raise LbsDeskError(f"The desktop app cannot start: {exc}") from None
    return run_app(_database_url(args), smoke=args.smoke)


COMMANDS = {
    "init": cmd_init,
    "demo": cmd_demo,
    "import": cmd_import,
    "export": cmd_export,
    "report": cmd_report,
    "print": cmd_print,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from lbsdesk.app_logging import configure_logging

    configure_logging()
    from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

    command = COMMANDS.get(args.command, cmd_app)
    log.info("command %s", args.command or ("smoke" if args.smoke else "app"))
    try:
        return command(args)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        _say(f"lbsdesk: error: {exc}")
        return 2
    except LbsDeskError as exc:
        _say(str(exc))
        return 1
    except SQLAlchemyDatabaseError as exc:
        log.error("database error in %s: %s", args.command, type(exc.orig).__name__ if exc.orig else "?")
        detail = str(exc.orig) if exc.orig is not None else str(exc)
        if "malformed" in detail or "not a database" in detail:
            _say(
                "The database is damaged (" + detail + "). Restore the newest backup with "
                "'lbsdesk restore FILE'; 'lbsdesk check' lists what is wrong."
            )
        elif "locked" in detail:
            _say("The database is busy: another program is writing to it. Try again in a moment.")
        else:
            _say(f"The database refused the work: {detail}. Nothing half-written was kept.")
        return 1
    except KeyboardInterrupt:
        _say("Stopped; nothing half-written was kept.")
        return 1
    except Exception as exc:  # the last line of defence: never a traceback for the user
        log.exception("unexpected failure in %s", args.command)
        _say(
            f"Something went wrong that LBS Desk did not expect ({type(exc).__name__}). "
            "Nothing half-written was kept. The details are in the log file in the LBS Desk log folder."
        )
        return 1
