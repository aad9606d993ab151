"""``imagehq-ocr`` / ``python -m app``: the command line.

``extract`` imports QtCore only (never QtWidgets): it runs the files as jobs through the same
JobManager and store as the window.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Any

from app import APP_NAME, __version__
from app.core.choices import (
    DEFAULT_MAX_FILE_MB,
    DEFAULT_TEXT_MODE,
    ENGINE_NAMES,
    OPERATIONS,
    OUTPUT_FORMATS,
    PDF_TEXT_MODES,
    PSM_PRESETS,
    TEXT_MODES,
)
from app.core.errors import StorageError
from app.index_cli import add_parsers as add_index_parsers

if TYPE_CHECKING:
    from app.capture.cli import CaptureFlow

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
STALLED = (
    "interrupted: the process running it has ended; `imagehq-ocr serve` or the window "
    "finishes it when it starts"
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # one line, as for every other error; --help has the usage
        print(f"{self.prog}: error: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="imagehq-ocr", description=f"{APP_NAME}: turn images into text.")
    parser.add_argument("--version", action="store_true", help="print versions and exit")
    parser.add_argument(
        "--background",
        action="store_true",
        help="start the window hidden in the tray (as when started at log-in)",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    ex = sub.add_parser("extract", help="OCR image files")
    ex.add_argument(
        "files", nargs="+", metavar="FILE", help="images, PDFs, multi-page TIFFs or folders"
    )
    ex.add_argument("--lang", default="eng", help="language packs, e.g. eng or eng+deu")
    ex.add_argument(
        "--layout",
        action="store_true",
        help="extract_text_with_layout: include blocks, lines and word boxes",
    )
    ex.add_argument(
        "--operation",
        choices=OPERATIONS,
        default=None,
        help="extract_text (default), extract_text_with_layout (as --layout) or parse_receipt "
        "(as --receipt)",
    )
    ex.add_argument(
        "--receipt",
        action="store_true",
        help="parse_receipt: merchant, date, total, items… (txt: field lines, json: "
        "result_json.receipt, csv: the items)",
    )
    ex.add_argument(
        "--format",
        default=None,
        choices=OUTPUT_FORMATS,
        help="output format (default: from -o's extension, else txt); csv: the tables (a "
        "receipt's items with --receipt), md: Markdown with tables, alto: ALTO XML 4, pdf: "
        "searchable PDF",
    )
    ex.add_argument(
        "--text-mode",
        default=DEFAULT_TEXT_MODE,
        choices=TEXT_MODES,
        help="txt layout: lines (as on the image, default), paragraphs (each paragraph on one "
        "line, end-of-line hyphens undone) or single_line (all the text on one line)",
    )
    ex.add_argument(
        "--no-barcodes",
        action="store_true",
        help="do not read barcodes and QR codes (read by default: result_json.barcodes, and "
        "appended to txt)",
    )
    ex.add_argument(
        "--pdf-text",
        default="auto",
        choices=PDF_TEXT_MODES,
        help="a PDF's own text layer: auto (use it on pages that have one, OCR the others; "
        "default), ocr (always OCR the rendered pages) or embedded (only the text layer)",
    )
    ex.add_argument(
        "-o", "--output", metavar="PATH", help="output file (one input) or folder (several)"
    )
    ex.add_argument(
        "--psm", default="auto", help=f"page segmentation: {', '.join(PSM_PRESETS)} or 1-13"
    )
    ex.add_argument("--detect-orientation", action="store_true", help="detect and fix rotation")
    ex.add_argument(
        "--engine",
        default="auto",
        choices=ENGINE_NAMES,
        help="OCR engine (default auto: Tesseract for screenshots and documents, "
        "PP-OCR for photos, receipts and labels)",
    )
    ex.add_argument(
        "--no-preprocess",
        action="store_true",
        help="give the image to the engine as is (no upscaling, grayscale or inversion)",
    )
    ex.add_argument("--ttl-hours", type=int, default=None, help="how long to keep the result")
    ex.add_argument(
        "-j", "--jobs", type=int, default=None, help="parallel workers (default: cores)"
    )
    ex.add_argument(
        "--max-file-mb",
        type=float,
        default=DEFAULT_MAX_FILE_MB,
        metavar="MB",
        help=f"refuse larger files (default {DEFAULT_MAX_FILE_MB}, like serve's upload cap)",
    )
    ex.add_argument(
        "--local",
        action="store_true",
        help="read in this process even when the window is open (by default one image is "
        "handed to the open window, which has the engine loaded)",
    )
    ex.add_argument(
        "--ray",
        nargs="?",
        const="local",
        default=None,
        metavar="ADDRESS",
        help="run on Ray Data: a local Ray on this machine's cores, or the cluster at ADDRESS "
        "(auto, ray://HOST:10001; default: RAY_ADDRESS); writes one file per image and "
        "results.parquet to -o OUT, skipping what OUT has already (needs the [cluster] extra)",
    )

    sub.add_parser("langs", help="list installed language packs")

    jobs = sub.add_parser("jobs", help="list stored jobs")
    jobs.add_argument("--json", action="store_true", help="print job objects as JSON")
    jobs.add_argument("--limit", type=int, default=50)
    jobs.add_argument(
        "--status", choices=["queued", "processing", "succeeded", "failed", "canceled"]
    )

    serve = sub.add_parser("serve", help="run the local HTTP API (headless)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument(
        "--max-upload-mb", type=int, default=50, help="largest upload in MB (all files together)"
    )
    serve.add_argument(
        "--max-queue", type=int, default=None, help="jobs waiting before answering 429"
    )
    serve.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a non-loopback --host (the API is then reachable by others)",
    )

    sub.add_parser("token", help="print the local API token and where it is kept")
    add_index_parsers(sub)

    cap = sub.add_parser("capture", help="capture a screen region, OCR it, copy the text")
    cap.add_argument("--region", metavar="X,Y,W,H", help="region in screen pixels (no overlay)")
    cap.add_argument(
        "--print", dest="print_text", action="store_true", help="also print the text on stdout"
    )
    cap.add_argument("--lang", default=None, help="language packs (default: the app's setting)")
    cap.add_argument(
        "--engine",
        default=None,
        choices=ENGINE_NAMES,
        help="OCR engine (default: the app's setting, normally auto)",
    )
    return parser


def versions() -> dict[str, str]:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from app.core.engines import get_engine

    return {
        APP_NAME: __version__,
        "Tesseract": get_engine("tesseract").version() or "not found",
        "RapidOCR": get_engine("rapidocr").version() or "not installed",
        "Qt": qVersion(),
        "PySide6": pyside_version,
    }


def window_paths(argv: list[str], parser: argparse.ArgumentParser) -> list[str] | None:
    """``imagehq-ocr FILE…`` (a desktop entry's ``%F``, "Open with"): the files to open in the
    window, as absolute paths; None when the arguments are a command or options."""
    commands = {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    if not argv or argv[0].startswith("-") or argv[0] in commands:
        return None
    if not os.path.exists(argv[0]):
        return None  # a mistyped command gets argparse's one line
    return [os.path.abspath(a) for a in argv]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    raw = sys.argv[1:] if argv is None else argv
    paths = window_paths(raw, parser)
    args = parser.parse_args([] if paths else argv)
    if args.version:
        for name, version in versions().items():
            print(f"{name} {version}")
        return EXIT_OK
    if args.command == "extract" and args.ray is None:
        from app.extract_instance import extract_in_instance

        try:
            done = extract_in_instance(args)  # the window that is open reads it, warm
        except BrokenPipeError:
            return EXIT_FAILED
        if done is not None:
            return done
        _warm_tesseract(args)  # first: it loads while the rest starts
    import logging

    from app.logs import setup_logging

    # extract writes one line per failed file itself; the others also say warnings on stderr
    console = (
        None
        if args.command in ("extract", "langs", "jobs", "token", "watch", "search")
        else logging.WARNING
    )
    setup_logging(console_level=console)
    try:
        if args.command is None:
            from app.gui.main import run_gui

            return run_gui(sys.argv[:1], paths, background=args.background)
        if args.command == "extract" and args.ray is not None:
            from app.cluster.run import run_ray_extract

            return run_ray_extract(args)
        if args.command == "extract":
            from app.extract import run_extract

            return run_extract(args)
        if args.command == "langs":
            return _langs()
        if args.command == "jobs":
            return _jobs(args)
        if args.command == "serve":
            from app.api.server import serve_main

            return serve_main(args)
        if args.command == "token":
            from app.api.security import get_token, token_source

            print(get_token())
            print(token_source(), file=sys.stderr)
            return EXIT_OK
        if args.command == "capture":
            from app.capture.cli import capture_main

            return capture_main(args, _capture_flow)
        if args.command in ("watch", "search"):
            from app.index_cli import search_main, watch_main

            return watch_main(args) if args.command == "watch" else search_main(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `imagehq-ocr jobs | head`
        sys.stderr.close()
        return EXIT_OK
    except StorageError as exc:  # an unusable store or home folder, a full disk
        print(f"imagehq-ocr: error: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_USAGE


def _capture_flow(manager: Any) -> CaptureFlow:
    """The window's capture flow for `capture` without a running app: the clipboard outlives
    the process, the command reports on stderr instead of a notification."""
    from app.gui.capture_controller import CaptureController

    return CaptureController(manager, keep_after_exit=True, notify=False)


def _warm_tesseract(args: argparse.Namespace) -> None:
    """Has Tesseract load its language data for ``extract`` on a background thread (without
    the GIL), where it overlaps with the rest of the start (imports, the store, the job record)
    instead of following it: for one image one reader, for more one per core."""
    if args.engine == "rapidocr" or args.receipt or args.operation == "parse_receipt":
        return  # PP-OCR reads these
    import os

    from app.core.engines import prewarm

    one = len(args.files) == 1 and not os.path.isdir(args.files[0])
    prewarm(args.lang, 1 if one else min(args.jobs or 99, os.cpu_count() or 1))


def _langs() -> int:
    from app.core.engines import get_engine
    from app.core.engines.tesseract import NOT_INSTALLED

    engine = get_engine()
    if not engine.is_installed():
        print(f"imagehq-ocr: error: {NOT_INSTALLED}", file=sys.stderr)
        return EXIT_FAILED
    if not get_engine("tesseract").is_installed():
        print(f"imagehq-ocr: warning: {NOT_INSTALLED}", file=sys.stderr)
    for lang in engine.languages():
        print(lang)
    return EXIT_OK


def _jobs(args: argparse.Namespace) -> int:
    from app.core.store import Store

    store = Store()
    if store.notice:
        print(f"imagehq-ocr: warning: {store.notice}", file=sys.stderr)
    store.fail_interrupted("cli")  # left by a killed extract: nobody will finish them
    stalled = store.interrupted_ids()  # the window or serve takes these up when it starts
    page = store.list(limit=args.limit, status=args.status)
    if args.json:
        jobs = []
        for job in page.jobs:
            if job.id in stalled:
                job.warnings.append(STALLED)
            jobs.append(job.to_dict(store.result_json(job)))
        print(json.dumps(jobs, indent=2, ensure_ascii=False))
        return EXIT_OK
    rows: list[Any] = [("ID", "STATUS", "CREATED", "CONF", "INPUT")]
    for job in page.jobs:
        conf = f"{job.confidence:.2f}" if job.confidence is not None else "-"
        rows.append(
            (
                job.id,
                f"{job.status}*" if job.id in stalled else job.status,
                job.to_dict()["created_at"][:19].replace("T", " "),
                conf,
                job.display_name,
            )
        )
    widths = [max(len(str(r[i])) for r in rows) for i in range(4)]
    for r in rows:
        print("  ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=False)) + "  " + r[4])
    if page.total > len(page.jobs):
        print(f"({page.total - len(page.jobs)} more; use --limit)")
    if any(job.id in stalled for job in page.jobs):
        print(f"* {STALLED}")
    return EXIT_OK
