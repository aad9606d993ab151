"""Renders the app icon set from its SVG master: PNGs (16..512), a multi-size .ico (Windows) and
an .icns (macOS), all in resources/icons/. Run after editing the SVG and commit the results
(installers take the files as they are):

    .venv/bin/python packaging/make_icons.py

Rendering is Qt's own SVG renderer (QtSvg, part of PySide6-Essentials); ICO and ICNS are written
by Pillow.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
MASTER = ICONS / "imagehq-ocr.svg"
NAME = "imagehq-ocr"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The master at size x size pixels, as a Pillow RGBA image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return Image.open(io.BytesIO(bytes(buf.data().data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(MASTER))
    if not renderer.isValid():
        print(f"cannot read {MASTER}", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in (*PNG_SIZES, 1024)}
    for size in PNG_SIZES:
        images[size].save(ICONS / f"{NAME}-{size}.png", optimize=True)
    ico = [images[s] for s in ICO_SIZES]
    ico[-1].save(ICONS / f"{NAME}.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=ico[:-1])
    icns_sizes = (16, 32, 64, 128, 256, 512)
    images[1024].save(ICONS / f"{NAME}.icns", append_images=[images[s] for s in icns_sizes])
    del app
    print(f"wrote {len(PNG_SIZES)} PNGs, {NAME}.ico and {NAME}.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
