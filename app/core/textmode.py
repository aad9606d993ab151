"""How the text of a result is laid out as plain text: one implementation for the txt export,
the CLI, the API and the window.

- ``lines``: one visual line per line, paragraphs apart by a blank line (``Page.text``).
- ``paragraphs``: the lines of a paragraph joined into one line, end-of-line hyphenation undone
  where the joined word is plausible; paragraphs apart by a blank line.
- ``single_line``: every word of the page on one line (hyphenation undone the same way).

It reads the result model only (blocks → paragraphs → lines → words), so both engines get it.
"""

from __future__ import annotations

import re
from typing import Literal

from app.core.barcodes import barcodes_text
from app.core.choices import DEFAULT_TEXT_MODE, TEXT_MODES
from app.core.model import PAGE_BREAK, Line, OcrResult, Page, Paragraph

__all__ = ["DEFAULT_TEXT_MODE", "TEXT_MODES", "TextMode", "result_text"]

TextMode = Literal["lines", "paragraphs", "single_line"]

# A word broken at the end of a line: letters, then one hyphen (ASCII or the Unicode hyphens
# U+2010/U+00AD); not "--" and not a hyphen alone.
_BROKEN = re.compile(r"^(?P<stem>.*[^\W\d_])[-\u2010\u00ad]$")


def _dehyphenate(left: str, right: str) -> str | None:
    """``"docu-"`` + ``"ment"`` → ``"document"``; None when the hyphen is not a line-break one
    (the next line starts with a capital, a digit or punctuation: "Jean-" / "Paul", "1-" / "2")."""
    broken = _BROKEN.match(left)
    if broken is None or not right[:1].islower():
        return None
    return broken.group("stem") + right


def join_lines(lines: list[Line]) -> str:
    """The words of ``lines`` as one line of text: lines joined by a space, or without one where
    an end-of-line hyphen splits a word."""
    words: list[str] = []
    for line in lines:
        texts = [w.text for w in line.words if w.text]
        if not texts:
            continue
        if words:
            joined = _dehyphenate(words[-1], texts[0])
            if joined is not None:
                words[-1] = joined
                texts = texts[1:]
        words += texts
    return " ".join(words)


def _paragraphs(page: Page) -> list[Paragraph]:
    return [p for b in page.blocks for p in b.paragraphs if any(ln.words for ln in p.lines)]


def page_text(page: Page, mode: str = DEFAULT_TEXT_MODE) -> str:
    """The page's text in ``mode`` (see the module docstring); no trailing newline."""
    if mode == "lines":
        return page.text
    if mode == "paragraphs":
        return "\n\n".join(join_lines(p.lines) for p in _paragraphs(page))
    if mode == "single_line":
        return join_lines([ln for p in _paragraphs(page) for ln in p.lines])
    raise ValueError(f"unknown text mode '{mode}' (use {', '.join(TEXT_MODES)})")


def result_text(
    result: OcrResult, mode: str = DEFAULT_TEXT_MODE, with_barcodes: bool = False
) -> str:
    """The text of ``result`` in ``mode``: what the window shows and copies, what txt holds.
    Pages of a multi-page input are apart by a form feed (a space in ``single_line``);
    ``with_barcodes``: the barcodes'
    ``[QR Code] text`` lines follow after a blank line (as txt output ends)."""
    # single_line is one line for the whole input: its pages too, apart by a space
    sep = " " if mode == "single_line" else PAGE_BREAK
    text = sep.join(t for p in result.pages if (t := page_text(p, mode)) or sep == PAGE_BREAK)
    return with_barcode_lines(text, result) if with_barcodes else text


def with_barcode_lines(text: str, result: OcrResult) -> str:
    """``text`` and then, after a blank line, one ``[format] text`` line per barcode."""
    if not result.barcodes:
        return text
    codes = barcodes_text(result.barcodes)
    return f"{text}\n\n{codes}" if text else codes
