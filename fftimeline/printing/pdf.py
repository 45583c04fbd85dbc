"""A `Document` as PDF bytes in memory, and as page images (printing layer).

The PDF never touches the disk here: `QPdfWriter` writes into a `QBuffer`. Its text is
real text (selectable, searchable, in reading order) in embedded fonts, and its title and
creator name no one; `fftimeline.export.pdf_protect` then makes every property neutral.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter, QPdfWriter

from fftimeline.export.document import Document
from fftimeline.printing.pages import (
    REFERENCE_DPI,
    Progress,
    page_layout,
    paginate,
    paint_all,
    paint_page,
)

NEUTRAL = "fftimeline"


def render_pdf(document: Document, progress: Progress | None = None) -> bytes:
    """``document`` as the bytes of a PDF file."""
    paged = paginate(document)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(REFERENCE_DPI)
    writer.setTitle(document.title)
    writer.setCreator(NEUTRAL)
    writer.setPageLayout(page_layout(document))
    painter = QPainter(writer)
    try:
        paint_all(painter, paged, writer, progress)
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())


def page_images(document: Document, pages: range, dpi: int = 100) -> list[QImage]:
    """Pages of ``document`` as white images at ``dpi`` (screenshots for the README)."""
    layout = page_layout(document)
    full, paint = layout.fullRectPixels(dpi), layout.paintRectPixels(dpi)
    paged = paginate(document)
    images = []
    for index in pages:
        if index >= paged.pages:
            break
        image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate(paint.left(), paint.top())
        paint_page(painter, paged, index, dpi)
        painter.end()
        images.append(image)
    return images
