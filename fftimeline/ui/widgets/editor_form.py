"""The entry editor's form: every field, common ones first, the rest under "More" (UI layer).

Order follows UX.md: when, what kind, what happened, how we know, who told us, everyone's
views (the child's own, then each parent's or carer's by name), the child's wishes about
sharing, how serious, safe to share with; then date learned, impact, outcome, grading and
linked register items one click away. Fields that only apply sometimes (whose opinion,
why withheld, why no source, next action with its owner and due date) appear when they
apply. "How do we know?" starts empty: the key worker chooses it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.dates import today
from fftimeline.domain.entries import KIND_LABELS, NATURE_LABELS, SIGNIFICANCE_LABELS, Impact
from fftimeline.domain.people import LINK_KIND_LABELS, Linked
from fftimeline.domain.sharing import Audience
from fftimeline.domain.sources import WITHHELD_REASON_LABELS
from fftimeline.domain.wording_check import marks_from_json, marks_to_json
from fftimeline.ui.widgets.editor_boxes import grading_box, sharing_box, source_box, wish_box
from fftimeline.ui.widgets.editor_fields import FieldRegistry
from fftimeline.ui.widgets.editor_state import (
    FormState,
    flag,
    has_source,
    text,
)
from fftimeline.ui.widgets.editor_views import Holder, ViewsBox, legacy_family_state
from fftimeline.ui.wording.marks import WordingMarks

_IMPACT_LABELS = {
    Impact.NEUTRAL: "Neutral",
    Impact.POSITIVE: "Positive",
    Impact.NEGATIVE: "Negative",
}


class EntryForm(QWidget):
    """All the inputs of one entry, with errors shown beside each.

    Signals:
        edited: something changed; carries the form key.
    """

    edited = Signal(str)

    def __init__(
        self, links: list[Linked], holders: list[Holder], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._built = False
        self._holders = holders
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
            f.combo(
                "nature", self.tr("How do we know?"), {"": "Choose how we know…", **NATURE_LABELS}
            ),
        )
        self._row(form, "opinion_of", self.tr("Whose opinion?"), self._opinion_box())
        self._row(form, "source_name", self.tr("Who told us?"), source_box(self.fields))
        self._row(
            form,
            "no_source_reason",
            self.tr("No one named: why?"),
            f.line(
                "no_source_reason",
                self.tr("Why no source is recorded"),
                self.tr("For example: seen by me; not recorded at the time"),
            ),
        )
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
        self.views = ViewsBox(self.fields, self._holders)
        self._row(form, "views", self.tr("Views"), self.views)
        self._row(
            form, "wish_text", self.tr("The child's wishes about sharing"), wish_box(self.fields)
        )
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
            "next_action_due",
            self.tr("Due by"),
            f.date("next_action_due", self.tr("Next action due by"), ahead=True),
        )
        self._row(
            form,
            "no_action_reason",
            self.tr("Or: why no action?"),
            f.text_box("no_action_reason", self.tr("Why no action is being taken"), lines=2),
        )
        self._row(form, "sharing", self.tr("Safe to share with"), sharing_box(self.fields))
        return form

    def _opinion_box(self) -> QWidget:
        """Whose opinion, with who told us offered in one click (never copied by itself)."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(
            self.fields.line("opinion_of", self.tr("Whose opinion?"), self.tr("Name and role")), 1
        )
        self.offer_source = QToolButton()
        self.offer_source.setAccessibleName(self.tr("Use who told us"))
        self.offer_source.clicked.connect(self._use_source)
        self.offer_source.hide()
        row.addWidget(self.offer_source)
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
        self._row(form, "graded", self.tr("Grading"), grading_box(self.fields))
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
        """Fill the form from a state (an entry being amended or a kept draft).

        A draft kept before views were per person holds one family's view: it fills the
        row of the family as a whole.
        """
        state = legacy_family_state(state)
        self.views.show_rows_for(state)
        self.fields.load(state)
        self.marks.load(marks_from_json(text(state, "wording_marks")))
        more_keys = ("learned_on", "outcome", "graded", "links")
        if any(state.get(k) for k in more_keys) or state.get("impact", "neutral") != "neutral":
            self.show_more(True)
        self._update_visibility()

    def _on_edited(self, key: str) -> None:
        if key == "significance":
            self._suggest_due()
        self._update_visibility()
        self.edited.emit(key)

    def _suggest_due(self) -> None:
        """A serious risk's next action is due within 24 hours unless the key worker says."""
        state = self.fields.state()
        if text(state, "significance") == "serious-risk" and not text(state, "next_action_due"):
            tomorrow = today() + dt.timedelta(days=1)
            self.fields.load({"next_action_due": tomorrow.strftime("%d/%m/%Y")})

    def _source_words(self, state: FormState) -> str:
        parts = [text(state, k).strip() for k in ("source_name", "source_role")]
        return ", ".join(p for p in parts if p)

    def _offer_source(self, state: FormState, opinion: bool) -> None:
        """Offer who told us as whose opinion, when it is an opinion and nothing is typed."""
        words = self._source_words(state)
        shown = opinion and bool(words) and not flag(state, "source_withheld")
        shown = shown and text(state, "opinion_of").strip() != words
        self.offer_source.setText(self.tr("Use: %1").replace("%1", words))
        self.offer_source.setToolTip(self.tr("Whose opinion: the person who told us"))
        self.offer_source.setVisible(shown)

    def _use_source(self) -> None:
        self.fields.load({"opinion_of": self._source_words(self.fields.state())})

    def _set_row(self, key: str, shown: bool) -> None:
        form, field = self._rows[key]
        form.setRowVisible(field, shown)

    def _update_visibility(self) -> None:
        if not self._built:
            return
        state = self.state()
        withheld = flag(state, "source_withheld")
        serious = text(state, "significance") == "serious-risk"
        opinion = text(state, "nature") == "professional-opinion"
        self._set_row("opinion_of", opinion)
        self._offer_source(state, opinion)
        self._set_row("source_withheld_reason", withheld)
        self._set_row("source_override", withheld and flag(state, "source_professional"))
        self._set_row("no_source_reason", not has_source(state))
        self.fields.widgets["source_unknown"].setEnabled(withheld or flag(state, "source_unknown"))
        for key in ("next_action", "next_action_owner", "next_action_due", "no_action_reason"):
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
