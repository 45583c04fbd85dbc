"""The professional chronology on paper: a landscape table for a meeting (export layer).

For every audience but the family and the child: the facts of the cover sheet once, then
the chronology as a table whose header row repeats on every page, with only the columns
that audience needs, text never below 9 pt, rows that grow with their text, and the
protective marking in the header and footer of every page. It takes the same rows as the
spreadsheet (`ChronologyRow`), so a printed page and a spreadsheet row always agree. As on
the spreadsheet's cover, the case's label, the recipients and the purpose are read by the
leak scan; the rest of the facts (the audience's label, the author, the counts, the
handling instructions) are the document's own words.
"""

from __future__ import annotations

from fftimeline.export.document import (
    FIRST_PAGE,
    TABLE_PT,
    Block,
    Document,
    Heading,
    Orientation,
    PageBreak,
    Paragraph,
    Part,
    Table,
)
from fftimeline.export.plan_document import SharedPlan, team_plan_blocks
from fftimeline.export.xlsx import HANDLING, MARKING, ChronologyRow, Cover

LARGE_TABLE_PT = 12.0
"""The table's text with the large-print option."""

_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Date", 10),
    ("Kind", 10),
    ("What happened", 26),
    ("How we know", 10),
    ("Source", 13),
    ("Action or outcome", 14),
    ("Family's view", 13),
    ("Child's view", 10),
    ("Significance", 13),
)
"""The table's columns and their shares of the page's width: every heading word fits whole
on its line ("Significance" broke as "Significanc e" in a column of 11), with grading too."""
_GRADING = ("Grading", 9)


def _cells(row: ChronologyRow, with_grading: bool) -> tuple[str, ...]:
    cells = (
        row.date_words[:1].upper() + row.date_words[1:],
        row.kind,
        row.what_happened,
        row.nature,
        row.source,
        row.action_or_outcome,
        row.family_view,
        row.child_view,
        row.significance,
    )
    return (*cells, row.grading) if with_grading else cells


def build_meeting_document(
    cover: Cover,
    rows: list[ChronologyRow],
    entry_ids: list[int],
    *,
    large_print: bool = False,
    plan: SharedPlan | None = None,
) -> Document:
    """The professional chronology for ``cover.audience`` as a printable document.

    ``plan``: the current safety plan, printed after the chronology when the key worker asks.
    """
    columns = [*_COLUMNS, _GRADING] if cover.shows_grading else list(_COLUMNS)
    left_out = sum(n for _, n in cover.left_out)
    reasons = "; ".join(f"{n} {why}" for why, n in cover.left_out if n) or "none"
    facts = Paragraph.of(
        "Case: ",
        Part(cover.case_label, FIRST_PAGE),
        # Initials already end in a full stop ("J. O."): no second one after them.
        f"{'' if cover.case_label.endswith('.') else '.'} For: ",
        Part(cover.audience, FIRST_PAGE),  # a custom audience's name is typed: scanned
        ". Recipients: ",
        Part(cover.recipients, FIRST_PAGE),
        ". Purpose: ",
        Part(cover.purpose, FIRST_PAGE),
        ".",
    )
    produced = cover.produced_at.strftime("%d %B %Y at %H:%M")
    blocks: tuple[Block, ...] = (
        Heading("Chronology", 1),
        facts,
        Paragraph.of(f"Produced by {cover.produced_by} on {produced}."),
        Paragraph.of(
            f"Entries included: {cover.included}. Entries left out: {left_out} ({reasons})."
        ),
        Paragraph.of(HANDLING, strong=True),
        Table(
            headers=tuple(h for h, _ in columns),
            widths=tuple(w for _, w in columns),
            rows=tuple(_cells(r, cover.shows_grading) for r in rows),
            entry_ids=tuple(entry_ids),
        ),
    )
    if plan is not None:
        blocks += (PageBreak(), *team_plan_blocks(plan))
    return Document(
        blocks=blocks,
        orientation=Orientation.LANDSCAPE,
        body_pt=LARGE_TABLE_PT if large_print else TABLE_PT,
        header=MARKING,
        footer=MARKING,
        entry_ids=tuple(entry_ids),
    )
