"""The app's own icon, from ``resources/icons`` (ui layer).

Used for every window (so it shows in the title bar and the taskbar or dock) and the About
box. The SVG is drawn by Qt's SVG icon engine; the PNG beside it is the fallback.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from fftimeline.assets import MissingResource, resource_path


def app_icon() -> QIcon:
    """The fftimeline icon (an empty icon if the install lacks it: never fatal)."""
    icon = QIcon()
    for name in ("fftimeline.svg", "fftimeline.png"):
        try:
            icon.addFile(str(resource_path("icons", name)))
        except MissingResource:
            continue
    return icon
