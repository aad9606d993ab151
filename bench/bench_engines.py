"""Engines side by side: raw ``tesseract``, each engine forced, and ``auto``, per category.

For every image of ``../shared/eval`` (and, with ``--extra DIR``, of more labelled folders; see
``load_extra``) it runs raw ``tesseract`` (CLI, PSM 3, eng) and our pipeline with
``engine=tesseract`` and ``engine=rapidocr``; ``auto`` is the engine the router picks for that
image (its text and time are that engine's plus the routing features' cost), or, where the
router picks Tesseract, a real ``engine=auto`` run, since Tesseract may ask PP-OCR for a second
opinion. Two jobs run at
once (as the job manager runs them on 2 cores), so PP-OCR gets one onnxruntime thread each.

Prints per category: CER, bag-of-words F1 and seconds per image of each, the router's choices,
and for scene text the word recall and precision against the non-ignored ICDAR boxes (text found
inside ``###`` boxes is not counted against precision). ``--csv FILE`` writes one row per image
with the routing features and every score, for fitting the router.

Run: ``.venv/bin/python bench/bench_engines.py [--quick] [--csv out.csv] [--extra DIR ...]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import score  # noqa: E402
from bench.bench_core import ENV, EVAL_DIR, TESSERACT, raw_tesseract, table  # noqa: E402

ENGINES = ("tesseract", "rapidocr")
BBox = tuple[int, int, int, int]


@dataclass
class Item:
    category: str
    name: str
    path: Path
    truth: str
    ignore: list[BBox] = field(default_factory=list)  # ICDAR "###" regions
    scene: bool = False


def eval_items(quick: bool) -> list[Item]:
    manifest = EVAL_DIR / "manifest.csv"
    if not manifest.exists():
        print(f"(no eval set at {EVAL_DIR})")
        return []
    items: list[Item] = []
    seen: dict[str, int] = defaultdict(int)
    with manifest.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            cat = row["category"]
            if quick and seen[cat] >= 3:
                continue
            seen[cat] += 1
            path = EVAL_DIR / row["file"]
            truth = path.with_suffix(".txt").read_text(encoding="utf-8")
            ignore: list[BBox] = []
            box_file = path.with_suffix(".json")
            if cat == "scene_text" and box_file.exists():
                data = json.loads(box_file.read_text(encoding="utf-8"))
                ignore = [tuple(i["bbox"]) for i in data["items"] if i.get("ignore")]  # type: ignore[misc]
            items.append(Item(cat, path.stem, path, truth, ignore, cat == "scene_text"))
    return items


def load_extra(folder: Path, limit: int) -> list[Item]:
    """A folder of ``X.<image>`` + ``X.txt`` pairs; its name (or a ``category`` file in it)
    is the category."""
    cat_file = folder / "category"
    cat = cat_file.read_text().strip() if cat_file.exists() else folder.name
    items = []
    for txt in sorted(folder.glob("*.txt"))[:limit]:
        for ext in (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp"):
            img = txt.with_suffix(ext)
            if img.exists():
                items.append(Item(cat, img.stem, img, txt.read_text(encoding="utf-8")))
                break
    return items


def _inside(box: BBox, regions: list[BBox]) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(r[0] <= cx <= r[2] and r[1] <= cy <= r[3] for r in regions)


def run_engine(item: Item, engine: str) -> tuple[str, list[tuple[str, BBox]], float, str]:
    from app.core.options import OcrOptions
    from app.core.pipeline import recognize_bytes

    data = item.path.read_bytes()
    start = time.perf_counter()
    outcome = recognize_bytes(data, OcrOptions(engine=engine))
    elapsed = time.perf_counter() - start
    words = [(w.text, w.bbox) for w in outcome.result.page.words()]
    return outcome.result.text, words, elapsed, outcome.result.engine


def measure(item: Item) -> dict[str, Any]:
    from PIL import Image

    from app.core import imageio
    from app.core.engines import get_engine
    from app.core.engines.rapid import RapidOcrEngine
    from app.core.engines.router import choose, features

    rapid = get_engine("rapidocr")
    if isinstance(rapid, RapidOcrEngine):
        rapid.set_parallelism(2)
    row: dict[str, Any] = {"category": item.category, "name": item.name}
    image, _info = imageio.decode(item.path.read_bytes())
    start = time.perf_counter()
    feats = features(image, bool(image.info.get(imageio.CAMERA_INFO_KEY)))
    row["route_s"] = time.perf_counter() - start
    row.update(feats.to_dict())
    row["auto"], row["why"] = choose(feats)
    with Image.open(item.path) as im:
        row["width"], row["height"] = im.size
        row["format"] = im.format
    start = time.perf_counter()
    runs: dict[str, tuple[str, list[tuple[str, BBox]]]] = {"raw": raw_tesseract(item.path)}
    row["raw_s"] = time.perf_counter() - start
    for eng in ENGINES:
        text, words, elapsed, _ = run_engine(item, eng)
        runs[eng] = (text, words)
        row[f"{eng}_s"] = elapsed
    score_runs(item, row, runs)
    if row["auto"] == "rapidocr":
        # the router's choice is final for PP-OCR: the same code path as the forced run
        runs["auto"] = runs["rapidocr"]
        row["auto_s"] = row["rapidocr_s"] + row["route_s"]
        row["auto_engine"] = "rapidocr"
    else:
        # Tesseract may ask PP-OCR for a second opinion: run auto for real
        text, words, elapsed, used = run_engine(item, "auto")
        runs["auto"] = (text, words)
        row["auto_s"] = elapsed
        row["auto_engine"] = used
    score_runs(item, row, {"auto": runs["auto"]})
    return row


def score_runs(
    item: Item, row: dict[str, Any], runs: dict[str, tuple[str, list[tuple[str, BBox]]]]
) -> None:
    rules = score.category_rules(item.category, item.name)
    for label, (text, words) in runs.items():
        row[f"{label}_cer"] = score.cer(text, item.truth, **rules)
        bag = score.bag_of_words(text, item.truth)
        row[f"{label}_f1"] = bag.f1
        if item.scene:
            kept = " ".join(t for t, b in words if not _inside(b, item.ignore))
            scene = score.bag_of_words(kept, item.truth)
            row[f"{label}_recall"], row[f"{label}_precision"] = scene.recall, scene.precision


def summarise(rows: list[dict[str, Any]]) -> None:
    by_cat: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_cat[r["category"]].append(r)
    labels = ("raw", *ENGINES, "auto")
    head = ["category", "n"]
    for label in labels:
        head += [f"CER {label}", f"F1 {label}"]
    head += [
        "s/img raw",
        "s/img tess",
        "s/img rapid",
        "s/img auto",
        "auto → rapidocr (+ second opinion)",
    ]
    out = []
    for cat, rs in sorted(by_cat.items()):

        def mean(key: str, rs: list[dict[str, Any]] = rs) -> float:
            return statistics.fmean(float(r[key]) for r in rs)

        line = [cat, str(len(rs))]
        for label in labels:
            line += [f"{mean(f'{label}_cer'):.3f}", f"{mean(f'{label}_f1'):.3f}"]
        line += [
            f"{mean('raw_s'):.2f}",
            f"{mean('tesseract_s'):.2f}",
            f"{mean('rapidocr_s'):.2f}",
            f"{mean('auto_s'):.2f}",
            f"{sum(r['auto'] == 'rapidocr' for r in rs)}"
            f" (+{sum(r['auto'] != 'rapidocr' and r['auto_engine'] == 'rapidocr' for r in rs)})"
            f"/{len(rs)}",
        ]
        out.append(line)
    print("\n### Accuracy and time per category (mean per image)\n")
    print(table(head, out))
    scene = [r for r in rows if "raw_recall" in r]
    if scene:
        print("\n### Scene text: words against non-ignored boxes\n")
        print(
            table(
                ["run", "recall", "precision"],
                [
                    [
                        label,
                        f"{statistics.fmean(r[f'{label}_recall'] for r in scene):.3f}",
                        f"{statistics.fmean(r[f'{label}_precision'] for r in scene):.3f}",
                    ]
                    for label in labels
                ],
            )
        )


#: The batches timed: (label, --engine, Tesseract backend). The first is the app before PP-OCR
#: (every image through the ``tesseract`` command): the issue's "today's".
BATCHES = (
    ("--engine tesseract, the tesseract command (before PP-OCR)", "tesseract", "subprocess"),
    ("--engine tesseract, tesserocr", "tesseract", "tesserocr"),
    ("--engine auto", "auto", ""),
)


def batch_times(items: list[Item], work: Path, rounds: int = 2) -> None:
    """``imagehq-ocr extract -j 2`` batches, fresh store each, the runs interleaved ``rounds``
    times; the median of each against the first."""
    paths = [str(i.path) for i in items]
    times: dict[str, list[float]] = defaultdict(list)
    codes: dict[str, int] = {}
    for n in range(rounds):
        for label, engine, backend in BATCHES:
            home = work / f"home_{engine}_{backend}_{n}"
            out = work / f"out_{engine}_{backend}_{n}"
            cmd = [sys.executable, "-m", "app", "extract", *paths, "-o", str(out), "-j", "2"]
            cmd += ["--engine", engine, "--local"]
            env = {**ENV, "IMAGEHQ_OCR_HOME": str(home)}
            if backend:
                env["IMAGEHQ_OCR_TESSERACT_BACKEND"] = backend
            start = time.perf_counter()
            done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, check=False)
            times[label].append(time.perf_counter() - start)
            codes[label] = max(codes.get(label, 0), done.returncode)
    base = statistics.median(times[BATCHES[0][0]])
    rows = [
        [label, " / ".join(f"{t:.1f}" for t in times[label]),
         f"{statistics.median(times[label]) / base:.2f}×", f"exit {codes[label]}"]
        for label, _, _ in BATCHES
    ]  # fmt: skip
    print(f"\n### One extract batch of {len(items)} images (2 cores, {rounds} rounds)\n")
    print(table(["run", "seconds", "vs the first (median)", "status"], rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 images per category")
    parser.add_argument("--csv", type=Path, help="write per-image rows here")
    parser.add_argument("--extra", type=Path, nargs="*", default=[], help="more labelled folders")
    parser.add_argument("--extra-limit", type=int, default=40, help="images per extra folder")
    parser.add_argument("--no-eval", action="store_true", help="extra folders only")
    parser.add_argument("--skip-batch", action="store_true", help="no extract batch timing")
    parser.add_argument("--batch-only", action="store_true", help="only the batch timing")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    items = [] if args.no_eval else eval_items(args.quick)
    for folder in args.extra:
        items += load_extra(folder, args.extra_limit)
    version = subprocess.run([TESSERACT, "--version"], capture_output=True, text=True).stdout
    print(f"## Engines ({version.splitlines()[0] if version else 'tesseract ?'}, "
          f"{len(items)} images, {os.cpu_count()} cores)")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="bench_engines_") as tmp:
        os.environ["IMAGEHQ_OCR_HOME"] = str(Path(tmp) / "home")
        if args.batch_only:
            batch_times([i for i in items if i.category != "extra"], Path(tmp))
            return 0
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(2) as pool:
            rows = pool.map(measure, items, chunksize=1)
        summarise(rows)
        if args.csv:
            keys = sorted({k for r in rows for k in r})
            with args.csv.open("w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=keys)
                w.writeheader()
                w.writerows(rows)
            print(f"\n(per-image rows in {args.csv})")
        if not args.skip_batch and not args.no_eval:
            batch_times([i for i in items if i.category != "extra"], Path(tmp))
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
