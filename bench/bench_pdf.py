"""Searchable PDF: does a PDF reader get our text back, at our word boxes?

For every document, screenshot and receipt of ``../shared/eval`` (scene photos have little text)
it reads the image with each engine asked for, writes the searchable PDF and runs poppler's
``pdftotext`` on it three ways: plain (poppler's own reading order, as viewers copy text),
``-raw`` (the order of the page's content: ours) and ``-bbox`` (word boxes). Prints per category
the CER of plain and raw output against our txt, how many images are within CER 0.01, and the
share of our words that a reader's word box overlaps with IoU ≥ 0.5 (the issue's targets: CER ≤
0.01, IoU ≥ 0.5 for ≥ 95 % of words).

Run: ``.venv/bin/python bench/bench_pdf.py [--engine auto tesseract rapidocr] [-v]``.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import score  # noqa: E402
from bench.bench_core import EVAL_DIR, table  # noqa: E402

os.environ["OMP_THREAD_LIMIT"] = "1"
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
_PAGE = re.compile(r'<page width="([\d.]+)"')
Box = tuple[float, float, float, float]


@dataclass
class Row:
    category: str
    name: str
    plain: float
    raw: float
    good: int
    words: int


def iou(a: Box, b: Box) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def pdftotext(pdf: Path, *flags: str) -> str:
    return subprocess.run(
        ["pdftotext", *flags, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def measure(category: str, path: Path, engine: str, work: Path) -> Row:
    from app.core.export import render
    from app.core.options import OcrOptions
    from app.core.pipeline import recognize_bytes

    data = path.read_bytes()
    result = recognize_bytes(data, OcrOptions(engine=engine)).result
    ours = render(result, "txt").decode()
    pdf = work / f"{path.stem}.pdf"
    pdf.write_bytes(render(result, "pdf", image=data, source_name=path.name))
    boxes = pdftotext(pdf, "-bbox")
    page = _PAGE.search(boxes)
    scale = result.page.width / float(page.group(1)) if page else 1.0
    first_page = boxes.split("</page>")[0]
    found = [tuple(float(v) * scale for v in m[:4]) for m in _WORD.findall(first_page)]
    words = result.page.words()
    good = sum(any(iou(w.bbox, b) >= 0.5 for b in found) for w in words)  # type: ignore[arg-type]
    return Row(
        category,
        path.stem,
        score.cer(pdftotext(pdf), ours),
        score.cer(pdftotext(pdf, "-raw"), ours),
        good,
        len(words),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", nargs="+", default=["auto"])
    parser.add_argument("-v", "--verbose", action="store_true", help="one row per image too")
    args = parser.parse_args(argv)
    if shutil.which("pdftotext") is None:
        print("pdftotext (poppler-utils) is needed")
        return 2
    manifest = EVAL_DIR / "manifest.csv"
    if not manifest.exists():
        print(f"(no eval set at {EVAL_DIR})")
        return 0
    with manifest.open(encoding="utf-8") as f:
        items = [(r["category"], EVAL_DIR / r["file"]) for r in csv.DictReader(f)]
    items = [(c, p) for c, p in items if c != "scene_text"]
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for engine in args.engine:
            measured = [measure(c, p, engine, Path(tmp)) for c, p in items]
            if args.verbose:
                for r in measured:
                    print(f"{engine} {r.category:12} {r.name:42} plain {r.plain:.3f} "
                          f"raw {r.raw:.3f} IoU≥0.5 {r.good}/{r.words}")  # fmt: skip
            for cat in sorted({r.category for r in measured}):
                rs = [r for r in measured if r.category == cat]
                n = len(rs)
                rows.append(
                    [
                        engine,
                        cat,
                        str(n),
                        f"{sum(r.plain for r in rs) / n:.3f}",
                        f"{sum(r.plain <= 0.01 for r in rs)}/{n}",
                        f"{sum(r.raw for r in rs) / n:.4f}",
                        f"{sum(r.raw <= 0.01 for r in rs)}/{n}",
                        f"{sum(r.good for r in rs) / max(1, sum(r.words for r in rs)):.1%}",
                    ]
                )
    headers = ["engine", "category", "n", "CER plain", "≤ 0.01", "CER -raw", "≤ 0.01", "IoU ≥ 0.5"]
    print(table(headers, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
