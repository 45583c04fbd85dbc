"""Icons that carry meaning in the main window, taken from the platform style (ui layer).

Meaning is never shown by colour alone: every icon here always sits next to a word
("Serious risk", "overdue", "Withdrawn"). Using the style's standard pixmaps keeps the app
native on every platform and in dark and light modes, and needs no image files on disk.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle


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
    """The sign shown beside the word "overdue" on a late task."""
    return _standard(QStyle.StandardPixmap.SP_MessageBoxWarning)


def withdrawn() -> QIcon:
    """The sign shown beside the word "Withdrawn" on a retracted entry."""
    return _standard(QStyle.StandardPixmap.SP_DialogCancelButton)


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
    """The toolbar icon for locking the vault."""
    return _standard(QStyle.StandardPixmap.SP_BrowserStop)


def filters() -> QIcon:
    """The toolbar icon for showing the filters."""
    return _standard(QStyle.StandardPixmap.SP_FileDialogDetailedView)
