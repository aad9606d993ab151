"""``imagehq-ocr extract`` of one image, run by the window that is already open.

A new process pays Python's start and Tesseract's language data (about 0.1 s each) before it
reads anything; the window has both warm. So ``extract`` first asks the window over the
single-instance socket (``app.extract_instance``): the window makes the job (the same job as
``extract`` makes, ``source="cli"``, in the same store), answers ``{"ok": true, "accepted":
JOB_ID}`` at once and, when the job is final, ``{"ok": true, "job": RECORD, "output": BASE64}``.
A client that goes away before that (Ctrl+C) has its job canceled. A window that is busy with
other jobs answers ``{"ok": false, "busy": true}`` and the command reads the image itself,
rather than waiting behind them.
"""

from __future__ import annotations

import base64
import binascii
import logging
from typing import Any

from PySide6.QtCore import QObject

from app.capture.ipc import Reply
from app.core import imageio
from app.core.errors import OcrError
from app.core.job import Job
from app.core.options import OcrOptions
from app.jobs import InputData, QueueFullError

log = logging.getLogger(__name__)

#: The reason an abandoned request's job is canceled with (as extract's own Ctrl+C gives).
INTERRUPTED = "canceled: imagehq-ocr extract was interrupted before it got to this file"


class ExtractRequests(QObject):
    """Runs the single-instance socket's ``extract`` requests as jobs of ``manager``."""

    def __init__(self, manager: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.manager = manager
        self._waiting: dict[str, Reply] = {}
        manager.job_finished.connect(self._on_finished)

    def handle(self, req: dict[str, Any], reply: Reply) -> None:
        if self.manager.queue_length():
            reply({"ok": False, "busy": True})
            return
        try:
            data = base64.b64decode(str(req.get("data", "")), validate=True)
        except (binascii.Error, TypeError, ValueError) as exc:
            reply({"ok": False, "error": f"malformed extract request: {exc}"})
            return
        try:  # as read_input_file: a pixel bomb or a non-image never becomes a job
            imageio.admit(data)
        except OcrError as exc:
            reply({"ok": False, "error": exc.message, "input": True})
            return
        try:
            options = OcrOptions.from_dict(dict(req.get("options") or {}))
            ttl = req.get("ttl_hours")
            job = self.manager.submit(
                [InputData(str(req.get("file") or "image"), data)],
                operation=str(req.get("operation") or "extract_text"),
                options=options,
                ttl_hours=None if ttl is None else int(ttl),
                source="cli",
            )
        except QueueFullError:
            reply({"ok": False, "busy": True})
            return
        except OcrError as exc:  # an unknown language, a full disk: as extract says it
            reply({"ok": False, "error": exc.message})
            return
        except (binascii.Error, TypeError, ValueError) as exc:
            reply({"ok": False, "error": f"malformed extract request: {exc}"})
            return
        self._waiting[job.id] = reply
        reply.on_close(lambda: self._abandoned(job.id))
        reply.send({"ok": True, "accepted": job.id})
        current = self.manager.get(job.id)
        if current is not None and current.is_final:  # a cache hit done before we got here
            self._on_finished(current)

    def _abandoned(self, job_id: str) -> None:
        if self._waiting.pop(job_id, None) is not None:
            log.info("extract request for %s: the command went away; canceling", job_id)
            self.manager.cancel(job_id, INTERRUPTED)

    def _on_finished(self, job: Job) -> None:
        reply = self._waiting.pop(job.id, None)
        if reply is None:
            return
        answer: dict[str, Any] = {"ok": True, "job": job.to_record()}
        if job.status == "succeeded":
            try:
                output = self.manager.store.read_output(job.id, 0)
            except OSError as exc:
                reply({"ok": False, "error": f"cannot read the output: {exc.strerror or exc}"})
                return
            answer["output"] = base64.b64encode(output).decode()
        reply(answer)
