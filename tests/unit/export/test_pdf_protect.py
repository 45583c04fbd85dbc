"""Neutral properties and AES-256 protection of a PDF, checked by opening it again."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from fftimeline.export.pdf_protect import decrypt_pdf, encrypt_pdf, neutral_pdf
from fftimeline.export.protect import ProtectionFailed
from tests.unit.export.pdf_sample import as_bytes, pdf_with_text


def trailer(reader: PdfReader) -> Any:
    """The file's trailer, untyped (pypdf types its values loosely)."""
    return reader.trailer


def test_properties_name_no_one_and_there_is_no_xmp() -> None:
    writer = pdf_with_text("Seen at the park")
    writer.add_metadata({"/Author": "jsmith", "/Title": "Jayden Okafor chronology"})
    writer.xmp_metadata = None
    plain = neutral_pdf(as_bytes(writer))
    reader = PdfReader(io.BytesIO(plain))
    assert {str(k): str(v) for k, v in (reader.metadata or {}).items()} == {
        "/Title": "Chronology",
        "/Creator": "fftimeline",
        "/Producer": "fftimeline",
    }
    assert "/Metadata" not in trailer(reader)["/Root"]
    assert b"jsmith" not in plain and b"Jayden" not in plain


def test_aes_256_opens_only_with_the_password() -> None:
    plain = neutral_pdf(as_bytes(pdf_with_text("Canary Zq9 at the park")))
    encrypted = encrypt_pdf(plain, "a long password")
    reader = PdfReader(io.BytesIO(encrypted))
    assert reader.is_encrypted
    assert trailer(reader)["/Encrypt"]["/V"] == 5 and trailer(reader)["/Encrypt"]["/R"] == 6
    assert decrypt_pdf(encrypted, "wrong password") is None
    opened = decrypt_pdf(encrypted, "a long password")
    assert opened is not None and "Canary Zq9" in opened.pages[0].extract_text()
    assert b"Canary" not in encrypted


def test_a_file_that_cannot_be_protected_is_refused() -> None:
    with pytest.raises(ProtectionFailed):
        encrypt_pdf(b"not a pdf", "a long password")
