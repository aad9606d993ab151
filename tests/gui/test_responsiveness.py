"""The window stays responsive while jobs run: no event-loop gap over 50 ms with 4 jobs.

A 10 ms QTimer records the gaps between its ticks while four real OCR jobs run on two workers.
It runs in a fresh window process (tests/gui/stall_probe.py), as a user would start it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.gui.conftest import make_png

ROOT = Path(__file__).resolve().parents[2]


def test_no_event_loop_stall_while_four_jobs_run(tmp_path: Path) -> None:
    images = tmp_path / "images"
    images.mkdir()
    for i in range(4):
        make_png(images / f"stall{i}.png", [f"Responsive window {i}"] * 6, size=28)
    worst_per_run: list[float] = []
    # Other processes on a 2-core machine can take the CPU from any program for 50 ms; a stall
    # counts when it shows in each of up to three fresh runs.
    for run in range(3):
        env = dict(
            os.environ, IMAGEHQ_OCR_HOME=str(tmp_path / f"home{run}"), QT_QPA_PLATFORM="offscreen"
        )
        out = subprocess.run(
            [sys.executable, "-m", "tests.gui.stall_probe", str(images)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
            check=True,
        )
        report = json.loads(out.stdout.strip().splitlines()[-1])
        gaps = report["gaps"]
        assert report["statuses"] == ["succeeded"] * 4
        assert len(gaps) > 20  # the timer really ran while the jobs did
        worst_per_run.append(max(gaps))
        if worst_per_run[-1] < 0.050:
            break
    runs = ", ".join(f"{w * 1000:.0f} ms" for w in worst_per_run)
    assert min(worst_per_run) < 0.050, f"event loop stalled in every run: {runs}"
