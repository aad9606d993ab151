"""The CLI against a hostile or unlucky user: closed pipes, signals, kill -9, files that are not
files, huge files, unreadable folders. Real subprocesses, real Tesseract."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.core.store import Store
from tests.conftest import cli as run_cli
from tests.conftest import obey_permissions, text_image

MEMORY_CAP = 2 * 2**30  # a reader without a size limit hits this instead of the machine


def _limited(extra: Callable[[], None] | None = None) -> Callable[[], None]:
    def setup() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
        if extra is not None:
            extra()

    return setup


def cli(*args: str, home: Path, preexec: Callable[[], None] | None = None, timeout: float = 90):
    return run_cli(*args, home=home, preexec=_limited(preexec), timeout=timeout)


def start(*args: str, home: Path, **kwargs: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        env={**os.environ, "IMAGEHQ_OCR_HOME": str(home)},
        preexec_fn=_limited(),
        **kwargs,
    )


def pages(folder: Path, count: int, lines: int = 30) -> list[Path]:
    """Pages of text slow enough (~1 s each) that a run is still busy when the test acts."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        text = [f"Page {i} line {n}: pack my box with five dozen liquor jugs" for n in range(lines)]
        path = folder / f"page{i}.png"
        text_image(text, size=18).save(path)
        paths.append(path)
    return paths


def busy_extract(
    tmp_path: Path, home: Path, count: int, **popen: Any
) -> tuple[subprocess.Popen[bytes], list[Path], Store]:
    """An extract run of ``count`` slow pages, one at a time, once it has got going."""
    files = pages(tmp_path / "in", count)
    out = str(tmp_path / "out")
    proc = start("extract", *map(str, files), "-j", "1", "-o", out, home=home, **popen)
    store = Store()
    try:
        wait_for_jobs(store, count)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    return proc, files, store


