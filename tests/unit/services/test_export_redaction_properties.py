"""Properties of exported files: protected names never readable, however they were typed.

For each class of real typing (accents and Unicode forms, separators, identifiers in every
format, lower case and short names, people of other cases, places, earlier spellings of a
withheld source, role labels that quote a name), hypothesis generates how a key worker
might type a protected value in an entry, the entry is exported from a real vault to every
audience, and the exported file's cell text is judged by this module's own oracle (not by
the matcher under test): the value's letters-only skeleton must not occur as consecutive
words of any cell. Each example also carries ordinary words that are also names ("will",
"miss", "rose", "page", "June", "annual", "planning", "hale and hearty") and an unprotected
professional ("Mrs Price"): they must come out exactly as typed.

The default run keeps few examples; ``-m slow`` runs many more.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fftimeline.domain.cases import FamilyMember
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.redaction.audiences import AudienceField, make_custom
from fftimeline.services.export import ExportRequest, export_xlsx, save_custom_audience
from fftimeline.services.vault import OpenVault, create_vault
from tests.factories import make_case, make_entry, passphrase

F = AudienceField
EVERYONE = Sharing(audiences=frozenset(Audience))
ORDINARY = (
    "He said he will not miss the annual planning meeting on page 3 in June; "
    "Mrs Price said he rose early and is hale and hearty."
)
FILLER = ("was seen with", "met", "said that", "called", "stayed with", "was driven by")

FIRST = ("Zoë", "José", "Renée", "Łukasz", "Siân", "Aoife", "Dagný", "Björn", "Ngozi", "Kacper")
LAST = ("Ødegaard", "Nguyễn", "Müller", "Kowalczyk", "Wiśniewski", "Okonkwo", "Dąbrowski")
MORE_LAST = ("Ferreira", "Gonçalves", "Marlow", "Varga", "Adebayo", "Suleiman", "Dunmore")
SHORT = ("Jo", "Al", "Ty", "Bo")
COMPOUND = ("Mary-Jane O'Neil", "Kwame Mensah-Boateng", "T Bone", "Anaïs O’Neil")

PROFESSIONAL = ("safeguarding-team", "police", "strategy-meeting")
FAMILY = ("parents-carers", "child")
CUSTOM = (
    make_custom("Family friend", Audience.PARENTS, frozenset({F.ACCOUNT, F.FAMILY_VIEW})),
    make_custom("Youth justice", Audience.STRATEGY_MEETING, frozenset({F.ACCOUNT, F.SOURCES})),
)
SLUGS = (*PROFESSIONAL, *FAMILY, *(c.slug for c in CUSTOM))

QUICK = settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# The oracle: this module's own folding, independent of fftimeline.redaction ----------------
_SPECIAL = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "ß": "ss", "æ": "ae", "ı": "i"}
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_BREAKS = re.compile(r"[.,;:!?()\[\]{}\"“”/]|\n\s*\n")


def oracle_fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.translate(_SPECIAL).translate(_INVISIBLE))
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def skeleton(text: str) -> str:
    return "".join(re.findall(r"[a-z0-9]+", oracle_fold(text)))


def readable(cell: str, value: str) -> bool:
    """Whether ``value``'s skeleton is spelled by consecutive words of one phrase of ``cell``."""
    wanted = skeleton(value)
    for phrase in _BREAKS.split(oracle_fold(cell)):
        words = re.findall(r"[a-z0-9]+", phrase)
        for i in range(len(words)):
            spelled = ""
            for word in words[i:]:
                spelled += word
                if spelled == wanted:
                    return True
                if len(spelled) >= len(wanted):
                    break
    return False


def digits_readable(cell: str, number: str) -> bool:
    """Whether a phone number's last ten digits are in the cell's digits run together."""
    return number[-10:] in "".join(re.findall(r"\d", cell))


def cells(path: Path) -> list[str]:
    """Every text cell of the exported workbook (inline or shared strings)."""
    found: list[str] = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml":
                xml = z.read(name).decode("utf-8")
                items = re.findall(r"<(?:c|si)\b[^>]*>(.*?)</(?:c|si)>", xml, re.DOTALL)
                found += [
                    html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", i, re.DOTALL)))
                    for i in items
                ]
    return [t for t in found if t]


