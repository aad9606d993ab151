"""``imagehq-ocr extract``: files become jobs in the shared store, run by the core's JobRunner
(the lifecycle the window's and ``serve``'s JobManager runs too, without Qt: QtCore never loads).

A run ends promptly, without a traceback, when its output closes (``… | head``), on Ctrl+C and on
SIGTERM; the jobs it has not finished are then canceled with the reason, never left queued.
Jobs of an earlier run that was killed outright (kill -9, power loss) are marked failed when the
next run starts (``Store.fail_interrupted``).
"""

from __future__ import annotations

import argparse
import os
import queue
import signal
import sys
from contextlib import suppress
from pathlib import Path
from types import FrameType
from typing import Any, BinaryIO, TextIO

from app.core.choices import format_for_path
from app.core.errors import OcrError, OptionsError
from app.core.inputs import expand_inputs
from app.core.job import SUCCEEDED, Job, output_filename
from app.core.no_text import cli_message, found_no_text
from app.core.options import RECEIPT_OPERATION, OcrOptions, check_operation

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130
PROG = "imagehq-ocr"
INTERRUPTED = "canceled: imagehq-ocr extract was interrupted before it got to this file"
OUTPUT_CLOSED = "canceled: the output of imagehq-ocr extract was closed"


def _err(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


def _silence_std_streams() -> None:
    """After a broken pipe: stdout and stderr go to /dev/null, so that the interpreter's last
    flush of what is still buffered fails no more (and prints no 'Exception ignored')."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        with suppress(OSError):
            os.dup2(devnull, fd)
    os.close(devnull)


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
        """Raises BrokenPipeError when stdout is closed, OSError when a file cannot be written."""
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


class _NoBar:
    """What extract asks of a tqdm bar, where none is shown (as tqdm with ``disable=True``)."""

    def write(self, message: str, file: TextIO) -> None:
        file.write(message)
        file.write("\n")

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _operation(args: argparse.Namespace) -> str | None:
    """The operation the flags ask for; None when they contradict each other."""
    asked = {
        op
        for op, on in (
            ("extract_text_with_layout", args.layout),
            (RECEIPT_OPERATION, args.receipt),
            (args.operation, args.operation is not None),
        )
        if on
    }
    if len(asked) > 1:
        return None
    return asked.pop() if asked else "extract_text"


def options_from_args(args: argparse.Namespace, count: int) -> tuple[OcrOptions, str]:
    """The validated options and operation of ``extract``'s flags for ``count`` inputs; raises
    an OcrError with a one-line message. (``extract --ray`` reads its flags through this too.)"""
    fmt = (
        args.format
        or (format_for_path(args.output) if args.output and count == 1 else None)
        or "txt"
    )
    options = OcrOptions(
        language=args.lang,
        detect_orientation=args.detect_orientation,
        psm=str(args.psm),
        output_format=fmt,
        preprocess=not args.no_preprocess,
        engine=args.engine,
        text_mode=args.text_mode,
        pdf_text=args.pdf_text,
        barcodes=not args.no_barcodes,
    ).validated()
    operation = _operation(args)
    if operation is None:
        raise OptionsError("choose one of --layout, --receipt and --operation")
    check_operation(operation, options.output_format)
    if args.max_file_mb <= 0:
        raise OptionsError("--max-file-mb must be more than 0")
    return options, operation


#: Put in the queue of finished jobs to end the main thread's wait (a signal came).
_WAKE = None


def _next(done: queue.SimpleQueue[Job | None]) -> Job | None:
    try:
        return done.get(timeout=0.5)
    except queue.Empty:
        return None


def checked_options(args: argparse.Namespace, count: int) -> tuple[OcrOptions, str] | None:
    """``options_from_args`` and the other usage checks; None (after one line on stderr) for
    bad usage."""
    try:
        options, operation = options_from_args(args, count)
    except OcrError as exc:
        _err(exc.message)
        return None
    if args.jobs is not None and args.jobs < 1:
        _err("--jobs must be at least 1")
        return None
    return options, operation


def run_extract(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except BrokenPipeError:  # stdout or stderr closed before anything ran
        _silence_std_streams()
        return EXIT_FAILED


def _run(args: argparse.Namespace) -> int:
    found = expand_inputs(args.files)
    for folder, reason in found.unreadable:
        _err(f"{folder}: cannot read this folder ({reason}); its images were skipped")
    files = found.files
    if not files:
        if found.unreadable:
            return EXIT_FAILED
        _err("no image files found in the given folders")
        return EXIT_USAGE
    checked = checked_options(args, len(files))
    if checked is None:
        return EXIT_USAGE
    options, operation = checked
    max_bytes = int(args.max_file_mb * 2**20)

    from app.core.engines import get_engine
    from app.core.engines.tesseract import NOT_INSTALLED
    from app.core.runner import InputData, QueueRunner
    from app.core.runner_threads import default_workers

    # No more workers than files: a lone image gets all the cores of an ONNX engine.
    workers = args.jobs or max(1, min(default_workers(), len(files)))
    done: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
    runner = QueueRunner(done, max_workers=workers, recover=False)
    if not runner.engine.is_installed():
        runner.shutdown(wait=True)
        _err(NOT_INSTALLED)
        return EXIT_FAILED
    if args.engine == "auto" and not get_engine("tesseract").is_installed():
        # PP-OCR reads everything meanwhile; say once how to get the faster screen engine.
        print(f"{PROG}: warning: {NOT_INSTALLED}; reading with rapidocr", file=sys.stderr)
    if runner.store.notice:
        print(f"{PROG}: warning: {runner.store.notice}", file=sys.stderr)
    runner.store.fail_interrupted("cli")  # what an earlier, killed run left unfinished
    sink = _Sink(args.output, len(files), options.output_format)
    failures = len(found.unreadable)
    pending: dict[str, Path] = {}
    stopped: str | None = None  # why the run ended early: INTERRUPTED or OUTPUT_CLOSED
    show_bar = sys.stderr.isatty() and len(files) > 1
    bar: Any = _NoBar()
    if show_bar:
        from tqdm import tqdm  # about 16 ms of imports: only for a bar

        bar = tqdm(total=len(files), unit="img", file=sys.stderr, dynamic_ncols=True)

    def say(message: str) -> None:
        bar.write(f"{PROG}: error: {message}", file=sys.stderr)

    def deliver(job: Job, source: Path) -> bool:
        if job.status == SUCCEEDED:
            try:
                sink.write(source, runner.store.read_output(job.id, 0))
                if found_no_text(job):  # still a success: the output is empty, exit 0
                    bar.write(f"{PROG}: warning: {cli_message(str(source), job)}", file=sys.stderr)
                return True
            except BrokenPipeError:
                raise
            except OSError as exc:
                say(f"{source}: cannot write output: {exc.strerror or exc}")
                return False
        say(f"{source}: {(job.error or {}).get('message', job.status)}")
        return False

    def on_signal(signum: int, frame: FrameType | None) -> None:
        nonlocal stopped
        stopped = stopped or INTERRUPTED
        done.put(_WAKE)  # the main thread's wait ends at once

    previous: dict[int, Any] = {
        sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        for path in files:
            if stopped:
                break
            try:
                item = InputData.from_path(path, max_bytes)
            except OcrError as exc:
                failures += 1
                say(f"{path}: {exc.message}")
                bar.update(1)
                continue
            try:
                job = runner.submit(
                    [item],
                    operation=operation,
                    options=options,
                    ttl_hours=args.ttl_hours,
                    source="cli",
                )
            except OcrError as exc:  # unknown language, disk full: every file fails alike
                stopped = stopped or f"canceled: {exc.message}"
                _err(exc.message)
                return EXIT_FAILED
            pending[job.id] = path
        while pending and not stopped:
            # the timeout lets Python run the signal handlers between waits
            finished = _next(done)
            source = pending.pop(finished.id, None) if finished is not None else None
            if finished is None or source is None:
                continue
            failures += not deliver(finished, source)
            bar.update(1)
    except BrokenPipeError:
        stopped = stopped or OUTPUT_CLOSED
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for job_id in list(pending):  # nothing is left queued for nobody
            runner.cancel(job_id, stopped or INTERRUPTED)
        try:
            bar.close()
        except BrokenPipeError:
            stopped = stopped or OUTPUT_CLOSED
        runner.shutdown(wait=True)
    if stopped == OUTPUT_CLOSED:
        _silence_std_streams()
        return EXIT_FAILED
    if stopped == INTERRUPTED:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_FAILED if failures else EXIT_OK
