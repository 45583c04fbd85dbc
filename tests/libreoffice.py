"""Converting a file with LibreOffice, headless, as a user's spreadsheet program would open it."""

from __future__ import annotations

import subprocess
from pathlib import Path


def convert(source: Path, to: str, outdir: Path) -> Path:
    """``source`` converted to format ``to`` ("pdf", "csv") in ``outdir``; the new file's path.

    A private LibreOffice profile beside ``outdir`` keeps runs apart and leaves the user's
    own profile alone.
    """
    profile = (outdir.parent / f"{outdir.name}-profile").as_uri()
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile}",
         "--convert-to", to, "--outdir", str(outdir), str(source)],
        capture_output=True, timeout=240, check=False,
    )  # fmt: skip
    return outdir / f"{source.stem}.{to}"
