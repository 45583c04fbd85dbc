"""What stopped an export, in sentences the key worker can act on (UI).

When the leak check stops an export, this panel lists each finding as one sentence ("A
person the parents must not see is in the entry of 3 March 2025 (entry 12), what
happened."). The protected words themselves are shown only when the key worker ticks "Show
the words", and never while "Hide names" is on: a screen may be seen by others. For the
chosen finding, "Open the entry" asks to open it in the editor and "Hide these words" asks
to hide that value from this audience in that entry; the dialog does the work and checks
again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.leaks import Finding, LeakFound

FINDING_ROLE = Qt.ItemDataRole.UserRole


class LeakFindingsPanel(QWidget):
    """The findings of a stopped export, with the two fixes the key worker can make."""

    open_requested = Signal(int)
    """(entry id) the key worker wants to change that entry."""
    redact_requested = Signal(int, str)
    """(entry id, value) the key worker wants that value hidden from this audience."""
    entry_chosen = Signal(int)
    """(entry id) a finding in an entry was chosen: the preview can show that entry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._findings: tuple[Finding, ...] = ()
        self._names_hidden = False
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Why it was stopped"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("What was found"))
        self.list.setWordWrap(True)
        self.show_words = QCheckBox(self.tr("Show the words"))
        self.show_words.setToolTip(
            self.tr("Show the protected words themselves (check nobody else can see the screen)")
        )
        self.open_entry = QPushButton(self.tr("Open the entry"))
        self.hide_words = QPushButton(self.tr("Hide these words from this audience"))
        self.hide_words.setToolTip(
            self.tr("Redact these words in that entry for this audience, then check again")
        )
        self._lay_out()
        self.show_words.toggled.connect(self._fill)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.open_entry.clicked.connect(self._open)
        self.hide_words.clicked.connect(self._hide)
        self.hide()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_words)
        buttons.addStretch(1)
        buttons.addWidget(self.open_entry)
        buttons.addWidget(self.hide_words)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary)
        box.addWidget(self.list)
        box.addLayout(buttons)
        self.list.setMaximumHeight(3 * (self.fontMetrics().height() + 6) + 8)

    def show_stop(self, stop: LeakFound, *, names_hidden: bool) -> None:
        """List what stopped the export (the words only if asked and names are shown)."""
        self._findings = stop.findings
        self._names_hidden = names_hidden
        self.show_words.setEnabled(not names_hidden)
        if names_hidden:
            self.show_words.setChecked(False)
        self.summary.setText(stop.message)
        self._fill()
        self.show()

    def show_passed(self, message: str) -> None:
        """After a fix: say the check found nothing this time."""
        self._findings = ()
        self.list.clear()
        self.list.hide()
        self.summary.setText(message)
        self._update_buttons()
        self.show()

    def current(self) -> Finding | None:
        """The finding chosen in the list, if any."""
        item = self.list.currentItem()
        index = item.data(FINDING_ROLE) if item is not None else None
        return self._findings[index] if isinstance(index, int) else None

    def _fill(self) -> None:
        shown = self.show_words.isChecked() and not self._names_hidden
        keep = self.list.currentRow()
        self.list.clear()
        for i, finding in enumerate(self._findings):
            item = QListWidgetItem(finding.sentence(show_value=shown))
            item.setData(FINDING_ROLE, i)
            self.list.addItem(item)
        self.list.setVisible(bool(self._findings))
        if self._findings:
            self.list.setCurrentRow(min(max(keep, 0), len(self._findings) - 1))
        self._update_buttons()

    def _update_buttons(self, *_ignored: object) -> None:
        finding = self.current()
        if finding is not None and finding.entry_id is not None:
            self.entry_chosen.emit(finding.entry_id)
        in_entry = finding is not None and finding.entry_id is not None
        self.open_entry.setVisible(bool(self._findings))
        self.hide_words.setVisible(bool(self._findings))
        self.show_words.setVisible(bool(self._findings))
        self.open_entry.setEnabled(in_entry)
        self.hide_words.setEnabled(in_entry and bool(finding and finding.value.strip()))

    def _open(self) -> None:
        finding = self.current()
        if finding is not None and finding.entry_id is not None:
            self.open_requested.emit(finding.entry_id)

    def _hide(self) -> None:
        finding = self.current()
        if finding is not None and finding.entry_id is not None and finding.value.strip():
            self.redact_requested.emit(finding.entry_id, finding.value)
