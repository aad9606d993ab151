"""`imagehq-ocr FILE…` opens the window with those files as jobs (the desktop entry's `Exec=…
%F`, a file manager's "Open with"); a second launch with files hands them to the running
window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import build_parser, window_paths
from tests.conftest import text_image

ROOT = Path(__file__).resolve().parents[2]


def test_window_paths_are_files_not_commands(tmp_path: Path) -> None:
    image = tmp_path / "scan.png"
    image.write_bytes(b"")
    parser = build_parser()
    assert window_paths([str(image), "other.png"], parser) == [
        str(image),
        os.path.abspath("other.png"),
    ]
    assert window_paths(["extract", str(image)], parser) is None
    assert window_paths(["--version"], parser) is None
    assert window_paths([], parser) is None
    assert window_paths(["extrakt"], parser) is None  # a typo keeps argparse's one-line error


def _jobs(env: dict[str, str]) -> list[dict]:
    run = subprocess.run(
        [sys.executable, "-m", "app", "jobs", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    return json.loads(run.stdout or "[]")


def _wait_for_job(env: dict[str, str], name: str, timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for job in _jobs(env):
            names = [i.get("filename") for i in job.get("inputs") or []]
            if name in names and job["status"] == "succeeded":
                return job
        time.sleep(0.5)
    raise AssertionError(f"no succeeded job for {name}: {_jobs(env)}")


def test_files_on_the_command_line_become_jobs_also_via_a_running_window(tmp_path: Path) -> None:
    first, second = tmp_path / "first.png", tmp_path / "second.png"
    text_image(["Invoice 2041"], 32).save(first)
    text_image(["Total 17.50"], 32).save(second)
    env = {
        **os.environ,
        "IMAGEHQ_OCR_HOME": str(tmp_path / "home"),
        "QT_QPA_PLATFORM": "offscreen",
        "OMP_THREAD_LIMIT": "1",
    }
    window = subprocess.Popen(
        [sys.executable, "-m", "app", str(first)],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        job = _wait_for_job(env, "first.png")
        assert window.poll() is None, window.stderr.read() if window.stderr else ""
        # A second launch with a file: it asks the running window to read it and ends.
        relay = subprocess.run(
            [sys.executable, "-m", "app", str(second)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert relay.returncode == 0, relay.stderr
        other = _wait_for_job(env, "second.png")
        assert other["id"] != job["id"] and window.poll() is None
    finally:
        window.terminate()
        try:
            _, err = window.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            window.kill()
            pytest.fail("the window did not end on SIGTERM")
    assert "Traceback" not in err, err
