"""Marks on wording findings: "their own words" or "accurate here", with a short reason (ui).

A mark lives beside the entry's text, never in it: the editor's form keeps the marks of the
entry being written in one `WordingMarks` (part of the form's state, so a kept draft keeps
them too), every underlined field reads it, and the marks are saved with the entry version.
`MarkDialog` asks for the short reason; `marks_html` shows a version's marks in the history.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.wording_check import MarkKind, WordingMark
from fftimeline.language import WordingFinding

_CTX = "WordingMarks"
REASON_LIMIT = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class WordingMarks(QObject):
    """The marks of the entry being written, shared by every field of the editor.

    Signals:
        changed: a mark was added or removed.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._marks: tuple[WordingMark, ...] = ()

    @property
    def marks(self) -> tuple[WordingMark, ...]:
        """The marks now."""
        return self._marks

    def load(self, marks: Iterable[WordingMark]) -> None:
        """Replace every mark (when an entry or a draft is loaded); no signal."""
        self._marks = tuple(marks)

    def add(self, mark: WordingMark) -> None:
        """Add a mark, replacing one for the same words under the same rule."""
        kept = [m for m in self._marks if not m.covers(mark.field, mark.rule_id, mark.words)]
        self._marks = (*kept, mark)
        self.changed.emit()

    def remove(self, mark: WordingMark) -> None:
        """Take a mark away."""
        self._marks = tuple(m for m in self._marks if m != mark)
        self.changed.emit()


class MarkDialog(QDialog):
    """Asks why a finding is kept: a short reason, required."""

    def __init__(self, parent: QWidget | None, kind: MarkKind, words: str) -> None:
        super().__init__(parent)
        own = kind is MarkKind.OWN_WORDS
        self.setWindowTitle(_tr("Their own words") if own else _tr("Accurate here"))
        prompt = (
            _tr("Whose words are “{words}”? Say who said them, and when if you can.")
            if own
            else _tr("Why is “{words}” accurate in this entry?")
        ).format(words=words)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_LIMIT)
        self.reason.setAccessibleName(_tr("Reason"))
        self.reason.setPlaceholderText(
            _tr("For example: Jordan's own word, said to me on 3 March")
            if own
            else _tr("For example: it is the offence he was charged with")
        )
        label.setBuddy(self.reason)
        note = QLabel(_tr("The mark is kept with this version of the entry, not in its text."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_tr("Mark"))
        self.ok.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        for widget in (label, self.reason, note, buttons):
            layout.addWidget(widget)
        self.resize(460, 160)

    @classmethod
    def ask(
        cls, parent: QWidget | None, kind: MarkKind, field: str, finding: WordingFinding
    ) -> WordingMark | None:
        """The mark for ``finding`` with the reason typed, or None if cancelled."""
        dialog = cls(parent, kind, finding.words)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return WordingMark(
                field=field,
                rule_id=finding.rule_id,
                words=finding.words,
                kind=kind,
                reason=dialog.reason.text().strip(),
            )
        finally:
            dialog.deleteLater()


def marks_html(marks: Iterable[WordingMark]) -> str:
    """A version's marks for the history: one line each, or a plain 'none'."""
    items = list(marks)
    if not items:
        return escape(_tr("No wording marks in this version."), quote=False)
    lines = "".join(f"<li>{escape(m.wording(), quote=False)}</li>" for m in items)
    heading = escape(_tr("Wording kept on purpose in this version:"), quote=False)
    return f"<p><b>{heading}</b></p><ul>{lines}</ul>"
