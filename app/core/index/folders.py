"""Watched folders: which files in them are indexed, and the folder to suggest."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_pictures_dir

from app.core import imageio


def is_indexable(path: str) -> bool:
    """An image or PDF by its extension; hidden files (a tool's temporary ones) are not."""
    name = os.path.basename(path)
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in (
        imageio.IMAGE_EXTENSIONS
    )


def list_images(folder: str) -> dict[str, tuple[int, float]]:
    """``path → (size, mtime)`` of the indexable files below ``folder`` (hidden folders
    skipped); what cannot be listed is left out (its items stay until it can)."""
    found: dict[str, tuple[int, float]] = {}
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = os.path.join(root, name)
            if not is_indexable(path):
                continue
            try:
                st = os.stat(path)
            except OSError:
                continue
            if os.path.isfile(path):
                found[path] = (st.st_size, st.st_mtime)
    return found


def owning_folder(path: str, folders: list[str]) -> str | None:
    """The watched folder that ``path`` is in (the innermost one), if any."""
    best = None
    for folder in folders:
        prefix = folder.rstrip(os.sep) + os.sep
        if path.startswith(prefix) and (best is None or len(folder) > len(best)):
            best = folder
    return best


def folder_key(raw: str | Path) -> str:
    """The absolute, resolved form under which a watched folder is kept."""
    return str(Path(raw).expanduser().resolve())


def suggested_folder() -> str:
    """The platform's Screenshots folder: ``~/Pictures/Screenshots`` (GNOME, KDE, Windows),
    on macOS the Desktop, where it saves them by default."""
    screenshots = Path(user_pictures_dir()) / "Screenshots"
    if sys.platform == "darwin" and not screenshots.is_dir():
        return str(Path.home() / "Desktop")
    return str(screenshots)
