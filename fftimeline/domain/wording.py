"""The one wording of an entry: its date, how we know, who told us, the family's view.

Every place that words an entry (the table, the detail pane, the spreadsheet and the
printed documents) asks this module, so they never drift apart ("Opinion of Dr Shah"
everywhere, never "Opinion (Dr Shah)" on screen and "Opinion of Dr Shah" on paper).

There are three voices of the same words:

* ``PROFESSIONAL``: the key worker's screens and the professional outputs;
* ``FAMILY``: the parents' and carers' timeline, in plain words, addressed to them;
* ``CHILD``: the young person's own timeline, addressed to them.

Pure functions over domain values: no Qt, no I/O. The UI translates what it shows.
"""

from __future__ import annotations

from enum import StrEnum

from fftimeline.domain.dates import Certainty, EventDate, Precision
from fftimeline.domain.entries import KIND_LABELS, NATURE_LABELS, Kind, Nature
from fftimeline.domain.sources import WITHHELD_REASON_LABELS, Source, WithheldReason
from fftimeline.domain.views import (
    VIEW_POSITION_LABELS,
    ChildWish,
    PersonView,
    ViewHolder,
    ViewPosition,
)


class Voice(StrEnum):
    """Who the words are written for."""

    PROFESSIONAL = "professional"
    FAMILY = "family"
    CHILD = "child"


OPINION_OF = "Opinion of "
"""How the professional voice starts an opinion: 'Opinion of Dr Shah'."""

_PLAIN_NATURE: dict[Voice, dict[Nature, str]] = {
    Voice.FAMILY: {
        Nature.FACT: "A fact we checked",
        Nature.REPORTED: "What we were told",
        Nature.ALLEGATION: "Something someone said happened; it has not been proven",
        Nature.INTELLIGENCE: "Information passed to us that we have not been able to check",
        Nature.FAMILY_ACCOUNT: "What your family told us",
        Nature.CHILD_ACCOUNT: "What your child told us",
    },
    Voice.CHILD: {
        Nature.FACT: "Something we know happened",
        Nature.REPORTED: "What someone told us",
        Nature.ALLEGATION: "Something someone said happened; nobody has proved it",
        Nature.INTELLIGENCE: "Information we have not been able to check",
        Nature.FAMILY_ACCOUNT: "What your family told us",
        Nature.CHILD_ACCOUNT: "What you told us",
    },
}

_PLAIN_KIND: dict[Kind, str] = {
    Kind.INCIDENT: "Something that happened",
    Kind.CONCERN: "A worry",
    Kind.MISSING: "Missing from home",
    Kind.INFORMATION: "Information",
    Kind.INTELLIGENCE: "Information passed to us",
    Kind.FAMILY_CONTACT: "Talking with your family",
    Kind.MEETING: "A meeting or decision",
    Kind.ACTION: "Something that was done",
    Kind.NOT_SHARED: "A decision about sharing information",
    Kind.POSITIVE: "Something good",
}

_PLAIN_POSITION: dict[Voice, dict[ViewPosition, str]] = {
    Voice.FAMILY: {
        ViewPosition.AGREE: "Agrees with this.",
        ViewPosition.DISPUTE: "Does not agree with this.",
        ViewPosition.PARTLY: "Agrees with some of this, but not all of it.",
        # Never "not safe to ask": that would tell the family more than it should.
        ViewPosition.NOT_ASKED: "We have not asked about this yet.",
        ViewPosition.NOT_SAFE: "We have not asked about this yet.",
    },
    Voice.CHILD: {
        ViewPosition.AGREE: "You agree with this.",
        ViewPosition.DISPUTE: "You do not agree with this.",
        ViewPosition.PARTLY: "You agree with some of this, but not all of it.",
        ViewPosition.NOT_ASKED: "We have not asked you about this yet.",
        ViewPosition.NOT_SAFE: "We have not asked you about this yet.",
    },
}

_FAMILY_POSITION: dict[ViewPosition, str] = {
    ViewPosition.AGREE: "Your family agrees with this.",
    ViewPosition.DISPUTE: "Your family does not agree with this.",
    ViewPosition.PARTLY: "Your family agrees with some of this, but not all of it.",
    ViewPosition.NOT_ASKED: "We have not asked your family about this yet.",
    ViewPosition.NOT_SAFE: "We have not asked your family about this yet.",
}

SOURCE_NOT_NAMED = "The person who told us is not named, to keep them safe."
"""What the family and the child read where a source is withheld."""


def capitalised(text: str) -> str:
    """``text`` with its first letter made a capital ('around March 2025' -> 'Around …')."""
    return text[:1].upper() + text[1:]


def date_words(date: EventDate) -> str:
    """When it happened, in words with its certainty: 'Around March 2025', '3 May 2025'."""
    return capitalised(date.wording())


def period_words(date: EventDate) -> str:
    """The month a date belongs under ('March 2025'), or just its year when that is all we know."""
    if date.certainty is Certainty.YEAR or date.precision is Precision.YEAR:
        return str(date.start.year)
    return f"{date.start.strftime('%B')} {date.start.year}"


