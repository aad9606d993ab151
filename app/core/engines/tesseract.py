"""Tesseract through pytesseract.

Every call runs with ``OMP_THREAD_LIMIT=1``: Tesseract's OpenMP threads make it about 6× slower on
two cores; parallelism belongs to the job manager.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

import pytesseract
from PIL import Image

from app.core import preprocess
from app.core.engines import tesseract_locate
from app.core.engines.cancel import CancelToken, cancel_scope, install
from app.core.errors import (
    CanceledError,
    EngineError,
    EngineTimeoutError,
    EngineUnavailableError,
    UnknownLanguageError,
)
from app.core.model import BBox, Block, Line, OcrResult, Page, Paragraph, Word
from app.core.options import OcrOptions, psm_value

os.environ["OMP_THREAD_LIMIT"] = "1"
install(pytesseract.pytesseract)

_ROTATE_RE = re.compile(r"Rotate:\s*(\d+)")
_OSD_CONF_RE = re.compile(r"Orientation confidence:\s*([\d.]+)")
# Below this OSD confidence, the orientation is not trusted and the image is read as given.
MIN_OSD_CONFIDENCE = 1.0
#: Tesseract refuses images with a side longer than this ("Image too large").
MAX_SIDE = 32767
#: A text line's ink (what ``preprocess.estimate_text_height`` measures) is about this share of
#: the font size.
INK_PER_EM = 0.75
#: A stated resolution is believed when the text it implies is this many points tall.
PLAUSIBLE_PT = (5.0, 24.0)
NOT_INSTALLED = (
    "Tesseract is not installed or not found (Debian/Ubuntu: sudo apt-get install "
    "tesseract-ocr; macOS: brew install tesseract; Windows: winget install "
    "UB-Mannheim.TesseractOCR; or set IMAGEHQ_OCR_TESSERACT to its path)"
)


class TesseractEngine:
    name = "tesseract"

    def __init__(self, cmd: str | None = None) -> None:
        self._cmd = cmd  # an explicit executable; otherwise tesseract_locate finds one
        if cmd:
            pytesseract.pytesseract.tesseract_cmd = cmd
        self._lock = threading.Lock()
        self._identity: dict[str, str] = {}
        self._version = ""
        self.located: tesseract_locate.Located | None = None

    # -- discovery -------------------------------------------------------------------------
    def is_installed(self) -> bool:
        """Finds Tesseract (again, until it is found: installing it needs no restart)."""
        if self._cmd:
            return shutil.which(self._cmd) is not None
        if self.located is None:
            found = tesseract_locate.locate()
            if found is None:
                return False
            self.located = found
            pytesseract.pytesseract.tesseract_cmd = str(found.executable)
            if found.tessdata is not None and "TESSDATA_PREFIX" not in os.environ:
                # the bundled copy's eng and osd data; a user's TESSDATA_PREFIX wins
                os.environ["TESSDATA_PREFIX"] = str(found.tessdata)
        return True

    def version(self) -> str:
        """Tesseract's version, or "" when it is not installed."""
        if not self._version and self.is_installed():
            try:
                self._version = str(pytesseract.get_tesseract_version())
            except (pytesseract.TesseractNotFoundError, OSError):
                return ""
        return self._version

    @cached_property
    def _tessdata(self) -> Path | None:
        try:
            out = subprocess.run(
                [pytesseract.pytesseract.tesseract_cmd, "--list-langs"],
                capture_output=True,
                text=True,
                timeout=20,
                check=False,
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            return None
        m = re.search(r'"(.+?)"', out.splitlines()[0] if out else "")
        return Path(m.group(1)) if m else None

    @cached_property
    def _languages(self) -> list[str]:
        try:
            langs = pytesseract.get_languages(config="")
        except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError):
            return []
        return sorted(lang for lang in langs if lang and lang != "osd")

    def languages(self) -> list[str]:
        return list(self._languages)

    def has_osd(self) -> bool:
        try:
            return "osd" in pytesseract.get_languages(config="")
        except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError):
            return False

    def identity(self, language: str) -> str:
        with self._lock:
            if language in self._identity:
                return self._identity[language]
            parts = [f"tesseract {self.version()}"]
            tessdata = self._tessdata
            for lang in language.split("+"):
                f = tessdata / f"{lang}.traineddata" if tessdata else None
                if f and f.exists():
                    st = f.stat()
                    parts.append(f"{lang}:{st.st_size}:{int(st.st_mtime)}")
                else:
                    parts.append(lang)
            ident = hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
            self._identity[language] = ident
            return ident

    def check_language(self, language: str) -> str:
        if not self.is_installed():
            raise EngineUnavailableError(NOT_INSTALLED)
        installed = self.languages()
        missing = [lang for lang in language.split("+") if lang not in installed]
        if missing:
            raise UnknownLanguageError(
                f"language '{'+'.join(missing)}' is not installed "
                f"(installed: {', '.join(installed) or 'none'})"
            )
        return language

    # -- recognition -----------------------------------------------------------------------
    def detect_orientation(
        self, image: Image.Image, timeout: float, cancel: CancelToken | None = None
    ) -> tuple[int, list[str]]:
        """Clockwise rotation (0/90/180/270) that makes the text upright, plus warnings."""
        if not self.has_osd():
            return 0, ["orientation detection unavailable: the 'osd' language pack is missing"]
        osd = ""
        # Default OSD samples many characters; a short screenshot needs a smaller sample.
        for config in ("--psm 0", "--psm 0 -c min_characters_to_try=5"):
            try:
                with cancel_scope(cancel):
                    osd = pytesseract.image_to_osd(image, config=config, timeout=timeout)
                break
            except pytesseract.TesseractError as exc:
                _raise_if_canceled(cancel)
                reason = _first_line(exc)
            except RuntimeError as exc:  # pytesseract's time-out (TesseractError is caught above)
                raise EngineTimeoutError(
                    f"orientation detection timed out after {timeout:g} s"
                ) from exc
        if not osd:
            return 0, [f"orientation not detected ({reason}); read as given"]
        m, c = _ROTATE_RE.search(osd), _OSD_CONF_RE.search(osd)
        rotate = int(m.group(1)) % 360 if m else 0
        conf = float(c.group(1)) if c else 0.0
        if rotate and conf < MIN_OSD_CONFIDENCE:
            return 0, [f"orientation uncertain (confidence {conf:.2f}); read as given"]
        return rotate, []

    def recognize(
        self,
        image: Image.Image,
        options: OcrOptions,
        timeout: float = 120.0,
        cancel: CancelToken | None = None,
    ) -> OcrResult:
        language = self.check_language(options.language)
        width, height = image.size
        prepared = preprocess.prepare(image, enabled=options.preprocess, max_side=MAX_SIDE)
        work = prepared.image
        pw, ph = work.size
        warnings: list[str] = []
        orientation = 0
        if options.detect_orientation:
            # OSD on the prepared image: upscaled grey text is read far more reliably.
            orientation, warnings = self.detect_orientation(work, timeout, cancel)
            if orientation:
                # OSD's "Rotate" is the clockwise turn that makes the page upright.
                work = work.rotate(-orientation, expand=True)
        config = f"--psm {psm_value(options.psm)}"
        dpi = resolution(image, prepared)
        if dpi:
            config += f" --dpi {dpi}"
        data = self._run_data(work, language, config, timeout, cancel)

        def to_input(box: BBox) -> BBox:
            return prepared.to_source(_unrotate(box, orientation, pw, ph), width, height)

        page = _build_page(data, width, height, to_input)
        return OcrResult(
            page=page,
            language=language,
            orientation=orientation,
            engine=self.name,
            engine_version=self.version(),
            warnings=warnings,
        )

    def _run_data(
        self,
        image: Image.Image,
        language: str,
        config: str,
        timeout: float,
        cancel: CancelToken | None,
    ) -> dict:
        """``image_to_data`` as a dict; Tesseract's own errors stay engine errors, only a real
        time-out is reported as one (pytesseract's TesseractError is a RuntimeError too)."""
        try:
            with cancel_scope(cancel):
                return pytesseract.image_to_data(
                    image,
                    lang=language,
                    config=config,
                    timeout=timeout,
                    output_type=pytesseract.Output.DICT,
                )
        except pytesseract.TesseractNotFoundError:
            raise EngineUnavailableError(NOT_INSTALLED) from None
        except pytesseract.TesseractError as exc:
            _raise_if_canceled(cancel)
            raise EngineError(f"tesseract failed: {_first_line(exc)}") from None
        except RuntimeError as exc:  # pytesseract's time-out
            raise EngineTimeoutError(f"recognition timed out after {timeout:g} s") from exc


