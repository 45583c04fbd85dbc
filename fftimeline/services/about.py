"""What the About box shows: the app's version and licence, the libraries and theirs.

The names and licences are data (``resources/about/licences.toml``); versions are read from
the installed packages' metadata (which the frozen app carries too), from SQLCipher itself,
and from values the caller supplies for what only it can see (Qt's version, from the UI).
"""

from __future__ import annotations

import platform
import tomllib
from dataclasses import dataclass
from importlib import metadata

from pydantic import BaseModel, ConfigDict

from fftimeline import __version__
from fftimeline.assets import resource_path
from fftimeline.store.engine import sqlcipher_versions


class _LibraryRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    licence: str
    package: str = ""
    version_from: str = ""


class _AppRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    licence: str
    summary: str


class _LicencesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    app: _AppRow
    libraries: tuple[_LibraryRow, ...]


@dataclass(frozen=True)
class Library:
    """One library the app is built from."""

    name: str
    version: str
    licence: str


@dataclass(frozen=True)
class AboutFacts:
    """Everything the About box says."""

    name: str
    version: str
    summary: str
    licence: str
    libraries: tuple[Library, ...]


def _installed(package: str) -> str:
    if not package:
        return ""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def about_facts(supplied: dict[str, str] | None = None) -> AboutFacts:
    """The About box's facts; `supplied` gives versions only the caller knows (``qt``).

    SQLCipher's and Python's versions are read here.
    """
    with resource_path("about", "licences.toml").open("rb") as handle:
        data = _LicencesFile.model_validate(tomllib.load(handle))
    cipher, sqlite = sqlcipher_versions()
    known = {
        "python": platform.python_version(),
        "sqlcipher": f"{cipher} (SQLite {sqlite})",
        **(supplied or {}),
    }
    libraries = tuple(
        Library(
            name=row.name,
            version=known.get(row.version_from, "") or _installed(row.package),
            licence=row.licence,
        )
        for row in data.libraries
    )
    return AboutFacts(
        name=data.app.name,
        version=__version__,
        summary=data.app.summary,
        licence=data.app.licence,
        libraries=libraries,
    )
