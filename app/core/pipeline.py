"""One input through ``decode → (cache) → preprocess + engine → export``. No Qt.

The job manager calls this from its worker threads; the CLI, API and GUI never call the engine
directly.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace

from app.core import documents, imageio
from app.core.background import Background
from app.core.barcodes import Barcode, drop_words_on_codes, read_barcodes
from app.core.engines import AUTO, Engine, get_engine
from app.core.engines.cancel import CancelToken
from app.core.engines.rapid import NAME as RAPID
from app.core.errors import CanceledError
from app.core.export.receipt import render_result
from app.core.model import OcrResult, drop_stray_marks
from app.core.options import TABLE_FORMATS, OcrOptions
from app.core.receipt import Receipt
from app.core.store import Store

#: Seconds Tesseract may take per image: a floor plus time per megapixel.
TIMEOUT_FLOOR_S = 60.0
TIMEOUT_PER_MEGAPIXEL_S = 10.0


def engine_timeout(width: int, height: int) -> float:
    return TIMEOUT_FLOOR_S + TIMEOUT_PER_MEGAPIXEL_S * width * height / 1e6


#: Changes when a step around the engine changes what is stored (2: the words read from a matrix
#: code's modules are dropped; 3: table mode reads barcodes before the rules are painted out),
#: so no older result is taken from the cache.
STEPS_REVISION = 3


def cache_key(
    image_sha256: str, options: OcrOptions, engine: Engine, *, tables: bool = False
) -> str:
    """sha256(image) + every option that changes the result + engine and language-data identity
    (+ table mode: ruling lines removed before reading)."""
    data: dict[str, object] = {
        "image": image_sha256,
        "options": options.engine_key(),
        "engine": engine.name,
        "identity": engine.identity(options.language),
        "steps": STEPS_REVISION,
    }
    if tables:
        data["tables"] = True
    payload = json.dumps(data, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


Progress = Callable[[int, int], None]
#: ``OcrResult.engine`` of a page read from a PDF's own text layer.
PDF_TEXT_ENGINE = "pdf-text"


def recognize_pages(
    data: bytes,
    options: OcrOptions,
    engine: Engine,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
    *,
    tables: bool = False,
) -> OcrResult:
    """Every page of ``data`` (an image, a multi-page TIFF or a PDF) as one result. A PDF page
    with a text layer gives its words directly unless ``options.pdf_text`` is ``ocr``; with
    ``embedded`` a page without one stays empty (and says so). ``tables``: ruling lines are
    removed from each page before the engine reads it."""
    info = imageio.probe(data)
    is_pdf = info.format == "pdf"
    total = info.frames if is_pdf or info.format == "tiff" else 1
    frames = documents.tiff_frames(data, imageio.MAX_PIXELS) if info.format == "tiff" else None
    results: list[OcrResult] = []
    for index in range(total):
        if cancel is not None and cancel.canceled:
            raise CanceledError("canceled")
        result: OcrResult | None = None
        note: str | None = None
        if is_pdf and options.pdf_text != "ocr":
            page = documents.embedded_page(data, index, imageio.MAX_PIXELS)
            if page is not None:
                result = OcrResult(page, options.language, engine=PDF_TEXT_ENGINE)
            elif options.pdf_text == "embedded":
                empty = documents.empty_page(data, index, imageio.MAX_PIXELS)
                result = OcrResult(empty, options.language, engine=PDF_TEXT_ENGINE)
                result.warnings.append(f"page {index + 1} has no text layer (pdf_text embedded)")
        if result is None:
            if is_pdf:
                image, note = documents.render_pdf_page(data, index, imageio.MAX_PIXELS)
            elif frames is not None:
                image = next(frames)
            else:
                image = imageio.decode(data)[0]
            # zxing-cpp runs without the GIL: the barcodes are read while the engine reads, on
            # the page as it is (painting out a table's rules would break a QR code's modules)
            barcodes: Background[list[Barcode]] | None = None
            if options.barcodes:
                barcodes = Background(read_barcodes, image, index + 1)
            timeout = engine_timeout(image.width, image.height)
            try:
                if tables:
                    from app.core.tables import remove_rules

                    image = remove_rules(image)
                result = engine.recognize(image, options, timeout=timeout, cancel=cancel)
            except BaseException:
                if barcodes is not None:
                    barcodes.wait()  # nothing of a failed or canceled job runs on after it
                raise
            drop_stray_marks(result.page)  # the text of every engine, before it is stored
            result.barcodes = barcodes.result() if barcodes is not None else []
            drop_words_on_codes(result.page, result.barcodes)
        if note:
            result.warnings.append(note)
        if total == 1 and info.frames > 1:  # an animated GIF, WebP: its first frame only
            result.warnings.append(f"only the first of {info.frames} frames was read")
        results.append(result)
        if progress is not None:
            progress(index + 1, total)
    return merge_pages(results)


def merge_pages(results: list[OcrResult]) -> OcrResult:
    """One result of the pages of ``results``, in order (warnings of a later page say which)."""
    first = results[0]
    if len(results) == 1:
        return first
    ocr = [r for r in results if r.engine != PDF_TEXT_ENGINE] or results
    warnings: list[str] = []
    for n, r in enumerate(results, 1):
        for w in r.warnings:
            text = w if w.startswith("page ") else f"page {n}: {w}"
            if text not in warnings:
                warnings.append(text)
    return OcrResult(
        page=first.page,
        language=first.language,
        orientation=first.orientation,
        engine="+".join(dict.fromkeys(r.engine for r in results)),
        engine_version=ocr[0].engine_version,
        warnings=warnings,
        more_pages=[r.page for r in results[1:]],
        barcodes=[b for r in results for b in r.barcodes],
    )


@dataclass
class InputOutcome:
    result: OcrResult
    output: bytes
    cached: bool
    key: str
    receipt: Receipt | None = None


def recognize_bytes(
    data: bytes,
    options: OcrOptions,
    *,
    store: Store | None = None,
    engine: Engine | None = None,
    layout: bool = True,
    source_name: str = "image",
    cancel: CancelToken | None = None,
    image_sha256: str | None = None,
    receipt: bool = False,
    progress: Progress | None = None,
) -> InputOutcome:
    """Recognises one image (or takes the stored result) and renders ``options.output_format``.

    With ``receipt`` the result is parsed as a receipt too (also when it comes from the cache:
    parsing takes milliseconds) and txt, json and csv render the receipt.

    A PDF or multi-page TIFF becomes one result with a page per page; ``progress(done, total)``
    is called after each page.

    Raises an OcrError subclass with a one-line message for anything a user can fix.
    """
    engine = engine or get_engine()
    table_mode = not receipt and options.output_format in TABLE_FORMATS
    if table_mode and options.psm == "auto":
        # cells are short, isolated runs of text: the automatic layout drops some (a lone
        # number); sparse text finds them all, and rows and columns come from the geometry
        options = replace(options, psm="sparse")
    sha = image_sha256 or hashlib.sha256(data).hexdigest()
    key = cache_key(sha, options, engine, tables=table_mode)
    stored = store.find_cached(key) if store else None
    # A receipt is PP-OCR's case: Tesseract's page layout reads a right-aligned price column
    # apart from its labels (and splits "8.50" into "8." and "50"). An automatic reading that
    # PP-OCR made already ("Parse as receipt" on a read job) is used as it is.
    if (
        receipt
        and options.engine == AUTO
        and get_engine(RAPID).is_installed()
        and (stored is None or OcrResult.from_storage(stored).engine != RAPID)
    ):
        options = replace(options, engine=RAPID)
        key = cache_key(sha, options, engine)
        stored = store.find_cached(key) if store else None
    if stored is not None:
        result, cached = OcrResult.from_storage(stored), True
    else:
        result = recognize_pages(data, options, engine, cancel, progress, tables=table_mode)
        cached = False
    parsed: Receipt | None = None
    if receipt:
        from app.core.receipt.parser import day_first_for_language, parse_receipt

        parsed = parse_receipt(result, day_first=day_first_for_language(options.language))
    output = render_result(
        result,
        parsed,
        options.output_format,
        layout=layout,
        source_name=source_name,
        text_mode=options.text_mode,
        image=data,
    )
    return InputOutcome(result, output, cached, key, parsed)
