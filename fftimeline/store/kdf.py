"""SQLCipher 4's key derivation and page-1 check, done before SQLite sees the file (store).

A wrong passphrase must change nothing on disk. SQLite cannot promise that: when a vault
has a ``-wal`` left by a crash, a connection that fails to read still folds the ``-wal``
into the file and deletes it when it is closed. So the passphrase is checked here first,
exactly as SQLCipher 4 checks it: the key is PBKDF2-HMAC-SHA512 (256,000 iterations) of
the passphrase with the file's 16-byte salt, and it is right when the HMAC-SHA512 of the
first page (keyed from the key and the salt XOR 0x3a) matches the one stored in the page.
Only then is SQLite given the derived key, so the derivation is paid for once.

The first page is read once, while no connection of this process holds the file (see
`fftimeline.store.held`), and kept: a later check of the current passphrase (before a
passphrase change) uses the kept page and reads no file.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

PAGE_SIZE = 4096
KDF_ITERATIONS = 256_000
SALT_SIZE = 16
HMAC_SIZE = 64
KEY_SIZE = 32
HMAC_SALT_MASK = 0x3A
HMAC_KDF_ITERATIONS = 2
_HEX = b"0123456789abcdef"


def read_first_page(path: Path) -> bytes:
    """The first page of a file (fewer bytes when the file is shorter).

    Call only while this process holds no connection on ``path``.
    """
    with path.open("rb") as fh:
        return fh.read(PAGE_SIZE)


def derive_key(first_page: bytes, passphrase: bytearray) -> bytearray | None:
    """The SQLCipher key for ``passphrase`` if it opens the file this page came from, else None.

    The caller zeroes the returned buffer after use.
    """
    if len(first_page) != PAGE_SIZE:
        return None
    salt = first_page[:SALT_SIZE]
    key = bytearray(hashlib.pbkdf2_hmac("sha512", passphrase, salt, KDF_ITERATIONS, KEY_SIZE))
    mask = bytes(b ^ HMAC_SALT_MASK for b in salt)
    mac_key = hashlib.pbkdf2_hmac("sha512", key, mask, HMAC_KDF_ITERATIONS, KEY_SIZE)
    body = first_page[SALT_SIZE : PAGE_SIZE - HMAC_SIZE] + (1).to_bytes(4, "little")
    expected = hmac.new(mac_key, body, "sha512").digest()
    if hmac.compare_digest(expected, first_page[PAGE_SIZE - HMAC_SIZE :]):
        return key
    key[:] = bytes(len(key))
    return None


def key_matches(first_page: bytes, passphrase: bytearray) -> bool:
    """Whether ``passphrase`` opens the vault whose first page this is (reads no file)."""
    key = derive_key(first_page, passphrase)
    if key is None:
        return False
    key[:] = bytes(len(key))
    return True


def raw_key_spec(key: bytearray) -> bytearray:
    """The ``x'…'`` form SQLCipher takes for a derived key (no second derivation)."""
    spec = bytearray(2 * len(key) + 3)
    spec[0:2], spec[-1] = b"x'", ord("'")
    for i, byte in enumerate(key):  # no intermediate str: the buffer can be zeroed
        spec[2 + 2 * i] = _HEX[byte >> 4]
        spec[3 + 2 * i] = _HEX[byte & 0x0F]
    return spec
