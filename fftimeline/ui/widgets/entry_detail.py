"""The detail pane: the whole selected entry in plain words (ui layer).

It answers "what happened, how do we know, who can see it, what are we doing about it"
for one entry. Everything typed by people is HTML-escaped before it is shown.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QTextBrowser, QWidget
from typing_extensions import override

from fftimeline.domain.entries import Entry, Impact, Significance
from fftimeline.domain.people import LINK_KIND_LABELS, Linked
from fftimeline.domain.tasks import Task
from fftimeline.ui.clipboard import mark_sensitive
from fftimeline.ui.models import entry_text as words
from fftimeline.ui.models.entry_text import NameMask
from fftimeline.ui.models.task_model import status_text

_CTX = "EntryDetail"
_IMPACT = {Impact.POSITIVE: "Positive", Impact.NEGATIVE: "Negative", Impact.NEUTRAL: "Neutral"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _row(label: str, value: str) -> str:
    """One labelled paragraph; empty values are left out."""
    if not value:
        return ""
    body = escape(value).replace("\n", "<br>")
    return f"<p><b>{escape(label)}</b><br>{body}</p>"


def _status(entry: Entry) -> str:
    parts = [_tr("Version {n}").format(n=entry.version)]
    parts.append(
        _tr("recorded {when} by {who}").format(
            when=words.moment_text(entry.recorded_at), who=entry.recorded_by or _tr("unknown")
        )
    )
    if entry.amendment_reason:  # a withdrawal is a version with its own reason, shown above
        parts.append(_tr("amended because: {why}").format(why=entry.amendment_reason))
    return "; ".join(parts)


def _withdrawn(entry: Entry, mask: NameMask) -> str:
    if not entry.retracted:
        return ""
    text = _tr("Withdrawn on {when}: {why}").format(
        when=words.moment_text(entry.retracted_at), why=mask(entry.retraction_reason)
    )
    return f"<p><b>{escape(text)}</b></p>"


def _seriousness(entry: Entry) -> str:
    text = words.significance_text(entry)
    if entry.significance is Significance.SERIOUS:
        text = "⚠ " + text
    if entry.next_action:
        text += "\n" + _tr("Next action: {what} (owner: {who})").format(
            what=entry.next_action, who=entry.next_action_owner
        )
        if entry.next_action_due is not None:
            text += " " + _tr("due by {day}").format(day=words.day_text(entry.next_action_due))
    if entry.no_action_reason:
        text += "\n" + _tr("No action because: {why}").format(why=entry.no_action_reason)
    return text


def _linked(entry: Entry, links: dict[int, Linked]) -> str:
    found = [links[i] for i in sorted(entry.link_ids) if i in links]
    return "\n".join(f"{i.label} ({_tr(LINK_KIND_LABELS[i.kind])})" for i in found)


def _tasks(entry: Entry, tasks: list[Task]) -> str:
    mine = [t for t in tasks if entry.id in t.entry_ids]
    return "\n".join(
        f"{t.what} — {t.owner} — {words.day_text(t.due) or _tr('no date')} — "
        f"{status_text(t, words.today_date())}"
        for t in mine
    )


def entry_html(
    entry: Entry,
    links: dict[int, Linked],
    tasks: list[Task],
    mask: NameMask = words.no_mask,
) -> str:
    """The whole entry as HTML, with links and tasks named by their labels.

    ``mask`` replaces the child's names with initials when names are hidden.
    """
    grading = entry.grading.code if entry.grading is not None else ""
    rows = [
        (_tr("Kind"), words.kind_text(entry)),
        (_tr("What happened"), entry.summary),
        (_tr("Full account"), entry.account),
        (_tr("How we know"), words.nature_text(entry)),
        (_tr("Who told us"), words.source_detail(entry)),
        (_tr("The child's view"), words.child_text(entry)),
        (_tr("Family's view"), words.family_text(entry)),
        (_tr("How serious"), _seriousness(entry)),
        (_tr("Impact on the child"), _tr(_IMPACT[entry.impact])),
        (_tr("Outcome"), entry.outcome),
        (_tr("Safe to share with"), words.sharing_tip(entry, reasons=True)),
        (_tr("Grading (3x5x2)"), grading),
        (_tr("Linked people, places and vehicles"), _linked(entry, links)),
        (_tr("Tasks"), _tasks(entry, tasks)),
        (_tr("Date we learned of it"), words.day_text(entry.learned_on)),
        (_tr("Record"), _status(entry)),
    ]
    heading = f"<h3>{escape(words.date_text(entry))}</h3>"
    withdrawn = _withdrawn(entry, mask)
    return heading + withdrawn + "".join(_row(label, mask(value)) for label, value in rows)


class EntryDetail(QTextBrowser):
    """Read-only view of the selected entry; empty when nothing is selected.

    Words selected and copied from it are marked sensitive for clipboard managers, and
    `selection_copied` tells the window so it can take them off the clipboard again.

    Signals:
        selection_copied: text from the pane was put on the clipboard.
    """

    selection_copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Selected entry"))
        self.setOpenLinks(False)
        self.setPlaceholderText(self.tr("Select an entry to read it in full here."))

    def show_entry(
        self,
        entry: Entry,
        links: dict[int, Linked],
        tasks: list[Task],
        mask: NameMask = words.no_mask,
    ) -> None:
        """Show one entry in full (with the child's names masked when names are hidden)."""
        self.setHtml(entry_html(entry, links, tasks, mask))

    def show_nothing(self) -> None:
        """Empty the pane (nothing selected, or the vault is locking)."""
        self.clear()

    @override
    def createMimeDataFromSelection(self) -> QMimeData:
        """Copied words carry the sensitive-content hints (see `ui.clipboard`)."""
        mime = mark_sensitive(super().createMimeDataFromSelection())
        self.selection_copied.emit(mime.text())
        return mime

    @override
    def event(self, event: QEvent) -> bool:
        """With nothing selected, Ctrl+C is left to the window's "Copy entry"."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Copy)
            and not self.textCursor().hasSelection()
        ):
            event.ignore()
            return False
        return super().event(event)
