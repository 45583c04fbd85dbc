"""The scan's needles do not stop clean exports: another case's first names and nicknames that
are also the first names of this case's team or key worker, and nicknames that are ordinary
words written in lower case ("her boss", "a tiny cut"); they still stop a name used as one.
"""

from __future__ import annotations

import pytest

from fftimeline.domain.cases import CaseDraft, TeamMember
from fftimeline.export.leak_records import CaseRecord, RegisterRecord
from tests.unit.export.leak_builders import CASE, findings, leak_check, person

OTHER = CaseRecord(
    CaseDraft(child_name="Leah Morgan"),
    register=(
        RegisterRecord(person(40, "Samuel Ward", "Sam")),
        RegisterRecord(person(41, "Rita Lowe")),
        RegisterRecord(person(42, "Dean Fox", "Boss", "Tiny")),
    ),
)
MINE = CASE.model_copy(
    update={
        "key_worker": "Sam Okoro",
        "team": (TeamMember(name="Rita Hughes", agency="Park School", role="Head of Year"),),
    }
)


@pytest.mark.parametrize("audience", ["parents-carers", "safeguarding-team", "police"])
@pytest.mark.parametrize(
    "text",
    ["Sam Okoro visited; Sam brought the forms.", "Rita Hughes and Rita spoke to her.",
     "She said her boss at the café was kind.", "She had a tiny cut on her hand."],
)  # fmt: skip
def test_clean_text_is_not_stopped(audience: str, text: str) -> None:
    check = leak_check(audience, others=[OTHER], case=MINE)
    assert findings(text, audience, check=check) == [], text


@pytest.mark.parametrize(
    "text",
    ["Samuel Ward visited.", "Rita Lowe rang.", "Messages from Boss again.", "She met Tiny.",
     "Sam Ward was there.", "Dean Fox drove."],
)  # fmt: skip
def test_the_other_case_people_are_still_stopped(text: str) -> None:
    check = leak_check("parents-carers", others=[OTHER], case=MINE)
    assert findings(text, check=check), text
