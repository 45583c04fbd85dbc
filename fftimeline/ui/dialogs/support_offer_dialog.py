"""Record support offered to the family: which organisation, to whom, taken up or not (ui layer).

The organisations come from the key worker's support list in the settings (the same list the
family's printed timeline ends with), or another one typed in. The offer is an entry of kind
"support offered", so it appears in the chronology on the day it was offered; when the family
later takes it up (or not), changing it asks for a reason and keeps the first version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QLineEdit, QWidget
from typing_extensions import override

from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Entry, EntryDraft, Impact, Kind, Nature
from fftimeline.domain.errors import DomainError
from fftimeline.domain.sharing import Audience
from fftimeline.domain.support import TAKEN_UP_LABELS, SupportOffer, TakenUp
from fftimeline.ui.widgets.form_dialog import FormDialog, kept_entry
from fftimeline.ui.widgets.form_helpers import chosen_date, optional_date_edit, show_date
from fftimeline.ui.widgets.sharing_ticks import SharingTicks

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

_DEFAULT_SHARING = (Audience.SAFEGUARDING_TEAM, Audience.STRATEGY_MEETING, Audience.PARENTS)


class SupportOfferDialog(FormDialog):
    """The support-offered form; `ask` saves the entry and returns it."""

    draft_kind = "support-offered"

    def __init__(
        self,
        vault: OpenVault,
        case_id: int,
        organisations: list[str],
        entry: Entry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault, self._case_id, self._entry = vault, case_id, entry
        self._organisations = organisations
        self.setWindowTitle(self.tr("Support offered"))
        self.when = optional_date_edit(self.tr("When was it offered?"), self.tr("Say when"))
        self.organisation = QComboBox()
        self.organisation.setAccessibleName(self.tr("Which organisation"))
        self.organisation.addItems([*organisations, self.tr("Another organisation…")])
        self.other = QLineEdit()
        self.other.setAccessibleName(self.tr("The other organisation's name"))
        self.offered_to = QLineEdit(self.tr("the parents"))
        self.offered_to.setAccessibleName(self.tr("Who it was offered to"))
        case = vault.cases.get(case_id)
        names = [m.name for m in case.family] + [case.known_as or case.child_name]
        self.offered_to.setCompleter(QCompleter(names, self.offered_to))
        self.offered_to.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.taken_up = QComboBox()
        self.taken_up.setAccessibleName(self.tr("Taken up"))
        for value, label in TAKEN_UP_LABELS.items():
            self.taken_up.addItem(self.tr(label), value.value)
        self.taken_up.setCurrentIndex(self.taken_up.findData(TakenUp.NOT_YET.value))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Why not, or how it went (optional)"))
        self.sharing = SharingTicks(_DEFAULT_SHARING)
        if entry is not None and entry.support is not None:
            self._fill(entry)
        form = QFormLayout()
        form.addRow(self.tr("When was it offered?"), self.when)
        form.addRow(self.tr("Which organisation"), self.organisation)
        form.addRow(self.tr("Or another"), self.other)
        form.addRow(self.tr("Offered to"), self.offered_to)
        form.addRow(self.tr("Taken up?"), self.taken_up)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Safe to share with"), self.sharing)
        self.organisation.currentIndexChanged.connect(self._other_shown)
        self._other_shown()
        self.watch(self.organisation, self.other, self.offered_to, self.taken_up, self.note)
        self.watch(*self.sharing.ticks.values())
        self.watch_date(self.when, self.tr("When was it offered?"))
        context = {"entry_id": entry.id if entry else None, "organisations": organisations}
        self.finish(form, vault, case_id, context)
        self.resize(760, 380)

    @classmethod
    @override
    def from_draft(
        cls, parent: QWidget, vault: OpenVault, case_id: int | None, context: dict[str, Any]
    ) -> SupportOfferDialog | None:
        """The form again after a lock, with the same list of organisations."""
        if case_id is None:
            return None
        names = [str(n) for n in context.get("organisations", [])]
        return cls(vault, case_id, names, kept_entry(vault, context), parent)

    def _other_shown(self) -> None:
        other = self.organisation.currentIndex() == len(self._organisations)
        self.other.setEnabled(other)

    def _fill(self, entry: Entry) -> None:
        offer = entry.support
        assert offer is not None
        show_date(self.when, entry.event_date.start)
        if offer.organisation in self._organisations:
            self.organisation.setCurrentIndex(self._organisations.index(offer.organisation))
        else:
            self.organisation.setCurrentIndex(len(self._organisations))
            self.other.setText(offer.organisation)
        self.offered_to.setText(offer.offered_to)
        self.taken_up.setCurrentIndex(self.taken_up.findData(offer.taken_up.value))
        self.note.setText(offer.note)
        self.sharing.set_audiences(entry.sharing.audiences)

    def _organisation(self) -> str:
        index = self.organisation.currentIndex()
        if index < len(self._organisations):
            return self._organisations[index]
        return self.other.text().strip()

    @override
    def draft(self) -> EntryDraft:
        """The support-offered entry as typed; raises the domain's errors."""
        day = chosen_date(self.when)
        if day is None:
            raise DomainError("support_needs_date", self.tr("Say when the support was offered."))
        offer = SupportOffer(
            organisation=self._organisation(),
            offered_to=self.offered_to.text(),
            taken_up=TakenUp(self.taken_up.currentData()),
            note=self.note.text(),
        )
        before = self._entry.draft() if self._entry is not None else None
        fields: dict[str, Any] = (
            dict(before)
            if before is not None
            else {
                "nature": Nature.FACT,
                "impact": Impact.POSITIVE,
                "no_source_reason": self.tr("The key worker offered it"),
            }
        )
        fields.update(
            kind=Kind.SUPPORT,
            event_date=EventDate.exact(day),
            summary=self.tr("{organisation} offered to {who}").format(
                organisation=offer.organisation, who=offer.offered_to
            ),
            sharing=self.sharing.sharing(before.sharing if before is not None else None),
            support=offer,
        )
        return EntryDraft(**fields)

    @override
    def labels(self) -> dict[str, str]:
        """The fields by name, for messages."""
        return {"organisation": self.tr("Which organisation"), "offered_to": self.tr("Offered to")}

    @override
    def persist(self, draft: EntryDraft) -> Entry:
        """Add the entry, or save its next version with a reason."""
        if self._entry is None:
            return self._vault.entries.add(self._case_id, draft)
        reason = self.amendment_reason(draft == self._entry.draft())
        return self._vault.entries.amend(self._entry.id, draft, reason)

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        vault: OpenVault,
        case_id: int,
        organisations: list[str],
        entry: Entry | None = None,
    ) -> Entry | None:
        """Show the form; the saved entry, or None when nothing was saved."""
        saved: Entry | None = cls(vault, case_id, organisations, entry, parent).run()
        return saved
