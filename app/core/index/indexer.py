"""Keeps the index current: one background thread, file events from ``watchdog`` and a periodic
rescan as the fallback (events can be lost: a full inotify queue, a network share).

Low priority, so that interactive jobs are never delayed: the thread runs at a lower OS priority
(on Linux the Tesseract process it starts inherits it), reads one file at a time, and waits
before each file while ``busy()`` says jobs of this process are queued or running.

Only one process indexes a data dir at a time (a lock file): the window, ``serve`` and
``watch run`` may all be running; the others search and take over when it ends.

A file is read once it has not changed for ``SETTLE_S`` (a screenshot tool may still be writing
it). A moved or renamed file keeps its text (the watchdog event, or the same sha256 seen during a
rescan); a deleted one leaves the index once the files still to read have been read (a file that
re-appears elsewhere is matched first).
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app.core.engines import Engine
from app.core.engines.cancel import CancelToken
from app.core.index.db import FAILED, IndexDB
from app.core.index.folders import is_indexable, list_images, owning_folder
from app.core.index.reader import read_item
from app.core.options import OcrOptions
from app.core.store import Store
from app.paths import PRIVATE_FILE

log = logging.getLogger(__name__)

SETTLE_S = 0.5
GONE_GRACE_S = 2.0
RESCAN_S = 120.0
FOLDER_POLL_S = 2.0  # how often the list of watched folders is re-read (another process edits it)
BUSY_POLL_S = 0.25
LOCK_NAME = "index.lock"
NICE = 10

#: ``on_change(kind, path)``: kind is indexed, failed, moved or removed.
ChangeListener = Callable[[str, str], None]


@dataclass
class IndexerCounts:
    recognized: int = 0  # the engine ran
    indexed: int = 0  # items written as indexed (recognized, cached or moved)
    failed: int = 0  # items written as failed
    moved: int = 0
    removed: int = 0
    scans: int = 0


class _Lock:
    """An exclusive, non-blocking lock on a file (POSIX); elsewhere always taken."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[bytes] | None = None

    def acquire(self) -> bool:
        if self._fh is not None:
            return True
        try:
            import fcntl
        except ImportError:  # Windows: one indexer per data dir is the user's business
            self._fh = open(os.devnull, "rb")  # noqa: SIM115
            return True
        fh = os.fdopen(os.open(self.path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE), "wb")
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        self._fh = fh
        return True

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()  # closing drops the lock
            self._fh = None


