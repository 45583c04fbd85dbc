"""A meeting's decisions and the challenges to them, as one audience may see them (pure).

The spreadsheet and the professional chronology show a meeting's decisions in one text with
the next actions (`redact._actions`) and each challenge with the team's response in the
family's view (`person_views`). The family's printed timeline words each decision, and any
challenge to it, on a line of its own; this gives it the pieces, under the same rights:
what was decided goes to audiences that see the next actions and outcomes, a challenge and
the team's response to those that see the family's view. Every text is cleaned like any
other text of the entry (the challenger is often a family member, named only where the
family is).
"""

from __future__ import annotations

from collections.abc import Callable

from fftimeline.domain.entries import Entry
from fftimeline.domain.meetings import Challenge, ShownChallenge, ShownDecision
from fftimeline.redaction.audiences import AudienceField, AudienceProfile

Clean = Callable[[str], str]
"""Cleans one piece of text for the audience."""


def decisions_shown(
    entry: Entry, profile: AudienceProfile, clean: Clean
) -> tuple[ShownDecision, ...]:
    """Each decision of ``entry``'s meeting that ``profile`` sees something of, cleaned."""
    if entry.meeting is None:
        return ()
    decides = profile.sees(AudienceField.ACTIONS)
    challenges = profile.sees(AudienceField.FAMILY_VIEW)
    shown = []
    for decision in entry.meeting.decisions:
        text = clean(decision.text) if decides else ""
        challenge = decision.challenge if challenges else None
        if text or challenge is not None:
            shown.append(ShownDecision(text, _challenge(challenge, clean)))
    return tuple(shown)


def _challenge(challenge: Challenge | None, clean: Clean) -> ShownChallenge | None:
    if challenge is None:
        return None
    response = clean(challenge.response) if challenge.response else ""
    return ShownChallenge(
        by=clean(challenge.by),
        on=challenge.on,
        words=clean(challenge.words),
        response=response,
        response_on=challenge.response_on if response else None,
    )
