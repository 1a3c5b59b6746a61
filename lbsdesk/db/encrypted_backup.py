"""Encrypted backup files for removable media: a lost USB stick must not expose the caseload.

Format (version 1), all integers big-endian::

    magic    8 bytes   b"LBSENC\\r\\n"
    version  1 byte    1
    log2 N   1 byte    scrypt cost (N = 2**log2N), r and p below
    r        1 byte
    p        1 byte
    salt     16 bytes  random per file
    chunk    4 bytes   plaintext bytes per chunk
    prefix   7 bytes   random nonce prefix
    chunks   ...       AES-256-GCM ciphertext + 16-byte tag, one per chunk

The key comes from the passphrase with scrypt and the file's salt.  Chunk ``i`` is sealed with the
nonce ``prefix || i (4 bytes) || last (1 byte)`` and the header as associated data, so a changed
header, reordered, dropped or truncated chunks all fail authentication.  Every chunk but the last
holds exactly ``chunk`` bytes; the last holds fewer (possibly none), which marks the end.  The file is
read and written one chunk at a time, so a 300 MB database never sits whole in memory.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from lbsdesk.db.backup import write_problem_message
from lbsdesk.errors import DatabaseProblem

MAGIC = b"LBSENC\r\n"
VERSION = 1
SUFFIX = ".lbsenc"
CHUNK_SIZE = 1024 * 1024
TAG_SIZE = 16
SALT_SIZE = 16
PREFIX_SIZE = 7
#: scrypt cost: 2**15 × 8 × 128 bytes = 32 MB of memory, about a tenth of a second.
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 15, 8, 1
MINIMUM_PASSPHRASE = 8
_HEADER = struct.Struct(f">8sBBBB{SALT_SIZE}sI{PREFIX_SIZE}s")

WRONG_PASSPHRASE = "The passphrase is wrong, or the backup is damaged."


def is_encrypted_backup(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


def _read_full(handle, size: int) -> bytes:  # noqa: ANN001
    parts: list[bytes] = []
    remaining = size
    while remaining:
        part = handle.read(remaining)
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)


def encrypt_file(src: Path, dst: Path, passphrase: str, *, chunk_size: int = CHUNK_SIZE) -> Path:
    """Write ``src`` encrypted with ``passphrase`` to ``dst`` (via ``dst.partial``, then renamed)."""
    src, dst = Path(src), Path(dst)
    if len(passphrase or "") < MINIMUM_PASSPHRASE:
        raise DatabaseProblem(
            f"The backup passphrase must have at least {MINIMUM_PASSPHRASE} characters; choose a longer one."
        )
    salt, prefix = os.urandom(SALT_SIZE), os.urandom(PREFIX_SIZE)
    header = _HEADER.pack(MAGIC, VERSION, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, salt, chunk_size, prefix)
    aead = AESGCM(_key(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P))
    partial = dst.with_name(dst.name + ".partial")
    try:
        with open(src, "rb") as source, open(partial, "wb") as out:
            out.write(header)
            index = 0
            chunk = _read_full(source, chunk_size)
            while True:
                last = len(chunk) < chunk_size
                out.write(aead.encrypt(_nonce(prefix, index, last), chunk, header))
                if last:
                    break
                index += 1
                chunk = _read_full(source, chunk_size)
            out.flush()
            os.fsync(out.fileno())  # removable media: on the stick before we call it done
        os.replace(partial, dst)
    except FileNotFoundError as exc:
        _discard(partial)
        if not src.exists():
            raise DatabaseProblem(f"There is no file {src} to encrypt.") from None
        raise DatabaseProblem(write_problem_message(exc, dst)) from None
    except OSError as exc:
        _discard(partial)
        raise DatabaseProblem(write_problem_message(exc, dst)) from None
    except BaseException:
        _discard(partial)
        raise
    return dst


def decrypt_file(src: Path, dst: Path, passphrase: str) -> Path:
    """Write the plain contents of the encrypted backup ``src`` to ``dst``.

    A wrong passphrase or a damaged file raises ``DatabaseProblem(WRONG_PASSPHRASE)`` and leaves no
    ``dst`` (nor a partial one) behind.
    """
    src, dst = Path(src), Path(dst)
    partial = dst.with_name(dst.name + ".partial")
    try:
        with open(src, "rb") as source:
            header = _read_full(source, _HEADER.size)
            if len(header) < len(MAGIC) or header[: len(MAGIC)] != MAGIC:
                raise DatabaseProblem(f"{src} is not an encrypted LBS Desk backup.")
            if len(header) < _HEADER.size:
                raise DatabaseProblem(WRONG_PASSPHRASE)
            _, version, log2_n, r, p, salt, chunk_size, prefix = _HEADER.unpack(header)
            if version > VERSION:
                raise DatabaseProblem(
                    f"The backup {src} was encrypted by a newer version of LBS Desk; install it to open this backup."
                )
            if version != VERSION or not (10 <= log2_n <= 22 and 1 <= r <= 32 and 1 <= p <= 16) \
                    or not (1024 <= chunk_size <= 64 * 1024 * 1024):
                raise DatabaseProblem(WRONG_PASSPHRASE)
            aead = AESGCM(_key(passphrase or "", salt, log2_n, r, p))
            with open(partial, "wb") as out:
                index = 0
                while True:
                    sealed = _read_full(source, chunk_size + TAG_SIZE)
                    last = len(sealed) < chunk_size + TAG_SIZE
                    if len(sealed) < TAG_SIZE:
                        raise DatabaseProblem(WRONG_PASSPHRASE)  # truncated
                    out.write(aead.decrypt(_nonce(prefix, index, last), sealed, header))
                    if last:
                        break
                    index += 1
                if source.read(1):
                    raise DatabaseProblem(WRONG_PASSPHRASE)  # something appended
            os.replace(partial, dst)
    except InvalidTag:
        _discard(partial)
        raise DatabaseProblem(WRONG_PASSPHRASE) from None
    except FileNotFoundError as exc:
        _discard(partial)
        if not src.exists():
            raise DatabaseProblem(f"There is no backup {src}: is the USB stick or network drive connected?") from None
        raise DatabaseProblem(write_problem_message(exc, dst)) from None
    except OSError as exc:
        _discard(partial)
        raise DatabaseProblem(write_problem_message(exc, dst)) from None
    except BaseException:
        _discard(partial)
        raise
    return dst


def _discard(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
