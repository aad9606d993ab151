"""The action icons are the SVGs in resources/icons/actions, drawn at the size they are shown."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QIcon

from app.gui.icons import icon

NAMES = [
    "open", "paste", "capture", "export", "export-many", "retry", "cancel", "delete",
    "settings", "copy", "drop",
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_action_icon_is_crisp_at_every_size(qapp, name: str) -> None:
    ic = icon(name)
    assert not ic.isNull(), name
    for size in (16, 24, 48, 128):
        image = ic.pixmap(size, size).toImage()
        assert (image.width(), image.height()) == (size, size)  # rendered, not scaled up
        accent = sum(
            1
            for y in range(0, size, max(1, size // 32))
            for x in range(0, size, max(1, size // 32))
            if (c := QColor(image.pixel(x, y))).blue() > 180 and c.red() < 110
        )
        assert accent > 0, (name, size)
    disabled = ic.pixmap(24, 24, QIcon.Mode.Disabled).toImage()
    greys = {QColor(disabled.pixel(x, y)).name() for x in range(24) for y in range(24)}
    assert "#3078e6" not in greys  # the disabled look is not the accent


def test_unknown_name_is_an_empty_icon(qapp) -> None:
    assert icon("no-such-icon").isNull()
