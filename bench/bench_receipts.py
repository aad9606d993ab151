"""Receipt fields: per-field exact-match accuracy on SROIE-style ground truth.

    python bench/bench_receipts.py [--eval DIR] [--sroie DIR] [--cache DIR] [--split ...]

Sets: the eval set's SROIE receipts (``DIR/receipt/sroie_*.json``, key ``entities``) and, when
given, a SROIE folder (``img/NNN.jpg`` + ``key/NNN.json``) split by id into *fit* (the rules were
tuned on it) and *held-out* (id % 3 == 0, never looked at while tuning); eval images that also
occur in the SROIE folder are left out of both. OCR is the app's ``auto`` engine; ``--cache DIR``
keeps each result there (``<set>_<stem>.json``) so re-runs only parse.

Scoring as the issue defines it: case, whitespace and punctuation removed; dates compared as
ISO dates (truth read day-first, as SROIE's Malaysian receipts print them); totals as decimals.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core import imageio
from app.core.engines import get_engine
from app.core.model import OcrResult
from app.core.options import OcrOptions
from app.core.pipeline import engine_timeout
from app.core.receipt.dates import find_dates
from app.core.receipt.parser import parse_receipt

FIELDS = ("company", "date", "address", "total")
OURS = {"company": "merchant", "date": "date", "address": "address", "total": "total"}
EVAL_DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval"


def norm_text(value: str | None) -> str:
    return re.sub(r"[^0-9a-z]", "", (value or "").lower())


def norm_date(value: str | None) -> str:
    """ISO from ISO (ours) or from SROIE's printed date (day-first)."""
    if not value:
        return ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if re.fullmatch(r"(?:19|20)\d{6}", value):  # 20180304
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    found = find_dates(value)
    if not found:
        return norm_text(value)
    iso = found[0].iso(True)
    return iso or norm_text(value)


def norm_total(value: str | None) -> str:
    digits = re.sub(r"[^0-9.,]", "", value or "").replace(",", "")
    try:
        return str(Decimal(digits).quantize(Decimal("0.01")))
    except InvalidOperation:
        return ""


def matches(field: str, truth: str, ours: str | None) -> bool:
    if field == "date":
        return norm_date(truth) == norm_date(ours)
    if field == "total":
        return norm_total(truth) == norm_total(ours)
    return norm_text(truth) == norm_text(ours)


def recognise(image: Path, cache: Path | None, key: str) -> OcrResult:
    target = cache / f"{key}.json" if cache else None
    if target is not None and target.exists():
        return OcrResult.from_storage(json.loads(target.read_text()))
    img, info = imageio.decode(image.read_bytes())
    result = get_engine().recognize(
        img, OcrOptions().validated(), timeout=engine_timeout(info.width, info.height)
    )
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(result.to_storage()))
    return result


def eval_cases(folder: Path) -> Iterator[tuple[str, Path, dict[str, str]]]:
    for truth in sorted((folder / "receipt").glob("sroie_*.json")):
        entities = json.loads(truth.read_text())["entities"]
        yield f"eval_{truth.stem}", truth.with_suffix(".jpg"), entities


def sroie_cases(
    folder: Path, split: str, exclude: set[str]
) -> Iterator[tuple[str, Path, dict[str, str]]]:
    for key in sorted((folder / "key").glob("*.json")):
        if key.stem in exclude or not key.stem.isdigit():
            continue
        held_out = int(key.stem) % 3 == 0
        if split == "all" or (split == "held-out") == held_out:
            image = folder / "img" / f"{key.stem}.jpg"
            if image.exists():
                yield f"sroie_{key.stem}", image, json.loads(key.read_text())


def score(
    cases: Iterator[tuple[str, Path, dict[str, str]]],
    cache: Path | None,
    verbose: bool,
    only_cached: bool = False,
) -> dict[str, float]:
    hits = dict.fromkeys(FIELDS, 0)
    n = 0
    for key, image, truth in cases:
        if only_cached and not (cache and (cache / f"{key}.json").exists()):
            continue
        receipt = parse_receipt(recognise(image, cache, key)).to_dict()
        n += 1
        for f in FIELDS:
            ok = matches(f, truth.get(f, ""), receipt.get(OURS[f]))
            hits[f] += ok
            if verbose and not ok:
                print(f"  {key:14} {f:8} truth={truth.get(f)!r} ours={receipt.get(OURS[f])!r}")
    acc = {f: hits[f] / n if n else 0.0 for f in FIELDS}
    acc["mean"] = sum(acc[f] for f in FIELDS) / len(FIELDS)
    acc["n"] = n
    return acc


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=EVAL_DEFAULT, help="the eval set folder")
    ap.add_argument("--sroie", type=Path, default=None, help="a SROIE folder (img/, key/)")
    ap.add_argument("--cache", type=Path, default=None, help="keep OCR results here")
    ap.add_argument("--split", choices=("fit", "held-out", "all", "both"), default="both")
    ap.add_argument(
        "--only-cached", action="store_true", help="score only receipts already in --cache"
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = ap.parse_args()

    rows: list[tuple[str, dict[str, float]]] = []
    exclude: set[str] = set()
    if (args.eval / "receipt").is_dir():
        exclude = {p.stem.split("_")[1] for p in (args.eval / "receipt").glob("sroie_*.json")}
        rows.append(
            ("eval", score(eval_cases(args.eval), args.cache, args.verbose, args.only_cached))
        )
    if args.sroie is not None:
        splits = ("fit", "held-out") if args.split == "both" else (args.split,)
        for split in splits:
            cases = sroie_cases(args.sroie, split, exclude)
            rows.append(
                (f"sroie {split}", score(cases, args.cache, args.verbose, args.only_cached))
            )
    print(f"{'set':16} {'n':>4} " + " ".join(f"{f:>8}" for f in (*FIELDS, "mean")))
    for name, acc in rows:
        cells = " ".join(f"{acc[f]:8.3f}" for f in (*FIELDS, "mean"))
        print(f"{name:16} {int(acc['n']):4d} {cells}")
    print(f"(run on {date.today().isoformat()}; target: mean >= 0.85, total and date >= 0.90)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
