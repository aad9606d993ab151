"""The local result store: SQLite (WAL) for job records, one folder of files per job.

Layout under the data dir::

    store.sqlite3            jobs, tombstones of pruned jobs
    jobs/<job id>/input_<i>  the input bytes as given
    jobs/<job id>/result_<i>.json  the full result model of input i
    jobs/<job id>/output_<i>       the rendered output of input i
    jobs/<job id>/edit_<i>.txt     the user's edit of input i's text (the window's text pane);
                                   the result keeps the recognised text

    jobs/<job id>/job.json   a copy of the record, written when the job is created and when it
                             ends: what a damaged database is rebuilt from

Several processes (window, ``serve``, ``extract``) may share one store: SQLite's WAL and a busy
timeout serialise writers; each job records the process that owns it so that start-up recovery
only touches jobs whose owner is gone, and taking a job over is one conditional UPDATE (two
processes never both take it).

Everything is private to the user (folders 0700, files 0600). Deleted rows are overwritten
(``secure_delete``) and the WAL is checkpointed and truncated after pruning and at shutdown, so
that a pruned job's text does not linger in the database files.

Failures say what to do: an unusable store raises StorageError naming the file; a write that
fails raises StorageError (StorageFullError when the disk is full) and leaves no partial file.
A damaged database is moved aside (``store.sqlite3.corrupt-<time>``), a fresh one started and
the job folders re-read from their ``job.json``; nothing is deleted silently.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import psutil

from app.core import sqlite_db
from app.core.errors import StorageError, StorageFullError
from app.core.job import utcnow
from app.core.sqlite_db import private_file
from app.core.store_base import NEXT_SEQ
from app.core.store_files import RECORD_NAME
from app.core.store_records import JobGone, JobPage
from app.core.store_retention import ORPHAN_GRACE_S, TOMBSTONE_DAYS, StoreRetention, owner_alive
from app.core.storefs import damaged, disk_full, move_aside, no_space, reason, truncated
from app.paths import HOME_ENV, PRIVATE_DIR, data_dir, make_private

__all__ = [
    "DB_NAME",
    "NEXT_SEQ",
    "ORPHAN_GRACE_S",
    "RECORD_NAME",
    "SCHEMA",
    "TOMBSTONE_DAYS",
    "JobGone",
    "JobPage",
    "Store",
    "owner_alive",
    "process_owner",
]

log = logging.getLogger(__name__)

DB_NAME = "store.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    client_reference_id TEXT,
    idempotency_key TEXT,
    owner TEXT,
    text TEXT NOT NULL DEFAULT '',
    record TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS jobs_created ON jobs(created_at);
CREATE INDEX IF NOT EXISTS jobs_expires ON jobs(expires_at);
CREATE INDEX IF NOT EXISTS jobs_status ON jobs(status);
CREATE INDEX IF NOT EXISTS jobs_client_ref ON jobs(client_reference_id);
CREATE UNIQUE INDEX IF NOT EXISTS jobs_idem ON jobs(idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS cache (
    key TEXT NOT NULL,
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    PRIMARY KEY (key, job_id, idx)
);
CREATE INDEX IF NOT EXISTS cache_job ON cache(job_id);
CREATE TABLE IF NOT EXISTS tombstones (
    id TEXT PRIMARY KEY,
    expired_at TEXT NOT NULL
);
"""


def process_owner(pid: int | None = None) -> str:
    """``pid:start time``: tells a live owner from a dead one whose pid was reused."""
    proc = psutil.Process(pid or os.getpid())
    return f"{proc.pid}:{proc.create_time():.3f}"


class Store(StoreRetention):
    """The local result store. This module opens it (and repairs a damaged database); its
    parts: ``store_base`` (connection, transactions, failed writes), ``store_files`` (a job's
    files), ``store_records`` (the job records) and ``store_retention`` (pruning, recovery)."""

    def __init__(self, root: Path | None = None, clock: Callable[[], datetime] = utcnow) -> None:
        """Opens (or creates) the store; raises StorageError when it cannot be used. A damaged
        database is replaced (see the module doc); ``notice`` then says what happened."""
        self.root = Path(root) if root else data_dir()
        self.db_path = self.root / DB_NAME
        self.clock = clock
        self.owner = process_owner()
        self.notice: str | None = None  # what opening repaired, for the entry point to say
        self._lock = threading.RLock()
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
            make_private(self.root)
            self.jobs_dir.mkdir(exist_ok=True, mode=PRIVATE_DIR)
            make_private(self.jobs_dir)
            fresh = not self.db_path.exists() or self.db_path.stat().st_size == 0
        except OSError as exc:
            raise self._open_error(exc, self.root) from None
        try:
            self._db = self._connect()
        except sqlite3.DatabaseError as exc:
            if not damaged(exc):
                raise self._open_error(exc, self.db_path) from None
            moved = move_aside(self.db_path, self.clock(), exc)
            try:
                self._db = self._connect()
            except sqlite3.Error as again:
                raise self._open_error(again, self.db_path) from None
            self.notice = f"the store {self.db_path} was damaged ({exc}): moved to {moved}"
            fresh = True
        except OSError as exc:
            raise self._open_error(exc, self.db_path) from None
        if fresh:
            adopted, kept = self._adopt_folders()
            if adopted or kept or self.notice:
                note = f"re-read {adopted} job(s) from their folders"
                if kept:
                    note += (
                        f"; {kept} older folder(s) without a job.json were kept in {self.jobs_dir}"
                    )
                self.notice = f"{self.notice}; {note}" if self.notice else note
                log.warning("%s", self.notice)

    def _open_error(self, exc: BaseException, path: Path) -> StorageError:
        if disk_full(exc) or no_space(self.root if self.root.exists() else self.root.parent):
            return StorageFullError(
                f"cannot open the store {path}: no space left on the disk; free some space"
            )
        return StorageError(
            f"cannot open the store {path}: {reason(exc)}; make {self.root} writable, or set "
            f"{HOME_ENV} to a folder you can write to"
        )

    def _connect(self) -> sqlite3.Connection:
        private_file(self.db_path)
        if truncated(self.db_path):
            raise sqlite3.DatabaseError("database disk image is malformed (the file is truncated)")
        db = sqlite_db.connect(self.db_path)
        try:
            db.execute("PRAGMA foreign_keys=ON")
            db.executescript(SCHEMA)
            columns = {r[1] for r in db.execute("PRAGMA table_info(jobs)").fetchall()}
            if "seq" not in columns:  # a store made before the column existed
                db.execute("ALTER TABLE jobs ADD COLUMN seq INTEGER NOT NULL DEFAULT 0")
            db.execute("CREATE INDEX IF NOT EXISTS jobs_seq ON jobs(seq)")
            db.execute("BEGIN IMMEDIATE")  # a read-only store fails here, not at the first job
            db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        return db
