"""The wording line for export and print dialogs: how many findings are going out (ui layer).

"3 wording findings in the entries going out. [Review…]". For the parents' and the child's
own documents the line is stronger (with a warning sign, and jargon a family would not
understand counted too), because they will read every word at a kitchen table. Review…
lists just the findings in the entries going out; an entry can be opened from there, after
which the count is taken again and `entries_changed` lets the dialog refresh its preview.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from fftimeline.domain.sharing import Audience
from fftimeline.services.printing import FAMILY_AUDIENCES
from fftimeline.services.wording import IN_THE_PLAN, WordingCount
from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
from fftimeline.ui.wording.findings_dialog import WordingFindingsDialog

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

_CTX = "WordingNotice"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def notice_text(count: WordingCount) -> str:
    """The notice's words for a count (stronger for a family's own document)."""
    if not count.findings:
        return _tr("No wording findings in the entries going out.")
    found = (
        _tr("1 wording finding")
        if count.findings == 1
        else _tr("{n} wording findings").format(n=count.findings)
    )
    if count.for_family:
        return _tr(
            "This document is for the family to read. {found} in the entries going out: "
            "please review the wording before it goes."
        ).format(found=found)
    return _tr("{found} in the entries going out.").format(found=found)


class WordingNotice(QWidget):
    """One line and a Review… button, for the entries an export or print is about to use.

    Signals:
        entries_changed: an entry was amended from the review (refresh what will go out).
    """

    entries_changed = Signal()

    def __init__(self, vault: OpenVault, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault, self._case_id = vault, case_id
        self._entry_ids: tuple[int, ...] = ()
        self._audience = Audience.SAFEGUARDING_TEAM
        self._plan = False
        self.count = WordingCount(0, 0)
        self.icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(warning.pixmap(size, size))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(_tr("Wording check"))
        self.review = QPushButton(_tr("Review…"))
        self.review.setAccessibleName(_tr("Review the wording findings"))
        self.review.setAutoDefault(False)
        self.review.clicked.connect(self.open_review)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        row.addWidget(self.review, 0, Qt.AlignmentFlag.AlignTop)
        self._show()

    def show_for(self, entry_ids: Sequence[int], audience: Audience, *, plan: bool = False) -> None:
        """Count the findings in the entries going to ``audience`` (its built-in base).

        ``plan``: the case's current safety plan goes too; its findings count as well.
        """
        self._entry_ids, self._audience, self._plan = tuple(entry_ids), audience, plan
        family = audience in FAMILY_AUDIENCES
        plan_of = self._case_id if plan else None
        self.count = self._vault.wording.count_findings(
            self._entry_ids, for_family=family, plan_of=plan_of
        )
        self._show()

    def _show(self) -> None:
        count = self.count
        self.text.setText(notice_text(count))
        font = self.text.font()
        font.setBold(count.for_family and count.findings > 0)
        self.text.setFont(font)
        self.icon.setVisible(count.for_family and count.findings > 0)
        self.review.setVisible(count.findings > 0)

    def open_review(self) -> None:
        """List the findings in the entries going out; entries can be opened from there."""
        going = (*self._entry_ids, IN_THE_PLAN) if self._plan else self._entry_ids
        WordingFindingsDialog.ask(
            self, self._vault, self._case_id, entry_ids=going, open_entry=self._open
        )
        self.show_for(self._entry_ids, self._audience, plan=self._plan)

    def _open(self, entry_id: int) -> bool:
        entry = self._vault.entries.get(entry_id)
        saved = EntryEditorDialog.ask(self, self._vault, self._case_id, entry)
        if saved is not None:
            self.entries_changed.emit()
        return saved is not None
