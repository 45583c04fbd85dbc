"""Who a record is safe to share with: one tick per audience (ui layer).

The entry editor has its own sharing box with a reason per audience; the meeting, support
and safety-plan forms use these ticks, and keep any reasons already recorded for the
audiences still left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience, Sharing


class SharingTicks(QWidget):
    """A tick for each audience; `sharing` gives the record's `Sharing`."""

    def __init__(self, ticked: Iterable[Audience], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Safe to share with"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.ticks: dict[Audience, QCheckBox] = {}
        for audience in Audience:
            tick = QCheckBox(self.tr(AUDIENCE_LABELS[audience]))
            tick.setAccessibleName(
                self.tr("Safe to share with {who}").format(who=self.tr(AUDIENCE_LABELS[audience]))
            )
            row.addWidget(tick)
            self.ticks[audience] = tick
        row.addStretch(1)
        self.set_audiences(ticked)

    def set_audiences(self, ticked: Iterable[Audience]) -> None:
        """Tick exactly these audiences."""
        chosen = set(ticked)
        for audience, tick in self.ticks.items():
            tick.setChecked(audience in chosen)

    def audiences(self) -> frozenset[Audience]:
        """The audiences ticked."""
        return frozenset(a for a, tick in self.ticks.items() if tick.isChecked())

    def sharing(self, before: Sharing | None = None) -> Sharing:
        """The ticked audiences, with the reasons recorded before for those still left out."""
        ticked = self.audiences()
        reasons = before.reasons_not if before is not None else {}
        kept = {a: why for a, why in reasons.items() if a not in ticked}
        return Sharing(audiences=ticked, reasons_not=kept)
