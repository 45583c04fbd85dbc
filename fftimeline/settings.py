"""The app's own small settings: which vault was used last and when to lock (Qt-free).

Only the vault's path and preferences live here, never anything about a case: this file
sits unencrypted in the user's config folder. A damaged file is ignored, not fatal.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class AppSettings(BaseModel):
    """Settings kept between runs.

    Attributes:
        last_vault_path: the vault opened last (its path only), offered on the unlock screen.
        idle_lock_minutes: lock after this many minutes without mouse or keyboard use.
        hide_names: show initials instead of children's names (working in public places).
        backup_folders: the backup folder chosen for each vault (paths only), so backups can
            be found from the unlock screen even when the vault itself will not open.
    """

    model_config = ConfigDict(extra="ignore")

    last_vault_path: str | None = None
    idle_lock_minutes: int = Field(default=5, ge=1, le=240)
    hide_names: bool = False
    backup_folders: dict[str, str] = Field(default_factory=dict)


def load_settings(path: Path) -> AppSettings:
    """Read settings from ``path``; missing or damaged files give the defaults."""
    try:
        return AppSettings.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError):
        return AppSettings()


def save_settings(path: Path, settings: AppSettings) -> None:
    """Write settings atomically (write a sibling file, then replace), creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".new")
    partial.write_text(settings.model_dump_json(indent=2), encoding="utf-8")
    os.replace(partial, path)
