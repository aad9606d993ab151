"""Runs the window in a fresh process, adds 4 images and prints what its GUI thread did as JSON.

``python -m tests.gui.stall_probe DIR [--decode-on-gui] [--no-profile]`` with IMAGEHQ_OCR_HOME
set prints one JSON line:
``gaps`` (seconds between the ticks of a 10 ms timer on the GUI thread while the jobs ran),
``statuses`` (the jobs' final statuses) and ``heavy_calls`` (calls the GUI thread made into
recognition, decoding or preprocessing code, which belongs on the workers: a sorted list of
``module:function``; ``--no-profile`` leaves the profile off, for timing: a profile hook runs
for every Python call on the GUI thread and makes the gaps longer). A fresh process is what a
user runs; the test process carries every earlier test's objects. Used by
tests/gui/test_responsiveness.py (the structure) and bench/bench_responsiveness.py (the timing,
as a distribution over many runs).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

# Code that reads pixels or runs an engine: none of it may run on the GUI thread.
HEAVY = (
    "/app/core/engines/",
    "/app/core/pipeline.py",
    "/app/core/preprocess.py",
    "/app/core/imageio.py",
    "/app/core/receipt/",
    "/pytesseract/",
    "/rapidocr/",
    "/onnxruntime/",
    "/PIL/ImageFile.py",
    "/PIL/ImageOps.py",
    "/PIL/ImageFilter.py",
    "/cv2/",
)


ROOT = Path(__file__).resolve().parents[2]


def run(
    images: Path, home: Path, *extra: str, timeout: float = 180, tree: Path = ROOT
) -> dict[str, Any]:
    """Runs the probe in a fresh process (offscreen, OMP_THREAD_LIMIT=1) on the PNGs in
    ``images`` with ``home`` as IMAGEHQ_OCR_HOME; returns its report. ``tree``: the checkout
    whose app this probe runs (this one by default)."""
    env = dict(
        os.environ,
        IMAGEHQ_OCR_HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        OMP_THREAD_LIMIT="1",
        PYTHONPATH=str(tree),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(
        [sys.executable, __file__, str(images), *extra],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    report: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return report


def _short(filename: str) -> str:
    for marker in ("/site-packages/", "/app/"):
        if marker in filename:
            head = "app/" if marker == "/app/" else ""
            return head + filename.split(marker, 1)[1]
    return filename


def main(folder: str, decode_on_gui: bool = False, profiled: bool = True) -> int:
    """``decode_on_gui`` also decodes an image on the GUI thread: the check that the probe sees;
    ``profiled``: record the GUI thread's calls into OCR code (off for timing)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from app.gui.main_window import MainWindow
    from app.jobs import JobManager

    manager = JobManager(max_workers=2, prune_timer=False)
    window = MainWindow(manager)
    window.show()
    window.load_history()
    paths = sorted(Path(folder).glob("*.png"))
    gaps: list[float] = []
    last = [0.0]
    heavy: set[str] = set()
    gui_thread = threading.get_ident()

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        # sys.setprofile applies to the thread that sets it: the GUI thread only.
        if event == "call" and threading.get_ident() == gui_thread:
            filename = frame.f_code.co_filename
            if any(part in filename for part in HEAVY):
                heavy.add(f"{_short(filename)}:{frame.f_code.co_name}")

    def tick() -> None:
        now = time.perf_counter()
        if last[0]:
            gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)

    def start() -> None:
        if profiled:
            sys.setprofile(profile)
        timer.start()
        window.add_paths(list(paths))
        if decode_on_gui:
            from PIL import Image

            with Image.open(paths[0]) as image:
                image.load()

    def check() -> None:
        jobs = window.model.jobs()
        done = len(jobs) == len(paths) and all(j.is_final for j in jobs)
        if done and window.result_view.result is not None:
            QTimer.singleShot(150, app.quit)
        else:
            QTimer.singleShot(20, check)

    QTimer.singleShot(300, start)  # let the first paint and history load finish
    QTimer.singleShot(400, check)
    QTimer.singleShot(60000, app.quit)
    app.exec()
    sys.setprofile(None)
    timer.stop()
    statuses = [j.status for j in window.model.jobs()]
    manager.shutdown(wait=True)
    print(json.dumps({"gaps": gaps, "statuses": statuses, "heavy_calls": sorted(heavy)}))
    return 0


if __name__ == "__main__":
    sys.exit(
        main(
            sys.argv[1],
            decode_on_gui="--decode-on-gui" in sys.argv[2:],
            profiled="--no-profile" not in sys.argv[2:],
        )
    )
