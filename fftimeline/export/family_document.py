"""The timeline written for the family, and the child's own version (export layer, Qt-free).

Parents asked, in the Commitment, to be kept informed, told how information about their
family is shared and with whom, treated as partners and signposted to support. Many read
this on paper, upset. So the document says on its first page what it is, who wrote it and
how to reach them, what is in it, that some things are left out (never what or who), how
information is shared, and how to say something is wrong. The timeline follows, month by
month, every entry with how we know, who told us and the family's view beside it; then a
short glossary and where to get support. No protective marking, codes, counts of what was
left out or "[redacted]": a gentle footer says it is private.

The same builder writes the child's version in words for a young person (`Voice.CHILD`).
Every text it receives is already redacted for the audience. Its own words (the fixed
sentences, the key worker's name and contact details, the months, the glossary and the
support list's fixed words) are marked as such for the leak scan; the child's name, the
labels of those it was shared with, the support organisations (typed in the settings) and
every entry's text are read by it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from fftimeline.domain.entries import Kind, Nature
from fftimeline.domain.meetings import ShownDecision
from fftimeline.domain.support import SupportOrganisation
from fftimeline.domain.views import ShownView, ViewHolder, ViewPosition
from fftimeline.domain.wording import (
    Voice,
    capitalised,
    family_position,
    how_we_know,
    kind_words,
    view_position,
    withheld_source,
)
from fftimeline.export.document import (
    BODY_PT,
    FIRST_PAGE,
    LARGE_PRINT_PT,
    Block,
    Document,
    EntryCard,
    Heading,
    Line,
    PageBreak,
    Paragraph,
    Part,
)
from fftimeline.export.family_decisions import decision_lines
from fftimeline.export.family_decisions import plain as _plain
from fftimeline.export.glossary import terms_used
from fftimeline.export.plan_document import SharedPlan, plan_blocks


class SourceShown(StrEnum):
    """What the audience may know of who told us."""

    NAMED = "named"
    WITHHELD = "withheld"
    NOT_SHOWN = "not-shown"
    NONE = "none"


@dataclass(frozen=True)
class FamilyEntry:
    """One entry, redacted for the family or the child, with the facts needed to word it.

    Attributes:
        entry_id: the entry.
        sort_date: the earliest day it could have happened.
        period: the heading it goes under ('March 2025', or '2024' when only the year is known).
        date_words: when it happened, in words.
        kind: what sort of entry it is.
        positive: good news for the child (a positive event, or a positive impact).
        what_happened: the redacted summary (and account, when the audience sees it).
        nature: how we know it.
        whose: whose opinion, redacted ('' unless an opinion).
        source: what may be said of who told us.
        source_text: the redacted name of a named source.
        family_views: the family's views, redacted (each member's, or the family's as a
            whole), or None when the audience does not see them.
        next_steps: what was done or agreed next, redacted ('' for none).
        child_view: the child's own view, redacted, when the audience sees it.
        child_wish: the child's wish about sharing, redacted, when the audience sees it.
        decisions: a meeting's decisions, each with any challenge and the team's answer,
            redacted, as far as the audience sees them.
    """

    entry_id: int
    sort_date: dt.date
    period: str
    date_words: str
    kind: Kind
    positive: bool
    what_happened: str
    nature: Nature
    whose: str
    source: SourceShown
    source_text: str
    family_views: tuple[ShownView, ...] | None
    next_steps: str
    child_view: ShownView | None = None
    child_wish: str = ""
    decisions: tuple[ShownDecision, ...] = ()


@dataclass(frozen=True)
class FirstPage:
    """The facts on the first page.

    Attributes:
        voice: the family's or the child's.
        child: the child's name as this audience may see it.
        key_worker: who wrote it ('' when not recorded).
        organisation, phone, email: how to reach the key worker.
        written_on: the day it is printed.
        something_left_out: whether anything was left out or replaced (never what).
        may_go_to: who else information in it may be shared with (audience labels).
        shared: earlier disclosures of the chronology: (audience label or `YOU`, day).
    """

    voice: Voice
    child: str
    key_worker: str
    organisation: str
    phone: str
    email: str
    written_on: dt.date
    something_left_out: bool
    may_go_to: tuple[str, ...]
    shared: tuple[tuple[str, dt.date], ...]


YOU = "you"
"""Who a disclosure went to when it went to the family (or the child) themselves."""


def long_day(day: dt.date) -> str:
    """'3 March 2026'."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def month_heading(day: dt.date) -> str:
    """'March 2026'."""
    return f"{day.strftime('%B')} {day.year}"


def build_family_document(
    first: FirstPage,
    entries: list[FamilyEntry],
    support: tuple[SupportOrganisation, ...],
    *,
    large_print: bool = False,
    plan: SharedPlan | None = None,
) -> Document:
    """The family's (or the child's) timeline as a printable document.

    ``plan``: the current safety plan, printed after the timeline when the key worker asks.
    """
    blocks: list[Block] = [*_first_page(first, entries), PageBreak()]
    blocks += _timeline(first.voice, entries)
    if plan is not None:
        blocks += [PageBreak(), *plan_blocks(first.voice, plan)]
    texts = [t for b in blocks for t in Document(blocks=(b,)).texts()]
    blocks += _glossary(texts, first.voice)
    blocks += _support(first.voice, support)
    private = "about you" if first.voice is Voice.CHILD else "about your family"
    return Document(
        blocks=tuple(blocks),
        body_pt=LARGE_PRINT_PT if large_print else BODY_PT,
        footer=f"This is private information {private}.",
        entry_ids=tuple(e.entry_id for e in entries),
    )


