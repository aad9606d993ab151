"""watchdog's file events, handed to the indexer (which does the work in its own thread)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchdog.events import FileSystemEvent, FileSystemEventHandler

if TYPE_CHECKING:
    from app.core.index.indexer import Indexer

_KINDS = {"created": "created", "modified": "modified", "closed": "modified", "deleted": "deleted"}


class Handler(FileSystemEventHandler):
    def __init__(self, indexer: Indexer) -> None:
        super().__init__()
        self.indexer = indexer

    def on_any_event(self, event: FileSystemEvent) -> None:
        src = _text(event.src_path)
        if event.is_directory:
            if event.event_type in ("moved", "deleted", "created"):
                self.indexer.dir_event()
            return
        if event.event_type == "moved":
            self.indexer.file_event("moved", src, _text(event.dest_path))
        elif event.event_type in _KINDS:
            self.indexer.file_event(_KINDS[event.event_type], src)


def _text(path: bytes | str) -> str:
    return path.decode(errors="surrogateescape") if isinstance(path, bytes) else path
