"""What every part of the ``Store`` shares: where it is, its SQLite connection and lock,
transactions, the checkpoint that keeps deleted text out of the WAL, and how a failed write is
reported (StorageError; StorageFullError when the disk is full)."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from datetime import datetime
from pathlib import Path

from app.core import sqlite_db
from app.core.errors import StorageError, StorageFullError
from app.core.storefs import disk_full, no_space, reason

log = logging.getLogger("app.core.store")  # the store's log, whichever of its modules writes

# Every insert and update takes the next number (writes are serialised by BEGIN IMMEDIATE), so
# another process can ask what changed since the number it saw last.
NEXT_SEQ = "(SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs)"


class StoreBase:
    """The store's location, connection and write helpers (set up by ``Store.__init__``)."""

    root: Path
    db_path: Path
    clock: Callable[[], datetime]
    owner: str  # this process (``process_owner``): written into the jobs it saves
    notice: str | None
    _lock: threading.RLock
    _db: sqlite3.Connection

    @property
    def jobs_dir(self) -> Path:
        return self.root / "jobs"

    def close(self) -> None:
        with self._lock:
            self.checkpoint()
            self._db.close()

    def checkpoint(self) -> None:
        """Moves the WAL into the database and truncates it (best effort: a reader of another
        process may hold it; the next checkpoint catches up)."""
        with self._lock:
            try:
                self._db.execute("PRAGMA busy_timeout=2000")
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as exc:
                log.info("checkpoint skipped: %s", exc)
            finally:
                with suppress(sqlite3.Error):
                    self._db.execute("PRAGMA busy_timeout=30000")

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        return sqlite_db.immediate(self._db, self._lock)

    @contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """Turns a failed write into StorageError (StorageFullError when the disk is full);
        an IntegrityError (a constraint: the idempotency key) passes unchanged."""
        try:
            yield
        except (StorageError, sqlite3.IntegrityError):
            raise
        except (OSError, sqlite3.Error) as exc:
            if disk_full(exc) or no_space(self.root):
                raise StorageFullError(
                    f"cannot save {what}: no space left on the disk that holds {self.root}; "
                    "free some space"
                ) from exc
            raise StorageError(f"cannot save {what} in {self.root}: {reason(exc)}") from exc
