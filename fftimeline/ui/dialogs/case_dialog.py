"""Add or edit a case: the child, their family and the team around them (ui layer).

The form is checked as you type against the domain's `CaseDraft`; Save stays disabled,
with the reason shown in plain words, until the case can be saved (`FormDialog`). The key
worker also says how often the parents should be told how things stand: the case list
flags the case once that long has passed since the parents were last updated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.domain.cases import Case, CaseDraft, FamilyMember, TeamMember
from fftimeline.domain.errors import DomainError
from fftimeline.ui.widgets.form_dialog import FormDialog
from fftimeline.ui.widgets.form_helpers import (
    ask_choice,
    chosen_date,
    optional_date_edit,
    show_date,
)
from fftimeline.ui.widgets.form_tables import RowsTable

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

_ACCEPT = QMessageBox.ButtonRole.AcceptRole


INTERVALS: tuple[tuple[int | None, str], ...] = (
    (None, "Not set"),
    (7, "Every week"),
    (14, "Every two weeks"),
    (28, "Every four weeks"),
    (42, "Every six weeks"),
    (91, "Every three months"),
)
"""The choices of how often the parents should be updated (days, words)."""


class CaseDialog(FormDialog):
    """The case form; `ask` saves through `vault.cases` and returns the saved case."""

    draft_kind = "case"

    def __init__(self, vault: OpenVault, case: Case | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._case = case
        self.setWindowTitle(self.tr("New case") if case is None else self.tr("Edit case"))
        self.child_name = self._line(self.tr("Child's name"))
        self.known_as = self._line(self.tr("Known as"))
        self.date_of_birth = optional_date_edit(self.tr("Date of birth"), self.tr("Not known"))
        self.pronouns = self._line(self.tr("Pronouns"))
        self.key_worker = self._line(self.tr("Key worker"))
        self.organisation = self._line(self.tr("Key worker's organisation"))
        self.phone = self._line(self.tr("Key worker's phone"))
        self.email = self._line(self.tr("Key worker's email"))
        for edit in (self.organisation, self.phone, self.email):
            edit.setToolTip(self.tr("Printed on the family's timeline, so they can reach you."))
        self.parents_update = self._intervals(case.parents_update_days if case else None)
        self.key_person_history = QLabel(self.tr("None recorded yet."))
        self.key_person_history.setWordWrap(True)
        self.key_person_history.setAccessibleName(self.tr("Key person history"))
        self.family = RowsTable(
            self.tr("Family members"),
            [self.tr("Name"), self.tr("Relationship to the child"), self.tr("Contact")],
        )
        self.team = RowsTable(
            self.tr("Team around the child"), [self.tr("Name"), self.tr("Agency"), self.tr("Role")]
        )
        if case is not None:
            self._fill(case)
        self.watch(*self._lines(), self.parents_update, self.family.table, self.team.table)
        self.watch_date(self.date_of_birth, self.tr("Date of birth"))
        self.finish(self._lay_out(), vault, case.id if case is not None else None)
        self.resize(640, 680)

    @classmethod
    @override
    def from_draft(
        cls, parent: QWidget, vault: OpenVault, case_id: int | None, context: dict[str, Any]
    ) -> CaseDialog:
        """The form again after a lock: for the same case, or a new one."""
        return cls(vault, vault.cases.get(case_id) if case_id is not None else None, parent)

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        return edit

    def _intervals(self, days: int | None) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("How often to update the parents"))
        combo.setToolTip(
            self.tr(
                "The case list flags the case when the parents have not been told how things "
                "stand for this long (a contact with the family or a meeting that told them)."
            )
        )
        for value, words in INTERVALS:
            combo.addItem(self.tr(words), value)
        if combo.findData(days) < 0:
            combo.addItem(self.tr("Every {n} days").format(n=days), days)
        combo.setCurrentIndex(combo.findData(days))
        return combo

    def _lay_out(self) -> QVBoxLayout:
        form = QFormLayout()
        form.addRow(self.tr("Child's name"), self.child_name)
        form.addRow(self.tr("Known as"), self.known_as)
        form.addRow(self.tr("Date of birth"), self.date_of_birth)
        form.addRow(self.tr("Pronouns"), self.pronouns)
        form.addRow(self.tr("Key worker"), self.key_worker)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Update the parents"), self.parents_update)
        form.addRow(self.tr("Key person history"), self.key_person_history)
        box = QVBoxLayout()
        box.addLayout(form)
        box.addWidget(QLabel(self.tr("Family members")))
        box.addWidget(self.family)
        box.addWidget(QLabel(self.tr("Team around the child")))
        box.addWidget(self.team)
        return box

    def _fill(self, case: Case) -> None:
        self.child_name.setText(case.child_name)
        self.known_as.setText(case.known_as)
        show_date(self.date_of_birth, case.date_of_birth)
        self.pronouns.setText(case.pronouns)
        self.key_worker.setText(case.key_worker)
        self.organisation.setText(case.key_worker_organisation)
        self.phone.setText(case.key_worker_phone)
        self.email.setText(case.key_worker_email)
        if case.allocations:
            history = (a.wording() for a in reversed(case.allocations))
            self.key_person_history.setText("\n".join(history))
        for f in case.family:
            self.family.add_row([f.name, f.relationship, f.contact])
        for t in case.team:
            self.team.add_row([t.name, t.agency, t.role])

    def _lines(self) -> tuple[QLineEdit, ...]:
        return (
            *(self.child_name, self.known_as, self.pronouns, self.key_worker),
            *(self.organisation, self.phone, self.email),
        )

    @override
    def draft(self) -> CaseDraft:
        """The case as typed; raises ValidationError (or DomainError) when a rule is broken."""
        family = tuple(self._family_member(r) for r in self.family.rows())
        team = tuple(self._team_member(r) for r in self.team.rows())
        return CaseDraft(
            child_name=self.child_name.text(),
            known_as=self.known_as.text(),
            date_of_birth=chosen_date(self.date_of_birth),
            pronouns=self.pronouns.text(),
            key_worker=self.key_worker.text(),
            key_worker_organisation=self.organisation.text(),
            key_worker_phone=self.phone.text(),
            key_worker_email=self.email.text(),
            family=family,
            team=team,
            allocations=self._case.allocations if self._case is not None else (),
            parents_update_days=self.parents_update.currentData(),
        )

    def _family_member(self, row: list[str]) -> FamilyMember:
        if not row[0] or not row[1]:
            raise DomainError(
                "family_incomplete", self.tr("Give each family member's name and relationship.")
            )
        return FamilyMember(name=row[0], relationship=row[1], contact=row[2])

    def _team_member(self, row: list[str]) -> TeamMember:
        if not row[0]:
            raise DomainError(
                "team_incomplete", self.tr("Give the name of each person in the team.")
            )
        return TeamMember(name=row[0], agency=row[1], role=row[2])

    @override
    def labels(self) -> dict[str, str]:
        """The fields by name, for messages."""
        return {
            "child_name": self.tr("Child's name"),
            "known_as": self.tr("Known as"),
            "pronouns": self.tr("Pronouns"),
            "key_worker": self.tr("Key worker"),
            "key_worker_organisation": self.tr("Organisation"),
            "key_worker_phone": self.tr("Phone"),
            "key_worker_email": self.tr("Email"),
        }

    @override
    def persist(self, draft: CaseDraft) -> Case:
        """Add the case, or save its changes (a new key worker's name: correction or hand-over?).

        Raises:
            DomainError: the key worker chose to go back (nothing is saved).
        """
        if self._case is None:
            return self._vault.cases.add(draft)
        change = self._key_worker_change(draft)
        if change not in ("correction", "new"):
            raise DomainError(
                "key_worker_change_cancelled",
                self.tr("Not saved: say whether the key worker's name is a correction."),
            )
        return self._vault.cases.update(self._case.id, draft, correction=change == "correction")

    def _key_worker_change(self, draft: CaseDraft) -> str | None:
        """'correction', 'new' or None (cancelled) when the key worker's name was changed."""
        before = self._case.key_worker if self._case is not None else ""
        if not before or not draft.key_worker or draft.key_worker == before:
            return "new"
        return ask_choice(
            self,
            self.tr("Key worker"),
            self.tr("“{old}” is now “{new}”. Is this a new key person?").format(
                old=before, new=draft.key_worker
            ),
            [
                ("correction", self.tr("Same person: correct the name"), _ACCEPT),
                ("new", self.tr("A new key person: record a hand-over"), _ACCEPT),
                ("cancel", self.tr("Go back"), QMessageBox.ButtonRole.RejectRole),
            ],
            escape="cancel",
            informative=self.tr(
                "A correction keeps the key-person history as it is, with the name put right. "
                "A new key person ends the current allocation today and starts a new one."
            ),
        )

    @classmethod
    def ask(cls, parent: QWidget, vault: OpenVault, case: Case | None) -> Case | None:
        """Show the form; the saved case, or None when cancelled."""
        saved: Case | None = cls(vault, case, parent).run()
        return saved
