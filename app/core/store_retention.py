"""Retention and recovery in the ``Store``: pruning expired jobs (their tombstones say "gone"),
the job folders the database does not know (re-read from their ``job.json`` or removed), the jobs
a process that is gone left unfinished, and the changes other processes wrote."""

from __future__ import annotations

import builtins
import json
import logging
import shutil
from datetime import timedelta
from pathlib import Path

import psutil

from app.core.errors import StorageError
from app.core.job import FAILED, FINAL_STATUSES, PROCESSING, QUEUED, Job, iso
from app.core.store_base import NEXT_SEQ
from app.core.store_files import RECORD_NAME
from app.core.store_records import StoreRecords

log = logging.getLogger("app.core.store")  # the store's log, whichever of its modules writes

#: A folder without a record is a submission that crashed before its record was written; it is
#: removed once it is this old (never sooner: its record may be on its way).
ORPHAN_GRACE_S = 3600
TOMBSTONE_DAYS = 30


def owner_alive(owner: str | None) -> bool:
    if not owner:
        return False
    try:
        pid_text, started = owner.split(":", 1)
        proc = psutil.Process(int(pid_text))
        return f"{proc.create_time():.3f}" == started and proc.status() != psutil.STATUS_ZOMBIE
    except (ValueError, psutil.Error):
        return False


class StoreRetention(StoreRecords):
    """Pruning, folders without a record, interrupted jobs, changes of other processes."""

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
