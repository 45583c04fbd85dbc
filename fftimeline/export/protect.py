"""Password protection of an exported workbook, in memory (export layer).

Uses msoffcrypto-tool's ECMA-376 Agile encryption (AES-256), which Excel and LibreOffice
open with the password. The encrypted bytes are decrypted again straight away and compared
with the plain ones, so a file that could not be opened is never handed to the user.
"""

from __future__ import annotations

import io

from msoffcrypto.format.ooxml import OOXMLFile

from fftimeline.domain.errors import DomainError

MIN_PASSWORD = 8
PASSWORD_REMINDER = (
    "Send the password by a different route from the file (for example by phone, not in the "
    "same email)."
)


class ProtectionFailed(DomainError):
    """The workbook could not be protected, or the protected file did not open again."""

    def __init__(self) -> None:
        super().__init__(
            "protection_failed",
            "The file could not be protected with the password. Nothing was written.",
        )


def password_problems(password: str, repeated: str) -> list[str]:
    """Plain-words reasons a file password cannot be used ([] = fine)."""
    problems = []
    if len(password) < MIN_PASSWORD:
        problems.append(f"Use at least {MIN_PASSWORD} characters for the file password.")
    if password != repeated:
        problems.append("The two passwords are not the same.")
    return problems


def encrypt_xlsx(plain: bytes, password: str) -> bytes:
    """``plain`` encrypted with ``password``; checked by decrypting it again."""
    try:
        out = io.BytesIO()
        OOXMLFile(io.BytesIO(plain)).encrypt(password, out)
        encrypted = out.getvalue()
    except Exception as exc:  # any failure of the library means "not protected"
        raise ProtectionFailed() from exc
    if decrypt_xlsx(encrypted, password) != plain:
        raise ProtectionFailed()
    return encrypted


def decrypt_xlsx(encrypted: bytes, password: str) -> bytes | None:
    """The plain workbook inside ``encrypted``, or None when the password does not open it."""
    try:
        office = OOXMLFile(io.BytesIO(encrypted))
        office.load_key(password=password)
        out = io.BytesIO()
        office.decrypt(out, verify_integrity=True)
    except Exception:  # noqa: BLE001 - wrong password, damaged or not encrypted: all "no"
        return None
    return out.getvalue()
