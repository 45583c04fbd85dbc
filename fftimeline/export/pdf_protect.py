"""Neutral properties and optional AES-256 password protection for a PDF (export layer).

Qt writes its own name as the producer and an XMP metadata stream; `neutral_pdf` rewrites
the file in memory so its properties say only "Chronology" and "fftimeline" and it has no
XMP stream. `encrypt_pdf` protects it with AES-256 (PDF 2.0 security handler, R6); the
encrypted bytes are opened again with the password straight away and their text compared
with the plain file, so a file that could not be opened is never handed to the user.
"""

from __future__ import annotations

import io
import secrets

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from fftimeline.export.document import TITLE
from fftimeline.export.protect import ProtectionFailed

NEUTRAL = "fftimeline"
NEUTRAL_PROPERTIES = {"/Title": TITLE, "/Creator": NEUTRAL, "/Producer": NEUTRAL}


def neutral_pdf(data: bytes) -> bytes:
    """The same PDF with neutral properties only and no XMP metadata."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.metadata = NEUTRAL_PROPERTIES
    if "/Metadata" in writer.root_object:
        del writer.root_object["/Metadata"]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _texts(reader: PdfReader) -> list[str]:
    return [p.extract_text() or "" for p in reader.pages]


def encrypt_pdf(plain: bytes, password: str) -> bytes:
    """``plain`` protected with ``password`` (AES-256); checked by opening it again."""
    try:
        original = PdfReader(io.BytesIO(plain))
        writer = PdfWriter(clone_from=original)
        writer.encrypt(
            user_password=password,
            owner_password=secrets.token_urlsafe(32),
            algorithm="AES-256",
        )
        out = io.BytesIO()
        writer.write(out)
        encrypted = out.getvalue()
        opened = decrypt_pdf(encrypted, password)
    except (PyPdfError, ValueError, TypeError, ImportError) as exc:
        raise ProtectionFailed() from exc
    if opened is None or _texts(opened) != _texts(original):
        raise ProtectionFailed()
    return encrypted


def decrypt_pdf(data: bytes, password: str) -> PdfReader | None:
    """The opened PDF, or None when ``password`` does not open it (pypdf returns 0 then)."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if not reader.is_encrypted or not reader.decrypt(password):
            return None
        reader.pages[0].extract_text()
    except (PyPdfError, ValueError, TypeError):
        return None
    return reader
