"""Encrypted backups for removable media: round trip, wrong passphrase, damage, streaming, restore."""

import os
import sqlite3
import tracemalloc
from datetime import date

import pytest

from lbsdesk.db.backup import backup_database, restore_database
from lbsdesk.db.encrypted_backup import (
    MAGIC,
    WRONG_PASSPHRASE,
    decrypt_file,
    encrypt_file,
    is_encrypted_backup,
)
from lbsdesk.db.engine import sqlite_url
from lbsdesk.db.migrate import open_database
from lbsdesk.db.models import Learner, Partner, Referral
from lbsdesk.errors import DatabaseProblem

PASSPHRASE = "maple syrup season"


def _learners(db_path, how_many, first_key=1):
    db = open_database(sqlite_url(db_path))
    with db.session() as session:
        partner = session.query(Partner).first() or Partner(partner_key="P1", name="Ontario Works",
                                                            org_type="ontario_works")
        session.add(partner)
        for n in range(first_key, first_key + how_many):
            learner = Learner(learner_key=f"L{n:05d}", first_name="Marie", last_name=f"Côté {n}",
                              intake_date=date(2026, 4, 1))
            session.add(learner)
            session.flush()
            session.add(Referral(referral_key=f"R{n:05d}", learner_id=learner.id, direction="in",
                                 referral_date=date(2026, 4, 1), partner_id=partner.id, formal=True))
    db.dispose()


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial") or p.name.endswith(".decrypted"))


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 3 * 4096, 50_000])
def test_round_trip_gives_back_exactly_the_same_bytes(tmp_path, size):
    plain = tmp_path / "plain.bin"
    plain.write_bytes(os.urandom(size))
    sealed = encrypt_file(plain, tmp_path / "sealed.lbsenc", PASSPHRASE, chunk_size=4096)
    assert is_encrypted_backup(sealed)
    assert sealed.read_bytes()[: len(MAGIC)] == MAGIC
    if size > 100:
        assert plain.read_bytes()[:100] not in sealed.read_bytes()
    back = decrypt_file(sealed, tmp_path / "back.bin", PASSPHRASE)
    assert back.read_bytes() == plain.read_bytes()
    assert _leftovers(tmp_path) == []


def test_the_same_file_twice_encrypts_differently(tmp_path):
    plain = tmp_path / "plain.bin"
    plain.write_bytes(b"x" * 10_000)
    one = encrypt_file(plain, tmp_path / "one.lbsenc", PASSPHRASE).read_bytes()
    two = encrypt_file(plain, tmp_path / "two.lbsenc", PASSPHRASE).read_bytes()
    assert one != two  # a random salt and nonce prefix each time


def test_wrong_passphrase_is_refused_and_leaves_no_file(tmp_path):
    plain = tmp_path / "plain.bin"
    plain.write_bytes(os.urandom(20_000))
    sealed = encrypt_file(plain, tmp_path / "sealed.lbsenc", PASSPHRASE, chunk_size=4096)
    with pytest.raises(DatabaseProblem) as refused:
        decrypt_file(sealed, tmp_path / "out.bin", "maple syrup seasons")
    assert str(refused.value) == WRONG_PASSPHRASE == "The passphrase is wrong, or the backup is damaged."
    assert not (tmp_path / "out.bin").exists()
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("damage", ["flip_last_chunk", "flip_header_salt", "truncate", "drop_last_chunk", "append"])
def test_a_damaged_file_is_refused_and_leaves_no_file(tmp_path, damage):
    plain = tmp_path / "plain.bin"
    plain.write_bytes(os.urandom(3 * 4096 + 100))
    sealed = encrypt_file(plain, tmp_path / "sealed.lbsenc", PASSPHRASE, chunk_size=4096)
    data = bytearray(sealed.read_bytes())
    if damage == "flip_last_chunk":
        data[-20] ^= 0x01
    elif damage == "flip_header_salt":
        data[15] ^= 0x01
    elif damage == "truncate":
        data = data[:-1]
    elif damage == "drop_last_chunk":
        data = data[: -(100 + 16)]
    else:
        data += b"\x00" * 16
    sealed.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem, match="The passphrase is wrong, or the backup is damaged."):
        decrypt_file(sealed, tmp_path / "out.bin", PASSPHRASE)
    assert not (tmp_path / "out.bin").exists()
    assert _leftovers(tmp_path) == []


def test_a_file_that_is_not_an_encrypted_backup_is_named(tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    with pytest.raises(DatabaseProblem, match="is not an encrypted LBS Desk backup"):
        decrypt_file(other, tmp_path / "out.bin", PASSPHRASE)


def test_a_short_passphrase_is_refused_before_anything_is_written(tmp_path):
    plain = tmp_path / "plain.bin"
    plain.write_bytes(b"data")
    with pytest.raises(DatabaseProblem, match="at least 8 characters"):
        encrypt_file(plain, tmp_path / "sealed.lbsenc", "short")
    assert not (tmp_path / "sealed.lbsenc").exists()


def test_a_large_file_is_streamed_not_read_whole(tmp_path):
    plain = tmp_path / "big.bin"
    with open(plain, "wb") as out:
        for _ in range(24):
            out.write(os.urandom(1024 * 1024))
    tracemalloc.start()
    try:
        sealed = encrypt_file(plain, tmp_path / "big.lbsenc", PASSPHRASE)
        decrypt_file(sealed, tmp_path / "back.bin", PASSPHRASE)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # a few 1 MB chunks at a time, never the 24 MB file
    assert (tmp_path / "back.bin").stat().st_size == plain.stat().st_size


def test_restore_of_an_encrypted_backup_with_its_passphrase(db_path, tmp_path):
    _learners(db_path, 5)
    plain = backup_database(sqlite_url(db_path), tmp_path / "plain.sqlite3")
    stick = tmp_path / "stick"
    stick.mkdir()
    sealed = encrypt_file(plain, stick / "agency-auto-20260501-120000.sqlite3.lbsenc", PASSPHRASE)
    _learners(db_path, 3, first_key=100)  # work done after the backup

    outcome = restore_database(sqlite_url(db_path), sealed, passphrase=PASSPHRASE)

    assert (outcome.learners, outcome.referrals) == (5, 5)
    assert outcome.safety_copy is not None and outcome.safety_copy.exists()
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT count(*) FROM learner").fetchone()[0] == 5
    with sqlite3.connect(outcome.safety_copy) as connection:
        assert connection.execute("SELECT count(*) FROM learner").fetchone()[0] == 8
    assert _leftovers(db_path.parent / "backups") == []


def test_restore_of_an_encrypted_backup_without_or_with_a_wrong_passphrase_changes_nothing(db_path, tmp_path):
    _learners(db_path, 2)
    plain = backup_database(sqlite_url(db_path), tmp_path / "plain.sqlite3")
    sealed = encrypt_file(plain, tmp_path / "backup.sqlite3.lbsenc", PASSPHRASE)
    _learners(db_path, 1, first_key=50)
    before = db_path.read_bytes()

    with pytest.raises(DatabaseProblem, match="is encrypted: type its passphrase"):
        restore_database(sqlite_url(db_path), sealed)
    with pytest.raises(DatabaseProblem, match="The passphrase is wrong, or the backup is damaged."):
        restore_database(sqlite_url(db_path), sealed, passphrase="not the passphrase")

    assert db_path.read_bytes() == before
    backups = db_path.parent / "backups"
    assert not backups.exists() or _leftovers(backups) == []
