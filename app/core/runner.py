"""The job lifecycle without Qt: every OCR request is a job, ``queued → processing → succeeded |
failed | canceled``, recorded in the store.

``JobRunner`` owns the store records, the cache lookup (through the pipeline), cancellation and
each job's final state; it runs jobs on a small pool of Python threads. The QtCore
``JobManager`` (``app/jobs``) is a ``JobRunner`` whose jobs run on a QThreadPool and whose
announcements are Qt signals; ``imagehq-ocr extract`` uses a ``JobRunner`` directly, so that
QtCore never loads on its path.

State changes are written to the store first, then announced (``_announce_*``, called from
worker threads). ``wait()`` lets threads block on a job.

A state that could not be written is never announced, so a final status never changes. When
the store cannot take a job's result (disk full, read-only, I/O error) the job goes back to the
queue with a warning and runs again later (after 1 s, 2 s, 4 s … at most a minute apart) until
the store takes it; nothing partial is left behind meanwhile.

This module has the runner's public side: submitting, queries, waiting, control and recovery.
Its parts: ``runner_state`` (the jobs under way; a change saved, then announced),
``runner_process`` (running a job to its final state) and ``runner_threads`` (the workers).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from app.core import imageio
from app.core.engines import Engine, get_engine
from app.core.errors import InvalidRequestError, OcrError
from app.core.inputs import read_input_file
from app.core.job import (
    CANCELED,
    DEFAULT_MAX_TTL_HOURS,
    DEFAULT_TTL_HOURS,
    FAILED,
    QUEUED,
    Job,
    JobInput,
    new_job_id,
)
from app.core.options import OcrOptions, check_operation
from app.core.runner_process import STORAGE_RETRY_S, JobProcessing
from app.core.runner_state import job_snapshot
from app.core.runner_threads import JOB_MEMORY_BYTES, default_workers, lower_thread_priority
from app.core.store import Store

__all__ = [
    "DELETE_WAIT_S",
    "JOB_MEMORY_BYTES",
    "STORAGE_RETRY_S",
    "FinishedQueue",
    "InputData",
    "JobRunner",
    "QueueFullError",
    "QueueRunner",
    "ShuttingDownError",
    "default_workers",
    "lower_thread_priority",
]

DELETE_WAIT_S = 30.0  # how long delete() waits for a canceled worker to let go of the job


class FinishedQueue(Protocol):
    def put(self, item: Job) -> None: ...


class QueueFullError(Exception):
    """More jobs are waiting than the runner's bound allows; try again later."""


class ShuttingDownError(QueueFullError):
    """The runner is shutting down and takes no new jobs."""


@dataclass
class InputData:
    filename: str
    data: bytes

    @classmethod
    def from_path(cls, path: str | Path, max_bytes: int | None = None) -> InputData:
        """Reads an image file (see ``read_input_file``: regular files only, capped, sniffed
        and checked for pixel bombs before anything is stored)."""
        p = Path(path)
        if max_bytes is None:
            return cls(p.name, read_input_file(p))
        return cls(p.name, read_input_file(p, max_bytes))


def _describe(data: bytes, filename: str) -> JobInput:
    try:
        fmt = imageio.sniff(data)
    except OcrError:
        fmt = "unknown"
    return JobInput(
        filename, fmt, imageio.mime_type(fmt), len(data), hashlib.sha256(data).hexdigest()
    )


