"""Benchmark: one keystroke in the learner search box with 100,000 learners (issue 3: under 50 ms).

A keystroke costs ``matching_learner_ids`` (search + filter + sort in SQL, every matching id) plus
``learner_rows`` for the first screen (200 rows).  This script builds a temporary database with
100,000 learners, about 120,000 referrals, exits, follow-ups and consents (Core bulk inserts, no demo
generator), then times typical searches under every filter and every sort, and prints median and
worst milliseconds.  Run on demand:

    python tests/bench/bench_learner_search.py [--learners 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.migrate import open_database
from lbsdesk.db.models import Consent, FollowUp, Learner, Partner, Referral
from lbsdesk.domain.text import learner_search_text
from lbsdesk.services.learner_list import FILTERS, SORT_COLUMNS, LearnerQuery, learner_rows, matching_learner_ids

TODAY = date(2026, 11, 20)
PAGE = 200
SEARCHES = ("", "a", "m", "z", "c", "co", "cot", "cote", "marie", "marie cote", "l0123", "555-01", "tremblay")

FIRST = (
    "Marie", "Jean", "Luc", "Sophie", "Émilie", "André", "Chloé", "Noah", "Liam", "Olivia", "Emma",
    "Ava", "William", "Benjamin", "Zoë", "Hélène", "François", "Amélie", "Josée", "Mathieu", "Sarah",
    "Daniel", "Jessica", "Ashley", "Tyler", "Brandon", "Kayla", "Cody", "Dakota", "Raven", "Aiyana",
)
LAST = (
    "Côté", "Tremblay", "Gagnon", "Roy", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
    "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Smith", "Brown", "Wilson",
    "MacDonald", "Campbell", "Anderson", "Taylor", "Martin", "Thompson", "White", "Young", "Whitebird",
    "Cheechoo", "Kakegamic", "Nakogee", "Sutherland", "Zamora", "Nguyen", "O'Neil", "St-Pierre",
)
STAGES = ("initial", "commencement", "participation", "management", "closure", None)
GOALS = ("employment", "apprenticeship", "secondary_school_credit", "postsecondary", "independence", None)


def build(path: Path, learners: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    database = open_database(sqlite_url(path))
    with database.engine.begin() as connection:
        connection.execute(
            insert(Partner.__table__),
            [
                {"partner_key": f"P{i:03d}", "name": f"Partner {i}", "org_type": "ontario_works",
                 "agreement": False, "co_located": False, "archived": False}
                for i in range(1, 41)
            ],
        )
        rows = []
        for i in range(1, learners + 1):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            key = f"L{i:05d}"
            phone = f"705-555-{rng.randrange(10000):04d}" if rng.random() < 0.8 else None
            intake = TODAY - timedelta(days=rng.randrange(0, 6 * 365))
            exit_date = None
            if rng.random() < 0.55:
                exit_date = min(TODAY + timedelta(days=30), intake + timedelta(days=rng.randrange(0, 400)))
            rows.append(
                {
                    "id": i, "learner_key": key, "first_name": first, "last_name": last, "phone": phone,
                    "intake_date": intake, "exit_date": exit_date, "stage": rng.choice(STAGES),
                    "goal_path": rng.choice(GOALS), "consent_to_share": rng.random() < 0.9,
                    "search_text": learner_search_text(first, last, key, phone),
                }
            )
        connection.execute(insert(Learner.__table__), rows)
        referrals, follow_ups, consents = [], [], []
        for row in rows:
            for n in range(rng.choice((0, 0, 1, 1, 2, 3))):
                informal = rng.random() < 0.3
                referrals.append(
                    {
                        "referral_key": f"R{len(referrals) + 1:07d}", "learner_id": row["id"],
                        "direction": "in" if informal or rng.random() < 0.5 else "out",
                        "referral_date": row["intake_date"] + timedelta(days=rng.randrange(0, 300)),
                        "partner_id": None if informal else rng.randrange(1, 41),
                        "source": "word_of_mouth" if informal else None,
                        "formal": (not informal) and rng.random() < 0.7, "status": "unknown",
                        "planned": False, "supported": False, "coordinated": False,
                        "information_exchanged": False,
                    }
                )
            if row["exit_date"] and rng.random() < 0.5:
                for months in (3, 6, 12)[: rng.randrange(1, 4)]:
                    follow_ups.append(
                        {"learner_id": row["id"], "months": months, "done_date": row["exit_date"],
                         "unable_to_contact": False}
                    )
            if rng.random() < 0.3:
                consents.append(
                    {"learner_id": row["id"], "scope": "all_partners", "signed_date": row["intake_date"],
                     "expiry_date": TODAY + timedelta(days=rng.randrange(-100, 400))}
                )
        connection.execute(insert(Referral.__table__), referrals)
        connection.execute(insert(FollowUp.__table__), follow_ups)
        connection.execute(insert(Consent.__table__), consents)
        connection.exec_driver_sql("ANALYZE")
    database.dispose()


def keystroke_ms(session, query: LearnerQuery) -> tuple[float, int]:
    start = time.perf_counter()
    ids = matching_learner_ids(session, query)
    learner_rows(session, ids[:PAGE], today=query.today)
    return (time.perf_counter() - start) * 1000, len(ids)


def report(label: str, timings: list[float], extra: str = "") -> None:
    print(f"{label:<44} median {statistics.median(timings):7.1f} ms   worst {max(timings):7.1f} ms {extra}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        start = time.perf_counter()
        build(path, args.learners)
        print(f"built {args.learners} learners in {time.perf_counter() - start:.1f} s")
        database = open_database(sqlite_url(path))
        everything: list[float] = []
        with database.session() as session:
            keystroke_ms(session, LearnerQuery(today=TODAY))  # warm the cache, as a running app has
            print(f"\nsearches under each filter (sort by name), {len(SEARCHES)} searches x {args.repeat}:")
            for filter_code in FILTERS:
                timings = []
                for text in SEARCHES:
                    for _ in range(args.repeat):
                        ms, _count = keystroke_ms(session, LearnerQuery(search=text, filter=filter_code, today=TODAY))
                        timings.append(ms)
                everything += timings
                report(f"filter {filter_code}", timings)
            print("\neach sort, both directions, over the same searches (filter all):")
            for sort in SORT_COLUMNS:
                for descending in (False, True):
                    timings = []
                    for text in SEARCHES:
                        for _ in range(args.repeat):
                            ms, _count = keystroke_ms(
                                session, LearnerQuery(search=text, sort=sort, descending=descending, today=TODAY)
                            )
                            timings.append(ms)
                    everything += timings
                    report(f"sort {sort} {'desc' if descending else 'asc'}", timings)
            print("\nper search (filter all, sort name):")
            for text in SEARCHES:
                timings, count = [], 0
                for _ in range(args.repeat):
                    ms, count = keystroke_ms(session, LearnerQuery(search=text, today=TODAY))
                    timings.append(ms)
                report(f"search {text!r}", timings, f"  ({count} matches)")
            print("\nworst combinations:")
            combos = []
            for filter_code in FILTERS:
                for sort in SORT_COLUMNS:
                    for text in ("", "a", "cote"):
                        ms, count = keystroke_ms(
                            session, LearnerQuery(search=text, filter=filter_code, sort=sort, today=TODAY)
                        )
                        combos.append((ms, filter_code, sort, text, count))
                        everything.append(ms)
            for ms, filter_code, sort, text, count in sorted(combos, reverse=True)[:8]:
                print(f"  {ms:7.1f} ms  filter={filter_code} sort={sort} search={text!r} ({count} matches)")
        report("\nALL keystrokes", everything)
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
