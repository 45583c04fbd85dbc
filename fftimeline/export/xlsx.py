"""The strategy-meeting spreadsheet, written in memory (export layer).

Takes rows that are *already redacted* (plain strings chosen by the redaction layer) and
builds three visible sheets: a cover sheet saying what this is and how to handle it, the
chronology itself, and a month-by-month summary. Nothing is hidden anywhere: no comments,
no hidden rows, columns or sheets, no defined names beyond the print titles and filter range
the format needs, and neutral document properties. The bytes never touch the disk here.
"""

from __future__ import annotations

import datetime as dt
import io
from copy import copy
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from fftimeline.catalogue import gettext
from fftimeline.export.summary import write_summary

MARKING = "OFFICIAL-SENSITIVE"
HANDLING = (
    "Handle as OFFICIAL-SENSITIVE. Share only with the people named as recipients, for the "
    "purpose stated. Do not forward, copy or print more than you need. Store it securely and "
    "delete it when the purpose is met. Ask the key worker before sharing any part further."
)
LEGEND: tuple[tuple[str, str], ...] = (
    ("Source withheld (reason)", "The source is not named, for the reason given."),
    ("'an adult male', 'a friend of the child'", "A person's name replaced by their role."),
    ("[redacted]", "Text the key worker removed for this audience."),
    (
        "How we know",
        "Fact, reported, allegation, opinion (with whose), intelligence, or the family's account.",
    ),
    ("Significance", "Routine, significant, or serious risk (needs urgent action)."),
    ("Family's view", "What the family says, and whether they agree."),
    ("Sortable date", "The earliest day the event could have happened, for sorting."),
)

HEADERS: tuple[tuple[str, int], ...] = (
    ("Date", 22),
    ("Sortable date", 13),
    ("Kind", 16),
    ("What happened", 60),
    ("How we know", 18),
    ("Source", 26),
    ("Impact", 10),
    ("Action or outcome", 36),
    ("Family's view", 36),
    ("Significance", 13),
)
GRADING_HEADER = ("Grading", 16)

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "yyyy-mm-dd"
NEUTRAL = "fftimeline"


@dataclass(frozen=True)
class ChronologyRow:
    """One already-redacted entry, every value ready to print."""

    date_words: str
    sort_date: dt.date
    kind: str
    what_happened: str
    nature: str
    source: str
    impact: str
    action_or_outcome: str
    family_view: str
    significance: str
    grading: str = ""
    missing_episode: bool = False

    def values(self, with_grading: bool) -> list[object]:
        """The cells of this row, in column order."""
        cells: list[object] = [
            self.date_words,
            self.sort_date,
            self.kind,
            self.what_happened,
            self.nature,
            self.source,
            self.impact,
            self.action_or_outcome,
            self.family_view,
            self.significance,
        ]
        return [*cells, self.grading] if with_grading else cells


def cell_text(value: object) -> object:
    """A value safe to put in a cell as typed text.

    Characters XML cannot hold (pasted control characters) become spaces, so one odd
    character cannot block an export; text starting with '=' gets a leading space so a
    spreadsheet program shows it instead of running it as a formula.
    """
    if not isinstance(value, str):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub(" ", value)
    return " " + text if text.startswith("=") else text


@dataclass(frozen=True)
class Cover:
    """What the cover sheet says (all already fit for the audience)."""

    case_label: str
    audience: str
    purpose: str
    recipients: str
    produced_by: str
    produced_at: dt.datetime
    included: int
    left_out: tuple[tuple[str, int], ...]
    shows_grading: bool = False


def build_xlsx(cover: Cover, rows: list[ChronologyRow]) -> bytes:
    """The whole workbook as bytes: cover, chronology and summary sheets."""
    wb = Workbook()
    _cover_sheet(wb.active, cover)  # type: ignore[arg-type]
    _chronology_sheet(wb.create_sheet("Chronology"), rows, cover.shows_grading)
    write_summary(wb.create_sheet("Summary"), rows)
    for ws in wb.worksheets:
        _print_setup(ws)
    _neutral_properties(wb, cover.produced_at)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _cover_sheet(ws: Worksheet, cover: Cover) -> None:
    ws.title = "Cover"
    left_out = sum(n for _, n in cover.left_out)
    reasons = "; ".join(f"{n} {why}" for why, n in cover.left_out if n) or "none"
    lines: list[tuple[str, str]] = [
        ("What this is", "A chronology of events in a child's life, redacted for its audience."),
        ("Case", cover.case_label),
        ("Produced by", cover.produced_by),
        ("Produced on", cover.produced_at.strftime("%d %B %Y at %H:%M")),
        ("For", cover.audience),
        ("Recipients", cover.recipients),
        ("Purpose", cover.purpose),
        ("Marking", MARKING),
        ("Handling instructions", HANDLING),
        ("Entries included", str(cover.included)),
        ("Entries left out", f"{left_out} ({reasons})"),
    ]
    ws.append(["Chronology", MARKING])
    ws["A1"].font = Font(bold=True, size=14)
    ws["B1"].font = Font(bold=True, color="B00020")
    for label, value in lines:
        ws.append([label, cell_text(value)])
    ws.append([])
    ws.append(["Legend", ""])
    ws.cell(ws.max_row, 1).font = BOLD
    for label, value in LEGEND:
        ws.append([label, value])
    for row in ws.iter_rows(min_row=2):
        row[0].font = BOLD
        for cell in row:
            cell.alignment = WRAP
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 90


def _chronology_sheet(ws: Worksheet, rows: list[ChronologyRow], with_grading: bool) -> None:
    headers = [*HEADERS, GRADING_HEADER] if with_grading else list(HEADERS)
    ws.append([gettext(h) for h, _ in headers])
    for i, (_, width) in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        head = ws.cell(1, i)
        head.font, head.fill, head.alignment = BOLD, HEADER_FILL, WRAP
    for row in rows:
        ws.append([cell_text(v) for v in row.values(with_grading)])
    _wrap_body(ws)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 2)}"
    ws.print_title_rows = "1:1"


def _wrap_body(ws: Worksheet) -> None:
    """Wrap every body cell, dates as yyyy-mm-dd.

    Styles are set once on a template and copied: assigning a style object per cell makes
    openpyxl look it up each time, which dominates the cost of a 10,000-row export.
    """
    if ws.max_row < 2:
        return
    text, date = ws.cell(2, 1), ws.cell(2, 2)
    text.alignment = WRAP
    date.alignment, date.number_format = WRAP, DATE_FORMAT
    text_style = copy(text._style)  # type: ignore[union-attr]
    date_style = copy(date._style)  # type: ignore[union-attr]
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            cell._style = copy(date_style if cell.column == 2 else text_style)  # type: ignore[union-attr]


def _print_setup(ws: Worksheet) -> None:
    """Landscape, fit to the page width, marking in header and footer, page numbers."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    header, footer = ws.oddHeader, ws.oddFooter
    assert header is not None and footer is not None
    header.center.text = MARKING
    footer.left.text = MARKING
    footer.right.text = "Page &P of &N"


def _neutral_properties(wb: Workbook, when: dt.datetime) -> None:
    """Document properties that name no one."""
    props = wb.properties
    props.creator = NEUTRAL
    props.lastModifiedBy = NEUTRAL
    props.title = "Chronology"
    props.created = when.replace(tzinfo=None)
    props.modified = when.replace(tzinfo=None)
