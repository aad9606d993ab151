"""Start-up time: the window (process start to main window shown) and the CLI.

Window: runs ``run_gui`` N times in fresh processes (offscreen, or Xvfb when DISPLAY is set),
each with its own IMAGEHQ_OCR_HOME, once with an empty store and once with a stored history, and
prints a table. The process reports the moment the window is shown (IMAGEHQ_OCR_BENCH_STARTUP=1)
and exits; the start is the process creation time from the kernel (psutil).

CLI (``--cli``): ``imagehq-ocr extract`` on a 300×100 image vs the bare ``tesseract IMAGE
stdout`` on the same image, N runs each, alternating, a new image every run (no cache hit), one
store; the ratio of the medians. Then ``python -X importtime`` of one extract run: the slowest
imports and whether the heavy modules load at all.

    python bench/bench_startup.py [--runs 5] [--history 10000] [--platform offscreen|xcb]
    python bench/bench_startup.py --cli [--runs 10] [--engine auto|tesseract]
"""

from __future__ import annotations

import argparse
import os
import shutil
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


HEAVY = ("PySide6.QtCore", "PySide6.QtWidgets", "fastapi", "pydantic", "onnxruntime", "numpy")


def cli_image(path: Path, n: int) -> None:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (300, 100), "white")
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 24)
    ImageDraw.Draw(img).text((16, 34), f"Invoice {2000 + n} due", font=font, fill="black")
    img.save(path)


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def cli_startup(runs: int, engine: str) -> None:
    tesseract = shutil.which("tesseract") or "tesseract"
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, IMAGEHQ_OCR_HOME=str(Path(tmp) / "home"), OMP_THREAD_LIMIT="1")
        extract = [sys.executable, "-m", "app", "extract", "--engine", engine]
        images = []
        for n in range(runs + 2):
            images.append(Path(tmp) / f"img{n}.png")
            cli_image(images[-1], n)
        timed([*extract, str(images[-1])], env)  # the store's first start; warm file cache
        ours, bare = [], []
        for img in images[:runs]:
            bare.append(timed([tesseract, str(img), "stdout"], env))
            ours.append(timed([*extract, str(img)], env))
        imports = subprocess.run(
            [sys.executable, "-X", "importtime", *extract[1:], str(images[-2])],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stderr
    med_ours, med_bare = statistics.median(ours), statistics.median(bare)
    backend = "Tesseract backend " + os.environ.get("IMAGEHQ_OCR_TESSERACT_BACKEND", "default")
    print(f"\nCLI start-up, 300×100 image ({runs} runs each, --engine {engine}, {backend})\n")
    print(f"| {'command':<28} | {'median':>8} | {'min':>8} |")
    print(f"|{'-' * 30}|{'-' * 10}|{'-' * 10}|")
    print(f"| {'tesseract IMAGE stdout':<28} | {med_bare:>6.3f} s | {min(bare):>6.3f} s |")
    print(f"| {'imagehq-ocr extract IMAGE':<28} | {med_ours:>6.3f} s | {min(ours):>6.3f} s |")
    print(f"\nratio extract / tesseract: {med_ours / med_bare:.2f}× (target ≤ 1.15×)")
    rows = []
    loaded = set()
    for line in imports.splitlines():
        parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[1].isdigit():
            rows.append((int(parts[1]), parts[2]))
            loaded.add(parts[2])
    total = sum(
        int(p.split("|")[0].removeprefix("import time:"))
        for p in imports.splitlines()
        if p.startswith("import time:") and p.split("|")[0].split(":")[1].strip().isdigit()
    )
    print(f"\nimports of one extract run: {total / 1000:.0f} ms in all (python -X importtime)")
    for cumulative, name in sorted((r for r in rows if not r[1].startswith(" ")), reverse=True)[:8]:
        print(f"  {cumulative / 1000:6.1f} ms  {name}")
    print(
        "heavy modules loaded: " + ", ".join(f"{m} {'yes' if m in loaded else 'no'}" for m in HEAVY)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--history", type=int, default=10000)
    default_platform = "" if os.environ.get("DISPLAY") else "offscreen"
    parser.add_argument("--platform", default=default_platform)
    parser.add_argument("--cli", action="store_true", help="CLI start-up instead of the window")
    parser.add_argument("--engine", default="auto", help="--cli: the extract --engine")
    args = parser.parse_args()
    if args.cli:
        cli_startup(args.runs, args.engine)
        return 0
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
