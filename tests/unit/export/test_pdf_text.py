"""Reading every text of a PDF back for the leak scan: pages, properties and hidden places."""

from __future__ import annotations

from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from fftimeline.export.pdf_text import (
    BOOKMARKS,
    NOTES,
    PROPERTIES,
    UNREADABLE,
    normalised,
    pdf_contents,
)
from tests.unit.export.pdf_sample import as_bytes, pdf_with_text


def _text(contents, place: str) -> str:
    return "\n".join(u.text for u in contents.units if u.place == place)


def test_page_text_and_properties_are_read() -> None:
    writer = pdf_with_text("Seen with Marcus Bell", "at the park")
    writer.add_metadata({"/Author": "Canary Author Zq1"})
    contents = pdf_contents(as_bytes(writer))
    assert contents.pages == 1 and contents.problems == ()
    assert "Marcus Bell" in _text(contents, "page 1")
    assert "Canary Author Zq1" in _text(contents, PROPERTIES)


def test_bookmarks_notes_and_odd_strings_are_read_too() -> None:
    writer = pdf_with_text("Nothing here")
    writer.add_outline_item(title="Canary Bookmark Zq2", page_number=0)
    writer.add_annotation(
        0,
        {
            "/Type": "/Annot",
            "/Subtype": "/Text",
            "/Rect": [10, 10, 20, 20],
            "/Contents": "Canary Note Zq3",
        },
    )
    writer.root_object[NameObject("/Odd")] = TextStringObject("Canary Odd Zq4")
    contents = pdf_contents(as_bytes(writer))
    assert "Canary Bookmark Zq2" in _text(contents, BOOKMARKS)
    assert "Canary Note Zq3" in _text(contents, NOTES)
    assert "notes or form fields" in contents.problems
    assert any("Canary Odd Zq4" in u.text for u in contents.units)


def test_attachments_and_scripts_are_problems_in_themselves() -> None:
    writer = pdf_with_text("Nothing here")
    writer.add_attachment("notes.txt", b"Canary attachment")
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("x")}
    )
    problems = pdf_contents(as_bytes(writer)).problems
    assert "an attachment" in problems and "an action run on opening" in problems


def test_an_unreadable_or_encrypted_file_fails_closed() -> None:
    assert pdf_contents(b"%PDF-1.4 this is not a pdf").problems == (UNREADABLE,)
    assert pdf_contents(b"").units == ()
    writer = pdf_with_text("Secret words")
    writer.encrypt("a long password", algorithm="AES-256")
    assert pdf_contents(as_bytes(writer)).problems != ()


def test_ligatures_read_as_their_letters() -> None:
    assert normalised("Gri\ufb03n") == "Griffin"
