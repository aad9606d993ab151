"""Part of a loaded image: the region dragged on the result image becomes a new job
("Recognise selection"); "Rotate left/right" re-runs the image turned by 90°.

The actions here only emit requests; ``derive_job`` (no widgets) makes the new job through the
job manager from the stored input, with the crop/rotate helpers of app.core.image_edit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRectF, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QAction

from app.core import image_edit
from app.core.job import Job
from app.jobs.manager import InputData


class ImageActions(QObject):
    """``crop_requested(job_id, (x, y, w, h))`` and ``rotate_requested(job_id, turns)``."""

    crop_requested = Signal(str, tuple)
    rotate_requested = Signal(str, int)

    def __init__(self, overlay: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.overlay = overlay
        self.job_id: str | None = None
        self.crop_action = QAction(self.tr("Recognise &selection"), self)
        self.crop_action.setToolTip(
            self.tr("Drag a rectangle on the image, then recognise just that part as a new job")
        )
        self.rotate_left_action = QAction(self.tr("Rotate left"), self)
        self.rotate_left_action.setText("⟲")
        self.rotate_left_action.setToolTip(self.tr("Rotate 90° left and recognise again"))
        self.rotate_right_action = QAction(self.tr("Rotate right"), self)
        self.rotate_right_action.setText("⟳")
        self.rotate_right_action.setToolTip(self.tr("Rotate 90° right and recognise again"))
        self.crop_action.triggered.connect(self._crop)
        self.rotate_left_action.triggered.connect(lambda: self._rotate(-1))
        self.rotate_right_action.triggered.connect(lambda: self._rotate(1))
        overlay.region_changed.connect(lambda *_: self._update())
        self.set_job(None, False)

    def set_job(self, job_id: str | None, has_image: bool) -> None:
        self.job_id = job_id if has_image else None
        self._update()

    def _update(self) -> None:
        on = self.job_id is not None
        self.crop_action.setEnabled(on and self.overlay.region() is not None)
        self.rotate_left_action.setEnabled(on)
        self.rotate_right_action.setEnabled(on)

    def _crop(self) -> None:
        region: QRectF | None = self.overlay.region()
        if self.job_id is not None and region is not None:
            box = (
                round(region.x()),
                round(region.y()),
                round(region.width()),
                round(region.height()),
            )
            self.crop_requested.emit(self.job_id, box)

    def _rotate(self, turns: int) -> None:
        if self.job_id is not None:
            self.rotate_requested.emit(self.job_id, turns)


def derive_job(
    manager: Any, job_id: str, crop: tuple[int, int, int, int] | None = None, turns: int = 0
) -> Job:
    """A new job from the first input of ``job_id``: cropped to ``crop`` and/or turned by
    ``turns`` quarter turns clockwise. Raises KeyError/JobGone/OcrError/OSError/QueueFullError
    as ``manager.retry`` does."""
    old = manager.get(job_id)
    if old is None or not old.inputs:
        raise KeyError(job_id)
    data = manager.store.read_input(old.id, 0)
    name = old.inputs[0].filename
    if crop is not None:
        data = image_edit.crop(data, *crop)
        name = image_edit.derived_name(name, "selection")
    if turns % 4:
        data = image_edit.rotate(data, turns)
        name = image_edit.derived_name(name, "left" if turns < 0 else "right")
    return manager.submit(
        [InputData(name, data)],
        operation=old.operation,
        options=old.options,
        ttl_hours=old.ttl_hours,
        source=old.source,
    )


class Deriver(QObject):
    """Runs ``derive_job`` in a worker thread (decoding, cropping and encoding a 12 MP photo
    takes about a second); ``derived(Job)`` or ``failed(Exception)`` come back in the GUI
    thread."""

    derived = Signal(object)
    failed = Signal(object)

    def __init__(self, manager: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.manager = manager
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def start(
        self, job_id: str, crop: tuple[int, int, int, int] | None = None, turns: int = 0
    ) -> None:
        self.pool.start(_DeriveTask(self, job_id, crop, turns))

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)


class _DeriveTask(QRunnable):
    def __init__(
        self, owner: Deriver, job_id: str, crop: tuple[int, int, int, int] | None, turns: int
    ) -> None:
        super().__init__()
        self.owner, self.job_id, self.crop, self.turns = owner, job_id, crop, turns

    def run(self) -> None:
        try:
            job = derive_job(self.owner.manager, self.job_id, crop=self.crop, turns=self.turns)
        except Exception as exc:  # reported in the window; never lost in the thread
            self.owner.failed.emit(exc)
        else:
            self.owner.derived.emit(job)
