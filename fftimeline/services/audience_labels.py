"""A custom audience's name, typed by the key worker, checked like any typed text.

The name of a custom audience is printed on every output for it (the cover's "For", the
meeting document's first line) and, once something was shared with it, on the first page
of every later family's and child's timeline ("We shared this chronology with …"). Custom
audiences belong to the whole vault, so a name that names anyone protected in any case
("Dawn Young's school panel", a withheld source) is refused when it is saved, with a plain
message that does not repeat it. A name saved before this check is redacted where it is
printed (see `services.export.make_cover` and `services.printing`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fftimeline.domain.errors import DomainError
from fftimeline.redaction.audiences import AudienceProfile
from fftimeline.redaction.terms import build_redactor

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault as Vault


class LabelNamesSomeone(DomainError):
    """A custom audience's name names a person the outputs must protect."""

    def __init__(self) -> None:
        super().__init__(
            "audience_name_names_someone",
            "This audience's name would be printed on everything made for it, and it "
            "names someone we must protect. Please name the audience by its role "
            "instead, for example 'School panel' or 'Youth justice team'.",
        )


def check_label(vault: Vault, profile: AudienceProfile) -> None:
    """Refuse ``profile`` if its name names anyone protected from it in any case.

    Raises:
        LabelNamesSomeone: the name names a protected person, place or identifier.
    """
    for summary in vault.cases.summaries():
        case_id = summary.case.id
        redactor = build_redactor(
            vault.cases.get(case_id),
            vault.links.items(case_id),
            vault.entries.entries(case_id, include_retracted=True),
            profile,
            people=vault.people.gather(case_id),
        )
        if redactor.matcher.find(profile.label):
            raise LabelNamesSomeone
