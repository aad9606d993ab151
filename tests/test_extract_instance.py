"""``imagehq-ocr extract IMAGE`` while the window is open: the window reads it (warm), as the same
job in the same store; Ctrl+C cancels that job; a busy window or --local reads in the command."""

from __future__ import annotations

import base64
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.instance import Connection, socket_path
from tests.conftest import text_image
from tests.test_imageio import bomb_png

ROOT = Path(__file__).resolve().parents[1]


def png(lines: list[str], size: int = 24) -> bytes:
    buf = io.BytesIO()
    text_image(lines, size=size).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def window(isolated_home: Path) -> Iterator[subprocess.Popen[str]]:
    """The window, offscreen, in a process of its own (what a user has open)."""
    env = {**os.environ, "IMAGEHQ_OCR_HOME": str(isolated_home), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while (conn := Connection.open()) is None:
        assert proc.poll() is None and time.monotonic() < deadline, "the window did not start"
        time.sleep(0.05)
    conn.close()
    yield proc
    proc.terminate()
    try:
        proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
    path = socket_path()
    if path is not None:
        path.unlink(missing_ok=True)


def extract(home: Path, *args: str, **kwargs: Any) -> subprocess.Popen[str]:
    env = {**os.environ, "IMAGEHQ_OCR_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "app", "extract", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def jobs(home: Path) -> list[tuple[str, str, int, dict[str, Any]]]:
    """(id, status, owner pid, record) of every stored job, oldest first."""
    with sqlite3.connect(home / "data" / "store.sqlite3") as db:
        rows = db.execute("SELECT id, status, owner, record FROM jobs ORDER BY created_at")
        return [(i, s, int(o.split(":")[0]), json.loads(r)) for i, s, o, r in rows]


@pytest.mark.skipif(sys.platform == "win32", reason="the client speaks to a Unix socket")
def test_one_image_is_read_by_the_open_window(window, isolated_home, tmp_path) -> None:
    image = tmp_path / "note.png"
    image.write_bytes(png(["Handed to the window"]))
    here = extract(isolated_home, str(image))
    out, err = here.communicate(timeout=60)
    assert (here.returncode, out, err) == (0, "Handed to the window\n", "")
    local = extract(isolated_home, "--local", "--format", "json", str(image))
    out_local, _ = local.communicate(timeout=60)
    assert local.returncode == 0 and json.loads(out_local)["text"] == "Handed to the window"
    (_, status, owner, record), (_, _, local_owner, _) = jobs(isolated_home)
    assert status == "succeeded" and record["source"] == "cli"
    assert owner == window.pid  # the window made and ran it
    assert local_owner not in (window.pid, here.pid)  # --local: the command's own process
    # What the command says about a bad file or a bad option is what it says without a window.
    bad = extract(isolated_home, str(tmp_path / "missing.png"))
    assert bad.communicate(timeout=60)[1] == (
        f"imagehq-ocr: error: {tmp_path / 'missing.png'}: no such file\n"
    )
    assert bad.returncode == 1
    klingon = extract(isolated_home, "--lang", "klingon", str(image))
    _, err = klingon.communicate(timeout=60)
    assert klingon.returncode == 1 and "language 'klingon' is not installed" in err
    # A pixel bomb (checked by the window) and a non-image (checked here) become no job, and
    # get the line they get without a window.
    (tmp_path / "bomb.png").write_bytes(bomb_png())
    (tmp_path / "notes.png").write_text("not an image")
    for name in ("bomb.png", "notes.png"):
        there = extract(isolated_home, str(tmp_path / name))
        alone = extract(isolated_home, "--local", str(tmp_path / name))
        assert there.communicate(timeout=60) == alone.communicate(timeout=60)
        assert there.returncode == alone.returncode == 1
    assert len(jobs(isolated_home)) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="the client speaks to a Unix socket")
def test_ctrl_c_cancels_the_windows_job(window, isolated_home, tmp_path) -> None:
    page = [f"Line {i}: the quick brown fox jumps over the lazy dog" for i in range(60)]
    image = tmp_path / "page.png"
    image.write_bytes(png(page, size=18))
    proc = extract(isolated_home, str(image))
    deadline = time.monotonic() + 30
    while not [j for j in jobs_or_none(isolated_home) if j[1] == "processing"]:
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and err == "imagehq-ocr: interrupted\n" and out == ""
    deadline = time.monotonic() + 30
    while (final := jobs(isolated_home)[0])[1] == "processing":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    _, status, owner, record = final
    assert (status, owner) == ("canceled", window.pid)
    assert "interrupted" in record["error"]["message"]


def jobs_or_none(home: Path) -> list[tuple[str, str, int, dict[str, Any]]]:
    try:
        return jobs(home)
    except sqlite3.Error:
        return []


def test_a_busy_window_declines(qapp) -> None:
    """A window that is reading other jobs answers busy (the command then reads it itself,
    rather than waiting behind them); an idle one takes the job and answers twice."""
    from app.gui.extract_requests import ExtractRequests
    from app.jobs import InputData, JobManager

    class Answers:
        def __init__(self) -> None:
            self.lines: list[dict[str, Any]] = []
            self.closers: list[Any] = []

        def __call__(self, message: dict[str, Any]) -> None:
            self.lines.append(message)

        def send(self, message: dict[str, Any]) -> None:
            self.lines.append(message)

        def on_close(self, callback: Any) -> None:
            self.closers.append(callback)

    manager = JobManager(max_workers=1, prune_timer=False)
    handler = ExtractRequests(manager)
    request = {
        "cmd": "extract",
        "file": "a.png",
        "data": base64.b64encode(png(["Idle window"])).decode(),
        "options": {"language": "eng"},
    }
    try:
        page = [f"Line {i}: the quick brown fox jumps over the lazy dog" for i in range(40)]
        running = manager.submit([InputData("big.png", png(page, size=18))])
        busy = Answers()
        handler.handle(request, busy)  # type: ignore[arg-type]
        assert busy.lines == [{"ok": False, "busy": True}]
        assert manager.wait(running.id, 60) is not None
        idle = Answers()
        handler.handle(request, idle)  # type: ignore[arg-type]
        assert idle.lines[0]["ok"] and idle.lines[0]["accepted"]
        deadline = time.monotonic() + 60
        while len(idle.lines) < 2:
            assert time.monotonic() < deadline
            qapp.processEvents()
            time.sleep(0.01)
        assert idle.lines[1]["job"]["status"] == "succeeded"
        assert base64.b64decode(idle.lines[1]["output"]) == b"Idle window\n"
    finally:
        manager.shutdown(wait=True)
