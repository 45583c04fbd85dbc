"""The app's own small settings: last vault, when to lock, support organisations (Qt-free).

Only the vault's path and preferences live here, never anything about a case: this file
sits unencrypted in the user's config folder. A damaged file is ignored, not fatal.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fftimeline.assets import resource_path
from fftimeline.domain.support import SupportOrganisation, parse_support_list


class AppSettings(BaseModel):
    """Settings kept between runs.

    Attributes:
        last_vault_path: the vault opened last (its path only), offered on the unlock screen.
        idle_lock_minutes: lock after this many minutes without mouse or keyboard use.
        hide_names: show initials instead of children's names (working in public places).
        support: the organisations printed under "Where to get support" on the family's
            timeline; None until the key worker edits them (the shipped example is used).
    """

    model_config = ConfigDict(extra="ignore")

    last_vault_path: str | None = None
    idle_lock_minutes: int = Field(default=5, ge=1, le=240)
    hide_names: bool = False
    support: tuple[SupportOrganisation, ...] | None = None

    def support_list(self) -> tuple[SupportOrganisation, ...]:
        """The key worker's support organisations, or the shipped example."""
        return example_support() if self.support is None else self.support


def example_support() -> tuple[SupportOrganisation, ...]:
    """The example list of support organisations shipped in ``resources/support/``."""
    return parse_support_list(
        resource_path("support", "organisations.toml").read_text(encoding="utf-8")
    )


def read_support_file(path: Path) -> tuple[SupportOrganisation, ...]:
    """A list of support organisations from a TOML file like the shipped example.

    Raises:
        SupportListUnreadable: the file is not such a list.
        OSError: the file cannot be read.
    """
    return parse_support_list(path.read_text(encoding="utf-8"))


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
