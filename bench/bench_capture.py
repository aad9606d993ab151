"""Capture-to-clipboard latency on a real X server (Xvfb), 600×200 region.

Runs the app (subprocess, xcb) and shows a 600×200 image with known text, then measures, for
several different images (no cache hits):

* hotkey path: ``xdotool key ctrl+alt+o`` released → overlay visible; scripted drag mouse-up →
  clipboard holds the text (polled with xclip); and hotkey release → clipboard in total;
* region path: ``{"cmd": "capture", "region": …}`` over the single-instance socket → reply
  (the app's own marks: request → cropped → submitted → OCR done → clipboard set);
* the engine's own time on the same cropped PNG: pytesseract ``image_to_string`` (eng, psm 3)
  and the bare ``tesseract`` command.

Usage: ``python bench/bench_capture.py [--runs N]``. Prints a table (milliseconds, median).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PY = sys.executable
SHOW_IMAGE = ROOT / "tests" / "capture" / "show_image.py"
REGION = (100, 150, 600, 200)
OVERLAY = "ImageHQ OCR capture"
XVFB = ("Xvfb", "-noreset", "-nolisten", "tcp")


def wait_until(pred: Callable[[], Any], timeout: float = 20.0, interval: float = 0.005) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = pred()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(str(pred))


def env_for(display: str, home: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", OMP_THREAD_LIMIT="1")
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("XDG_SESSION_TYPE", None)
    env["PYTHONPATH"] = str(ROOT)
    if home:
        env["IMAGEHQ_OCR_HOME"] = str(home)
    return env


def image_600x200(n: int) -> bytes:
    from PIL import Image

    from tests.conftest import text_image

    img = text_image([f"Order {4711 + n} shipped", f"Total due {129 + n} EUR today"], size=30)
    canvas = Image.new("RGB", (600, 200), "white")
    canvas.paste(img.crop((0, 0, min(600, img.width), min(200, img.height))), (0, 0))
    buf = io.BytesIO()
    canvas.save(buf, "PNG")
    return buf.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for tool in ("Xvfb", "xdotool", "xclip", "tesseract"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed", file=sys.stderr)
            return 1
    tmp = Path(tempfile.mkdtemp(prefix="bench-capture-"))
    home = tmp / "home"
    os.environ["IMAGEHQ_OCR_HOME"] = str(home)  # for app.capture.ipc in this process
    rfd, wfd = os.pipe()
    xvfb = subprocess.Popen(
        [*XVFB, "-displayfd", str(wfd), "-screen", "0", "1280x1024x24"],
        pass_fds=(wfd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(wfd)
    with os.fdopen(rfd) as f:
        display = ":" + f.readline().strip()
    procs: list[subprocess.Popen] = []
    try:
        return run(display, home, tmp, args.runs, procs)
    finally:
        for p in procs:
            p.kill()
        xvfb.terminate()
        shutil.rmtree(tmp, ignore_errors=True)


def run(display: str, home: Path, tmp: Path, runs: int, procs: list[subprocess.Popen]) -> int:
    import pytesseract
    from PIL import Image

    from app.capture import ipc

    env = env_for(display, home)

    def xdo(*a: str) -> None:
        subprocess.run(["xdotool", *a], env=env, check=True, capture_output=True)

    def clip() -> str:
        out = subprocess.run(
            ["xclip", "-o", "-selection", "clipboard"], env=env, capture_output=True
        )
        return out.stdout.decode(errors="replace") if out.returncode == 0 else ""

    def overlay() -> bool:
        out = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", OVERLAY], env=env, capture_output=True
        )
        return bool(out.stdout.strip())

    app = subprocess.Popen(
        [PY, "-m", "app"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    procs.append(app)
    wait_until(lambda: ipc.request({"cmd": "ping"}, timeout_s=1) is not None)

    rows: dict[str, list[float]] = {}

    def add(name: str, ms: float) -> None:
        rows.setdefault(name, []).append(ms)

    x, y, w, h = REGION
    for n in range(runs * 2):
        png = tmp / f"img{n}.png"
        png.write_bytes(image_600x200(n))
        win = subprocess.Popen(
            [PY, str(SHOW_IMAGE), str(png), str(x), str(y)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        procs.append(win)
        assert win.stdout is not None and win.stdout.readline().strip() == "shown"
        if n % 2 == 0:  # hotkey + overlay + drag
            subprocess.run(["xclip", "-selection", "clipboard", "-i"], input=b"-", env=env)
            wait_until(lambda: clip() == "-")
            xdo("key", "ctrl+alt+o")  # returns after the release
            t_release = time.perf_counter()
            wait_until(overlay)
            t_overlay = time.perf_counter()
            xdo("mousemove", str(x), str(y), "mousedown", "1", "mousemove", "400", "250")
            xdo("mousemove", str(x + w - 1), str(y + h - 1), "mouseup", "1")
            t_up = time.perf_counter()
            text = wait_until(lambda: (c := clip()) != "-" and c)
            t_clip = time.perf_counter()
            add("hotkey release → overlay visible", (t_overlay - t_release) * 1000)
            add("mouse-up → clipboard set (polled)", (t_clip - t_up) * 1000)
            add("hotkey release → clipboard (scripted drag)", (t_clip - t_release) * 1000)
        else:  # region over the socket
            t0 = time.perf_counter()
            reply = ipc.request({"cmd": "capture", "region": list(REGION), "print": True})
            t1 = time.perf_counter()
            assert reply and reply.get("ok"), reply
            text = reply["text"]
            marks = reply.get("timings_ms", {})
            add("region request → reply (socket round trip)", (t1 - t0) * 1000)
            add("  app: request → clipboard set", marks.get("clipboard", float("nan")))
            add("  app: of which screenshot", marks.get("screenshot", float("nan")))
            add("  app: crop+PNG", marks.get("cropped", float("nan")))
            add("  app: submitted → OCR done", marks["ocr_done"] - marks["submitted"])
        # The engine's own time on the same pixels.
        img = Image.open(png)
        t0 = time.perf_counter()
        raw = pytesseract.image_to_string(img, lang="eng", config="--psm 3")
        add("engine: pytesseract image_to_string", (time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        subprocess.run(
            ["tesseract", str(png), "stdout", "-l", "eng", "--psm", "3"],
            capture_output=True,
            env=dict(os.environ, OMP_THREAD_LIMIT="1"),
        )
        add("engine: tesseract command", (time.perf_counter() - t0) * 1000)
        assert raw.split()[:2] == text.split()[:2], (raw, text)
        if win.stdin:
            win.stdin.close()
        win.wait()

    print(f"Capture latency, {w}x{h} region, Xvfb, {runs} runs per path (ms)")
    print(f"{'measure':48} {'median':>8} {'min':>8} {'max':>8}")
    for name, values in rows.items():
        print(f"{name:48} {statistics.median(values):8.0f} {min(values):8.0f} {max(values):8.0f}")
    engine = statistics.median(rows["engine: pytesseract image_to_string"])
    ours = statistics.median(rows["mouse-up → clipboard set (polled)"])
    region = statistics.median(rows["  app: request → clipboard set"])
    print(
        f"\nmouse-up → clipboard minus engine: {ours - engine:+.0f} ms; "
        f"in-app request → clipboard minus engine: {region - engine:+.0f} ms (target ≤ 150)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
