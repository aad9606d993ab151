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
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import logging
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from app.core import imageio
from app.core.engines import Engine, get_engine
from app.core.engines.cancel import CancelToken
from app.core.errors import CanceledError, InvalidRequestError, OcrError, StorageError
from app.core.inputs import read_input_file
from app.core.job import (
    CANCELED,
    DEFAULT_MAX_TTL_HOURS,
    DEFAULT_TTL_HOURS,
    FAILED,
    PROCESSING,
    QUEUED,
    SUCCEEDED,
    Job,
    JobInput,
    JobOutput,
    make_output,
    new_job_id,
)
from app.core.model import OcrResult
from app.core.options import RECEIPT_OPERATION, OcrOptions, check_operation
from app.core.store import Store

log = logging.getLogger(__name__)

#: A job whose result the store could not take runs again after this many seconds, doubling
#: up to the second figure.
STORAGE_RETRY_S = (1.0, 60.0)
DELETE_WAIT_S = 30.0  # how long delete() waits for a canceled worker to let go of the job

#: Peak memory of one job at most (PP-OCR on a 2550×3300 page: 0.73 GB measured).
JOB_MEMORY_BYTES = 750 * 2**20


class FinishedQueue(Protocol):
    def put(self, item: Job) -> None: ...


def lower_thread_priority(nice: int) -> bool:
    """Makes the calling thread ``nice`` steps nicer than it is (Linux: niceness is per thread,
    and the threads it starts inherit it: libtesseract's, onnxruntime's). False where that
    cannot be done (other systems, or not permitted)."""
    if nice <= 0 or not sys.platform.startswith("linux"):
        return False
    tid = threading.get_native_id()
    try:
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + nice)
    except OSError:
        return False
    return True


