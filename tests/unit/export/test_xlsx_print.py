"""The spreadsheet printed as a new user would print it: through LibreOffice, to PDF.

The PDF's words are read with their positions and sizes (pdfplumber): no printed word is
smaller than 8 pt, no two words overlap (rows are tall enough for their wrapped text), and
every row's text is printed whole (nothing is cut off by a row that is too short).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pdfplumber
import pytest

from fftimeline.export.xlsx import ChronologyRow, Cover, build_xlsx
from tests.libreoffice import convert

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
]

LONG = (
    "Jordan was seen getting into a grey car outside the school gates at 15:20 with two "
    "older teenagers. Staff called his mother, who said she had not arranged a lift. "
    "He came home at 22:40 with a new phone and would not say where he had been."
)


def _rows(n: int) -> list[ChronologyRow]:
    return [
        ChronologyRow(
            date_words=f"between {1 + i % 20} and {3 + i % 20} March 2025",
            sort_date=dt.date(2025, 3, 1 + i % 20),
            kind="Missing episode" if i % 3 == 0 else "Concern",
            what_happened=f"Row {i} begins. "
            + LONG[: 60 + (i * 37) % len(LONG)]
            + f" Row {i} ends.",
            nature="Opinion of Dr Shah, paediatrician",
            source="Priya Shah, Head of Year 10, Westbridge Academy",
            impact="Negative" if i % 2 else "Neutral",
            action_or_outcome="Next: Return home interview (Sam Okoro)\n"
            "Outcome: Jordan spoke to the youth worker",
            family_view="Disputes: Donna says he was at his cousin's house all evening.",
            significance="Serious risk" if i % 5 == 0 else "Routine",
            grading="2B P",
            missing_episode=i % 3 == 0,
        )
        for i in range(n)
    ]


def _to_pdf(tmp_path: Path, data: bytes) -> Path:
    xlsx = tmp_path / "chronology.xlsx"
    xlsx.write_bytes(data)
    return convert(xlsx, "pdf", tmp_path / "pdf")


def _overlaps(words: list[dict[str, float]]) -> list[tuple[str, str]]:
    """Pairs of words whose boxes overlap by more than a sliver."""
    found = []
    ordered = sorted(words, key=lambda w: w["top"])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b["top"] >= a["bottom"] - 0.5:
                break
            wide = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            tall = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if wide > 0.5 and tall > 0.5:
                found.append((str(a["text"]), str(b["text"])))
    return found


@pytest.mark.parametrize("with_grading", [False, True])
def test_printed_spreadsheet_is_readable(tmp_path: Path, with_grading: bool) -> None:
    cover = Cover(
        "J. R.", "Strategy meeting", "Strategy meeting", "Members of the strategy meeting",
        "Sam Okoro", dt.datetime(2026, 3, 3, 10, 0), 40, (("not shared with this audience", 2),),
        shows_grading=with_grading,
    )  # fmt: skip
    pdf_path = _to_pdf(tmp_path, build_xlsx(cover, _rows(40)))
    assert pdf_path.exists(), "LibreOffice did not convert the workbook"
    with pdfplumber.open(pdf_path) as pdf:
        sizes = [c["size"] for page in pdf.pages for c in page.chars]
        assert min(sizes) >= 8, f"smallest printed text {min(sizes):.1f} pt"
        tokens: list[str] = []
        for page in pdf.pages:
            words = page.extract_words(extra_attrs=["size"])
            assert _overlaps(words) == [], f"overlapping words on page {page.page_number}"
            tokens += [str(w["text"]) for w in words]
    # Every row's first and last sentence is printed: no row hides its last lines.
    assert tokens.count("begins.") == 40 and tokens.count("ends.") == 40
    assert "Sortable" not in tokens
