"""Pages: a laid-out document cut into pages with a header, a footer and page numbers.

One painting routine serves every device: the PDF writer, a printer (and so the print
preview) and plain images, so they cannot drift apart. The text is always laid out once,
at a fixed high resolution, and drawn scaled on the device: the preview, the printer and
the PDF therefore break pages in the same places and agree on "Page 2 of 9". Pagination
is `QTextDocument`'s own (lines and table rows are never cut in half; a table's header row
repeats on every page); this module draws each page's slice of it between a header band
(the marking, for professional outputs) and a footer band.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from fftimeline.domain.errors import DomainError
from fftimeline.export.document import Document, Orientation
from fftimeline.printing.layout import body_font, build_text_document

Progress = Callable[[int, int], None]
"""Told (pages done, pages in all) as pages are drawn; it may raise `Cancelled`."""

REFERENCE_DPI = 1200
"""Every document is laid out at this resolution, whatever it is drawn on."""
MARGIN_MM = {Orientation.PORTRAIT: 18.0, Orientation.LANDSCAPE: 12.0}
_EDGE = REFERENCE_DPI / 72.0 * 2
"""How far (2 pt) a line must reach into a page to be drawn on it."""
BAND_PT = 9.0
"""Header and footer text: 9 pt at least, never smaller than the table's text."""


class Cancelled(DomainError):
    """The key worker pressed Cancel; nothing was written or recorded."""

    def __init__(self) -> None:
        super().__init__("cancelled", "Stopped. Nothing was written or recorded.")


def page_layout(document: Document) -> QPageLayout:
    """A4, the document's orientation, and margins wide enough for hands and staples."""
    landscape = document.orientation is Orientation.LANDSCAPE
    margin = MARGIN_MM[document.orientation]
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(margin, margin, margin, margin),
        QPageLayout.Unit.Millimeter,
    )


@dataclass
class Paginated:
    """A document laid out in pages at `REFERENCE_DPI`.

    Attributes:
        document: what is laid out.
        doc: the laid-out text.
        width, height: the printable area of a page, in reference pixels.
        band: the height of the header band and of the footer band.
        keep: the reference device the layout measured with (kept alive with it).
    """

    document: Document
    doc: QTextDocument
    width: float
    height: float
    band: float
    keep: tuple[object, ...]

    @property
    def body(self) -> float:
        """Height of the text area of one page."""
        return self.height - 2 * self.band

    @property
    def pages(self) -> int:
        """How many pages the document takes."""
        return self.doc.pageCount()


def _band_points(document: Document) -> float:
    return max(BAND_PT, document.body_pt * 0.8)


def paginate(document: Document) -> Paginated:
    """Lay ``document`` out in pages, once, at the reference resolution."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    reference = QPdfWriter(buffer)
    reference.setResolution(REFERENCE_DPI)
    reference.setPageLayout(page_layout(document))
    rect = page_layout(document).paintRectPixels(REFERENCE_DPI)
    band = _band_points(document) * REFERENCE_DPI / 72.0 * 2.2
    doc = build_text_document(document, reference)
    paged = Paginated(document, doc, rect.width(), rect.height(), band, (reference, buffer, data))
    doc.setPageSize(QSizeF(paged.width, paged.body))
    return paged


def paint_page(painter: QPainter, paged: Paginated, index: int, dpi: float) -> None:
    """Draw page ``index`` (from 0) at the painter's origin on a device of ``dpi``."""
    w, band, body = paged.width, paged.band, paged.body
    painter.save()
    painter.scale(dpi / REFERENCE_DPI, dpi / REFERENCE_DPI)
    painter.save()
    painter.translate(0, band - index * body)
    clip = QRectF(0, index * body, w, body)
    painter.setClipRect(clip)
    # Lines are drawn only when they lie on this page: a line of the next page that
    # touches the edge would otherwise be written into this page's PDF, invisible but
    # there for anyone copying the text (the leak scan's readers see it too).
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip.adjusted(0, _EDGE, 0, -_EDGE)
    paged.doc.documentLayout().draw(painter, context)
    painter.restore()
    _bands(painter, paged, index)
    painter.restore()


def _bands(painter: QPainter, paged: Paginated, index: int) -> None:
    """The header (marking) and the footer (private note or marking, and page number)."""
    document, w, band = paged.document, paged.width, paged.band
    painter.setPen(QPen(Qt.GlobalColor.black, REFERENCE_DPI / 72.0 * 0.5))
    font = body_font(_band_points(document))
    font.setPixelSize(round(_band_points(document) * REFERENCE_DPI / 72.0))
    painter.setFont(font)
    if document.header:
        top = QRectF(0, 0, w, band * 0.7)
        painter.drawText(top, Qt.AlignmentFlag.AlignCenter, document.header)
    foot = QRectF(0, paged.height - band * 0.7, w, band * 0.7)
    painter.drawLine(QPointF(0, foot.top()), QPointF(w, foot.top()))
    middle = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | middle, document.footer)
    label = document.page_label.format(page=index + 1, pages=paged.pages)
    painter.drawText(foot, Qt.AlignmentFlag.AlignRight | middle, label)


def paint_all(
    painter: QPainter,
    paged: Paginated,
    device: QPagedPaintDevice,
    progress: Progress | None = None,
) -> int:
    """Draw every page on a paged device; how many were drawn."""
    dpi = float(device.logicalDpiY())
    for index in range(paged.pages):
        if index:
            device.newPage()
        paint_page(painter, paged, index, dpi)
        if progress is not None:
            progress(index + 1, paged.pages)
    return paged.pages


def paint_on_printer(
    document: Document, printer: QPagedPaintDevice, progress: Progress | None = None
) -> int:
    """Print ``document`` on ``printer`` (a QPrinter, or the preview's); pages printed.

    The printer's page layout is set to the document's (A4, its orientation and margins).
    """
    printer.setPageLayout(page_layout(document))
    paged = paginate(document)
    painter = QPainter(printer)
    try:
        return paint_all(painter, paged, printer, progress)
    finally:
        painter.end()


def page_count(document: Document) -> int:
    """How many pages ``document`` takes on paper (the same on every device)."""
    return paginate(document).pages
