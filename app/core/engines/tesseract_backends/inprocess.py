"""libtesseract in this process through tesserocr (its wheel bundles libtesseract 5.5).

Warm ``PyTessBaseAPI`` objects in a pool (``app.core.engines.pool``): a read borrows one
initialised for its language and gives it back, so the language data loads once per language and
parallel job, not once per image, and ``prewarm`` loads it ahead of the first job on a
background thread; the page segmentation mode is set per call. The image goes over as raw
pixels (no file). Recognition releases the GIL, so two workers read two images at once.

Time-outs: ``Recognize(timeout=ms)`` (Tesseract's own deadline, checked between words; layout
analysis and OSD before it are not covered). Cancel: libtesseract cannot be stopped from another
thread, so a cancel takes effect when the current call returns: the bound is the rest of that one
image's recognition (about 1 s for a dense A4 page at 300 dpi on this machine, at most the
time-out); the job is reported canceled at once and its result is thrown away.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from PIL import Image

from app.core.engines.pool import Pool
from app.core.engines.tesseract_backends.common import (
    Call,
    OrientationFailed,
    raise_if_canceled,
)
from app.core.errors import EngineError, EngineTimeoutError
from app.core.model import TSV_COLUMNS as COLUMNS

NAME = "tesserocr"
#: Tesseract refuses images with a side longer than this.
MAX_SIDE = 32767
#: Tesseract's default ``min_characters_to_try`` (OSD's sample size).
OSD_MIN_CHARACTERS = 50


@cache
def module() -> ModuleType | None:
    """tesserocr, or None where it cannot load (not installed, no wheel for this platform)."""
    os.environ["OMP_THREAD_LIMIT"] = "1"  # read by libtesseract's OpenMP when it loads
    try:
        import tesserocr
    except (ImportError, OSError):
        return None
    return tesserocr


def is_compatible() -> bool:
    from app.core.engines.tesseract_backends import forced

    return forced() in ("", NAME)


def is_installed() -> bool:
    return module() is not None


def version() -> str:
    """libtesseract's version ("5.5.4")."""
    mod = module()
    if mod is None:
        return ""
    first = str(mod.tesseract_version()).splitlines()[0]
    return first.removeprefix("tesseract").strip()


def _new_api(tessdata: Path | None, language: str, psm: int) -> Any:
    """A PyTessBaseAPI initialised for ``language`` (libtesseract loads the language data
    without holding the GIL)."""
    mod = module()
    assert mod is not None
    path = f"{tessdata}{os.sep}" if tessdata else ""
    try:
        return mod.PyTessBaseAPI(path=path, lang=language, psm=psm)
    except RuntimeError as exc:
        raise EngineError(f"tesseract failed: {exc}") from None


def _make(key: tuple[str, str]) -> Any:
    tessdata, language = key
    return _new_api(Path(tessdata) if tessdata else None, language, 3)


#: Initialised APIs by (language data folder, language): a read borrows one and gives it back.
#: Up to this many idle ones are kept per language (one per parallel job is all a run needs).
MAX_IDLE = max(2, os.cpu_count() or 2)
_apis: Pool[tuple[str, str], Any] = Pool(
    lambda key: _make(key), max_idle=MAX_IDLE, discard=lambda api: api.End(), name="tesseract-warm"
)


def prewarm(tessdata: Path | None, language: str, count: int = 1) -> None:
    """Initialises ``count`` APIs for ``language`` on a background thread, for the next reads
    of ``language`` (the language data, 55-75 ms for English, then loads while the process does
    something else: ``extract`` its imports, the window its first paint); a read that asks
    before one is ready waits for it."""
    if module() is not None:
        _apis.warm((str(tessdata or ""), language), count)


@contextmanager
def _api(tessdata: Path | None, language: str, psm: int) -> Iterator[Any]:
    """An initialised API for ``language`` with ``psm`` set, for this read only."""
    with _apis.borrow((str(tessdata or ""), language)) as api:
        api.SetPageSegMode(psm)
        try:
            yield api
        finally:
            api.Clear()  # the image and results are not kept between reads


def _set_image(api: Any, image: Image.Image, dpi: int | None) -> None:
    """Raw pixels for grey and RGB images (what preprocessing gives); other modes as pytesseract
    would write them. A resolution the file states counts, as when pytesseract saves the image
    with its info (the PGM of preprocessing states none)."""
    if image.mode in ("L", "RGB"):
        depth = 1 if image.mode == "L" else 3
        api.SetImageBytes(image.tobytes(), image.width, image.height, depth, depth * image.width)
    else:
        api.SetImage(image)
    stated = image.info.get("dpi") if image.format != "PPM" else None
    if dpi:
        api.SetSourceResolution(dpi)
    elif stated:
        api.SetSourceResolution(round(float(stated[0])))


def data(image: Image.Image, call: Call) -> dict[str, list[str]]:
    """image_to_data's columns from ``GetTSVText``."""
    raise_if_canceled(call.cancel)
    if max(image.size) > MAX_SIDE:  # what the command says; libtesseract only logs it
        raise EngineError(f"tesseract failed: Image too large: ({image.width}, {image.height})")
    with _api(call.tessdata, call.language, call.psm) as api:
        _set_image(api, image, call.dpi)
        start = time.monotonic()
        ok = api.Recognize(timeout=max(1, int(call.timeout * 1000)))
        raise_if_canceled(call.cancel)  # the cancel came while it read: its result is dropped
        if not ok:
            if time.monotonic() - start >= call.timeout * 0.95:
                raise EngineTimeoutError(f"recognition timed out after {call.timeout:g} s")
            raise EngineError("tesseract failed: recognition failed")
        tsv = api.GetTSVText(0) or ""
    return parse_tsv(tsv)


def parse_tsv(tsv: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {c: [] for c in COLUMNS}
    for row in tsv.splitlines():
        cells = row.split("\t", len(COLUMNS) - 1)
        if len(cells) < len(COLUMNS) - 1:
            continue
        cells += [""] * (len(COLUMNS) - len(cells))
        for name, cell in zip(COLUMNS, cells, strict=True):
            out[name].append(cell)
    return out


def orientation(image: Image.Image, call: Call, min_characters: int | None) -> tuple[int, float]:
    """(clockwise turn that makes the text upright, confidence); OrientationFailed when OSD
    cannot tell. OSD has no deadline in libtesseract: the time-out is not applied here."""
    mod = module()
    assert mod is not None
    raise_if_canceled(call.cancel)
    with _api(call.tessdata, "osd", int(mod.PSM.OSD_ONLY)) as api:
        api.SetVariable("min_characters_to_try", str(min_characters or OSD_MIN_CHARACTERS))
        _set_image(api, image, None)
        found = api.DetectOrientationScript()
    raise_if_canceled(call.cancel)
    if not found:
        raise OrientationFailed("too few characters")
    # orient_deg is the page's turn; "Rotate" (what the command prints) undoes it
    return (360 - int(found["orient_deg"])) % 360, float(found["orient_conf"])
