"""The Qt-free layers really are Qt-free: they import with PySide6 blocked."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_IMPORTS_SQLCIPHER = re.compile(r"^\s*(import|from)\s+sqlcipher3", re.MULTILINE)
QT_FREE = ("domain", "store", "services", "export", "redaction", "imports", "language", "cli")

_SCRIPT = """
import importlib, pkgutil, sys
sys.modules["PySide6"] = None
sys.modules["shiboken6"] = None
import fftimeline
names = []
for package in {packages!r}:
    try:
        module = importlib.import_module("fftimeline." + package)
    except ModuleNotFoundError as exc:
        if exc.name == "fftimeline." + package:
            continue
        raise
    names.append(module.__name__)
    for info in pkgutil.walk_packages(module.__path__, module.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
assert not any(m == "PySide6" or m.startswith("PySide6.") for m in sys.modules if sys.modules[m])
print(len(names))
"""


def test_qt_free_layers_import_without_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT.format(packages=QT_FREE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert int(result.stdout.strip()) >= len(QT_FREE)


def test_only_the_store_imports_sqlcipher() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "fftimeline").rglob("*.py")
        if _IMPORTS_SQLCIPHER.search(p.read_text(encoding="utf-8"))
        and (ROOT / "fftimeline" / "store") not in p.parents
    ]
    assert offenders == []


def test_every_package_is_listed_for_the_wheel() -> None:
    """pyproject lists packages by hand (resources/ is mapped in): a new one must be added."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "fftimeline").rglob("__init__.py")
    }
    assert on_disk <= listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}"
    assert "fftimeline.resources" in listed


_NO_QT_SCRIPT = """
import sys
from fftimeline.cli import main
code = main({argv!r})
loaded = sorted(m for m in sys.modules if m == "PySide6" or m.startswith("PySide6."))
print(code, len(loaded))
"""


def test_commands_other_than_a_pdf_export_load_no_qt(tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text("correct horse battery staple 42\n")
    vault = str(tmp_path / "work.fft")
    for argv in (
        ["--version"],
        ["init", vault, "--passphrase-file", str(secret)],
        ["check", vault, "--passphrase-file", str(secret)],
        ["cases", vault, "--passphrase-file", str(secret)],
    ):
        done = subprocess.run(
            [sys.executable, "-c", _NO_QT_SCRIPT.format(argv=argv)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        code, loaded = done.stdout.split()[-2:]
        assert loaded == "0", f"{argv[0]} loaded Qt"
        assert code == "0" or argv == ["--version"], done.stderr


def test_printing_never_imports_qt_widgets() -> None:
    """fftimeline.printing draws with QtGui only, so the command line needs no widgets."""
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "fftimeline" / "printing").rglob("*.py")
        if re.search(
            r"^\s*(from|import)\s+PySide6(\.QtWidgets|\s+import.*QtWidgets)",
            p.read_text(encoding="utf-8"),
            re.MULTILINE,
        )
    ]
    assert offenders == []
