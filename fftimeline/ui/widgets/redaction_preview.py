"""Side-by-side preview of an export: the full entry and what the audience will see (UI).

The list shows every entry of the case with whether it goes; choosing one shows the full
record on the left and the audience's version on the right (or why it is left out). The key
worker can select text in either side and press "Redact selection" to hide it from this
audience in this entry; the widget only emits the request, the dialog saves it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fftimeline.services.export import PreviewRow, RedactionPreview

ENTRY_ROLE = Qt.ItemDataRole.UserRole


class RedactionPreviewWidget(QWidget):
    """Entry list, full text, audience text, counts and the "Redact selection" button."""

    redact_requested = Signal(int, str)
    """(entry id, selected text) when the key worker asks to hide a span."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview: RedactionPreview | None = None
        self.entries = QListWidget()
        self.entries.setAccessibleName(self.tr("Entries of the case"))
        self.full = self._pane(self.tr("The full entry"))
        self.shown = self._pane(self.tr("What the audience will see"))
        self.shown_title = QLabel(self.tr("What the audience will see"))
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName(self.tr("What is included and left out"))
        self.redact_button = QPushButton(self.tr("Redact selection"))
        self.redact_button.setToolTip(
            self.tr("Hide the selected words from this audience in this entry")
        )
        self.redact_button.clicked.connect(self._redact_selection)
        self.entries.currentItemChanged.connect(self._show_current)
        self._lay_out()

    def _pane(self, name: str) -> QPlainTextEdit:
        pane = QPlainTextEdit()
        pane.setReadOnly(True)
        pane.setAccessibleName(name)
        pane.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return pane

    def _lay_out(self) -> None:
        sides = QWidget()
        grid = QGridLayout(sides)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("The full entry")), 0, 0)
        grid.addWidget(self.shown_title, 0, 1)
        grid.addWidget(self.full, 1, 0)
        grid.addWidget(self.shown, 1, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.entries)
        split.addWidget(sides)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([130, 390])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(split, 1)
        box.addWidget(self.counts)
        box.addWidget(self.redact_button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_preview(self, preview: RedactionPreview) -> None:
        """Show a fresh preview, keeping the selected entry where possible."""
        keep = self.current_entry_id()
        self._preview = preview
        self.shown_title.setText(
            self.tr("What {audience} will see").format(audience=preview.profile.label)
        )
        self.counts.setText(preview.counts)
        self.entries.blockSignals(True)
        self.entries.clear()
        for row in preview.rows:
            mark = "✓" if row.shown is not None else "✗"
            item = QListWidgetItem(f"{mark}  {row.date_words} — {row.summary}")
            item.setData(ENTRY_ROLE, row.entry_id)
            self.entries.addItem(item)
            if row.entry_id == keep:
                self.entries.setCurrentItem(item)
        self.entries.blockSignals(False)
        if self.entries.currentItem() is None and self.entries.count():
            self.entries.setCurrentRow(0)
        self._show_current()

    def current_entry_id(self) -> int | None:
        """The id of the entry shown in the panes, if any."""
        item = self.entries.currentItem()
        return None if item is None else int(item.data(ENTRY_ROLE))

    def _show_current(self) -> None:
        entry_id = self.current_entry_id()
        row = next((r for r in self._rows() if r.entry_id == entry_id), None)
        if row is None:
            self.full.clear()
            self.shown.clear()
            return
        self.full.setPlainText(row.full)
        if row.shown is None:
            self.shown.setPlainText(
                self.tr("Left out: {why}.").format(why=row.left_out_reason or "")
            )
        else:
            self.shown.setPlainText(row.shown)
        self.redact_button.setEnabled(row.shown is not None)

    def _rows(self) -> list[PreviewRow]:
        return self._preview.rows if self._preview is not None else []

    def selected_text(self) -> str:
        """The text selected in the audience side, else in the full side."""
        for pane in (self.shown, self.full):
            text = pane.textCursor().selectedText().replace("\u2029", "\n").strip()
            if text:
                return text
        return ""

    def _redact_selection(self) -> None:
        entry_id, text = self.current_entry_id(), self.selected_text()
        if entry_id is not None and text:
            self.redact_requested.emit(entry_id, text)
