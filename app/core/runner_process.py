"""Running a ``JobRunner``'s jobs: on which thread and in which order, each input through the
pipeline (which serves a cached result where there is one), the results into the store, and the
job's final state.

When the store cannot take a job's result (disk full, read-only, I/O error) the job goes back to
the queue with a warning and runs again later (after 1 s, 2 s, 4 s … at most a minute apart)
until the store takes it; nothing partial is left behind meanwhile.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from app.core.errors import CanceledError, OcrError, StorageError
from app.core.job import FAILED, PROCESSING, QUEUED, SUCCEEDED, Job, JobOutput, make_output
from app.core.options import RECEIPT_OPERATION
from app.core.runner_state import RunnerState, job_snapshot
from app.core.runner_threads import WorkerThreads, lower_thread_priority

log = logging.getLogger("app.core.runner")  # the runner's log, whichever of its modules writes

#: A job whose result the store could not take runs again after this many seconds, doubling
#: up to the second figure.
STORAGE_RETRY_S = (1.0, 60.0)


class JobProcessing(RunnerState):
    """Starts jobs on worker threads and runs each to its final state."""

    # -- how jobs run (JobManager: a QThreadPool) ----------------------------------------------
    def _start(self, job_id: str) -> None:
        """Runs ``self._run(job_id)`` on a worker thread (queued jobs by ``_priority``)."""
        if self._threads is None:
            self._threads = WorkerThreads(self.workers, self._run)
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

    # -- one job on a worker thread -------------------------------------------------------------
    def _page_progress(self, job: Job, index: int, total: int) -> Callable[[int, int], None]:
        """Per-page progress of input ``index`` (of ``total``) of ``job``: a PDF's pages."""

        def report(done: int, pages: int) -> None:
            if pages > 1 and done < pages:
                self._update(job, progress=int(100 * (index + done / pages) / total))

        return report

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
            snapshot = job_snapshot(job)
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