def default_workers() -> int:
    """One job per core, but no more than the available memory holds."""
    import psutil

    cores = os.cpu_count() or 2
    by_memory = int(psutil.virtual_memory().available // JOB_MEMORY_BYTES)
    return max(1, min(cores, by_memory))


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


def _snapshot(job: Job) -> Job:
    """A copy that worker threads will not change under the receiver."""
    return copy.deepcopy(job)


class _Threads:
    """The plain pool a ``JobRunner`` runs its jobs on: ``size`` threads, started on demand,
    taking the queued job of the highest priority first (then the one queued first)."""

    def __init__(self, size: int, run: Callable[[str], None]) -> None:
        self.size = size
        self._run = run
        self._queue: queue.PriorityQueue[tuple[float, int, str | None]] = queue.PriorityQueue()
        self._order = itertools.count()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    def start(self, job_id: str, priority: float = 0) -> None:
        with self._lock:
            if len(self._threads) < self.size:
                thread = threading.Thread(target=self._loop, name="imagehq-job", daemon=True)
                self._threads.append(thread)
                thread.start()
        self._queue.put((-priority, next(self._order), job_id))

    def _loop(self) -> None:
        while (job_id := self._queue.get()[2]) is not None:
            self._run(job_id)

    def clear(self) -> None:
        """Drops the job ids no thread has taken yet."""
        with suppress(queue.Empty):
            while True:
                self._queue.get_nowait()

    def stop(self, wait: bool, timeout_s: float) -> None:
        with self._lock:
            threads = list(self._threads)
        for _ in threads:
            self._queue.put((float("inf"), next(self._order), None))  # after every job
        if wait:
            for thread in threads:
                thread.join(timeout_s)


class JobRunner:
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
        self.store = store or Store()
        self.engine = engine or get_engine()
        self.workers = max_workers or default_workers()
        # ONNX engines split the cores among the jobs that run at once.
        set_parallelism = getattr(self.engine, "set_parallelism", None)
        if set_parallelism is not None:
            set_parallelism(self.workers)
        self.max_queue = max_queue
        self.max_ttl_hours = max_ttl_hours
        self.default_ttl_hours = default_ttl_hours
        self._lock = threading.RLock()
        self._done = threading.Condition(self._lock)
        self._active: dict[str, Job] = {}  # queued or processing, owned by this process
        self._canceled: set[str] = set()
        self._tokens: dict[str, CancelToken] = {}  # kills a running engine process on cancel
        self._running: set[str] = set()  # jobs a worker is inside _process for
        self._retries: dict[str, threading.Timer] = {}  # jobs waiting for the store
        self._storage_failures: dict[str, int] = {}
        self._wake = 0  # release_waiters() bumps it
        self._closing = False
        self._threads: _Threads | None = None
        self._worker_nice = worker_nice
        self._niced: set[int] = set()  # worker threads made nicer already
        self.store.prune(sweep=False)  # expired jobs go now; stray folders at the next prune
        if recover:
            self._recover()

    # -- how jobs run and how changes are announced (JobManager: QThreadPool, Qt signals) ---
    def _start(self, job_id: str) -> None:
        """Runs ``self._run(job_id)`` on a worker thread (queued jobs by ``_priority``)."""
        if self._threads is None:
            self._threads = _Threads(self.workers, self._run)
        with self._lock:
            job = self._active.get(job_id)
        self._threads.start(job_id, self._priority(job) if job is not None else 0)

    def _priority(self, job: Job) -> float:
        """Which of the queued jobs a free worker takes first: the highest (then the first
        queued). All alike here: first come, first served."""
        return 0

    def _stop_workers(self, wait: bool, timeout_s: float) -> None:
        """Drops what no worker has started; with ``wait``, waits for the running ones."""
        if self._threads is not None:
            self._threads.clear()
            self._threads.stop(wait, timeout_s)

    def _announce_added(self, job: Job) -> None:
        """A job was submitted (``job`` is a copy, as for every announcement)."""

    def _announce_updated(self, job: Job) -> None:
        """A job's status or progress changed."""

    def _announce_finished(self, job: Job) -> None:
        """A job reached its final state (announced after ``_announce_updated``)."""

    def _announce_result(self, job_id: str, index: int, result: OcrResult) -> None:
        """Input ``index`` of a job was read: its result, before it is stored (a capture puts
        the text on the clipboard at once). The job's final state follows; a job whose store
        write fails runs again later, and one canceled meanwhile keeps nothing."""

    def _announce_removed(self, job_id: str) -> None:
        """A job was deleted or pruned."""

    def _announce_queue(self, length: int) -> None:
        """Jobs queued or processing in this process."""

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
            snapshot = _snapshot(job)
        self._announce_added(snapshot)
        self._announce_queue(self.queue_length())
        self._start(job.id)
        return _snapshot(snapshot)

    def submit_files(self, paths: Iterable[str | Path], **kwargs: Any) -> Job:
        return self.submit([InputData.from_path(p) for p in paths], **kwargs)

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
                return _snapshot(job)
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

    def _save_locked(self, job: Job, **changes: Any) -> None:
        """Saves the job with ``changes`` and only then applies them to the job this runner
        reports (a state the store did not take is never seen). Raises StorageError."""
        draft = replace(job, **changes)
        self.store.save(draft)
        job.__dict__.update(draft.__dict__)

    def _update(self, job: Job, **changes: Any) -> bool:
        """Applies changes unless the job was canceled meanwhile; saves and announces. Raises
        StorageError when the store cannot take them."""
        with self._lock:
            if job.id in self._canceled or (self._closing and changes.get("status") is None):
                return False
            self._save_locked(job, **changes)
            snapshot = _snapshot(job)
        self._announce_updated(snapshot)
        return True

    def _end(self, job: Job, **changes: Any) -> None:
        """Saves the job's final state, then announces it (unless it was canceled meanwhile).
        Raises StorageError when the store cannot take it: the job is then not final."""
        with self._lock:
            if job.id in self._canceled:
                return
            self._save_locked(job, **changes)
            self._finish(job)

    def _page_progress(self, job: Job, index: int, total: int) -> Callable[[int, int], None]:
        """Per-page progress of input ``index`` (of ``total``) of ``job``: a PDF's pages."""

        def report(done: int, pages: int) -> None:
            if pages > 1 and done < pages:
                self._update(job, progress=int(100 * (index + done / pages) / total))

        return report

    def _token(self, job_id: str) -> CancelToken:
        with self._lock:
            return self._tokens.setdefault(job_id, CancelToken())

    def _finish(self, job: Job) -> None:
        """Called with the lock held once the job is final and saved."""
        self._active.pop(job.id, None)
        self._tokens.pop(job.id, None)
        self._storage_failures.pop(job.id, None)
        retry = self._retries.pop(job.id, None)
        if retry is not None:
            retry.cancel()
        self._done.notify_all()
        snapshot = _snapshot(job)
        self._announce_updated(snapshot)
        self._announce_finished(snapshot)
        self._announce_queue(len(self._active))

    def _run(self, job_id: str) -> None:
        if self._worker_nice and threading.get_native_id() not in self._niced:
            self._niced.add(threading.get_native_id())
            lower_thread_priority(self._worker_nice)
        with self._lock:
            job = self._active.get(job_id)
            if job is None or job_id in self._canceled or self._closing:
                return
            self._running.add(job_id)
        try:
            try:
                self._process(job)
            except StorageError:
                raise
            except Exception as exc:  # a bug must fail the job, never the pool
                log.exception("job %s crashed", job_id)
                self._end(
                    job,
                    status=FAILED,
                    current_stage=FAILED,
                    finished_at=self.store.clock(),
                    error={
                        "code": "internal_error",
                        "message": f"internal error: {exc.__class__.__name__}: {exc}",
                    },
                )
        except StorageError as exc:
            self._wait_for_storage(job, exc)
        finally:
            with self._lock:
                self._running.discard(job_id)
                self._done.notify_all()

    def _wait_for_storage(self, job: Job, exc: StorageError) -> None:
        """The store did not take the job's progress or result: back to the queue, again later."""
        with self._lock:
            if job.id in self._canceled or job.id not in self._active or self._closing:
                return
            if not self.store.job_dir(job.id).is_dir():  # deleted by another process
                self._active.pop(job.id, None)
                self._done.notify_all()
                self._announce_removed(job.id)
                return
            failures = self._storage_failures.get(job.id, 0) + 1
            self._storage_failures[job.id] = failures
            delay = min(STORAGE_RETRY_S[0] * 2 ** (failures - 1), STORAGE_RETRY_S[1])
            note = f"the store could not take the result ({exc.message}); retried"
            for inp in job.inputs:
                inp.error = None
            job.status = job.current_stage = QUEUED
            job.progress = 0
            job.started_at = job.finished_at = None
            job.warnings = [w for w in job.warnings if not w.startswith("the store could")]
            job.warnings.append(note)
            with suppress(StorageError):  # when this fails too, the store says processing
                self.store.save(job)
            self.store.discard_results(job)
            retry = threading.Timer(delay, self._retry_stored, (job.id,))
            retry.daemon = True
            self._retries[job.id] = retry
            retry.start()
            snapshot = _snapshot(job)
        log.warning("job %s: %s; again in %.0f s", job.id, exc.message, delay)
        self._announce_updated(snapshot)

    def _retry_stored(self, job_id: str) -> None:
        with self._lock:
            self._retries.pop(job_id, None)
            if self._closing or job_id in self._canceled or job_id not in self._active:
                return
        self._start(job_id)

    def _process(self, job: Job) -> None:
        from app.core.pipeline import recognize_bytes

        clock = self.store.clock
        if not self._update(
            job, status=PROCESSING, current_stage=PROCESSING, progress=0, started_at=clock()
        ):
            return
        total = len(job.inputs)
        outputs: list[JobOutput] = []
        taken: set[str] = set()
        texts: list[str] = []
        confs: list[float] = []
        engines_used: list[str] = []
        errors: list[tuple[str, OcrError]] = []
        cached = 0
        warnings = list(job.warnings)
        for n, inp in enumerate(job.inputs):
            with self._lock:
                if job.id in self._canceled:
                    return
            try:
                outcome = recognize_bytes(
                    self.store.read_input(job.id, n),
                    job.options,
                    store=self.store,
                    engine=self.engine,
                    layout=job.layout,
                    source_name=inp.filename,
                    cancel=self._token(job.id),
                    image_sha256=inp.sha256 or None,  # hashed once, at submit
                    receipt=job.operation == RECEIPT_OPERATION,
                    progress=self._page_progress(job, n, total),
                )
            except CanceledError:
                return  # cancel() already recorded the job as canceled
            except OcrError as err:
                inp.error = err.message
                errors.append((inp.filename, err))
            except OSError as err:
                inp.error = f"cannot read the stored input: {err.strerror or err}"
                errors.append((inp.filename, OcrError(inp.error)))
            else:
                with self._lock:  # delete() waits for us, but a canceled result is not kept
                    if job.id in self._canceled:
                        return
                self._announce_result(job.id, n, outcome.result)
                stored = outcome.result.to_storage()
                if outcome.receipt is not None:
                    stored["receipt"] = outcome.receipt.to_dict()
                self.store.save_result(job.id, n, stored, None if outcome.cached else outcome.key)
                self.store.write_output(job.id, n, outcome.output)
                outputs.append(
                    make_output(
                        n, inp.filename, job.options.output_format, len(outcome.output), taken
                    )
                )
                texts.append(outcome.result.text)
                confs.append(outcome.result.confidence)
                engines_used.append(outcome.result.engine)
                cached += outcome.cached
                warnings += [w for w in outcome.result.warnings if w not in warnings]
                if outcome.receipt is not None:
                    warnings += [w for w in outcome.receipt.warnings if w not in warnings]
            self._update(job, progress=int(100 * (n + 1) / total))

        cached_note = None
        if cached:
            cached_note = (
                "cached: served from the store"
                if cached == total
                else f"cached: {cached} of {total} results served from the store"
            )
        warnings += [cached_note] if cached_note else []
        warnings += [f"{name}: {failure.message}" for name, failure in errors if total > 1]
        final: dict[str, Any] = {
            "outputs": outputs,
            "text": "\f".join(texts),
            "engine": "+".join(dict.fromkeys(engines_used)),
            "confidence": round(sum(confs) / len(confs), 4) if confs else None,
            "finished_at": clock(),
            "cached": bool(total and cached == total),
            "warnings": warnings,
        }
        if outputs:
            final.update(status=SUCCEEDED, current_stage=SUCCEEDED, progress=100)
        else:
            name, first = errors[0]
            message = (
                first.message
                if total == 1
                else f"all {total} inputs failed; {name}: {first.message}"
            )
            final.update(
                status=FAILED, current_stage=FAILED, error={"code": first.code, "message": message}
            )
        self._end(job, **final)


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
