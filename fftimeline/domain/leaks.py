"""What the leak scan found, in words the key worker can act on (domain layer, pure).

The scan that checks every output before it is written reports each protected value it
found as a `Finding`: what kind of thing it is ("a person the parents must not see"), which
entry it is in and where in that entry ("what happened"), so the key worker can open the
entry or redact the word and try again. The value itself is kept so the app can offer to
redact it, but it is only shown when the key worker asks: a screen may be shared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fftimeline.domain.errors import DomainError


@dataclass(frozen=True)
class Finding:
    """One protected value found in an output that was about to be written.

    Attributes:
        value: the protected text as it appears in the output (never printed unless asked).
        description: who or what it is, without the value: "a person the parents must not see".
        place: where it is, in plain words: "what happened", "the family's view",
            "the cover sheet", "the file name", "the file's properties".
        entry_id: the entry it is in, when it is in an entry.
        entry_date: that entry's date in words ("3 March 2025"); '' when not in an entry.
    """

    value: str
    description: str
    place: str
    entry_id: int | None = None
    entry_date: str = ""

    def sentence(self, *, show_value: bool = False) -> str:
        """The finding as one plain sentence, naming the value only when ``show_value``."""
        what = f"{self.value}, {self.description}," if show_value else self.description
        what = what[:1].upper() + what[1:]
        if self.entry_id is not None:
            where = f"the entry of {self.entry_date} (entry {self.entry_id}), {self.place}"
        else:
            where = self.place
        return f"{what} is in {where}."


class LeakFound(DomainError):
    """The leak scan found something the audience must not see; nothing was written.

    Attributes:
        findings: what was found and where (may be empty when only the file's structure
            was wrong, e.g. a hidden sheet).
        places: plain-words places of every problem, findings and structural ones alike.

    ``printed`` words the message for a printed document (a PDF or the printer) rather
    than a spreadsheet export.
    """

    def __init__(
        self, places: Sequence[str], findings: Sequence[Finding] = (), *, printed: bool = False
    ) -> None:
        self.findings = tuple(findings)
        self.places = tuple(sorted(set(places) | {f.place for f in self.findings}))
        where = ", ".join(self.places) or "the file"
        what, nothing = ("document", "written or printed") if printed else ("export", "written")
        super().__init__(
            "export_leak",
            f"The {what} was stopped because it would have shown something the audience must "
            f"not see: {where}. Nothing was {nothing}.",
        )
