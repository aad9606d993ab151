"""Turning dropped/pasted/opened things into jobs, off the GUI thread.

``inputs_from_mime`` reads a QMimeData (local files and folders, file URLs, raw image bytes,
image data) into a list of sources; ``Ingestor`` reads files, encodes images and submits one job
per image to the JobManager in a worker thread, reporting problems with a signal.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMimeData,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QImage

from app.core.errors import OcrError
from app.core.imageio import IMAGE_EXTENSIONS
from app.core.options import OcrOptions
from app.gui.messages import error_text
from app.jobs import InputData, QueueFullError

# Raw image formats a browser or an image viewer may put on a drag or the clipboard.
RAW_IMAGE_MIME = ("image/png", "image/jpeg", "image/webp", "image/gif", "image/bmp", "image/tiff")
MAX_FILES = 2000  # one drop; more is almost certainly a mistake (a home folder)


@dataclass
class Sources:
    paths: list[Path]  # files and folders
    blobs: list[InputData]  # raw image bytes with a made-up name
    images: list[tuple[str, QImage]]  # decoded image data (encoded to PNG in the worker)
    remote: list[str]  # URLs we cannot fetch

    def __bool__(self) -> bool:
        return bool(self.paths or self.blobs or self.images)


def stamp_name(prefix: str, ext: str = "png", when: datetime | None = None) -> str:
    """``pasted-2026-11-23-195500.png``."""
    return f"{prefix}-{(when or datetime.now()).strftime('%Y-%m-%d-%H%M%S')}.{ext}"


def is_image_path(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_EXTENSIONS


def inputs_from_mime(mime: QMimeData, prefix: str = "dropped") -> Sources:
    """What a drop or a paste holds, best representation first: local files, then raw bytes,
    then image data."""
    src = Sources([], [], [], [])
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                src.paths.append(Path(url.toLocalFile()))
            elif url.scheme() in ("http", "https", "ftp", "data"):
                src.remote.append(url.toString())
    if src.paths:
        return src
    for mt in RAW_IMAGE_MIME:
        if mime.hasFormat(mt):
            data = bytes(mime.data(mt).data())
            if data:
                src.blobs.append(InputData(stamp_name(prefix, mt.split("/")[1]), data))
                return src
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            src.images.append((stamp_name(prefix), image))
        elif image is not None:
            from PySide6.QtGui import QPixmap

            if isinstance(image, QPixmap) and not image.isNull():
                src.images.append((stamp_name(prefix), image.toImage()))
    return src


def accepts(mime: QMimeData) -> bool:
    """Whether a drag is worth accepting (decided without reading files)."""
    if mime.hasImage() or any(mime.hasFormat(m) for m in RAW_IMAGE_MIME):
        return True
    return mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())


def paste_makes_a_job(mime: QMimeData, focus_is_text_field: bool) -> bool:
    """Ctrl+V in the window: an image or files on the clipboard become a job, unless the focus
    is in an editable text field and the clipboard holds text too (that is a text paste)."""
    return accepts(mime) and not (focus_is_text_field and mime.hasText())


def png_bytes(image: QImage) -> bytes:
    buf = QByteArray()
    device = QBuffer(buf)
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(device, "PNG")  # type: ignore[call-overload]
    device.close()
    return bytes(buf.data())


def expand_paths(paths: list[Path], limit: int = MAX_FILES) -> tuple[list[Path], list[str]]:
    """Files as given (any extension: the sniffer decides) and image files inside folders,
    recursively, sorted; plus messages for what was skipped."""
    files: list[Path] = []
    notes: list[str] = []
    for path in paths:
        if path.is_dir():
            found: list[Path] = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / n for n in sorted(names) if is_image_path(Path(n))]
            if not found:
                notes.append(
                    QCoreApplication.translate("Ingest", "%1: no images in this folder").replace(
                        "%1", path.name
                    )
                )
            files += found
        elif path.is_file():
            files.append(path)
        else:
            notes.append(
                QCoreApplication.translate("Ingest", "%1: not found").replace("%1", path.name)
            )
    if len(files) > limit:
        notes.append(
            QCoreApplication.translate("Ingest", "only the first %1 of %2 images were added")
            .replace("%1", str(limit))
            .replace("%2", str(len(files)))
        )
        files = files[:limit]
    return files, notes


class _Signals(QObject):
    submitted = Signal(object)  # Job
    from_file = Signal(str, str)  # job id, folder of the file it was read from
    problem = Signal(str)
    finished = Signal(int)  # jobs submitted


class _Task(QRunnable):
    def __init__(self, ingestor: Ingestor, sources: Sources, options: OcrOptions) -> None:
        super().__init__()
        self.ingestor, self.sources, self.options = ingestor, sources, options

    def run(self) -> None:
        sig = self.ingestor.signals
        count = 0
        items: list[InputData | tuple[str, QImage] | Path] = []
        files, notes = expand_paths(self.sources.paths)
        for note in notes:
            sig.problem.emit(note)
        items += files
        items += self.sources.blobs
        items += self.sources.images
        for item in items:
            try:
                if isinstance(item, Path):
                    data = InputData(item.name, item.read_bytes())
                elif isinstance(item, tuple):
                    data = InputData(item[0], png_bytes(item[1]))
                else:
                    data = item
                job = self.ingestor.manager.submit(
                    [data],
                    operation="extract_text_with_layout",
                    options=self.options,
                    source="gui",
                )
            except OSError as exc:
                name = item.name if isinstance(item, Path) else "image"
                sig.problem.emit(f"{name}: {exc.strerror or exc}")
            except QueueFullError as exc:
                sig.problem.emit(
                    QCoreApplication.translate(
                        "Ingest", "The queue is full (%1); try again when some jobs are done"
                    ).replace("%1", str(exc))
                )
                break
            except OcrError as exc:
                sig.problem.emit(error_text(exc.to_dict()))
                break  # bad options: every other item would fail the same way
            except Exception as exc:  # never lose the rest of a drop to one odd item
                sig.problem.emit(
                    QCoreApplication.translate("Ingest", "Could not add an item: %1").replace(
                        "%1", str(exc)
                    )
                )
            else:
                count += 1
                if isinstance(item, Path):
                    sig.from_file.emit(job.id, str(item.resolve().parent))
                sig.submitted.emit(job)
        sig.finished.emit(count)


class Ingestor(QObject):
    """Submits inputs in a worker thread so that reading a big folder never blocks the window."""

    def __init__(self, manager: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.manager = manager
        self.signals = _Signals(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # keeps the submission order

    def add(self, sources: Sources, options: OcrOptions) -> None:
        if sources:
            self._pool.start(_Task(self, sources, options))

    def add_paths(self, paths: list[str | Path], options: OcrOptions) -> None:
        self.add(Sources([Path(p) for p in paths], [], [], []), options)

    def add_image(self, name: str, image: QImage, options: OcrOptions) -> None:
        self.add(Sources([], [], [(name, image)], []), options)

    def wait(self, msecs: int = 10000) -> bool:
        return self._pool.waitForDone(msecs)
