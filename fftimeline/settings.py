"""The app's own small settings: which vault was used last and when to lock (Qt-free).

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
from typing import Any, Self


def _text(limit: int) -> Callable[[object], bool]:
    return lambda value: isinstance(value, str) and len(value) <= limit


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
    """

    last_vault_path: str | None = None
    idle_lock_minutes: int = 5
    hide_names: bool = False
    language: str = ""
    main_window_geometry: str = ""
    backup_folders: dict[str, str] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
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
