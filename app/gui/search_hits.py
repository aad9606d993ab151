"""Where the search box's query occurs in a job's text: character spans for the text pane
and, through the text map, the words to mark on the image. The store matches the query as one
case-insensitive substring; so does this."""

from __future__ import annotations

import re

from app.gui.text_map import TextMap


def find_hits(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) of every case-insensitive occurrence of ``query`` in ``text``."""
    query = query.strip()
    if not query:
        return []
    return [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE)]


def hit_words(text_map: TextMap, hits: list[tuple[int, int]]) -> list[int]:
    """Indices of the words the hits touch (in the map's text)."""
    found: set[int] = set()
    for start, end in hits:
        found.update(text_map.words_in_range(start, end))
    return sorted(found)
