"""The ``tesseract`` engine's two backends side by side: in process (tesserocr, libtesseract of
the wheel) and the ``tesseract`` command (pytesseract).

a. accuracy on ../shared/eval, the pipeline with ``engine=tesseract`` under each backend
   (IMAGEHQ_OCR_TESSERACT_BACKEND): mean CER and bag-of-words F1 per category (scored as
   bench_core does) and how many images read to the identical text;
b. wall time of one ``imagehq-ocr extract -j 2 --engine tesseract`` batch of the eval
   screenshots and of the scanned documents, under each backend, vs raw ``tesseract`` run one by
   one (OMP_THREAD_LIMIT=1), each with a fresh IMAGEHQ_OCR_HOME (no cache);
c. the same images one at a time in this process, interleaved per image (so that the load of a
   shared machine falls on all three alike): raw ``tesseract`` (process), the engine with the
   command backend and with the tesserocr backend (decode, preprocessing, OCR, result model).

Run: ``.venv/bin/python bench/bench_tesserocr.py [--skip-accuracy] [--skip-speed] [-v]``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import score  # noqa: E402
from bench.bench_core import (  # noqa: E402
    ENV,
    TESSERACT,
    Item,
    eval_items,
    run_extract,
    run_raw,
    table,
)

BACKENDS = ("subprocess", "tesserocr")
VAR = "IMAGEHQ_OCR_TESSERACT_BACKEND"
SPEED_CATEGORIES = ("screenshot", "scanned_doc")


def read(item: Item) -> dict[str, tuple[str, float, float]]:
    """Per backend: (text, CER, F1) of the pipeline with engine=tesseract."""
    import os

    from app.core.options import OcrOptions
    from app.core.pipeline import recognize_bytes

    rules = score.category_rules(item.category, item.name)
    data = item.path.read_bytes()
    out = {}
    for backend in BACKENDS:
        os.environ[VAR] = backend
        text = recognize_bytes(data, OcrOptions(engine="tesseract")).result.text
        cer = score.cer(text, item.truth, **rules)
        out[backend] = (text, cer, score.bag_of_words(text, item.truth).f1)
    return out


def accuracy(items: list[Item], verbose: bool) -> None:
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.map(read, items, chunksize=1)
    by_cat: dict[str, list[dict[str, tuple[str, float, float]]]] = defaultdict(list)
    for item, r in zip(items, results, strict=True):
        by_cat[item.category].append(r)
    rows = []
    for cat, rs in by_cat.items():

        def mean(backend: str, k: int, rs: list = rs) -> float:  # type: ignore[type-arg]
            return statistics.fmean(r[backend][k] for r in rs)

        same = sum(r["subprocess"][0] == r["tesserocr"][0] for r in rs)
        rows.append(
            [cat, str(len(rs))]
            + [f"{mean(b, 1):.4f}" for b in BACKENDS]
            + [f"{mean(b, 2):.3f}" for b in BACKENDS]
            + [f"{same}/{len(rs)}"]
        )
    print("\n### a. Accuracy, engine=tesseract (mean per image; lower CER / higher F1 is better)\n")
    heads = ["category", "n", "CER command", "CER tesserocr", "F1 command", "F1 tesserocr"]
    print(table([*heads, "identical text"], rows))
    if verbose:
        print()
        per_image = [
            [
                item.name,
                f"{r['subprocess'][1]:.4f}",
                f"{r['tesserocr'][1]:.4f}",
                f"{r['subprocess'][2]:.3f}",
                f"{r['tesserocr'][2]:.3f}",
                "yes" if r["subprocess"][0] == r["tesserocr"][0] else "no",
            ]
            for item, r in zip(items, results, strict=True)
        ]
        heads = ["image", "CER command", "CER tesserocr", "F1 command", "F1 tesserocr"]
        print(table([*heads, "identical"], per_image))


def speed(items: list[Item], work: Path) -> None:
    rows = []
    for cat in SPEED_CATEGORIES:
        paths = [it.path for it in items if it.category == cat]
        out = work / f"raw_{cat}"
        out.mkdir()
        t_raw = run_raw(paths, out)
        row = [f"{cat} ({len(paths)})", f"{t_raw:.1f}"]
        for backend in BACKENDS:
            ENV[VAR] = backend
            home, dest = work / f"home_{cat}_{backend}", work / f"out_{cat}_{backend}"
            t, _peak, code = run_extract_tesseract(paths, home, dest)
            row.append(f"{t:.1f} s = {t / t_raw:.2f}×" + ("" if code == 0 else f" (exit {code})"))
        ENV.pop(VAR, None)
        rows.append(row)
    print(
        "\n### b. Batch wall time, `extract -j 2 --engine tesseract` vs raw `tesseract` (2 cores)\n"
    )
    heads = ["images", "raw one by one (s)", "extract, command", "extract, tesserocr"]
    print(table(heads, rows))
    print("\n(target: ≤ 0.55× raw)")


def interleaved(items: list[Item]) -> None:
    import os
    import subprocess

    from PIL import Image

    from app.core.engines import get_engine
    from app.core.options import OcrOptions

    engine, options = get_engine("tesseract"), OcrOptions(engine="tesseract")
    rows = []
    for cat in SPEED_CATEGORIES:
        totals = dict.fromkeys(("raw", *BACKENDS), 0.0)
        paths = [it.path for it in items if it.category == cat]
        for path in paths:
            with Image.open(path) as im:
                im.load()
                image = im.copy()
            start = time.perf_counter()
            subprocess.run([TESSERACT, str(path), "stdout"], env=ENV, capture_output=True)
            totals["raw"] += time.perf_counter() - start
            for backend in BACKENDS:
                os.environ[VAR] = backend
                if path == paths[0]:
                    engine.recognize(image, options)  # warm: the thread's API, imports
                start = time.perf_counter()
                engine.recognize(image, options)
                totals[backend] += time.perf_counter() - start
        os.environ.pop(VAR, None)
        raw = totals["raw"]
        rows.append(
            [f"{cat} ({len(paths)})", f"{raw:.1f}"]
            + [f"{totals[b]:.1f} s = {totals[b] / raw:.2f}×" for b in BACKENDS]
        )
    print("\n### c. One at a time in one process, interleaved per image (no parallelism)\n")
    print(table(["images", "raw tesseract (s)", "engine, command", "engine, tesserocr"], rows))


def run_extract_tesseract(paths: list[Path], home: Path, out: Path) -> tuple[float, object, int]:
    """bench_core's extract run with ``--engine tesseract`` appended to the file list."""
    return run_extract([*paths, Path("--engine"), Path("tesseract")], home, out, 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="per-image accuracy too")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-accuracy", action="store_true")
    parser.add_argument("--interleaved-only", action="store_true", help="table c alone")
    args = parser.parse_args(argv)
    from app.core.engines.tesseract_backends import inprocess, subprocess_cli

    started = time.perf_counter()
    print(
        f"## Tesseract backends: tesserocr (libtesseract {inprocess.version()}) vs the command "
        f"(tesseract {subprocess_cli.version()})"
    )
    items = eval_items(quick=False)
    if args.interleaved_only:
        interleaved(items)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench_tesserocr_") as tmp:
        ENV["IMAGEHQ_OCR_HOME"] = str(Path(tmp) / "home")
        if not args.skip_accuracy:
            accuracy(items, args.verbose)
        if not args.skip_speed:
            speed(items, Path(tmp))
            interleaved(items)
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
