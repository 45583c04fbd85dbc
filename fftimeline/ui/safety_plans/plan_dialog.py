"""Agree a safety plan, review it, or change it with a reason (ui layer).

A review goes through every measure of the plan in force: is it working, partly, not, or not
known yet, with a note; then what changes, the family's view and the child's own view (never
merged into the family's). Below, the measures as they will now be (what, who, by when), who
agreed them and when to review next. Saving adds the next version; every earlier one is kept.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.domain.dates import EventDate, today
from fftimeline.domain.errors import DomainError
from fftimeline.domain.safety_plans import (
    WORKING_LABELS,
    Measure,
    MeasureReview,
    PlanReview,
    SafetyPlan,
    SafetyPlanDraft,
    Working,
)
from fftimeline.domain.sharing import Audience
from fftimeline.ui.widgets.form_dialog import FormDialog
from fftimeline.ui.widgets.form_helpers import chosen_date, optional_date_edit, show_date
from fftimeline.ui.widgets.form_tables import RowsTable, cell_day, parse_cell_day
from fftimeline.ui.widgets.sharing_ticks import SharingTicks
from fftimeline.ui.wording.editor_hook import EditorWording
from fftimeline.ui.wording.marks import WordingMarks

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault


class PlanMode(StrEnum):
    """What the form is for."""

    AGREE = "agree"
    REVIEW = "review"
    CHANGE = "change"


_DEFAULT_SHARING = (Audience.SAFEGUARDING_TEAM, Audience.PARENTS)


class SafetyPlanDialog(FormDialog):
    """The safety plan form; `ask` adds the next version and returns it."""

    draft_kind = "safety-plan"

    def __init__(
        self, vault: OpenVault, case_id: int, mode: PlanMode, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault, self._case_id, self._mode = vault, case_id, mode
        self._current = vault.safety_plans.current(case_id)
        if mode is not PlanMode.AGREE and self._current is None:
            raise DomainError("no_plan_to_review", self.tr("There is no safety plan yet."))
        titles = {
            PlanMode.AGREE: self.tr("Agree a safety plan"),
            PlanMode.REVIEW: self.tr("Review the safety plan"),
            PlanMode.CHANGE: self.tr("Change the safety plan"),
        }
        self.setWindowTitle(titles[mode])
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if mode is PlanMode.REVIEW:
            self._review_fields(form)
        if mode is PlanMode.CHANGE:
            self.reason = self._line(self.tr("Why the plan changes without a review"))
            form.addRow(self.tr("Why it changes"), self.reason)
            self.watch(self.reason)
        self._plan_fields(form)
        self._check_wording()
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(inner)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(scroll, 1)
        column.addWidget(self.wording.summary)
        self.finish(body, vault, case_id, {"mode": mode.value})
        self.resize(900, 760 if mode is PlanMode.REVIEW else 560)

    @classmethod
    @override
    def from_draft(
        cls, parent: QWidget, vault: OpenVault, case_id: int | None, context: dict[str, Any]
    ) -> SafetyPlanDialog | None:
        """The form again after a lock, in the same mode."""
        if case_id is None:
            return None
        return cls(vault, case_id, PlanMode(str(context.get("mode", "agree"))), parent)

    # Building ---------------------------------------------------------------------------
    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        return edit

    def _text(self, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setAccessibleName(name)
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * 2 + 14)
        return box

    def _review_fields(self, form: QFormLayout) -> None:
        assert self._current is not None
        self.reviewed_on = optional_date_edit(self.tr("Day of the review"), self.tr("Say when"))
        show_date(self.reviewed_on, today())
        answers = [self.tr(WORKING_LABELS[w]) for w in Working]
        self.review = RowsTable(
            self.tr("Is each measure working?"),
            [self.tr("Measure"), self.tr("Working?"), self.tr("Note")],
            choices={1: answers},
        )
        self.review.add_button.hide()
        self.review.remove_button.hide()
        for measure in self._current.measures:
            self.review.add_row([measure.what, answers[0], ""])
            row = self.review.table.rowCount() - 1
            item = self.review.table.item(row, 0) or QTableWidgetItem()
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.changes = self._text(self.tr("What changes"))
        self.family_view = self._text(self.tr("The family's view"))
        self.child_view = self._text(self.tr("The child's view"))
        form.addRow(self.tr("Day of the review"), self.reviewed_on)
        form.addRow(self.tr("Is each measure\nworking?"), self.review)
        form.addRow(self.tr("What changes"), self.changes)
        form.addRow(self.tr("The family's view"), self.family_view)
        form.addRow(self.tr("The child's view"), self.child_view)
        self.watch(self.review.table, self.changes, self.family_view, self.child_view)
        self.watch_date(self.reviewed_on, self.tr("Day of the review"))
        self.reviewed_on.edited.connect(self._agreed_follows_review)

    def _plan_fields(self, form: QFormLayout) -> None:
        current = self._current
        self.measures = RowsTable(
            self.tr("Measures"), [self.tr("What"), self.tr("Who"), self.tr("By when")]
        )
        self.agreed_with = self._line(self.tr("Agreed with"))
        self.agreed_on = optional_date_edit(self.tr("Agreed on"), self.tr("Say when"))
        self.review_on = optional_date_edit(self.tr("Next review"), self.tr("Say when"), ahead=True)
        self.sharing = SharingTicks(current.sharing.audiences if current else _DEFAULT_SHARING)
        show_date(self.agreed_on, today())
        if current is not None and self._mode is not PlanMode.AGREE:
            for m in current.measures:
                self.measures.add_row([m.what, m.who, cell_day(m.by_when)])
            self.agreed_with.setText(current.agreed_with)
        form.addRow(self.tr("Measures:\nwhat, who, by when"), self.measures)
        form.addRow(self.tr("Agreed with"), self.agreed_with)
        form.addRow(self.tr("Agreed on"), self.agreed_on)
        form.addRow(self.tr("Next review"), self.review_on)
        form.addRow(self.tr("Safe to share with"), self.sharing)
        self.watch(self.measures.table, self.agreed_with, *self.sharing.ticks.values())
        self.watch_date(self.agreed_on, self.tr("Agreed on"))
        self.watch_date(self.review_on, self.tr("Next review"))

    def _check_wording(self) -> None:
        """Underline the wording check's findings in the plan's own words, as typed.

        The measures and the review's notes are table cells: the case's list of findings
        (F7) checks them. Marks kept on purpose carry on from the version in force.
        """
        self.marks = WordingMarks(self)
        carried = self._current is not None and self._mode is not PlanMode.AGREE
        self.marks.load(self._current.wording_marks if carried and self._current else ())
        self.marks.changed.connect(self.check)
        fields: dict[str, QWidget] = {"plan-agreed-with": self.agreed_with}
        if self._mode is PlanMode.CHANGE:
            fields["plan-reason"] = self.reason
        if self._mode is PlanMode.REVIEW:
            fields["review-changes"] = self.changes
            fields["review-family-view"] = self.family_view
            fields["review-child-view"] = self.child_view
        self.wording = EditorWording(
            self,
            fields,
            self.marks,
            self._vault.wording,
            self._vault.cases.get(self._case_id),
            self._agreed_day,
            fields={key: key for key in fields},
        )
        self.agreed_on.edited.connect(self.wording.date_changed)
        self.finished.connect(self.wording.close)

    def _agreed_day(self) -> EventDate | None:
        day = chosen_date(self.agreed_on)
        return EventDate.exact(day) if day is not None else None

    def _agreed_follows_review(self) -> None:
        day = chosen_date(self.reviewed_on)
        if day is not None:
            show_date(self.agreed_on, day)

    # The draft ----------------------------------------------------------------------------
    def _measures(self) -> tuple[Measure, ...]:
        measures = []
        for n, (what, who, by) in enumerate(self.measures.rows(), start=1):
            where = self.tr("Measure {n}").format(n=n)
            if not what or not who:
                raise DomainError(
                    "measure_incomplete",
                    f"{where}: " + self.tr("say what is done and who does it."),
                )
            measures.append(Measure(what=what, who=who, by_when=parse_cell_day(by, where)))
        return tuple(measures)

    def _review(self) -> PlanReview | None:
        if self._mode is not PlanMode.REVIEW:
            return None
        day = chosen_date(self.reviewed_on)
        if day is None:
            raise DomainError("review_needs_date", self.tr("Say when the review was."))
        answers = {self.tr(WORKING_LABELS[w]): w for w in Working}
        return PlanReview(
            reviewed_on=day,
            measures=tuple(
                MeasureReview(
                    measure=what, working=answers.get(working, Working.NOT_KNOWN), note=note
                )
                for what, working, note in self.review.rows()
            ),
            changes=self.changes.toPlainText(),
            family_view=self.family_view.toPlainText(),
            child_view=self.child_view.toPlainText(),
        )

    @override
    def draft(self) -> SafetyPlanDraft:
        """The next version as typed; raises the domain's errors.

        The review is checked first: its fields come first on the form.
        """
        review = self._review()
        agreed, review_on = chosen_date(self.agreed_on), chosen_date(self.review_on)
        if agreed is None or review_on is None:
            raise DomainError(
                "plan_needs_dates", self.tr("Say when the plan was agreed and when to review it.")
            )
        before = self._current.sharing if self._current is not None else None
        return SafetyPlanDraft(
            measures=self._measures(),
            agreed_with=self.agreed_with.text(),
            agreed_on=agreed,
            review_on=review_on,
            sharing=self.sharing.sharing(before),
            review=review,
            reason=self.reason.text() if self._mode is PlanMode.CHANGE else "",
            wording_marks=self.marks.marks,
        )

    @override
    def labels(self) -> dict[str, str]:
        """The fields by name, for messages."""
        return {"agreed_with": self.tr("Agreed with"), "measures": self.tr("Measures")}

    @override
    def persist(self, draft: SafetyPlanDraft) -> SafetyPlan:
        """Add the plan's next version."""
        return self._vault.safety_plans.save(self._case_id, draft)

    @classmethod
    def ask(
        cls, parent: QWidget, vault: OpenVault, case_id: int, mode: PlanMode
    ) -> SafetyPlan | None:
        """Show the form; the version saved, or None when nothing was."""
        saved: SafetyPlan | None = cls(vault, case_id, mode, parent).run()
        return saved
