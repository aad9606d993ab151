"""The job records of the ``Store``: a row in SQLite (the record as JSON, with the columns that
are searched) and its copy, ``job.json``, in the job's folder; creating, saving, taking over,
reading, listing and deleting them."""

from __future__ import annotations

import json
import logging
import shutil
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.job import PROCESSING, QUEUED, Job, iso
from app.core.store_base import NEXT_SEQ
from app.core.store_files import RECORD_NAME, StoreFiles
from app.core.storefs import reason, write_atomic
from app.paths import PRIVATE_DIR

log = logging.getLogger("app.core.store")  # the store's log, whichever of its modules writes


@dataclass
class JobPage:
    jobs: list[Job]
    total: int


class JobGone(Exception):
    """The job existed but was pruned when its retention expired."""


class StoreRecords(StoreFiles):
    """The jobs' records."""

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
