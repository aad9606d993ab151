"""Runs the window in a fresh process, adds 4 images and prints the event-loop gaps as JSON.

Used by test_responsiveness (a fresh process is what a user runs; the test process carries
every earlier test's objects). ``python -m tests.gui.stall_probe DIR`` with IMAGEHQ_OCR_HOME set.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(folder: str) -> int:
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

    def tick() -> None:
        now = time.perf_counter()
        if last[0]:
            gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)

    def start() -> None:
        timer.start()
        window.add_paths(list(paths))

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
    timer.stop()
    statuses = [j.status for j in window.model.jobs()]
    manager.shutdown(wait=True)
    print(json.dumps({"gaps": gaps, "statuses": statuses}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
