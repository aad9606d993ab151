"""``imagehq-ocr extract``: files become jobs on the shared JobManager and store (QtCore only)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import BinaryIO

from tqdm import tqdm

from app.core.errors import OcrError
from app.core.export import format_for_path
from app.core.job import SUCCEEDED, Job, output_filename
from app.core.options import OcrOptions

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PROG = "imagehq-ocr"


def _err(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


class _Sink:
    """Where each finished job's output goes: stdout, one file, or one file per input in a dir."""

    def __init__(self, output: str | None, count: int, fmt: str) -> None:
        self.fmt = fmt
        self.file: Path | None = None
        self.folder: Path | None = None
        self.many = count > 1
        self.taken: set[str] = set()
        if output:
            path = Path(output)
            if count == 1 and not path.is_dir():
                self.file = path
            else:
                self.folder = path
                path.mkdir(parents=True, exist_ok=True)

    def write(self, source: Path, data: bytes) -> Path | None:
        if self.file is not None:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            self.file.write_bytes(data)
            return self.file
        if self.folder is not None:
            target = self.folder / output_filename(source.name, self.fmt, self.taken)
            target.write_bytes(data)
            return target
        out: BinaryIO = sys.stdout.buffer
        if self.many:
            out.write(f"==> {source} <==\n".encode())
        out.write(data)
        if self.many and not data.endswith(b"\n"):
            out.write(b"\n")
        out.flush()
        return None


def run_extract(args: argparse.Namespace) -> int:
    from app.cli import expand_inputs

    files = expand_inputs(args.files)
    if not files:
        _err("no image files found in the given folders")
        return EXIT_USAGE
    fmt = (
        args.format
        or (format_for_path(args.output) if args.output and len(files) == 1 else None)
        or "txt"
    )
    options = OcrOptions(
        language=args.lang,
        detect_orientation=args.detect_orientation,
        psm=str(args.psm),
        output_format=fmt,
        preprocess=not args.no_preprocess,
        engine=args.engine,
    )
    try:
        options = options.validated()
    except OcrError as exc:
        _err(exc.message)
        return EXIT_USAGE
    if args.jobs is not None and args.jobs < 1:
        _err("--jobs must be at least 1")
        return EXIT_USAGE

    from PySide6.QtCore import QCoreApplication

    from app.jobs import InputData, JobManager
    from app.jobs.manager import default_workers

    app = QCoreApplication.instance() or QCoreApplication([PROG])
    # No more workers than files: a lone image gets all the cores of an ONNX engine.
    workers = args.jobs or max(1, min(default_workers(), len(files)))
    manager = JobManager(max_workers=workers, recover=False, prune_timer=False)
    from app.core.engines import get_engine
    from app.core.engines.tesseract import NOT_INSTALLED

    if not manager.engine.is_installed():
        _err(NOT_INSTALLED)
        return EXIT_FAILED
    if args.engine == "auto" and not get_engine("tesseract").is_installed():
        # PP-OCR reads everything meanwhile; say once how to get the faster screen engine.
        print(f"{PROG}: warning: {NOT_INSTALLED}; reading with rapidocr", file=sys.stderr)
    operation = "extract_text_with_layout" if args.layout else "extract_text"
    sink = _Sink(args.output, len(files), fmt)
    failures = 0
    pending: dict[str, Path] = {}
    show_bar = sys.stderr.isatty() and len(files) > 1
    bar = tqdm(
        total=len(files), unit="img", disable=not show_bar, file=sys.stderr, dynamic_ncols=True
    )

    def finished(job: Job) -> None:
        nonlocal failures
        source = pending.pop(job.id, None)
        if source is None:
            return
        if job.status == SUCCEEDED:
            try:
                sink.write(source, manager.store.read_output(job.id, 0))
            except OSError as exc:
                failures += 1
                bar.write(f"{PROG}: error: {source}: cannot write output: {exc}", file=sys.stderr)
        else:
            failures += 1
            message = (job.error or {}).get("message", job.status)
            bar.write(f"{PROG}: error: {source}: {message}", file=sys.stderr)
        bar.update(1)
        if not pending:
            app.quit()

    manager.job_finished.connect(finished)
    try:
        for path in files:
            try:
                item = InputData.from_path(path)
            except OcrError as exc:
                failures += 1
                bar.write(f"{PROG}: error: {path}: {exc.message}", file=sys.stderr)
                bar.update(1)
                continue
            try:
                job = manager.submit(
                    [item],
                    operation=operation,
                    options=options,
                    ttl_hours=args.ttl_hours,
                    source="cli",
                )
            except OcrError as exc:  # unknown language and the like: every file fails alike
                bar.close()
                _err(exc.message)
                return EXIT_FAILED
            pending[job.id] = path
        if pending:
            app.exec()
    finally:
        bar.close()
        manager.shutdown(wait=True)
    return EXIT_FAILED if failures else EXIT_OK
