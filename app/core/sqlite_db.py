"""What the job store and the screenshot index share about their SQLite files: a private
(0600) WAL database opened the same way, and ``BEGIN IMMEDIATE`` transactions behind a lock."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from app.paths import PRIVATE_FILE, make_private


def private_file(path: Path) -> None:
    """Creates ``path`` 0600 if it is missing (SQLite gives -wal and -shm the mode of the
    database) and makes the database and its -wal/-shm private."""
    if not path.exists():
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE))
    for suffix in ("", "-wal", "-shm"):
        make_private(Path(f"{path}{suffix}"))


def connect(path: Path) -> sqlite3.Connection:
    """One connection for several threads (callers hold their own lock) and processes (WAL):
    autocommit, rows by name, 30 s busy timeout, deleted rows overwritten."""
    db = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
    try:
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA busy_timeout=30000")
        db.execute("PRAGMA secure_delete=ON")  # deleted text is overwritten, not left behind
    except BaseException:
        db.close()
        raise
    return db


@contextmanager
def immediate(db: sqlite3.Connection, lock: threading.RLock) -> Iterator[sqlite3.Connection]:
    """A write transaction: taken at once (``BEGIN IMMEDIATE``), rolled back on any error."""
    with lock:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                with suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            raise
