"""The window and the tray show the shipped icon set (resources/icons/), not a drawn stand-in."""

from __future__ import annotations

from PySide6.QtGui import QImage

from app.resources import ICON_SIZES, icon_png


def test_icon_pngs_exist_for_every_size() -> None:
    for size in ICON_SIZES:
        image = QImage(str(icon_png(size)))
        assert not image.isNull(), icon_png(size)
        assert (image.width(), image.height()) == (size, size)


def test_window_icon_comes_from_the_resource(window) -> None:
    icon = window.windowIcon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert set(ICON_SIZES) <= sizes  # the drawn fallback has only 64 px
    for size in (16, 48):
        shown = (
            icon.pixmap(size, size)
            .toImage()
            .convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        )
        shipped = QImage(str(icon_png(size))).convertToFormat(
            QImage.Format.Format_ARGB32_Premultiplied
        )
        assert shown == shipped, size


def test_tray_uses_the_same_icon(qapp) -> None:
    from app.gui.tray import tray_icon

    icon = tray_icon()
    shown = icon.pixmap(32, 32).toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    assert shown == QImage(str(icon_png(32))).convertToFormat(
        QImage.Format.Format_ARGB32_Premultiplied
    )
