"""Where the app's data files are: icons, wording rules, translations, the demo story.

They live in the top-level ``resources/`` folder of the source tree (data, not code), and
the same folder travels with every kind of install:

- from the source tree or an editable install: ``<repo>/resources``;
- from a wheel: ``fftimeline/resources`` inside the installed package (pyproject maps it);
- from the frozen app: ``resources`` inside PyInstaller's bundle folder (the spec adds it).

This module is the one place that knows those three; everything else asks `resource_path`.
It imports nothing of fftimeline, so every layer may use it.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent


class MissingResource(FileNotFoundError):
    """A data file the app ships with is not there: the install is incomplete."""


def resource_roots() -> list[Path]:
    """The folders that may hold the resources, most specific first."""
    roots: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / "resources")
    roots += [_HERE / "resources", _HERE.parent / "resources"]
    return roots


def resources_root() -> Path:
    """The resources folder of this install."""
    for root in resource_roots():
        if root.is_dir():
            return root
    raise MissingResource("The app's resources folder is missing. Reinstall fftimeline.")


def resource_path(*parts: str) -> Path:
    """The path of one shipped data file, e.g. ``resource_path("language", "en-GB.toml")``.

    Raises:
        MissingResource: the file is not in this install.
    """
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise MissingResource(f"A file the app needs is missing ({'/'.join(parts)}).")
    return path
