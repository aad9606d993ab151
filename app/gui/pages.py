"""The pages of a multi-page result (PDF, multi-page TIFF): a switcher for the result view and
the page's image, rendered as the engine saw it (so the word boxes fit)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from app.core import documents, imageio
from app.core.errors import OcrError


def page_image(path: Path, index: int, max_pixels: int = imageio.MAX_PIXELS) -> QImage:
    """Page ``index`` of the stored input at ``path``: a PDF page rendered at the resolution
    it was read at (``max_pixels`` lower: smaller), a TIFF frame, or the image itself (EXIF
    rotation applied, as the boxes are). A null image when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
        fmt = imageio.sniff(head)
    except OSError:  # the job was deleted meanwhile
        return QImage()
    except OcrError:
        fmt = ""
    if fmt not in ("pdf", "tiff"):
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)  # the result boxes are in EXIF-rotated pixels
        return reader.read()
    try:
        image = documents.page_image(path.read_bytes(), index, max_pixels).convert("RGB")
    except Exception:  # a damaged file: the page shows its boxes without the image
        return QImage()
    data = image.tobytes()
    return QImage(
        data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888
    ).copy()


class PageSwitcher(QWidget):
    """◀ Page 2 of 5 ▶ (hidden for a one-page result); ``page_changed(index)``, 0-based."""

    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index, self.count = 0, 1
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.prev_btn = QToolButton()
        self.prev_btn.setText("◀")
        self.prev_btn.setAutoRaise(True)
        self.prev_btn.setToolTip(self.tr("Previous page (Ctrl+Page Up)"))
        self.prev_btn.setAccessibleName(self.tr("Previous page"))
        self.next_btn = QToolButton()
        self.next_btn.setText("▶")
        self.next_btn.setAutoRaise(True)
        self.next_btn.setToolTip(self.tr("Next page (Ctrl+Page Down)"))
        self.next_btn.setAccessibleName(self.tr("Next page"))
        self.label = QLabel()
        lay.addWidget(self.prev_btn)
        lay.addWidget(self.label)
        lay.addWidget(self.next_btn)
        self.prev_btn.clicked.connect(lambda: self.go(self.index - 1))
        self.next_btn.clicked.connect(lambda: self.go(self.index + 1))
        self.set_count(1)

    def set_count(self, count: int) -> None:
        """A new result: its page count; back to the first page (no signal)."""
        self.count, self.index = max(1, count), 0
        self._update()

    def go(self, index: int) -> None:
        if 0 <= index < self.count and index != self.index:
            self.index = index
            self._update()
            self.page_changed.emit(index)

    def _text(self, index: int) -> str:
        return self.tr("Page %1 of %2").replace("%1", str(index + 1)).replace("%2", str(self.count))

    def _update(self) -> None:
        self.setVisible(self.count > 1)
        self.label.setText(self._text(self.index))
        # as wide as its widest text: a crowded bar squeezes the others, not "Page 10 of 12"
        widest = self.label.fontMetrics().horizontalAdvance(self._text(self.count - 1))
        self.label.setMinimumWidth(widest + 4)
        self.prev_btn.setEnabled(self.index > 0)
        self.next_btn.setEnabled(self.index + 1 < self.count)