class Indexer:
    def __init__(
        self,
        index: IndexDB,
        *,
        options: OcrOptions | None = None,
        store: Store | None = None,
        engine: Engine | None = None,
        busy: Callable[[], bool] = lambda: False,
        on_change: ChangeListener | None = None,
        rescan_s: float = RESCAN_S,
        use_events: bool = True,
    ) -> None:
        self.index = index
        self.options = options or OcrOptions()
        self.store = store
        self.engine = engine
        self.busy = busy
        self.on_change = on_change
        self.rescan_s = rescan_s
        self.use_events = use_events
        self.counts = IndexerCounts()
        self.waiting_for_jobs = False  # a file is due, and it waits for busy() to end
        self._cond = threading.Condition()
        self._pending: dict[str, float] = {}  # path → when it may be read (monotonic)
        self._gone: dict[str, float] = {}  # path → when it may leave the index (monotonic)
        self._scan_due = True
        self._scan_at = math.inf  # a rescan soon after a deletion (a move seen half)
        self._working = False
        self._stopping = False
        self._folders: list[str] = []
        self._thread: threading.Thread | None = None
        self._cancel: CancelToken | None = None  # made in the thread (engine code stays there)
        self._observer: Any = None
        self._lock = _Lock(index.root / LOCK_NAME)

    # -- control -------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="imagehq-index", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        with self._cond:
            reading = self._working and self._cancel is not None
        if reading and self._cancel is not None:
            self._cancel.cancel()  # the engine process reading a file is killed
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._stop_observer()
        self._lock.release()

    def rescan(self) -> None:
        """Compares the watched folders with the index now (also done every ``rescan_s``)."""
        with self._cond:
            self._scan_due = True
            self._cond.notify_all()

    @property
    def active(self) -> bool:
        """This process holds the index lock (another one may be indexing instead)."""
        return self._lock._fh is not None

    def idle(self) -> bool:
        """Nothing left to read or remove, and no scan waiting."""
        with self._cond:
            return (
                self.active
                and not self._pending
                and not self._gone
                and not self._scan_due
                and not self._working
            )

    def wait_idle(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.idle():
                return True
            with self._cond:
                self._cond.wait(0.05)
        return self.idle()

    # -- file events (watchdog's thread) --------------------------------------------------------
    def file_event(self, kind: str, src: str, dest: str | None = None) -> None:
        folders = self._folders
        if kind == "moved" and dest is not None:
            target = owning_folder(dest, folders)
            if target is not None and is_indexable(dest) and self.index.move(src, dest, target):
                self.counts.moved += 1
                self._notify("moved", dest)
            with self._cond:
                self._pending.pop(src, None)
                if target is not None and is_indexable(dest):
                    self._pending[dest] = time.monotonic() + SETTLE_S
                elif owning_folder(src, folders) is not None:
                    self._deleted(src)
                self._cond.notify_all()
            return
        if owning_folder(src, folders) is None or not is_indexable(src):
            return
        with self._cond:
            if kind == "deleted":
                self._pending.pop(src, None)
                self._deleted(src)
            else:
                self._pending[src] = time.monotonic() + SETTLE_S
            self._cond.notify_all()

    def _deleted(self, path: str) -> None:
        """Called with the lock held. A "deleted" event may be half of a move whose other half
        went unseen (into a folder not watched yet): the item stays for ``GONE_GRACE_S`` and a
        rescan comes first, so the file found elsewhere keeps its text."""
        now = time.monotonic()
        self._gone[path] = max(self._gone.get(path, 0.0), now + GONE_GRACE_S)
        self._scan_at = min(self._scan_at, now + SETTLE_S)

    def dir_event(self) -> None:
        """A folder was moved or deleted: the rescan sorts it out."""
        self.rescan()

    # -- the thread ------------------------------------------------------------------------------
    def _run(self) -> None:
        self._cancel = CancelToken()
        with suppress(AttributeError, OSError):  # Linux: this thread only, and its children
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)
        next_folders = next_scan = 0.0
        while True:
            with self._cond:
                if self._stopping:
                    return
            now = time.monotonic()
            if not self._lock.acquire():
                self._wait(FOLDER_POLL_S)
                continue
            if now >= next_folders:
                self._reload_folders()
                next_folders = now + FOLDER_POLL_S
            with self._cond:
                if now >= next_scan or now >= self._scan_at:
                    self._scan_due = True
                    self._scan_at = math.inf
                scan = self._scan_due
            if scan:
                self._scan()
                next_scan = time.monotonic() + self.rescan_s
                continue
            path = self._next_ready()
            if path is not None:
                self._read(path)
                continue
            if self._remove_gone():
                continue
            with self._cond:
                wake = min(
                    [next_folders, next_scan, self._scan_at, *self._pending.values()]
                    + ([min(self._gone.values())] if self._gone else [])
                )
                if not self._stopping and not self._scan_due:
                    self._cond.wait(max(0.01, wake - time.monotonic()))

    def _wait(self, seconds: float) -> None:
        with self._cond:
            if not self._stopping:
                self._cond.wait(seconds)

    def _notify(self, kind: str, path: str) -> None:
        if self.on_change is not None:
            try:
                self.on_change(kind, path)
            except Exception:  # a listener's bug must not stop indexing
                log.exception("index listener failed")

    def _reload_folders(self) -> None:
        folders = self.index.folders()
        if folders == self._folders:
            return
        self._folders = folders
        self.rescan()
        if self.use_events:
            self._watch(folders)

    def _watch(self, folders: list[str]) -> None:
        self._stop_observer()
        try:
            from watchdog.observers import Observer

            from app.core.index.events import Handler

            observer = Observer()
            handler = Handler(self)
            for folder in folders:
                if os.path.isdir(folder):
                    observer.schedule(handler, folder, recursive=True)
            observer.daemon = True
            observer.start()
            self._observer = observer
        except Exception as exc:  # inotify limits, an odd file system: the rescan still runs
            log.warning("watching folders for changes failed (%s); rescanning instead", exc)

    def _stop_observer(self) -> None:
        observer, self._observer = self._observer, None
        if observer is not None:
            with suppress(Exception):
                observer.stop()
                observer.join(5)

    def _scan(self) -> None:
        self._reload_folders()  # a folder just removed is not scanned again
        with self._cond:
            self._scan_due = False
        self.counts.scans += 1
        ready = time.monotonic()
        for folder in self._folders:
            if not os.path.isdir(folder):  # unmounted or gone for now: its items stay
                continue
            known = self.index.signatures(folder)
            found = list_images(folder)
            with self._cond:
                for path, sig in found.items():
                    if known.get(path) != sig:
                        self._pending.setdefault(path, ready)
                for p in known:
                    if p not in found:
                        self._gone.setdefault(p, ready)
                self._cond.notify_all()

    def _next_ready(self) -> str | None:
        with self._cond:
            if self._stopping:
                return None
            now = time.monotonic()
            for path, when in self._pending.items():
                if when <= now:
                    del self._pending[path]
                    self._working = True
                    return path
        return None

    def _read(self, path: str) -> None:
        try:
            folder = owning_folder(path, self._folders)
            while folder is not None and self.busy():  # interactive jobs first
                with self._cond:
                    self.waiting_for_jobs = True
                    if self._stopping:
                        return
                    self._cond.wait(BUSY_POLL_S)
            self.waiting_for_jobs = False
            if folder is None:
                return
            known = self.index.get(path)
            try:
                st = os.stat(path)
            except OSError:
                st = None
            if st is not None and time.time() - st.st_mtime < SETTLE_S:
                with self._cond:  # still being written: later
                    self._pending[path] = time.monotonic() + SETTLE_S
                return
            if (
                known is not None
                and st is not None
                and (known.size, known.mtime)
                == (
                    st.st_size,
                    st.st_mtime,
                )
            ):
                return  # unchanged (a failed one is not tried again either)
            outcome = read_item(
                Path(path),
                folder,
                self.index,
                self.options,
                store=self.store,
                engine=self.engine,
                cancel=self._cancel,
            )
            with self._cond:
                if self._stopping:
                    return
            if outcome is None:
                return
            if not self.index.put(outcome.item, watched_only=True):
                return  # its folder was removed while it was read
            self.counts.recognized += outcome.recognized
            if outcome.item.status == FAILED:
                self.counts.failed += 1
                log.warning("index: %s: %s", path, outcome.item.reason)
                self._notify("failed", path)
            else:
                self.counts.indexed += 1
                self._notify("indexed", path)
        except Exception:  # a bug must not end the thread; the next rescan tries again
            log.exception("index: reading %s failed", path)
        finally:
            with self._cond:
                self._working = False
                self._cond.notify_all()

    def _remove_gone(self) -> bool:
        with self._cond:
            if not self._gone or self._pending or self._scan_due or self._scan_at < math.inf:
                return False
            now = time.monotonic()
            gone = [p for p, when in self._gone.items() if when <= now]
            if not gone:
                return False
            for p in gone:
                del self._gone[p]
        missing = [p for p in gone if not os.path.exists(p)]
        removed = self.index.remove(missing) if missing else 0
        self.counts.removed += removed
        for path in missing:
            self._notify("removed", path)
        return True
