"""The local result store: SQLite (WAL) for job records, one folder of files per job.

Layout under the data dir::

    store.sqlite3            jobs, tombstones of pruned jobs
    jobs/<job id>/input_<i>  the input bytes as given
    jobs/<job id>/result_<i>.json  the full result model of input i
    jobs/<job id>/output_<i>       the rendered output of input i

Several processes (window, ``serve``, ``extract``) may share one store: SQLite's WAL and a busy
timeout serialise writers; each job records the process that owns it so that start-up recovery
only touches jobs whose owner is gone.
"""

from __future__ import annotations

import builtins
import json
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import psutil

from app.core.job import FINAL_STATUSES, PROCESSING, QUEUED, SUCCEEDED, Job, iso, utcnow
from app.core.model import OcrResult
from app.paths import data_dir

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
        self.root = Path(root) if root else data_dir()
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "jobs").mkdir(exist_ok=True)
        self.clock = clock
        self.owner = process_owner()
        self._lock = threading.RLock()
        self._db = sqlite3.connect(
            self.root / "store.sqlite3", timeout=30, check_same_thread=False, isolation_level=None
        )
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA busy_timeout=30000")
        self._db.executescript(SCHEMA)
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(jobs)").fetchall()}
        if "seq" not in columns:  # a store made before the column existed
            self._db.execute("ALTER TABLE jobs ADD COLUMN seq INTEGER NOT NULL DEFAULT 0")
        self._db.execute("CREATE INDEX IF NOT EXISTS jobs_seq ON jobs(seq)")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- files -----------------------------------------------------------------------------
    def job_dir(self, job_id: str) -> Path:
        if "/" in job_id or "\\" in job_id or job_id.startswith("."):
            raise ValueError("bad job id")
        return self.root / "jobs" / job_id

    def input_path(self, job_id: str, index: int) -> Path:
        return self.job_dir(job_id) / f"input_{index}"

    def output_path(self, job_id: str, index: int) -> Path:
        return self.job_dir(job_id) / f"output_{index}"

    def result_path(self, job_id: str, index: int) -> Path:
        return self.job_dir(job_id) / f"result_{index}.json"

    @staticmethod
    def _write_atomic(path: Path, data: bytes) -> None:
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    def read_input(self, job_id: str, index: int) -> bytes:
        return self.input_path(job_id, index).read_bytes()

    def has_inputs(self, job: Job) -> bool:
        return all(self.input_path(job.id, i).exists() for i in range(len(job.inputs)))

    def write_output(self, job_id: str, index: int, data: bytes) -> None:
        self._write_atomic(self.output_path(job_id, index), data)

    def read_output(self, job_id: str, index: int) -> bytes:
        return self.output_path(job_id, index).read_bytes()

    def save_result(
        self, job_id: str, index: int, result: dict[str, Any], cache_key: str | None
    ) -> None:
        data = json.dumps(result, ensure_ascii=False).encode("utf-8")
        self._write_atomic(self.result_path(job_id, index), data)
        if cache_key:
            with self._tx() as db:
                db.execute(
                    "INSERT OR IGNORE INTO cache(key, job_id, idx) VALUES (?, ?, ?)",
                    (cache_key, job_id, index),
                )

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
        """Writes the inputs, then the record: a job in the database always has its files."""
        folder = self.job_dir(job.id)
        folder.mkdir(parents=True, exist_ok=True)
        for i, blob in enumerate(blobs):
            self._write_atomic(self.input_path(job.id, i), blob)
        with self._tx() as db:
            db.execute(
                "INSERT INTO jobs(id, status, created_at, expires_at, client_reference_id, "
                "idempotency_key, owner, text, record, seq) "
                f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, {NEXT_SEQ})",
                self._row(job),
            )
        return job

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
        job.updated_at = self.clock()
        with self._tx() as db:
            db.execute(
                "UPDATE jobs SET status=?, expires_at=?, owner=?, text=?, record=?, "
                f"seq={NEXT_SEQ} WHERE id=?",
                (
                    job.status,
                    iso(job.expires_at),
                    self.owner,
                    job.text,
                    json.dumps(job.to_record(), ensure_ascii=False),
                    job.id,
                ),
            )

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
        with self._tx() as db:
            n = db.execute("DELETE FROM jobs WHERE id = ?", (job_id,)).rowcount
        shutil.rmtree(self.job_dir(job_id), ignore_errors=True)
        return n > 0

    # -- retention and recovery --------------------------------------------------------------
    def prune(self) -> builtins.list[str]:
        """Deletes jobs past ``expires_at`` (never one that is not) and their files."""
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
        self._remove_orphan_folders()
        return ids

    def _remove_orphan_folders(self) -> None:
        """Folders left by a crash between writing inputs and the record."""
        with self._lock:
            known = {r[0] for r in self._db.execute("SELECT id FROM jobs").fetchall()}
        cutoff = self.clock().timestamp() - 3600
        for folder in (self.root / "jobs").iterdir():
            if folder.name not in known and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)

    def next_expiry(self) -> datetime | None:
        with self._lock:
            row = self._db.execute("SELECT MIN(expires_at) FROM jobs").fetchone()
        from app.core.job import parse_iso

        return parse_iso(row[0]) if row and row[0] else None

    def claim_interrupted(self) -> builtins.list[Job]:
        """Jobs left queued or processing by a process that is gone; now owned by this one."""
        with self._lock:
            rows = self._db.execute(
                "SELECT owner, record FROM jobs WHERE status IN (?, ?) ORDER BY created_at",
                (QUEUED, PROCESSING),
            ).fetchall()
        claimed = []
        for row in rows:
            if row["owner"] == self.owner or owner_alive(row["owner"]):
                continue
            job = Job.from_record(json.loads(row["record"]))
            self.save(job)  # takes ownership
            claimed.append(job)
        return claimed

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
