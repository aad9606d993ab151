"""End-to-end capture on a real X server (Xvfb), driven through subprocesses: the app, the
``capture`` command, xdotool for the hotkey and the drag, xclip for the clipboard."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from tests.capture.conftest import (
    PY,
    ROOT,
    read_clipboard,
    run_cli,
    set_clipboard,
    socket_path,
    stored_inputs,
    wait_until,
    x_env,
    xdotool,
)
from tests.conftest import text_image

pytestmark = pytest.mark.x11
LINES = ["Invoice number 4711", "Total amount due 129 EUR"]
OVERLAY = "ImageHQ OCR capture"


def words(text: str) -> list[str]:
    return text.split()


def has_lines(text: str) -> bool:
    """Every line was read; a drag's margin may add specks from the window beneath."""
    return all(" ".join(words(line)) in " ".join(words(text)) for line in LINES)


@pytest.fixture(scope="module")
def text_png(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("img") / "text.png"
    text_image(LINES, size=28).save(path)
    return path


class App:
    def __init__(self, display: str, home: Path) -> None:
        self.display, self.home = display, home
        self.proc = subprocess.Popen(
            [PY, "-m", "app"],
            env=x_env(display, home),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        sock = socket_path(home)
        wait_until(lambda: sock.exists() or self.proc.poll() is not None, timeout=20)
        assert self.proc.poll() is None, self.proc.stderr.read() if self.proc.stderr else ""

    def stop(self) -> str:
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        socket_path(self.home).unlink(missing_ok=True)  # SIGTERM leaves the socket file
        return err or ""


@pytest.fixture(scope="module")
def app(xvfb: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    running = App(xvfb, tmp_path_factory.mktemp("apphome"))
    yield running
    running.stop()


def overlay_visible(display: str) -> bool:
    return bool(xdotool(display, "search", "--onlyvisible", "--name", OVERLAY).strip())


def test_region_capture_via_running_app(app: App, show_image, text_png: Path) -> None:
    show_image(text_png, 100, 150)
    set_clipboard(app.display, "before")
    w, h = Image.open(text_png).size
    result = run_cli(app.display, app.home, "capture", "--region", f"100,150,{w},{h}", "--print")
    assert result.returncode == 0, result.stderr
    assert words(result.stdout) == words("\n".join(LINES))
    # The running app owns the clipboard.
    assert words(read_clipboard(app.display)) == words("\n".join(LINES))
    # The region is a job in the history with its image kept, pixel for pixel.
    name, path = stored_inputs(app.home)[0]
    assert name.startswith("capture-")
    assert (
        ImageChops.difference(
            Image.open(path).convert("RGB"), Image.open(text_png).convert("RGB")
        ).getbbox()
        is None
    )


def test_hotkey_opens_overlay_and_drag_copies_text(app: App, show_image, text_png: Path) -> None:
    show_image(text_png, 300, 320)
    set_clipboard(app.display, "before")
    w, h = Image.open(text_png).size
    xdotool(app.display, "key", "ctrl+alt+o")
    wait_until(lambda: overlay_visible(app.display))
    x0, y0, x1, y1 = 300 - 5, 320 - 5, 300 + w + 5, 320 + h + 5
    xdotool(app.display, "mousemove", str(x0), str(y0), "mousedown", "1")
    xdotool(app.display, "mousemove", str((x0 + x1) // 2), str((y0 + y1) // 2))
    xdotool(app.display, "mousemove", str(x1), str(y1), "mouseup", "1")
    text = wait_until(lambda: (t := read_clipboard(app.display)) != "before" and t, timeout=20)
    assert has_lines(text), text
    assert not overlay_visible(app.display)


def test_escape_cancels_and_a_click_does_nothing(app: App, show_image, text_png: Path) -> None:
    show_image(text_png, 100, 150)
    set_clipboard(app.display, "untouched")
    xdotool(app.display, "key", "ctrl+alt+o")
    wait_until(lambda: overlay_visible(app.display))
    xdotool(app.display, "mousemove", "200", "200", "click", "1")  # no drag: stays open
    # A following region request is refused while the overlay is up: proves it is still there.
    busy = run_cli(app.display, app.home, "capture", "--region", "100,150,50,50")
    assert busy.returncode == 1 and "already in progress" in busy.stderr
    assert overlay_visible(app.display)
    xdotool(app.display, "key", "Escape")
    wait_until(lambda: not overlay_visible(app.display))
    assert read_clipboard(app.display) == "untouched"


def test_region_outside_desktop_and_malformed_region(app: App) -> None:
    outside = run_cli(app.display, app.home, "capture", "--region", "5000,5000,10,10")
    assert outside.returncode == 1
    assert outside.stderr.count("\n") == 1 and "outside every screen" in outside.stderr
    bad = run_cli(app.display, app.home, "capture", "--region", "1,2,3")
    assert bad.returncode == 2 and "X,Y,W,H" in bad.stderr


def test_unknown_language_is_a_readable_error(app: App) -> None:
    result = run_cli(app.display, app.home, "capture", "--region", "0,0,50,50", "--lang", "xyz")
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "eng" in result.stderr  # names the packs
    assert "Traceback" not in result.stderr


def test_engine_choice_reaches_the_job(app: App, show_image, text_png: Path) -> None:
    """`capture --engine` overrides the app's setting for that capture; unknown is usage."""
    show_image(text_png, 100, 150)
    w, h = Image.open(text_png).size
    for engine in ("rapidocr", "tesseract"):
        result = run_cli(
            app.display, app.home, "capture", "--region", f"100,150,{w},{h}", "--print",
            "--engine", engine,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert has_lines(result.stdout), result.stdout
        _, path = stored_inputs(app.home)[0]  # newest first
        stored = json.loads((path.parent / "result_0.json").read_text())
        assert stored["engine"] == engine
    bad = run_cli(app.display, app.home, "capture", "--region", "0,0,50,50", "--engine", "x")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "invalid choice" in bad.stderr


def capture_by_drag(
    display: str, env: dict[str, str], start: tuple[int, int], end: tuple[int, int]
) -> tuple[int, str, str]:
    """`imagehq-ocr capture --print` without a running app: wait for its overlay, drag from
    ``start`` to ``end`` (physical pixels) with xdotool; returns exit code, stdout, stderr."""
    proc = subprocess.Popen(
        [PY, "-m", "app", "capture", "--print"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(lambda: overlay_visible(display), timeout=20)
        mid = (start[0] + 100, start[1] + 50)
        xdotool(
            display, "mousemove", *map(str, start), "mousedown", "1", "mousemove", *map(str, mid)
        )
        xdotool(display, "mousemove", *map(str, end), "mouseup", "1")
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    return proc.returncode, out, err


def test_overlay_without_running_app(xvfb: str, show_image, text_png: Path, tmp_path: Path) -> None:
    """No app: the command shows the overlay itself, then exits with the text kept."""
    show_image(text_png, 500, 100)
    set_clipboard(xvfb, "before")
    w, h = Image.open(text_png).size
    code, out, err = capture_by_drag(
        xvfb, x_env(xvfb, tmp_path / "home"), (495, 95), (505 + w, 105 + h)
    )
    assert code == 0, err
    assert has_lines(out), out
    assert words(read_clipboard(xvfb)) == words(out)


def test_overlay_drag_on_a_200_percent_monitor(
    xvfb: str, show_image, text_png: Path, tmp_path: Path
) -> None:
    """Dragging on RIGHT at 200 % selects logical pixels and crops the physical ones."""
    show_image(text_png, 900, 120)
    w, h = Image.open(text_png).size
    home = tmp_path / "home"
    # xdotool speaks physical pixels; the band is 4 px (2 logical) around the image.
    code, out, err = capture_by_drag(
        xvfb,
        x_env(xvfb, home, QT_SCREEN_SCALE_FACTORS="LEFT=1;RIGHT=2"),
        (896, 116),
        (904 + w, 124 + h),
    )
    assert code == 0, err
    assert has_lines(out), out
    _, path = stored_inputs(home)[0]
    got = Image.open(path).convert("RGB")
    # Native resolution: about the physical size of the image plus the margin, not half of it.
    assert abs(got.width - (w + 8)) <= 2 and abs(got.height - (h + 8)) <= 2
    inner = got.crop((4, 4, 4 + w, 4 + h))
    diff = ImageChops.difference(inner, Image.open(text_png).convert("RGB")).getbbox()
    assert diff is None


def test_hotkey_taken_is_reported(app: App) -> None:
    from app.capture.errors import HotkeyError
    from app.capture.hotkey.x11 import X11Hotkey

    with pytest.raises(HotkeyError, match="already taken"):
        X11Hotkey("Ctrl+Alt+O", lambda: None, display_name=app.display)


def test_second_app_with_the_hotkey_taken_says_so(app: App, tmp_path: Path) -> None:
    """Another instance (other home) cannot grab Ctrl+Alt+O: it reports it, and keeps running."""
    import threading

    other = subprocess.Popen(
        [PY, "-m", "app"],
        env=x_env(app.display, tmp_path / "other"),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []

    def pump() -> None:
        assert other.stderr is not None
        for line in other.stderr:
            lines.append(line)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    try:
        wait_until(lambda: any("already taken" in line for line in lines), timeout=20)
        assert other.poll() is None
    finally:
        other.terminate()
        other.wait(timeout=10)
        socket_path(tmp_path / "other").unlink(missing_ok=True)
    message = next(line for line in lines if "already taken" in line)
    assert "Ctrl+Alt+O" in message and "Settings" in message


def test_x11_hotkey_backend_fires_on_release(xvfb: str) -> None:
    import threading

    from app.capture.hotkey.x11 import X11Hotkey

    fired = threading.Event()
    hk = X11Hotkey("Ctrl+Shift+F7", fired.set, display_name=xvfb)
    try:
        xdotool(xvfb, "key", "ctrl+shift+F7")
        assert fired.wait(5)
        fired.clear()
        xdotool(xvfb, "key", "numlock", "ctrl+shift+F7", "numlock")  # NumLock variant
        assert fired.wait(5)
    finally:
        hk.stop()


def test_second_launch_raises_first_instance(app: App) -> None:
    second = run_cli(app.display, app.home, timeout=30)
    assert second.returncode == 0, second.stderr
    assert app.proc.poll() is None


def test_capture_without_running_app_keeps_clipboard(
    xvfb: str, show_image, text_png: Path, tmp_path: Path
) -> None:
    show_image(text_png, 120, 200)
    set_clipboard(xvfb, "before")
    w, h = Image.open(text_png).size
    result = run_cli(
        xvfb, tmp_path / "home", "capture", "--region", f"120,200,{w},{h}", "--engine", "rapidocr"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    _, path = stored_inputs(tmp_path / "home")[0]
    assert json.loads((path.parent / "result_0.json").read_text())["engine"] == "rapidocr"
    # The process has exited; xclip serves the text.
    assert words(read_clipboard(xvfb)) == words("\n".join(LINES))


def test_mixed_dpr_crops_native_pixels(
    xvfb: str, show_image, text_png: Path, tmp_path: Path
) -> None:
    """RIGHT at 200 %: logical coordinates are halved, the crop comes from physical pixels."""
    px, py = 900, 100  # physical position on RIGHT (monitor origin 800,0)
    show_image(text_png, px, py)
    w, h = Image.open(text_png).size
    lx, ly = 800 + (px - 800) // 2, py // 2
    home = tmp_path / "home"
    result = run_cli(
        xvfb,
        home,
        "capture",
        "--region",
        f"{lx},{ly},{w // 2},{h // 2}",
        "--print",
        QT_SCREEN_SCALE_FACTORS="LEFT=1;RIGHT=2",
    )
    assert result.returncode == 0, result.stderr
    _, path = stored_inputs(home)[0]
    got = Image.open(path).convert("RGB")
    assert got.size == ((w // 2) * 2, (h // 2) * 2)
    expected = Image.open(text_png).convert("RGB").crop((0, 0, got.width, got.height))
    assert ImageChops.difference(got, expected).getbbox() is None
    assert words(result.stdout)[:3] == ["Invoice", "number", "4711"]


def test_region_spanning_two_monitors(
    xvfb: str, show_image, text_png: Path, tmp_path: Path
) -> None:
    w, h = Image.open(text_png).size
    x = 800 - w // 2  # half on LEFT, half on RIGHT
    show_image(text_png, x, 300)
    home = tmp_path / "home"
    result = run_cli(xvfb, home, "capture", "--region", f"{x},300,{w},{h}", "--print")
    assert result.returncode == 0, result.stderr
    _, path = stored_inputs(home)[0]
    got = Image.open(path).convert("RGB")
    assert ImageChops.difference(got, Image.open(text_png).convert("RGB")).getbbox() is None
    assert words(result.stdout) == words("\n".join(LINES))


if sys.platform != "linux":  # pragma: no cover
    pytestmark = pytest.mark.skip("X11 only")


def test_a_captured_paragraph_lands_as_one_line_without_its_hyphen(
    app: App, show_image, tmp_path: Path
) -> None:
    """Captures default to paragraphs ("Captured text" in Settings): visual lines joined, an
    end-of-line hyphen undone, so the text pastes into a sentence."""
    lines = ["The quick brown fox jumps over", "the lazy dog and reads the docu-", "ment again"]
    path = tmp_path / "para.png"
    text_image(lines, size=28).save(path)
    show_image(path, 100, 150)
    set_clipboard(app.display, "before")
    w, h = Image.open(path).size
    result = run_cli(app.display, app.home, "capture", "--region", f"100,150,{w},{h}")
    assert result.returncode == 0, result.stderr
    text = wait_until(lambda: (t := read_clipboard(app.display)) != "before" and t, timeout=20)
    assert text.strip() == (
        "The quick brown fox jumps over the lazy dog and reads the document again"
    ), text


def test_tab_in_the_overlay_keeps_this_captures_lines(app: App, show_image, text_png: Path) -> None:
    """Tab switches the text mode for one capture: paragraphs → one line → keep the lines."""
    show_image(text_png, 300, 320)
    set_clipboard(app.display, "before")
    w, h = Image.open(text_png).size
    xdotool(app.display, "key", "ctrl+alt+o")
    wait_until(lambda: overlay_visible(app.display))
    xdotool(app.display, "key", "Tab")
    xdotool(app.display, "key", "Tab")
    x0, y0, x1, y1 = 300 - 5, 320 - 5, 300 + w + 5, 320 + h + 5
    xdotool(app.display, "mousemove", str(x0), str(y0), "mousedown", "1")
    xdotool(app.display, "mousemove", str((x0 + x1) // 2), str((y0 + y1) // 2))
    xdotool(app.display, "mousemove", str(x1), str(y1), "mouseup", "1")
    text = wait_until(lambda: (t := read_clipboard(app.display)) != "before" and t, timeout=20)
    assert has_lines(text), text
    assert [line for line in text.splitlines() if line.strip()] == LINES, text


def test_a_captured_qr_code_lands_on_the_clipboard(app: App, show_image, tmp_path: Path) -> None:
    from tests.test_barcodes import URL, label_png

    label = tmp_path / "label.png"
    label.write_bytes(label_png()[0])
    show_image(label, 100, 150)
    w, h = Image.open(label).size
    result = run_cli(app.display, app.home, "capture", "--region", f"100,150,{w},{h}", "--print")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0].split() == ["Order", "4711", "Parcel", "label"]
    assert result.stdout.rstrip().endswith(f"[QR Code] {URL}")
    assert read_clipboard(app.display).rstrip().endswith(f"[QR Code] {URL}")
