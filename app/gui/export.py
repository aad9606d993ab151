"""Exporting results: the current one to a file, several jobs to a folder (in a worker)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from app.core.errors import OcrError
from app.core.export import format_for_path, render
from app.core.export.receipt import render_result
from app.core.job import SUCCEEDED, Job
from app.core.model import OcrResult
from app.core.options import FORMAT_EXTENSION, RECEIPT_OPERATION, TABLE_FORMATS
from app.core.receipt import Receipt
from app.gui.messages import status_word


def render_input(store: Any, job: Job, index: int, fmt: str) -> bytes:
    if (
        fmt in TABLE_FORMATS
        and job.operation != RECEIPT_OPERATION
        and job.options.output_format not in TABLE_FORMATS
    ):
        # Tables come from a table-mode reading (ruling lines removed): the store's, when the
        # image was read that way before, else read here, in the export's worker thread.
        from app.core.pipeline import recognize_bytes

        name = job.inputs[index].filename
        options = replace(job.options, output_format=fmt)
        data = store.read_input(job.id, index)
        try:
            return recognize_bytes(data, options, store=store, source_name=name).output
        except OcrError as exc:
            raise ValueError(f"{name}: {exc.message}") from None
    stored = store.load_result(job.id, index)
    if stored is None:
        raise ValueError(f"{job.inputs[index].filename}: no result stored")
    result = OcrResult.from_storage(stored)
    receipt = Receipt.from_dict(stored["receipt"]) if stored.get("receipt") else None
    name = job.inputs[index].filename
    edit = store.load_edit(job.id, index)
    try:
        image = store.read_input(job.id, index) if fmt == "pdf" else None
        return render_result(
            result,
            receipt,
            fmt,
            layout=True,
            source_name=name,
            text_mode=job.options.text_mode,
            image=image,
            edited_text=edit,
        )
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from None


def save_result(
    path: str | Path,
    result: OcrResult,
    source_name: str,
    fmt: str | None = None,
    edited_text: str | None = None,
    image: bytes | None = None,
    text_mode: str = "lines",
) -> str:
    """Writes ``result`` to ``path`` in the format its extension names (txt when none);
    ``edited_text``, the user's edit, is the text of txt and JSON; ``image`` (the input file's
    bytes) is what a searchable PDF shows."""
    fmt = fmt or format_for_path(str(path)) or "txt"
    data = render(
        result,
        fmt,
        layout=True,
        source_name=source_name,
        edited_text=edited_text,
        image=image,
        text_mode=text_mode,
    )
    Path(path).write_bytes(data)
    return fmt


def unique_path(folder: Path, name: str, taken: set[str]) -> Path:
    stem, suffix = PurePath(name).stem, PurePath(name).suffix
    candidate, n = name, 2
    while candidate in taken or (folder / candidate).exists():
        candidate, n = f"{stem}-{n}{suffix}", n + 1
    taken.add(candidate)
    return folder / candidate


class _Signals(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(list, list)  # written paths, error messages


class BatchExport(QRunnable):
    """Exports every succeeded input of ``jobs`` into ``folder`` as ``fmt``."""

    def __init__(self, store: Any, jobs: list[Job], folder: Path, fmt: str) -> None:
        super().__init__()
        self.store, self.jobs, self.folder, self.fmt = store, jobs, Path(folder), fmt
        self.signals = _Signals()
        self.cancel_event = threading.Event()

    def run(self) -> None:
        items = [(j, i) for j in self.jobs for i in range(len(j.inputs))]
        written: list[str] = []
        errors: list[str] = []
        taken: set[str] = set()
        for done, (job, index) in enumerate(items):
            if self.cancel_event.is_set():
                errors.append(QCoreApplication.translate("Export", "canceled"))
                break
            name = job.inputs[index].filename
            if job.status != SUCCEEDED or job.inputs[index].error:
                errors.append(
                    QCoreApplication.translate("Export", "%1: %2, nothing to export")
                    .replace("%1", name)
                    .replace("%2", status_word(job.status))
                )
            else:
                try:
                    data = render_input(self.store, job, index, self.fmt)
                    path = unique_path(
                        self.folder, f"{PurePath(name).stem}.{FORMAT_EXTENSION[self.fmt]}", taken
                    )
                    path.write_bytes(data)
                    written.append(str(path))
                except (OSError, ValueError) as exc:
                    errors.append(f"{name}: {exc}")
            self.signals.progress.emit(done + 1, len(items))
        self.signals.finished.emit(written, errors)


def start_batch(
    store: Any,
    jobs: list[Job],
    folder: Path,
    fmt: str,
    pool: QThreadPool | None = None,
    on_finished: Callable[[list[str], list[str]], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> BatchExport:
    """Starts the export; the callbacks are connected before it starts, so a fast export
    cannot finish unheard."""
    task = BatchExport(store, jobs, folder, fmt)
    task.setAutoDelete(False)
    if on_finished is not None:
        task.signals.finished.connect(on_finished)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
