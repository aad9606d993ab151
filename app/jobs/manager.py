"""JobManager: every OCR request is a job run on a QThreadPool.

The lifecycle itself (store records, cache, pipeline, cancel, final state, storage retries) is
``app.core.runner.JobRunner``, which has no Qt; the manager runs its jobs on a QThreadPool,
announces every change with a Qt signal (emitted from worker threads; receivers in other threads
get them queued) and prunes on a timer. ``wait()`` lets threads without an event loop (the HTTP
server) block on a job.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from app.core.background import Background
from app.core.engines import Engine
from app.core.job import DEFAULT_MAX_TTL_HOURS, DEFAULT_TTL_HOURS, Job
from app.core.model import OcrResult
from app.core.runner import InputData, JobRunner, QueueFullError, ShuttingDownError
from app.core.runner_threads import default_workers
from app.core.store import Store

__all__ = ["InputData", "JobManager", "QueueFullError", "ShuttingDownError", "default_workers"]

PRUNE_INTERVAL_MS = 10 * 60 * 1000
WATCH_INTERVAL_MS = 1500
#: The first full prune (with the sweep of stray job folders) comes this long after the start.
FIRST_SWEEP_MS = 20_000
#: Worker threads run this much nicer than the process (Linux): with both cores busy reading,
#: the thread of the event loop (the window's, serve's) still gets one at once when it wakes.
WORKER_NICE = 5


class _Worker(QRunnable):
    def __init__(self, manager: JobManager, job_id: str) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._manager = manager
        self._job_id = job_id

    def run(self) -> None:
        self._manager._run(self._job_id)


class JobManager(JobRunner, QObject):
    """Owns the pool, the store and the lifecycle of every job of this process.

    (JobRunner comes first among the bases: PySide's QObject.__init__ calls the next
    ``__init__`` of the MRO itself, which would run JobRunner's a second time, without
    arguments — a second store, a second recovery.)"""

    job_added = Signal(object)  # Job
    job_updated = Signal(object)  # Job: status or progress changed
    job_finished = Signal(object)  # Job in a final state
    job_result = Signal(str, int, object)  # job id, input index, OcrResult: read, not yet stored
    job_removed = Signal(str)  # job id, deleted or pruned
    queue_changed = Signal(int)  # jobs queued or processing in this process

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
        prune_timer: bool = True,
        watch_external: bool = False,
        parent: QObject | None = None,
    ) -> None:
        """``watch_external``: also announce (``job_updated``) jobs that other processes sharing
        the store write, such as ``imagehq-ocr extract`` or a separate ``serve``."""
        QObject.__init__(self, parent)
        self.pool = QThreadPool(self)
        # Idle workers stay: each keeps nothing, but a new thread costs a start on the next job.
        self.pool.setExpiryTimeout(-1)
        self.pool.setMaxThreadCount(max_workers or default_workers())
        JobRunner.__init__(
            self,
            store,
            engine=engine,
            max_workers=self.pool.maxThreadCount(),
            max_queue=max_queue,
            max_ttl_hours=max_ttl_hours,
            default_ttl_hours=default_ttl_hours,
            recover=recover,
            worker_nice=WORKER_NICE,
        )
        self._timer: QTimer | None = None
        if prune_timer:
            # on a helper thread: with 10,000 jobs a prune lists as many folders (30-50 ms)
            self._timer = QTimer(self)
            self._timer.setInterval(PRUNE_INTERVAL_MS)
            self._timer.timeout.connect(self._prune_in_background)
            self._timer.start()
            QTimer.singleShot(FIRST_SWEEP_MS, self._prune_in_background)
        self._watch: QTimer | None = None
        if watch_external:
            self._seen_seq, _ = self.store.changes(-1)
            self._watch = QTimer(self)
            self._watch.setInterval(WATCH_INTERVAL_MS)
            self._watch.timeout.connect(self.poll_external)
            self._watch.start()

    # -- JobRunner's hooks -------------------------------------------------------------------
    def _start(self, job_id: str) -> None:
        self.pool.start(_Worker(self, job_id))

    def _stop_workers(self, wait: bool, timeout_s: float) -> None:
        self.pool.clear()  # queued runnables not yet started
        if wait:
            self.pool.waitForDone(int(timeout_s * 1000))

    def _announce_added(self, job: Job) -> None:
        self.job_added.emit(job)

    def _announce_updated(self, job: Job) -> None:
        self.job_updated.emit(job)

    def _announce_finished(self, job: Job) -> None:
        self.job_finished.emit(job)

    def _announce_result(self, job_id: str, index: int, result: OcrResult) -> None:
        self.job_result.emit(job_id, index, result)

    def _announce_removed(self, job_id: str) -> None:
        self.job_removed.emit(job_id)

    def _announce_queue(self, length: int) -> None:
        self.queue_changed.emit(length)

    # -- what only the Qt manager does ---------------------------------------------------------
    def _prune_in_background(self) -> None:
        if not self._closing:
            Background(self.prune)

    def poll_external(self) -> int:
        """Announces jobs other processes wrote since the last poll; returns how many."""
        self._seen_seq, jobs = self.store.changes(self._seen_seq)
        for job in jobs:
            self.job_updated.emit(job)
        return len(jobs)

    def shutdown(self, wait: bool = True, timeout_ms: int = 30000) -> None:
        """Stops taking jobs; running ones finish, queued ones stay queued in the store and are
        taken up at the next start."""
        JobRunner.shutdown(self, wait, timeout_ms)
        for timer in (self._timer, self._watch):
            if timer:
                timer.stop()
