"""The window stays responsive while jobs run: its GUI thread never reads pixels or runs an engine.

Four real OCR jobs run on two workers in a fresh window process (tests/gui/stall_probe.py), as a
user would start it. The GUI thread is profiled while they run: every call it makes into
recognition, decoding or preprocessing code is recorded, and there must be none. A 10 ms timer
must keep ticking meanwhile. How long the event loop's gaps are is speed, measured as a
distribution over 20 runs by bench/bench_responsiveness.py, not asserted here: on a shared
2-core machine any program can lose the CPU for 50 ms.
"""

from __future__ import annotations

from pathlib import Path

from tests.gui.conftest import make_png
from tests.gui.stall_probe import run


def test_gui_thread_does_no_ocr_work_while_four_jobs_run(tmp_path: Path) -> None:
    images = tmp_path / "images"
    images.mkdir()
    for i in range(4):
        make_png(images / f"stall{i}.png", [f"Responsive window {i}"] * 6, size=28)
    report = run(images, tmp_path / "home")
    assert report["statuses"] == ["succeeded"] * 4
    assert len(report["gaps"]) > 20  # the timer really ran while the jobs did
    assert report["heavy_calls"] == []


def test_the_probe_sees_work_done_on_the_gui_thread(tmp_path: Path) -> None:
    """The profile is not blind: an image decoded on the GUI thread shows up in it."""
    images = tmp_path / "images"
    images.mkdir()
    make_png(images / "one.png", ["Seen on the GUI thread"], size=28)
    report = run(images, tmp_path / "home", "--decode-on-gui")
    assert report["statuses"] == ["succeeded"]
    assert "PIL/ImageFile.py:load" in report["heavy_calls"]
    # The worker decoded and recognised the same image, and none of that was recorded.
    assert not [c for c in report["heavy_calls"] if c.startswith("app/core/")]
