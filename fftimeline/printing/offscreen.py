"""A Qt GUI application without a screen, for making PDFs from the command line.

Laying out text needs a `QGuiApplication` (fonts), but the command line runs on servers
and over SSH with no display. The offscreen platform needs none. It is created only when
a PDF is asked for, so every other command imports no Qt at all.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication


def gui_application() -> QCoreApplication:
    """The running Qt application, or a new one on the offscreen platform."""
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing
    return QGuiApplication(["fftimeline", "-platform", "offscreen"])
