"""The learner list service: search, filters, sorts and rows (lbsdesk.services.learner_list)."""

from datetime import date, timedelta

import pytest

from lbsdesk.db.models import Consent, FollowUp, Learner, Partner, Referral
from lbsdesk.domain.calendar_rules import add_months
from lbsdesk.services.learner_list import (
    FILTERS,
    SORT_COLUMNS,
    LearnerQuery,
    latest_exit_with_follow_up_due,
    learner_rows,
    matching_learner_ids,
)
from lbsdesk.services.learners import LearnerRecord, merge_learners, save_learner

TODAY = date(2026, 11, 20)
YESTERDAY = TODAY - timedelta(days=1)
TOMORROW = TODAY + timedelta(days=1)


def add(session, key, first, last, *, intake=date(2026, 1, 5), exit=None, phone=None, stage=None, goal=None, consent=None):
    record = LearnerRecord(
        learner_key=key, first_name=first, last_name=last, intake_date=intake, exit_date=exit, phone=phone,
        stage=stage, goal_path=goal, consent_to_share=consent,
    )
    return save_learner(session, record, today=TODAY)


def partner(session):
    p = Partner(partner_key="P1", name="OW Haliburton", org_type="ontario_works")
    session.add(p)
    session.flush()
    return p.id


def referral(session, learner_id, day, *, formal=True, partner_id=None, key=None):
    session.add(
        Referral(
            referral_key=key or f"R{learner_id}-{day.isoformat()}-{formal}", learner_id=learner_id, direction="in",
            referral_date=day, partner_id=partner_id if formal or partner_id else None,
            source=None if (formal or partner_id) else "word_of_mouth", formal=formal,
        )
    )
    session.flush()


def ids(session, **kw):
    return matching_learner_ids(session, LearnerQuery(today=TODAY, **kw))


@pytest.fixture
def people(session):
    return {
        "cote": add(session, "L00001", "Marie", "Côté", phone="705-555-0101"),
        "cote2": add(session, "L00002", "Luc", "Cote", phone="(613) 555 0199"),
        "smith": add(session, "L00123", "Anna", "Smith"),
        "belanger": add(session, "L00004", "Émile", "Bélanger"),
    }


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("cote", {"cote", "cote2"}),
        ("côté", {"cote", "cote2"}),
        ("CÔTE", {"cote", "cote2"}),
        ("marie cote", {"cote"}),
        ("Marie Côté", {"cote"}),
        ("cote marie", {"cote"}),
        ("l0012", {"smith"}),
        ("L00123", {"smith"}),
        ("555-01", {"cote", "cote2"}),
        ("555 0199", {"cote2"}),
        ("5550101", {"cote"}),
        ("emile", {"belanger"}),
        ("", {"cote", "cote2", "smith", "belanger"}),
        ("%", set()),
        ("_", set()),
        ("zzz", set()),
    ],
)
def test_search(session, people, typed, expected):
    assert set(ids(session, search=typed)) == {people[name] for name in expected}


def test_merged_learners_never_appear(session, people):
    merge_learners(session, people["cote"], people["cote2"])
    assert people["cote2"] not in ids(session)
    assert people["cote2"] not in ids(session, search="luc")


def test_active_and_exited_edges(session):
    a = {
        "intake_today": add(session, "L1", "A", "Intake today", intake=TODAY),
        "intake_tomorrow": add(session, "L2", "B", "Intake tomorrow", intake=TOMORROW),
        "exit_today": add(session, "L3", "C", "Exit today", exit=TODAY),
        "exit_yesterday": add(session, "L4", "D", "Exit yesterday", exit=YESTERDAY),
        "exit_tomorrow": add(session, "L5", "E", "Exit tomorrow", exit=TOMORROW),
        "open": add(session, "L6", "F", "Open"),
    }
    assert set(ids(session, filter="active")) == {a[k] for k in ("intake_today", "exit_today", "exit_tomorrow", "open")}
    assert set(ids(session, filter="exited")) == {a["exit_today"], a["exit_yesterday"]}
    assert set(ids(session, filter="all")) == set(a.values())


def test_no_formal_referral(session):
    p = partner(session)
    today_formal = add(session, "L1", "A", "Formal today")
    tomorrow_formal = add(session, "L2", "B", "Formal tomorrow")
    informal = add(session, "L3", "C", "Informal only")
    nothing = add(session, "L4", "D", "Nothing")
    exited = add(session, "L5", "E", "Exited", exit=YESTERDAY)
    referral(session, today_formal, TODAY, partner_id=p)
    referral(session, tomorrow_formal, TOMORROW, partner_id=p)
    referral(session, informal, date(2026, 2, 1), formal=False)
    expected = {tomorrow_formal, informal, nothing}
    assert set(ids(session, filter="no_formal_referral")) == expected
    flags = {row.id: row.no_formal_referral for row in learner_rows(session, [today_formal, tomorrow_formal, informal, nothing, exited], TODAY)}
    assert {k for k, v in flags.items() if v} == expected


