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

import builtins
import json
import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import psutil

from app.core import sqlite_db
from app.core.errors import StorageError, StorageFullError
from app.core.job import (
    FAILED,
    FINAL_STATUSES,
    PROCESSING,
    QUEUED,
    SUCCEEDED,
    Job,
    iso,
    utcnow,
)
from app.core.model import OcrResult
from app.core.sqlite_db import private_file
from app.core.storefs import (
    damaged,
    disk_full,
    move_aside,
    no_space,
    reason,
    truncated,
    write_atomic,
)
from app.paths import HOME_ENV, PRIVATE_DIR, data_dir, make_private

log = logging.getLogger(__name__)

DB_NAME = "store.sqlite3"
RECORD_NAME = "job.json"
#: A folder without a record is a submission that crashed before its record was written; it is
#: removed once it is this old (never sooner: its record may be on its way).
ORPHAN_GRACE_S = 3600

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
TOMBSTONE_DAYS = 30
# Every insert and update takes the next number (writes are serialised by BEGIN IMMEDIATE), so
# another process can ask what changed since the number it saw last.
NEXT_SEQ = "(SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs)"


def process_owner(pid: int | None = None) -> str:
    """``pid:start time``: tells a live owner from a dead one whose pid was reused."""
    proc = psutil.Process(pid or os.getpid())
    return f"{proc.pid}:{proc.create_time():.3f}"


def owner_alive(owner: str | None) -> bool:
    if not owner:
        return False
    try:
        pid_text, started = owner.split(":", 1)
        proc = psutil.Process(int(pid_text))
        return f"{proc.create_time():.3f}" == started and proc.status() != psutil.STATUS_ZOMBIE
    except (ValueError, psutil.Error):
        return False


@dataclass
class JobPage:
    jobs: list[Job]
    total: int


class JobGone(Exception):
    """The job existed but was pruned when its retention expired."""


