"""Everyone's view in the entry editor: the child's own, then each family member's (UI layer).

One row a person: who (the child first, then each parent, carer or relative by name from
the case's family), their position and their words. The child's row is its own: what the
child says is never typed into "the family's". A row for the family as a whole appears for
entries written before views were per person (and when the case has no family recorded).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.views import VIEW_POSITION_LABELS, ViewHolder, ViewPosition
from fftimeline.ui.widgets.editor_fields import FieldRegistry
from fftimeline.ui.widgets.editor_state import VIEW_POSITION, VIEW_TEXT, FormState, text

_ORDER = (
    ViewPosition.NOT_ASKED,
    ViewPosition.AGREE,
    ViewPosition.PARTLY,
    ViewPosition.DISPUTE,
    ViewPosition.NOT_SAFE,
)
_FAMILY = ViewHolder.FAMILY.value


@dataclass(frozen=True)
class Holder:
    """A person who may have a view: their key and how the row names them."""

    key: str
    label: str


def holders_of(case: CaseDraft) -> list[Holder]:
    """The child, each family member by name, and the family as a whole (in that order)."""
    child = case.known_as or case.child_name.split(" ")[0]
    found = [Holder(ViewHolder.CHILD.value, f"{child} (the child)")]
    found += [Holder(f"member:{m.name}", f"{m.name} ({m.relationship})") for m in case.family]
    found.append(Holder(_FAMILY, "The family as a whole"))
    return found


def legacy_family_state(state: FormState) -> FormState:
    """A draft kept before views were per person: its family's view fills the family's row."""
    if "family_text" not in state and "family_position" not in state:
        return state
    moved = {k: v for k, v in state.items() if k not in ("family_text", "family_position")}
    moved.setdefault(VIEW_POSITION + _FAMILY, text(state, "family_position") or "not-yet-asked")
    moved.setdefault(VIEW_TEXT + _FAMILY, text(state, "family_text"))
    return moved


class ViewsBox(QWidget):
    """A grid of people, each with a position and their words, registered in the form."""

    def __init__(self, fields: FieldRegistry, holders: list[Holder]) -> None:
        super().__init__()
        self._fields = fields
        self._labels: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        labels = {p: VIEW_POSITION_LABELS[p] for p in _ORDER}
        for row, holder in enumerate(holders):
            name = QLabel(holder.label)
            position = fields.combo(
                VIEW_POSITION + holder.key,
                self.tr("Position of %1").replace("%1", holder.label),
                labels,
            )
            words = fields.line(
                VIEW_TEXT + holder.key,
                self.tr("View of %1").replace("%1", holder.label),
                self.tr("What they say, in their words"),
            )
            name.setBuddy(position)
            grid.addWidget(name, row, 0)
            grid.addWidget(position, row, 1)
            grid.addWidget(words, row, 2)
            self._labels[holder.key] = name
        grid.setColumnStretch(2, 1)
        members = [h for h in holders if h.key.startswith("member:")]
        self._show_family(not members)

    def show_rows_for(self, state: FormState) -> None:
        """Show the family-as-a-whole row when the state holds a view there."""
        recorded = text(state, VIEW_TEXT + _FAMILY) or text(state, VIEW_POSITION + _FAMILY)
        if recorded and recorded != ViewPosition.NOT_ASKED.value:
            self._show_family(True)

    def wipe(self) -> None:
        """Forget the people's names shown beside their rows (on lock, nothing stays)."""
        for label in self._labels.values():
            label.clear()

    def _show_family(self, shown: bool) -> None:
        for widget in (
            self._labels.get(_FAMILY),
            self._fields.widgets.get(VIEW_POSITION + _FAMILY),
            self._fields.widgets.get(VIEW_TEXT + _FAMILY),
        ):
            if widget is not None:
                widget.setVisible(shown)
