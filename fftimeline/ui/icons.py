"""Icons that carry meaning in the main window, taken from the platform style (ui layer).

Meaning is never shown by colour alone: every icon here always sits next to a word
("Serious risk", "overdue", "Withdrawn"). Using the style's standard pixmaps keeps the app
native on every platform and in dark and light modes, and needs no image files on disk.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

_SIZES = (16, 24, 32, 48)


def _standard(pixmap: QStyle.StandardPixmap) -> QIcon:
    """A standard icon from the running application's style (an empty icon without one)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return QIcon()
    return app.style().standardIcon(pixmap)


def serious_risk() -> QIcon:
    """The warning sign shown beside the words "Serious risk"."""
    return _standard(QStyle.StandardPixmap.SP_MessageBoxWarning)


def overdue() -> QIcon:
    """A clock, shown beside the word "overdue" on a late task (not serious risk's triangle)."""
    return _drawn(_draw_clock)


def withdrawn() -> QIcon:
    """The sign shown beside the word "Withdrawn" on a retracted entry."""
    return _standard(QStyle.StandardPixmap.SP_DialogCancelButton)


def disputed() -> QIcon:
    """A sign of disagreement (not equal), shown beside "Disputes" or "Partly agrees"."""
    return _drawn(_draw_not_equal)


def withheld() -> QIcon:
    """The sign shown beside "Source withheld"."""
    return _standard(QStyle.StandardPixmap.SP_MessageBoxInformation)


def new_entry() -> QIcon:
    """The toolbar icon for adding an entry."""
    return _standard(QStyle.StandardPixmap.SP_FileIcon)


def export() -> QIcon:
    """The toolbar icon for exporting."""
    return _standard(QStyle.StandardPixmap.SP_DialogSaveButton)


def lock() -> QIcon:
    """A padlock: the toolbar icon for locking the vault."""
    return _drawn(_draw_padlock)


def print_() -> QIcon:
    """A printer: the toolbar icon for printing (no standard pixmap exists for it)."""
    return _drawn(_draw_printer)


def filters() -> QIcon:
    """The toolbar icon for showing the filters."""
    return _standard(QStyle.StandardPixmap.SP_FileDialogDetailedView)


def _drawn(draw: Callable[[QPainter, float], None]) -> QIcon:
    """An icon drawn in the palette's text colour, so it follows dark and light mode."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return QIcon()
    colour = app.palette().color(QPalette.ColorRole.WindowText)
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, max(1.5, size / 11))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        draw(painter, float(size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _draw_padlock(painter: QPainter, s: float) -> None:
    """A shackle over a filled body with a keyhole."""
    painter.drawArc(QRectF(s * 0.3, s * 0.1, s * 0.4, s * 0.5), 0, 180 * 16)
    painter.drawLine(QPointF(s * 0.3, s * 0.35), QPointF(s * 0.3, s * 0.47))
    painter.drawLine(QPointF(s * 0.7, s * 0.35), QPointF(s * 0.7, s * 0.47))
    body = QRectF(s * 0.17, s * 0.47, s * 0.66, s * 0.45)
    painter.setBrush(painter.pen().color())
    painter.drawRoundedRect(body, s * 0.06, s * 0.06)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Qt.GlobalColor.transparent)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
    painter.drawEllipse(QPointF(s * 0.5, s * 0.64), s * 0.07, s * 0.07)
    painter.drawRect(QRectF(s * 0.47, s * 0.64, s * 0.06, s * 0.16))


def _draw_printer(painter: QPainter, s: float) -> None:
    """A sheet going into a printer body, with the printed sheet coming out below."""
    painter.drawRect(QRectF(s * 0.3, s * 0.1, s * 0.4, s * 0.25))
    painter.drawRoundedRect(QRectF(s * 0.1, s * 0.35, s * 0.8, s * 0.35), s * 0.06, s * 0.06)
    painter.drawRect(QRectF(s * 0.3, s * 0.6, s * 0.4, s * 0.3))
    painter.drawLine(QPointF(s * 0.38, s * 0.72), QPointF(s * 0.62, s * 0.72))
    painter.drawLine(QPointF(s * 0.38, s * 0.81), QPointF(s * 0.62, s * 0.81))


def _draw_clock(painter: QPainter, s: float) -> None:
    """A round face with two hands."""
    painter.drawEllipse(QPointF(s / 2, s / 2), s * 0.4, s * 0.4)
    centre = QPointF(s / 2, s / 2)
    painter.drawLine(centre, QPointF(s / 2, s * 0.24))
    painter.drawLine(centre, QPointF(s * 0.7, s * 0.6))


def _draw_not_equal(painter: QPainter, s: float) -> None:
    """Two bars crossed by a slash: "not equal", someone does not agree."""
    painter.drawLine(QPointF(s * 0.2, s * 0.38), QPointF(s * 0.8, s * 0.38))
    painter.drawLine(QPointF(s * 0.2, s * 0.62), QPointF(s * 0.8, s * 0.62))
    painter.drawLine(QPointF(s * 0.62, s * 0.15), QPointF(s * 0.38, s * 0.85))
