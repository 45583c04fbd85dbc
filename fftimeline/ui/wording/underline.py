"""Underlining wording findings in a text field as the key worker types (ui layer).

Typing never waits for the check: each keystroke only moves the underlines already shown
along with the text (and drops any the edit touched); the check itself runs once typing
pauses (`DELAY_MS`). Resting the mouse on underlined words, or clicking them, shows a card
with why and what to write instead; clicking an alternative puts it in place of exactly
those words, as one step the key worker can undo. The context menu (right click, or the
Menu key at the text cursor) offers the same choices from the keyboard. Nothing is ever
changed without the key worker choosing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit
from typing_extensions import override

from fftimeline.domain.wording_check import MarkKind
from fftimeline.language import WordingFinding, apply_marks
from fftimeline.ui.wording.card import FindingCard, strength_words, underline_format
from fftimeline.ui.wording.marks import MarkDialog, WordingMarks
from fftimeline.ui.wording.surfaces import surface_for

DELAY_MS = 350
"""How long typing must pause before the check runs."""
_CTX = "WordingUnderliner"
Check = Callable[[str], list[WordingFinding]]


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _shifted(
    findings: list[WordingFinding], position: int, removed: int, added: int
) -> list[WordingFinding]:
    """Findings moved along with an edit; those the edit touched are dropped."""
    if position < 0:
        return []
    moved: list[WordingFinding] = []
    for f in findings:
        if f.end <= position:
            moved.append(f)
        elif f.start >= position + removed:
            delta = added - removed
            moved.append(replace(f, start=f.start + delta, end=f.end + delta))
    return moved


class WordingUnderliner(QObject):
    """Checks one text field and underlines what it finds.

    Signals:
        checked: the check ran and the underlines are up to date.
    """

    checked = Signal()

    def __init__(
        self,
        widget: QPlainTextEdit | QLineEdit,
        field: str,
        check: Check,
        marks: WordingMarks,
        card: FindingCard,
        *,
        delay_ms: int = DELAY_MS,
    ) -> None:
        super().__init__(widget)
        self.field = field
        self.surface = surface_for(widget)
        self.card = card
        self._check, self._marks = check, marks
        self._raw: list[WordingFinding] = []
        self.findings: list[WordingFinding] = []
        self._checked_text: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.recheck_now)
        self.surface.edited.connect(self._on_edit)
        marks.changed.connect(self._show)
        card.alternative_chosen.connect(self._card_alternative)
        card.mark_requested.connect(self._card_mark)
        card.unmark_requested.connect(self._card_unmark)
        self.surface.target().installEventFilter(self)
        self._timer.start()

    # Checking ------------------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """Whether a check is waiting for typing to pause."""
        return self._timer.isActive()

    def recheck_now(self) -> None:
        """Check the text now (if it changed since the last check) and underline it."""
        self._timer.stop()
        text = self.surface.text()
        if text != self._checked_text:
            self._raw = self._check(text)
            self._checked_text = text
        self._show()
        self.checked.emit()

    def recheck_soon(self) -> None:
        """Check again after a pause even if the text is the same (the event date changed)."""
        self._checked_text = None
        self._timer.start()

    def _on_edit(self, position: int, removed: int, added: int) -> None:
        if self.card.owner is self:
            self.card.hide()
        self._raw = _shifted(self._raw, position, removed, added)
        self._checked_text = None
        self._show(moved=True)
        self._timer.start()

    def _show(self, *, moved: bool = False) -> None:
        self.findings = apply_marks(self._raw, self._marks.marks, self.field)
        spans = [(f.start, f.end, underline_format(f)) for f in self.findings]
        if moved:
            self.surface.follow(spans)
        else:
            self.surface.paint(spans)

    def finding_at(self, position: int) -> WordingFinding | None:
        """The strongest finding whose words include ``position`` (their edges count)."""
        here = [f for f in self.findings if f.start <= position <= f.end]
        return max(here, key=lambda f: (f.mark is None, f.severity.rank), default=None)

    # Acting on a finding --------------------------------------------------------------------
    def use_alternative(self, finding: WordingFinding, text: str) -> bool:
        """Put ``text`` in place of exactly the finding's words; False if they have changed."""
        if self.surface.text()[finding.start : finding.end] != finding.words:
            self.recheck_now()
            return False
        self.surface.replace(finding.start, finding.end, text)
        self.recheck_now()
        return True

    def mark(self, finding: WordingFinding, kind: MarkKind) -> None:
        """Ask for the reason and mark the finding (their own words, or accurate here)."""
        mark = MarkDialog.ask(self.surface.widget, kind, self.field, finding)
        if mark is not None:
            self._marks.add(mark)

    def unmark(self, finding: WordingFinding) -> None:
        """Remove the key worker's mark from a finding."""
        if finding.mark is not None:
            self._marks.remove(finding.mark)

    def show_card(self, finding: WordingFinding, at: QPoint) -> None:
        """Show the card for ``finding`` just below ``at`` (a global position)."""
        self.card.owner = self
        self.card.show_finding(finding, at + QPoint(-12, 18), self.surface.target())

    def _card_finding(self) -> WordingFinding | None:
        shown = self.card.finding
        if self.card.owner is not self or shown is None:
            return None
        self.card.hide()
        return shown

    def _card_alternative(self, text: str) -> None:
        finding = self._card_finding()
        if finding is not None:
            self.use_alternative(finding, text)

    def _card_mark(self, kind: MarkKind) -> None:
        finding = self._card_finding()
        if finding is not None:
            self.mark(finding, kind)

    def _card_unmark(self) -> None:
        finding = self._card_finding()
        if finding is not None:
            self.unmark(finding)

    # Mouse and keyboard ---------------------------------------------------------------------
    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            return self._hover(event.pos(), event.globalPos())
        if kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            self._click(event)
        elif kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            return self._context_menu(event)
        return False

    def _hover(self, point: QPoint, at: QPoint) -> bool:
        finding = self.finding_at(self.surface.hit(point))
        if finding is None:
            if self.card.owner is self:
                self.card.hide()
            return False
        self.show_card(finding, at)
        return True

    def _click(self, event: QMouseEvent) -> None:
        widget = self.surface.widget
        selected = (
            widget.hasSelectedText()
            if isinstance(widget, QLineEdit)
            else isinstance(widget, QPlainTextEdit) and widget.textCursor().hasSelection()
        )
        if not selected:
            self._hover(event.position().toPoint(), event.globalPosition().toPoint())

    def _context_menu(self, event: QContextMenuEvent) -> bool:
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        position = self.surface.caret() if keyboard else self.surface.hit(event.pos())
        finding = self.finding_at(position)
        widget = self.surface.widget
        if finding is None or not isinstance(widget, (QLineEdit, QPlainTextEdit)):
            return False
        standard = widget.createStandardContextMenu()
        menu = QMenu(widget)
        menu.addActions(self.finding_actions(finding, menu))
        menu.addSeparator()
        menu.addActions(standard.actions())
        menu.exec(event.globalPos())
        menu.deleteLater()
        standard.deleteLater()
        return True

    def finding_actions(self, finding: WordingFinding, menu: QMenu) -> list[QAction]:
        """The context-menu entries for a finding: what it is, alternatives and marks."""
        title = menu.addSection(f"{strength_words(finding)}: {finding.title}")
        actions: list[QAction] = [title]
        for text in finding.alternatives:
            use = menu.addAction(_tr("Use: {text}").format(text=text))
            use.triggered.connect(lambda _c=False, t=text: self.use_alternative(finding, t))
            actions.append(use)
        if finding.mark is None:
            for kind, label in (
                (MarkKind.OWN_WORDS, _tr("Mark as their own words…")),
                (MarkKind.ACCURATE, _tr("Mark as accurate here…")),
            ):
                action = menu.addAction(label)
                action.triggered.connect(lambda _c=False, k=kind: self.mark(finding, k))
                actions.append(action)
        else:
            action = menu.addAction(_tr("Remove the mark"))
            action.triggered.connect(lambda: self.unmark(finding))
            actions.append(action)
        return actions
