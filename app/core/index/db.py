"""The screenshot index: one SQLite database (``index.sqlite3`` in the data dir), apart from the
job store. Items never expire (the store's TTL pruning does not touch this file).

Per file it keeps the path, size, mtime and sha256 (never a copy of the image), whether it was
read (``indexed``) or not (``failed`` with a one-line ``reason``: it is not tried again until its
size or mtime change), the recognised text and the word boxes. An FTS5 table over the text,
the file name and the path answers searches. The watched folders are kept here too, so that the
CLI, ``serve`` and the window share one list.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core import sqlite_db
from app.core.errors import StorageError
from app.core.index.query import SearchHit, hit_boxes, parse_query, split_snippet
from app.core.job import iso, utcnow
from app.core.storefs import reason
from app.paths import HOME_ENV, PRIVATE_DIR, data_dir, make_private

DB_NAME = "index.sqlite3"
INDEXED, FAILED = "indexed", "failed"

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    folder TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    sha256 TEXT,
    status TEXT NOT NULL,
    reason TEXT,
    engine TEXT,
    text TEXT NOT NULL DEFAULT '',
    words TEXT NOT NULL DEFAULT '[]',
    indexed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_sha ON items(sha256);
CREATE INDEX IF NOT EXISTS items_folder ON items(folder);
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(
    text, name, path, content='items', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
);
CREATE TRIGGER IF NOT EXISTS items_ai AFTER INSERT ON items BEGIN
    INSERT INTO items_fts(rowid, text, name, path) VALUES (new.id, new.text, new.name, new.path);
END;
CREATE TRIGGER IF NOT EXISTS items_ad AFTER DELETE ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, text, name, path)
        VALUES ('delete', old.id, old.text, old.name, old.path);
END;
CREATE TRIGGER IF NOT EXISTS items_au AFTER UPDATE OF text, name, path ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, text, name, path)
        VALUES ('delete', old.id, old.text, old.name, old.path);
    INSERT INTO items_fts(rowid, text, name, path) VALUES (new.id, new.text, new.name, new.path);
END;
CREATE TABLE IF NOT EXISTS folders (
    path TEXT PRIMARY KEY,
    added_at TEXT NOT NULL
);
"""
#: Column weights of bm25: a hit in the text counts most, then the file name, then the path.
WEIGHTS = (10.0, 4.0, 1.0)
BM25 = "bm25({}, {}, {})".format(*WEIGHTS)
SNIPPET_TOKENS = 12
#: Marks around a hit in the snippet SQLite makes (``split_snippet`` turns them into parts).
MARK_START, MARK_END = "\x02", "\x03"

#: A word box: [text, x0, y0, x1, y1, page index].
WordBox = list[Any]


@dataclass
class Item:
    path: str
    folder: str
    size: int
    mtime: float
    sha256: str | None
    status: str
    reason: str | None = None
    engine: str | None = None
    text: str = ""
    words: list[WordBox] = field(default_factory=list)
    indexed_at: str = ""

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass
class IndexStats:
    indexed: int
    failed: int
    folders: int


