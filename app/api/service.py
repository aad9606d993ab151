"""What the API's job routes do, behind FastAPI: submitting (with Idempotency-Key replays and
the server's queue bound), downloading outputs, and the long poll of ``?wait=N``."""

from __future__ import annotations

import io
import sqlite3
import threading
import time
import zipfile
from typing import Any
from urllib.parse import quote

import anyio
from fastapi import Response, UploadFile

from app.api.errors import RETRY_AFTER_SECONDS, ApiError
from app.api.request_checks import (
    check_image,
    check_job_id,
    parse_request,
    request_hash,
    request_options,
    safe_name,
)
from app.core.job import SUCCEEDED, Job, JobOutput
from app.core.options import FORMAT_MIME
from app.jobs import InputData, JobManager


def content_disposition(filename: str) -> str:
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


class ApiService:
    """Route logic; FastAPI runs the plain ``def`` routes in its thread pool."""

    def __init__(self, manager: JobManager, max_files: int, max_queue: int | None) -> None:
        self.manager = manager
        self.max_files = max_files
        self.max_queue = max_queue
        self.idem_lock = threading.Lock()
        self.wait_limiter = anyio.CapacityLimiter(64)  # threads blocked in long polls
        self.waiting = 0  # long polls in progress
        self.stopping = threading.Event()

    def stop(self) -> None:
        """The server is stopping: every long poll answers now, with the job as it stands."""
        self.stopping.set()
        self.manager.release_waiters()

    def job_dict(self, job: Job, with_result: bool = True) -> dict[str, Any]:
        return job.to_dict(self.manager.result_json(job) if with_result else None)

    def get(self, job_id: str) -> Job:
        check_job_id(job_id)
        job = self.manager.get(job_id)  # raises JobGone → 410
        if job is None:
            raise ApiError(404, "not_found", f"no job with id {job_id!r}")
        return job

    def submit(
        self, raw_request: str, uploads: list[UploadFile], idempotency_key: str | None
    ) -> tuple[Job, bool]:
        req = parse_request(raw_request)
        if not uploads:
            raise ApiError(400, "bad_request", "no files[]: send one or more images")
        if len(uploads) > self.max_files:
            raise ApiError(422, "invalid_request", f"at most {self.max_files} files per job")
        files: list[tuple[str, bytes]] = []
        for n, upload in enumerate(uploads):
            name = safe_name(upload.filename, n)
            data = upload.file.read()
            check_image(name, data)
            files.append((name, data))
        options = request_options(req)
        retention = req.retention_policy
        kwargs: dict[str, Any] = {
            "operation": req.operation,
            "options": options,
            "ttl_hours": retention.ttl_hours if retention else None,
            "clamp": retention.clamp if retention else True,
            "tool_slug": req.tool_slug,
            "client_reference_id": req.client_reference_id,
            "source": "api",
        }
        inputs = [InputData(name, data) for name, data in files]
        if not idempotency_key:
            self._check_queue()
            return self.manager.submit(inputs, **kwargs), False
        digest = request_hash(req, files)
        with self.idem_lock:
            existing = self._replay(idempotency_key, digest)
            if existing is not None:
                return existing, True
            self._check_queue()
            try:
                job = self.manager.submit(
                    inputs, idempotency_key=idempotency_key, request_hash=digest, **kwargs
                )
            except sqlite3.IntegrityError:  # another process took the key meanwhile
                existing = self._replay(idempotency_key, digest)
                if existing is None:
                    raise
                return existing, True
        return job, False

    def _replay(self, key: str, digest: str) -> Job | None:
        found = self.manager.store.find_idempotent(key)
        if found is None:
            return None
        if found.request_hash != digest:
            raise ApiError(
                409,
                "idempotency_conflict",
                "this Idempotency-Key was used with a different request",
            )
        return self.manager.get(found.id) or found

    def _check_queue(self) -> None:
        if self.max_queue is not None and self.manager.queue_length() >= self.max_queue:
            raise ApiError(
                429,
                "queue_full",
                f"the queue is full ({self.max_queue} jobs waiting); retry later",
                {"Retry-After": str(RETRY_AFTER_SECONDS)},
            )

    def download(self, job_id: str, output: str | None) -> Response:
        job = self.get(job_id)
        if job.status != SUCCEEDED:
            raise ApiError(
                409, "not_ready", f"job {job.id} is {job.status}: there is nothing to download"
            )
        outputs = job.outputs
        if output is not None:
            outputs = [o for o in job.outputs if o.id == output]
            if not outputs:
                ids = ", ".join(o.id for o in job.outputs)
                raise ApiError(404, "not_found", f"job {job.id} has no output {output!r} ({ids})")
        try:
            return self._download(job, outputs)
        except OSError:  # pruned or deleted between the lookup and the read
            raise ApiError(404, "not_found", f"the output files of {job.id} are gone") from None

    def _download(self, job: Job, outputs: list[JobOutput]) -> Response:
        if len(outputs) == 1:
            out = outputs[0]
            data = self.manager.store.read_output(job.id, int(out.id))
            return Response(
                data,
                media_type=FORMAT_MIME.get(out.format, out.mime_type),
                headers={"Content-Disposition": content_disposition(out.filename)},
            )
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for out in outputs:
                zf.writestr(out.filename, self.manager.store.read_output(job.id, int(out.id)))
        return Response(
            buf.getvalue(),
            media_type="application/zip",
            headers={"Content-Disposition": content_disposition(f"{job.id}.zip")},
        )

    def _wait_until(self, job_id: str, deadline: float, since: int) -> Job | None:
        """In a worker thread: the time spent getting the thread is already gone, and a stop
        since ``since`` (read before ``stopping`` was checked) ends the wait at once."""
        return self.manager.wait(job_id, max(0.0, deadline - time.monotonic()), since=since)

    async def wait(self, job_id: str, seconds: float) -> Job:
        """Long poll: the job once final, or as it is when ``seconds`` pass or the server stops.
        Never longer than asked: waiting for a free thread counts against ``seconds`` too."""
        deadline = time.monotonic() + seconds
        job = await anyio.to_thread.run_sync(self.get, job_id)
        self.waiting += 1
        try:
            while True:
                # stop() sets ``stopping`` before it releases the waiters: read the release
                # count first, so a stop landing before the worker thread waits still ends it
                since = self.manager.wake_generation
                if job.is_final or self.stopping.is_set():
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                waited = None
                with anyio.move_on_after(remaining):
                    waited = await anyio.to_thread.run_sync(
                        self._wait_until,
                        job.id,
                        deadline,
                        since,
                        abandon_on_cancel=True,
                        limiter=self.wait_limiter,
                    )
                if waited is None:
                    waited = await anyio.to_thread.run_sync(self.manager.get, job.id)
                if waited is None:
                    raise ApiError(404, "not_found", f"job {job.id} was deleted")
                job = waited
                if not job.is_final and not self.stopping.is_set():  # another process runs it
                    await anyio.sleep(min(0.25, max(0.0, deadline - time.monotonic())))
        finally:
            self.waiting -= 1
        return job
