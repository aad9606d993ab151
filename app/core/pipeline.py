"""One input through ``decode → (cache) → preprocess + engine → export``. No Qt.

The job manager calls this from its worker threads; the CLI, API and GUI never call the engine
directly.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace

from app.core import imageio
from app.core.engines import AUTO, Engine, get_engine
from app.core.engines.cancel import CancelToken
from app.core.engines.rapid import NAME as RAPID
from app.core.export.receipt import render_result
from app.core.model import OcrResult
from app.core.options import OcrOptions
from app.core.receipt import Receipt, day_first_for_language, parse_receipt
from app.core.store import Store

#: Seconds Tesseract may take per image: a floor plus time per megapixel.
TIMEOUT_FLOOR_S = 60.0
TIMEOUT_PER_MEGAPIXEL_S = 10.0


def engine_timeout(width: int, height: int) -> float:
    return TIMEOUT_FLOOR_S + TIMEOUT_PER_MEGAPIXEL_S * width * height / 1e6


def cache_key(image_sha256: str, options: OcrOptions, engine: Engine) -> str:
    """sha256(image) + every option that changes the result + engine and language-data identity."""
    payload = json.dumps(
        {
            "image": image_sha256,
            "options": options.engine_key(),
            "engine": engine.name,
            "identity": engine.identity(options.language),
        },
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


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
) -> InputOutcome:
    """Recognises one image (or takes the stored result) and renders ``options.output_format``.

    With ``receipt`` the result is parsed as a receipt too (also when it comes from the cache:
    parsing takes milliseconds) and txt, json and csv render the receipt.

    Raises an OcrError subclass with a one-line message for anything a user can fix.
    """
    engine = engine or get_engine()
    if receipt and options.engine == AUTO and get_engine(RAPID).is_installed():
        # A receipt is PP-OCR's case: Tesseract's page layout reads a right-aligned price
        # column apart from its labels (and splits "8.50" into "8." and "50").
        options = replace(options, engine=RAPID)
    sha = image_sha256 or hashlib.sha256(data).hexdigest()
    key = cache_key(sha, options, engine)
    stored = store.find_cached(key) if store else None
    if stored is not None:
        result, cached = OcrResult.from_storage(stored), True
    else:
        image, info = imageio.decode(data)
        timeout = engine_timeout(info.width, info.height)
        result = engine.recognize(image, options, timeout=timeout, cancel=cancel)
        if info.frames > 1:
            result.warnings.append(f"only the first of {info.frames} frames was read")
        cached = False
    parsed = (
        parse_receipt(result, day_first=day_first_for_language(options.language))
        if receipt
        else None
    )
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
