"""Receipt lines: the result model's lines with the word boxes behind every character span."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from app.core.model import BBox, Page, Word


@dataclass
class TextLine:
    """One printed line: its text (words joined by spaces) and where each word sits."""

    index: int
    words: list[Word]
    text: str = ""
    upper: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        pos = 0
        parts = []
        for w in self.words:
            self.spans.append((pos, pos + len(w.text)))
            parts.append(w.text)
            pos += len(w.text) + 1
        self.text = " ".join(parts)
        self.upper = self.text.upper()

    @property
    def bbox(self) -> BBox:
        boxes = [w.bbox for w in self.words]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    @property
    def height(self) -> int:
        return int(median([max(1, w.bbox[3] - w.bbox[1]) for w in self.words]))

    def _words(self, start: int, end: int) -> list[Word]:
        picked = [
            w for w, (a, b) in zip(self.words, self.spans, strict=True) if a < end and b > start
        ]
        return picked or list(self.words)

    def boxes(self, start: int = 0, end: int | None = None) -> list[BBox]:
        """The boxes of the words that hold ``text[start:end]``."""
        return [w.bbox for w in self._words(start, len(self.text) if end is None else end)]

    def confidence(self, start: int = 0, end: int | None = None) -> float:
        words = self._words(start, len(self.text) if end is None else end)
        return sum(w.confidence for w in words) / len(words)


def page_lines(page: Page) -> list[TextLine]:
    """The page's non-empty lines in reading order."""
    out: list[TextLine] = []
    for line in page.lines():
        words = [w for w in line.words if w.text.strip()]
        if words:
            out.append(TextLine(len(out), words))
    return out
