"""The store when things go wrong: a full disk, a damaged or unusable database, other users on
the machine, what pruning leaves behind, a job deleted while it runs."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from app.core.engines import get_engine
from app.core.job import Job, JobInput, new_job_id, utcnow
from app.core.store import Store
from app.jobs import InputData, JobManager
from tests.conftest import cli, fill_disk, obey_permissions, text_image


def png(lines: list[str], size: int = 22) -> bytes:
    buf = io.BytesIO()
    text_image(lines, size).save(buf, "PNG")
    return buf.getvalue()


def serve_once(home: Path, preexec: Any = None) -> subprocess.CompletedProcess[str]:
    """``serve`` that either fails at start (what these tests expect) or is stopped at once."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "IMAGEHQ_OCR_HOME": str(home), "IMAGEHQ_OCR_TOKEN": "t" * 20},
        preexec_fn=preexec,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        if first:
            proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return subprocess.CompletedProcess(proc.args, proc.returncode, first + out, err)


class PausingEngine:
    """The real engine; once it has read an image it tells the test and waits for it, so that
    the test acts at exactly that moment (between recognising and saving)."""

    def __init__(self) -> None:
        self._real = get_engine()
        self.name = self._real.name
        self.recognized = threading.Event()
        self.proceed = threading.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def recognize(self, image: Image.Image, options: Any, timeout: float, cancel: Any = None):
        result = self._real.recognize(image, options, timeout, cancel)
        self.recognized.set()
        self.proceed.wait(60)
        return result


def stored_status(root: Path, job_id: str) -> str:
    """The status as another process reads it from the database."""
    db = sqlite3.connect(f"file:{root / 'store.sqlite3'}?mode=ro", uri=True)
    try:
        return str(db.execute("SELECT status FROM jobs WHERE id = ?", (job_id,)).fetchone()[0])
    finally:
        db.close()


