"""Small PDFs made with pypdf (no Qt), with text on the page and in hidden places."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import (
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
)


def pdf_with_text(*lines: str) -> PdfWriter:
    """A one-page PDF whose page shows ``lines`` in Helvetica (real, extractable text)."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    resources = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    page[NameObject("/Resources")] = resources
    ops = "".join(
        f"BT /F1 12 Tf 72 {760 - 20 * i} Td ({line}) Tj ET\n" for i, line in enumerate(lines)
    )
    stream = DecodedStreamObject()
    stream.set_data(ops.encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(ContentStream(stream, writer))
    return writer


def as_bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
