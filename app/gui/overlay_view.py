"""Layout-overlay preview: the image with word, line and block boxes coloured by confidence.

Wheel zooms (around the cursor), Ctrl+0 fits, Ctrl+1 shows 100 %, the middle button or
Space+drag pans, a left-drag rubber band selects words. Hovering a word shows its text and
confidence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from app.core.model import BBox, Page
from app.gui.fit import fit_scale

WORD, LINE, BLOCK = "word", "line", "block"
INDEX_KEY = 0


def _rect(b: BBox) -> QRectF:
    return QRectF(b[0], b[1], max(1, b[2] - b[0]), max(1, b[3] - b[1]))


_STYLES: dict[str, tuple[QPen, QBrush]] = {}


def _style(key: str, color: QColor, width: float, alpha: int) -> tuple[QPen, QBrush]:
    """Shared pens and brushes: thousands of boxes, a handful of styles."""
    if key not in _STYLES:
        pen = QPen(color, width)
        pen.setCosmetic(True)
        fill = QColor(color)
        fill.setAlpha(alpha)
        _STYLES[key] = (pen, QBrush(fill))
    return _STYLES[key]


def confidence_hex(conf: float) -> str:
    """The legend colour of a confidence (as confidence_color, without making a QColor)."""
    if conf >= 0.85:
        return "#2ea043"
    if conf >= 0.6:
        return "#db9600"
    return "#d63434"


HIT_COLOR = QColor(255, 225, 0)  # search hits, image and text pane (not the 60–85 % amber)


class WordItem(QGraphicsRectItem):
    """One word's box: selectable, with a tooltip. It paints nothing itself
    (ItemHasNoContents): the view draws all boxes in one pass, grouped by style, so pages with
    thousands of words stay fast."""

    def __init__(self, index: int, text: str, conf: float, bbox: BBox) -> None:
        self.box = _rect(bbox)
        super().__init__(self.box)
        self.index, self.text, self.conf = index, text, conf
        self.low = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setToolTip(f"{text}\n{conf * 100:.0f} %")
        self.setZValue(3)


class OverlayView(QGraphicsView):
    """Shows one page; ``selection_changed(list[int])`` gives the selected word indices."""

    selection_changed = Signal(list)
    zoom_changed = Signal(float)
    copy_requested = Signal()
    region_changed = Signal()  # the dragged rectangle (``region()``) changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Image with recognised boxes"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QColor(128, 128, 128, 40))  # the page stands out from the canvas
        self._pixmap_item: QGraphicsPixmapItem | None = None
        self.words: list[WordItem] = []
        self.codes: list[QGraphicsItem] = []  # barcode frames and labels
        self.lines: list[QGraphicsRectItem] = []
        self.blocks: list[QGraphicsRectItem] = []
        self._visible = {WORD: True, LINE: False, BLOCK: False}
        self._flags = {"words": True}
        self._selected: set[int] = set()
        self._hits: set[int] = set()  # words matching the search box's query
        self._threshold = 0.0
        self._fit = True
        self._pan_from: QPointF | None = None
        self._space = False
        self._quiet = False
        self.scene().selectionChanged.connect(self._on_selection)
        self._region: QRectF | None = None  # the last dragged rectangle, image pixels
        self._band: QRectF | None = None
        self.rubberBandChanged.connect(self._on_band)

    # -- content ---------------------------------------------------------------------------
    def clear_page(self) -> None:
        self._set_region(None)
        self._selected = set()
        self._hits = set()
        self.scene().clear()
        self._pixmap_item = None
        self.words, self.lines, self.blocks = [], [], []
        self.codes = []

    def set_page(self, pixmap: QPixmap | None, page: Page | None) -> None:
        self._quiet = True
        self.clear_page()
        scene = self.scene()
        if pixmap is not None and not pixmap.isNull():
            self._pixmap_item = scene.addPixmap(pixmap)
            self._pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            self._pixmap_item.setZValue(0)
            shadow = scene.addRect(
                QRectF(pixmap.rect()).translated(3, 3),
                QPen(Qt.PenStyle.NoPen),
                QBrush(QColor(0, 0, 0, 50)),
            )
            shadow.setZValue(-1)
            rect = QRectF(pixmap.rect())
        elif page is not None:
            rect = QRectF(0, 0, page.width, page.height)
        else:
            rect = QRectF(0, 0, 1, 1)
        if page is not None:
            for i, word in enumerate(page.words()):
                item = WordItem(i, word.text, word.confidence, word.bbox)
                scene.addItem(item)
                self.words.append(item)
            for line in page.lines():
                self.lines.append(self._frame(line.bbox, QColor(0, 150, 200), 2))
            for block in page.blocks:
                self.blocks.append(self._frame(block.bbox, QColor(150, 80, 220), 1))
        scene.setSceneRect(rect.adjusted(-10, -10, 10, 10))
        self._apply_visibility()
        self._apply_threshold()
        self._quiet = False
        if pixmap is None and page is None:
            self.resetTransform()  # nothing to show: no zoom to speak of
            self.zoom_changed.emit(0.0)
        else:
            self.fit()

    def set_barcodes(self, codes: list[tuple[BBox, str]]) -> None:
        """Barcodes and QR codes of the page: a teal frame each, with its format above it and
        its text as the tooltip."""
        scene = self.scene()
        for item in self.codes:
            scene.removeItem(item)
        self.codes = []
        color = QColor(0, 150, 136)
        for bbox, text in codes:
            frame = self._frame(bbox, color, 4)
            pen = QPen(color, 2.5)
            pen.setCosmetic(True)
            frame.setPen(pen)
            frame.setToolTip(text)
            label = scene.addSimpleText(text.split(":", 1)[0])
            label.setBrush(color)
            # as large on screen at every zoom, just above the frame's top left corner
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setPos(bbox[0] - 2, bbox[1] - 2)
            label.setTransform(QTransform().translate(0, -label.boundingRect().height()))
            label.setZValue(4)
            label.setToolTip(text)
            self.codes += [frame, label]

    def _frame(self, bbox: BBox, color: QColor, z: int) -> QGraphicsRectItem:
        pen = QPen(color, 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        item = self.scene().addRect(_rect(bbox).adjusted(-2, -2, 2, 2), pen)
        item.setZValue(z)
        return item

    def set_level_visible(self, level: str, visible: bool) -> None:
        self._visible[level] = visible
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        self._flags["words"] = self._visible[WORD]
        for item in self.lines:
            item.setVisible(self._visible[LINE])
        for item in self.blocks:
            item.setVisible(self._visible[BLOCK])
        self.scene().update()

    def set_threshold(self, value: float) -> None:
        """Words below ``value`` (0..1) are highlighted."""
        self._threshold = value
        self._apply_threshold()

    def _apply_threshold(self) -> None:
        for w in self.words:
            w.low = w.conf < self._threshold
        self.scene().update()

    def low_confidence_count(self) -> int:
        return sum(1 for w in self.words if w.low)

    # -- region (a dragged rectangle, for "Recognise selection") -----------------------------
    def region(self) -> QRectF | None:
        """The last rectangle dragged on the image, clipped to it, in image pixels."""
        return self._region

    def _set_region(self, rect: QRectF | None) -> None:
        if rect != self._region:
            self._region = rect
            self.region_changed.emit()
            self.viewport().update()

    def _on_band(self, viewport_rect: Any, from_scene: QPointF, to_scene: QPointF) -> None:
        if viewport_rect.isNull():  # the drag ended: keep what it covered of the image
            band, self._band = self._band, None
            if band is not None and self._pixmap_item is not None:
                clipped = band.intersected(self._pixmap_item.boundingRect())
                big = clipped.width() >= 4 and clipped.height() >= 4
                self._set_region(clipped if big else None)
            return
        # The scene points lag one move behind; the viewport rectangle is current.
        self._band = self.mapToScene(viewport_rect).boundingRect()

    def set_hits(self, indices: list[int]) -> None:
        """Marks these words as search hits (drawn in amber unless selected)."""
        self._hits = set(indices)
        self.viewport().update()

    def hit_indices(self) -> list[int]:
        return sorted(self._hits)

    # -- selection -------------------------------------------------------------------------
    def selected_indices(self) -> list[int]:
        return sorted(self._selected)

    def _sync_selected(self) -> None:
        self._selected = {
            item.index for item in self.scene().selectedItems() if isinstance(item, WordItem)
        }
        self.viewport().update()

    def select_words(self, indices: list[int], ensure_visible: bool = True) -> None:
        """Selects these words (from the text pane) without echoing the change back."""
        wanted = set(indices)
        self._quiet = True
        for w in self.words:
            w.setSelected(w.index in wanted)
        self._quiet = False
        self._sync_selected()
        if ensure_visible and wanted:
            rect = QRectF()
            for w in self.words:
                if w.index in wanted:
                    rect = rect.united(w.sceneBoundingRect())
            self.ensureVisible(rect, 40, 40)

    def _on_selection(self) -> None:
        if self._quiet:
            return
        self._sync_selected()
        self.selection_changed.emit(self.selected_indices())

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # type: ignore[override]
        """All word boxes in one pass: one drawRects call per style."""
        if not self.words:
            self._draw_region(painter)
            return
        show = self._flags["words"]
        groups: dict[str, list[QRectF]] = {}
        for w in self.words:
            if not w.box.intersects(rect):
                continue
            if w.index in self._selected:
                key = "selected"
            elif w.index in self._hits:
                key = "hit"
            elif w.low:
                key = "low"
            elif show:
                key = confidence_hex(w.conf)
            else:
                continue
            groups.setdefault(key, []).append(w.box)
        for key, rects in groups.items():
            if key == "selected":
                pen, brush = _style(key, QColor(48, 120, 230), 2.5, 110)
            elif key == "hit":
                pen, brush = _style(key, HIT_COLOR, 2.5, 120)
            elif key == "low":
                pen, brush = _style(key, QColor(214, 52, 52), 2.5, 90)
            else:
                pen, brush = _style(key, QColor(key), 1.2, 16)
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawRects(rects)
        self._draw_region(painter)

    def _draw_region(self, painter: QPainter) -> None:
        if self._region is not None:
            pen = QPen(QColor(48, 120, 230), 1.5, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._region)

    # -- zoom and pan ----------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        self._fit = True
        if not self.words and self._pixmap_item is None:
            return
        rect, view = self.sceneRect(), self.viewport().rect()
        scale, width_only = fit_scale(
            rect.width(),
            rect.height(),
            view.width(),
            view.height(),
            self.verticalScrollBar().sizeHint().width(),
        )
        if width_only:  # a tall page: its width, from the top
            self.resetTransform()
            self.scale(scale, scale)
            self.centerOn(rect.center().x(), rect.top() + view.height() / (2 * scale))
        else:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom())

    def actual_size(self) -> None:
        self._fit = False
        self.resetTransform()
        self.zoom_changed.emit(1.0)

    def zoom_by(self, factor: float) -> None:
        current = self.zoom()
        factor = max(0.05, min(16.0, current * factor)) / current
        self._fit = False
        self.scale(factor, factor)
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(1.0015**delta)
        event.accept()

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._fit:
            self.fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.scene().clearSelection()
            self._set_region(None)
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_words([w.index for w in self.words], ensure_visible=False)
            self.selection_changed.emit(self.selected_indices())
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            return
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
            return
        if event.key() == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - int(delta.x()))
            v.setValue(v.value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
