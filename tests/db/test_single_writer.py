"""One writer at a time: the second copy is told who has the database, can open it read-only, and a
crashed holder never leaves it locked."""

import os
import signal
import socket
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from lbsdesk.db import single_writer
from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.engine import make_engine
from lbsdesk.db.migrate import open_database, upgrade
from lbsdesk.db.models import Learner
from lbsdesk.db.single_writer import DatabaseInUse, WriterLock, current_holder, lock_path_for, network_warning
from lbsdesk.errors import DatabaseProblem

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the subprocess test uses SIGKILL")


def _with_learner(db_path):
    db = open_database(sqlite_url(db_path))
    with db.session() as session:
        session.add(Learner(learner_key="L00001", first_name="Marie", last_name="Côté", intake_date=date(2026, 4, 1)))
    db.dispose()


def test_the_lock_is_taken_and_given_back(db_path):
    lock = WriterLock(db_path)
    with lock:
        assert lock.held
        holder = current_holder(db_path)
        assert holder.pid == os.getpid() and holder.host == socket.gethostname()
    assert not lock.held
    assert current_holder(db_path) is None
    with WriterLock(db_path):  # and can be taken again
        pass


def test_a_second_copy_is_told_who_has_it_open_and_since_when(db_path):
    first = WriterLock(db_path).acquire()
    try:
        with pytest.raises(DatabaseInUse) as refused:
            WriterLock(db_path).acquire()
    finally:
        first.release()
    message = str(refused.value)
    holder = refused.value.holder
    assert holder.pid == os.getpid()
    assert holder.since is not None and abs((datetime.now() - holder.since).total_seconds()) < 120
    assert str(db_path) in message
    assert "already open in LBS Desk" in message
    assert f"since {holder.since:%Y-%m-%d %H:%M}" in message
    assert "on this computer" in message
    assert "open it read-only" in message
    assert isinstance(refused.value, DatabaseProblem)


def test_the_holder_on_another_computer_is_named(db_path):
    lock_path_for(db_path).write_text(
        '{"user": "dana", "host": "FRONT-DESK-PC", "pid": 4242, "since": "2026-05-14T08:05:00"}'
    )
    holder = single_writer._read_holder(lock_path_for(db_path))
    message = str(DatabaseInUse(db_path, holder))
    assert "dana on the computer FRONT-DESK-PC since 2026-05-14 08:05" in message


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from lbsdesk.db.single_writer import WriterLock
    lock = WriterLock(Path(sys.argv[1])).acquire()
    print("locked", flush=True)
    time.sleep(60)
    """
)


def test_a_crashed_holder_releases_the_lock(db_path):
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseInUse) as refused:
            WriterLock(db_path).acquire()
        assert refused.value.holder.pid == holder.pid
        assert current_holder(db_path).pid == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    assert current_holder(db_path) is None
    with WriterLock(db_path) as lock:  # the lock died with the process
        assert lock.held
        assert current_holder(db_path).pid == os.getpid()


def test_read_only_open_works_while_the_lock_is_held_and_refuses_writes(db_path):
    _with_learner(db_path)
    with WriterLock(db_path):
        writer = open_database(sqlite_url(db_path))
        reader = open_database(sqlite_url(db_path), read_only=True)
        try:
            assert reader.read_only
            with writer.session() as session:  # the writer keeps working meanwhile
                session.add(Learner(learner_key="L00002", first_name="Sam", last_name="Roy",
                                    intake_date=date(2026, 4, 2)))
            with reader.session() as session:
                assert sorted(session.scalars(select(Learner.learner_key))) == ["L00001", "L00002"]
            with pytest.raises(DatabaseProblem) as refused:
                with reader.session() as session:
                    session.scalars(select(Learner)).first().phone = "555-0100"
            assert "is open read-only" in str(refused.value)
            assert "nothing can be changed" in str(refused.value)
            with pytest.raises(DatabaseProblem, match="is open read-only"):
                with reader.session() as session:
                    session.execute(insert(Learner).values(learner_key="L3", first_name="a", last_name="b",
                                                           intake_date=date(2026, 4, 3), search_text=""))
        finally:
            reader.dispose()
            writer.dispose()
    db = open_database(sqlite_url(db_path))
    with db.session() as session:
        assert session.scalar(select(Learner.phone).where(Learner.learner_key == "L00001")) is None
    db.dispose()


def test_read_only_open_refuses_an_old_schema_database_with_a_clear_message(db_path):
    engine = make_engine(sqlite_url(db_path))
    upgrade(engine, "0001")
    engine.dispose()
    with pytest.raises(DatabaseProblem) as refused:
        open_database(sqlite_url(db_path), read_only=True)
    assert "older version of LBS Desk" in str(refused.value)
    assert "Open it normally once" in str(refused.value)


def test_read_only_open_of_a_missing_file_says_so(tmp_path):
    with pytest.raises(DatabaseProblem, match="There is no database at"):
        open_database(sqlite_url(tmp_path / "none.sqlite3"), read_only=True)
    assert not (tmp_path / "none.sqlite3").exists()


def test_a_folder_where_the_lock_file_cannot_be_made(db_path, monkeypatch):
    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(single_writer.os, "open", refuse)
    with pytest.raises(DatabaseProblem) as refused:
        WriterLock(db_path).acquire()
    monkeypatch.undo()
    assert "cannot make its lock file" in str(refused.value) and "read-only" in str(refused.value)


def test_network_folder_warning(tmp_path, monkeypatch):
    assert network_warning(tmp_path / "agency.sqlite3") is None
    message = network_warning(Path("//office-server/lbs/agency.sqlite3"))
    assert message and "network folder" in message and "database server" in message
    monkeypatch.setattr(single_writer, "is_network_path", lambda path: True)
    assert "database server" in network_warning(tmp_path / "agency.sqlite3")
