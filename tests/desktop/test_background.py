"""``imagehq-ocr --background`` (the start at log-in) on a real X desktop with a system tray:
the window stays hidden, the app answers ``extract`` warm, and starting the app again shows it.

The tray is a stand-in: an X client that owns the ``_NET_SYSTEM_TRAY_S0`` selection, which is
what a panel's notification area does and what Qt looks for (no D-Bus session here)."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.capture.conftest import PY, ROOT, socket_path, wait_until, x_env
from tests.conftest import text_image
from tests.desktop.conftest import MAIN_TITLE, xdotool

pytestmark = pytest.mark.x11


@contextmanager
def system_tray(display: str) -> Iterator[Callable[[], bool]]:
    """Owns the tray selection while the block runs; yields ``docked()``: whether an icon has
    asked to dock (a ``_NET_SYSTEM_TRAY_OPCODE`` SYSTEM_TRAY_REQUEST_DOCK message came)."""
    from Xlib import X
    from Xlib import display as xdisplay

    d = xdisplay.Display(display)
    screen = d.screen()
    owner = screen.root.create_window(0, 0, 1, 1, 0, screen.root_depth)
    owner.set_selection_owner(d.intern_atom("_NET_SYSTEM_TRAY_S0"), X.CurrentTime)
    opcode = d.intern_atom("_NET_SYSTEM_TRAY_OPCODE")
    d.sync()
    requests: list[int] = []

    def docked() -> bool:
        while d.pending_events():
            event = d.next_event()
            if event.type == X.ClientMessage and event.client_type == opcode:
                requests.append(event.data[1][1])  # [time, opcode, window, …]; 0: dock
        return 0 in requests

    try:
        yield docked
    finally:
        owner.destroy()
        d.close()


def _visible_windows(display: str, pid: int) -> list[str]:
    found = xdotool(display, "search", "--all", "--onlyvisible", "--pid", str(pid), "--name", ".")
    return found.splitlines()


def _run(display: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PY, "-m", "app", *args], env=x_env(display, home), cwd=ROOT,
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_background_start_stays_in_the_tray_until_asked(desktop: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    image = tmp_path / "note.png"
    buf = io.BytesIO()
    text_image(["Read while hidden"], 28).save(buf, "PNG")
    image.write_bytes(buf.getvalue())
    with system_tray(desktop) as docked:
        proc = subprocess.Popen(
            [PY, "-m", "app", "--background"], env=x_env(desktop, home), cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            sock = socket_path(home)
            wait_until(lambda: sock.exists() or proc.poll() is not None, timeout=30)
            assert proc.poll() is None
            # the hidden app reads an extract (the same job, made by its process)
            done = _run(desktop, home, "extract", str(image))
            assert (done.returncode, done.stdout) == (0, "Read while hidden\n"), done.stderr
            with sqlite3.connect(home / "data" / "store.sqlite3") as db:
                owner, record = db.execute("SELECT owner, record FROM jobs").fetchone()
            assert int(owner.split(":")[0]) == proc.pid and json.loads(record)["source"] == "cli"
            # its icon is in the tray, and no window shows (the socket comes after the window)
            wait_until(docked, timeout=20)
            assert _visible_windows(desktop, proc.pid) == []
            # another start at log-in leaves it as it is
            again = _run(desktop, home, "--background")
            assert again.returncode == 0 and _visible_windows(desktop, proc.pid) == []
            # starting the app (menu, desktop entry) shows the running one
            shown = _run(desktop, home)
            assert shown.returncode == 0, shown.stderr
            main = ["search", "--onlyvisible", "--pid", str(proc.pid), "--name", f"^{MAIN_TITLE}$"]
            wait_until(lambda: xdotool(desktop, *main), timeout=20)
        finally:
            proc.terminate()
            _, err = proc.communicate(timeout=30)
            sock.unlink(missing_ok=True)
    assert "Traceback" not in err, err
