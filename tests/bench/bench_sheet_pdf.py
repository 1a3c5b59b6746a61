"""Benchmark: the printed tracking sheet for a busy month (goal: the whole PDF in under 3 s).

Run on demand:  python tests/bench/bench_sheet_pdf.py [--active 500] [--forms 150] [--out FILE.pdf]

Builds a temporary database with Core bulk inserts: 500 learners active in September 2026 (most of
them with no formal referral, so the gap list is long), 150 referrals dated in the month (in and
out, formal and informal, each with a reason, services and a consent), earlier exits with follow-ups
due, and the month's inquiries.  Then times ``monthly_sheet_pdf`` (sheet + 150 referral forms) and
the sheet alone, and prints the seconds and the page counts.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import insert, update

from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.migrate import open_database
from lbsdesk.db.models import AgencyProfile, Consent, FollowUp, Inquiry, Learner, Partner, Referral, Staff
from lbsdesk.domain.calendar_rules import Month
from lbsdesk.domain.codes import GOAL_PATHS, INFORMAL_SOURCES, ORG_TYPES, SERVICES_REQUESTED, URGENCIES
from lbsdesk.services.sheet_printing import monthly_sheet_pdf

GOAL_SECONDS = 3.0
MONTH = Month(2026, 9)
FIRST = ("Anne", "Marc", "Chloé", "Daniel", "Émilie", "Farah", "Gérard", "Hannah", "Isaac", "Josée",
         "Kevin", "Linda", "Mélanie", "Noël", "Olivia", "Priya", "Rémi", "Sarah", "Tyler", "Yannick")
LAST = ("Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Smith", "Wilson", "MacDonald", "Nguyen", "Leblanc",
        "Martin", "Brown", "Lalonde", "Meawasige", "Commanda", "Fraser", "Chen", "Singh", "Ouellette", "Young")
REASONS = (
    "Ready for credit courses or college preparation",
    "Needs help with a résumé and job search in the area",
    "Housing is unstable; referred for support before continuing upgrading",
    "Wants to improve digital skills to apply for jobs online and use the employer's scheduling app",
    "Asked for help with child care so she can attend the morning sessions twice a week",
)


def build(database, active: int, forms: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with database.engine.begin() as connection:
        connection.execute(update(AgencyProfile.__table__).where(AgencyProfile.__table__.c.id == 1).values(
            name="Maple Valley Literacy Centre", address="12 Mill Street, Unit 3\nPort Alder, ON  K0K 1A0",
            phone="613-555-0142", email="info@maplevalley.example.org", cams_provider_number="LBS-4471"))
        connection.execute(insert(Staff.__table__), [{"id": i, "name": name} for i, name in
                                                     enumerate(("Anne Tremblay", "Priya Raman", "Josée Lalonde"), 1)])
        org_types = ORG_TYPES.codes
        connection.execute(insert(Partner.__table__), [{
            "id": i, "partner_key": f"P{i:03d}", "name": f"{ORG_TYPES.label(org_types[i % len(org_types)])} of Alder County",
            "org_type": org_types[i % len(org_types)], "program": "Intake and referral", "contact_name": rng.choice(FIRST),
            "phone": f"613-555-{1000 + i:04d}", "email": f"intake{i}@partner.example.org",
            "address": f"{i} Main Street, Port Alder", "agreement": False, "co_located": False, "archived": False,
        } for i in range(1, 41)])

        learners, consents = [], []
        total = active + 120  # plus people who exited earlier (closed plans, follow-ups due)
        for i in range(1, total + 1):
            if i <= active:
                intake, exit_date = MONTH.first_day - timedelta(days=rng.randint(0, 330)), None
            else:
                intake = date(2025, 6, 1) + timedelta(days=rng.randint(0, 120))
                exit_date = intake + timedelta(days=rng.randint(90, 400))
                exit_date = min(exit_date, date(2026, 9, 25))
            learners.append({
                "id": i, "learner_key": f"L{i:05d}", "first_name": rng.choice(FIRST), "last_name": rng.choice(LAST),
                "date_of_birth": date(1960, 1, 1) + timedelta(days=rng.randint(0, 15000)),
                "phone": f"613-555-{i % 10000:04d}", "email": f"learner{i}@example.net",
                "preferred_language": rng.choice(("en", "fr")), "preferred_contact_method": "phone",
                "intake_date": intake, "exit_date": exit_date, "goal_path": rng.choice(GOAL_PATHS.codes + (None,)),
                "consent_to_share": True, "consent_date": intake, "search_text": "",
            })
            consents.append({
                "id": i, "learner_id": i, "scope": "all_partners", "signed_date": intake,
                "what_is_shared": "Name, contact details, goal path, reason for referral and progress",
                "purpose": "To refer me to and coordinate services with partner agencies",
            })
        connection.execute(insert(Learner.__table__), learners)
        connection.execute(insert(Consent.__table__), consents)

        referrals = []
        for i in range(1, forms + 1):
            direction = "in" if i % 3 == 0 else "out"
            informal = direction == "in" and i % 2 == 0
            formal = not informal and i % 5 != 0
            referrals.append({
                "id": i, "referral_key": f"R{i:05d}", "learner_id": rng.randint(1, active), "direction": direction,
                "referral_date": MONTH.first_day + timedelta(days=rng.randint(0, 29)),
                "partner_id": None if informal else rng.randint(1, 40),
                "source": rng.choice(INFORMAL_SOURCES.codes) if informal else None, "formal": formal,
                "reason": rng.choice(REASONS),
                "services_requested": ",".join(rng.sample(SERVICES_REQUESTED.codes[:-1], 2)),
                "supports_needed": "Large print", "urgency": rng.choice(URGENCIES.codes),
                "planned": formal, "supported": formal, "coordinated": formal, "information_exchanged": formal,
                "status": "sent", "follow_up_date": MONTH.last_day, "staff_id": rng.randint(1, 3),
                "cams_entered_date": None if i % 4 == 0 else MONTH.last_day,
            })
        connection.execute(insert(Referral.__table__), referrals)
        # formal referrals for some of the people who exited (service coordination)
        referrals = []
        for n, learner in enumerate(learners[active:], start=forms + 1):
            if n % 2:
                referrals.append({
                    "id": n, "referral_key": f"R{n:05d}", "learner_id": learner["id"], "direction": "out",
                    "referral_date": learner["intake_date"] + timedelta(days=20), "partner_id": rng.randint(1, 40),
                    "source": None, "formal": True, "status": "sent", "cams_entered_date": date(2026, 1, 1),
                })
        connection.execute(insert(Referral.__table__), referrals)
        connection.execute(insert(Inquiry.__table__), [{
            "id": i, "inquiry_key": f"Q{i:05d}", "inquiry_date": MONTH.first_day + timedelta(days=i % 30),
            "channel": rng.choice(("phone", "walk_in", "email", "other")),
            "source": rng.choice(INFORMAL_SOURCES.codes + ("ontario_works", "employment_services", None)),
            "learner_id": i if i % 3 == 0 else None,
        } for i in range(1, 81)])
        connection.execute(insert(FollowUp.__table__), [{
            "id": 1, "learner_id": active + 1, "months": 3, "done_date": date(2026, 9, 1),
        }])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--active", type=int, default=500)
    parser.add_argument("--forms", type=int, default=150)
    parser.add_argument("--out", type=Path, help="also keep the packet here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="lbsdesk-bench-") as folder:
        database = open_database(sqlite_url(Path(folder) / "bench.sqlite3"))
        started = time.perf_counter()
        build(database, args.active, args.forms)
        print(f"built {args.active} active learners and {args.forms} referrals in the month "
              f"in {time.perf_counter() - started:.2f} s")

        with database.session() as session:
            monthly_sheet_pdf(session, MONTH, with_referral_forms=False)  # warm imports and caches
            started = time.perf_counter()
            packet = monthly_sheet_pdf(session, MONTH)
            packet_seconds = time.perf_counter() - started
            started = time.perf_counter()
            sheet = monthly_sheet_pdf(session, MONTH, with_referral_forms=False)
            sheet_seconds = time.perf_counter() - started
        database.dispose()

    packet_pages = len(PdfReader(io.BytesIO(packet)).pages)
    sheet_pages = len(PdfReader(io.BytesIO(sheet)).pages)
    if args.out:
        args.out.write_bytes(packet)
    print(f"sheet + {args.forms} referral forms: {packet_seconds:.2f} s, {packet_pages} pages, "
          f"{len(packet) / 1024:.0f} KiB; goal < {GOAL_SECONDS:.0f} s: "
          f"{'met' if packet_seconds < GOAL_SECONDS else 'MISSED'}")
    print(f"sheet alone: {sheet_seconds:.2f} s, {sheet_pages} pages")
    return 0 if packet_seconds < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
