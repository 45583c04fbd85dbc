"""A meeting's decisions and the family's challenges, in the family's words (export layer, pure).

Parents asked for their views *and their challenges* to be written down and seen. On the
family's (and the child's) printed timeline each decision of a meeting gets a line of its
own, and a challenge to it a line beside it, in bold, saying who challenged it, when, what
they said, and the team's answer with its date (or that the team has not answered yet).
The texts are already redacted for the audience (`redaction.decisions`); the dates and
the joining words are the document's own.
"""

from __future__ import annotations

from fftimeline.domain.dates import day_words
from fftimeline.domain.meetings import ShownChallenge, ShownDecision
from fftimeline.export.document import Line

LEFT_OUT_MARK = "[redacted]"
"""What a hand redaction leaves in text; the family's documents print '…' instead."""

DECIDED = "What was decided"
CHALLENGED = "Challenge to this decision"
_DECISIONS = "the action or outcome"
"""Where a finding in a decision is: the same words as the spreadsheet's column."""
_CHALLENGE = "the family's view"
"""Where a finding in a challenge is: it goes with the family's view, as in the spreadsheet."""


def plain(text: str) -> str:
    """Text for the family: a hand redaction reads as '…', never '[redacted]'."""
    return text.replace(LEFT_OUT_MARK, "…")


def decision_lines(decisions: tuple[ShownDecision, ...]) -> list[Line]:
    """Each decision on its line, and any challenge to it (in bold) just below it."""
    lines = []
    for decision in decisions:
        if decision.text:
            lines.append(Line(DECIDED, plain(decision.text), place=_DECISIONS))
        if decision.challenge is not None:
            words = challenge_sentence(decision.challenge, bool(decision.text))
            lines.append(Line(CHALLENGED, words, strong=True, place=_CHALLENGE))
    return lines


def challenge_sentence(challenge: ShownChallenge, decision_shown: bool = True) -> str:
    """'Grace Okafor challenged this decision on 4 May 2024. They said: … The team answered…'."""
    what = "this decision" if decision_shown else "a decision of this meeting"
    said = (
        f"{plain(challenge.by)} challenged {what} on {day_words(challenge.on)}. "
        f"They said: {plain(challenge.words)}"
    )
    if challenge.response and challenge.response_on is not None:
        answer = f"The team answered on {day_words(challenge.response_on)}: "
        return f"{said}\n{answer}{plain(challenge.response)}"
    return f"{said}\nThe team has not answered yet."
