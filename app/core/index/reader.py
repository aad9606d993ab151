"""One watched file → one index item: read it safely, hash it, recognise it through the same
pipeline as a job (its content-hash cache included), or say in one line why not."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from app.core.engines import Engine
from app.core.engines.cancel import CancelToken
from app.core.errors import OcrError
from app.core.index.db import FAILED, INDEXED, IndexDB, Item, WordBox
from app.core.inputs import read_input_file
from app.core.model import OcrResult
from app.core.options import OcrOptions
from app.core.pipeline import recognize_bytes
from app.core.store import Store

#: Larger files are recorded as failed (the same cap as ``extract``'s default).
MAX_FILE_BYTES = 50 * 2**20


@dataclass
class ReadOutcome:
    item: Item
    recognized: bool  # the engine ran (not a moved file, not a cached result)


def word_boxes(result: OcrResult) -> list[WordBox]:
    return [
        [w.text, *w.bbox, n]
        for n, page in enumerate(result.pages)
        for w in page.words()
        if w.text.strip()
    ]


def read_item(
    path: Path,
    folder: str,
    index: IndexDB,
    options: OcrOptions,
    *,
    store: Store | None = None,
    engine: Engine | None = None,
    cancel: CancelToken | None = None,
) -> ReadOutcome | None:
    """The item of ``path`` as it is now; None when the file went away meanwhile. A file with
    the bytes of an indexed one (moved, renamed, copied) takes its text without OCR."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return ReadOutcome(_failed(path, folder, 0, 0.0, f"cannot read: {exc.strerror}"), False)
    base = Item(str(path), folder, st.st_size, st.st_mtime, None, FAILED)
    try:
        data = read_input_file(path, MAX_FILE_BYTES)
    except OcrError as err:
        if not path.exists():
            return None
        base.reason = err.message
        return ReadOutcome(base, False)
    sha = hashlib.sha256(data).hexdigest()
    base.sha256 = sha
    same = index.by_sha(sha)
    if same is not None:
        base.status, base.text, base.words, base.engine = (
            INDEXED,
            same.text,
            same.words,
            same.engine,
        )
        return ReadOutcome(base, False)
    try:
        outcome = recognize_bytes(
            data,
            options,
            store=store,
            engine=engine,
            layout=False,
            source_name=path.name,
            cancel=cancel,
            image_sha256=sha,
        )
    except OcrError as err:
        base.reason = err.message
        return ReadOutcome(base, False)
    result = outcome.result
    text = result.text
    if result.barcodes:
        text += "\n" + "\n".join(b.text for b in result.barcodes)
    base.status, base.text, base.engine = INDEXED, text, result.engine
    base.words = word_boxes(result)
    return ReadOutcome(base, not outcome.cached)


def _failed(path: Path, folder: str, size: int, mtime: float, why: str) -> Item:
    return Item(str(path), folder, size, mtime, None, FAILED, reason=why)


def signature(path: Path) -> tuple[int, float] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime
