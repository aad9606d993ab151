"""What runs on a Ray worker: image bytes + options → one result row (and its output file).

The row is made by ``recognize_bytes``, the function every local job runs, so an image gives
the same output file here as with a local ``extract``. A bad image is an error row, never an
exception that would fail the Ray job.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from app.core.engines import Engine, get_engine
from app.core.errors import OcrError
from app.core.options import RECEIPT_OPERATION, OcrOptions

#: The columns of ``results.parquet``, in order (``layout``: the result with its pages, JSON).
COLUMNS: tuple[str, ...] = (
    "path",
    "output",
    "sha256",
    "options_key",
    "engine",
    "text",
    "confidence",
    "layout",
    "error",
)


def options_key(options: OcrOptions, operation: str) -> str:
    """What, besides the image, decides a row and its output: every option and the operation.
    Resume skips an image whose sha256 and this key are already in OUT without an error."""
    payload = json.dumps({"options": options.to_dict(), "operation": operation}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def check_bytes(data: bytes, max_bytes: int) -> None:
    """The checks a local ``extract`` makes when it reads a file (``read_input_file``): the
    size cap, an image format it knows, no pixel bomb. Raises an OcrError."""
    from app.core import imageio
    from app.core.errors import FileTooLargeError

    if len(data) > max_bytes:
        raise FileTooLargeError(
            f"the file is {len(data) / 2**20:g} MB, over the limit of {max_bytes / 2**20:g} MB "
            "(--max-file-mb)"
        )
    imageio.sniff(data[:16])
    imageio.admit(data)


def ocr_row(
    path: str,
    data: bytes,
    output: str,
    options: OcrOptions,
    operation: str,
    engine: Engine,
    max_bytes: int,
) -> tuple[dict[str, Any], bytes | None]:
    """The parquet row of one image and its rendered output (None when it failed)."""
    from app.core.pipeline import recognize_bytes

    sha = hashlib.sha256(data).hexdigest()
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(path=path, output=output, sha256=sha, options_key=options_key(options, operation))
    try:
        check_bytes(data, max_bytes)
        outcome = recognize_bytes(
            data,
            options,
            engine=engine,
            layout=operation == "extract_text_with_layout",
            source_name=os.path.basename(path),
            image_sha256=sha,
            receipt=operation == RECEIPT_OPERATION,
        )
    except OcrError as exc:
        row.update(error=exc.message, output=None)
        return row, None
    except Exception as exc:  # a bug or a library's surprise: this image fails, not the run
        row.update(error=f"{type(exc).__name__}: {exc}", output=None)
        return row, None
    stored = outcome.result.to_storage()
    if outcome.receipt is not None:
        stored["receipt"] = outcome.receipt.to_dict()
    row.update(
        engine=outcome.result.engine,
        text=outcome.result.text,
        confidence=float(outcome.result.confidence),
        layout=json.dumps(stored, ensure_ascii=False),
    )
    return row, outcome.output


def schema() -> Any:
    import pyarrow as pa

    types = {"confidence": pa.float64()}
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


class OcrWorker:
    """The callable class given to ``Dataset.map_batches``: Ray makes one per worker, so each
    worker keeps one engine warm (Tesseract's language data cached, PP-OCR's ONNX sessions
    built once) for every batch it reads.

    Batches come from ``read_binary_files(include_paths=True)`` (columns ``bytes``, ``path``)
    and leave as rows of ``COLUMNS``; images already done (``done``: sha256 + options key) are
    dropped, and each output file is written to ``out`` as the row is made.
    """

    def __init__(
        self,
        options: dict[str, Any],
        operation: str,
        out: str,
        names: dict[str, str],
        done: frozenset[tuple[str, str]],
        max_bytes: int,
    ) -> None:
        # This worker owns one CPU: one thread for Tesseract and for onnxruntime.
        os.environ["OMP_THREAD_LIMIT"] = "1"
        import pyarrow.fs as pafs

        self.options = OcrOptions.from_dict(options)
        self.operation = operation
        self.key = options_key(self.options, operation)
        self.fs, self.out = pafs.FileSystem.from_uri(out)
        self.names = names
        self.done = done
        self.max_bytes = max_bytes
        self.engine = get_engine(self.options.engine)
        setter = getattr(self.engine, "set_parallelism", None)
        if setter is not None:
            setter(os.cpu_count() or 1)  # cores ÷ jobs = 1 onnxruntime thread
        self.schema = schema()

    def __call__(self, batch: dict[str, Any]) -> Any:
        import pyarrow as pa

        rows = []
        for path, data in zip(batch["path"], batch["bytes"], strict=True):
            path, data = str(path), bytes(data)
            sha = hashlib.sha256(data).hexdigest()
            if (sha, self.key) in self.done:
                continue
            name = self.names.get(path) or fallback_name(path, self.options.output_format)
            row, output = ocr_row(
                path, data, name, self.options, self.operation, self.engine, self.max_bytes
            )
            if output is not None:
                try:
                    with self.fs.open_output_stream(f"{self.out}/{name}") as stream:
                        stream.write(output)
                except OSError as exc:
                    row.update(error=f"cannot write output: {exc.strerror or exc}", output=None)
            rows.append(row)
        return pa.Table.from_pylist(rows, schema=self.schema)


def fallback_name(path: str, fmt: str) -> str:
    """The output name of an input the driver did not list (``scan.png`` → ``scan.txt``)."""
    from app.core.job import output_filename

    return output_filename(os.path.basename(path), fmt, set())
