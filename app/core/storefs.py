"""The file-system side of the store: private atomic writes, telling a full disk or a damaged
database from other failures, and moving a damaged database aside. No Qt, no SQL."""

from __future__ import annotations

import errno
import os
import sqlite3
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from app.core.errors import StorageError
from app.paths import PRIVATE_FILE

_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 11, 13, 26


def disk_full(exc: BaseException) -> bool:
    """No space left (or over quota), from the OS or from SQLite."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        return (code is not None and code & 0xFF == _SQLITE_FULL) or "disk is full" in str(exc)
    return False


def no_space(folder: Path) -> bool:
    """Less than 1 MB free where ``folder`` is: SQLite then fails with a mere "disk I/O error"
    (it cannot grow its shared-memory file), which means the same as a full disk."""
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        return False
    return st.f_bavail * st.f_frsize < 2**20


def damaged(exc: BaseException) -> bool:
    """The database file is not a database, or a damaged one."""
    if not isinstance(exc, sqlite3.DatabaseError) or isinstance(exc, sqlite3.IntegrityError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc)
    return (code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)) or (
        "malformed" in text or "not a database" in text
    )


def reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__


def truncated(path: Path) -> bool:
    """The file is shorter than its SQLite header says (cut off by a crash or a copy)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_valid = pages > 0 and header[24:28] == header[92:96]
    return header_valid and size < pages * page_size


def write_atomic(path: Path, data: bytes, sync: bool = True) -> None:
    """Writes via ``<name>.tmp`` and a rename (0600); a failed write leaves no file."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise


def move_aside(db_path: Path, now: datetime, exc: BaseException) -> Path:
    """Renames a damaged database (and its WAL) to ``<name>.corrupt-<time>``; returns that."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    target = db_path.with_name(f"{db_path.name}.corrupt-{stamp}")
    n = 2
    while target.exists():
        target = db_path.with_name(f"{db_path.name}.corrupt-{stamp}-{n}")
        n += 1
    for suffix in ("", "-wal", "-shm"):
        try:
            os.replace(f"{db_path}{suffix}", f"{target}{suffix}")
        except FileNotFoundError:
            continue
        except OSError as err:
            raise StorageError(
                f"the store {db_path} is damaged ({exc}) and cannot be moved aside "
                f"({reason(err)}); move it away yourself and start again"
            ) from None
    return target