# How a key worker might type a value ------------------------------------------------------
def _strip_accents(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in plain if not unicodedata.combining(c))


@st.composite
def typed(draw: st.DrawFn, name: str) -> str:
    """``name`` as typed: case, accents, combining marks, invisible characters, separators."""
    parts = re.split(r"[ \-'’]+", name)
    form = draw(st.sampled_from(["as is", "plain", "decomposed"]))
    if form == "plain":
        parts = [_strip_accents(p) for p in parts]
    elif form == "decomposed":
        parts = [unicodedata.normalize("NFD", p) for p in parts]
    if draw(st.booleans()):
        i = draw(st.integers(0, len(parts) - 1))
        if len(parts[i]) > 1:
            cut = draw(st.integers(1, len(parts[i]) - 1))
            mark = draw(st.sampled_from(["\u200b", "\u00ad", "\u200d"]))
            parts[i] = parts[i][:cut] + mark + parts[i][cut:]
    separators = st.sampled_from([" ", "-", "", "'", "’", "-\n", "\n"])
    text = parts[0] + "".join(draw(separators) + p for p in parts[1:])
    casing = draw(st.sampled_from(["as typed", "upper", "lower", "title"]))
    return {"upper": text.upper(), "lower": text.lower(), "title": text.title()}.get(casing, text)


@st.composite
def mention(draw: st.DrawFn, name: str) -> str:
    """A sentence naming ``name``, possessive or quoted, in ordinary words around it."""
    text = draw(typed(name))
    text = draw(
        st.sampled_from([text, f"{text}'s car", f"{text}’s phone", f"{text}' mate"])
        | st.sampled_from([f"'{text}'", f"‘{text}’", f"“{text}”", f'"{text}"'])
    )
    return f"{draw(st.sampled_from(FILLER))} {text} near the shops. {ORDINARY}"


# The vault and its exports -----------------------------------------------------------------
@dataclass
class Exports:
    """The cell texts of one entry's case exported to every audience."""

    texts: dict[str, list[str]]

    def each(self, slugs: tuple[str, ...]) -> Iterator[tuple[str, list[str]]]:
        for slug in slugs:
            yield slug, self.texts[slug]


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenVault]:
    v = create_vault(tmp_path_factory.mktemp("props") / "props.fft", passphrase(), actor="Sam Key")
    for custom in CUSTOM:
        save_custom_audience(v, custom)
    yield v
    v.close()


_counter = itertools.count()


def export_all(vault: OpenVault, folder: Path, case_id: int) -> Exports:
    texts: dict[str, list[str]] = {}
    for slug in SLUGS:
        out = folder / f"out-{next(_counter)}.xlsx"
        export_xlsx(vault, case_id, ExportRequest(slug, "Members", "Sharing"), out)
        texts[slug] = cells(out)
        out.unlink()
    return texts_checked(Exports(texts))


def texts_checked(exports: Exports) -> Exports:
    """Ordinary words and an unprotected professional come out exactly as typed."""
    for slug, texts in exports.each(SLUGS):
        assert any(ORDINARY in t for t in texts), slug
    return exports


def add_case(vault: OpenVault, child: str = "Ayo Brennan", **case: object) -> int:
    fields: dict[str, object] = {
        "family": (FamilyMember(name="Keziah Brennan", relationship="Mother"),),
        **case,
    }
    return vault.cases.add(make_case(child_name=child, known_as="", **fields)).id


def person(
    vault: OpenVault,
    case_id: int,
    name: str,
    role: str = "an adult male",
    nicknames: tuple[str, ...] = (),
) -> Linked:
    item = Linked(kind=LinkKind.PERSON, name=name, role=role, third_party=True, nicknames=nicknames)
    return vault.links.save(case_id, item)


def common_word_names(vault: OpenVault, case_id: int) -> None:
    """Registered names that are also ordinary words: the ordinary words must survive."""
    person(vault, case_id, "Will Page", "a youth worker", nicknames=("Rose",))


