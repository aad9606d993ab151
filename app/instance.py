"""The running window's single-instance socket, seen from outside Qt: its name, where it is, and
a small client for one request (a JSON line each way, or several answer lines for a request
that takes a while). No Qt here: ``imagehq-ocr extract`` asks the window without loading QtCore.

The server is ``app.capture.ipc.InstanceServer`` (a QLocalServer): on Unix its socket is
``$TMPDIR/<name>`` (``/tmp/<name>`` without TMPDIR), as ``QDir::tempPath()`` puts it; on Windows
it is a named pipe, which this client does not open (``connect`` gives None there).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

from app import APP_ID
from app.core.errors import StorageError
from app.paths import config_dir

MAX_LINE = 64 * 1024 * 1024  # an answer line carries an output file (base64)


def _user() -> str:
    """``getpass.getuser()`` (the environment's LOGNAME, USER, LNAME or USERNAME, else the
    password database), without importing getpass and its terminal handling."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    try:
        import pwd

        return pwd.getpwuid(os.getuid())[0]
    except Exception:
        return "user"


def server_name() -> str:
    """The socket's name: the user and a hash of the app's config folder, so that
    ``IMAGEHQ_OCR_HOME`` isolates instances (e.g. in tests)."""
    user = _user()
    digest = hashlib.sha256(str(config_dir().resolve()).encode()).hexdigest()[:12]
    safe_user = "".join(c for c in user if c.isalnum() or c in "-_")[:32] or "user"
    return f"{APP_ID}-{safe_user}-{digest}"


def socket_path() -> Path | None:
    """Where the running window's socket is (Unix), or None where this client cannot reach it."""
    if sys.platform == "win32":
        return None
    temp = os.environ.get("TMPDIR", "").rstrip("/") or "/tmp"
    return Path(temp) / server_name()


class Connection:
    """One request to the running window: ``send`` a message, then ``receive`` answer lines."""

    def __init__(self, sock: Any) -> None:
        self._sock = sock
        self._buffer = b""

    @classmethod
    def open(cls, timeout_s: float = 1.0) -> Connection | None:
        """A connection to the running window, or None when none answers here."""
        try:
            path = socket_path()
        except StorageError:  # no usable config folder: the command says so itself
            return None
        if path is None or not path.exists():
            return None
        import socket  # only when a window may be listening

        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout_s)
        try:
            sock.connect(str(path))
        except OSError:  # a socket file left by a crash: nobody listens
            sock.close()
            return None
        return cls(sock)

    def send(self, message: dict[str, Any]) -> None:
        self._sock.sendall((json.dumps(message) + "\n").encode())

    def receive(self, timeout_s: float | None) -> dict[str, Any] | None:
        """The next answer line, or None when the window closed the connection or did not
        answer within ``timeout_s`` (None: wait as long as it takes)."""
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        while b"\n" not in self._buffer:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._sock.settimeout(left)
            else:
                self._sock.settimeout(None)
            try:
                chunk = self._sock.recv(1 << 20)
            except OSError:  # a time-out (TimeoutError), a reset
                return None
            if not chunk:
                return None
            self._buffer += chunk
            if len(self._buffer) > MAX_LINE:
                return None
        line, self._buffer = self._buffer.split(b"\n", 1)
        try:
            answer = json.loads(line)
        except ValueError:
            return None
        return answer if isinstance(answer, dict) else None

    def close(self) -> None:
        with suppress(OSError):
            self._sock.close()
