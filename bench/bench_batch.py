"""Batch time: one ``imagehq-ocr extract -j 2`` of a set of images against raw ``tesseract`` run
one by one (a process per image, OMP_THREAD_LIMIT=1), interleaved round by round on one machine.

The sets (eval set, ../shared/eval):

- ``screenshot``: the eval screenshots;
- ``scanned_doc``: the scanned documents that ``--engine auto`` sends to Tesseract (the router
  sends low-resolution page scans to PP-OCR; those are left out, as the issue asks).

Per round and set: raw ``tesseract``, ``extract --engine tesseract``, ``extract`` (auto), and with
``--before DIR`` the same two extract runs from another checkout of the app (run with this
``python``, ``cwd=DIR``): wall seconds and CPU seconds (user + sys of the process and its
children), each with a fresh ``IMAGEHQ_OCR_HOME`` (no cache hit). The table gives each run's
median over the rounds and its ratio to raw ``tesseract`` of the same rounds; the load average is
printed with every round, because a shared machine's other work falls on the runs unevenly.

    python bench/bench_batch.py [--rounds 3] [--before DIR] [--sets screenshot,scanned_doc]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EVAL_DIR = ROOT.parent / "shared" / "eval"
TESSERACT = shutil.which("tesseract") or "tesseract"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


def child_env(home: Path | None = None) -> dict[str, str]:
    # bytecode caches are written and read as for an installed app (a user's Python has them)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(OMP_THREAD_LIMIT="1", QT_QPA_PLATFORM="offscreen")
    env.pop("IMAGEHQ_OCR_TESSERACT_BACKEND", None)
    if home is not None:
        env["IMAGEHQ_OCR_HOME"] = str(home)
    return env


def images(category: str) -> list[Path]:
    return sorted(p for p in (EVAL_DIR / category).iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)


def sent_to_tesseract(paths: list[Path]) -> list[Path]:
    """The images ``auto`` routes to Tesseract (the router's own decision)."""
    from app.core import imageio
    from app.core.engines.router import TESSERACT as TESS
    from app.core.engines.router import choose, features

    kept = []
    for path in paths:
        image = imageio.decode(path.read_bytes())[0]
        camera = bool(image.info.get(imageio.CAMERA_INFO_KEY))
        if choose(features(image, camera))[0] == TESS:
            kept.append(path)
    return kept


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(run: Callable[[], None]) -> tuple[float, float]:
    """(wall, CPU) seconds of ``run``, which starts and waits for child processes."""
    cpu = cpu_of_children()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start, cpu_of_children() - cpu


def raw_run(paths: list[Path], work: Path) -> None:
    out = Path(tempfile.mkdtemp(dir=work))
    for i, path in enumerate(paths):
        subprocess.run(
            [TESSERACT, str(path), str(out / f"raw_{i}"), "-l", "eng"],
            env=child_env(),
            capture_output=True,
            check=False,
        )


def extract_run(paths: list[Path], work: Path, engine: str, tree: Path) -> None:
    run_dir = Path(tempfile.mkdtemp(dir=work))
    cmd = [sys.executable, "-m", "app", "extract", *map(str, paths)]
    cmd += ["-o", str(run_dir / "out"), "-j", "2", "--engine", engine]
    proc = subprocess.run(
        cmd, env=child_env(run_dir / "home"), cwd=tree, capture_output=True, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"extract failed in {tree}: {proc.stderr.decode()[-500:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout to compare (its app/)")
    parser.add_argument("--sets", default="screenshot,scanned_doc")
    args = parser.parse_args(argv)
    if not EVAL_DIR.is_dir():
        print(f"no eval set at {EVAL_DIR}")
        return 0
    sets = {}
    for category in args.sets.split(","):
        paths = images(category)
        sets[category] = paths if category == "screenshot" else sent_to_tesseract(paths)
    trees = {"": ROOT} | ({"before ": args.before.resolve()} if args.before else {})
    runs: dict[str, Callable[[list[Path], Path], None]] = {"raw tesseract": raw_run}
    for label, tree in trees.items():
        for engine in ("tesseract", "auto"):
            runs[f"{label}extract --engine {engine}"] = (
                lambda paths, work, engine=engine, tree=tree: extract_run(paths, work, engine, tree)
            )
    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench_batch_") as tmp:
        work = Path(tmp)
        for tree in trees.values():  # bytecode caches, the stores' first start
            extract_run(sets[next(iter(sets))][:1], work, "tesseract", tree)
        for n in range(args.rounds):
            for category, paths in sets.items():
                for name, run in runs.items():
                    results.setdefault((category, name), []).append(
                        timed(lambda run=run, paths=paths: run(paths, work))
                    )
                load = os.getloadavg()
                print(
                    f"round {n + 1} {category}: "
                    + ", ".join(f"{name} {results[(category, name)][-1][0]:.1f} s" for name in runs)
                    + f" (load {load[0]:.2f} {load[1]:.2f})",
                    file=sys.stderr,
                    flush=True,
                )
    print(f"\nBatch time, `extract -j 2` vs raw `tesseract` one by one ({args.rounds} rounds, ")
    print(f"{os.cpu_count()} cores; medians; ratios to raw in the same rounds)\n")
    print("| set | run | wall | wall ratio | CPU | CPU ratio |")
    print("|---|---|---|---|---|---|")
    for category, paths in sets.items():
        raw = results[(category, "raw tesseract")]
        raw_wall = statistics.median(w for w, _ in raw)
        raw_cpu = statistics.median(c for _, c in raw)
        for name in runs:
            rows = results[(category, name)]
            wall = statistics.median(w for w, _ in rows)
            cpu = statistics.median(c for _, c in rows)
            print(
                f"| {category} ({len(paths)}) | {name} | {wall:.2f} s | {wall / raw_wall:.2f}× "
                f"| {cpu:.2f} s | {cpu / raw_cpu:.2f}× |"
            )
    print("\n(target: `extract` ≤ 0.55× raw on both sets)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