def entry(vault: OpenVault, case_id: int, summary: str, **kw: object) -> None:
    withheld = Source(
        name="Miss Hale", withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE
    )
    vault.entries.add(case_id, make_entry(summary=summary[:500], sharing=EVERYONE, **kw))
    vault.entries.add(case_id, make_entry(summary="Told us about the car", source=withheld))


def hidden(texts: list[str], value: str) -> bool:
    return not any(readable(t, value) for t in texts)


NOT_CHILD_NAME = tuple(
    s for s in SLUGS if s in ("strategy-meeting", "custom-youth-justice", "custom-family-friend")
)
NO_IDENTIFIERS = ("parents-carers", "child", "custom-family-friend", "custom-youth-justice")


# The classes -------------------------------------------------------------------------------
@st.composite
def accented(draw: st.DrawFn) -> tuple[str, str]:
    name = f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(LAST))}"
    which = draw(st.sampled_from([name, name.split()[0], name.split()[1]]))
    return name, draw(mention(which))


def _check_person(vault: OpenVault, folder: Path, name: str, text: str, values: list[str]) -> None:
    """A third party named in an entry: none of ``values`` readable by any audience."""
    case_id = add_case(vault)
    common_word_names(vault, case_id)
    person(vault, case_id, name)
    entry(vault, case_id, text)
    for slug, texts in export_all(vault, folder, case_id).each(SLUGS):
        for value in values:
            assert hidden(texts, value), (slug, value, text)


def check_accents(vault: OpenVault, folder: Path, name: str, text: str) -> None:
    _check_person(vault, folder, name, text, [name, *name.split()])


@st.composite
def separated(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(COMPOUND))
    return name, draw(mention(name))


def _compound_parts(name: str) -> list[str]:
    words = name.split()
    pieces = [p for w in words for p in w.split("-") if "-" in w and len(p) >= 3]
    return [w for w in (*words, *pieces) if len(skeleton(w)) >= 3 and w != "Bone"]


def check_separators(vault: OpenVault, folder: Path, name: str, text: str) -> None:
    _check_person(vault, folder, name, text, [name, *_compound_parts(name)])


# Identifiers: phone numbers, plates and handles in every common format ----------------------
@st.composite
def identifier(draw: st.DrawFn) -> tuple[LinkKind, str, str]:
    kind = draw(st.sampled_from([LinkKind.PHONE, LinkKind.VEHICLE, LinkKind.HANDLE]))
    if kind is LinkKind.PHONE:
        n = f"{draw(st.integers(0, 999)):03d}"
        registered = f"07700 900{n}"
        forms = [f"07700 900{n}", f"07700900{n}", f"+44 7700 900{n}", f"+447700900{n}",
                 f"(07700) 900 {n}", f"07700-900-{n}", f"0044 7700 900{n}",
                 f"+44 (0)7700 900{n}"]  # fmt: skip
    elif kind is LinkKind.VEHICLE:
        a, b = draw(st.sampled_from(["AB", "KX", "YD"])), draw(st.sampled_from(["CDE", "PLM"]))
        digits = f"{draw(st.integers(10, 99))}"
        registered = f"{a}{digits} {b}"
        forms = [registered, f"{a}{digits}{b}", f"{a}{digits}-{b}".lower(), f"{a} {digits} {b}"]
    else:
        handle = f"{draw(st.sampled_from(['kdog', 'slyfox', 'tnt']))}_{draw(st.integers(10, 99))}"
        registered = f"@{handle}"
        forms = [f"@{handle}", handle, handle.replace("_", " "), handle.upper()]
    shown = draw(st.sampled_from(forms))
    text = f"{draw(st.sampled_from(['Texts from', 'Seen in', 'Messaged', 'Car']))} {shown} again. "
    return kind, registered, text + ORDINARY


