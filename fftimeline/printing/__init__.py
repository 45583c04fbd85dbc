"""Lays out a `Document` on pages and renders it: PDF bytes, a printer, page images.

The one small package that draws documents with Qt. It imports only ``PySide6.QtCore``,
``QtGui`` and ``QtPrintSupport`` (never ``QtWidgets``), so the command line can make a PDF
without a screen; the content it draws is built without Qt in `fftimeline.export`. The
services never import it: the composition roots (`app.py`, `cli/`) pass `render_pdf` in.
"""

from fftimeline.printing.pages import Cancelled, page_count, paint_on_printer
from fftimeline.printing.pdf import page_images, render_pdf

__all__ = ["Cancelled", "page_count", "page_images", "paint_on_printer", "render_pdf"]
