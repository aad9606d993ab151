"""Word ↔ text-range map: the recognised text built exactly like ``Page.text``, with the
character span of every word, so a selection in the text pane maps to boxes and back."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from app.core.model import Page, Paragraph, Word


@dataclass
class TextMap:
    text: str = ""
    words: list[Word] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # (start, end) per word
    line_of: list[int] = field(default_factory=list)  # line number per word
    #: index of the first word of each page (one entry for a one-page result)
    page_starts: list[int] = field(default_factory=lambda: [0])

    @classmethod
    def build(cls, page: Page, *more: Page) -> TextMap:
        """Words joined by " ", lines by "\\n", paragraphs as ``Page.text`` joins them; the
        pages of a multi-page result apart by a blank line (the pane shows them all)."""
        parts: list[str] = []
        words: list[Word] = []
        spans: list[tuple[int, int]] = []
        line_of: list[int] = []
        starts: list[int] = []
        pos = 0
        line_no = 0
        paragraphs: list[tuple[Paragraph, bool]] = []
        for n, one in enumerate((page, *more)):
            paragraphs += [
                (p, blank or (n > 0 and i == 0)) for i, (p, blank) in enumerate(one.paragraphs())
            ]
            starts.append(sum(len(p.words()) for p in (page, *more)[:n]))
        for pi, (para, blank) in enumerate(paragraphs):
            if pi:
                parts.append("\n\n" if blank else "\n")
                pos += 2 if blank else 1
            for li, line in enumerate(para.lines):
                if li:
                    parts.append("\n")
                    pos += 1
                for wi, word in enumerate(line.words):
                    if wi:
                        parts.append(" ")
                        pos += 1
                    parts.append(word.text)
                    words.append(word)
                    spans.append((pos, pos + len(word.text)))
                    line_of.append(line_no)
                    pos += len(word.text)
                line_no += 1
        return cls("".join(parts), words, spans, line_of, starts)

    def page_of(self, index: int) -> int:
        """The page (0-based) of word ``index``."""
        return bisect.bisect_right(self.page_starts, index) - 1

    def on_page(self, indices: list[int], page: int) -> list[int]:
        """Of the (map-wide) word ``indices``, those on ``page``, as the page's own indices."""
        start = self.page_starts[page]
        return [i - start for i in indices if self.page_of(i) == page]

    def of_page(self, indices: list[int], page: int) -> list[int]:
        """A page's own word ``indices`` as map-wide ones."""
        return [i + self.page_starts[page] for i in indices]

    def word_at(self, position: int) -> int | None:
        """The word whose span contains ``position`` (or ends at it)."""
        i = bisect.bisect_right([s for s, _ in self.spans], position) - 1
        if 0 <= i < len(self.spans) and self.spans[i][0] <= position <= self.spans[i][1]:
            return i
        return None

    def words_in_range(self, start: int, end: int) -> list[int]:
        """Indices of words that overlap ``[start, end)``; a caret (start == end) gives the word
        under it."""
        if start > end:
            start, end = end, start
        if start == end:
            hit = self.word_at(start)
            return [] if hit is None else [hit]
        return [i for i, (s, e) in enumerate(self.spans) if s < end and e > start]

    def range_of(self, indices: list[int]) -> tuple[int, int] | None:
        if not indices:
            return None
        return self.spans[min(indices)][0], self.spans[max(indices)][1]

    def text_of(self, indices: list[int]) -> str:
        """The words in reading order: same line joined by spaces, lines by newlines."""
        out: list[str] = []
        last_line: int | None = None
        for i in sorted(set(indices)):
            if last_line is not None:
                out.append(" " if self.line_of[i] == last_line else "\n")
            out.append(self.words[i].text)
            last_line = self.line_of[i]
        return "".join(out)