def check_identifier(vault: OpenVault, folder: Path, kind: LinkKind, value: str, text: str) -> None:
    case_id = add_case(vault)
    common_word_names(vault, case_id)
    vault.links.save(case_id, Linked(kind=kind, name=value))
    entry(vault, case_id, text)
    exports = export_all(vault, folder, case_id)
    for slug, texts in exports.each(NO_IDENTIFIERS):
        if kind is LinkKind.PHONE:
            digits = "".join(c for c in value if c.isdigit())
            assert not any(digits_readable(t, digits) for t in texts), (slug, text)
        else:
            assert hidden(texts, value), (slug, value, text)
    police = exports.texts["police"]  # the police see identifiers
    if kind is LinkKind.PHONE:
        assert any(digits_readable(t, "".join(c for c in value if c.isdigit())) for t in police)
    else:
        assert not hidden(police, value), text


# Lower case and short names, the child and the family ----------------------------------------
@st.composite
def short_and_lower(draw: st.DrawFn) -> tuple[str, str, str]:
    short = draw(st.sampled_from(SHORT))
    first = draw(st.sampled_from([s for s in SHORT if s != short]))
    child = f"{first} {draw(st.sampled_from([n for n in MORE_LAST if n != 'Marlow']))}"
    text = f"{draw(typed(short))} and {draw(typed(child))} and {draw(typed('Dex Marlow'))}"
    return short, child, f"{draw(st.sampled_from(FILLER))} {text} late. {ORDINARY}"


def check_short(vault: OpenVault, folder: Path, short: str, child: str, text: str) -> None:
    case_id = add_case(vault, child=child)
    common_word_names(vault, case_id)
    person(vault, case_id, f"{short} Suleiman")
    person(vault, case_id, "Dex Marlow")
    entry(vault, case_id, text)
    exports = export_all(vault, folder, case_id)
    for slug, texts in exports.each(SLUGS):
        for value in (short, "Dex Marlow", "Dex", "Marlow"):
            assert hidden(texts, value), (slug, value, text)
    for slug, texts in exports.each(NOT_CHILD_NAME):
        for value in (child, *child.split(), "Keziah Brennan"):
            assert hidden(texts, value), (slug, value, text)
    assert not hidden(exports.texts["parents-carers"], child)  # the parents see the child's name


# People of other cases -----------------------------------------------------------------------
@st.composite
def other_case(draw: st.DrawFn) -> tuple[dict[str, str], str]:
    names = {
        "child": f"{draw(st.sampled_from(FIRST))} Wiśniewski",
        "mother": "Ioana Wiśniewska",
        "third": f"Dagný {draw(st.sampled_from(MORE_LAST))}",
        "source": f"Şeyma {draw(st.sampled_from(LAST))}",
    }
    said = [draw(typed(names[k])) for k in ("child", "mother", "third", "source")]
    return names, f"{draw(st.sampled_from(FILLER))} {', '.join(said)} and friends. {ORDINARY}"


def check_other_case(vault: OpenVault, folder: Path, names: dict[str, str], text: str) -> None:
    sister = add_case(
        vault,
        child=names["child"],
        family=(FamilyMember(name=names["mother"], relationship="Mother"),),
    )
    person(vault, sister, names["third"], "an older male")
    withheld = Source(
        name=names["source"], withheld=True, withheld_reason=WithheldReason.THIRD_PARTY
    )
    vault.entries.add(sister, make_entry(source=withheld))
    case_id = add_case(vault)
    common_word_names(vault, case_id)
    entry(vault, case_id, text)
    for slug, texts in export_all(vault, folder, case_id).each(SLUGS):
        for value in names.values():
            assert hidden(texts, value), (slug, value, text)


# Places --------------------------------------------------------------------------------------
@st.composite
def place(draw: st.DrawFn) -> tuple[str, str]:
    street = " ".join(
        (
            draw(st.sampled_from(["Larch", "Kestrel", "Varga"])),
            draw(st.sampled_from(["Close", "Way"])),
        )
    )
    registered = f"{draw(st.integers(1, 99))} {street}"
    shown = draw(
        st.sampled_from(
            [registered, street, street.lower(), street.upper(), registered.replace(" ", ", ", 1)]
        )
    )
    return registered, f"Seen at {shown} last night. {ORDINARY}"


