"""Window start-up time: from process start to the main window shown.

Runs ``run_gui`` N times in fresh processes (offscreen, or Xvfb when DISPLAY is set), each with
its own IMAGEHQ_OCR_HOME, once with an empty store and once with a stored history, and prints a
table. The process reports the moment the window is shown (IMAGEHQ_OCR_BENCH_STARTUP=1) and
exits; the start is the process creation time from the kernel (psutil).

    python bench/bench_startup.py [--runs 5] [--history 10000] [--platform offscreen|xcb]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CHILD = "import sys; from app.gui.main import run_gui; sys.exit(run_gui(['imagehq-ocr']))"


def fill_history(home: Path, n: int) -> None:
    """``n`` finished jobs in the store (records only: start-up reads records, not files)."""
    code = (
        "import sys\n"
        "from dataclasses import replace\n"
        "from app.core.job import Job, new_job_id, utcnow\n"
        "from app.core.store import Store\n"
        "s = Store(); now = utcnow()\n"
        "base = Job(id='x', source='cli', status='succeeded', ttl_hours=720, confidence=0.9)\n"
        f"for i in range({n}):\n"
        "    s.create(replace(base, id=new_job_id(), created_at=now, updated_at=now,"
        " text=f'stored text {i}'), [])\n"
    )
    env = dict(os.environ, IMAGEHQ_OCR_HOME=str(home))
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def one_run(home: Path, platform: str) -> float:
    env = dict(os.environ, IMAGEHQ_OCR_HOME=str(home), IMAGEHQ_OCR_BENCH_STARTUP="1")
    if platform:
        env["QT_QPA_PLATFORM"] = platform
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    started = psutil.Process(proc.pid).create_time()
    out, _ = proc.communicate(timeout=60)
    shown = [line for line in out.splitlines() if line.startswith("shown_at=")]
    if not shown:
        raise RuntimeError(f"the window did not report being shown (exit {proc.returncode})")
    return float(shown[0].split("=", 1)[1]) - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--history", type=int, default=10000)
    default_platform = "" if os.environ.get("DISPLAY") else "offscreen"
    parser.add_argument("--platform", default=default_platform)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        cases = [("empty store", Path(tmp) / "empty", 0)]
        if args.history:
            cases.append((f"{args.history} stored jobs", Path(tmp) / "history", args.history))
        for label, home, n in cases:
            home.mkdir()
            if n:
                t0 = time.perf_counter()
                fill_history(home, n)
                print(f"(filled {n} jobs in {time.perf_counter() - t0:.1f} s)", file=sys.stderr)
            one_run(home, args.platform)  # warm the OS file cache once
            times = [one_run(home, args.platform) for _ in range(args.runs)]
            rows.append((label, times))
    platform = args.platform or os.environ.get("QT_QPA_PLATFORM") or "xcb"
    print(
        f"\nStart-up to window shown ({args.runs} runs, platform {platform}, "
        f"{os.cpu_count()} cores)\n"
    )
    print(f"| {'case':<20} | {'median':>8} | {'min':>8} | {'max':>8} |")
    print(f"|{'-' * 22}|{'-' * 10}|{'-' * 10}|{'-' * 10}|")
    for label, times in rows:
        print(
            f"| {label:<20} | {statistics.median(times):>6.2f} s | {min(times):>6.2f} s |"
            f" {max(times):>6.2f} s |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
