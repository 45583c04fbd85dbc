"""The strategy-meeting spreadsheet, written in memory (export layer).

Takes rows that are *already redacted* (plain strings chosen by the redaction layer) and
builds three visible sheets: a cover sheet saying what this is and how to handle it, the
chronology itself, and a month-by-month summary (and the safety plan when asked for).
Nothing is hidden anywhere: no comments, no hidden rows, columns or sheets, no defined names
beyond the print titles and filter range the format needs, and neutral document properties.
The bytes never touch the disk here.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from fftimeline.catalogue import gettext
from fftimeline.export.cell_lines import FONT_NAME, LineCounter
from fftimeline.export.layout import Layout
from fftimeline.export.plan_document import SharedPlan
from fftimeline.export.plan_sheet import PLAN_SHEET, write_plan_sheet
from fftimeline.export.sheet_rows import add_rows, rows_xml
from fftimeline.export.summary import write_summary
from fftimeline.export.xlsx_long import rows_that_fit

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
        "Fact, reported, allegation, opinion (with whose), intelligence, the family's account, "
        "or the child's account.",
    ),
    ("Significance", "Routine, significant, or serious risk (needs urgent action)."),
    ("Family's view", "What each parent or carer says, and whether they agree."),
    (
        "Child's view",
        "What the child says, and their wishes about sharing; never merged into the family's.",
    ),
)

HEADERS: tuple[tuple[str, int], ...] = (
    ("Date", 14),
    ("Kind", 12),
    ("Significance", 13),
    ("What happened", 40),
    ("How we know", 14),
    ("Source", 17),
    ("Impact", 9),
    ("Action or outcome", 20),
    ("Family's view", 19),
    ("Child's view", 15),
)
"""The chronology's columns and widths (in characters). No "sortable date": the rows are
already in date order; how serious each entry is stands next to its kind, where a meeting
looks first. Together they fit an A4 landscape page at 8 pt or more."""
GRADING_HEADER = ("Grading", 10)

BOLD = Font(name=FONT_NAME, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
WRAP = Alignment(wrap_text=True, vertical="top")
NEUTRAL = "fftimeline"
NEUTRAL_IMPACT = "Neutral"
PAGE_MARKS = {
    "oddHeader.center": MARKING,
    "oddFooter.left": MARKING,
    "oddFooter.right": "Page &P of &N",
}
"""What every sheet's header and footer say: the marking and page numbers."""
PROPERTIES = {"creator": NEUTRAL, "lastModifiedBy": NEUTRAL, "title": "Chronology"}
"""Document properties that name no one."""


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
    child_view: str = ""
    missing_episode: bool = False
    entry_id: int | None = None

    def values(self, with_grading: bool) -> list[object]:
        """The cells of this row, in column order (a neutral impact is left blank)."""
        cells: list[object] = [
            self.date_words[:1].upper() + self.date_words[1:],
            self.kind,
            self.significance,
            self.what_happened,
            self.nature,
            self.source,
            "" if self.impact == NEUTRAL_IMPACT else self.impact,
            self.action_or_outcome,
            self.family_view,
            self.child_view,
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
    family: bool = False


def build_xlsx(cover: Cover, rows: list[ChronologyRow]) -> bytes:
    """The whole workbook as bytes: cover, chronology and summary sheets."""
    return build_xlsx_with_layout(cover, rows)[0]


def build_xlsx_with_layout(
    cover: Cover, rows: list[ChronologyRow], plan: SharedPlan | None = None
) -> tuple[bytes, Layout]:
    """The workbook as bytes, and where it put what (for the leak scan).

    ``plan``: the current safety plan, on a sheet of its own after the summary.
    """
    wb = Workbook()
    layout = Layout()
    _cover_sheet(wb.active, cover)  # type: ignore[arg-type]
    _cover_layout(layout, cover)
    fitting = rows_that_fit(rows)  # a text longer than a cell goes on in the next rows
    chronology = wb.create_sheet("Chronology")
    body = _chronology_sheet(chronology, fitting, cover.shows_grading)
    _chronology_layout(layout, fitting, cover.shows_grading)
    summary_own = write_summary(wb.create_sheet("Summary"), rows)
    layout.own |= {layout.cell("Summary", r, c): text for (r, c), text in summary_own.items()}
    if plan is not None:
        plan_own = write_plan_sheet(wb.create_sheet(PLAN_SHEET), plan)
        layout.own |= {layout.cell(PLAN_SHEET, r, c): t for (r, c), t in plan_own.items()}
    for n, ws in enumerate(wb.worksheets, start=1):
        if ws is not chronology:  # the chronology's rows are sized as they are written
            fit_row_heights(ws)
        _print_setup(ws)
        layout.own[f"sheet {n}"] = ws.title
        layout.own |= {f"{ws.title}!{where}": text for where, text in PAGE_MARKS.items()}
    _neutral_properties(wb, cover.produced_at)
    layout.own |= {f"properties:{name}": text for name, text in PROPERTIES.items()}
    out = io.BytesIO()
    wb.save(out)
    part = f"xl/worksheets/sheet{wb.worksheets.index(chronology) + 1}.xml"
    return add_rows(out.getvalue(), part, body.xml, body.dimension), layout


CASE_DATA = frozenset({"Case", "For", "Recipients", "Purpose"})
"""Cover lines whose value is typed or chosen case data, scanned like the entries.

"For" is the audience's name: a custom audience's name is typed by the key worker."""


def _cover_layout(layout: Layout, cover: Cover) -> None:
    """The cover's own words: every label and value but the case data, and the legend."""
    layout.own[layout.cell("Cover", 1, 1)] = "Chronology"
    layout.own[layout.cell("Cover", 1, 2)] = MARKING
    row = 2
    for label, value in cover_lines(cover):
        layout.own[layout.cell("Cover", row, 1)] = label
        if label not in CASE_DATA:
            layout.own[layout.cell("Cover", row, 2)] = str(cell_text(value))
        row += 1
    layout.own[layout.cell("Cover", row + 1, 1)] = "Legend"
    for n, (label, value) in enumerate(LEGEND, start=row + 2):
        layout.own[layout.cell("Cover", n, 1)] = label
        layout.own[layout.cell("Cover", n, 2)] = value


def _chronology_layout(layout: Layout, rows: list[ChronologyRow], with_grading: bool) -> None:
    """Headings are the document's own words; each body cell is its entry's field.

    A heading is excused as written (in the language in use); a body cell is named in
    findings by its English heading ("what happened"), as the command line prints them.
    """
    headers = [*HEADERS, GRADING_HEADER] if with_grading else list(HEADERS)
    for column, (heading, _) in enumerate(headers, start=1):
        layout.own[layout.cell("Chronology", 1, column)] = gettext(heading)
        letter = get_column_letter(column)
        layout.entries |= {
            f"Chronology!{letter}{n}": (row.entry_id, heading)
            for n, row in enumerate(rows, start=2)
            if row.entry_id is not None
        }


FAMILY_LEFT_OUT = "Some information may not be included, to keep people safe."
"""What a family output says instead of counting what was kept from it."""


def _left_out_lines(cover: Cover) -> list[tuple[str, str]]:
    """Counts for professionals; one general sentence for the family, whatever was kept."""
    if cover.family:
        return [("What is not included", FAMILY_LEFT_OUT)]
    left_out = sum(n for _, n in cover.left_out)
    reasons = "; ".join(f"{n} {why}" for why, n in cover.left_out if n) or "none"
    return [
        ("Entries included", str(cover.included)),
        ("Entries left out", f"{left_out} ({reasons})"),
    ]


def cover_lines(cover: Cover) -> list[tuple[str, str]]:
    """The cover sheet's lines below its title: (label, value)."""
    return [
        ("What this is", "A chronology of events in a child's life, redacted for its audience."),
        ("Case", cover.case_label),
        ("Produced by", cover.produced_by),
        ("Produced on", cover.produced_at.strftime("%d %B %Y at %H:%M")),
        ("For", cover.audience),
        ("Recipients", cover.recipients),
        ("Purpose", cover.purpose),
        ("Marking", MARKING),
        ("Handling instructions", HANDLING),
        *_left_out_lines(cover),
    ]


def _cover_sheet(ws: Worksheet, cover: Cover) -> None:
    ws.title = "Cover"
    lines = cover_lines(cover)
    ws.append(["Chronology", MARKING])
    ws["A1"].font = Font(name=FONT_NAME, bold=True, size=14)
    ws["B1"].font = Font(name=FONT_NAME, bold=True, color="B00020")
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


@dataclass(frozen=True)
class _Body:
    """The chronology's body rows as sheet XML, and the sheet's used range with them in."""

    xml: str
    dimension: str


def _chronology_sheet(ws: Worksheet, rows: list[ChronologyRow], with_grading: bool) -> _Body:
    """The heading row, widths, panes, filter and print titles; the body rows as XML.

    The body is written by `sheet_rows` (openpyxl's per-cell objects were most of the cost
    of a large export), in one style: wrapped text at the top of the cell.
    """
    headers = [*HEADERS, GRADING_HEADER] if with_grading else list(HEADERS)
    ws.append([gettext(h) for h, _ in headers])
    for i, (_, width) in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        head = ws.cell(1, i)
        head.font, head.fill, head.alignment = BOLD, HEADER_FILL, WRAP
    widths = [w for _, w in headers]
    ws.row_dimensions[1].height = row_height([h for h, _ in headers], widths, bold=True)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 2)}"
    ws.print_title_rows = "1:1"
    values = [[str(cell_text(v)) for v in row.values(with_grading)] for row in rows]
    counter = LineCounter()
    heights = [row_height(list(v), widths, counter=counter) for v in values]
    xml = rows_xml(values, 2, _body_style(ws), heights)
    return _Body(xml, f"A1:{last}{len(rows) + 1}")


