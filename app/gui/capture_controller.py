"""Capture flow: screenshot → (overlay) → crop → OCR job → clipboard → notification.

One capture at a time. The region becomes a job with ``source="capture"`` (its image is kept in
the history like any other job); the window's job list shows it through the manager's signals.
Each request may carry ``on_done(reply)``, called once with the single-instance protocol's reply
(``{"ok": true, "text", "job_id"}`` or ``{"ok": false, "error"}``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from app import APP_NAME, settings
from app.capture import clipboard, notification, screenshot
from app.capture.crop import crop, png_bytes
from app.capture.errors import CaptureError
from app.capture.geometry import Rect
from app.core.errors import OcrError
from app.core.job import SUCCEEDED
from app.core.model import OcrResult
from app.core.options import ENGINE_NAMES, OcrOptions
from app.core.textmode import TEXT_MODES, result_text
from app.gui.messages import error_text, status_word
from app.jobs import InputData, QueueFullError

log = logging.getLogger(__name__)
Done = Callable[[dict[str, Any]], None]


@dataclass
class _Request:
    lang: str | None
    on_done: Done | None
    engine: str | None = None
    t0: float = field(default_factory=time.perf_counter)
    marks: dict[str, float] = field(default_factory=dict)
    region: Rect | None = None
    text_mode: str | None = None  # chosen in the overlay; None: the "Captured text" setting
    copied: str | None = None  # the text put on the clipboard as soon as it was read

    def mark(self, name: str) -> None:
        self.marks[name] = round((time.perf_counter() - self.t0) * 1000, 1)


class CaptureController(QObject):
    overlay_shown = Signal()
    job_submitted = Signal(object)  # Job
    succeeded = Signal(str, str)  # job id, text
    failed = Signal(str)  # readable message
    canceled = Signal()

    def __init__(
        self,
        manager: Any,
        *,
        keep_after_exit: bool = False,
        notify: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.manager = manager
        self.keep_after_exit = keep_after_exit
        self.notify = notify
        self._request: _Request | None = None
        self._overlay: Any = None
        self._jobs: dict[str, _Request] = {}
        manager.job_finished.connect(self._on_job_finished)
        manager.job_result.connect(self._on_job_result)

    @property
    def busy(self) -> bool:
        return self._request is not None

    # -- entry points ----------------------------------------------------------------------
    def start_overlay(
        self, lang: str | None = None, on_done: Done | None = None, *, engine: str | None = None
    ) -> None:
        """Takes the screenshot first, then shows the overlay on every screen."""
        if not self._begin(lang, on_done, engine):
            return
        req = self._request
        assert req is not None
        try:
            snapshot = screenshot.grab()
        except CaptureError as err:
            self._fail(str(err))
            return
        req.mark("screenshot")
        from app.gui.capture_overlay import CaptureOverlay

        mode = str(settings.get(settings.make_qsettings(), settings.CAPTURE_TEXT_MODE))
        overlay = CaptureOverlay(snapshot, self, text_mode=mode)
        overlay.selected.connect(lambda rect: self._selected(snapshot, rect, overlay.text_mode))
        overlay.canceled.connect(self._canceled)
        self._overlay = overlay
        overlay.show()
        self.overlay_shown.emit()

    def capture_region(
        self,
        region: Rect,
        lang: str | None = None,
        on_done: Done | None = None,
        *,
        engine: str | None = None,
    ) -> None:
        """No overlay: the given logical region, now."""
        if not self._begin(lang, on_done, engine):
            return
        try:
            snapshot = screenshot.grab()
        except CaptureError as err:
            self._fail(str(err))
            return
        assert self._request is not None
        self._request.mark("screenshot")
        self._selected(snapshot, region)

    def cancel(self) -> None:
        if self._overlay is not None:
            self._overlay.cancel()

    # -- steps -----------------------------------------------------------------------------
    def _begin(self, lang: str | None, on_done: Done | None, engine: str | None = None) -> bool:
        if self._request is not None:
            if on_done:
                on_done({"ok": False, "error": "a capture is already in progress"})
            return False
        if engine is not None and engine not in ENGINE_NAMES:
            if on_done:
                choices = ", ".join(ENGINE_NAMES)
                on_done({"ok": False, "error": f"unknown engine {engine!r} (choose {choices})"})
            return False
        self._request = _Request(lang, on_done, engine)
        return True

    def _options(self, req: _Request) -> OcrOptions:
        """The app's OCR settings; a request's own language or engine wins."""
        return settings.ocr_options(settings.make_qsettings(), req.lang, req.engine)

    def _selected(
        self, snapshot: screenshot.Snapshot, region: Rect, text_mode: str | None = None
    ) -> None:
        req = self._request
        self._overlay = None
        if req is None:
            return
        req.text_mode = text_mode
        req.t0 = time.perf_counter()  # latency counts from the selection (or the request)
        req.region = region
        try:
            image = crop(snapshot, region)
            data = png_bytes(image)
        except ValueError as err:
            self._fail(str(err))
            return
        req.mark("cropped")
        name = f"capture-{time.strftime('%Y%m%d-%H%M%S')}-{region.w}x{region.h}.png"
        try:
            ttl = settings.get(settings.make_qsettings(), settings.RETENTION_TTL_HOURS)
            job = self.manager.submit(
                [InputData(name, data)],
                options=self._options(req),
                source="capture",
                tool_slug="image-to-text",
                ttl_hours=int(ttl),
            )
        except (OcrError, QueueFullError) as err:
            self._fail(getattr(err, "message", None) or str(err))
            return
        req.mark("submitted")
        self._jobs[job.id] = req
        self.job_submitted.emit(job)
        # The job may already be final (cache hit finishing on a worker before we got here).
        current = self.manager.get(job.id)
        if current is not None and current.is_final:
            self._on_job_finished(current)

    def _text_mode(self, req: _Request) -> str:
        """The capture's text layout: chosen in the overlay, else the "Captured text" setting
        (paragraphs by default: a capture is pasted into a sentence, not a layout)."""
        return req.text_mode or str(
            settings.get(settings.make_qsettings(), settings.CAPTURE_TEXT_MODE)
        )

    def _capture_text(self, job: Any, text_mode: str) -> str:
        """The stored job's text laid out in ``text_mode``."""
        stored = self.manager.store.load_result(job.id, 0) if text_mode in TEXT_MODES else None
        if stored is None:
            return (job.text or "").strip()
        # a captured QR code or barcode lands on the clipboard too, after the text
        return result_text(OcrResult.from_storage(stored), text_mode, with_barcodes=True).strip()

    def _copy(self, text: str, req: _Request, job_id: str) -> bool:
        """Puts ``text`` on the clipboard; False (and the capture failed) when it cannot."""
        try:
            backend = clipboard.copy_text(text, keep_after_exit=self.keep_after_exit)
        except CaptureError as err:
            self._jobs.pop(job_id, None)
            self._fail(str(err), job_id, text)
            return False
        req.copied = text
        req.mark("clipboard")
        log.info("capture %s: %d chars copied via %s", job_id, len(text), backend)
        return True

    def _on_job_result(self, job_id: str, index: int, result: OcrResult) -> None:
        """The region was read: its text goes on the clipboard now, before the job is stored
        (the rest — notification, reply — follows when the job is final)."""
        req = self._jobs.get(job_id)
        if req is None or index != 0 or req.copied is not None:
            return
        req.mark("ocr_done")
        mode = self._text_mode(req)
        if mode in TEXT_MODES:  # a QR code or barcode goes after the text, as stored
            text = result_text(result, mode, with_barcodes=True).strip()
        else:
            text = result.text.strip()
        if text:
            self._copy(text, req, job_id)

    def _on_job_finished(self, job: Any) -> None:
        req = self._jobs.pop(job.id, None)
        if req is None:
            return
        req.mark("job_done")
        if job.status != SUCCEEDED:
            err = job.error or {}
            self._fail(
                err.get("message") or f"the OCR job {job.status}",
                job.id,
                req.copied,
                shown=error_text(err) or status_word(job.status),
            )
            return
        text = req.copied
        if text is None:  # not announced before the job ended (or empty)
            text = self._capture_text(job, self._text_mode(req))
            if text and not self._copy(text, req, job.id):
                return
        if text:
            log.info("capture %s: %s", job.id, req.marks)
            if self.notify:
                notification.notify(
                    self.tr("%1: copied").replace("%1", APP_NAME), notification.first_words(text)
                )
        else:
            req.mark("clipboard")
            if self.notify:
                notification.notify(APP_NAME, self.tr("No text found in the selected region"))
        self._finish(
            {"ok": True, "text": text, "job_id": job.id, "timings_ms": dict(req.marks)}, req
        )
        self.succeeded.emit(job.id, text)

    def _canceled(self) -> None:
        self._overlay = None
        req, self._request = self._request, None
        if req is not None and req.on_done:
            req.on_done({"ok": False, "error": "capture canceled", "canceled": True})
        self.canceled.emit()

    def _fail(
        self,
        message: str,
        job_id: str | None = None,
        text: str | None = None,
        shown: str | None = None,
    ) -> None:
        """``message`` (English) goes to the log and the caller's reply (CLI, API); ``shown``
        (translated, default ``message``) to the desktop notification."""
        log.warning("capture failed: %s", message)
        if self.notify:
            notification.notify(
                self.tr("%1: capture failed").replace("%1", APP_NAME), shown or message, error=True
            )
        reply: dict[str, Any] = {"ok": False, "error": message}
        if job_id:
            reply["job_id"] = job_id
        if text is not None:
            reply["text"] = text
        self._finish(reply, self._request)
        self.failed.emit(message)

    def _finish(self, reply: dict[str, Any], req: _Request | None) -> None:
        if req is self._request:
            self._request = None
        if req is not None and req.on_done:
            req.on_done(reply)
