"""Text the app puts on the clipboard: marked sensitive, cleared after 30 s and on lock (ui).

Case text on the clipboard outlives the app's own lock and is read by clipboard managers and
cloud clipboard history. So everything fftimeline copies (a whole entry with "Copy entry",
or words selected in the detail pane) carries the hints clipboard managers honour where the
platform has them, and is taken off the clipboard again after `CLEAR_AFTER_MS`, or at once
when the app locks, unless the user has copied something else since.

- KDE Klipper and other X11/Wayland managers: ``x-kde-passwordManagerHint: secret``.
- Windows: ``ExcludeClipboardContentFromMonitorProcessing`` (clipboard monitors skip it),
  ``CanIncludeInClipboardHistory`` and ``CanUploadToCloudClipboard`` set to 0 (Win+V history
  and cloud clipboard). Qt registers each as a clipboard format of that name.
- macOS: ``application/x-nspasteboard-concealed-type`` (the nspasteboard.org convention that
  clipboard managers there follow).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000

_NO = (0).to_bytes(4, "little")
SENSITIVE_FORMATS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",
    "ExcludeClipboardContentFromMonitorProcessing": b"1",
    "CanIncludeInClipboardHistory": _NO,
    "CanUploadToCloudClipboard": _NO,
    "application/x-nspasteboard-concealed-type": b"secret",
}
"""Extra clipboard formats that mark what fftimeline copies as sensitive."""


def mark_sensitive(mime: QMimeData) -> QMimeData:
    """Add the sensitive-content hints to clipboard data; returns the same object."""
    for name, value in SENSITIVE_FORMATS.items():
        mime.setData(name, value)
    return mime


class SensitiveClipboard(QObject):
    """Copies text for a short time; clears it after `CLEAR_AFTER_MS` and on `clear_ours`."""

    def __init__(self, parent: QObject | None = None, *, clear_after_ms: int = CLEAR_AFTER_MS):
        super().__init__(parent)
        self._ours: dict[QClipboard.Mode, str] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(clear_after_ms)
        self.timer.timeout.connect(self.clear_ours)

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard, marked sensitive, for a short time."""
        mime = QMimeData()
        mime.setText(text)
        QGuiApplication.clipboard().setMimeData(mark_sensitive(mime))
        self.copied(text, QClipboard.Mode.Clipboard)

    def copied(self, text: str, mode: QClipboard.Mode) -> None:
        """Note that ``text`` was just put on the clipboard (or the X11 selection) by us."""
        self._ours[mode] = text
        self.timer.start()

    def clear_ours(self) -> None:
        """Take our text off the clipboard, unless something else has been copied since."""
        clipboard = QGuiApplication.clipboard()
        for mode, text in self._ours.items():
            if clipboard.text(mode) == text:
                clipboard.clear(mode)
        self._ours = {}
        self.timer.stop()