def wait_until(condition: Any, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


# -- 2. the disk fills up while a job runs --------------------------------------------------------
def test_full_disk_during_a_job_keeps_it_queued_until_space_returns(qapp, small_disk):
    root = small_disk / "data"
    engine = PausingEngine()
    manager = JobManager(Store(root), engine=engine, max_workers=1, prune_timer=False)
    try:
        job = manager.submit([InputData("page.png", png(["Disk full test", "second line"]))])
        assert engine.recognized.wait(30)
        filler = fill_disk(small_disk)
        engine.proceed.set()  # now it saves: the disk is full

        wait_until(lambda: any("could not take" in w for w in manager.get(job.id).warnings))
        seen = manager.get(job.id)
        assert seen.status == "queued" and seen.error is None  # waiting, not failed
        assert stored_status(root, job.id) in ("queued", "processing")  # not final either
        assert manager.queue_length() == 1
        assert sorted(p.name for p in manager.store.job_dir(job.id).iterdir()) == [
            "input_0",
            "job.json",
        ]  # no partial result, no .tmp

        filler.unlink()  # space returns: the job is retried and finishes
        done = manager.wait(job.id, 60)
        assert done.status == "succeeded", done.error
        assert done.text == "Disk full test\nsecond line"
        assert any("retried" in w for w in done.warnings)
        assert stored_status(root, job.id) == "succeeded"
        assert manager.queue_length() == 0
    finally:
        engine.proceed.set()
        manager.shutdown()
        manager.store.close()
    again = JobManager(Store(root), max_workers=1, prune_timer=False)  # a restart
    try:
        assert again.queue_length() == 0
        assert again.get(job.id).status == "succeeded"  # a final status never changes
    finally:
        again.shutdown()
        again.store.close()


# -- 6. new work on a full disk ----------------------------------------------------------------
def test_full_disk_refuses_new_work_with_a_clear_answer(qapp, small_disk, sample_png):
    import httpx

    from tests.api.conftest import TOKEN, start_api

    home = small_disk / "home"
    jobs_dir = home / "data" / "jobs"
    server, manager = start_api(home / "data")  # a server runs; then the disk fills
    try:
        filler = fill_disk(small_disk)
        proc = cli("extract", str(sample_png), home=home)
        assert proc.returncode == 1
        assert "Traceback" not in proc.stderr
        [line] = proc.stderr.splitlines()
        assert "no space left" in line
        assert list(jobs_dir.iterdir()) == []  # the partial input file is gone

        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
            resp = c.post("/v1/ocr", files=[("files[]", ("a.png", sample_png.read_bytes()))])
            assert resp.status_code == 507, resp.text
            assert resp.json()["error"]["code"] == "insufficient_storage"
            assert "no space left" in resp.json()["error"]["message"]
            assert list(jobs_dir.iterdir()) == []
            filler.unlink()
            resp = c.post("/v1/ocr", files=[("files[]", ("a.png", sample_png.read_bytes()))])
            assert resp.status_code == 202, resp.text
            assert manager.wait(resp.json()["id"], 60).status == "succeeded"
    finally:
        server.stop()
        manager.shutdown()
        manager.store.close()


# -- 3. a damaged or unusable store --------------------------------------------------------------
def _three_jobs(home: Path, tmp_path: Path) -> list[str]:
    for i in range(3):  # items 1-3: libtesseract 5.5 (tesserocr) reads this "item 0" as "item O"
        text_image([f"history item {i + 1}"]).save(tmp_path / f"h{i}.png")
    proc = cli("extract", *(str(tmp_path / f"h{i}.png") for i in range(3)), home=home)
    assert proc.returncode == 0, proc.stderr
    db = sqlite3.connect(home / "data" / "store.sqlite3")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ids = [r[0] for r in db.execute("SELECT id FROM jobs")]
    db.close()
    return ids


@pytest.mark.parametrize("damage", ["random bytes", "truncated", "empty"])
def test_damaged_store_is_moved_aside_and_the_history_reread(isolated_home, tmp_path, damage):
    ids = _three_jobs(isolated_home, tmp_path)
    db = isolated_home / "data" / "store.sqlite3"
    original = db.read_bytes()
    if damage == "random bytes":
        db.write_bytes(os.urandom(len(original)))
    elif damage == "truncated":
        db.write_bytes(original[: len(original) // 2])
    else:
        db.write_bytes(b"")
    damaged = db.read_bytes()

    proc = cli("jobs", "--json", home=isolated_home)
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("imagehq-ocr: warning:") and "re-read 3 job(s)" in line
    listed = json.loads(proc.stdout)
    assert sorted(j["id"] for j in listed) == sorted(ids)
    assert {j["status"] for j in listed} == {"succeeded"}
    texts = sorted(j["result_json"]["text"] for j in listed)
    assert texts == [f"history item {i + 1}" for i in range(3)]
    aside = sorted((isolated_home / "data").glob("store.sqlite3.corrupt-*"))
    if damage == "empty":
        assert aside == []  # nothing to keep
    else:
        assert str(aside[0]) in line and "damaged" in line
        assert aside[0].read_bytes() == damaged  # kept, not deleted
    again = cli("jobs", home=isolated_home)  # repaired once; quiet afterwards
    assert again.returncode == 0 and again.stderr == ""


def test_unusable_store_is_one_line_from_every_entry_point(isolated_home, tmp_path, sample_png):
    obeying = obey_permissions(tmp_path)
    assert cli("jobs", home=isolated_home).returncode == 0
    data = isolated_home / "data"
    (data / "store.sqlite3").chmod(0o400)
    data.chmod(0o500)  # a read-only data folder
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the home folder should be")
    try:
        cases = [(isolated_home, "store.sqlite3"), (blocker / "home", str(blocker / "home"))]
        for home, named in cases:
            for args in (["extract", str(sample_png)], ["jobs"], ["serve"]):
                if args == ["serve"]:
                    proc = serve_once(home, obeying)
                else:
                    proc = cli(*args, home=home, preexec=obeying)
                assert proc.returncode == 1, (args, proc.stdout, proc.stderr)
                assert "Traceback" not in proc.stderr
                [line] = proc.stderr.splitlines()
                assert line.startswith("imagehq-ocr: error:") and named in line, line
                assert "IMAGEHQ_OCR_HOME" in line, line
    finally:
        data.chmod(0o700)


# -- 7. private files ----------------------------------------------------------------------------
def _modes(home: Path) -> dict[str, str]:
    """Every folder and file under ``home`` that others could read or enter."""
    loose = {}
    for path in [home, *home.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            loose[str(path.relative_to(home))] = oct(mode)
    return loose


def test_everything_the_app_writes_is_private(isolated_home, sample_png):
    assert cli("extract", str(sample_png), home=isolated_home).returncode == 0
    assert cli("token", home=isolated_home).returncode == 0
    assert (isolated_home / "logs" / "imagehq-ocr.log").exists()
    assert _modes(isolated_home) == {}
    # a store made by an earlier version (0755 / 0644) is tightened when it is opened
    data = isolated_home / "data"
    data.chmod(0o755)
    (data / "store.sqlite3").chmod(0o644)
    (isolated_home / "logs" / "imagehq-ocr.log").chmod(0o644)
    assert cli("extract", str(sample_png), home=isolated_home).returncode == 0
    assert _modes(isolated_home) == {}


# -- 8. nothing of a pruned job lingers ----------------------------------------------------------
def test_pruned_text_leaves_no_trace_in_the_database_files(tmp_path):
    now = [utcnow()]
    root = tmp_path / "data"
    store = Store(root, clock=lambda: now[0])
    secret = "SECRETWORD " * 800  # long enough for overflow pages
    job = Job(
        id=new_job_id(),
        created_at=now[0],
        ttl_hours=1,
        status="succeeded",
        inputs=[JobInput("secretfile.png", "png", "image/png", 3)],
        text=secret,
        client_reference_id="SECRETREF-42",
    )
    store.create(job, [b"abc"])
    store.save(job)
    keep = Job(id=new_job_id(), created_at=now[0], ttl_hours=48, status="succeeded")
    store.create(keep, [b"xyz"])
    deleted = Job(id=new_job_id(), created_at=now[0], ttl_hours=48, status="succeeded")
    deleted.text = "DELETEDWORD " * 800
    store.create(deleted, [b"abc"])
    store.save(deleted)
    assert store.delete(deleted.id)
    now[0] += timedelta(hours=2)
    assert store.prune() == [job.id]
    # the files as they are while the server still runs, and after it stopped
    for moment in ("running", "stopped"):
        if moment == "stopped":
            store.close()
        for path in root.glob("store.sqlite3*"):
            content = path.read_bytes()
            for marker in (b"SECRETWORD", b"SECRETREF-42", b"secretfile", b"DELETEDWORD"):
                assert marker not in content, (moment, path.name, marker)
    assert Store(root).get(keep.id) is not None


# -- 14. deleting a running job -------------------------------------------------------------------
def test_delete_waits_for_the_worker_and_nothing_is_written_after(qapp, caplog):
    engine = PausingEngine()
    manager = JobManager(engine=engine, max_workers=1, prune_timer=False)
    caplog.set_level(logging.INFO)
    try:
        job = manager.submit([InputData("doomed.png", png(["to be deleted"]))])
        assert engine.recognized.wait(30)  # read, not yet saved
        deleting = threading.Thread(target=manager.delete, args=(job.id,))
        deleting.start()
        deleting.join(1.0)  # a delete that does not wait is done by now
        engine.proceed.set()
        deleting.join(30)
        assert not deleting.is_alive()
        manager.pool.waitForDone(30000)
        assert manager.get(job.id) is None
        assert not manager.store.job_dir(job.id).exists()
        problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert problems == []
        with sqlite3.connect(manager.store.db_path) as db:
            assert db.execute("SELECT COUNT(*) FROM cache").fetchone()[0] == 0
    finally:
        engine.proceed.set()
        manager.shutdown()
        manager.store.close()


def test_job_folders_hold_a_copy_of_their_record(qapp, sample_png):
    manager = JobManager(max_workers=1, prune_timer=False)
    try:
        job = manager.wait(manager.submit([InputData.from_path(sample_png)]).id, 60)
        record = json.loads(manager.store.record_path(job.id).read_text())
        assert record["status"] == "succeeded" and record["id"] == job.id
        assert re.match(r"^The quick brown fox", record["text"])
    finally:
        manager.shutdown()
        manager.store.close()


def test_a_young_unknown_folder_is_left_alone_an_old_one_is_reread(tmp_path):
    """Another process may be writing or deleting a job right now: the sweep re-reads a folder
    the database does not know only once it is an hour old (it used to say "re-read" about
    jobs that were merely being created by another process)."""
    store = Store(tmp_path / "data")
    job = Job(id=new_job_id(), status="succeeded", inputs=[JobInput("a.png", "png", "x", 3)])
    store.create(job, [b"abc"])
    store.save(job)  # final: job.json written
    with store._tx() as db:  # as if the record were not (yet, or any more) in the database
        db.execute("DELETE FROM jobs WHERE id = ?", (job.id,))
    store.prune()
    assert store.get(job.id) is None and store.job_dir(job.id).exists()
    old = time.time() - 2 * 3600
    os.utime(store.job_dir(job.id), (old, old))
    store.prune()
    adopted = store.get(job.id)
    assert adopted is not None and adopted.status == "succeeded"
    store.close()
