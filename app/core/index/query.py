"""What a user types into a search, as an FTS5 query; the hits as the callers show them.

Words are matched as words (AND), a ``"quoted phrase"`` as a phrase, and the last word (of two
letters or more) also as a prefix (``ord`` finds ``order``: the window searches as one types).
Anything else in the query (FTS5 operators, punctuation) is taken as text, never as syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)
#: A shorter last word is matched as a word only (``a*`` would match nearly everything).
MIN_PREFIX = 2


def normalize(word: str) -> str:
    """Lower case, accents removed: as the ``unicode61 remove_diacritics`` tokenizer sees it."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class ParsedQuery:
    match: str  # the FTS5 MATCH expression
    terms: list[str]  # normalized words, for the word boxes of a hit
    prefix: str | None = None  # the last word, also matched as a prefix


def parse_query(query: str) -> ParsedQuery | None:
    parts = query.split('"')
    groups: list[tuple[list[str], bool]] = []  # (words, is a phrase)
    for n, part in enumerate(parts):
        words = _WORD.findall(part)
        if not words:
            continue
        quoted = n % 2 == 1 and n < len(parts) - 1
        if quoted:
            groups.append((words, True))
        else:
            groups += [([w], False) for w in words]
    if not groups:
        return None
    exprs = ['"' + " ".join(words) + '"' for words, _ in groups]
    last_words, last_phrase = groups[-1]
    prefix = None
    if not last_phrase and len(last_words[0]) >= MIN_PREFIX:
        prefix = normalize(last_words[0])
        exprs[-1] += "*"
    terms = [normalize(w) for words, _ in groups for w in words]
    return ParsedQuery(" ".join(exprs), terms, prefix)


@dataclass
class SearchHit:
    """One indexed file that matches: ``parts`` is the snippet as (text, is a hit) runs."""

    path: str
    score: float  # bm25 relevance: higher is better
    parts: list[tuple[str, bool]] = field(default_factory=list)
    boxes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def snippet(self) -> str:
        """The snippet with each hit in ``[`` … ``]``."""
        return "".join(f"[{text}]" if hit else text for text, hit in self.parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "score": self.score,
            "snippet": self.snippet,
            "boxes": self.boxes,
        }


def split_snippet(snippet: str, start: str, end: str) -> list[tuple[str, bool]]:
    parts: list[tuple[str, bool]] = []
    text = " ".join(snippet.split())  # one line: the text's line breaks become spaces
    for n, chunk in enumerate(re.split(f"[{re.escape(start)}{re.escape(end)}]", text)):
        if chunk:
            parts.append((chunk, n % 2 == 1))
    return parts


def hit_boxes(
    words: list[list[Any]], terms: list[str], prefix: str | None = None
) -> list[dict[str, Any]]:
    """The boxes of the words of an item that a query term matches (or that start with
    ``prefix``); ``words`` as the index keeps them: ``[text, x0, y0, x1, y1, page]``."""
    exact = set(terms)
    boxes = []
    for text, x0, y0, x1, y1, page in words:
        tokens = [normalize(t) for t in _WORD.findall(str(text))]
        if any(t in exact or (prefix and t.startswith(prefix)) for t in tokens):
            boxes.append({"text": text, "bbox": [x0, y0, x1, y1], "page": page})
    return boxes
