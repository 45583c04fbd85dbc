"""The wording check in the entry editor: every free-text field, underlined as you type (ui).

The editor hands over its form; this puts an underliner on each free-text field (what
happened, the full account, the family's view, outcome, next action, and the reasons),
checks them in the context of the case (the child's and parents' names, the child's age on
the date being typed) and keeps a one-line summary under the form for keyboard and
screen-reader users.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import EntryDraft
from fftimeline.domain.sharing import Audience
from fftimeline.domain.wording_check import VIEW_OF, WHY_NOT, WordingMark
from fftimeline.language import CheckContext, WordingFinding
from fftimeline.services.wording import WordingService
from fftimeline.ui.widgets.editor_state import VIEW_TEXT
from fftimeline.ui.wording.card import FindingCard
from fftimeline.ui.wording.marks import WordingMarks
from fftimeline.ui.wording.underline import WordingUnderliner

FIELD_KEYS: dict[str, str] = {
    "summary": "summary",
    "account": "account",
    "wish_text": "child-wish",
    "no_source_reason": "no-source-reason",
    "outcome": "outcome",
    "next_action": "next-action",
    "no_action_reason": "no-action-reason",
    "source_override": "withheld-professional",
    **{f"why_not_{a.value}": f"{WHY_NOT}{a.value}" for a in Audience},
}
"""The editor's fixed free-text fields (form key) and the checked field each one is.

Each person's view is checked too: see `field_keys`."""


def field_keys(widgets: dict[str, QWidget]) -> dict[str, str]:
    """Every free-text field of a form: the fixed ones, and each person's words.

    A person's words are their own checked field ('child-view', 'family-view',
    'view:Donna Reid'), so the child's view is never checked as the family's.
    """
    keys = dict(FIELD_KEYS)
    for key in widgets:
        if key.startswith(VIEW_TEXT):
            holder = key.removeprefix(VIEW_TEXT)
            if holder.startswith("member:"):
                keys[key] = VIEW_OF + holder.removeprefix("member:")
            else:
                keys[key] = {"child": "child-view", "family": "family-view"}.get(holder, holder)
    return keys


_CTX = "EditorWording"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _count(n: int, one: str, many: str) -> str:
    return _tr(one) if n == 1 else _tr(many).format(n=n)


class EditorWording(QObject):
    """The wording check of one open entry editor."""

    def __init__(
        self,
        parent: QWidget,
        widgets: dict[str, QWidget],
        marks: WordingMarks,
        service: WordingService,
        case: CaseDraft,
        event_date: Callable[[], EventDate | None],
    ) -> None:
        super().__init__(parent)
        self._service, self._case, self._event_date = service, case, event_date
        self._context = service.context(case, event_date())
        self.marks = marks
        self.card = FindingCard(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(_tr("Wording check"))
        self.underliners: dict[str, WordingUnderliner] = {}
        for key, field in field_keys(widgets).items():
            widget = widgets.get(key)
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                underliner = WordingUnderliner(widget, field, self._check, marks, self.card)
                underliner.checked.connect(self._summarise)
                self.underliners[key] = underliner
        marks.changed.connect(self._summarise)

    def _check(self, text: str) -> list[WordingFinding]:
        return self._service.check_text(text, self._context)

    def date_changed(self) -> None:
        """The event date changed: check again if the child's age on it is different."""
        context = self._service.context(self._case, self._event_date())
        if context != self._context:
            self._context = context
            for underliner in self.underliners.values():
                underliner.recheck_soon()

    @property
    def context(self) -> CheckContext:
        """The case's names and the child's age on the date typed so far."""
        return self._context

    def flush(self) -> None:
        """Run every check still waiting for typing to pause (before saving)."""
        for underliner in self.underliners.values():
            if underliner.pending:
                underliner.recheck_now()

    def findings(self) -> list[tuple[str, WordingFinding]]:
        """(checked field, finding) for every finding shown in the editor now."""
        return [(u.field, f) for u in self.underliners.values() for f in u.findings]

    def keep_live_marks(self, draft: EntryDraft) -> EntryDraft:
        """The draft keeping only marks whose words are still there and still flagged."""
        live = {f.mark for _field, f in self.findings() if f.mark is not None}
        kept: tuple[WordingMark, ...] = tuple(m for m in draft.wording_marks if m in live)
        if kept == draft.wording_marks:
            return draft
        return draft.model_copy(update={"wording_marks": kept})

    def _summarise(self) -> None:
        found = [f for _field, f in self.findings()]
        open_ = sum(f.open for f in found)
        kept = sum(f.mark is not None for f in found)
        notes = len(found) - open_ - kept
        if not found:
            self.summary.setText("")
            self.summary.hide()
            return
        parts = []
        if open_:
            parts.append(_count(open_, "1 wording finding", "{n} wording findings"))
        if notes:
            parts.append(_count(notes, "1 note on quoted words", "{n} notes on quoted words"))
        if kept:
            parts.append(_count(kept, "1 kept on purpose", "{n} kept on purpose"))
        hint = _tr("Rest the mouse on the underlined words, or click them, to see why.")
        self.summary.setText(
            _tr("Wording: {parts}. {hint}").format(parts=", ".join(parts), hint=hint)
        )
        self.summary.show()

    def close(self) -> None:
        """Hide the card (the editor is closing or the vault is locking)."""
        self.card.hide()