def _body_style(ws: Worksheet) -> int:
    """The workbook's style id for a body cell (wrapped, top), registered through a template.

    The template cell only registers the style; it is removed so it is not written.
    """
    template = ws.cell(2, 1)
    template.alignment = WRAP
    style_id = int(template.style_id)
    del ws._cells[(2, 1)]
    return style_id


LINE_PT = 15.0
"""The height of one line of 11 pt text in a spreadsheet row."""
MAX_ROW_PT = 409.0
"""The tallest row a spreadsheet allows."""


def row_height(
    values: Sequence[object],
    widths: list[int],
    *,
    bold: bool | Sequence[bool] = False,
    counter: LineCounter | None = None,
) -> float:
    """The row height (points) that shows every wrapped line of its tallest cell.

    Spreadsheet programs do not grow a row for wrapped text they did not lay out
    themselves, so a printed row would hide its text or run into the next; this lays each
    cell's words out at its column's width (`cell_lines`, with a margin for a wider font).
    ``bold`` is for the whole row, or cell by cell (bold text is wider).
    """
    counter = counter or LineCounter()
    bolds = [bold] * len(values) if isinstance(bold, bool) else bold
    lines = 1
    for value, width, heavy in zip(values, widths, bolds, strict=False):
        if isinstance(value, str) and value:
            lines = max(lines, counter.lines(value, width, bold=heavy))
    return min(MAX_ROW_PT, lines * LINE_PT + 3)


