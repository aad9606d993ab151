"""``imagehq-ocr watch add DIR | list | remove DIR | run`` and ``imagehq-ocr search QUERY``.

No Qt: the index and its indexer are plain threads and SQLite (``app.core.index``).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from app.core.errors import OcrError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PROG = "imagehq-ocr"
MAX_LIMIT = 1000
KEEPS_CURRENT = "`imagehq-ocr watch run`, `imagehq-ocr serve` or the window keep it indexed"


def add_parsers(sub: Any) -> None:
    """Registers ``watch`` and ``search`` on the CLI's subparsers."""
    watch = sub.add_parser("watch", help="watched folders: their images are indexed for search")
    actions = watch.add_subparsers(dest="watch_command", metavar="{add,list,remove,run}")
    add = actions.add_parser("add", help="watch a folder (e.g. your Screenshots folder)")
    add.add_argument("folder", metavar="DIR")
    actions.add_parser("list", help="the watched folders and how much of each is indexed")
    remove = actions.add_parser("remove", help="stop watching a folder; its items leave the index")
    remove.add_argument("folder", metavar="DIR")
    run = actions.add_parser("run", help="keep the index current until Ctrl+C or SIGTERM")
    run.add_argument("--lang", default="eng", help="language packs, e.g. eng or eng+deu")
    run.add_argument(
        "--once", action="store_true", help="index what is there now, then exit (for cron)"
    )

    search = sub.add_parser("search", help="search the text of the indexed images")
    search.add_argument("query", metavar="QUERY", help='words; "a phrase" in double quotes')
    search.add_argument(
        "--json",
        action="store_true",
        help="one JSON object a line: path, score, snippet, boxes (the hit words' boxes)",
    )
    search.add_argument("--limit", type=int, default=20, help="at most N hits (default 20)")


def _err(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


def watch_main(args: argparse.Namespace) -> int:
    from app.core.index.db import IndexDB
    from app.core.index.folders import folder_key, suggested_folder

    command = getattr(args, "watch_command", None)
    if command is None:
        _err("watch needs one of add, list, remove, run (see imagehq-ocr watch --help)")
        return EXIT_USAGE
    index = IndexDB()
    try:
        if command == "add":
            folder = folder_key(args.folder)
            if not Path(folder).is_dir():
                _err(f"{args.folder} is not a folder")
                return EXIT_FAILED
            if index.add_folder(folder):
                print(f"watching {folder}; {KEEPS_CURRENT}")
            else:
                print(f"{folder} is watched already")
            return EXIT_OK
        if command == "remove":
            folder = folder_key(args.folder)
            if not index.remove_folder(folder):
                _err(f"{folder} is not watched (see imagehq-ocr watch list)")
                return EXIT_FAILED
            print(f"no longer watching {folder}; its items left the index")
            return EXIT_OK
        if command == "list":
            counts = index.folder_counts()
            if not counts:
                print(
                    f"no watched folders; add one with: imagehq-ocr watch add {suggested_folder()}",
                    file=sys.stderr,
                )
            for folder, (indexed, failed) in counts.items():
                print(f"{folder}\t{indexed} indexed, {failed} not readable")
            return EXIT_OK
        return _run(index, args)
    finally:
        index.close()


def _run(index: Any, args: argparse.Namespace) -> int:
    from app.core.engines import get_engine
    from app.core.index.indexer import Indexer
    from app.core.options import OcrOptions
    from app.core.store import Store

    folders = index.folders()
    if not folders:
        _err("no watched folders; add one with imagehq-ocr watch add DIR")
        return EXIT_FAILED
    engine = get_engine()
    try:
        language = engine.check_language(OcrOptions(language=args.lang).validated().language)
    except OcrError as err:
        _err(err.message)
        return EXIT_USAGE
    store = Store()

    def report(kind: str, path: str) -> None:
        if kind == "failed":
            item = index.get(path)
            why = item.reason if item is not None else "not readable"
            print(f"{PROG}: warning: {path}: {why}", file=sys.stderr, flush=True)

    indexer = Indexer(
        index, options=OcrOptions(language=language), store=store, engine=engine, on_change=report
    )
    stopping = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    indexer.start()
    print(f"watching {len(folders)} folder(s): {', '.join(folders)}", file=sys.stderr, flush=True)
    try:
        if not _became_active(indexer, stopping):
            print(
                f"{PROG}: another process (the window, serve or watch run) is indexing"
                + (" this data folder; it keeps the index current" if args.once else
                   "; this one takes over when it ends"),
                file=sys.stderr,
                flush=True,
            )  # fmt: skip
            if args.once:
                stopping.set()
        while not stopping.is_set():
            if not args.once:
                stopping.wait(0.5)
            elif indexer.wait_idle(0.5):
                break
    finally:
        indexer.stop()
        store.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    c = indexer.counts
    stats = index.stats()
    print(
        f"read {c.recognized} new image(s), {c.failed} not readable, {c.moved} moved, "
        f"{c.removed} removed; the index holds {stats.indexed} image(s)",
        file=sys.stderr,
    )
    return EXIT_OK


def _became_active(indexer: Any, stopping: threading.Event, timeout: float = 1.0) -> bool:
    for _ in range(int(timeout / 0.05)):
        if indexer.active or stopping.wait(0.05):
            return True
    return bool(indexer.active)


def search_main(args: argparse.Namespace) -> int:
    from app.core.index.db import IndexDB

    if not 1 <= args.limit <= MAX_LIMIT:
        _err(f"--limit must be 1-{MAX_LIMIT}, got {args.limit}")
        return EXIT_USAGE
    index = IndexDB()
    try:
        hits = index.search(args.query, args.limit)
    finally:
        index.close()
    for hit in hits:
        if args.json:
            print(json.dumps(hit.to_dict(), ensure_ascii=False))
        else:
            print(f"{hit.path}\t{hit.snippet}")
    if not hits:
        print("no matches", file=sys.stderr)
    return EXIT_OK
