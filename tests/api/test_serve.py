"""``imagehq-ocr serve`` as a real process: the README example against it, clean SIGTERM with
nothing lost, queued jobs taken up at the next start."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from app.core.store import Store
from tests.api.conftest import TOKEN, png_bytes

EXAMPLE = Path(__file__).with_name("example_client.py")


@contextmanager
def serve(*extra: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    env = {**os.environ, "IMAGEHQ_OCR_TOKEN": TOKEN}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", "0", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)", first)
        assert match, first + (proc.stderr.read() if proc.stderr else "")
        token_line = proc.stdout.readline()
        assert "IMAGEHQ_OCR_TOKEN" in token_line
        yield proc, match.group(1)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def stop(proc: subprocess.Popen[str]) -> tuple[int, str]:
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err


def test_readme_example_runs_verbatim(tmp_path: Path) -> None:
    image = tmp_path / "image.png"
    image.write_bytes(png_bytes(["Invoice 2041", "Total due 17.50 EUR"], size=28))
    with serve() as (proc, url):
        env = {**os.environ, "IMAGEHQ_OCR_URL": url, "IMAGEHQ_OCR_TOKEN": TOKEN}
        out = subprocess.run(
            [sys.executable, str(EXAMPLE), str(image)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert out.returncode == 0, out.stderr
        assert "Invoice 2041" in out.stdout and "17.50" in out.stdout
        assert "confidence 0." in out.stderr
        code, err = stop(proc)
    assert code == 0, err
    assert "stopped" in err


def test_sigterm_loses_nothing_and_the_next_start_finishes_the_queue() -> None:
    images = [png_bytes([f"Queued page {n}", "more text here"]) for n in range(8)]
    with serve() as (proc, url):
        headers = {"Authorization": f"Bearer {TOKEN}"}
        with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
            ids = [
                client.post("/v1/ocr", files=[("files[]", (f"{n}.png", data))]).json()["id"]
                for n, data in enumerate(images)
            ]
        code, err = stop(proc)
    assert code == 0, err
    store = Store()
    states = {job_id: store.get(job_id) for job_id in ids}
    assert all(job is not None for job in states.values())  # none lost
    statuses = {job.status for job in states.values() if job}
    assert statuses <= {"succeeded", "queued"}, statuses  # finished, or kept for later
    store.close()

    with serve() as (proc, url):  # recovery: the queued ones are taken up
        headers = {"Authorization": f"Bearer {TOKEN}"}
        with httpx.Client(base_url=url, headers=headers, timeout=60) as client:
            for job_id in ids:
                job = client.get(f"/v1/jobs/{job_id}", params={"wait": 30}).json()
                assert job["status"] == "succeeded", job
                n = ids.index(job_id)
                assert f"page {n}" in job["result_json"]["text"]
            listed = client.get("/v1/jobs", params={"limit": 100}).json()
        assert sorted(j["id"] for j in listed["jobs"]) == sorted(ids)  # none duplicated
        code, err = stop(proc)
    assert code == 0, err


def test_port_in_use_is_a_clear_error() -> None:
    with serve() as (proc, url):
        port = url.rsplit(":", 1)[1]
        env = {**os.environ, "IMAGEHQ_OCR_TOKEN": TOKEN}
        out = subprocess.run(
            [sys.executable, "-m", "app", "serve", "--port", port],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert out.returncode == 1
        assert "cannot listen" in out.stderr and "Traceback" not in out.stderr
        stop(proc)
