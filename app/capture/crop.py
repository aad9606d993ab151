"""Cutting a region out of a snapshot (the Qt side of geometry.plan_crop)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect
from PySide6.QtGui import QColor, QImage, QPainter

from app.capture.geometry import Rect, plan_crop
from app.capture.screenshot import Snapshot


def crop(snapshot: Snapshot, region: Rect) -> QImage:
    """The pixels of the logical ``region`` (ValueError when it touches no screen)."""
    plan = plan_crop(region, snapshot.infos)
    if plan.single:
        piece = plan.pieces[0]
        s = piece.source
        return snapshot.screens[piece.screen].image.copy(QRect(s.x, s.y, s.w, s.h))
    out = QImage(plan.width, plan.height, QImage.Format.Format_RGB32)
    out.fill(QColor("white"))
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    for piece in plan.pieces:
        s, t = piece.source, piece.target
        painter.drawImage(
            QRect(t.x, t.y, t.w, t.h),
            snapshot.screens[piece.screen].image,
            QRect(s.x, s.y, s.w, s.h),
        )
    painter.end()
    return out


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    # Fast zlib level: the PNG is handed straight to the engine.
    image.convertToFormat(QImage.Format.Format_RGB888).save(buf, "PNG", 90)  # type: ignore[call-overload]
    buf.close()
    return bytes(data.data())