def how_we_know(nature: Nature, whose: str = "", voice: Voice = Voice.PROFESSIONAL) -> str:
    """How we know it; an opinion always says whose it is ('Opinion of Dr Shah')."""
    if nature is Nature.OPINION:
        if voice is Voice.PROFESSIONAL:
            return f"{OPINION_OF}{whose}" if whose else NATURE_LABELS[nature]
        if voice is Voice.CHILD:
            return f"What {whose} thinks" if whose else "What someone thinks"
        return f"The opinion of {whose}" if whose else "Someone's opinion"
    if voice is Voice.PROFESSIONAL:
        return NATURE_LABELS[nature]
    return _PLAIN_NATURE[voice][nature]


def whose_opinion(professional: str) -> str:
    """Whose opinion, read back from the professional words ('' when they are not an opinion).

    Printed documents get the professional words already redacted; this recovers the
    (redacted) name from them so the family's voice can say 'The opinion of …'.
    """
    return professional[len(OPINION_OF) :] if professional.startswith(OPINION_OF) else ""


def withheld_source(reason: WithheldReason | None, voice: Voice = Voice.PROFESSIONAL) -> str:
    """A withheld source: 'Source withheld (reason)', or the family's plain sentence."""
    if voice is not Voice.PROFESSIONAL:
        return SOURCE_NOT_NAMED
    if reason is None:
        return "Source withheld"
    return f"Source withheld ({WITHHELD_REASON_LABELS[reason]})"


def source_words(source: Source | None) -> str:
    """Who told us, for the key worker's own screens (never a withheld source's name)."""
    if source is None:
        return "Not recorded"
    if source.withheld:
        return withheld_source(source.withheld_reason)
    parts = [p for p in (source.name, source.role, source.agency) if p]
    return ", ".join(dict.fromkeys(parts))  # "Westbridge Police" once, not twice


def kind_words(kind: Kind, voice: Voice = Voice.PROFESSIONAL) -> str:
    """What sort of entry it is ('Positive or protective event' / 'Something good')."""
    return KIND_LABELS[kind] if voice is Voice.PROFESSIONAL else _PLAIN_KIND[kind]


def family_position(position: ViewPosition, voice: Voice = Voice.PROFESSIONAL) -> str:
    """The family's position: 'Disputes', or 'Your family does not agree with this.'."""
    if voice is Voice.PROFESSIONAL:
        return VIEW_POSITION_LABELS[position]
    return _FAMILY_POSITION[position]


def family_view(position: ViewPosition, text: str, voice: Voice = Voice.PROFESSIONAL) -> str:
    """The family's view in one line: 'Disputes: Mum says …' (professional voice)."""
    label = family_position(position, voice)
    if not text:
        return label
    if voice is Voice.PROFESSIONAL:
        return f"{label}: {text}"
    return f"{label} What your family said: {text}"


NOT_YET_ASKED = "Not yet asked"
"""What the professional words say of the family's view when none is recorded."""

CHILD = "The child"
"""Who the child's view is by, in the professional words (their name is the case's)."""
FAMILY = "The family"
"""Who a view of the family as a whole is by."""


def view_holder(
    view: PersonView, relationships: dict[str, str] | None = None, child: str = ""
) -> str:
    """Whose view, for the professional words: 'Donna Reid (Mother)', 'Jordan (the child)'."""
    if view.holder is ViewHolder.CHILD:
        return f"{child} (the child)" if child else CHILD
    if view.holder is ViewHolder.FAMILY:
        return FAMILY
    relation = (relationships or {}).get(view.name, "")
    return f"{view.name} ({relation})" if relation else view.name


def view_line(view: PersonView, holder: str = "") -> str:
    """One view in one line: 'Donna Reid (Mother): Disputes: she was at home' (professional).

    Without ``holder`` only the position and words: 'Disputes: she was at home'.
    """
    line = family_view(view.position, view.text)
    return f"{holder}: {line}" if holder else line


def family_views_words(
    views: tuple[PersonView, ...], relationships: dict[str, str] | None = None
) -> str:
    """Every family view, one a line; 'Not yet asked' when none is recorded.

    A view of the family as a whole stands alone without a name, as it always read.
    """
    family = [v for v in views if v.holder is not ViewHolder.CHILD]
    if not family:
        return NOT_YET_ASKED
    if len(family) == 1 and family[0].holder is ViewHolder.FAMILY:
        return view_line(family[0])
    return "\n".join(view_line(v, view_holder(v, relationships)) for v in family)


def wish_words(wish: ChildWish | None) -> str:
    """'Wishes about sharing: I want to tell Mum myself (not to be told: Parents/carers)'."""
    if wish is None:
        return ""
    return f"Wishes about sharing: {wish.text} (not to be told: {wish.audiences_words()})"


def child_view_words(view: PersonView | None, wish: ChildWish | None = None) -> str:
    """The child's own view and wishes about sharing, one a line ('' when neither)."""
    lines = [view_line(view)] if view is not None else []
    if wish is not None:
        lines.append(wish_words(wish))
    return "\n".join(lines)


def view_position(position: ViewPosition, voice: Voice) -> str:
    """A person's position in the family's or the child's words ('Does not agree with this.')."""
    if voice is Voice.PROFESSIONAL:
        return VIEW_POSITION_LABELS[position]
    return _PLAIN_POSITION[voice][position]