def resolution(image: Image.Image, prepared: preprocess.Prepared) -> int | None:
    """The DPI to tell Tesseract about the prepared image, or None to let it estimate.

    The prepared image is a headerless PGM: without ``--dpi`` Tesseract assumes 70 dpi and
    estimates the resolution from the text. The file's own resolution, times the preprocessing
    scale, is passed on when the text height it implies is plausible (``PLAUSIBLE_PT``); a
    renderer's default (96 dpi on a 2000 px wide page would make its body text 25 pt)
    is not believed, and Tesseract estimates as before. Measured on the eval set: a fixed
    guess for files without one (150, 200, 300 dpi) moved whole pages between Tesseract's
    layout outcomes in both directions; its own estimate was the best overall."""
    from app.core.imageio import dpi_of

    stated = dpi_of(image)
    if stated is None:
        return None
    height = prepared.text_height
    if height:
        implied_pt = height / INK_PER_EM * 72.0 / stated
        if not (PLAUSIBLE_PT[0] <= implied_pt <= PLAUSIBLE_PT[1]):
            return None
    return max(70, round(stated * prepared.scale))


def _raise_if_canceled(cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.canceled:
        raise CanceledError("canceled")


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "message", "") or exc).strip()
    return text.splitlines()[-1] if text else exc.__class__.__name__


