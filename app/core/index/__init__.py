"""The screenshot index (no Qt): watched folders, a persistent full-text index, search.

``db``: the SQLite FTS5 database · ``query``: a user's query, the hits · ``reader``: one file
into one item · ``indexer``: the background thread that keeps the index current · ``folders``:
which files count, the folder to suggest · ``events``: watchdog's file events.
"""

from app.core.index.db import FAILED, INDEXED, IndexDB, Item
from app.core.index.query import SearchHit

__all__ = ["FAILED", "INDEXED", "IndexDB", "Item", "SearchHit"]
