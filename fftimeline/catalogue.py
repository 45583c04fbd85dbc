"""The Qt-free message catalogue: domain labels, exported words and dates in the chosen language.

The interface translates its own words with Qt's ``tr()`` and ``.qm`` files. The layers below
it (domain, export, services, the command line) cannot use Qt, so their user-visible words go
through this small catalogue instead: `gettext` looks an English phrase up in
``resources/translations/<language>.toml``, and `Labels` is a read-only mapping whose values
(the domain's labels, e.g. ``KIND_LABELS``) come out in the chosen language. Month names and
the date phrases ("around {date}") are in the same file, so exported dates follow the language.

English is the source language: an English phrase with no translation is shown as it is, so a
partial translation never hides anything. `set_language` is called once at start-up by the app
(from the user's language or the setting); the command line stays in English unless it is
told otherwise. See docs/translating.md.

This module sits with `assets` at the bottom of the layers: every layer may use it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

from fftimeline.assets import MissingResource, resource_path

K = TypeVar("K")

SOURCE_LANGUAGE = "en"

_ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

_state: dict[str, object] = {"language": SOURCE_LANGUAGE, "messages": {}, "months": ()}


def set_language(language: str) -> str:
    """Use `language` ("cy", "en") from now on; returns the language actually in use.

    A language with no catalogue file falls back to English.
    """
    code = (language or SOURCE_LANGUAGE).split("_")[0].split("-")[0].lower()
    messages: dict[str, str] = {}
    months: tuple[str, ...] = ()
    if code != SOURCE_LANGUAGE:
        import tomllib  # only when a translation is used

        try:
            with resource_path("translations", f"{code}.toml").open("rb") as handle:
                data = tomllib.load(handle)
        except (MissingResource, tomllib.TOMLDecodeError):
            code = SOURCE_LANGUAGE
        else:
            messages = {str(k): str(v) for k, v in data.get("messages", {}).items() if v}
            months = tuple(str(m) for m in data.get("months", ()))
    _state.update(language=code, messages=messages, months=months if len(months) == 12 else ())
    return code


def language() -> str:
    """The language in use ("en" unless `set_language` chose another)."""
    return str(_state["language"])


def gettext(text: str) -> str:
    """`text` (English) in the language in use, or unchanged when it has no translation."""
    messages = _state["messages"]
    assert isinstance(messages, dict)
    return str(messages.get(text, text))


def month_name(month: int) -> str:
    """The name of month 1-12 in the language in use."""
    months = _state["months"]
    assert isinstance(months, tuple)
    return str(months[month - 1]) if months else _ENGLISH_MONTHS[month - 1]


class Labels(Mapping[K, str]):
    """A read-only mapping from a domain value to its label, translated on every look-up.

    Written in English where the value is defined (``KIND_LABELS = Labels({...})``); code
    that shows a label needs no change to show it in the user's language.
    """

    def __init__(self, english: Mapping[K, str]) -> None:
        self._english = dict(english)

    def __getitem__(self, key: K) -> str:
        return gettext(self._english[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self._english)

    def __len__(self) -> int:
        return len(self._english)

    def english(self, key: K) -> str:
        """The label in English, whatever the language in use (for stable file formats)."""
        return self._english[key]