def wait_for_jobs(store: Store, count: int, started: int = 1, timeout: float = 60) -> None:
    """Until ``count`` jobs exist and ``started`` of them were taken up by a worker."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = store.list(limit=count + 10).jobs
        if len(jobs) >= count and sum(j.status != "queued" for j in jobs) >= started:
            return
        time.sleep(0.02)
    raise AssertionError(f"the run did not get going: {[j.status for j in jobs]}")


def unfinished(store: Store) -> list[str]:
    return [j.id for j in store.list(limit=1000).jobs if not j.is_final]


# -- 1. a closed pipe ------------------------------------------------------------------------
@pytest.mark.parametrize("merge_stderr", [True, False], ids=["2>&1 | head", "| head"])
def test_closed_output_ends_extract_promptly(isolated_home, tmp_path, merge_stderr):
    files = pages(tmp_path / "in", 5, lines=8)
    stderr = subprocess.STDOUT if merge_stderr else subprocess.PIPE
    proc = start(
        "extract", *map(str, files), "-j", "1", home=isolated_home, stdout=subprocess.PIPE,
        stderr=stderr,
    )  # fmt: skip
    assert proc.stdout is not None
    try:
        head = proc.stdout.read(10)  # `| head -c 10`
        proc.stdout.close()
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert head.startswith(b"==> ")
    assert code == 1
    if not merge_stderr:
        assert proc.stderr is not None
        err = proc.stderr.read().decode()
        assert "Traceback" not in err and "Exception" not in err, err
    store = Store()
    assert unfinished(store) == []  # the rest was canceled, not left queued
    canceled = [j for j in store.list(limit=10).jobs if j.status == "canceled"]
    assert canceled and all("output" in j.error["message"] for j in canceled)


# -- 12. interrupted runs --------------------------------------------------------------------
def test_ctrl_c_cancels_what_is_left(isolated_home, tmp_path):
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    proc, _, store = busy_extract(tmp_path, isolated_home, 4, **pipes)
    try:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130
    assert "Traceback" not in err.decode() and "interrupted" in err.decode()
    assert unfinished(store) == []
    statuses = {j.status for j in store.list(limit=10).jobs}
    assert "canceled" in statuses and statuses <= {"succeeded", "canceled"}


def test_killed_extract_leaves_no_phantom_jobs(isolated_home, tmp_path):
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    proc, files, store = busy_extract(tmp_path, isolated_home, 5, **quiet)
    proc.kill()
    proc.wait(10)
    left = set(unfinished(store))
    assert left  # the kill caught the run half-way

    listed = json.loads(cli("jobs", "--json", home=isolated_home).stdout)
    by_id = {j["id"]: j for j in listed}
    assert set(by_id) >= left
    for job_id in left:  # `jobs` says what happened instead of "queued" forever
        job = by_id[job_id]
        assert job["status"] == "failed", job
        assert job["error"]["code"] == "interrupted"
        assert f"pid {proc.pid}" in job["error"]["message"]
    assert unfinished(store) == []

    # and the next extract run does the same for a run killed before it
    again = start(
        "extract", *map(str, files[:3]), "-j", "1", home=isolated_home,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_jobs(store, 8)
    finally:
        again.kill()
        again.wait(10)
    assert unfinished(store)
    proc2 = cli("extract", str(tmp_path / "in" / "page0.png"), home=isolated_home)
    assert proc2.returncode == 0, proc2.stderr
    assert unfinished(store) == []


# -- 4. what extract reads ---------------------------------------------------------------------
def test_extract_reads_only_regular_image_files_under_the_cap(isolated_home, tmp_path, sample_png):
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.png"  # 1.5 GB that is not an image (sparse: costs no disk)
    with open(huge, "wb") as fh:
        fh.truncate(1536 * 2**20)
    big_png = tmp_path / "big.png"  # a PNG header, then 60 MB
    with open(big_png, "wb") as fh:
        fh.write(sample_png.read_bytes()[:16])
        fh.truncate(60 * 2**20)
    notes = tmp_path / "notes.png"
    notes.write_text("these are notes, not a picture\n")
    inputs = ["/dev/zero", str(fifo), str(huge), str(big_png), str(notes), str(sample_png)]
    proc = cli("extract", *inputs, timeout=60, home=isolated_home)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 5, proc.stderr
    reason = {line.split(": ")[2]: line for line in lines}
    assert "not a regular file" in reason["/dev/zero"]
    assert "not a regular file" in reason[str(fifo)]
    assert "over the limit of 50 MB" in reason[str(huge)]
    assert "over the limit of 50 MB" in reason[str(big_png)]
    assert "not a supported image" in reason[str(notes)]
    assert "The quick brown fox" in proc.stdout
    store = Store()  # only the image became a job; nothing refused was copied in
    assert [j.inputs[0].filename for j in store.list().jobs] == ["sample.png"]
    assert len(list(store.jobs_dir.iterdir())) == 1


def test_max_file_mb(isolated_home, tmp_path):
    noise = tmp_path / "noise.png"
    from PIL import Image

    Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3)).save(noise)
    assert noise.stat().st_size > 2**20
    proc = cli("extract", str(noise), "--max-file-mb", "1", home=isolated_home)
    assert proc.returncode == 1
    assert "over the limit of 1 MB (--max-file-mb)" in proc.stderr
    assert cli("extract", str(noise), "--max-file-mb", "0", home=isolated_home).returncode == 2


# -- 13. unreadable folders ------------------------------------------------------------------
def test_unreadable_folders_are_named(isolated_home, tmp_path):
    obeying = obey_permissions(tmp_path)
    top = tmp_path / "scans"
    (top / "locked").mkdir(parents=True)
    text_image(["visible page"]).save(top / "a.png")
    text_image(["hidden page"]).save(top / "locked" / "b.png")
    (top / "locked").chmod(0)
    try:
        proc = cli("extract", str(top), home=isolated_home, preexec=obeying)
        assert proc.returncode == 1
        assert proc.stdout == "visible page\n"
        [line] = proc.stderr.splitlines()
        assert str(top / "locked") in line and "cannot read this folder" in line
        assert "Permission denied" in line

        alone = cli("extract", str(top / "locked"), home=isolated_home, preexec=obeying)
        assert alone.returncode == 1
        [line] = alone.stderr.splitlines()
        assert "cannot read this folder" in line and "no image files" not in line
    finally:
        (top / "locked").chmod(0o700)


def test_jobs_marks_jobs_whose_server_is_gone(isolated_home):
    from app.core.job import Job, JobInput, new_job_id

    store = Store()
    job = Job(id=new_job_id(), source="api", inputs=[JobInput("a.png", "png", "image/png", 3)])
    store.create(job, [b"abc"])
    with store._tx() as db:  # as if a `serve` that has died (no such process) had queued it
        db.execute("UPDATE jobs SET owner = '999999999:1.000' WHERE id = ?", (job.id,))
    table = cli("jobs", home=isolated_home)
    assert table.returncode == 0, table.stderr
    assert "queued*" in table.stdout and "finishes it when it starts" in table.stdout
    [listed] = json.loads(cli("jobs", "--json", home=isolated_home).stdout)
    assert listed["status"] == "queued"  # a serve or the window will still finish it
    assert any("interrupted" in w for w in listed["warnings"])
