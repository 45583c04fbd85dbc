"""The entry's wording for the screen: `domain.wording`'s words, translated and shortened.

The words themselves ("Opinion of Dr Shah", "Source withheld (reason)", "Around March 2025")
come from `fftimeline.domain.wording`, which the spreadsheet and the printed documents use
too, so the table, the detail pane and every output say the same thing. This module adds
what only a screen needs: translation, the table's short forms and "safe to share with".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from fftimeline.domain import wording
from fftimeline.domain.dates import today
from fftimeline.domain.entries import SIGNIFICANCE_LABELS, Entry, Kind
from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience
from fftimeline.domain.sources import UNKNOWN_TO_US, Source
from fftimeline.domain.views import ViewHolder, child_view

_CTX = "EntryText"

NameMask = Callable[[str], str]
"""Replaces people's names in a text with initials (for working in public places).

The mask itself comes from the services (`PeopleService.screen_mask`): it hides every
person of the case and of the vault's other cases, with the same matcher as the exports.
"""


def tr(text: str) -> str:
    """Translate a string in this module's context."""
    return QCoreApplication.translate(_CTX, text)


def kind_text(entry: Entry) -> str:
    """The entry's kind in plain words."""
    return tr(wording.kind_words(entry.kind))


_SHORT_KIND = {
    Kind.INCIDENT: "Incident",
    Kind.CONCERN: "Concern",
    Kind.MISSING: "Missing",
    Kind.INFORMATION: "Information",
    Kind.INTELLIGENCE: "Intelligence",
    Kind.FAMILY_CONTACT: "Family contact",
    Kind.MEETING: "Meeting",
    Kind.ACTION: "Action",
    Kind.NOT_SHARED: "Not shared",
    Kind.POSITIVE: "Positive",
}


def short_kind_text(entry: Entry) -> str:
    """The kind in one or two words for the table ('Meeting'); the full words are in its tip."""
    return tr(_SHORT_KIND[entry.kind])


def nature_text(entry: Entry) -> str:
    """How we know it: 'Fact', 'Opinion of Dr Shah', 'Family's account'…."""
    return tr(wording.how_we_know(entry.nature, entry.opinion_of))


def source_text(source: Source | None) -> str:
    """Who told us for the table, or 'Source withheld' (never a withheld source's name)."""
    if source is None:
        return ""
    if source.withheld:
        return tr(wording.withheld_source(None))
    return wording.source_words(source)


def source_detail(entry: Entry) -> str:
    """Who told us with the reason when withheld: 'Source withheld (reason)'.

    A source unknown to us says so; no source says why ('Not recorded: seen by me').
    """
    source = entry.source
    words = tr(wording.source_words(source))
    if source is None and entry.no_source_reason:
        return f"{words}: {entry.no_source_reason}"
    if source is not None and source.unknown:
        return f"{words}; {tr(UNKNOWN_TO_US).lower()}"
    return words


def family_text(entry: Entry, relationships: dict[str, str] | None = None) -> str:
    """The family's views, one a line: 'Donna Reid (Mother): Disputes: she was at home'."""
    return tr(wording.family_views_words(entry.views, relationships))


def child_text(entry: Entry) -> str:
    """The child's own view and wishes about sharing ('' when neither is recorded)."""
    return wording.child_view_words(child_view(entry.views), entry.child_wish)


def views_tip(entry: Entry) -> str:
    """Every view in full, the child's first: 'The child: Agrees: …' then each family member."""
    lines = []
    for view in sorted(entry.views, key=lambda v: v.holder is not ViewHolder.CHILD):
        lines.append(wording.view_line(view, tr(wording.view_holder(view))))
    return "\n".join(lines)


def significance_text(entry: Entry) -> str:
    """How serious: 'Routine', 'Significant' or 'Serious risk'."""
    return tr(SIGNIFICANCE_LABELS[entry.significance])


_SHORT_AUDIENCE = {
    Audience.SAFEGUARDING_TEAM: "Team",
    Audience.STRATEGY_MEETING: "Strategy",
    Audience.PARENTS: "Parents",
    Audience.CHILD: "Child",
    Audience.POLICE: "Police",
}


def sharing_text(entry: Entry) -> str:
    """Safe to share with, in few words for the table.

    'Team, Police' when few may see it; 'All but Police' when most may; 'All five' when
    every audience may; 'Nobody else' when none may. Words, never colour.
    """
    allowed = [a for a in Audience if a in entry.sharing.audiences]
    others = [a for a in Audience if a not in entry.sharing.audiences]
    if not allowed:
        return tr("Nobody else")
    if not others:
        return tr("All five")
    if len(others) < len(allowed):
        names = ", ".join(tr(_SHORT_AUDIENCE[a]) for a in others)
        return tr("All but {names}").format(names=names)
    return ", ".join(tr(_SHORT_AUDIENCE[a]) for a in allowed)


def sharing_tip(entry: Entry, *, reasons: bool = False) -> str:
    """Safe to share with, in full: every audience, yes or no (with why not, if asked)."""
    lines = []
    for audience in Audience:
        label = tr(AUDIENCE_LABELS[audience])
        if entry.sharing.allows(audience):
            lines.append(tr("Yes: {who}").format(who=label))
            continue
        line = tr("No: {who}").format(who=label)
        why = entry.sharing.reasons_not.get(audience, "") if reasons else ""
        lines.append(f"{line} ({why})" if why else line)
    return "\n".join(lines)


def date_text(entry: Entry) -> str:
    """The event date in words with its certainty, first letter capital ('Around March 2025')."""
    return wording.date_words(entry.event_date)


_SHORT_MONTHS = {
    "January": "Jan",
    "February": "Feb",
    "March": "Mar",
    "April": "Apr",
    "June": "Jun",
    "July": "Jul",
    "August": "Aug",
    "September": "Sep",
    "October": "Oct",
    "November": "Nov",
    "December": "Dec",
}
_MONTH = re.compile(r"\b(" + "|".join(_SHORT_MONTHS) + r")\b")
_SAME_MONTH_RANGE = re.compile(r"^Between (\d+) and (\d+) ")


def short_date_text(entry: Entry) -> str:
    """The event date for the table, months shortened: '14 Aug 2025', 'Between 1–5 Feb 2025'.

    The full wording (`date_text`) is in the cell's tip and the detail pane.
    """
    text = _MONTH.sub(lambda m: _SHORT_MONTHS[m.group(1)], date_text(entry))
    return _SAME_MONTH_RANGE.sub(r"Between \1–\2 ", text)


def day_text(day: dt.date | None) -> str:
    """A single day in words ('14 August 2025'), or '' when unknown."""
    if day is None:
        return ""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def moment_text(moment: dt.datetime | None) -> str:
    """A saved moment in local time in words ('14 August 2025 at 15:30')."""
    if moment is None:
        return ""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return tr("{day} at {time}").format(day=day_text(local.date()), time=local.strftime("%H:%M"))


def today_date() -> dt.date:
    """Today's date, as the domain decides it (for "overdue")."""
    return today()


def no_mask(text: str) -> str:
    """Leave a text as it is (names shown)."""
    return text