def test_follow_up_due(session):
    due_today = add(session, "L1", "A", "Due today", exit=add_months(TODAY, -3), intake=date(2025, 1, 1))
    month_end = add(session, "L2", "B", "Month end", exit=date(2026, 8, 31), intake=date(2025, 1, 1))
    not_yet = add(session, "L3", "C", "Not yet", exit=add_months(TOMORROW, -3), intake=date(2025, 1, 1))
    done = add(session, "L4", "D", "Done", exit=add_months(TODAY, -4), intake=date(2025, 1, 1))
    partly = add(session, "L5", "E", "Three done, six due", exit=add_months(TODAY, -7), intake=date(2025, 1, 1))
    active = add(session, "L6", "F", "Active")
    session.add_all([
        FollowUp(learner_id=done, months=3, done_date=TODAY),
        FollowUp(learner_id=partly, months=3, done_date=TODAY),
    ])
    session.flush()
    today = date(2026, 11, 30)  # 31 August + 3 months = 30 November
    got = set(matching_learner_ids(session, LearnerQuery(filter="follow_up_due", today=today)))
    assert month_end in got
    assert set(ids(session, filter="follow_up_due")) == {due_today, partly}
    rows = {row.id: row.follow_up_due for row in learner_rows(session, [due_today, not_yet, done, partly, active], TODAY)}
    assert rows == {due_today: True, not_yet: False, done: False, partly: True, active: False}


def test_follow_up_bound_agrees_with_add_months_on_every_day():
    """The SQL filter's "exit_date <= bound" equals "add_months(exit, m) <= today" exactly."""
    exits = [date(2024, 1, 1) + timedelta(days=n) for n in range(1000)]
    for today in (date(2025, 2, 28), date(2024, 2, 29), date(2025, 11, 30), date(2025, 5, 31), date(2025, 3, 1)):
        for months in (3, 6, 12):
            bound = latest_exit_with_follow_up_due(today, months)
            for exit_date in exits:
                assert (exit_date <= bound) == (add_months(exit_date, months) <= today)


def test_sorts_both_directions(session):
    p = partner(session)
    x = add(session, "L00003", "Zoé", "Émond", intake=date(2026, 3, 1), stage="participation", goal="employment")
    y = add(session, "L00001", "Adam", "Ebert", intake=date(2026, 1, 1), stage="initial", goal="independence")
    z = add(session, "L00002", "Marc", "Zimmer", intake=date(2026, 2, 1), stage=None, goal=None)
    referral(session, x, date(2026, 5, 1), partner_id=p)
    referral(session, y, date(2026, 4, 1), partner_id=p)
    expected = {
        "learner_key": [y, z, x],
        "name": [y, x, z],  # Ebert, Émond, Zimmer: accents ignored
        "stage": [y, x, z],  # initial, participation, then none
        "goal_path": [x, y, z],  # list order employment … independence, then none
        "intake_date": [y, z, x],
        "last_referral_date": [y, x, z],
    }
    assert set(expected) == set(SORT_COLUMNS)
    for sort, order in expected.items():
        assert ids(session, sort=sort) == order, sort
        descending = ids(session, sort=sort, descending=True)
        if sort in ("stage", "goal_path", "last_referral_date"):  # empty values stay last
            assert descending == list(reversed(order[:2])) + [z], sort
        else:
            assert descending == list(reversed(order)), sort


def test_ties_broken_by_id_and_every_filter_runs(session):
    same = [add(session, f"L{i}", "Same", "Name") for i in range(3)]
    assert ids(session, sort="name") == same  # same name: then by learner ID, then id
    assert ids(session, sort="intake_date") == sorted(same)
    for code in FILTERS:
        ids(session, filter=code, search="same")
    with pytest.raises(ValueError):
        ids(session, filter="nonsense")


def test_learner_rows_order_and_flags(session, people):
    session.add(Consent(learner_id=people["smith"], expiry_date=TODAY + timedelta(days=30)))
    session.add(Consent(learner_id=people["cote"], expiry_date=TODAY + timedelta(days=31)))
    session.add(Consent(learner_id=people["belanger"], expiry_date=TODAY + timedelta(days=3), withdrawn_date=YESTERDAY))
    learner = session.get(Learner, people["cote2"])
    learner.consent_to_share = True
    session.flush()
    wanted = [people["smith"], people["cote"], 999999, people["cote2"], people["belanger"]]
    rows = learner_rows(session, wanted, TODAY)
    assert [r.id for r in rows] == [people["smith"], people["cote"], people["cote2"], people["belanger"]]
    by_id = {r.id: r for r in rows}
    assert by_id[people["smith"]].consent_expiring and not by_id[people["cote"]].consent_expiring
    assert not by_id[people["belanger"]].consent_expiring
    assert by_id[people["cote2"]].consent_missing is False and by_id[people["cote"]].consent_missing is True
    assert by_id[people["cote"]].last_name == "Côté" and by_id[people["cote"]].phone == "705-555-0101"
    assert learner_rows(session, [], TODAY) == []
