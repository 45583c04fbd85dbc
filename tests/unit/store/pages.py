"""Decrypt every page of a vault and of its -wal with the key, to search what is really there.

SQLCipher 4 defaults (which the store pins): 4096-byte pages, each ending in 80 reserved bytes
(a 16-byte IV, then a 64-byte HMAC); the key is PBKDF2-HMAC-SHA512 of the passphrase over the
16-byte salt at the start of the file, 256,000 iterations; pages are AES-256-CBC. Page 1 keeps
the salt in its first 16 bytes instead of the SQLite header's first 16.
A WAL file is a 32-byte header, then frames of a 24-byte header and one encrypted page each.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16
ITERATIONS = 256_000
WAL_HEADER = 32
FRAME_HEADER = 24


def _key(passphrase: bytes, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", passphrase, salt, ITERATIONS, 32)


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    body = page[SALT if first else 0 : PAGE - RESERVE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def plaintext(vault: Path, passphrase: bytes) -> bytes:
    """Every page of the vault and of its -wal (if any), decrypted, one after another.

    Raises AssertionError if the key does not decrypt page 1 to a valid SQLite header, so a
    search of the result can never pass just because decryption produced noise.
    """
    data = vault.read_bytes()
    key = _key(passphrase, data[:SALT])
    first = _decrypt(data[:PAGE], key, True)
    # Header bytes 16-17: the page size; byte 20: reserved bytes per page (the IV and HMAC).
    assert first[:2] == PAGE.to_bytes(2, "big") and first[4] == RESERVE, "wrong key or format"
    parts = [first]
    parts += [_decrypt(data[i : i + PAGE], key, False) for i in range(PAGE, len(data), PAGE)]
    wal = Path(f"{vault}-wal")
    if wal.exists():
        frames = wal.read_bytes()[WAL_HEADER:]
        step = FRAME_HEADER + PAGE
        for at in range(0, len(frames) - step + 1, step):
            number = int.from_bytes(frames[at : at + 4], "big")
            page = frames[at + FRAME_HEADER : at + step]
            parts.append(_decrypt(page, key, number == 1))
    return b"".join(parts)


def found(text: bytes, canaries: list[str]) -> list[str]:
    """The canaries whose last 8 characters occur in ``text`` as typed or in lower case.

    The search index stores words lower-cased and prefix-compressed (a word shares its start
    with the word before it), so only a word's end is sure to be stored whole.
    """
    hits = []
    for canary in canaries:
        tail = canary[-8:]
        if tail.encode() in text or tail.lower().encode() in text:
            hits.append(canary)
    return hits