class JobRunner(JobProcessing):
    """Owns the store and the lifecycle of every job of this process."""

    def __init__(
        self,
        store: Store | None = None,
        *,
        engine: Engine | None = None,
        max_workers: int | None = None,
        max_queue: int = 1000,
        max_ttl_hours: int = DEFAULT_MAX_TTL_HOURS,
        default_ttl_hours: int = DEFAULT_TTL_HOURS,
        recover: bool = True,
        worker_nice: int = 0,
    ) -> None:
        """``recover``: take up the jobs that a process which is gone left queued or
        processing (the window and ``serve`` do; ``extract`` marks its own failed instead).
        ``worker_nice``: how much nicer than the process the worker threads run (the window's
        GUI thread then gets a core when it needs one while the workers keep both busy)."""
        super().__init__(
            store or Store(),
            engine or get_engine(),
            max_workers or default_workers(),
            worker_nice,
        )
        # ONNX engines split the cores among the jobs that run at once.
        set_parallelism = getattr(self.engine, "set_parallelism", None)
        if set_parallelism is not None:
            set_parallelism(self.workers)
        self.max_queue = max_queue
        self.max_ttl_hours = max_ttl_hours
        self.default_ttl_hours = default_ttl_hours
        self.store.prune(sweep=False)  # expired jobs go now; stray folders at the next prune
        if recover:
            self._recover()

    # -- submitting ------------------------------------------------------------------------
    def submit(
        self,
        inputs: Iterable[InputData],
        *,
        operation: str = "extract_text",
        options: OcrOptions | None = None,
        ttl_hours: int | None = None,
        clamp: bool = True,
        tool_slug: str = "image-to-text",
        client_reference_id: str | None = None,
        source: str = "cli",
        idempotency_key: str | None = None,
        request_hash: str | None = None,
    ) -> Job:
        """Queues one job for one or more images. Raises OptionsError for bad options and
        QueueFullError when the queue is at its bound; bad images fail the job, later."""
        items = list(inputs)
        if not items:
            raise InvalidRequestError("no input images")
        check_operation(operation, (options or OcrOptions()).output_format)
        opts = (options or OcrOptions()).validated()
        opts = replace(opts, language=self.engine.check_language(opts.language))
        check_options = getattr(self.engine, "check_options", None)
        if check_options is not None:
            opts = check_options(opts)
        ttl = self.default_ttl_hours if ttl_hours is None else int(ttl_hours)
        if ttl < 1:
            raise InvalidRequestError("retention_policy.ttl_hours must be at least 1")
        if ttl > self.max_ttl_hours:
            if not clamp:
                raise InvalidRequestError(
                    f"retention_policy.ttl_hours must be at most {self.max_ttl_hours} "
                    "(or send clamp: true)"
                )
            ttl = self.max_ttl_hours
        described = [_describe(item.data, item.filename) for item in items]
        with self._lock:
            if self._closing:
                raise ShuttingDownError("shutting down")
            if len(self._active) >= self.max_queue:
                raise QueueFullError(f"{len(self._active)} jobs are waiting")
            now = self.store.clock()
            job = Job(
                id=new_job_id(),
                operation=operation,
                options=opts,
                tool_slug=tool_slug,
                client_reference_id=client_reference_id,
                source=source,
                created_at=now,
                updated_at=now,
                ttl_hours=ttl,
                clamp=clamp,
                inputs=described,
                idempotency_key=idempotency_key,
                request_hash=request_hash,
            )
            self.store.create(job, [item.data for item in items])
            self._active[job.id] = job
            snapshot = job_snapshot(job)
        self._announce_added(snapshot)
        self._announce_queue(self.queue_length())
        self._start(job.id)
        return job_snapshot(snapshot)

    def retry(
        self, job_id: str, options: OcrOptions | None = None, operation: str | None = None
    ) -> Job:
        """A new job with the same inputs, optionally with other options."""
        old = self.get(job_id)
        if old is None:
            raise KeyError(job_id)
        blobs = [
            InputData(i.filename, self.store.read_input(old.id, n))
            for n, i in enumerate(old.inputs)
        ]
        return self.submit(
            blobs,
            operation=operation or old.operation,
            options=options or old.options,
            ttl_hours=old.ttl_hours,
            tool_slug=old.tool_slug,
            client_reference_id=old.client_reference_id,
            source=old.source,
        )

    # -- queries ---------------------------------------------------------------------------
    def get(self, job_id: str) -> Job | None:
        """The latest state (raises store.JobGone for a job pruned by retention)."""
        with self._lock:
            job = self._active.get(job_id)
            if job is not None:
                return job_snapshot(job)
        return self.store.get(job_id)

    def queue_length(self) -> int:
        with self._lock:
            return len(self._active)

    def result_json(self, job: Job) -> dict[str, Any] | None:
        """The job's ``result_json`` (see ``Store.result_json``)."""
        return self.store.result_json(job)

    @property
    def wake_generation(self) -> int:
        """Counts ``release_waiters`` calls; a ``wait(since=…)`` ends once it has moved on."""
        with self._done:
            return self._wake

    def wait(
        self, job_id: str, timeout: float | None = None, since: int | None = None
    ) -> Job | None:
        """Blocks until the job is final, ``timeout`` passes or ``release_waiters`` is called
        (since ``since``, a ``wake_generation`` read earlier: a release between that read and
        this call ends the wait at once); never call on the GUI thread."""
        with self._done:
            wake = self._wake if since is None else since
            self._done.wait_for(lambda: job_id not in self._active or self._wake != wake, timeout)
        return self.get(job_id)

    def release_waiters(self) -> None:
        """Ends every ``wait`` now (a server stopping): each returns the job as it stands."""
        with self._done:
            self._wake += 1
            self._done.notify_all()

    def wait_all(self, timeout: float | None = None) -> bool:
        with self._done:
            return self._done.wait_for(lambda: not self._active, timeout)

    # -- control ---------------------------------------------------------------------------
    def cancel(self, job_id: str, message: str = "canceled by the user") -> bool:
        """Cancels a queued or running job at once (its engine process is killed). Raises
        StorageError, and the job carries on, when the store cannot record the cancellation."""
        with self._lock:
            job = self._active.get(job_id)
            if job is None:
                return False
            self._save_locked(
                job,
                status=CANCELED,
                finished_at=self.store.clock(),
                error={"code": "canceled", "message": message},
            )
            self._canceled.add(job_id)
            self._token(job_id).cancel()
            self._finish(job)
        return True

    def delete(self, job_id: str) -> bool:
        """Cancels if running, waits for its worker to let go of it (so that nothing of it is
        written after), then removes the job and its files."""
        self.cancel(job_id)
        with self._done:
            self._done.wait_for(lambda: job_id not in self._running, DELETE_WAIT_S)
        removed = self.store.delete(job_id)
        if removed:
            self._announce_removed(job_id)
        return removed

    def warm_up(self, language: str) -> None:
        """Gets the engines ready to read ``language`` on every worker, in the background
        (Tesseract's language data loads ahead of the first job: ``engines.prewarm``)."""
        from app.core.engines import prewarm

        prewarm(language, self.workers)

    def prune(self) -> list[str]:
        ids = self.store.prune()
        for job_id in ids:
            self._announce_removed(job_id)
        return ids

    def shutdown(self, wait: bool = True, timeout_ms: int = 30000) -> None:
        """Stops taking jobs; running ones finish, queued ones stay queued in the store and are
        taken up at the next start."""
        with self._lock:
            self._closing = True
            retries = list(self._retries.values())
            self._retries.clear()
        for retry in retries:  # waiting for the store: they stay queued for the next start
            retry.cancel()
        self.release_waiters()
        self._stop_workers(wait, timeout_ms / 1000)
        self.store.checkpoint()  # nothing of pruned jobs stays in the WAL

    # -- internals ---------------------------------------------------------------------------
    def _recover(self) -> None:
        for job in self.store.claim_interrupted():
            if self.store.has_inputs(job):
                job.status = job.current_stage = QUEUED
                job.progress = 0
                job.started_at = None
                job.warnings.append("re-queued after the app was interrupted")
                self.store.save(job)
                with self._lock:
                    self._active[job.id] = job
                self._start(job.id)
            else:
                job.status = FAILED
                job.finished_at = self.store.clock()
                job.error = {
                    "code": "input_missing",
                    "message": "interrupted, and its input files are gone",
                }
                job.warnings.append("interrupted before it finished")
                self.store.save(job)


class QueueRunner(JobRunner):
    """A JobRunner that hands each finished job to ``finished`` (a queue the caller's thread
    waits on: ``extract`` writes the outputs on its main thread), the largest files first."""

    def __init__(self, finished: FinishedQueue, **kwargs: Any) -> None:
        self._finished = finished
        super().__init__(**kwargs)

    def _announce_finished(self, job: Job) -> None:
        self._finished.put(job)

    def _priority(self, job: Job) -> float:
        """The largest files first: the batch ends sooner when no worker is left with a big
        page while the others have nothing to do (jobs are still created, and listed, in the
        order they were submitted)."""
        return sum(inp.size_bytes for inp in job.inputs)
