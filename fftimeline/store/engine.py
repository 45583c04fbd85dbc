"""Which SQLCipher the app is running on, for the About box (store layer).

Read from the library itself through a throw-away in-memory connection, so the answer is the
code that really encrypts the vault, with or without a vault open.
"""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlcipher


def sqlcipher_versions() -> tuple[str, str]:
    """SQLCipher's version ("4.19.0 community") and the SQLite version it is built on."""
    conn = sqlcipher.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    cipher = str(row[0]) if row and row[0] else "unknown"
    return cipher, str(sqlcipher.sqlite_version)
