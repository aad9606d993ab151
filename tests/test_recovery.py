"""Crash safety: kill -9 a batch, restart, and nothing is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.core.store import Store
from app.jobs import JobManager
from tests.conftest import text_image


def test_killed_batch_is_requeued_on_restart(qapp, tmp_path, isolated_home):
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(6):
        lines = [f"Page {i} line {n}: pack my box with five dozen liquor jugs" for n in range(30)]
        text_image(lines, size=18).save(folder / f"page{i}.png")
    env = {**os.environ, "IMAGEHQ_OCR_HOME": str(isolated_home)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "extract",
            str(folder),
            "-j",
            "1",
            "-o",
            str(tmp_path / "out"),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    store = Store()
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:  # wait until the batch is half-way
            page = store.list(limit=10)
            if page.total == 6 and sum(j.status == "succeeded" for j in page.jobs) >= 1:
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the batch never started")
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)

    before = {j.id: j for j in store.list(limit=10).jobs}
    done_before = {i for i, j in before.items() if j.status == "succeeded"}
    unfinished = [i for i, j in before.items() if j.status in ("queued", "processing")]
    assert done_before and unfinished, {j.status for j in before.values()}
    # one interrupted job lost its input: it must fail with a warning, not hang
    lost = unfinished[-1]
    Path(store.input_path(lost, 0)).unlink()

    manager = JobManager(max_workers=2, prune_timer=False)  # the restart
    try:
        assert manager.wait_all(90)
        after = {j.id: j for j in manager.store.list(limit=10).jobs}
        assert set(after) == set(before)  # nothing lost, nothing duplicated
        for job_id in done_before:
            assert after[job_id].to_record() == before[job_id].to_record()  # untouched
        for job_id in unfinished:
            job = after[job_id]
            if job_id == lost:
                assert job.status == "failed" and "input" in job.error["message"]
            else:
                assert job.status == "succeeded"
                assert "re-queued after the app was interrupted" in job.warnings
                assert job.text.startswith("Page ")
    finally:
        manager.shutdown()
