"""The app's own small settings: last vault, when to lock, support organisations (Qt-free).

Only the vault's path and preferences live here, never anything about a case: this file
sits unencrypted in the user's config folder. A damaged file is ignored, not fatal.

Plain standard library on purpose (no pydantic): the settings are read before the welcome
screen is drawn, and loading pydantic's model machinery would add a tenth of a second to every
start (see bench/startup_bench.py). Each field is checked by `_FIELDS`; a file with any value
out of bounds gives the defaults, as a damaged file does.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from fftimeline.domain.support import SupportOrganisation


def _text(limit: int) -> Callable[[object], bool]:
    return lambda value: isinstance(value, str) and len(value) <= limit


_SUPPORT_KEYS = {"name": 200, "helps_with": 1000, "phone": 100, "website": 300}


def _support_ok(value: object) -> bool:
    """A list of organisations as plain objects: each with a name, every text not too long."""
    if not isinstance(value, tuple | list) or len(value) > 100:
        return False
    return all(
        isinstance(org, dict)
        and org.get("name")
        and all(k in _SUPPORT_KEYS and _text(_SUPPORT_KEYS[k])(v) for k, v in org.items())
        for org in value
    )


_FIELDS: dict[str, Callable[[object], bool]] = {
    "last_vault_path": lambda v: v is None or (isinstance(v, str) and len(v) <= 4096),
    "idle_lock_minutes": lambda v: type(v) is int and 1 <= v <= 240,
    "hide_names": lambda v: type(v) is bool,
    "language": _text(20),
    "main_window_geometry": _text(2000),
    "backup_folders": lambda v: (
        isinstance(v, dict)
        and len(v) <= 100
        and all(isinstance(k, str) and isinstance(f, str) for k, f in v.items())
    ),
    "support": lambda v: v is None or _support_ok(v),
}
"""What each setting may hold."""


@dataclass(frozen=True)
class AppSettings:
    """Settings kept between runs.

    Attributes:
        last_vault_path: the vault opened last (its path only), offered on the unlock screen.
        idle_lock_minutes: lock after this many minutes without mouse or keyboard use (1-240).
        hide_names: show initials instead of children's names (working in public places).
        language: the interface language ("cy", "en"); empty for the computer's language.
        main_window_geometry: the main window's last size and place (Qt's saved geometry).
        backup_folders: the backup folder chosen for each vault (paths only), so backups can
            be found from the unlock screen even when the vault itself will not open.
        support: the organisations printed under "Where to get support" on the family's
            timeline, as plain objects (name, helps_with, phone, website); None until the
            key worker edits them, when the shipped example is used.
    """

    last_vault_path: str | None = None
    idle_lock_minutes: int = 5
    hide_names: bool = False
    language: str = ""
    main_window_geometry: str = ""
    backup_folders: dict[str, str] = dataclasses.field(default_factory=dict)
    support: tuple[dict[str, str], ...] | None = None

    def __post_init__(self) -> None:
        support: object = self.support
        if isinstance(support, list):  # as JSON gives it back
            object.__setattr__(self, "support", tuple(support))
        for name, valid in _FIELDS.items():
            if not valid(getattr(self, name)):
                raise ValueError(f"The setting {name} is out of bounds.")

    @classmethod
    def model_validate(cls, data: object) -> Self:
        """Settings from parsed JSON; unknown keys (from a newer version) are ignored.

        Raises:
            ValueError: not an object, or a value out of bounds.
        """
        if not isinstance(data, dict):
            raise ValueError("The settings file does not hold settings.")
        return cls(**{k: v for k, v in data.items() if k in _FIELDS})

    def model_copy(self, *, update: dict[str, Any]) -> Self:
        """A copy with some settings changed (checked like the rest)."""
        return dataclasses.replace(self, **update)

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """The settings as JSON text."""
        return json.dumps(dataclasses.asdict(self), indent=indent)

    def support_list(self) -> tuple[SupportOrganisation, ...]:
        """The key worker's support organisations, or the shipped example."""
        if self.support is None:
            return example_support()
        from fftimeline.domain.support import SupportOrganisation

        return tuple(SupportOrganisation(**org) for org in self.support)


def example_support() -> tuple[SupportOrganisation, ...]:
    """The example list of support organisations shipped in ``resources/support/``."""
    from fftimeline.assets import resource_path

    return read_support_file(resource_path("support", "organisations.toml"))


def read_support_file(path: Path) -> tuple[SupportOrganisation, ...]:
    """A list of support organisations from a TOML file like the shipped example.

    pydantic is loaded here, when a list is needed, not when the settings are read at
    start-up.

    Raises:
        SupportListUnreadable: the file is not such a list.
        OSError: the file cannot be read.
    """
    from fftimeline.domain.support import parse_support_list

    return parse_support_list(path.read_text(encoding="utf-8"))


def load_settings(path: Path) -> AppSettings:
    """Read settings from ``path``; missing or damaged files give the defaults."""
    try:
        return AppSettings.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return AppSettings()


def save_settings(path: Path, settings: AppSettings) -> None:
    """Write settings atomically (write a sibling file, then replace), creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".new")
    partial.write_text(settings.model_dump_json(indent=2), encoding="utf-8")
    os.replace(partial, path)