class Store:
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

    @property
    def jobs_dir(self) -> Path:
        return self.root / "jobs"

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

    def close(self) -> None:
        with self._lock:
            self.checkpoint()
            self._db.close()

    def checkpoint(self) -> None:
        """Moves the WAL into the database and truncates it (best effort: a reader of another
        process may hold it; the next checkpoint catches up)."""
        with self._lock:
            try:
                self._db.execute("PRAGMA busy_timeout=2000")
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as exc:
                log.info("checkpoint skipped: %s", exc)
            finally:
                with suppress(sqlite3.Error):
                    self._db.execute("PRAGMA busy_timeout=30000")

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        return sqlite_db.immediate(self._db, self._lock)

    @contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """Turns a failed write into StorageError (StorageFullError when the disk is full);
        an IntegrityError (a constraint: the idempotency key) passes unchanged."""
        try:
            yield
        except (StorageError, sqlite3.IntegrityError):
            raise
        except (OSError, sqlite3.Error) as exc:
            if disk_full(exc) or no_space(self.root):
                raise StorageFullError(
                    f"cannot save {what}: no space left on the disk that holds {self.root}; "
                    "free some space"
                ) from exc
            raise StorageError(f"cannot save {what} in {self.root}: {reason(exc)}") from exc

    # -- files -----------------------------------------------------------------------------
    def job_dir(self, job_id: str) -> Path:
        if "/" in job_id or "\\" in job_id or job_id.startswith("."):
            raise ValueError("bad job id")
        return self.jobs_dir / job_id

    def record_path(self, job_id: str) -> Path:
        return self.job_dir(job_id) / RECORD_NAME

    def input_path(self, job_id: str, index: int) -> Path:
        return self.job_dir(job_id) / f"input_{index}"

    def output_path(self, job_id: str, index: int) -> Path:
        return self.job_dir(job_id) / f"output_{index}"

    def result_path(self, job_id: str, index: int) -> Path:
        return self.job_dir(job_id) / f"result_{index}.json"

    def read_input(self, job_id: str, index: int) -> bytes:
        return self.input_path(job_id, index).read_bytes()

    def has_inputs(self, job: Job) -> bool:
        return all(self.input_path(job.id, i).exists() for i in range(len(job.inputs)))

    def write_output(self, job_id: str, index: int, data: bytes) -> None:
        with self._writing(f"the output of {job_id}"):
            write_atomic(self.output_path(job_id, index), data)

    def read_output(self, job_id: str, index: int) -> bytes:
        return self.output_path(job_id, index).read_bytes()

    def save_result(
        self, job_id: str, index: int, result: dict[str, Any], cache_key: str | None
    ) -> None:
        data = json.dumps(result, ensure_ascii=False).encode("utf-8")
        with self._writing(f"the result of {job_id}"):
            write_atomic(self.result_path(job_id, index), data)
            if cache_key:
                with self._tx() as db:  # not for a job deleted meanwhile (by another process)
                    db.execute(
                        "INSERT OR IGNORE INTO cache(key, job_id, idx) SELECT ?, ?, ? "
                        "WHERE EXISTS (SELECT 1 FROM jobs WHERE id = ?)",
                        (cache_key, job_id, index, job_id),
                    )

    def edit_path(self, job_id: str, index: int) -> Path:
        return self.job_dir(job_id) / f"edit_{index}.txt"

    def save_edit(self, job_id: str, index: int, text: str | None) -> None:
        """Keeps the user's edit of an input's text next to its result; None removes it (the
        recognised text is what counts again)."""
        path = self.edit_path(job_id, index)
        if text is None:
            with suppress(FileNotFoundError):
                path.unlink()
            return
        with self._writing(f"the edited text of {job_id}"):
            write_atomic(path, text.encode("utf-8"), sync=False)

    def load_edit(self, job_id: str, index: int) -> str | None:
        """The user's edit of an input's text, None when there is none."""
        try:
            return self.edit_path(job_id, index).read_text(encoding="utf-8")
        except (OSError, ValueError):
            return None

    def discard_results(self, job: Job) -> None:
        """Removes what a job wrote of its results (before it runs again); best effort."""
        for n in range(len(job.inputs)):
            for path in (self.result_path(job.id, n), self.output_path(job.id, n)):
                with suppress(OSError):
                    path.unlink()
        with suppress(sqlite3.Error), self._tx() as db:
            db.execute("DELETE FROM cache WHERE job_id = ?", (job.id,))

    def load_result(self, job_id: str, index: int) -> dict[str, Any] | None:
        try:
            data: dict[str, Any] = json.loads(self.result_path(job_id, index).read_bytes())
            return data
        except (OSError, ValueError):
            return None

    def result_json(self, job: Job) -> dict[str, Any] | None:
        """The job's ``result_json``: the result of its input, or of all inputs for a batch
        (texts joined by form feeds, ``documents`` per input, ``pages`` with layout)."""
        if job.status != SUCCEEDED:
            return None
        results = []
        for n, inp in enumerate(job.inputs):
            stored = self.load_result(job.id, n) if not inp.error else None
            if stored is None:
                continue
            data = OcrResult.from_storage(stored).to_dict(layout=job.layout)
            if "receipt" in stored:
                data["receipt"] = stored["receipt"]
            data["filename"] = inp.filename
            results.append(data)
        if not results:
            return None
        if len(job.inputs) == 1:
            results[0].pop("filename", None)
            return results[0]
        merged: dict[str, Any] = {
            "confidence": job.confidence,
            "text": "\f".join(r["text"] for r in results),
            "language": job.options.language,
            "documents": results,
        }
        if job.layout:
            merged["pages"] = [p for r in results for p in r.get("pages", [])]
        return merged

    def find_cached(self, cache_key: str) -> dict[str, Any] | None:
        """A stored result for the same image, options and engine, from an unexpired job."""
        with self._lock:
            rows = self._db.execute(
                "SELECT c.job_id, c.idx FROM cache c JOIN jobs j ON j.id = c.job_id "
                "WHERE c.key = ? AND j.expires_at > ? ORDER BY j.created_at DESC LIMIT 3",
                (cache_key, iso(self.clock())),
            ).fetchall()
        for row in rows:
            result = self.load_result(row["job_id"], row["idx"])
            if result is not None:
                return result
        return None

    # -- records ---------------------------------------------------------------------------
    def create(self, job: Job, blobs: list[bytes]) -> Job:
        """Writes the inputs, then the record, then its copy (job.json): a job in the database
        always has its files, and a job.json always has its row. Nothing stays of a failed
        create (StorageError, or IntegrityError for a taken idempotency key)."""
        folder = self.job_dir(job.id)
        try:
            with self._writing(f"the input of {job.id}"):
                folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
                for i, blob in enumerate(blobs):
                    write_atomic(self.input_path(job.id, i), blob)
                with self._tx() as db:
                    db.execute(
                        "INSERT INTO jobs(id, status, created_at, expires_at, "
                        "client_reference_id, idempotency_key, owner, text, record, seq) "
                        f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, {NEXT_SEQ})",
                        self._row(job),
                    )
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        try:
            self._write_record(job)
        except OSError as exc:  # the copy is a spare; the job.json of the final state follows
            log.info("job %s: no job.json yet: %s", job.id, reason(exc))
        return job

    def _write_record(self, job: Job) -> None:
        data = json.dumps(job.to_record(), ensure_ascii=False).encode("utf-8")
        write_atomic(self.record_path(job.id), data, sync=False)

    @staticmethod
    def _read_record(folder: Path) -> Job | None:
        try:
            job = Job.from_record(json.loads((folder / RECORD_NAME).read_bytes()))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None
        return job if job.id == folder.name else None

    def _row(self, job: Job) -> tuple[Any, ...]:
        return (
            job.id,
            job.status,
            iso(job.created_at),
            iso(job.expires_at),
            job.client_reference_id,
            job.idempotency_key,
            self.owner,
            job.text,
            json.dumps(job.to_record(), ensure_ascii=False),
        )

    def save(self, job: Job) -> None:
        """Writes the job (and, once it is final, its job.json first). Raises StorageError when
        it cannot be written."""
        self._write(job, None)

    def take_over(self, job: Job, owner: str | None) -> bool:
        """Writes the job only if it is still queued or processing under ``owner`` (None: no
        owner), making this process its owner; returns whether it did."""
        return self._write(job, (owner,))

    def _write(self, job: Job, expect: tuple[str | None] | None) -> bool:
        job.updated_at = self.clock()
        record = json.dumps(job.to_record(), ensure_ascii=False)
        sql = (
            "UPDATE jobs SET status=?, expires_at=?, owner=?, text=?, record=?, "
            f"seq={NEXT_SEQ} WHERE id=?"
        )
        args: list[Any] = [job.status, iso(job.expires_at), self.owner, job.text, record, job.id]
        if expect is not None:
            sql += " AND owner IS ? AND status IN (?, ?)"
            args += [expect[0], QUEUED, PROCESSING]
        with self._writing(f"job {job.id}"):
            if job.is_final and self.job_dir(job.id).is_dir():
                write_atomic(self.record_path(job.id), record.encode("utf-8"), sync=False)
            with self._tx() as db:
                return bool(db.execute(sql, args).rowcount == 1)

    def get(self, job_id: str) -> Job | None:
        """The job, or None when unknown. Raises JobGone for a job pruned by retention."""
        with self._lock:
            row = self._db.execute("SELECT record FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                gone = self._db.execute(
                    "SELECT 1 FROM tombstones WHERE id = ?", (job_id,)
                ).fetchone()
                if gone:
                    raise JobGone(job_id)
                return None
        return Job.from_record(json.loads(row["record"]))

    def find_idempotent(self, key: str) -> Job | None:
        with self._lock:
            row = self._db.execute(
                "SELECT record FROM jobs WHERE idempotency_key = ?", (key,)
            ).fetchone()
        return Job.from_record(json.loads(row["record"])) if row else None

    def list(
        self,
        *,
        limit: int = 100,
        offset: int = 0,
        status: str | None = None,
        client_reference_id: str | None = None,
        search: str | None = None,
    ) -> JobPage:
        """Newest first; ``search`` matches the recognised text and file names."""
        where, args = ["1=1"], []  # type: ignore[var-annotated]
        if status:
            where.append("status = ?")
            args.append(status)
        if client_reference_id:
            where.append("client_reference_id = ?")
            args.append(client_reference_id)
        if search:
            where.append("(text LIKE ? ESCAPE '\\' OR record LIKE ? ESCAPE '\\')")
            escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            pattern = f"%{escaped}%"
            args += [pattern, pattern]
        clause = " AND ".join(where)
        with self._lock:
            total = self._db.execute(f"SELECT COUNT(*) FROM jobs WHERE {clause}", args).fetchone()[
                0
            ]
            rows = self._db.execute(
                f"SELECT record FROM jobs WHERE {clause} ORDER BY created_at DESC, id "
                "LIMIT ? OFFSET ?",
                [*args, limit, offset],
            ).fetchall()
        return JobPage([Job.from_record(json.loads(r["record"])) for r in rows], int(total))

    def delete(self, job_id: str) -> bool:
        """Removes the files (job.json first: a folder is never re-read once its deletion has
        begun), then the record."""
        with suppress(OSError):
            self.record_path(job_id).unlink()
        shutil.rmtree(self.job_dir(job_id), ignore_errors=True)
        with self._writing(f"the deletion of {job_id}"), self._tx() as db:
            n = db.execute("DELETE FROM jobs WHERE id = ?", (job_id,)).rowcount
        if n:
            self.checkpoint()  # the deleted text must not linger in the WAL
        return n > 0

    # -- retention and recovery --------------------------------------------------------------
    def prune(self, sweep: bool = True) -> builtins.list[str]:
        """Deletes jobs past ``expires_at`` (never one that is not) and their files; with
        ``sweep``, also the job folders the database does not know (see ``_sweep_folders``:
        it lists every job folder, 30-50 ms with 10,000 jobs, which a start need not wait for)."""
        now = self.clock()
        with self._tx() as db:
            rows = db.execute(
                "SELECT id FROM jobs WHERE expires_at <= ? AND status IN (?, ?, ?)",
                (iso(now), *sorted(FINAL_STATUSES)),
            ).fetchall()
            ids = [r["id"] for r in rows]
            for job_id in ids:
                db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
                db.execute(
                    "INSERT OR REPLACE INTO tombstones(id, expired_at) VALUES (?, ?)",
                    (job_id, iso(now)),
                )
            db.execute(
                "DELETE FROM tombstones WHERE expired_at < ?",
                (iso(now - timedelta(days=TOMBSTONE_DAYS)),),
            )
        for job_id in ids:
            shutil.rmtree(self.job_dir(job_id), ignore_errors=True)
        if sweep:
            self._sweep_folders()
        if ids:
            self.checkpoint()  # the pruned text must not linger in the WAL
        return ids

    def _unknown_folders(self) -> tuple[builtins.list[Path], set[str]]:
        """Job folders without a record, and the ids of pruned jobs."""
        with self._lock:
            known = {r[0] for r in self._db.execute("SELECT id FROM jobs").fetchall()}
            gone = {r[0] for r in self._db.execute("SELECT id FROM tombstones").fetchall()}
        try:
            folders = [f for f in self.jobs_dir.iterdir() if f.name not in known and f.is_dir()]
        except OSError:
            return [], gone
        return folders, gone

    def _adopt(self, folder: Path) -> bool:
        """Re-reads a job folder's job.json into a record (its owner unknown, so the usual
        recovery takes up a job that had not finished); False when there is nothing to read
        or the record exists after all."""
        job = self._read_record(folder)
        if job is None:
            return False
        row = list(self._row(job))
        row[6] = None  # owner
        with self._writing(f"job {job.id}"), self._tx() as db:
            return bool(
                db.execute(
                    "INSERT OR IGNORE INTO jobs(id, status, created_at, expires_at, "
                    "client_reference_id, idempotency_key, owner, text, record, seq) "
                    f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, {NEXT_SEQ})",
                    row,
                ).rowcount
                == 1
            )

    def _adopt_folders(self) -> tuple[int, int]:
        """After the database was replaced: every folder with a job.json becomes a record
        again. Returns (re-read, kept as they are)."""
        folders, gone = self._unknown_folders()
        adopted = kept = 0
        for folder in folders:
            if folder.name in gone:
                continue
            if self._adopt(folder):
                adopted += 1
            elif any(folder.glob("result_*")):
                kept += 1
        return adopted, kept

    def _sweep_folders(self) -> None:
        """Folders the database does not know: a pruned job's (removed); once an hour old (a
        younger one may belong to a job that another process is writing or deleting right
        now), one with a job.json (re-read) or a submission that crashed before its record
        (removed). A folder with results but no job.json is never removed without a record."""
        folders, gone = self._unknown_folders()
        cutoff = self.clock().timestamp() - ORPHAN_GRACE_S
        for folder in folders:
            try:
                if folder.name in gone:
                    shutil.rmtree(folder, ignore_errors=True)
                elif folder.stat().st_mtime >= cutoff:
                    continue
                elif (folder / RECORD_NAME).exists():
                    if self._adopt(folder):
                        log.warning("re-read job %s from its folder", folder.name)
                elif not any(folder.glob("result_*")):
                    log.info("removing %s: a submission that never got its record", folder)
                    shutil.rmtree(folder, ignore_errors=True)
            except (OSError, StorageError) as exc:
                log.info("job folder %s left as it is: %s", folder, exc)

    def next_expiry(self) -> datetime | None:
        with self._lock:
            row = self._db.execute("SELECT MIN(expires_at) FROM jobs").fetchone()
        from app.core.job import parse_iso

        return parse_iso(row[0]) if row and row[0] else None

    def _interrupted(self) -> builtins.list[tuple[str | None, Job]]:
        """(owner, job) of the jobs left queued or processing by a process that is gone."""
        with self._lock:
            rows = self._db.execute(
                "SELECT owner, record FROM jobs WHERE status IN (?, ?) ORDER BY created_at",
                (QUEUED, PROCESSING),
            ).fetchall()
        return [
            (row["owner"], Job.from_record(json.loads(row["record"])))
            for row in rows
            if row["owner"] != self.owner and not owner_alive(row["owner"])
        ]

    def interrupted_ids(self) -> set[str]:
        """Jobs that say queued or processing although the process running them is gone."""
        return {job.id for _, job in self._interrupted()}

    def claim_interrupted(self) -> builtins.list[Job]:
        """Jobs left queued or processing by a process that is gone; now owned by this one.
        Taking one over is atomic: of two processes recovering at once, one gets it."""
        return [job for owner, job in self._interrupted() if self.take_over(job, owner)]

    def fail_interrupted(self, source: str) -> builtins.list[Job]:
        """Marks failed the unfinished jobs of ``source`` whose process is gone: an
        ``imagehq-ocr extract`` run that was killed leaves jobs that nobody will ask for."""
        failed = []
        for owner, job in self._interrupted():
            if job.source != source:
                continue
            pid = (owner or "").split(":", 1)[0] or "unknown"
            job.status = job.current_stage = FAILED
            job.finished_at = self.clock()
            job.error = {
                "code": "interrupted",
                "message": f"interrupted: the process that ran it (pid {pid}) ended before "
                "it finished; run it again",
            }
            if self.take_over(job, owner):
                failed.append(job)
        return failed

    def changes(self, after: int, limit: int = 200) -> tuple[int, builtins.list[Job]]:
        """Jobs written by other processes since change number ``after``, oldest first, and the
        newest change number seen (pass it back next time). ``after=-1``: only the number."""
        with self._lock:
            if after < 0:
                row = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM jobs").fetchone()
                return int(row[0]), []
            rows = self._db.execute(
                "SELECT seq, owner, record FROM jobs WHERE seq > ? ORDER BY seq LIMIT ?",
                (after, limit),
            ).fetchall()
        last = max([after, *(int(r["seq"]) for r in rows)])
        jobs = [Job.from_record(json.loads(r["record"])) for r in rows if r["owner"] != self.owner]
        return last, jobs

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM jobs").fetchone()[0])
