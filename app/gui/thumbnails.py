"""Job thumbnails: decoded off the GUI thread (QImageReader with a scaled size, EXIF applied),
kept in a small LRU cache."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPainter, QPixmap

from app.gui.pages import page_image

THUMB_SIZE = 40


def load_thumbnail(path: str | Path, size: int = THUMB_SIZE) -> QImage:
    """A thumbnail that fits in size×size; a null image when the file cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    src = reader.size()
    if src.isValid() and src.width() > 0 and src.height() > 0:
        # Fits size×size whichever way EXIF rotates it; decoding at the small size is fast.
        scaled = src.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio)
        reader.setScaledSize(scaled.expandedTo(QSize(1, 1)))
    image = reader.read()
    if image.isNull():  # a PDF: its first page, rendered small
        image = page_image(Path(path), 0, max_pixels=4 * size * size)
    if image.isNull():
        return image
    if image.width() > size or image.height() > size:
        image = image.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


class _Signals(QObject):
    done = Signal(str, QImage)


class _Loader(QRunnable):
    def __init__(self, job_id: str, path: Path, signals: _Signals) -> None:
        super().__init__()
        self.job_id, self.path, self.signals = job_id, path, signals

    def run(self) -> None:
        self.signals.done.emit(self.job_id, load_thumbnail(self.path))


class ThumbnailCache(QObject):
    """``get(job)`` returns the icon when ready, else schedules it and returns None;
    ``ready(job_id)`` tells when it arrives."""

    ready = Signal(str)

    def __init__(self, store: Any, capacity: int = 600, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.capacity = capacity
        self._cache: OrderedDict[str, QIcon] = OrderedDict()
        self._pending: set[str] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # leave the cores to OCR
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._placeholder: QIcon | None = None

    def placeholder(self) -> QIcon:
        if self._placeholder is None:
            pix = QPixmap(THUMB_SIZE, THUMB_SIZE)
            pix.fill(Qt.GlobalColor.transparent)
            p = QPainter(pix)
            p.setPen(QColor(150, 150, 150, 120))
            p.setBrush(QColor(150, 150, 150, 40))
            p.drawRoundedRect(2, 2, THUMB_SIZE - 4, THUMB_SIZE - 4, 4, 4)
            p.end()
            self._placeholder = QIcon(pix)
        return self._placeholder

    def get(self, job: Any) -> QIcon:
        return self._get(job.id, self.store.input_path(job.id, 0) if job.inputs else None)

    def get_file(self, path: str) -> QIcon:
        """The same for an image outside the store (an indexed screenshot); ``ready`` then
        names it ``file:<path>``."""
        return self._get(f"file:{path}", Path(path))

    def _get(self, key: str, source: Path | None) -> QIcon:
        icon = self._cache.get(key)
        if icon is not None:
            self._cache.move_to_end(key)
            return icon
        if key not in self._pending and source is not None:
            self._pending.add(key)
            self._pool.start(_Loader(key, source, self._signals))
        return self.placeholder()

    def forget(self, job_id: str) -> None:
        self._cache.pop(job_id, None)

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)

    def _on_done(self, job_id: str, image: QImage) -> None:
        self._pending.discard(job_id)
        if image.isNull():
            self._cache[job_id] = self.placeholder()
        else:
            canvas = QPixmap(THUMB_SIZE, THUMB_SIZE)
            canvas.fill(Qt.GlobalColor.transparent)
            p = QPainter(canvas)
            p.drawImage(
                (THUMB_SIZE - image.width()) // 2, (THUMB_SIZE - image.height()) // 2, image
            )
            p.end()
            self._cache[job_id] = QIcon(canvas)
        while len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        self.ready.emit(job_id)
