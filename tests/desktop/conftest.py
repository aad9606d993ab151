"""A real desktop for tests that drive the window as a user does.

One Xvfb per session (1280×800, ``-displayfd`` picks a free display) with the openbox window
manager, so that mapping, focus and activation behave as on a desktop. The app runs as a
subprocess (``python -m app``, what the ``imagehq-ocr`` entry point runs); xdotool types keys
into the focused window, xclip owns the clipboard. The pytest process itself stays offscreen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.capture.conftest import PY, ROOT, socket_path, wait_until, x_env
from tests.conftest import require

SCREEN = "1280x800x24"
XVFB = ("Xvfb", "-noreset", "-nolisten", "tcp")
MAIN_TITLE = "ImageHQ OCR"


def xdotool(display: str, *args: str) -> str:
    out = subprocess.run(
        ["xdotool", *args], env=x_env(display), capture_output=True, text=True, timeout=10
    )
    return out.stdout.strip()


def _wm_running(display: str) -> bool:
    from Xlib import X
    from Xlib import display as xdisplay

    d = xdisplay.Display(display)
    try:
        prop = d.screen().root.get_full_property(
            d.intern_atom("_NET_SUPPORTING_WM_CHECK"), X.AnyPropertyType
        )
        return bool(prop and prop.value)
    finally:
        d.close()


@pytest.fixture(scope="session")
def desktop() -> Iterator[str]:
    for tool in ("Xvfb", "xdotool", "xclip", "openbox"):
        require(shutil.which(tool) is not None, f"{tool} is not installed")
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        [*XVFB, "-displayfd", str(write_fd), "-screen", "0", SCREEN],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        number = f.readline().strip()
    if not number:
        xvfb.kill()
        require(False, "Xvfb did not start")
    display = f":{number}"
    wm = subprocess.Popen(
        ["openbox", "--sm-disable"],
        env=x_env(display),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until(lambda: _wm_running(display) or wm.poll() is not None, timeout=20)
    assert wm.poll() is None, "openbox did not start"
    yield display
    for proc in (wm, xvfb):
        proc.terminate()
        proc.wait(timeout=10)


class AppProcess:
    """``python -m app`` on the desktop, with its own IMAGEHQ_OCR_HOME; stderr goes to a file
    (read it with ``stderr()``), so a chatty Qt cannot block it on a full pipe."""

    def __init__(self, display: str, home: Path, **env: str) -> None:
        self.display, self.home = display, home
        home.mkdir(parents=True, exist_ok=True)
        self._err_path = Path(tempfile.mkstemp(prefix="app-stderr-", dir=home.parent)[1])
        self._err = self._err_path.open("w")
        self.proc = subprocess.Popen(
            [PY, "-m", "app"],
            env=x_env(display, home, **env),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=self._err,
        )
        # The single-instance socket is the last thing the start-up installs.
        sock = socket_path(home)
        wait_until(lambda: sock.exists() or self.proc.poll() is not None, timeout=30)
        assert self.proc.poll() is None, self.stderr()
        self.window = wait_until(lambda: self.find_window(MAIN_TITLE), timeout=20)
        wait_until(lambda: self.active_window() == self.window, timeout=20)

    def stderr(self) -> str:
        if not self._err.closed:
            self._err.flush()
        return self._err_path.read_text(errors="replace")

    def find_window(self, title: str) -> str:
        """The id of this process's visible window titled exactly ``title``, or ''."""
        found = xdotool(
            self.display, "search", "--all", "--onlyvisible", "--pid", str(self.proc.pid),
            "--name", f"^{title}$",
        )  # fmt: skip
        return found.splitlines()[0] if found else ""

    def active_window(self) -> str:
        return xdotool(self.display, "getactivewindow")

    def key(self, *keys: str) -> None:
        """Types into whatever window has the focus, as a keyboard does (XTEST)."""
        xdotool(self.display, "key", "--clearmodifiers", *keys)

    def wait_exit(self, timeout: float = 30) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self._err.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if not self._err.closed:
            self._err.close()
        socket_path(self.home).unlink(missing_ok=True)  # SIGTERM leaves the socket file


@pytest.fixture
def launch(desktop: str) -> Iterator:
    """``launch(home, **env)`` starts the app and returns its AppProcess; all are stopped."""
    started: list[AppProcess] = []

    def start(home: Path, **env: str) -> AppProcess:
        app = AppProcess(desktop, home, **env)
        started.append(app)
        return app

    yield start
    for app in started:
        app.stop()
