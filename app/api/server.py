"""Runs the API: ``ApiServer`` (uvicorn in a daemon thread, for the window and ``serve``) and
``serve_main`` (``imagehq-ocr serve``: headless, QCoreApplication in the main thread)."""

from __future__ import annotations

import argparse
import logging
import signal
import socket
import sys
import threading
import time
from types import FrameType
from typing import Any

import uvicorn

from app.api.app import DEFAULT_MAX_UPLOAD_BYTES, create_app
from app.api.security import get_token, is_loopback_host, token_source
from app.core.index.db import IndexDB
from app.core.index.indexer import Indexer
from app.jobs import JobManager

log = logging.getLogger(__name__)

PROG = "imagehq-ocr serve"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
GRACEFUL_SECONDS = 5


def _bind(host: str, port: int) -> socket.socket:
    """Binds and listens before uvicorn starts: errors surface in the caller's thread and
    port 0 gets its real number at once."""
    bind_host = "127.0.0.1" if host == "localhost" else host.strip("[]")
    family = socket.AF_INET6 if ":" in bind_host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((bind_host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class ApiServer:
    """The HTTP API on one JobManager (``manager.submit`` is thread-safe).

    ``start()`` returns once the server listens (``.port`` then holds the real port, also
    for ``port=0``); ``stop()`` stops accepting, lets running requests finish (long polls
    get ``GRACEFUL_SECONDS``) and joins the thread. Jobs are not touched: they belong to
    the manager.
    """

    def __init__(
        self,
        manager: JobManager,
        host: str = "127.0.0.1",
        port: int = 8765,
        token: str | None = None,
        max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
        allow_remote: bool = False,
        *,
        max_queue: int | None = None,
        max_files: int = 100,
        drain_limit: int | None = None,
        index: IndexDB | None = None,
    ) -> None:
        if not is_loopback_host(host) and not allow_remote:
            raise ValueError(f"host {host} is not a loopback address (allow_remote is off)")
        self.manager = manager
        self.host = host
        self.port = port
        self.token = token or get_token()
        self.allow_remote = allow_remote
        extra = frozenset() if host in ("0.0.0.0", "::") else frozenset({host.lower()})
        self.app = create_app(
            manager,
            self.token,
            max_upload_bytes,
            max_files=max_files,
            max_queue=max_queue,
            allowed_hosts=extra,
            allow_remote=allow_remote,
            drain_limit=drain_limit,
            index=index,
        )
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("localhost", "0.0.0.0") else self.host
        if ":" in host:
            host = f"[{host.strip('[]')}]"
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 10.0) -> None:
        """Raises OSError when the address is taken, RuntimeError if uvicorn fails to start."""
        if self.running:
            return
        sock = _bind(self.host, self.port)
        self.port = sock.getsockname()[1]
        self.app.state.api.stopping.clear()
        config = uvicorn.Config(
            self.app,
            log_config=None,
            access_log=False,
            lifespan="off",
            ws="none",
            timeout_graceful_shutdown=GRACEFUL_SECONDS,
            server_header=False,
        )
        server = uvicorn.Server(config)
        self._server = server
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="imagehq-api", daemon=True
        )
        self._thread = thread
        thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                server.should_exit = True
                sock.close()
                raise RuntimeError("the API server did not start (see the log)")
            time.sleep(0.01)

    def stop(self, timeout: float = GRACEFUL_SECONDS + 10) -> None:
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self.app.state.api.stop()  # long polls answer at once instead of a 500 at the timeout
        server.should_exit = True
        thread.join(timeout)
        if thread.is_alive():
            server.force_exit = True
            thread.join(5)
        self._server = self._thread = None


def start_indexer(manager: JobManager) -> tuple[IndexDB, Indexer]:
    """Keeps the screenshot index beside the manager's store current while jobs of the manager
    go first (``Indexer``: low priority, it waits while any job is queued or running)."""
    index = IndexDB(manager.store.root)
    indexer = Indexer(
        index,
        store=manager.store,
        engine=manager.engine,
        busy=lambda: manager.queue_length() > 0,
    )
    indexer.start()
    return index, indexer


def serve_main(args: argparse.Namespace) -> int:
    """``imagehq-ocr serve [--host H] [--port P] [--allow-remote]``; returns the exit code."""
    host: str = args.host
    port: int = args.port
    allow_remote = bool(getattr(args, "allow_remote", False))
    if not 0 <= port <= 65535:
        print(f"{PROG}: error: --port must be 0-65535, got {port}", file=sys.stderr)
        return EXIT_USAGE
    if not is_loopback_host(host):
        if not allow_remote:
            print(
                f"{PROG}: error: --host {host} is not a loopback address, so the API would be "
                "reachable from other machines; add --allow-remote if that is what you want",
                file=sys.stderr,
            )
            return EXIT_USAGE
        print(
            f"{PROG}: warning: listening on {host}: anyone who can reach this machine and has "
            "the token can use the API (the traffic is not encrypted)",
            file=sys.stderr,
        )
    logging.getLogger("python_multipart").setLevel(logging.ERROR)  # bad uploads get a 400

    from PySide6.QtCore import QCoreApplication, QTimer

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0] if sys.argv else PROG])
    manager = JobManager(recover=True)
    manager.warm_up("eng")  # the API's default language, loaded ahead of the first request
    index, indexer = start_indexer(manager)
    upload_mb = getattr(args, "max_upload_mb", None)  # optional flags, if the CLI offers them
    max_queue = getattr(args, "max_queue", None)
    server = ApiServer(
        manager,
        host,
        port,
        allow_remote=allow_remote,
        max_upload_bytes=int(upload_mb * 2**20) if upload_mb else DEFAULT_MAX_UPLOAD_BYTES,
        max_queue=max_queue,
        index=index,
    )
    try:
        server.start()
    except (OSError, RuntimeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"{PROG}: error: cannot listen on {host}:{port}: {reason}", file=sys.stderr)
        indexer.stop()
        manager.shutdown(wait=True)
        return EXIT_FAILED

    stopping = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stopping.set()
        app.quit()

    previous: dict[int, Any] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, on_signal)

    def heartbeat() -> None:  # lets Python run signal handlers while Qt's loop runs
        if stopping.is_set() or not server.running:
            app.quit()

    timer = QTimer()
    timer.setInterval(200)
    timer.timeout.connect(heartbeat)
    timer.start()

    print(f"ImageHQ OCR API listening on {server.url}  (OpenAPI: {server.url}/openapi.json)")
    print(f"token: {token_source()}  (send 'Authorization: Bearer <token>')")
    print("Ctrl+C stops; running jobs finish, queued ones are kept for the next start", flush=True)
    crashed = False
    try:
        if not stopping.is_set():
            app.exec()
        crashed = not stopping.is_set() and not server.running
    finally:
        timer.stop()
        print("stopping: finishing running jobs…", file=sys.stderr, flush=True)
        server.stop()
        indexer.stop()
        index.close()
        manager.shutdown(wait=True)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if crashed:
        print(f"{PROG}: error: the HTTP server stopped unexpectedly", file=sys.stderr)
        return EXIT_FAILED
    print("stopped", file=sys.stderr, flush=True)
    return EXIT_OK
