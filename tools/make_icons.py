"""Render the app icon (resources/icons/fftimeline.svg) into the files installers need.

Run after changing the SVG: `QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py`.
Writes fftimeline.png (512 px, Linux .desktop and window), fftimeline.ico (Windows exe and
installer, 16-256 px) and fftimeline.icns (macOS .app) beside the SVG, with Qt's own image
writers, so no image tool is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(svg: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    svg.render(painter)
    painter.end()
    return image


def write(image: QImage, path: Path, fmt: str) -> None:
    writer = QImageWriter(str(path), fmt.encode())
    if not writer.write(image):
        raise SystemExit(f"could not write {path}: {writer.errorString()}")


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_ico(svg: QSvgRenderer, path: Path, sizes: tuple[int, ...]) -> None:
    """An .ico holding one PNG per size (Windows picks the size it needs)."""
    blobs = [png_bytes(render(svg, size)) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries = b""
    for size, blob in zip(sizes, blobs, strict=True):
        side = size % 256  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    QGuiApplication(sys.argv[:1])
    svg = QSvgRenderer(str(ICONS / "fftimeline.svg"))
    if not svg.isValid():
        raise SystemExit("the SVG icon could not be read")
    write(render(svg, 512), ICONS / "fftimeline.png", "png")
    write_ico(svg, ICONS / "fftimeline.ico", (16, 24, 32, 48, 64, 128, 256))
    write(render(svg, 512), ICONS / "fftimeline.icns", "icns")
    for path in sorted(ICONS.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