def fit_row_heights(ws: Worksheet) -> None:
    """Give every row of ``ws`` the height its wrapped text needs (see `row_height`)."""
    last = ws.max_column
    widths = [
        round(ws.column_dimensions[get_column_letter(i)].width or 10) for i in range(1, last + 1)
    ]
    counter = LineCounter()
    for number, row in enumerate(ws.iter_rows(), start=1):
        if ws.row_dimensions[number].height is None:
            bolds = [bool(c.font and c.font.bold) for c in row]
            values = [c.value for c in row]
            ws.row_dimensions[number].height = row_height(
                values, widths, bold=bolds, counter=counter
            )


MIN_SCALE = 74
"""The smallest print scale: 11 pt text stays at 8 pt or more (73 % prints at 7.99 pt)."""
PRINTABLE_WIDTH_PT = 785.0
"""A4 landscape less 10 mm margins each side."""


def print_scale(widths: list[int]) -> int:
    """The scale (per cent) at which the columns fill the page width, never below `MIN_SCALE`.

    A column ``w`` characters wide prints about ``7.5 w + 5`` pixels wide at 96 per inch
    (measured in LibreOffice with Carlito, Calibri's metric twin: 5.6 pt per character).
    """
    width_pt = sum(7.5 * w + 5 for w in widths) * 0.75
    return max(MIN_SCALE, min(100, int(PRINTABLE_WIDTH_PT / width_pt * 100)))


def _print_setup(ws: Worksheet) -> None:
    """Landscape A4, fit to the page width only where the text stays at least 8 pt.

    Narrow margins, the header row repeated (set with the sheet), the marking in the
    header and footer, and page numbers.
    """
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.85  # room for the marking above the rows
    ws.page_margins.header = ws.page_margins.footer = 0.3
    widths = [ws.column_dimensions[get_column_letter(i)].width for i in range(1, ws.max_column + 1)]
    scale = print_scale([round(w or 10) for w in widths])
    if scale > MIN_SCALE:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    else:
        ws.page_setup.scale = scale
    for where, text in PAGE_MARKS.items():
        which, part = where.split(".")
        getattr(getattr(ws, which), part).text = text


def _neutral_properties(wb: Workbook, when: dt.datetime) -> None:
    """Document properties that name no one."""
    props = wb.properties
    for name, text in PROPERTIES.items():
        setattr(props, name, text)
    props.created = when.replace(tzinfo=None)
    props.modified = when.replace(tzinfo=None)
