"""The entry editor: add or amend one chronology entry, checked as you type (UI layer).

The form is validated on every change by building an `EntryDraft`; each broken rule is
shown in plain words beside its field and Save stays disabled until the entry is valid.
Amending asks for a reason. Unsaved typing is never lost: Esc offers to keep it as a
draft, and a lock stashes every open editor as an encrypted draft in the vault.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from pydantic import ValidationError
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.domain.dates import EventDate, today
from fftimeline.domain.entries import Entry, EntryDraft
from fftimeline.domain.errors import DomainError
from fftimeline.ui.dialogs.history_dialog import HistoryDialog
from fftimeline.ui.dialogs.retract_dialog import RetractDialog
from fftimeline.ui.errors import plain_message
from fftimeline.ui.widgets.date_edit import DateEdit
from fftimeline.ui.widgets.editor_drafts import (
    DRAFT_KEY,
    CarryOnQuestion,
    KeepDraftQuestion,
    load_drafts,
    store_drafts,
)
from fftimeline.ui.widgets.editor_form import EntryForm
from fftimeline.ui.widgets.editor_history import ReasonDialog
from fftimeline.ui.widgets.editor_state import (
    FormState,
    errors_by_field,
    saving_problems,
    state_from_draft,
    validate,
)
from fftimeline.ui.widgets.editor_views import holders_of
from fftimeline.ui.wording.editor_hook import EditorWording

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

_REQUIRED = ("date", "summary", "nature")
"""Fields that say nothing until touched (a new form is not a list of errors)."""
__all__ = ["DRAFT_KEY", "CarryOnQuestion", "EntryEditorDialog", "KeepDraftQuestion"]


def _checked(
    state: FormState, when: EventDate, learned: dt.date | None, due: dt.date | None
) -> tuple[EntryDraft | None, dict[str, str]]:
    """The draft the form holds and the problems with it, by form key."""
    try:
        draft = validate(state, when, learned, due)
    except ValidationError as exc:
        return None, errors_by_field(exc, state)
    return draft, saving_problems(draft)


class EntryEditorDialog(QDialog):
    """Add a new entry or amend an existing one."""

    _open: ClassVar[list[EntryEditorDialog]] = []

    def __init__(
        self,
        parent: QWidget | None,
        vault: OpenVault,
        case_id: int,
        entry: Entry | None = None,
        *,
        state: FormState | None = None,
        draft_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault, self.case_id, self.entry = vault, case_id, entry
        self.saved: Entry | None = None
        self._draft: EntryDraft | None = None
        self._draft_id = draft_id or uuid.uuid4().hex
        self._closing = False
        self.setWindowTitle(self.tr("Amend entry") if entry else self.tr("New entry"))
        self._case = vault.cases.get(case_id)
        self.form = EntryForm(vault.links.items(case_id), holders_of(self._case))
        self._suggest_people()
        if entry is not None:
            self.form.load(state_from_draft(entry.draft()))
        self._initial = self.form.state()
        if state is not None:
            self.form.load(state)
        self._touched: set[str] = set(_REQUIRED) if (entry or state) else set()
        self.wording = EditorWording(
            self,
            self.form.fields.widgets,
            self.form.marks,
            vault.wording,
            self._case,
            self._date("date").event_date,
        )
        self._build()
        self.form.edited.connect(self._on_edited)
        self.finished.connect(self._forget)
        EntryEditorDialog._open.append(self)
        self._revalidate()

    def _suggest_people(self) -> None:
        """Names the key person often types: the team around the child and the family."""
        case = self._case
        team = [t.name for t in case.team] + [case.key_worker]
        self.form.suggest("source_name", team + [f.name for f in case.family])
        self.form.suggest("next_action_owner", team)
        self.form.suggest("opinion_of", team)

    def _build(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field, not to the frame
        scroll.setWidget(self.form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("What is needed to save"))
        buttons = QHBoxLayout()
        if self.entry is not None:
            for text, slot in (
                (self.tr("History…"), self._history),
                (self.tr("Withdraw…"), self._retract),
            ):
                button = QPushButton(text)
                button.setAccessibleName(text.rstrip("…"))
                button.setAutoDefault(False)
                button.clicked.connect(slot)
                buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save entry"))
        self.save_button.clicked.connect(self._save)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.wording.summary)
        layout.addLayout(buttons)
        self._save_by_keyboard()
        self.resize(920, 760)
        self.form.fields.widgets["date"].setFocus()

    def _save_by_keyboard(self) -> None:
        """Save is Ctrl+S or Ctrl+Enter; no button is default, so Enter never saves."""
        keys = [QKeySequence(QKeySequence.StandardKey.Save), QKeySequence("Ctrl+Return")]
        for key in [*keys, QKeySequence("Ctrl+Enter")]:
            QShortcut(key, self, self._save)
        names = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys]
        self.save_button.setToolTip(
            self.tr("Save the entry (%1 or %2)").replace("%1", names[0]).replace("%2", names[1])
        )
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves to the next field (a focused button is pressed); it never saves."""
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                focus.click()
            else:
                self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)

    # Validation ----------------------------------------------------------------
    def _date(self, key: str) -> DateEdit:
        widget = self.form.fields.widgets[key]
        assert isinstance(widget, DateEdit)
        return widget

    def _on_edited(self, key: str) -> None:
        self._touched.add(key)
        if key == "date":
            self.wording.date_changed()
        self._revalidate()

    def _revalidate(self) -> None:
        """Build the draft from what is typed; show each problem beside its field."""
        problems: dict[str, str] = {}
        when, learned = self._date("date"), self._date("learned_on")
        due = self._date("next_action_due")
        if when.event_date() is None:
            problems["date"] = when.problem() or self.tr(
                "Say when it happened, even roughly: for example March 2025."
            )
        for key, field in (("learned_on", learned), ("next_action_due", due)):
            if field.problem():
                problems[key] = field.problem()
        state = self.form.state()
        draft, found = _checked(
            state, when.event_date() or EventDate.exact(today()), learned.day(), due.day()
        )
        for key, message in found.items():
            problems.setdefault(key, self.tr(message))
        self._draft = None if problems or draft is None else self.wording.keep_live_marks(draft)
        hidden = {k for k in _REQUIRED if k not in self._touched}
        self.form.fields.show_problems(problems, set(problems) - hidden)
        self.save_button.setEnabled(self._draft is not None)
        self._show_status(problems, hidden)

    def _show_status(self, problems: dict[str, str], hidden: set[str]) -> None:
        if not problems:
            self.status.setText("")
        elif set(problems) <= hidden:
            self.status.setText(
                self.tr("To save, say when it happened, what happened and how we know.")
            )
        else:
            first = next(k for k in problems if k not in hidden)
            self.status.setText(self.tr("Not ready to save. %1").replace("%1", problems[first]))

    def is_dirty(self) -> bool:
        """Whether anything was typed since the editor opened (or the entry was loaded)."""
        return self.form.state() != self._initial

    # Saving ----------------------------------------------------------------------
    def _save(self) -> None:
        self.wording.flush()  # marks are kept only for words still flagged
        self._revalidate()
        draft = self._draft
        if draft is None:
            return
        try:
            if self.entry is None:
                saved = self.vault.entries.add(self.case_id, draft)
            else:
                if draft == self.entry.draft():
                    self.status.setText(
                        self.tr("Nothing has changed, so there is nothing to save.")
                    )
                    return
                reason = ReasonDialog.ask(
                    self,
                    self.tr("Reason for the amendment"),
                    self.tr("Why are you changing this entry? The earlier version is kept."),
                )
                if reason is None:
                    return
                saved = self.vault.entries.amend(self.entry.id, draft, reason)
        except (DomainError, ValidationError, OSError) as exc:
            self.status.setText(plain_message(exc))
            return
        self._finish(saved)

    def _retract(self) -> None:
        assert self.entry is not None
        saved = RetractDialog.ask(self, self.vault, self.entry)  # the main window's dialog too
        if saved is not None:
            self._finish(saved)

    def _history(self) -> None:
        assert self.entry is not None
        HistoryDialog.ask(self, self.vault, self.entry.id)

    def _finish(self, saved: Entry) -> None:
        self.saved = saved
        self._drop_draft()
        self._closing = True
        self.accept()

    # Closing without losing typing -----------------------------------------------------
    @override
    def reject(self) -> None:
        """Esc/Cancel/close: if there is unsaved typing, keep it, discard it, or carry on."""
        if self._closing or not self.is_dirty():
            self._closing = True
            super().reject()
            return
        choice = KeepDraftQuestion.ask(self)
        if choice is None:
            return
        if choice == "keep":
            self.keep_draft()
        else:
            self._drop_draft()
        self._closing = True
        super().reject()

    def keep_draft(self) -> None:
        """Save what is typed as an encrypted draft in the vault."""
        records = [r for r in load_drafts(self.vault) if r.get("id") != self._draft_id]
        records.append(
            {
                "id": self._draft_id,
                "case_id": self.case_id,
                "entry_id": self.entry.id if self.entry else None,
                "state": self.form.state(),
            }
        )
        self.vault.drafts.save(DRAFT_KEY, json.dumps(records))

    def _drop_draft(self) -> None:
        records = load_drafts(self.vault)
        kept = [r for r in records if r.get("id") != self._draft_id]
        if len(kept) != len(records):
            store_drafts(self.vault, kept)

    def wipe(self) -> None:
        """Empty every field and list, so nothing typed stays in memory once locked."""
        for line in self.form.findChildren(QLineEdit):
            line.clear()
            completer = line.completer()
            if completer is not None:
                completer.setModel(QStringListModel(completer))
        for box in self.form.findChildren(QPlainTextEdit):
            box.clear()
        for checklist in self.form.findChildren(QListWidget):
            checklist.clear()
        self.form.marks.load(())
        self.form.views.wipe()
        self.wording.close()

    def _forget(self) -> None:
        self.wording.close()
        if self in EntryEditorDialog._open:
            EntryEditorDialog._open.remove(self)

    # The seam with the main window and app.py ----------------------------------------
    @classmethod
    def ask(
        cls, parent: QWidget, vault: OpenVault, case_id: int, entry: Entry | None = None
    ) -> Entry | None:
        """Open the editor; the saved entry, or None if nothing was saved."""
        return cls._run(cls(parent, vault, case_id, entry))

    @classmethod
    def _run(cls, dialog: EntryEditorDialog) -> Entry | None:
        try:
            dialog.exec()
            return dialog.saved
        finally:
            dialog._forget()
            dialog.deleteLater()

    @classmethod
    def stash_open_editors(cls) -> None:
        """On lock: every open editor keeps its unsaved typing as a draft, then closes."""
        for dialog in list(cls._open):
            if dialog.is_dirty():
                dialog.keep_draft()
            dialog._closing = True
            dialog.done(QDialog.DialogCode.Rejected)
            dialog.wipe()
        cls._open.clear()

    @classmethod
    def offer_drafts(
        cls,
        parent: QWidget,
        vault: OpenVault,
        *,
        on_saved: Callable[[Entry], None] | None = None,
    ) -> None:
        """After unlock: carry on with drafts kept at the last lock, later, or discard them."""
        records = load_drafts(vault)
        if not records:
            return
        choice = CarryOnQuestion.ask(parent, len(records))
        if choice is None:  # later: the drafts stay, and are offered at the next unlock
            return
        if not choice:
            vault.drafts.discard(DRAFT_KEY)
            return
        for record in records:
            entry_id = record.get("entry_id")
            entry = vault.entries.get(int(entry_id)) if entry_id is not None else None
            dialog = cls(
                parent,
                vault,
                int(record["case_id"]),
                entry,
                state=record.get("state") or {},
                draft_id=str(record.get("id")),
            )
            saved = cls._run(dialog)
            if saved is not None and on_saved is not None:
                on_saved(saved)
