"""Names that are ordinary words, at the start of a sentence: a name there unless they open a
question as the word ("Will you…"). Planted in real workbooks and scanned.
"""

from __future__ import annotations

import pytest

from fftimeline.domain.cases import FamilyMember
from tests.unit.export.leak_builders import CASE, findings, leak_check

WILL = CASE.model_copy(
    update={"family": (*CASE.family, FamilyMember(name="Will Price", relationship="Brother"))}
)


@pytest.mark.parametrize(
    "text",
    ["Will rang to say she was home.", "Will said she was frightened.", "She left. Will followed.",
     "Will, her brother, rang.", "WILL RANG AGAIN.", "“Will came,” she said."],
)  # fmt: skip
def test_a_family_name_that_is_a_word_is_stopped_at_a_sentence_start(text: str) -> None:
    check = leak_check("strategy-meeting", case=WILL)
    assert findings(text, "strategy-meeting", check=check), text


@pytest.mark.parametrize(
    "text", ["Will you come?", "Will she be safe?", "Will they call back?", "Will it stop?"]
)
def test_a_question_opening_with_will_is_not_stopped(text: str) -> None:
    check = leak_check("strategy-meeting", case=WILL)
    assert findings(text, "strategy-meeting", check=check) == []


def test_the_family_sees_its_own_names() -> None:
    check = leak_check("parents-carers", case=WILL)
    assert findings("Will rang to say she was home.", check=check) == []
