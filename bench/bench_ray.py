"""``extract --ray`` on one machine against a local ``extract -j 2`` (and raw ``tesseract``).

The images are generated screenshots (bench/screens.py: terminals, settings panels, dialogs,
code), every one with a different seed, so no two are alike and the result cache never hits;
every run gets a fresh ``IMAGEHQ_OCR_HOME`` and a fresh output folder. Three timings of the same
N images on this machine's cores:

- raw ``tesseract IMAGE stdout`` (PSM 3, eng), two at a time: the floor;
- ``imagehq-ocr extract DIR -o OUT -j 2``: the local pipeline;
- ``imagehq-ocr extract DIR -o OUT --ray``: the same pipeline on a local Ray started by the
  command (its start-up is part of the time, as it is for a user).

Prints the times, ``ray / local`` (target ≤ 1.25) and both against raw tesseract, and checks that
the two runs wrote the same files with the same bytes.

Run: ``.venv/bin/python bench/bench_ray.py [-n 200] [--quick]`` (``--quick``: 40 images).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.screens import SCENES, generated_screens  # noqa: E402

TESSERACT = shutil.which("tesseract") or "tesseract"
QUICK_N = 40
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1", "QT_QPA_PLATFORM": "offscreen"}


def make_images(folder: Path, count: int) -> list[Path]:
    per_kind = -(-count // len(SCENES))
    paths = []
    for n, screen in enumerate(generated_screens(per_kind, seed=7)[:count]):
        path = folder / f"{n:04d}-{screen.kind}.png"
        screen.image.save(path)
        paths.append(path)
    return paths


def timed(label: str, command: list[str], home: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        command,
        env={**ENV, "IMAGEHQ_OCR_HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{label} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    last = done.stderr.strip().splitlines()[-1:] or [""]
    print(f"{label:<22} {seconds:7.1f} s   {last[0]}")
    return seconds


def raw_tesseract(paths: list[Path]) -> float:
    def one(path: Path) -> None:
        subprocess.run(
            [TESSERACT, str(path), "stdout", "--psm", "3", "-l", "eng"],
            env=ENV,
            capture_output=True,
            check=True,
        )

    start = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(one, paths))
    seconds = time.perf_counter() - start
    print(f"{'raw tesseract (2 at once)':<22} {seconds:7.1f} s")
    return seconds


def same_outputs(a: Path, b: Path) -> tuple[int, int]:
    """(files alike, files in all) of the output files of two runs."""
    names = {p.name for p in a.iterdir() if p.is_file()} | {
        p.name for p in b.iterdir() if p.is_file()
    }
    alike = sum(
        (a / n).is_file() and (b / n).is_file() and (a / n).read_bytes() == (b / n).read_bytes()
        for n in names
    )
    return alike, len(names)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="how many images (default 200)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_N} images")
    args = parser.parse_args()
    if args.quick:
        args.n = QUICK_N
    try:
        import ray  # noqa: F401
    except ImportError:
        sys.exit("needs Ray: .venv/bin/pip install -e '.[cluster]'")
    work = Path(tempfile.mkdtemp(prefix="bench_ray_"))
    try:
        images = work / "images"
        images.mkdir()
        paths = make_images(images, args.n)
        print(f"{len(paths)} generated screenshots, {os.cpu_count()} cores")
        app = [sys.executable, "-m", "app", "extract", str(images)]
        floor = raw_tesseract(paths)
        local = timed("extract -j 2", [*app, "-o", str(work / "local"), "-j", "2"], work / "h1")
        ray_s = timed("extract --ray", [*app, "-o", str(work / "ray"), "--ray"], work / "h2")
        alike, total = same_outputs(work / "local", work / "ray")
        print(f"outputs alike: {alike} of {total}")
        print(f"ray / local: {ray_s / local:.2f}x (target <= 1.25x)")
        print(f"local / raw tesseract: {local / floor:.2f}x")
        print(f"ray / raw tesseract: {ray_s / floor:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
