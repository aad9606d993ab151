"""``imagehq-ocr extract IMAGE`` through the window that is already open (when one is).

The window has Python started and Tesseract's language data loaded; a new process pays about
0.1 s for each before it reads anything. So for one image (output on stdout or in one file),
``extract`` reads the file here (regular files only, capped, sniffed; the window checks the
pixels, as ``read_input_file`` does, before it makes the job), sends it over the
single-instance socket (``app.instance``, no Qt) and writes what the window
answers: the same job, in the same store, with the same output, warnings and exit status as
when it runs here. It runs here instead — loading nothing it did not need meanwhile — when no
window runs, when the window is busy with other jobs, when it does not answer within a second or
closes before the job ends, for several images or an output folder, and with ``--local``.
Ctrl+C or SIGTERM end the command with 130 and cancel the window's job.
"""

from __future__ import annotations

import argparse
import base64
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import Any

from app.instance import Connection

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
PROG = "imagehq-ocr"
#: Images larger than this are read here: the read, not the start, is what takes time then.
MAX_BYTES = 8 * 2**20
#: How long the window may take to take the job before the command reads it itself.
ACCEPT_TIMEOUT_S = 1.0


def _err(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


def extract_in_instance(args: argparse.Namespace) -> int | None:
    """The exit status of ``extract`` done by the running window, or None when it is to run
    here (see the module docstring)."""
    if getattr(args, "local", False) or len(args.files) != 1:
        return None
    source = Path(args.files[0])
    if source.is_dir() or (args.output and Path(args.output).is_dir()):
        return None
    conn = Connection.open()
    if conn is None:
        return None
    try:
        return _ask(conn, source, args)
    finally:
        conn.close()


def _ask(conn: Connection, source: Path, args: argparse.Namespace) -> int | None:
    from app.core.errors import OcrError
    from app.core.inputs import read_input_bytes
    from app.extract import checked_options

    checked = checked_options(args, 1)
    if checked is None:
        return EXIT_USAGE
    options, operation = checked
    try:  # the window checks the pixels (Pillow) before the bytes become a job
        data = read_input_bytes(source, int(args.max_file_mb * 2**20))
    except OcrError as exc:
        _err(f"{source}: {exc.message}")
        return EXIT_FAILED
    if len(data) > MAX_BYTES:
        return None
    request = {
        "cmd": "extract",
        "file": source.name,
        "data": base64.b64encode(data).decode(),
        "options": options.to_dict(),
        "operation": operation,
        "ttl_hours": args.ttl_hours,
    }
    try:
        conn.send(request)
    except OSError:
        return None
    first = conn.receive(ACCEPT_TIMEOUT_S)
    if first is None or first.get("busy"):
        return None  # not answering, or reading other jobs: this process reads it
    if not first.get("ok"):
        error = str(first.get("error") or "the running window refused the job")
        _err(f"{source}: {error}" if first.get("input") else error)
        return EXIT_FAILED
    return _wait(conn, source, args)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _wait(conn: Connection, source: Path, args: argparse.Namespace) -> int | None:
    previous: dict[int, Any] = {
        sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        final = conn.receive(None)
    except KeyboardInterrupt:
        conn.close()  # the window cancels the job: nobody waits for it
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if final is None:
        return None  # the window closed before the job ended (its job is canceled)
    if not final.get("ok"):
        _err(f"{source}: {final.get('error') or 'the running window failed'}")
        return EXIT_FAILED
    return _deliver(final, source, args)


def _deliver(final: dict[str, Any], source: Path, args: argparse.Namespace) -> int:
    from app.core.job import SUCCEEDED, Job
    from app.core.no_text import cli_message, found_no_text
    from app.extract import _silence_std_streams, _Sink

    job = Job.from_record(final["job"])
    if job.status != SUCCEEDED:
        _err(f"{source}: {(job.error or {}).get('message', job.status)}")
        return EXIT_FAILED
    sink = _Sink(args.output, 1, job.options.output_format)
    try:
        sink.write(source, base64.b64decode(final.get("output") or ""))
        if found_no_text(job):  # still a success: the output is empty, exit 0
            print(f"{PROG}: warning: {cli_message(str(source), job)}", file=sys.stderr)
    except BrokenPipeError:
        _silence_std_streams()
        return EXIT_FAILED
    except OSError as exc:
        _err(f"{source}: cannot write output: {exc.strerror or exc}")
        return EXIT_FAILED
    return EXIT_OK
