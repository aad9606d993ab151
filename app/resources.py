"""Files shipped with the app (the icon set): found next to the sources when run from a checkout,
or inside the bundle when frozen by PyInstaller (the spec copies ``resources/`` there)."""

from __future__ import annotations

import sys
from pathlib import Path

ICON_NAME = "imagehq-ocr"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def resources_dir() -> Path:
    """The folder holding ``icons/``: the bundle's copy when frozen, else the checkout's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def icon_png(size: int) -> Path:
    """The app icon rendered at size x size pixels (one of ICON_SIZES)."""
    return resources_dir() / "icons" / f"{ICON_NAME}-{size}.png"


def icon_pngs() -> dict[int, Path]:
    """The app icon's PNG renderings that exist, by size."""
    return {size: path for size in ICON_SIZES if (path := icon_png(size)).is_file()}
