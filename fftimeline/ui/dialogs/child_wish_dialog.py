"""The child asked that this audience is not told: share anyway only with a reason (ui layer).

An export or print to an audience the child asked us not to tell stops here, naming each
entry by its date and what happened, with the child's wish beside it. Going ahead needs the
key worker's reason, which the disclosure keeps ("What was shared"); Esc or "Do not share"
keeps the child's wish and nothing is shared.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fftimeline.services.child_wishes import ChildWishNotConfirmed
from fftimeline.ui.models.entry_text import NameMask, no_mask
from fftimeline.ui.widgets.form_helpers import typed_reason


class ChildWishDialog(QDialog):
    """Names the entries and asks why they are shared against the child's wish."""

    def __init__(
        self, stop: ChildWishNotConfirmed, parent: QWidget | None = None, mask: NameMask = no_mask
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The child's wishes about sharing"))
        intro = QLabel(
            self.tr("The child asked us not to tell {audience} about:").format(
                audience=stop.audience
            )
        )
        intro.setWordWrap(True)
        self.entries = QLabel(self._entries_html(stop, mask))
        self.entries.setWordWrap(True)
        self.entries.setAccessibleName(self.tr("Entries the child asked us not to share"))
        ask = QLabel(
            self.tr(
                "To share them anyway, say why (for example: the child has now told them, or "
                "they must know to keep the child safe). The reason is recorded with what "
                "was shared."
            )
        )
        ask.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(self.tr("Why share it anyway"))
        ask.setBuddy(self.reason)
        self.buttons = QDialogButtonBox()
        self.share = self.buttons.addButton(
            self.tr("Share anyway, with this reason"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep = self.buttons.addButton(
            self.tr("Do not share"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.share.setEnabled(False)
        self.keep.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(
            lambda: self.share.setEnabled(bool(self.reason.toPlainText().strip()))
        )
        box = QVBoxLayout(self)
        for widget in (intro, self.entries, ask, self.reason, self.buttons):
            box.addWidget(widget)
        self.resize(560, 360)

    def _entries_html(self, stop: ChildWishNotConfirmed, mask: NameMask) -> str:
        items = []
        for e in stop.entries:
            wish = self.tr("Their wish: {wish}").format(wish=mask(e.wish))
            items.append(
                f"<li><b>{escape(e.event_date.wording())}</b> — {escape(mask(e.summary))}"
                f"<br><i>{escape(wish)}</i></li>"
            )
        return "<ul>" + "".join(items) + "</ul>"

    @classmethod
    def ask(
        cls, parent: QWidget | None, stop: ChildWishNotConfirmed, mask: NameMask = no_mask
    ) -> str | None:
        """The reason to share anyway, or None to keep the child's wish (nothing shared)."""
        dialog = cls(stop, parent, mask)
        return typed_reason(dialog, dialog.reason)
