"""What a ``JobRunner`` knows of the jobs of this process, and how a change of one is kept:
written to the store first, then announced; a state the store did not take is never seen.

The announcements are hooks: none for a ``JobRunner``, Qt signals for the ``JobManager``.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import replace
from typing import Any

from app.core.engines import Engine
from app.core.engines.cancel import CancelToken
from app.core.job import Job
from app.core.model import OcrResult
from app.core.runner_threads import WorkerThreads
from app.core.store import Store


def job_snapshot(job: Job) -> Job:
    """A copy that worker threads will not change under the receiver."""
    return copy.deepcopy(job)


class RunnerState:
    """The jobs of this process that are not final yet, and what is under way for them."""

    def __init__(self, store: Store, engine: Engine, workers: int, worker_nice: int) -> None:
        """Called by ``JobRunner.__init__`` (see there); nothing is under way yet."""
        self.store = store
        self.engine = engine
        self.workers = workers
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
        self._threads: WorkerThreads | None = None
        self._worker_nice = worker_nice
        self._niced: set[int] = set()  # worker threads made nicer already

    # -- how changes are announced (JobManager: Qt signals) ------------------------------------
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

    # -- keeping a change: the store first, then the announcement -----------------------------
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
            snapshot = job_snapshot(job)
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
        snapshot = job_snapshot(job)
        self._announce_updated(snapshot)
        self._announce_finished(snapshot)
        self._announce_queue(len(self._active))