def _first_page(first: FirstPage, entries: list[FamilyEntry]) -> Iterator[Block]:
    child = first.voice is Voice.CHILD
    yield Heading("Your timeline" if child else "Your family's timeline", 1)
    name = Part(first.child, FIRST_PAGE)
    if not child:
        yield Paragraph.of("About ", name, strong=True)
    yield Heading("What this is")
    whose: tuple[str | Part, ...] = ("your life",) if child else (name, "'s life")
    yield Paragraph.of(
        "This is a timeline of important things that have happened in ",
        *whose,
        ", as we have written them down. We want you to see what we have written, and to "
        "tell us if anything is wrong or missing.",
    )
    yield from _who_wrote_it(first)
    yield Heading("What is in it")
    yield Paragraph.of(_what_is_in_it(first.voice, entries))
    if first.something_left_out:
        yield Paragraph.of(
            "Some things are not in here, to keep people safe."
            if child
            else "Some information is not included, to keep someone safe or because it is "
            "not ours to share."
        )
    yield Heading("Who sees information about " + ("you" if child else "your family"))
    yield from _sharing(first)
    yield Heading("If something is wrong or missing")
    yield Paragraph.of(_wrong_or_missing(first))


def _who_wrote_it(first: FirstPage) -> Iterator[Block]:
    name = first.key_worker or "Your key worker"
    works = f" {name} works for {first.organisation}." if first.organisation else ""
    yield Heading("Who wrote it")
    yield Paragraph.of(f"{name} wrote it on {long_day(first.written_on)}.{works}")
    ways = [f"{how}: {value}" for how, value in (("Phone", first.phone), ("Email", first.email))]
    ways = [w for w, value in zip(ways, (first.phone, first.email), strict=True) if value]
    reach = first.key_worker or "your key worker"
    if ways:
        yield Paragraph.of(f"How to reach {reach}:", strong=True)
        yield from (Paragraph.of(w) for w in ways)
    else:
        yield Paragraph.of(f"Ask at your next meeting for the best way to reach {reach}.")


def _what_is_in_it(voice: Voice, entries: list[FamilyEntry]) -> str:
    count = f"{len(entries)} " + ("thing" if len(entries) == 1 else "things") + " we wrote down"
    first, last = month_heading(entries[0].sort_date), month_heading(entries[-1].sort_date)
    span = first if first == last else f"from {first} to {last}"
    view = "what you or your family said" if voice is Voice.CHILD else "what your family said"
    return (
        f"It lists {count}, {span}, in date order. For each one it says when it happened, "
        f"what happened, how we know, who told us, and {view} about it."
    )


def audience_phrase(label: str) -> str:
    """An audience label inside a sentence: 'Strategy meeting' -> 'the strategy meeting'."""
    text = label[:1].lower() + label[1:]
    return text if text.startswith("the ") else f"the {text}"


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _sharing(first: FirstPage) -> Iterator[Paragraph]:
    """Who sees what, in paragraphs.

    The audiences information may go to are the built-in ones: their labels are the
    document's own words. Earlier disclosures may have gone to a custom audience, whose
    label the scan reads.
    """
    keep = "you" if first.voice is Voice.CHILD else Part(first.child, FIRST_PAGE)
    yield Paragraph.of(
        "Everything we write down says who it is safe to share with. We share only what "
        "each person needs to know to help keep ",
        keep,
        " safe.",
    )
    others = [audience_phrase(a) for a in first.may_go_to]
    if others:
        yield Paragraph.of(
            f"Information in this timeline may also be shared with {_and_list(others)}."
        )
    for label, day in first.shared:
        who = label if label == YOU else Part(audience_phrase(label), FIRST_PAGE)
        yield Paragraph.of("We shared this chronology with ", who, f" on {long_day(day)}.")
    if not first.shared:
        yield Paragraph.of("We have not shared this chronology with anyone else yet.")


def _wrong_or_missing(first: FirstPage) -> str:
    who = first.key_worker or "your key worker"
    return (
        f"Please tell {who}, by phone, by email or at your next meeting. We do not rub out "
        "what was written, but we will write down what you say and show it beside the entry "
        "every time this timeline is printed or shared. You can ask someone you trust, such "
        "as a support worker, to help you."
    )


def _timeline(voice: Voice, entries: list[FamilyEntry]) -> Iterator[Block]:
    yield Heading("The timeline", 1)
    period = ""
    for entry in entries:
        if entry.period != period:
            period = entry.period
            yield Heading(period, 3)
        yield family_card(voice, entry)


