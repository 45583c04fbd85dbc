"""The search box: searches as you type, after a short pause, and Esc clears it (ui layer).

Waiting ~150 ms after the last key press means one search per burst of typing rather than
one per letter, which keeps typing smooth on a large vault.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget
from typing_extensions import override

DEBOUNCE_MS = 150
"""How long typing must pause before the search runs."""


class SearchBox(QLineEdit):
    """A line edit that emits `search_requested` once typing pauses."""

    search_requested = Signal(str)
    """Emitted with the words to search for ('' when the box is cleared)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Search this case (Ctrl+F)"))
        self.setAccessibleName(self.tr("Search the chronology"))
        self.setToolTip(self.tr("Type words to find entries. Esc clears the search."))
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self.textEdited.connect(self._restart)
        self.textChanged.connect(self._cleared)

    def _restart(self, _text: str) -> None:
        self._timer.start()

    def _cleared(self, text: str) -> None:
        """The clear button and Esc search for nothing at once, without waiting."""
        if not text:
            self._timer.stop()
            self.search_requested.emit("")

    def _fire(self) -> None:
        self.search_requested.emit(self.text().strip())

    def reset(self) -> None:
        """Empty the box without running a search (used when the case changes or on lock)."""
        self._timer.stop()
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)

    def flush(self) -> None:
        """Run a pending search now (tests and Enter do not need to wait)."""
        if self._timer.isActive():
            self._timer.stop()
            self._fire()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            event.accept()
            return
        super().keyPressEvent(event)
