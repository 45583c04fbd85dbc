"""The case's safety plan: the plan in force, every earlier version, and what to do next (ui layer).

The list on the left holds every version, newest first; the pane on the right reads one in
plain words: the measures (what, who, by when), who agreed them and when, when it is to be
reviewed (overdue said in words, not only colour), and for a version that came from a review,
what was found of each measure, what changed, and the family's and the child's views.
Buttons open the form to agree the first plan, review it, or change it with a reason.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.dates import today
from fftimeline.domain.errors import DomainError
from fftimeline.domain.safety_plans import WORKING_LABELS, SafetyPlan
from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience
from fftimeline.ui.models.entry_text import NameMask, day_text, no_mask
from fftimeline.ui.safety_plans.plan_dialog import PlanMode, SafetyPlanDialog

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

_CTX = "SafetyPlan"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _para(label: str, text: str, mask: NameMask) -> str:
    if not text:
        return ""
    body = escape(mask(text)).replace("\n", "<br>")
    return f"<p><b>{escape(label)}</b><br>{body}</p>"


def _review_due(plan: SafetyPlan, current: bool) -> str:
    due = day_text(plan.review_on)
    if current and plan.overdue():
        days = (today() - plan.review_on).days
        return _tr("⚠ Review overdue: it was due on {day}, {n} days ago.").format(day=due, n=days)
    return _tr("To be reviewed on {day}.").format(day=due)


def plan_html(plan: SafetyPlan, *, current: bool, mask: NameMask = no_mask) -> str:
    """One version of the plan in plain words, as HTML (names masked when hidden)."""
    title = _tr("Version {n}, agreed on {day}").format(n=plan.version, day=day_text(plan.agreed_on))
    parts = [f"<h3>{escape(title)}</h3>", f"<p><b>{escape(_review_due(plan, current))}</b></p>"]
    rows = "".join(
        f"<tr><td>{escape(mask(m.what))}</td><td>{escape(mask(m.who))}</td>"
        f"<td>{escape(day_text(m.by_when))}</td></tr>"
        for m in plan.measures
    )
    head = "".join(f"<th align='left'>{escape(_tr(h))}</th>" for h in ("What", "Who", "By when"))
    parts.append(f"<table cellpadding='4'><tr>{head}</tr>{rows}</table>")
    parts.append(_para(_tr("Agreed with"), plan.agreed_with, mask))
    shared = [_tr(AUDIENCE_LABELS[a]) for a in Audience if plan.sharing.allows(a)]
    parts.append(_para(_tr("Safe to share with"), ", ".join(shared) or _tr("Nobody else"), no_mask))
    parts.append(_para(_tr("Changed without a review, because"), plan.reason, mask))
    review = plan.review
    if review is not None:
        found = "\n".join(
            f"{m.measure}: {_tr(WORKING_LABELS[m.working])}" + (f" ({m.note})" if m.note else "")
            for m in review.measures
        )
        parts.append(
            _para(_tr("Reviewed on {day}").format(day=day_text(review.reviewed_on)), found, mask)
        )
        parts.append(_para(_tr("What changed"), review.changes, mask))
        parts.append(_para(_tr("The family's view"), review.family_view, mask))
        parts.append(_para(_tr("The child's view"), review.child_view, mask))
    recorded = _tr("Recorded by {who}.").format(who=plan.recorded_by or _tr("unknown"))
    parts.append(f"<p>{escape(mask(recorded))}</p>")
    return "".join(parts)


class SafetyPlanView(QDialog):
    """Every version of the case's plan, with Agree / Review / Change."""

    def __init__(
        self,
        vault: OpenVault,
        case_id: int,
        *,
        writable: bool,
        mask: NameMask = no_mask,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Safety plan"))
        self._vault, self._case_id, self._mask = vault, case_id, mask
        self.changed = False
        self.versions = QListWidget()
        self.versions.setAccessibleName(self.tr("Versions of the safety plan"))
        self.pane = QTextBrowser()
        self.pane.setAccessibleName(self.tr("The safety plan"))
        self.agree = QPushButton(self.tr("Agree a safety plan…"))
        self.review = QPushButton(self.tr("Review the plan…"))
        self.change = QPushButton(self.tr("Change without a review…"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for button, mode in (
            (self.agree, PlanMode.AGREE),
            (self.review, PlanMode.REVIEW),
            (self.change, PlanMode.CHANGE),
        ):
            button.clicked.connect(lambda _c=False, m=mode: self._open(m))
            button.setEnabled(writable)
        self.versions.currentRowChanged.connect(self._show)
        body = QHBoxLayout()
        body.addWidget(self.versions, 1)
        body.addWidget(self.pane, 3)
        actions = QHBoxLayout()
        for button in (self.agree, self.review, self.change):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)
        box = QVBoxLayout(self)
        box.addLayout(body, 1)
        box.addLayout(actions)
        self._plans: list[SafetyPlan] = []
        self._reload()
        self.resize(980, 620)

    def _reload(self) -> None:
        self._plans = list(reversed(self._vault.safety_plans.versions(self._case_id)))
        self.versions.clear()
        for i, plan in enumerate(self._plans):
            label = self.tr("Version {n} — {day}").format(
                n=plan.version, day=day_text(plan.agreed_on)
            )
            if i == 0:
                label += self.tr(" (in force)")
            self.versions.addItem(label)
        has_plan = bool(self._plans)
        self.agree.setVisible(not has_plan)
        self.review.setVisible(has_plan)
        self.change.setVisible(has_plan)
        if has_plan:
            self.versions.setCurrentRow(0)
        else:
            self.pane.setPlainText(
                self.tr("This case has no safety plan yet. Agree one with the family.")
            )

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._plans):
            self.pane.setHtml(plan_html(self._plans[row], current=row == 0, mask=self._mask))

    def _open(self, mode: PlanMode) -> None:
        try:
            saved = SafetyPlanDialog.ask(self, self._vault, self._case_id, mode)
        except DomainError:
            return
        if saved is not None:
            self.changed = True
            self._reload()

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        vault: OpenVault,
        case_id: int,
        *,
        writable: bool = True,
        mask: NameMask = no_mask,
    ) -> bool:
        """Show the plan; True when a version was saved meanwhile."""
        view = cls(vault, case_id, writable=writable, mask=mask, parent=parent)
        view.exec()
        return view.changed
