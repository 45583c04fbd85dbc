"""The entry editor's form: every field, common ones first, the rest under "More" (UI layer).

Order follows UX.md: when, what kind, what happened, how we know, who told us, family's
view, how serious, safe to share with; then date learned, impact, outcome, grading and
linked register items one click away. Fields that only apply sometimes (whose opinion,
why withheld, next action) appear when they apply.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.entries import (
    FAMILY_POSITION_LABELS,
    KIND_LABELS,
    NATURE_LABELS,
    SIGNIFICANCE_LABELS,
    FamilyPosition,
    Impact,
)
from fftimeline.domain.people import LINK_KIND_LABELS, Linked
from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience
from fftimeline.domain.sources import WITHHELD_REASON_LABELS, SourceKind
from fftimeline.domain.wording_check import marks_from_json, marks_to_json
from fftimeline.ui.widgets.editor_fields import FieldRegistry
from fftimeline.ui.widgets.editor_state import FormState, flag, text
from fftimeline.ui.wording.marks import WordingMarks

_IMPACT_LABELS = {
    Impact.NEUTRAL: "Neutral",
    Impact.POSITIVE: "Positive",
    Impact.NEGATIVE: "Negative",
}
_SOURCE_KIND_LABELS = {
    SourceKind.PERSON: "A person",
    SourceKind.AGENCY: "An agency",
    SourceKind.DOCUMENT: "A document",
}


class EntryForm(QWidget):
    """All the inputs of one entry, with errors shown beside each.

    Signals:
        edited: something changed; carries the form key.
    """

    edited = Signal(str)

    def __init__(self, links: list[Linked], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._built = False
        self.fields = FieldRegistry(self)
        self.fields.edited.connect(self._on_edited)
        self.marks = WordingMarks(self)  # wording kept on purpose: saved beside the text
        self.marks.changed.connect(lambda: self.edited.emit("wording_marks"))
        self._rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        outer = QVBoxLayout(self)
        self.main = self._form()
        outer.addLayout(self.main)
        self.more_button = QToolButton()
        self.more_button.setCheckable(True)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.setText(
            self.tr("More: date learned, impact, outcome, grading, linked people and places")
        )
        self.more_button.setAccessibleName(self.tr("Show more fields"))
        self.more_button.toggled.connect(self.show_more)
        outer.addWidget(self.more_button)
        self.more = QWidget()
        more_form = self._more_form(links)
        more_form.setContentsMargins(0, 0, 0, 0)
        self.more.setLayout(more_form)
        self.more.hide()
        outer.addWidget(self.more)
        outer.addStretch(1)
        self._built = True
        self._update_visibility()

    # Layout --------------------------------------------------------------------
    def _row(self, form: QFormLayout, key: str, label: str, field: QWidget) -> None:
        caption = QLabel(label)
        caption.setBuddy(field)
        wrapped = self.fields.with_error(key, field)
        form.addRow(caption, wrapped)
        self._rows[key] = (form, wrapped)

    def _form(self) -> QFormLayout:
        f, form = self.fields, QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(
            form,
            "date",
            self.tr("When did it happen?"),
            f.date("date", self.tr("When did it happen?")),
        )
        self._row(
            form, "kind", self.tr("What kind?"), f.combo("kind", self.tr("What kind?"), KIND_LABELS)
        )
        self._row(
            form,
            "summary",
            self.tr("What happened?"),
            f.line("summary", self.tr("What happened?"), self.tr("One line, in plain words")),
        )
        self._row(
            form, "account", self.tr("Full account"), f.text_box("account", self.tr("Full account"))
        )
        self._row(
            form,
            "nature",
            self.tr("How do we know?"),
            f.combo("nature", self.tr("How do we know?"), NATURE_LABELS),
        )
        self._row(
            form,
            "opinion_of",
            self.tr("Whose opinion?"),
            f.line("opinion_of", self.tr("Whose opinion?"), self.tr("Name and role")),
        )
        self._row(form, "source_name", self.tr("Who told us?"), self._source_box())
        self._row(
            form,
            "source_withheld_reason",
            self.tr("Why withhold?"),
            f.combo(
                "source_withheld_reason",
                self.tr("Why withhold the source?"),
                {"": "Choose a reason…", **WITHHELD_REASON_LABELS},
            ),
        )
        self._row(
            form,
            "source_override",
            self.tr("Why withhold a professional?"),
            f.line(
                "source_override",
                self.tr("Why withhold a professional?"),
                self.tr("Professionals are normally named: say why not"),
            ),
        )
        self._row(form, "family_text", self.tr("Family's view"), self._family_box())
        self._row(
            form,
            "significance",
            self.tr("How serious?"),
            f.combo("significance", self.tr("How serious?"), SIGNIFICANCE_LABELS),
        )
        self._row(
            form,
            "next_action",
            self.tr("Next action"),
            f.line("next_action", self.tr("Next action"), self.tr("What will be done, urgently")),
        )
        self._row(
            form,
            "next_action_owner",
            self.tr("Who owns it?"),
            f.line("next_action_owner", self.tr("Who owns the next action?")),
        )
        self._row(
            form,
            "no_action_reason",
            self.tr("Or: why no action?"),
            f.text_box("no_action_reason", self.tr("Why no action is being taken"), lines=2),
        )
        self._row(form, "sharing", self.tr("Safe to share with"), self._sharing_box())
        return form

    def _source_box(self) -> QWidget:
        f, box = self.fields, QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(f.line("source_name", self.tr("Who told us: name"), self.tr("Name")), 0, 0)
        grid.addWidget(f.line("source_role", self.tr("Who told us: role"), self.tr("Role")), 0, 1)
        grid.addWidget(
            f.line("source_agency", self.tr("Who told us: agency"), self.tr("Agency")), 0, 2
        )
        grid.addWidget(
            f.combo(
                "source_kind",
                self.tr("Who told us: a person, agency or document"),
                _SOURCE_KIND_LABELS,
            ),
            1,
            0,
        )
        grid.addWidget(f.check("source_professional", self.tr("A professional")), 1, 1)
        grid.addWidget(f.check("source_withheld", self.tr("Withhold: not safe to name")), 1, 2)
        return box

    def _family_box(self) -> QWidget:
        f, box = self.fields, QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(
            f.line("family_text", self.tr("Family's view"), self.tr("What the family says")), 3
        )
        row.addWidget(
            f.combo("family_position", self.tr("Family's position"), FAMILY_POSITION_LABELS), 1
        )
        self.fields.load({"family_position": FamilyPosition.NOT_ASKED.value})
        return box

    def _sharing_box(self) -> QWidget:
        f, box = self.fields, QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, audience in enumerate(Audience):
            label = self.tr(AUDIENCE_LABELS[audience])
            tick = f.check(f"share_{audience.value}", label)
            tick.setChecked(audience is Audience.SAFEGUARDING_TEAM)
            why = f.line(
                f"why_not_{audience.value}",
                self.tr("Why not share with %1?").replace("%1", label),
                self.tr("Why not? (optional)"),
            )
            grid.addWidget(tick, row, 0)
            grid.addWidget(why, row, 1)
        grid.setColumnStretch(1, 1)
        return box

    def _more_form(self, links: list[Linked]) -> QFormLayout:
        f, form = self.fields, QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(
            form,
            "learned_on",
            self.tr("When did we learn of it?"),
            f.date("learned_on", self.tr("When did we learn of it?"), exact_only=True),
        )
        self._row(
            form,
            "impact",
            self.tr("Effect on the child"),
            f.combo("impact", self.tr("Effect on the child"), _IMPACT_LABELS),
        )
        self._row(
            form, "outcome", self.tr("Outcome"), f.text_box("outcome", self.tr("Outcome"), lines=2)
        )
        self._row(form, "graded", self.tr("Grading"), self._grading_box())
        self._row(
            form,
            "grading_conditions",
            self.tr("Handling conditions"),
            f.line("grading_conditions", self.tr("Handling conditions")),
        )
        checklist = f.checklist("links", self.tr("Linked people, places and vehicles"))
        for item in links:
            row = QListWidgetItem(f"{item.label} — {self.tr(LINK_KIND_LABELS[item.kind])}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            checklist.addItem(row)
        checklist.setMaximumHeight(110)
        self._row(form, "links", self.tr("Linked"), checklist)
        return form

    def _grading_box(self) -> QWidget:
        f, box = self.fields, QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(f.check("graded", self.tr("Graded (3x5x2)")))
        row.addWidget(
            f.combo(
                "grading_source",
                self.tr("Source evaluation"),
                {"1": "1 Reliable", "2": "2 Untested", "3": "3 Not reliable"},
            )
        )
        row.addWidget(
            f.combo(
                "grading_information",
                self.tr("Information assessment"),
                {
                    "A": "A Known directly",
                    "B": "B Known indirectly, corroborated",
                    "C": "C Known indirectly",
                    "D": "D Not known",
                    "E": "E Suspected false",
                },
            )
        )
        row.addWidget(
            f.combo(
                "grading_handling",
                self.tr("Handling code"),
                {"P": "P Lawful sharing permitted", "C": "C With conditions"},
            )
        )
        return box

    # Behaviour -------------------------------------------------------------------
    def show_more(self, shown: bool) -> None:
        """Open or close the "More" section."""
        self.more.setVisible(shown)
        self.more_button.setChecked(shown)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def suggest(self, key: str, names: list[str]) -> None:
        """Offer known names as you type in a text field (the team, the family)."""
        widget = self.fields.widgets[key]
        unique = sorted({n for n in names if n})
        if isinstance(widget, QLineEdit) and unique:
            completer = QCompleter(unique, widget)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            widget.setCompleter(completer)

    def state(self) -> FormState:
        """Everything typed so far, with the wording marks."""
        return {**self.fields.state(), "wording_marks": marks_to_json(self.marks.marks)}

    def load(self, state: FormState) -> None:
        """Fill the form from a state (an entry being amended or a kept draft)."""
        self.fields.load(state)
        self.marks.load(marks_from_json(text(state, "wording_marks")))
        more_keys = ("learned_on", "outcome", "graded", "links")
        if any(state.get(k) for k in more_keys) or state.get("impact", "neutral") != "neutral":
            self.show_more(True)
        self._update_visibility()

    def _on_edited(self, key: str) -> None:
        self._update_visibility()
        self.edited.emit(key)

    def _set_row(self, key: str, shown: bool) -> None:
        form, field = self._rows[key]
        form.setRowVisible(field, shown)

    def _update_visibility(self) -> None:
        if not self._built:
            return
        state = self.state()
        withheld = flag(state, "source_withheld")
        serious = text(state, "significance") == "serious-risk"
        self._set_row("opinion_of", text(state, "nature") == "professional-opinion")
        self._set_row("source_withheld_reason", withheld)
        self._set_row("source_override", withheld and flag(state, "source_professional"))
        for key in ("next_action", "next_action_owner", "no_action_reason"):
            self._set_row(key, serious or bool(text(state, key)))
        intelligence = text(state, "kind") == "intelligence"
        self._set_row("graded", intelligence)
        self._set_row(
            "grading_conditions",
            intelligence and flag(state, "graded") and text(state, "grading_handling") == "C",
        )
        for key in ("grading_source", "grading_information", "grading_handling"):
            self.fields.widgets[key].setEnabled(flag(state, "graded"))
        for audience in Audience:
            self.fields.widgets[f"why_not_{audience.value}"].setEnabled(
                not flag(state, f"share_{audience.value}")
            )