def check_place(vault: OpenVault, folder: Path, registered: str, text: str) -> None:
    case_id = add_case(vault)
    common_word_names(vault, case_id)
    vault.links.save(case_id, Linked(kind=LinkKind.PLACE, name=registered, role="a flat"))
    entry(vault, case_id, text)
    exports = export_all(vault, folder, case_id)
    street = registered.split(" ", 1)[1]
    for slug, texts in exports.each(NO_IDENTIFIERS):
        assert hidden(texts, street), (slug, text)
    assert not hidden(exports.texts["police"], street)


# Earlier spellings of a withheld source, and role labels that quote a name -----------------
@st.composite
def earlier_and_labels(draw: st.DrawFn) -> tuple[str, str, str, str]:
    before = (
        f"{draw(st.sampled_from(['Linda', 'Ngozi', 'Aoife']))} {draw(st.sampled_from(MORE_LAST))}"
    )
    after = before.replace("i", "y", 1)
    kai = f"Kai {draw(st.sampled_from(LAST))}"
    said = f"{draw(typed(before.split()[0]))} told us. {draw(typed('Leah'))} was there"
    return before, after, kai, f"{said}. {ORDINARY}"


def check_earlier(
    vault: OpenVault, folder: Path, before: str, after: str, kai: str, text: str
) -> None:
    case_id = add_case(vault)
    common_word_names(vault, case_id)
    person(vault, case_id, kai, "a young man")
    person(vault, case_id, "Leah Dunmore", "Kai's girlfriend")
    reason = WithheldReason.RISK_TO_SOURCE
    first = vault.entries.add(
        case_id, make_entry(source=Source(name=before, withheld=True, withheld_reason=reason))
    )
    draft = make_entry(source=Source(name=after, withheld=True, withheld_reason=reason))
    vault.entries.amend(first.id, draft, "Spelling of the name corrected")
    vault.entries.add(case_id, make_entry(summary=text[:500], sharing=EVERYONE))
    for slug, texts in export_all(vault, folder, case_id).each(SLUGS):
        for value in (before, before.split()[0], after, "Leah", "Kai", kai):
            assert hidden(texts, value), (slug, value, text)


# Each class, a few examples by default and many under the slow marker -----------------------
Check = Callable[..., None]
CLASSES: list[tuple[str, st.SearchStrategy[tuple[Any, ...]], Check]] = [
    ("accents and Unicode forms", accented(), check_accents),
    ("separators between parts", separated(), check_separators),
    ("identifiers in every format", identifier(), check_identifier),
    ("lower case and short names", short_and_lower(), check_short),
    ("people of other cases", other_case(), check_other_case),
    ("places", place(), check_place),
    ("earlier spellings and role labels", earlier_and_labels(), check_earlier),
]
_IDS = [c[0] for c in CLASSES]


@pytest.mark.parametrize(("name", "typing", "check"), CLASSES, ids=_IDS)
@QUICK
@given(data=st.data())
def test_protected_values_stay_unreadable(vault, tmp_path_factory, name, typing, check, data):
    check(vault, tmp_path_factory.mktemp("p"), *data.draw(typing, label=name))


@pytest.mark.slow
@pytest.mark.parametrize(("name", "typing", "check"), CLASSES, ids=_IDS)
@MANY
@given(data=st.data())
def test_protected_values_stay_unreadable_many(vault, tmp_path_factory, name, typing, check, data):
    check(vault, tmp_path_factory.mktemp("p"), *data.draw(typing, label=name))


def test_the_oracle_sees_what_it_must() -> None:
    """The oracle itself: it finds a skeleton across separators and forms, and only then."""
    assert readable("met Zoe\u00adhart there", "Zoë Hart")
    assert readable("MARY -\nJANE left", "Mary-Jane")
    assert readable("o’neil’s car", "O'Neil")
    assert not readable("J. O. left", "Jo")
    assert not readable("will page", "Will Pagett")
    assert digits_readable("ring +44 (0)7700 900123", "07700900123")
