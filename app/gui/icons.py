"""Icons: the action icons are SVGs (resources/icons/actions/, one line-icon set in the accent
colour, legible on light and dark themes), rendered by Qt's SVG icon engine at whatever size
and scale they are shown, so they are crisp at 100 % and at 250 %; the disabled look is Qt's.
The app icon is the shipped icon set (resources/icons/, rendered from its SVG master)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from app.resources import ICON_NAME, icon_pngs, resources_dir

_cache: dict[str, QIcon] = {}


def app_icon() -> QIcon:
    """The app icon from the shipped PNGs (16..512 px), else its SVG master."""
    if "app" not in _cache:
        result = QIcon()
        for size, path in icon_pngs().items():
            result.addFile(str(path), QSize(size, size))
        if result.isNull():
            result = QIcon(str(resources_dir() / "icons" / f"{ICON_NAME}.svg"))
        _cache["app"] = result
    return _cache["app"]


def icon(name: str) -> QIcon:
    """An icon by role name (open, paste, capture, export, export-many, retry, cancel, delete,
    settings, copy, drop, app); an empty icon for unknown names."""
    if name == "app":
        return app_icon()
    if name not in _cache:
        path = resources_dir() / "icons" / "actions" / f"{name}.svg"
        _cache[name] = QIcon(str(path)) if path.is_file() else QIcon()
    return _cache[name]
