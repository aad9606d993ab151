"""Core benchmark: accuracy and speed of the OCR pipeline against raw ``tesseract``.

Prints four tables (Markdown):

a. accuracy per eval category (../shared/eval) and for generated screenshots (bench/screens.py):
   mean CER and bag-of-words F1 of raw ``tesseract`` (CLI, PSM 3, eng) vs our pipeline
   (``recognize_bytes(data, OcrOptions())``). Generated screenshots are scored with the words put
   in the truth's line order (both sides alike), so CER measures reading, not layout analysis;
b. wall time of one batch (eval images + generated screenshots): ``imagehq-ocr extract -j 2``
   vs raw ``tesseract`` run one by one; plus the pipeline run sequentially in one process with
   and without preprocessing (the preprocessing overhead);
c. the same batch again, served from the result cache;
d. peak memory (RSS) of the extract process and of its whole process tree.

Every run uses a fresh temporary ``IMAGEHQ_OCR_HOME``. ``--quick`` uses a subset (~1 minute).
Run: ``.venv/bin/python bench/bench_core.py [--quick]``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from bench import score  # noqa: E402
from bench.screens import Screen, generated_screens, qt_screens  # noqa: E402

EVAL_DIR = ROOT.parent / "shared" / "eval"
TESSERACT = shutil.which("tesseract") or "tesseract"
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1", "QT_QPA_PLATFORM": "offscreen"}
os.environ["OMP_THREAD_LIMIT"] = "1"

BBox = tuple[int, int, int, int]


@dataclass
class Item:
    category: str
    name: str
    path: Path
    truth: str
    truth_lines: list[BBox] | None = None  # line boxes, for line-ordered scoring


# -- inputs ----------------------------------------------------------------------------------
def eval_items(quick: bool) -> list[Item]:
    manifest = EVAL_DIR / "manifest.csv"
    if not manifest.exists():
        print(f"(no eval set at {EVAL_DIR}: generated screenshots only)")
        return []
    items: list[Item] = []
    seen: dict[str, int] = defaultdict(int)
    with manifest.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            cat = row["category"]
            if quick and cat != "screenshot" and seen[cat] >= 3:
                continue
            seen[cat] += 1
            path = EVAL_DIR / row["file"]
            truth = path.with_suffix(".txt").read_text(encoding="utf-8")
            items.append(Item(cat, path.stem, path, truth))
    return items


def screen_items(folder: Path, quick: bool) -> list[Item]:
    screens: list[Screen] = generated_screens(count_per_kind=1 if quick else 3)
    try:
        screens += qt_screens((8, 9))
    except Exception as exc:  # Qt is optional here
        print(f"(Qt screenshots skipped: {exc})")
    items: list[Item] = []
    for s in screens:
        path = folder / f"{s.name}.png"
        s.image.save(path)
        lines = None
        if all(w.bbox != (0, 0, 0, 0) for w in s.words):
            lines = [score.union_box([w.bbox for w in line]) for line in s.lines if line]
        category = "qt_widgets" if s.kind == "qt_widgets" else "generated"
        items.append(Item(category, s.name, path, s.truth, lines))
    return items


# -- recognisers -----------------------------------------------------------------------------
def raw_tesseract(path: Path) -> tuple[str, list[tuple[str, BBox]]]:
    """Stock ``tesseract PATH stdout -l eng tsv`` (PSM 3): text and word boxes."""
    out = subprocess.run(
        [TESSERACT, str(path), "stdout", "-l", "eng", "tsv"],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    ).stdout
    words: list[tuple[str, BBox]] = []
    paras: dict[tuple[str, str], dict[str, list[str]]] = {}
    for row in out.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip() or float(cols[10]) < 0:
            continue
        x, y, w, h = (int(v) for v in cols[6:10])
        words.append((cols[11].strip(), (x, y, x + w, y + h)))
        paras.setdefault((cols[2], cols[3]), {}).setdefault(cols[4], []).append(cols[11].strip())
    text = "\n\n".join("\n".join(" ".join(ws) for ws in p.values()) for p in paras.values())
    return text, words


def ours(
    path: Path, preprocess: bool = True, psm: str = "auto"
) -> tuple[str, list[tuple[str, BBox]]]:
    from app.core.options import OcrOptions
    from app.core.pipeline import recognize_bytes

    outcome = recognize_bytes(path.read_bytes(), OcrOptions(preprocess=preprocess, psm=psm))
    words = [(w.text, w.bbox) for w in outcome.result.page.words()]
    return outcome.result.text, words


def score_item(item: Item) -> dict[str, float | str]:
    rules = score.category_rules(item.category, item.name)
    row: dict[str, float | str] = {"category": item.category, "name": item.name}
    runs = (
        ("raw", raw_tesseract(item.path)),
        ("ours", ours(item.path)),
        ("column", ours(item.path, psm="single_column")),
    )
    for label, (text, words) in runs:
        if item.truth_lines is not None:
            text = score.line_ordered_text(words, item.truth_lines)
        row[f"{label}_cer"] = score.cer(text, item.truth, **rules)
        row[f"{label}_f1"] = score.bag_of_words(text, item.truth).f1
    return row


# -- tables ----------------------------------------------------------------------------------
def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def accuracy(items: list[Item], verbose: bool) -> None:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.map(score_item, items, chunksize=1)
    by_cat: dict[str, list[dict[str, float | str]]] = defaultdict(list)
    for r in results:
        by_cat[str(r["category"])].append(r)
    rows = []
    for cat, rs in by_cat.items():

        def mean(key: str, rs: list[dict[str, float | str]] = rs) -> float:
            return statistics.fmean(float(r[key]) for r in rs)

        raw_cer, our_cer = mean("raw_cer"), mean("ours_cer")
        ratio = f"{raw_cer / our_cer:.1f}×" if our_cer > 0 else ("∞" if raw_cer > 0 else "=")
        rows.append(
            [
                cat,
                str(len(rs)),
                f"{raw_cer:.4f}",
                f"{our_cer:.4f}",
                ratio,
                f"{mean('raw_f1'):.3f}",
                f"{mean('ours_f1'):.3f}",
                f"{mean('column_cer'):.4f}",
            ]
        )
    print("\n### a. Accuracy (mean per image; lower CER / higher F1 is better)\n")
    print(
        table(
            [
                "category",
                "n",
                "CER raw",
                "CER ours",
                "raw/ours",
                "F1 raw",
                "F1 ours",
                "CER ours psm=single_column",
            ],
            rows,
        )
    )
    if verbose:
        print()
        print(
            table(
                ["image", "CER raw", "CER ours", "F1 raw", "F1 ours"],
                [
                    [
                        str(r["name"]),
                        f"{float(r['raw_cer']):.4f}",
                        f"{float(r['ours_cer']):.4f}",
                        f"{float(r['raw_f1']):.3f}",
                        f"{float(r['ours_f1']):.3f}",
                    ]
                    for r in results
                ],
            )
        )


class PeakRss:
    """Samples the RSS of a process and of its whole tree every 20 ms."""

    def __init__(self, pid: int) -> None:
        self.proc = psutil.Process(pid)
        self.main = 0
        self.tree = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                main = self.proc.memory_info().rss
                total = main
                for child in self.proc.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        total += child.memory_info().rss
            except psutil.Error:
                break
            self.main, self.tree = max(self.main, main), max(self.tree, total)
            self._stop.wait(0.02)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run_extract(paths: list[Path], home: Path, out: Path, jobs: int) -> tuple[float, PeakRss, int]:
    cmd = [
        sys.executable,
        "-m",
        "app",
        "extract",
        *map(str, paths),
        "-o",
        str(out),
        "-j",
        str(jobs),
    ]
    env = {**ENV, "IMAGEHQ_OCR_HOME": str(home)}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    peak = PeakRss(proc.pid)
    code = proc.wait()
    elapsed = time.perf_counter() - start
    peak.stop()
    return elapsed, peak, code


def run_raw(paths: list[Path], out: Path) -> float:
    start = time.perf_counter()
    for i, p in enumerate(paths):
        subprocess.run(
            [TESSERACT, str(p), str(out / f"raw_{i}"), "-l", "eng"],
            env=ENV,
            capture_output=True,
            check=False,
        )
    return time.perf_counter() - start


def run_ours_sequential(paths: list[Path], preprocess: bool) -> tuple[float, float]:
    """Pipeline in this process, one image after another; returns (total s, preprocess s)."""
    from PIL import Image

    from app.core import preprocess as pp

    start = time.perf_counter()
    for p in paths:
        ours(p, preprocess)
    total = time.perf_counter() - start
    prep = 0.0
    if preprocess:
        for p in paths:
            with Image.open(p) as im:
                im.load()
                t0 = time.perf_counter()
                pp.prepare(im)
                prep += time.perf_counter() - t0
    return total, prep


def speed(items: list[Item], work: Path) -> None:
    paths = [it.path for it in items]
    mpx = sum(psutil_size(p) for p in paths) / 1e6
    ours(paths[0])  # warm-up: imports, engine discovery
    out = work / "out"
    out.mkdir()
    t_raw = run_raw(paths, out)
    home = work / "home"
    t_extract, peak, code = run_extract(paths, home, work / "extract1", 2)
    t_cached, peak2, code2 = run_extract(paths, home, work / "extract2", 2)
    t_seq, t_prep = run_ours_sequential(paths, True)
    t_seq_np, _ = run_ours_sequential(paths, False)

    def ratio(t: float) -> str:
        return f"{t / t_raw:.2f}×"

    print(f"\n### b. Batch wall time ({len(paths)} images, {mpx:.1f} Mpx; 2 cores)\n")
    rows = [
        ["raw `tesseract` one by one (reference)", f"{t_raw:.1f}", "1.00×", "—"],
        [
            "`imagehq-ocr extract -j 2` (cold cache)",
            f"{t_extract:.1f}",
            ratio(t_extract),
            "≤ 0.75×" + ("" if code == 0 else f" (exit {code})"),
        ],
        ["pipeline, sequential, preprocessing on", f"{t_seq:.1f}", ratio(t_seq), "≤ 1.15×"],
        ["pipeline, sequential, preprocessing off", f"{t_seq_np:.1f}", ratio(t_seq_np), "—"],
        ["`prepare()` alone (inside the line above)", f"{t_prep:.2f}", ratio(t_prep), "—"],
    ]
    print(table(["run", "seconds", "vs raw", "target"], rows))
    print("\n### c. Same batch again, from the cache\n")
    print(
        table(
            ["run", "seconds", "vs raw", "target"],
            [
                [
                    "`imagehq-ocr extract -j 2` (warm cache)",
                    f"{t_cached:.1f}",
                    ratio(t_cached),
                    "≤ 0.25×" + ("" if code2 == 0 else f" (exit {code2})"),
                ]
            ],
        )
    )
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("\n### d. Peak memory (RSS, MiB)\n")
    print(
        table(
            ["process", "cold batch", "cached batch"],
            [
                [
                    "extract (python process)",
                    f"{peak.main / 2**20:.0f}",
                    f"{peak2.main / 2**20:.0f}",
                ],
                [
                    "extract + tesseract children",
                    f"{peak.tree / 2**20:.0f}",
                    f"{peak2.tree / 2**20:.0f}",
                ],
                ["this benchmark (sequential pipeline)", f"{self_peak:.0f}", "—"],
            ],
        )
    )


def psutil_size(path: Path) -> int:
    from PIL import Image

    with Image.open(path) as im:
        return im.width * im.height


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a subset: about a minute")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-image accuracy too")
    parser.add_argument("--skip-speed", action="store_true", help="accuracy table only")
    parser.add_argument("--skip-accuracy", action="store_true", help="speed tables only")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench_core_") as tmp:
        work = Path(tmp)
        os.environ["IMAGEHQ_OCR_HOME"] = str(work / "home_seq")
        ENV["IMAGEHQ_OCR_HOME"] = str(work / "home_seq")
        screens_dir = work / "screens"
        screens_dir.mkdir()
        items = eval_items(args.quick) + screen_items(screens_dir, args.quick)
        version = subprocess.run(
            [TESSERACT, "--version"], capture_output=True, text=True, check=False
        ).stdout.splitlines()
        print(
            f"## Core benchmark ({version[0] if version else 'tesseract ?'}, {len(items)} images)"
        )
        if not args.skip_accuracy:
            accuracy(items, args.verbose)
        if not args.skip_speed:
            speed(items, work)
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
