"""Side-by-side preview of an export: the full entry and what the audience will see (UI).

The list shows every entry of the case with whether it goes; choosing one shows the full
record on the left and the audience's version on the right (or why it is left out). The key
worker can select text in either side, with the mouse or the keyboard (Shift+arrows), and
press "Redact selection" to hide it from this audience in this entry. The words already
hidden by hand in this entry are listed with a "Remove" button, so a redaction can be undone.
The widget only emits requests; the dialog saves them. When names are hidden in the main
window, every text here is shown through the same mask.

Every replacement in the audience's side (a name replaced by its role, a withheld source,
a redacted span) is highlighted and underlined, so the key worker sees exactly what changed
before saving: meaning is never carried by colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fftimeline.services.export import Marks, PreviewRow, RedactionPreview
from fftimeline.ui.models.entry_text import NameMask, no_mask

ENTRY_ROLE = Qt.ItemDataRole.UserRole
TEXT_ROLE = Qt.ItemDataRole.UserRole + 1


class RedactionPreviewWidget(QWidget):
    """Entry list, full text, audience text, counts and the "Redact selection" button."""

    redact_requested = Signal(int, str)
    """(entry id, selected text) when the key worker asks to hide a span."""
    unredact_requested = Signal(int, str)
    """(entry id, hidden text) when the key worker asks to show a span again."""

    def __init__(self, parent: QWidget | None = None, *, mask: NameMask = no_mask) -> None:
        super().__init__(parent)
        self._preview: RedactionPreview | None = None
        self._hidden: Mapping[int, Sequence[str]] = {}
        self._mask = mask
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
        self.redactions = QListWidget()
        self.redactions.setAccessibleName(self.tr("Words hidden by hand in this entry"))
        self.redactions.setMaximumHeight(3 * (self.fontMetrics().height() + 2) + 6)
        self.redactions_title = QLabel(self.tr("Hidden by hand from this audience:"))
        self.redactions_title.setBuddy(self.redactions)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Show the chosen words again"))
        self.remove_button.setToolTip(
            self.tr("Stop hiding the chosen words from this audience in this entry")
        )
        self.remove_button.clicked.connect(self._remove_chosen)
        self.redactions.currentRowChanged.connect(self._update_remove)
        self.entries.currentItemChanged.connect(self._show_current)
        self._lay_out()

    def _pane(self, name: str) -> QPlainTextEdit:
        pane = QPlainTextEdit()
        pane.setReadOnly(True)
        pane.setAccessibleName(name)
        pane.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
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
        hidden = QHBoxLayout()
        hidden.addWidget(self.redact_button, 0, Qt.AlignmentFlag.AlignTop)
        hidden.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        hidden.addWidget(self.redactions_title, 0, Qt.AlignmentFlag.AlignTop)
        hidden.addWidget(self.redactions, 1)
        hidden.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(hidden)

    def show_preview(
        self, preview: RedactionPreview, hidden: Mapping[int, Sequence[str]] | None = None
    ) -> None:
        """Show a fresh preview, keeping the selected entry where possible.

        ``hidden`` maps entry ids to the words hidden by hand from this audience.
        """
        keep = self.current_entry_id()
        self._preview = preview
        self._hidden = hidden or {}
        self.shown_title.setText(
            self.tr("What {audience} will see").format(audience=preview.profile.label)
        )
        self.counts.setText(
            self.tr("{counts} Replacements are highlighted and underlined.").format(
                counts=preview.counts
            )
        )
        self.entries.blockSignals(True)
        self.entries.clear()
        for row in preview.rows:
            mark = "✓" if row.shown is not None else "✗"
            item = QListWidgetItem(self._mask(f"{mark}  {row.date_words} — {row.summary}"))
            item.setData(ENTRY_ROLE, row.entry_id)
            self.entries.addItem(item)
            if row.entry_id == keep:
                self.entries.setCurrentItem(item)
        self.entries.blockSignals(False)
        if self.entries.currentItem() is None and self.entries.count():
            self.entries.setCurrentRow(0)
        self._show_current()

    def select_entry(self, entry_id: int) -> None:
        """Show one entry in the panes (a finding's entry, say)."""
        for row in range(self.entries.count()):
            if self.entries.item(row).data(ENTRY_ROLE) == entry_id:
                self.entries.setCurrentRow(row)
                return

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
            self._show_hidden(None)
            return
        self.full.setPlainText(self._mask(row.full))
        if row.shown is None:
            self.shown.setPlainText(
                self.tr("Left out: {why}.").format(why=row.left_out_reason or "")
            )
        else:
            self._show_marked(row.shown, row.marks)
        self.redact_button.setEnabled(row.shown is not None)
        self._show_hidden(row.entry_id)

    def _show_marked(self, text: str, marks: Marks) -> None:
        """The audience's text with every replacement highlighted and underlined."""
        self.shown.clear()
        cursor = QTextCursor(self.shown.document())
        plain = QTextCharFormat()
        mark = QTextCharFormat()
        mark.setBackground(self.palette().color(QPalette.ColorRole.Highlight).lighter(170))
        mark.setForeground(self.palette().color(QPalette.ColorRole.Text))
        mark.setFontUnderline(True)
        mark.setToolTip(self.tr("Replaced for this audience"))
        at = 0
        for start, end in marks:
            cursor.insertText(self._mask(text[at:start]), plain)
            cursor.insertText(self._mask(text[start:end]), mark)
            at = end
        cursor.insertText(self._mask(text[at:]), plain)
        self.shown.moveCursor(QTextCursor.MoveOperation.Start)

    def marked_texts(self) -> list[str]:
        """The highlighted replacements shown now, in order (for tests and screen readers)."""
        found: list[str] = []
        block = self.shown.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().fontUnderline():
                    found.append(fragment.text())
                it += 1
            block = block.next()
        return found

    def _show_hidden(self, entry_id: int | None) -> None:
        """List the words hidden by hand in this entry (masked like everything else)."""
        self.redactions.clear()
        for text in self._hidden.get(entry_id, ()) if entry_id is not None else ():
            item = QListWidgetItem(self._mask(text))
            item.setData(TEXT_ROLE, text)
            self.redactions.addItem(item)
        if not self.redactions.count():
            self.redactions.addItem(self.tr("Nothing yet"))
            self.redactions.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.redactions.setCurrentRow(0)
        self._update_remove()

    def _update_remove(self, *_ignored: object) -> None:
        item = self.redactions.currentItem()
        self.remove_button.setEnabled(item is not None and item.data(TEXT_ROLE) is not None)

    def _remove_chosen(self) -> None:
        entry_id, item = self.current_entry_id(), self.redactions.currentItem()
        text = item.data(TEXT_ROLE) if item is not None else None
        if entry_id is not None and isinstance(text, str):
            self.unredact_requested.emit(entry_id, text)

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
