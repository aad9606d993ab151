"""X11 fixtures for the capture tests.

One Xvfb per test session (``-displayfd`` picks a free display number; ``-noreset`` keeps the
RandR monitors when clients disconnect). Its single X screen (1440×600) is split into two RandR
1.5 monitors, LEFT 0,0 800×600 and RIGHT 800,0 640×480, so Qt sees one virtual desktop over two
screens. Everything that needs X runs as a SUBPROCESS with DISPLAY/QT_QPA_PLATFORM=xcb; the
pytest process itself stays offscreen.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
SHOW_IMAGE = Path(__file__).with_name("show_image.py")
MONITORS = (("LEFT", 0, 0, 800, 600, True), ("RIGHT", 800, 0, 640, 480, False))
SCREEN = "1440x600x24"
XVFB_ARGS = ("Xvfb", "-noreset", "-nolisten", "tcp")


def wait_until(predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.02) -> Any:
    """Polls ``predicate`` until it returns something truthy; fails the test on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {predicate}")
        time.sleep(interval)


def _set_monitors(display: str) -> None:
    from Xlib import display as xdisplay
    from Xlib.ext import randr
    from Xlib.protocol import rq

    class SetMonitor(rq.Request):  # python-xlib's own set_monitor cannot pack its argument
        _request = rq.Struct(
            rq.Card8("opcode"),
            rq.Opcode(43),
            rq.RequestLength(),
            rq.Window("window"),
            rq.Card32("name"),
            rq.Bool("primary"),
            rq.Bool("automatic"),
            rq.LengthOf("outputs", 2),
            rq.Int16("x"),
            rq.Int16("y"),
            rq.Card16("width_in_pixels"),
            rq.Card16("height_in_pixels"),
            rq.Card32("width_in_millimeters"),
            rq.Card32("height_in_millimeters"),
            rq.List("outputs", rq.Card32Obj),
        )

    d = xdisplay.Display(display)
    root = d.screen().root
    opcode = d.display.get_extension_major(randr.extname)
    outputs = root.xrandr_get_monitors()._data["monitors"][0]["crtcs"]
    for name, x, y, w, h, primary in MONITORS:
        SetMonitor(
            display=d.display,
            opcode=opcode,
            window=root,
            name=d.intern_atom(name),
            primary=primary,
            automatic=False,
            x=x,
            y=y,
            width_in_pixels=w,
            height_in_pixels=h,
            width_in_millimeters=w // 4,
            height_in_millimeters=h // 4,
            outputs=outputs if primary else [],  # the output moves to LEFT: no auto monitor
        )
    d.sync()
    d.close()


@pytest.fixture(scope="session")
def xvfb() -> Iterator[str]:
    for tool in ("Xvfb", "xclip", "xdotool"):
        require(shutil.which(tool) is not None, f"{tool} is not installed")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [*XVFB_ARGS, "-displayfd", str(write_fd), "-screen", "0", SCREEN],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        number = f.readline().strip()
    if not number:
        proc.kill()
        require(False, "Xvfb did not start")
    display = f":{number}"
    _set_monitors(display)
    yield display
    proc.terminate()
    proc.wait(timeout=5)


def x_env(display: str, home: Path | None = None, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for key in (
        "WAYLAND_DISPLAY",
        "XDG_SESSION_TYPE",
        "QT_SCREEN_SCALE_FACTORS",
        "QT_SCALE_FACTOR",
    ):
        env.pop(key, None)
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", OMP_THREAD_LIMIT="1", PYTHONPATH=str(ROOT))
    if home is not None:
        env["IMAGEHQ_OCR_HOME"] = str(home)
    env.update(extra)
    return env


def read_clipboard(display: str) -> str:
    out = subprocess.run(
        ["xclip", "-o", "-selection", "clipboard"],
        env=x_env(display),
        capture_output=True,
        timeout=5,
    )
    return out.stdout.decode("utf-8", "replace") if out.returncode == 0 else ""


def set_clipboard(display: str, text: str) -> None:
    subprocess.run(
        ["xclip", "-selection", "clipboard", "-i"],
        input=text.encode(),
        env=x_env(display),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=5,
    )
    wait_until(lambda: read_clipboard(display) == text)


def xdotool(display: str, *args: str) -> str:
    out = subprocess.run(
        ["xdotool", *args], env=x_env(display), capture_output=True, text=True, timeout=10
    )
    return out.stdout


def socket_path(home: Path) -> Path:
    """Where the app's single-instance socket appears (QLocalServer uses the temp dir)."""
    saved = os.environ.get("IMAGEHQ_OCR_HOME")
    os.environ["IMAGEHQ_OCR_HOME"] = str(home)
    try:
        from app.capture.ipc import server_name

        name = server_name()
    finally:
        if saved is None:
            del os.environ["IMAGEHQ_OCR_HOME"]
        else:
            os.environ["IMAGEHQ_OCR_HOME"] = saved
    return Path(tempfile.gettempdir()) / name


class ImageWindow:
    """tests/capture/show_image.py in a subprocess: an image at a known desktop position."""

    def __init__(self, display: str, path: Path, x: int, y: int) -> None:
        self.proc = subprocess.Popen(
            [PY, str(SHOW_IMAGE), str(path), str(x), str(y)],
            env=x_env(display),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()  # blocks until the window is shown
        assert line.strip() == "shown", line

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def show_image(xvfb: str) -> Iterator[Callable[[Path, int, int], ImageWindow]]:
    windows: list[ImageWindow] = []

    def show(path: Path, x: int, y: int) -> ImageWindow:
        w = ImageWindow(xvfb, path, x, y)
        windows.append(w)
        return w

    yield show
    for w in windows:
        w.close()


def run_cli(display: str, home: Path, *args: str, timeout: float = 30, **env: str) -> Any:
    return subprocess.run(
        [PY, "-m", "app", *args],
        env=x_env(display, home, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def stored_jobs(home: Path) -> list[dict[str, Any]]:
    """The jobs of the store at ``home``, newest first, as ``imagehq-ocr jobs --json`` lists
    them (empty while the store cannot be read)."""
    out = run_cli(":none", home, "jobs", "--json")
    if out.returncode != 0 or not out.stdout.strip():
        return []
    jobs: list[dict[str, Any]] = json.loads(out.stdout)
    return jobs


def stored_inputs(home: Path) -> list[tuple[str, Path]]:
    """(file name, stored input path) of each job at ``home``, newest first."""
    return [
        (j["inputs"][0]["filename"], home / "data" / "jobs" / j["id"] / "input_0")
        for j in stored_jobs(home)
        if j["inputs"]
    ]
