r"""Advice on where a vault file is kept (services layer, Qt-free, any operating system).

A vault belongs in the key worker's own Documents folder on their own laptop: there the
operating system protects it (on Windows, the user profile's access list lets only that user
and administrators in; on macOS and Linux the home folder's permissions do the same, and the
app also makes the file readable by its owner only). A shared or network drive lets others
copy the file; a folder that syncs to the internet puts a copy on someone else's computers.
The file is encrypted either way, but a copy elsewhere can be attacked at leisure and cannot
be deleted when the case closes.

`place_warning` spots those places from the path alone (no disk or network access), for
Windows paths (``C:\Users\Siân\OneDrive\…``, ``\\server\share\…``, mapped drives are
not detectable from the name) as well as macOS and Linux ones.
"""

from __future__ import annotations

import re
from pathlib import PurePath, PurePosixPath, PureWindowsPath

SYNCED = (
    "onedrive",
    "dropbox",
    "icloud drive",
    "icloud",
    "mobile documents",
    "google drive",
    "googledrive",
    "my drive",
    "box",
    "box sync",
    "nextcloud",
    "owncloud",
    "sharepoint",
    "pcloud drive",
)
"""Folder names (compared in lower case, and as a prefix such as 'OneDrive - Council')."""

_WINDOWS = re.compile(r"^([a-zA-Z]:[\\/]|\\\\)")


def as_path(text: str) -> PurePath:
    """A path written on any system: Windows-style when it looks like one, else POSIX."""
    return PureWindowsPath(text) if _WINDOWS.match(text) else PurePosixPath(text)


def place_warning(path: str | PurePath) -> str:
    """A plain-words warning when `path` looks shared or synced; empty when it looks fine."""
    pure = as_path(str(path)) if not isinstance(path, PurePath) else path
    text = str(pure)
    if text.startswith(("\\\\", "//")) or str(pure.drive).startswith("\\\\"):
        return (
            "This is a shared network folder: other people may be able to copy the vault. "
            "Keep it in your own Documents folder on this computer."
        )
    for folder in pure.parts[:-1]:
        name = folder.lower()
        if any(name == s or name.startswith((s + " -", s + "-")) for s in SYNCED):
            return (
                f"The folder '{folder}' looks like one that copies its files to the internet. "
                "Keep the vault in a folder that stays on this computer."
            )
    return ""
