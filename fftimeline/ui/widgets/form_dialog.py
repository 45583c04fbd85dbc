"""The one base of every form dialog: check, save, "discard changes?", drafts, messages (ui layer).

The case, task, register, meeting, safety-plan and support dialogs all work the same way, so
they share this base instead of each repeating it:

- **checks as you type**: every watched field re-builds the form's draft (`draft`); the first
  broken rule is shown under the form in plain words and Save stays disabled until none is;
- **save**: one service call (`persist`), then the dialog closes (or, for a list edited in
  place, stays open: ``in_place``), and "saved" only ever follows a commit;
- **"discard changes?"**: Esc, Cancel, the close button and Close ask first when the form
  has changed (`GuardedDialog`), comparing everything its fields hold (`read_fields`);
- **drafts kept on lock**: the typing is kept encrypted in the vault and offered back after
  unlock (`form_drafts.DraftKeepingDialog`, through `GuardedDialog`);
- **one plain-message path**: every problem, from a rule or the vault, is worded by
  `form_helpers.form_message`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.domain.errors import DomainError
from fftimeline.ui.widgets.editor_history import ReasonDialog
from fftimeline.ui.widgets.form_drafts import read_fields
from fftimeline.ui.widgets.form_helpers import (
    GuardedDialog,
    OptionalDateEdit,
    ask_discard_changes,
    form_message,
    problem_label,
)

if TYPE_CHECKING:
    from fftimeline.domain.entries import Entry
    from fftimeline.services.vault import OpenVault


def kept_entry(vault: OpenVault, context: dict[str, Any]) -> Entry | None:
    """The saved entry a form kept across a lock was changing (None: a new one)."""
    entry_id = context.get("entry_id")
    return vault.entries.get(int(entry_id)) if entry_id is not None else None


class FormDialog(GuardedDialog):
    """A form whose draft is checked as you type and saved by one service call.

    Subclasses build their fields, call `watch` (and `watch_date`) on them and `finish` with
    the form's layout; they implement `draft` (the draft as typed, raising the domain's
    errors) and `persist` (save it, returning what was saved), and may name fields for
    messages in `labels`.

    Attributes:
        saved: what the last save returned (None until something is saved).
        problem: the line that says what stops the form being saved.
        buttons: Save and Cancel, or Close for a list edited in place.
        save_button: the button that saves (disabled while there is a problem).
    """

    def __init__(
        self, parent: QWidget | None = None, *, save_text: str = "", in_place: bool = False
    ) -> None:
        super().__init__(parent)
        self.saved: Any = None
        self.saved_any = False
        self._in_place = in_place
        self._dates: list[tuple[OptionalDateEdit, str]] = []
        self.problem = problem_label()
        if in_place:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            self.save_button = QPushButton(save_text or self.tr("Save"))
            self.save_button.clicked.connect(self.save)
        else:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            if save_text:
                role = QDialogButtonBox.ButtonRole.AcceptRole
                self.save_button = self.buttons.addButton(save_text, role)
            else:
                save = QDialogButtonBox.StandardButton.Save
                self.save_button = self.buttons.addButton(save)
            self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.cancel)

    # What a subclass provides ------------------------------------------------------
    def labels(self) -> dict[str, str]:
        """The label of each field of the draft, for messages ("Fill in “Who owns it”.")."""
        return {}

    def draft(self) -> object:
        """The draft as typed; raises ValidationError or DomainError when it cannot be saved."""
        raise NotImplementedError

    def persist(self, draft: Any) -> object:
        """Save the draft through one service call; what was saved."""
        raise NotImplementedError

    def amendment_reason(self, unchanged: bool) -> str:
        """Ask why a saved record is changed (its earlier version is kept).

        Raises:
            DomainError: nothing was changed, or no reason was given (nothing is saved).
        """
        if unchanged:
            raise DomainError(
                "nothing_changed", self.tr("Nothing has changed, so nothing was saved.")
            )
        reason = ReasonDialog.ask(
            self,
            self.tr("Reason for the change"),
            self.tr("Why are you changing this? The earlier version is kept."),
        )
        if reason is None:
            raise DomainError("reason_needed", self.tr("Not saved: a change needs a reason."))
        return reason

    def after_save(self, saved: object) -> None:
        """What happens once saved: close (or, in place, start afresh: subclasses)."""
        if not self._in_place:
            self.accept()

    # Building --------------------------------------------------------------------
    def watch(self, *widgets: QWidget) -> None:
        """Re-check the form whenever one of these fields changes."""
        for widget in widgets:
            if isinstance(widget, OptionalDateEdit):
                widget.edited.connect(self.check)
            elif isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.textChanged.connect(self.check)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.check)
                widget.editTextChanged.connect(self.check)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.check)
            elif isinstance(widget, QTableWidget):
                widget.itemChanged.connect(self.check)
                widget.model().rowsInserted.connect(self.check)
                widget.model().rowsRemoved.connect(self.check)
            elif isinstance(widget, QListWidget):
                widget.itemChanged.connect(self.check)

    def watch_date(self, edit: OptionalDateEdit, label: str) -> None:
        """Watch a date box; a date it cannot read is reported with its label first."""
        self._dates.append((edit, label))
        self.watch(edit)

    def finish(
        self,
        body: QLayout | QWidget,
        vault: OpenVault | None = None,
        case_id: int | None = None,
        context: dict[str, Any] | None = None,
    ) -> None:
        """Lay the form out above the problem line and the buttons, check it, keep its typing.

        ``vault``: where the typing is kept if the app locks (None for a form about the
        app's settings, which holds nothing about a case).
        """
        box = QVBoxLayout(self)
        if isinstance(body, QLayout):
            box.addLayout(body, 1)
        else:
            box.addWidget(body, 1)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)
        self.mark_unchanged()
        self.check()
        if vault is not None:
            self.keep_typing_in(vault, case_id, context)

    # Behaviour ---------------------------------------------------------------------
    @override
    def snapshot(self) -> object:
        """Everything the form's fields hold (the same reading as a kept draft)."""
        return read_fields(self)

    def current_problem(self) -> str:
        """What stops the form being saved, in plain words ('' when it can be saved)."""
        for edit, label in self._dates:
            if edit.problem():
                return self.tr("{label}: {problem}").format(label=label, problem=edit.problem())
        try:
            self.draft()
        except (ValidationError, DomainError) as error:
            return form_message(error, self.labels())
        return ""

    def check(self) -> None:
        """Show the first problem and allow Save only when there is none."""
        problem = self.current_problem()
        self.problem.setText(problem)
        self.save_button.setEnabled(not problem)

    def save(self) -> None:
        """Build the draft and save it; a refusal is shown and the form stays open."""
        try:
            saved = self.persist(self.draft())
        except (ValidationError, DomainError, OSError) as error:
            self.problem.setText(form_message(error, self.labels()))
            return
        self.saved, self.saved_any = saved, True
        self.after_save(saved)

    @override
    def cancel(self) -> None:
        """Close, asking first if there are changes; a list edited in place says if it saved."""
        if self.has_changes() and not ask_discard_changes(self):
            return
        if self._in_place and self.saved_any:
            self.accept()
        else:
            self.reject()

    def run(self) -> Any:
        """Show the form; what was saved, or None when nothing was."""
        accepted = self.exec() == QDialog.DialogCode.Accepted
        return self.saved if accepted else None