class IndexDB:
    """Thread-safe (one connection behind a lock); several processes may share the file (WAL)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root else data_dir()
        self.path = self.root / DB_NAME
        self._lock = threading.RLock()
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
            make_private(self.root)
            sqlite_db.private_file(self.path)
            self._db = sqlite_db.connect(self.path)
            self._db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(
                f"cannot open the index {self.path}: {reason(exc)}; make {self.root} writable, "
                f"or set {HOME_ENV} to a folder you can write to"
            ) from None

    def close(self) -> None:
        with self._lock:
            with suppress(sqlite3.Error):
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.close()

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        return sqlite_db.immediate(self._db, self._lock)

    # -- watched folders ---------------------------------------------------------------------
    def folders(self) -> list[str]:
        with self._lock:
            rows = self._db.execute("SELECT path FROM folders ORDER BY path").fetchall()
        return [r["path"] for r in rows]

    def add_folder(self, folder: str) -> bool:
        """Adds a watched folder (an absolute path); False when it was watched already."""
        with self._tx() as db:
            cur = db.execute(
                "INSERT OR IGNORE INTO folders(path, added_at) VALUES (?, ?)",
                (folder, iso(utcnow())),
            )
        return cur.rowcount > 0

    def remove_folder(self, folder: str) -> bool:
        """Stops watching ``folder`` and drops its items; False when it was not watched."""
        with self._tx() as db:
            cur = db.execute("DELETE FROM folders WHERE path = ?", (folder,))
            db.execute("DELETE FROM items WHERE folder = ?", (folder,))
        return cur.rowcount > 0

    # -- items -------------------------------------------------------------------------------
    def put(self, item: Item, *, watched_only: bool = False) -> bool:
        """Inserts or replaces the item of ``item.path``; with ``watched_only`` only while its
        folder is watched (False when it is not: removed while the file was read)."""
        row = (
            item.path,
            item.name,
            item.folder,
            item.size,
            item.mtime,
            item.sha256,
            item.status,
            item.reason,
            item.engine,
            item.text,
            json.dumps(item.words, ensure_ascii=False, separators=(",", ":")),
            item.indexed_at or iso(utcnow()),
        )
        with self._tx() as db:
            if (
                watched_only
                and not db.execute(
                    "SELECT 1 FROM folders WHERE path = ?", (item.folder,)
                ).fetchone()
            ):
                return False
            db.execute(
                "INSERT INTO items(path, name, folder, size, mtime, sha256, status, reason, "
                "engine, text, words, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET name=excluded.name, folder=excluded.folder, "
                "size=excluded.size, mtime=excluded.mtime, sha256=excluded.sha256, "
                "status=excluded.status, reason=excluded.reason, engine=excluded.engine, "
                "text=excluded.text, words=excluded.words, indexed_at=excluded.indexed_at",
                row,
            )
        return True

    @staticmethod
    def _item(row: sqlite3.Row) -> Item:
        return Item(
            path=row["path"],
            folder=row["folder"],
            size=row["size"],
            mtime=row["mtime"],
            sha256=row["sha256"],
            status=row["status"],
            reason=row["reason"],
            engine=row["engine"],
            text=row["text"],
            words=json.loads(row["words"]),
            indexed_at=row["indexed_at"],
        )

    def get(self, path: str) -> Item | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM items WHERE path = ?", (path,)).fetchone()
        return self._item(row) if row else None

    def by_sha(self, sha256: str) -> Item | None:
        """An item that was read from the same bytes (a moved or copied file)."""
        with self._lock:
            row = self._db.execute(
                "SELECT * FROM items WHERE sha256 = ? AND status = ? LIMIT 1", (sha256, INDEXED)
            ).fetchone()
        return self._item(row) if row else None

    def signatures(self, folder: str) -> dict[str, tuple[int, float]]:
        """``path → (size, mtime)`` of the items of one watched folder."""
        with self._lock:
            rows = self._db.execute(
                "SELECT path, size, mtime FROM items WHERE folder = ?", (folder,)
            ).fetchall()
        return {r["path"]: (r["size"], r["mtime"]) for r in rows}

    def move(self, old: str, new: str, folder: str) -> bool:
        """The file at ``old`` is now at ``new``: its item follows (text and boxes kept)."""
        with self._tx() as db:
            db.execute("DELETE FROM items WHERE path = ?", (new,))
            cur = db.execute(
                "UPDATE items SET path = ?, name = ?, folder = ? WHERE path = ?",
                (new, Path(new).name, folder, old),
            )
        return cur.rowcount > 0

    def remove(self, paths: list[str]) -> int:
        with self._tx() as db:
            n = 0
            for path in paths:
                n += db.execute("DELETE FROM items WHERE path = ?", (path,)).rowcount
        return n

    def remove_under(self, folder: str) -> int:
        """Drops the items below a folder that was deleted or moved out of the watched ones."""
        prefix = folder.rstrip(os.sep) + os.sep
        with self._tx() as db:
            cur = db.execute(
                "DELETE FROM items WHERE substr(path, 1, ?) = ?", (len(prefix), prefix)
            )
        return cur.rowcount

    def failures(self) -> list[Item]:
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM items WHERE status = ? ORDER BY path", (FAILED,)
            ).fetchall()
        return [self._item(r) for r in rows]

    def folder_counts(self) -> dict[str, tuple[int, int]]:
        """``watched folder → (indexed, failed)``."""
        counts = {folder: (0, 0) for folder in self.folders()}
        with self._lock:
            rows = self._db.execute(
                "SELECT folder, SUM(status = ?) AS ok, SUM(status = ?) AS bad FROM items "
                "GROUP BY folder",
                (INDEXED, FAILED),
            ).fetchall()
        for r in rows:
            if r["folder"] in counts:
                counts[r["folder"]] = (int(r["ok"] or 0), int(r["bad"] or 0))
        return counts

    def stats(self) -> IndexStats:
        with self._lock:
            counts = dict(
                self._db.execute("SELECT status, COUNT(*) FROM items GROUP BY status").fetchall()
            )
            folders = self._db.execute("SELECT COUNT(*) FROM folders").fetchone()[0]
        return IndexStats(counts.get(INDEXED, 0), counts.get(FAILED, 0), folders)

    # -- search ------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Best hits first (bm25 over text, file name and path); an empty or punctuation-only
        query finds nothing."""
        parsed = parse_query(query)
        if parsed is None:
            return []
        with self._lock:
            # the best rowids first (FTS5 ranks without touching the items), then the snippets
            # and the items of those only
            ranked = self._db.execute(
                "SELECT rowid, rank FROM items_fts WHERE items_fts MATCH ? AND rank MATCH ? "
                "ORDER BY rank LIMIT ?",
                (parsed.match, BM25, int(limit)),
            ).fetchall()
            if not ranked:
                return []
            ids = [r["rowid"] for r in ranked]
            marks = ",".join("?" * len(ids))
            snippets = dict(
                self._db.execute(
                    "SELECT rowid, snippet(items_fts, -1, ?, ?, '…', ?) FROM items_fts "
                    f"WHERE items_fts MATCH ? AND rowid IN ({marks})",
                    (MARK_START, MARK_END, SNIPPET_TOKENS, parsed.match, *ids),
                ).fetchall()
            )
            items = {
                r["id"]: r
                for r in self._db.execute(
                    f"SELECT id, path, words FROM items WHERE id IN ({marks})", ids
                ).fetchall()
            }
        return [
            SearchHit(
                path=items[r["rowid"]]["path"],
                score=round(-float(r["rank"]), 4),
                parts=split_snippet(snippets.get(r["rowid"], ""), MARK_START, MARK_END),
                boxes=hit_boxes(
                    json.loads(items[r["rowid"]]["words"]), parsed.terms, parsed.prefix
                ),
            )
            for r in ranked
            if r["rowid"] in items
        ]
