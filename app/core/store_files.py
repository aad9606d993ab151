"""A job's files in the ``Store``: its inputs, results (and the cache index of them), rendered
outputs and the user's edits, under ``jobs/<job id>/``; what a job's ``result_json`` is made of.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import suppress
from pathlib import Path
from typing import Any

from app.core.job import SUCCEEDED, Job, iso
from app.core.model import OcrResult
from app.core.store_base import StoreBase
from app.core.storefs import write_atomic

RECORD_NAME = "job.json"


class StoreFiles(StoreBase):
    """Where a job's files are, and reading and writing them."""

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
