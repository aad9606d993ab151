"""The driver of ``imagehq-ocr extract --ray [ADDRESS] INPUT… -o OUT``.

Lists the inputs, reads what OUT already holds (resume), then streams the images through Ray
Data: ``read_binary_files`` → ``map_batches(OcrWorker)`` (one warm engine per CPU) →
``write_parquet(OUT/results.parquet)``. Each worker writes its output files to OUT itself.
Ends with one summary line: images, failed, skipped, images/s.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from app.cluster import INSTALL_HINT, have_ray
from app.cluster.inputs import ClusterInputs, MixedInputsError, is_uri, resolve
from app.cluster.worker import OcrWorker, options_key
from app.core.errors import OcrError
from app.core.options import OcrOptions

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PROG = "imagehq-ocr"
#: ``--ray`` without a value: RAY_ADDRESS when it is set, else a Ray on this machine's cores.
LOCAL = "local"
RESULTS = "results.parquet"
#: CPUs a file-reading or parquet-writing task asks for: none, as the OCR workers hold every
#: CPU (one each) and a read task that waits for a CPU would wait for ever. Their number is
#: capped instead (one per CPUS_PER_IO_TASK CPUs): Ray starts a Python process for each task
#: that runs at once, and 30 of them starting on 2 cores took longer than the OCR itself.
IO_TASK_CPUS = 0
CPUS_PER_IO_TASK = 4
MAX_ERROR_LINES = 20
BLOCKS_PER_CPU = 16
CONNECT_TIMEOUT_S = 10.0
log = logging.getLogger(__name__)
_HOST_PORT_RE = re.compile(r"^[A-Za-z0-9.\-]+:[0-9]{1,5}$|^\[[0-9A-Fa-f:]+\]:[0-9]{1,5}$")


def _err(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


def is_address(value: str) -> bool:
    """``local``, ``auto``, ``ray://host:10001``, ``host:6379``."""
    return (
        value in (LOCAL, "auto") or value.startswith("ray://") or bool(_HOST_PORT_RE.match(value))
    )


def split_address(args: argparse.Namespace) -> str | None:
    """``extract --ray DIR -o OUT`` gives DIR to --ray (its value is optional): a value that is
    no address but an input goes back to the inputs. Returns the address, or None when the value
    is neither (after saying so)."""
    value: str = args.ray
    if is_address(value):
        return value
    if os.path.exists(value) or is_uri(value) or any(c in value for c in "*?["):
        args.files.insert(0, value)
        return LOCAL
    _err(f"--ray: '{value}' is not a Ray address (use auto, ray://HOST:10001 or HOST:6379)")
    return None


@dataclass
class Summary:
    images: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.images / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{PROG}: {self.images} images, {self.failed} failed, {self.skipped} skipped "
            f"(already in OUT), {rate:.2f} images/s"
        )


def run_ray_extract(args: argparse.Namespace) -> int:
    if not have_ray():
        print(f"{PROG}: error: {INSTALL_HINT}", file=sys.stderr)
        return EXIT_USAGE
    address = split_address(args)
    if address is None:
        return EXIT_USAGE
    if not args.output:
        _err("--ray writes to a folder: give it with -o OUT")
        return EXIT_USAGE
    from app.extract import options_from_args

    try:
        found = resolve(args.files)
        options, operation = options_from_args(args, count=2)  # OUT is a folder: no -o format
    except MixedInputsError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except OcrError as exc:
        _err(exc.message)
        return EXIT_USAGE
    except (OSError, ValueError) as exc:  # a URI pyarrow cannot open: no such bucket, no creds
        _err(f"cannot list the inputs: {exc}")
        return EXIT_FAILED
    for name, reason in found.problems:
        _err(f"{name}: {reason}")
    if not found.paths:
        return EXIT_FAILED if found.problems else _no_images()
    try:
        out_fs, out = _prepare_out(args.output)
    except (OSError, ValueError) as exc:
        _err(f"{args.output}: cannot use as the output folder: {exc}")
        return EXIT_FAILED

    import ray

    started = _connect(address)
    if started is None:
        return EXIT_FAILED
    try:
        summary = _execute(ray, found, options, operation, out_fs, out, args)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the cluster went away, a worker died for good, OUT is full…
        log.exception("extract --ray failed")
        _err(
            f"the Ray run failed: {_first_line(exc)} (run it again to go on: what is done is kept)"
        )
        return EXIT_FAILED
    finally:
        if started:
            ray.shutdown()
    summary.failed += len(found.problems)
    print(summary.line(), file=sys.stderr, flush=True)
    return EXIT_FAILED if summary.failed else EXIT_OK


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _no_images() -> int:
    _err("no image files found in the given folders")
    return EXIT_USAGE


def _prepare_out(output: str) -> tuple[Any, str]:
    import pyarrow.fs as pafs

    uri = output if is_uri(output) else os.path.abspath(output)
    fs, path = pafs.FileSystem.from_uri(uri)
    fs.create_dir(path, recursive=True)
    return fs, path


