"""A `Document` as a `QTextDocument` laid out for one paint device (printing layer).

Built with the cursor API from plain text (never HTML), so nothing anyone typed can turn
into markup. Sizes are given in points and converted for the device, so the printed page,
the PDF and the preview agree.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QPaintDevice,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from fftimeline.export.document import (
    Block,
    Document,
    EntryCard,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)

FONT_FAMILIES = ["Arial", "Liberation Sans", "DejaVu Sans", "Helvetica"]
LOGICAL_DPI = 96.0
_HEADING_SCALE = {1: 1.7, 2: 1.3, 3: 1.1}


def body_font(points: float) -> QFont:
    """A plain sans-serif font without ligatures, so the PDF's text reads as it was typed."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


class _Writer:
    """Appends blocks to a `QTextDocument` through one cursor."""

    def __init__(self, doc: QTextDocument, points: float) -> None:
        # Lengths in text formats are logical pixels (96 per inch) that Qt scales to the
        # device itself; only fonts are in points.
        self.doc, self.points, self.px = doc, points, LOGICAL_DPI / 72.0
        self.cursor = QTextCursor(doc)
        self.started = False
        self.break_next = False

    def block(self, points: float, *, bold: bool = False, space_after: float = 0.6) -> None:
        """Start a new paragraph with these formats (the first one reuses the empty block)."""
        fmt = QTextBlockFormat()
        fmt.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(space_after * self.points * self.px)
        if self.break_next:
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            self.break_next = False
        chars = self.chars(points, bold=bold)
        if self.started:
            self.cursor.insertBlock(fmt, chars)
        else:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(chars)
            self.cursor.setCharFormat(chars)
            self.started = True

    def chars(self, points: float, *, bold: bool = False) -> QTextCharFormat:
        """Character format at ``points``."""
        fmt = QTextCharFormat()
        font = body_font(points)
        font.setBold(bold)
        fmt.setFont(font)
        return fmt

    def text(self, text: str, *, bold: bool = False, points: float | None = None) -> None:
        """Insert plain text at the cursor."""
        self.cursor.insertText(text, self.chars(points or self.points, bold=bold))

    def add(self, block: Block) -> None:
        """Append one block."""
        match block:
            case Heading():
                scale = _HEADING_SCALE.get(block.level, 1.0)
                self.block(self.points * scale, bold=True, space_after=0.4)
                self.text(block.text, bold=True, points=self.points * scale)
            case Paragraph():
                self.block(self.points, bold=block.strong)
                self.text(block.text, bold=block.strong)
            case EntryCard():
                self._card(block)
            case Table():
                self._table(block)
            case PageBreak():
                self.break_next = True

    def _frame(self, columns: int, rows: int, border_pt: float) -> QTextTableFormat:
        fmt = QTextTableFormat()
        fmt.setBorder(border_pt * self.px)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderBrush(QBrush(Qt.GlobalColor.black))
        fmt.setBorderCollapse(True)
        fmt.setCellSpacing(0)
        fmt.setCellPadding(0.35 * self.points * self.px)
        fmt.setBottomMargin(0.8 * self.points * self.px)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        if self.break_next:
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            self.break_next = False
        return fmt

    def _after_table(self) -> None:
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.started = True

    def _card(self, card: EntryCard) -> None:
        self.block(self.points * 0.3, space_after=0)  # the table goes after this block
        table = self.cursor.insertTable(1, 1, self._frame(1, 1, 0.75))
        cell = table.cellAt(0, 0).firstCursorPosition()
        cell.insertText(card.title, self.chars(self.points * 1.1, bold=True))
        if card.tag:
            cell.insertBlock(QTextBlockFormat(), self.chars(self.points, bold=True))
            cell.insertText(f"» {card.tag}", self.chars(self.points, bold=True))
        for line in card.lines:
            fmt = QTextBlockFormat()
            fmt.setTopMargin(0.3 * self.points * self.px)
            fmt.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            cell.insertBlock(fmt, self.chars(self.points))
            cell.insertText(f"{line.label}: ", self.chars(self.points, bold=True))
            cell.insertText(line.text, self.chars(self.points, bold=line.strong))
        self._after_table()

    def _table(self, table: Table) -> None:
        self.block(self.points * 0.3, space_after=0)
        fmt = self._frame(len(table.headers), len(table.rows) + 1, 0.75)
        fmt.setHeaderRowCount(1)
        total = sum(table.widths)
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, 100 * w / total) for w in table.widths]
        )
        grid = self.cursor.insertTable(len(table.rows) + 1, len(table.headers), fmt)
        bold, plain = self.chars(self.points, bold=True), self.chars(self.points)
        for column, header in enumerate(table.headers):
            grid.cellAt(0, column).firstCursorPosition().insertText(header, bold)
        for r, row in enumerate(table.rows, start=1):
            for column, value in enumerate(row):
                grid.cellAt(r, column).firstCursorPosition().insertText(value, plain)
        self._after_table()


def build_text_document(document: Document, device: QPaintDevice) -> QTextDocument:
    """``document`` as a `QTextDocument` laid out for ``device`` (not yet paginated)."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(body_font(document.body_pt))
    doc.setDocumentMargin(0)
    doc.setUndoRedoEnabled(False)
    writer = _Writer(doc, document.body_pt)
    writer.cursor.beginEditBlock()  # one layout at the end, not one per cell
    for block in document.blocks:
        writer.add(block)
    writer.cursor.endEditBlock()
    return doc
