"""Dark mode: a ticked checkbox shows a tick, not a plain filled square (issue 9, defect 11)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton

from app.gui.theme import apply_theme


@pytest.fixture
def dark(qapp) -> Iterator[QApplication]:
    assert apply_theme(qapp, "dark")
    yield qapp
    apply_theme(qapp, "light")


def indicator_pixels(box: QCheckBox) -> list[QColor]:
    """The colours inside the check indicator (its border left out)."""
    box.resize(box.sizeHint())
    image = box.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    opt = QStyleOptionButton()
    box.initStyleOption(opt)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box)
    inner = rect.adjusted(3, 3, -3, -3)
    ratio = image.width() / box.width()
    return [
        image.pixelColor(int(x * ratio), int(y * ratio))
        for x in range(inner.left(), inner.right() + 1)
        for y in range(inner.top(), inner.bottom() + 1)
    ]


def spread(colours: list[QColor]) -> int:
    lightness = [c.lightness() for c in colours]
    return max(lightness) - min(lightness)


def test_a_ticked_checkbox_shows_a_tick_in_dark_mode(qtbot, dark) -> None:
    ticked, empty = QCheckBox("Words"), QCheckBox("Lines")
    for box in (ticked, empty):
        qtbot.addWidget(box)
    ticked.setChecked(True)
    ticked_px, empty_px = indicator_pixels(ticked), indicator_pixels(empty)
    assert spread(empty_px) < 40  # an empty box is one colour inside
    # A tick: light strokes on the indicator's fill, not one uniform colour.
    assert spread(ticked_px) > 100
    # and it reads as ticked: clearly different from the empty box.
    assert (
        abs(
            sum(c.lightness() for c in ticked_px) / len(ticked_px)
            - sum(c.lightness() for c in empty_px) / len(empty_px)
        )
        > 20
    )
