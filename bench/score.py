"""Scoring helpers for OCR output: character error rate and bag-of-words precision/recall/F1.

Normalisation follows ../shared/eval/README.md: whitespace runs (line breaks included) collapse to
one space; curly quotes become straight ones and bullets become ``-`` (NormCap truth); case is
ignored where asked (SROIE truth is upper case); ``strip_spaces`` removes whitespace entirely
(FUNSD tokens are split at punctuation). Edit distances come from RapidFuzz.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2022": "-",
        "\u25cf": "-",
        "\u25aa": "-",
        "\u00b7": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\ufb01": "fi",
        "\ufb02": "fl",
    }
)
_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+", re.UNICODE)


def normalise(text: str, *, ignore_case: bool = False, strip_spaces: bool = False) -> str:
    text = _WS.sub(" ", text.translate(_TRANSLATE)).strip()
    if strip_spaces:
        text = text.replace(" ", "")
    return text.lower() if ignore_case else text


def cer(
    hypothesis: str, reference: str, *, ignore_case: bool = False, strip_spaces: bool = False
) -> float:
    """Levenshtein distance / reference length after normalisation (0 = perfect; can exceed 1)."""
    hyp = normalise(hypothesis, ignore_case=ignore_case, strip_spaces=strip_spaces)
    ref = normalise(reference, ignore_case=ignore_case, strip_spaces=strip_spaces)
    if not ref:
        return 0.0 if not hyp else 1.0
    return Levenshtein.distance(hyp, ref) / len(ref)


def tokens(text: str, *, ignore_case: bool = True) -> Counter[str]:
    """Word tokens (runs of letters and digits) of the normalised text, as a multiset."""
    text = normalise(text, ignore_case=ignore_case)
    return Counter(_TOKEN.findall(text))


@dataclass(frozen=True)
class BagScore:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def bag_of_words(hypothesis: str, reference: str, *, ignore_case: bool = True) -> BagScore:
    """Order-independent word matching (multiset intersection of tokens)."""
    hyp, ref = (
        tokens(hypothesis, ignore_case=ignore_case),
        tokens(reference, ignore_case=ignore_case),
    )
    common = sum((hyp & ref).values())
    n_hyp, n_ref = sum(hyp.values()), sum(ref.values())
    precision = common / n_hyp if n_hyp else (1.0 if not n_ref else 0.0)
    recall = common / n_ref if n_ref else 1.0
    return BagScore(precision, recall)


def category_rules(category: str, name: str = "") -> dict[str, bool]:
    """CER options for an eval category, as the eval README asks."""
    if category == "receipt":
        return {"ignore_case": True, "strip_spaces": False}
    if category == "scanned_doc" and name.startswith("funsd"):
        return {"ignore_case": False, "strip_spaces": True}
    if category == "scene_text":
        return {"ignore_case": True, "strip_spaces": False}
    return {"ignore_case": False, "strip_spaces": False}


BBox = tuple[int, int, int, int]


def line_ordered_text(words: list[tuple[str, BBox]], truth_lines: list[BBox]) -> str:
    """The recognised words put in the truth's line order, so CER ignores layout analysis.

    Each word goes to the truth line its box overlaps most vertically (left to right within a
    line); words on no truth line follow at the end, top to bottom. Tesseract may read a
    two-column dialog column by column: this scores what was read, not in which order.
    """
    assigned: list[list[tuple[int, str]]] = [[] for _ in truth_lines]
    stray: list[tuple[int, int, str]] = []
    for text, (x0, y0, _x1, y1) in words:
        best, best_overlap = -1, 0
        for i, (_lx0, ly0, _lx1, ly1) in enumerate(truth_lines):
            overlap = min(y1, ly1) - max(y0, ly0)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best < 0:
            stray.append((y0, x0, text))
        else:
            assigned[best].append((x0, text))
    lines = [" ".join(t for _, t in sorted(line)) for line in assigned]
    lines += [t for _, _, t in sorted(stray)]
    return "\n".join(line for line in lines if line)


def union_box(boxes: list[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
