"""``GET /v1/search``: the screenshot index (``app.core.index``), searched over HTTP."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query

from app.api.models import SearchResults
from app.core.index.db import IndexDB

MAX_LIMIT = 100


class IndexSource:
    """The index the route searches: the one given, or the data dir's, opened at first use."""

    def __init__(self, root: Callable[[], Path], index: IndexDB | None = None) -> None:
        self.root = root  # the data dir of the manager's store, asked at first use
        self._index = index
        self._lock = threading.Lock()

    def get(self) -> IndexDB:
        with self._lock:
            if self._index is None:
                self._index = IndexDB(self.root())
            return self._index


def add_search_route(
    app: FastAPI, source: IndexSource, dependencies: list[Any], responses: dict[Any, Any]
) -> None:
    @app.get(
        "/v1/search",
        response_model=SearchResults,
        dependencies=dependencies,
        summary="Full-text search over the indexed images of the watched folders",
        responses=responses,
    )
    def search(
        q: Annotated[
            str,
            Query(
                min_length=1,
                max_length=500,
                description='words (all must match; the last one also as a prefix), "a phrase"',
            ),
        ],
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    ) -> dict[str, Any]:
        hits = source.get().search(q, limit)
        return {"query": q, "hits": [hit.to_dict() for hit in hits]}
