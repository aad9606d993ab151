"""The window's side of the screenshot index (no widgets): keeps it current while the window
runs, edits the watched folders, searches it. The index and its indexer are ``app.core.index``;
the indexer waits while any job of the window's manager is queued or running."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.core.errors import OcrError
from app.core.index.db import IndexDB
from app.core.index.folders import folder_key, suggested_folder
from app.core.index.indexer import Indexer
from app.core.index.query import SearchHit
from app.core.options import OcrOptions

log = logging.getLogger(__name__)

SEARCH_LIMIT = 50


class IndexControl(QObject):
    changed = Signal()  # an item was indexed, moved or removed (emitted from the indexer)

    def __init__(self, manager: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.manager = manager
        self.index: IndexDB | None = None
        self.indexer: Indexer | None = None
        self.error: str | None = None

    def start(self, language: str = "eng") -> bool:
        """Opens the index beside the store and starts keeping it current (after the window
        is shown: its size never delays the start)."""
        if self.indexer is not None:
            return True
        try:
            self.index = IndexDB(self.manager.store.root)
        except OcrError as err:
            self.error = err.message
            log.warning("screenshot index unavailable: %s", err.message)
            return False
        self.indexer = Indexer(
            self.index,
            options=OcrOptions(language=language),
            store=self.manager.store,
            engine=self.manager.engine,
            busy=lambda: self.manager.queue_length() > 0,
            on_change=lambda _kind, _path: self.changed.emit(),
        )
        self.indexer.start()
        return True

    def stop(self) -> None:
        if self.indexer is not None:
            self.indexer.stop()
            self.indexer = None
        if self.index is not None:
            self.index.close()
            self.index = None

    def folders(self) -> list[str]:
        return self.index.folders() if self.index is not None else []

    @staticmethod
    def suggested() -> str:
        return suggested_folder()

    def set_folders(self, wanted: list[str]) -> None:
        """Watches exactly ``wanted``: new ones are indexed, removed ones leave the index."""
        if self.index is None:
            return
        keys = [folder_key(f) for f in wanted]
        for folder in self.index.folders():
            if folder not in keys:
                self.index.remove_folder(folder)
        for folder in keys:
            self.index.add_folder(folder)
        if self.indexer is not None:
            self.indexer.rescan()
        self.changed.emit()

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        if self.index is None or not query.strip():
            return []
        return self.index.search(query, limit)