def family_card(voice: Voice, e: FamilyEntry) -> EntryCard:
    """One entry in the family's (or the child's) words, each person's view beside it."""
    lines = [
        Line("What happened", _what_happened(e.what_happened)),
        Line("How we know", how_we_know(e.nature, _plain(e.whose), voice)),
    ]
    who = _who_told_us(voice, e)
    if who:
        lines.append(Line("Who told us", who, place="the source"))
    lines += _family_lines(voice, e.family_views)
    lines += _child_lines(voice, e)
    lines += decision_lines(e.decisions)
    if e.next_steps:
        steps = _plain(e.next_steps)
        lines.append(Line("What was done or agreed next", steps, place="the action or outcome"))
    title = f"{capitalised(e.date_words)} — {kind_words(e.kind, voice)}"
    return EntryCard(e.entry_id, title, " · ".join(_tags(voice, e)), tuple(lines))


def _tags(voice: Voice, e: FamilyEntry) -> list[str]:
    """'Good news'; and, as prominent as the facts, who does not agree."""
    tags = ["Good news"] if e.positive else []
    if any(v.disputed for v in e.family_views or ()):
        tags.append("Your family does not agree with all of this")
    if e.child_view is not None and e.child_view.disputed:
        tags.append(
            "You do not agree with all of this"
            if voice is Voice.CHILD
            else "Your child does not agree with all of this"
        )
    return tags


_FAMILY_VIEW = "the family's view"


def _family_lines(voice: Voice, views: tuple[ShownView, ...] | None) -> list[Line]:
    """Each family member's view on its own line, named; none recorded: not asked yet."""
    if views is None:
        return []
    label = "Your family's view"
    if not views:
        asked = family_position(ViewPosition.NOT_ASKED, voice)
        return [Line(label, asked, place=_FAMILY_VIEW)]
    lines = []
    for view in views:
        said = f" They said: {_plain(view.text)}" if view.text else ""
        if view.holder is ViewHolder.FAMILY:
            text = family_position(view.position, voice) + said
        else:  # the name is the line's text, read by the scan: never the label
            text = f"{view.name}: {view_position(view.position, Voice.FAMILY)}{said}"
        lines.append(Line(label, text, view.disputed, place=_FAMILY_VIEW))
    return lines


def _child_lines(voice: Voice, e: FamilyEntry) -> list[Line]:
    """The child's own view and wishes about sharing, where the audience sees them."""
    lines = []
    child = voice is Voice.CHILD
    view = e.child_view
    if view is not None:
        said = f" {'You' if child else 'They'} said: {_plain(view.text)}" if view.text else ""
        text = view_position(view.position, Voice.CHILD if child else Voice.FAMILY) + said
        label = "What you think" if child else "Your child's view"
        lines.append(Line(label, text, view.disputed, place="the child's view"))
    if e.child_wish:
        label = "What you asked about sharing" if child else "Your child's wishes about sharing"
        lines.append(Line(label, _plain(e.child_wish), place="the child's wishes about sharing"))
    return lines


def _what_happened(text: str) -> str:
    """The summary and the full account, once: an account that repeats its summary stands alone."""
    summary, _, account = _plain(text).partition("\n\n")
    if account.startswith(summary.rstrip(". ")):
        return account
    return f"{summary}\n{account}" if account else summary


def _who_told_us(voice: Voice, e: FamilyEntry) -> str:
    match e.source:
        case SourceShown.NAMED:
            return _plain(e.source_text)
        case SourceShown.WITHHELD:
            return withheld_source(None, voice)
        case SourceShown.NOT_SHOWN if e.nature is Nature.FAMILY_ACCOUNT:
            return "You or your family" if voice is Voice.CHILD else "Your family"
        case SourceShown.NOT_SHOWN:
            return "Someone who works with " + ("you" if voice is Voice.CHILD else "your family")
        case SourceShown.NONE:
            return ""


def _glossary(texts: list[str], voice: Voice) -> Iterator[Block]:
    terms = terms_used(texts)
    if not terms:
        return
    yield PageBreak()
    yield Heading("Words we use", 1)
    for term in terms:
        yield Heading(term.name, 3)
        yield Paragraph.of(term.meaning_for(voice is Voice.CHILD))


SUPPORT_LIST = "the support list"
"""Where the support organisations stand, for the scan's findings."""


def _support(voice: Voice, support: tuple[SupportOrganisation, ...]) -> Iterator[Block]:
    if not support:
        return
    yield Heading("Where to get support", 1)
    yield Paragraph.of(
        "These organisations can help. They are free to contact and do not need your "
        "key worker's permission."
        if voice is Voice.FAMILY
        else "You can talk to these people about anything. It is free and private."
    )
    for org in support:  # typed by someone in the settings: read by the scan like any text
        yield Heading(org.name, 3, SUPPORT_LIST)
        if org.helps_with:
            yield Paragraph.of(Part(org.helps_with, SUPPORT_LIST))
        if org.phone:
            yield Paragraph.of("Phone: ", Part(org.phone, SUPPORT_LIST))
        if org.website:
            yield Paragraph.of("Website: ", Part(org.website, SUPPORT_LIST))
