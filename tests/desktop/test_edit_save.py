"""What the user typed into the text pane is what Ctrl+S writes (issue 9, defect 4)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import ImageGrab

from tests.capture.conftest import PY, ROOT, wait_until, x_env
from tests.conftest import text_image
from tests.desktop.conftest import xdotool

pytestmark = pytest.mark.x11
EXPORT_TITLE = "Export result"


def window_box(app) -> tuple[int, int, int, int]:
    geo = dict(
        line.split("=", 1)
        for line in xdotool(app.display, "getwindowgeometry", "--shell", app.window).splitlines()
    )
    return int(geo["X"]), int(geo["Y"]), int(geo["WIDTH"]), int(geo["HEIGHT"])


def test_ctrl_s_writes_the_edited_text(launch, tmp_path: Path) -> None:
    home = tmp_path / "home"
    png = tmp_path / "words.png"
    text_image(["Alpha bravo charlie", "delta echo foxtrot"], size=30).save(png)
    done = subprocess.run(  # a job in the history: the window shows it at start
        [PY, "-m", "app", "extract", str(png)],
        env=x_env(":none", home),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "Alpha" in done.stdout, done.stderr
    app = launch(home)
    x, y, w, h = window_box(app)

    def pane_shows_text() -> bool:  # the job is shown: dark glyphs at the top of the pane
        box = (x + w * 62 // 100, y + h * 40 // 100, x + w * 95 // 100, y + h * 50 // 100)
        grey = ImageGrab.grab(bbox=box, xdisplay=app.display).convert("L")
        return min(grey.get_flattened_data()) < 100

    wait_until(pane_shows_text, timeout=20)
    # The text pane fills the right half of the result view, below the job list.
    xdotool(app.display, "mousemove", str(x + w * 78 // 100), str(y + h * 60 // 100), "click", "1")
    app.key("ctrl+a")
    xdotool(app.display, "type", "--delay", "15", "Edited by hand")
    app.key("ctrl+s")
    # The file dialog's title ends in "— ImageHQ OCR": its WM_NAME (what xdotool matches) has
    # the dash in another encoding, so the start of the title finds it.
    dialog = wait_until(lambda: app.find_window(f"{EXPORT_TITLE}.*"), timeout=20)
    wait_until(lambda: app.active_window() == dialog)
    out = tmp_path / "saved.txt"
    app.key("ctrl+a")
    xdotool(app.display, "type", "--delay", "10", str(out))
    app.key("Return")
    wait_until(lambda: out.exists() and out.stat().st_size > 0, timeout=20)
    assert out.read_text() == "Edited by hand\n", app.stderr()