def _connect(address: str) -> bool | None:
    """Starts or joins Ray with its logs kept off the terminal. True: we started it (and shut
    it down at the end); False: it was running in this process already; None: failed."""
    import ray

    problem = _unreachable(address)
    if problem:  # ray.init would retry for minutes, deaf to Ctrl+C
        _err(f"cannot reach Ray at {address}: {problem}")
        return None
    if ray.is_initialized():
        return False
    # Ray's C++ core writes its warnings to the terminal (e.g. about the workers' constructor
    # arguments); its log files keep them. A user's own setting wins.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    kwargs: dict[str, Any] = {
        "log_to_driver": False,  # the workers' prints and warnings stay in Ray's log files
        "logging_level": logging.ERROR,
        "runtime_env": {"env_vars": {"OMP_THREAD_LIMIT": "1"}},
    }
    if address == LOCAL and not os.environ.get("RAY_ADDRESS"):
        kwargs["include_dashboard"] = False
    else:
        kwargs["address"] = None if address == LOCAL else address
    try:
        with _quiet_stderr():  # Ray's C++ core says at start which log level it took
            ray.init(**kwargs)
    except Exception as exc:  # ConnectionError, a version mismatch, a timeout…
        _err(f"cannot start or reach Ray ({address}): {_first_line(exc)}")
        return None
    return True


def _unreachable(address: str) -> str | None:
    """Why nothing answers at a ``HOST:PORT`` or ``ray://HOST:PORT`` address, or None (also
    for ``auto`` and a local start, which Ray resolves itself)."""
    target = address.removeprefix("ray://")
    if not _HOST_PORT_RE.match(target):
        return None
    host, _, port = target.rpartition(":")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        return exc.strerror or str(exc) or type(exc).__name__
    return None


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """File descriptor 2 goes to /dev/null meanwhile (what Ray's C++ core prints there)."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _execute(
    ray: Any,
    found: ClusterInputs,
    options: OcrOptions,
    operation: str,
    out_fs: Any,
    out: str,
    args: argparse.Namespace,
) -> Summary:
    import pyarrow.fs as pafs

    results = f"{out}/{RESULTS}"
    before = _parquet_files(out_fs, results)
    key = options_key(options, operation)
    done = _done(out_fs, before, key)

    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = sys.stderr.isatty()
    ctx.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # "progress bars disabled" and such
    cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
    io_tasks = max(1, cpus // CPUS_PER_IO_TASK)
    out_uri = out if isinstance(out_fs, pafs.LocalFileSystem) else _uri_of(args.output)
    clock = time.monotonic()
    ds = ray.data.read_binary_files(
        found.paths,
        include_paths=True,
        filesystem=found.filesystem,
        num_cpus=IO_TASK_CPUS,
        # small blocks, so that no worker is left with a long tail while the others wait
        override_num_blocks=min(len(found.paths), cpus * BLOCKS_PER_CPU),
        concurrency=io_tasks,
    )
    ds = ds.map_batches(
        OcrWorker,
        fn_constructor_kwargs={
            "options": options.to_dict(),
            "operation": operation,
            "out": out_uri,
            "names": found.names(options.output_format),
            "done": done,
            "max_bytes": int(args.max_file_mb * 2**20),
        },
        batch_size=1,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=cpus),
        num_cpus=1,
    )
    ds.write_parquet(
        results,
        filesystem=out_fs,
        ray_remote_args={"num_cpus": IO_TASK_CPUS},
        concurrency=io_tasks,
    )
    seconds = time.monotonic() - clock
    new = sorted(set(_parquet_files(out_fs, results)) - set(before))
    summary = Summary(seconds=seconds)
    if new:
        import pyarrow.parquet as pq

        table = pq.read_table(new, filesystem=out_fs, columns=["path", "error"])
        summary.images = table.num_rows
        for path, error in zip(table["path"].to_pylist(), table["error"].to_pylist(), strict=True):
            if error is not None:
                if summary.failed < MAX_ERROR_LINES:
                    _err(f"{path}: {error}")
                summary.failed += 1
        if summary.failed > MAX_ERROR_LINES:
            _err(
                f"… and {summary.failed - MAX_ERROR_LINES} more: see the error column of {RESULTS}"
            )
    summary.skipped = len(found.paths) - summary.images
    return summary


def _uri_of(output: str) -> str:
    return output.rstrip("/")


def _parquet_files(fs: Any, folder: str) -> list[str]:
    import pyarrow.fs as pafs

    if fs.get_file_info(folder).type != pafs.FileType.Directory:
        return []
    listed = fs.get_file_info(pafs.FileSelector(folder, recursive=False))
    return sorted(i.path for i in listed if i.path.endswith(".parquet"))


def _done(fs: Any, files: list[str], key: str) -> frozenset[tuple[str, str]]:
    """(sha256, options key) of every image OUT holds a result of (error rows are retried)."""
    if not files:
        return frozenset()
    import pyarrow.parquet as pq

    table = pq.read_table(files, filesystem=fs, columns=["sha256", "options_key", "error"])
    return frozenset(
        (sha, k)
        for sha, k, error in zip(
            table["sha256"].to_pylist(),
            table["options_key"].to_pylist(),
            table["error"].to_pylist(),
            strict=True,
        )
        if error is None and k == key
    )
