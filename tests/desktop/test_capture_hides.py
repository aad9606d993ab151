"""A capture started from the window does not contain the window (issue 9, defect 5)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from app.gui.capture_overlay import OVERLAY_TITLE
from tests.capture.conftest import stored_inputs, wait_until
from tests.desktop.conftest import xdotool

pytestmark = pytest.mark.x11
BEHIND = (0x20, 0xC0, 0x60)  # the desktop's colour behind the window


@pytest.fixture
def green_desktop(desktop: str) -> Iterator[str]:
    """The root window painted one known colour (what shows where no window is)."""
    from Xlib import display as xdisplay

    d = xdisplay.Display(desktop)
    root = d.screen().root
    pixel = d.screen().default_colormap.alloc_color(*(c * 257 for c in BEHIND)).pixel
    root.change_attributes(background_pixel=pixel)
    root.clear_area()
    d.sync()
    yield desktop
    root.change_attributes(background_pixel=d.screen().black_pixel)
    root.clear_area()
    d.sync()
    d.close()


def capture_inputs(home: Path) -> list[Path]:
    return [path for name, path in stored_inputs(home) if name.startswith("capture-")]


def overlay_visible(display: str) -> bool:
    return bool(xdotool(display, "search", "--onlyvisible", "--name", OVERLAY_TITLE))


def test_capture_from_the_window_does_not_contain_it(launch, green_desktop, tmp_path) -> None:
    home = tmp_path / "home"
    app = launch(home)  # the window covers the middle of the screen
    app.key("ctrl+shift+r")
    wait_until(lambda: overlay_visible(app.display), timeout=20)
    x0, y0, x1, y1 = 300, 250, 800, 550
    xdotool(app.display, "mousemove", str(x0), str(y0), "mousedown", "1")
    xdotool(app.display, "mousemove", str((x0 + x1) // 2), str((y0 + y1) // 2))
    xdotool(app.display, "mousemove", str(x1), str(y1), "mouseup", "1")
    (path,) = wait_until(lambda: capture_inputs(home), timeout=30)
    image = Image.open(path).convert("RGB")
    assert image.width >= x1 - x0 and image.height >= y1 - y0
    colours = image.getcolors(maxcolors=4)
    assert colours is not None and [c for _n, c in colours] == [BEHIND], colours
    # The window is back once the region is chosen.
    wait_until(lambda: app.find_window("ImageHQ OCR"), timeout=20)
