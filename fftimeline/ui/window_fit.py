"""Every window opens inside the screen's free area, and the main window remembers its size.

Laptops at 1366x768 (or 1024-wide netbooks, or a 1920 screen at 150 % scaling) have less room
than the sizes windows ask for. `ScreenFit`, installed once on the application, looks at each
top-level window the first time it is shown and shrinks and moves it so that the whole frame,
title bar included, lies within the screen's available geometry (the screen less taskbar,
dock and panels). Dialogs whose content is taller than the screen keep their buttons visible
because their long forms sit in scroll areas (the entry editor).

`restore_geometry` and `saved_geometry` carry a window's size and place between runs (kept in
the settings file as text), and a remembered size is fitted again, in case the screen changed.
"""

from __future__ import annotations

import base64
import binascii

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

_FITTED = "fftimeline_fitted"
TITLE_BAR = 32
"""Room kept for the window frame (title bar) before the window manager reports its size."""


def available_geometry(widget: QWidget) -> QRect:
    """The free area of the screen the widget is on (or the main screen)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def fitted(want: QSize, position: QPoint, frame: QSize, free: QRect) -> QRect:
    """The window rectangle (inside the frame) closest to `want` at `position` within `free`.

    Args:
        want: the size the window asks for (without frame).
        position: where its top-left corner (frame included) would go.
        frame: how much the frame adds to width and height.
        free: the screen's available geometry.
    """
    width = max(1, min(want.width(), free.width() - frame.width()))
    height = max(1, min(want.height(), free.height() - frame.height()))
    outer_w, outer_h = width + frame.width(), height + frame.height()
    x = min(max(position.x(), free.left()), free.left() + free.width() - outer_w)
    y = min(max(position.y(), free.top()), free.top() + free.height() - outer_h)
    return QRect(x, y, width, height)


def _frame_extra(widget: QWidget) -> QSize:
    extra = widget.frameGeometry().size() - widget.geometry().size()
    return QSize(max(extra.width(), 0), max(extra.height(), TITLE_BAR))


def fit_to_screen(widget: QWidget, want: QSize | None = None) -> None:
    """Resize and move `widget` (a top-level window) to lie within the free screen area."""
    free = available_geometry(widget)
    frame = _frame_extra(widget)
    size = want if want is not None else widget.size()
    size = size.expandedTo(QSize(0, 0))
    place = fitted(size, widget.frameGeometry().topLeft(), frame, free)
    if want is not None or size.width() > place.width() or size.height() > place.height():
        widget.resize(place.size())
    if place.topLeft() != widget.frameGeometry().topLeft():
        widget.move(place.topLeft())


def centre_on_screen(widget: QWidget) -> None:
    """Put the window in the middle of the free screen area."""
    free = available_geometry(widget)
    outer = widget.frameGeometry().size().expandedTo(widget.size() + _frame_extra(widget))
    widget.move(
        free.left() + max(0, (free.width() - outer.width()) // 2),
        free.top() + max(0, (free.height() - outer.height()) // 2),
    )


def saved_geometry(widget: QWidget) -> str:
    """The window's size and place as text for the settings file."""
    return base64.b64encode(bytes(widget.saveGeometry().data())).decode("ascii")


def restore_geometry(widget: QWidget, saved: str, default: QSize) -> None:
    """Restore a remembered size and place, or use `default`; then fit it to the screen."""
    restored = False
    if saved:
        try:
            restored = widget.restoreGeometry(QByteArray(base64.b64decode(saved, validate=True)))
        except (binascii.Error, ValueError):
            restored = False
    if not restored:
        widget.resize(default)
        centre_on_screen(widget)
    fit_to_screen(widget, widget.size())


class ScreenFit(QObject):
    """Application-wide: fits each top-level window to the screen the first time it shows."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On a window's first Show, keep it within the screen's free area."""
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not watched.property(_FITTED)
        ):
            watched.setProperty(_FITTED, True)
            fit_to_screen(watched)
        return False
