"""The threads a ``JobRunner`` runs its jobs on: how many (one a core, as far as memory goes),
in which order queued jobs are taken, and how much nicer than the process they run."""

from __future__ import annotations

import itertools
import os
import queue
import sys
import threading
from collections.abc import Callable
from contextlib import suppress

#: Peak memory of one job at most (PP-OCR on a 2550×3300 page: 0.73 GB measured).
JOB_MEMORY_BYTES = 750 * 2**20


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


class WorkerThreads:
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