def _unrotate(box: BBox, rotate: int, w: int, h: int) -> BBox:
    """Maps a box in the turned image back to the unturned one (``w`` × ``h``).

    ``rotate`` is the clockwise turn that was applied to the unturned image.
    """
    x0, y0, x1, y1 = box
    if rotate == 90:  # turned clockwise: turned (x, y) came from (y, h - x)
        pts = [(y0, h - x0), (y1, h - x1)]
    elif rotate == 180:
        pts = [(w - x0, h - y0), (w - x1, h - y1)]
    elif rotate == 270:  # turned counter-clockwise: turned (x, y) came from (w - y, x)
        pts = [(w - y0, x0), (w - y1, x1)]
    else:
        return box
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def _build_page(data: dict, width: int, height: int, to_input: Callable[[BBox], BBox]) -> Page:
    """Groups image_to_data rows into blocks, paragraphs, lines and words."""
    page = Page(width, height)
    blocks: dict[int, Block] = {}
    paras: dict[tuple[int, int], Paragraph] = {}
    lines: dict[tuple[int, int, int], Line] = {}
    n = len(data["level"])
    for i in range(n):
        if int(data["level"][i]) != 5:
            continue
        text = str(data["text"][i]).strip()
        if not text:
            continue
        conf = float(data["conf"][i])
        if conf < 0:
            continue
        b, p, ln = int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i])
        left, top = int(data["left"][i]), int(data["top"][i])
        box = to_input((left, top, left + int(data["width"][i]), top + int(data["height"][i])))
        if b not in blocks:
            blocks[b] = Block()
            page.blocks.append(blocks[b])
        if (b, p) not in paras:
            paras[(b, p)] = Paragraph()
            blocks[b].paragraphs.append(paras[(b, p)])
        if (b, p, ln) not in lines:
            lines[(b, p, ln)] = Line()
            paras[(b, p)].lines.append(lines[(b, p, ln)])
        lines[(b, p, ln)].words.append(Word(text, box, round(conf / 100.0, 4)))
    return page
