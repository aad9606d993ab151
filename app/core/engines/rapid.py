"""PP-OCRv6 (small det/cls/rec ONNX models) through RapidOCR on onnxruntime.

The second engine, for photos, receipts and labels. Facts it is built on (measured on 2 cores):

- the models ship inside the ``rapidocr`` wheel; they are loaded by explicit path, so the library's
  download-on-demand code can never run (a missing file is an :class:`EngineError`);
- the recogniser reads one crop at a time at its own width (at least ``REC_MIN_WIDTH`` px), not
  padded to the library's 320 px or to the widest of a batch: 2.4× faster on receipts than the
  library's default, and another ~15% than batches of 4 (the same text or better on the eval set);
- the detector is the 8-bit one built by ``make models`` when present (``DET_INT8``; 3× faster,
  the same lines);
- the detector runs with ``limit_type=max`` (the longer side brought down to
  ``DET_PAGE_SIDE``, or ``DET_LIMIT_SIDE`` for enlarged photos, never up): about 3× faster than
  the library's default on screenshots and more accurate;
- ``RapidOCR.__call__`` mutates its own state, so a read borrows an instance from a pool and
  gives it back (``app.core.engines.pool``: a thread-local one was made again for every job of
  the window and ``serve``, whose QThreadPool threads keep no Python thread-local data);
- onnxruntime's intra-op threads = cores ÷ parallel jobs (one thread was 1.8× slower than two for
  a lone job), set through :meth:`RapidOcrEngine.set_parallelism`;
- the stages (resize, detect, classify, recognise in chunks) are driven here, so a cancel or a
  time-out stops the job between two stages: within about ``REC_CHUNK`` line crops, under a second
  on 2 cores.

Segments come back unordered; :mod:`app.core.engines.layout` turns them into the page tree.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import logging
import os
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from PIL import Image

from app.core.engines.cancel import CancelToken
from app.core.engines.layout import Segment, build_page
from app.core.engines.pool import Pool
from app.core.errors import (
    CanceledError,
    EngineError,
    EngineTimeoutError,
    EngineUnavailableError,
    UnknownLanguageError,
)
from app.core.model import BBox, OcrResult, Word
from app.core.options import OcrOptions

log = logging.getLogger(__name__)

NAME = "rapidocr"
MODELS = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
}
MODEL_LABEL = "PP-OCRv6 small"
#: The detector quantised to 8 bits, built by ``make models`` (:mod:`app.model_build`) into
#: ``app/models/``: the same lines about 3× faster (measured on this project's 2-core AVX-512
#: VNNI Xeon; other CPUs not measured). Used when
#: present and not switched off with ``IMAGEHQ_OCR_WHEEL_MODELS=1``; otherwise the wheel's model.
DET_INT8 = "PP-OCRv6_det_small_int8.onnx"
INT8_DIR = Path(__file__).resolve().parents[2] / "models"
#: The recogniser with its 18,710-class output layer cut to CTC's blank, the space and
#: ``LATIN_CHARS`` (533 classes), also built by ``make models``: for every language but Chinese
#: and Japanese. The same text on the eval receipts, scans and scene photos as the full model
#: with the other classes masked, 15 % faster per image (the output layer and its softmax were a
#: quarter of recognition); confidences are the softmax over the kept classes (mean +0.003).
REC_LATIN = "PP-OCRv6_rec_small_latin.onnx"
#: Detector input: the longer side is brought to this many pixels (limit_type=max).
DET_LIMIT_SIDE = 1600
#: The same for images that are not enlarged photos (receipts, scans, second opinions on
#: pages): with the 8-bit detector, 1280 px read the eval receipts a little better (CER 0.040 →
#: 0.038) and the scans as well (0.099 → 0.101), and cut the batch time by 5 %. Enlarged small
#: photos keep ``DET_LIMIT_SIDE``: their small words need it (at 1280 px scene recall fell from
#: 0.50 to 0.35).
DET_PAGE_SIDE = 1280
#: Recogniser batches: crops are padded to the widest of their batch and to at least
#: ``REC_MIN_WIDTH`` px (the library's 320 px minimum made a receipt's short price crops cost as
#: much as its longest lines: recognition 2.6 s → 1.1 s on one core, same text). One crop per
#: batch pads nothing: eval receipts and scans, recognition ~15% faster than batches of 4, CER
#: and F1 the same or better (receipts 0.040 / 0.952, scans 0.097 / 0.949, scene F1 0.42).
REC_BATCH = 1
REC_MIN_WIDTH = 16
#: Photos (no dominant background, see :mod:`app.core.engines.router`) whose longer side is
#: under ``PHOTO_UPSCALE_BELOW`` px are enlarged ``PHOTO_UPSCALE`` times (Lanczos) first: the
#: recogniser then gets sharper crops of small, blurred, JPEG-compressed text than its own
#: bilinear resize of a tiny crop gives (eval scene photos, 1280×720: word recall 0.38 → 0.50,
#: F1 0.33 → 0.40). Receipts and scans (a dominant paper colour) are left as they are: on them
#: the enlargement bought nothing.
PHOTO_UPSCALE = 1.5
PHOTO_UPSCALE_BELOW = 1400
#: Line crops recognised per step; cancel and time-out are checked between steps.
REC_CHUNK = 24
NOT_INSTALLED = (
    "the rapidocr engine is not installed (pip install 'rapidocr>=3.10' onnxruntime "
    "opencv-python-headless)"
)

#: Tesseract language codes the shipped PP-OCRv6 recogniser reads (one multilingual model:
#: Chinese, Japanese and Latin-script languages).
LANGUAGES: tuple[str, ...] = (
    "afr", "aze", "bos", "cat", "ces", "chi_sim", "chi_tra", "cym", "dan", "deu", "eng", "est",
    "eus", "fin", "fra", "gle", "glg", "hrv", "hun", "ind", "isl", "ita", "jpn", "lat", "lav",
    "lit", "ltz", "mlt", "mri", "msa", "nld", "nor", "oci", "pol", "por", "que", "ron", "slk",
    "slv", "spa", "sqi", "srp_latn", "swa", "swe", "tgl", "tur", "uzb", "vie",
)  # fmt: skip


#: Characters the recogniser may output for English: ASCII and common typographic symbols.
#: PP-OCRv6 reads one 18,000-class multilingual alphabet; restricting it to the requested
#: language's script keeps "citi" from becoming "cíti" and Chinese characters out of English.
ENGLISH_CHARS = frozenset(chr(c) for c in range(0x20, 0x7F)) | frozenset(
    "€£¥¢§°±µ–—‘’‚“”„•…×÷©®™«»¿¡¦¬¹²³¼½¾‰†‡′″"
)
#: Other Latin-script languages add the Latin-1, Extended-A/B and Extended Additional letters.
LATIN_CHARS = ENGLISH_CHARS | frozenset(
    chr(c) for lo, hi in ((0xC0, 0x250), (0x1E00, 0x1F00)) for c in range(lo, hi)
)
#: Languages read with the whole alphabet (no restriction).
CJK_LANGUAGES = frozenset({"chi_sim", "chi_tra", "jpn"})


def alphabet(language: str) -> frozenset[str] | None:
    """The characters the recogniser may output for ``language``; None for no restriction."""
    parts = language.split("+")
    if any(part in CJK_LANGUAGES for part in parts):
        return None
    return ENGLISH_CHARS if all(part == "eng" for part in parts) else LATIN_CHARS


def covers(language: str) -> bool:
    """Whether every part of ``language`` (``eng+deu``) is read by the shipped model."""
    return all(part in LANGUAGES for part in language.split("+"))


@dataclass(frozen=True)
class _Models:
    folder: Path

    def path(self, stage: str) -> Path:
        return self.folder / MODELS[stage]


def _package_dir(name: str) -> Path | None:
    """Where the installed package ``name`` lives, found without importing it (importing
    onnxruntime, rapidocr and their numpy and OpenCV costs a Tesseract-only run 0.1-0.2 s)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    if spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))).resolve()
    try:  # a finder that gives no locations (some frozen importers): import it after all
        module = importlib.import_module(name)
    except ImportError:
        return None
    return Path(module.__file__ or name).resolve().parent


def _dist_version(name: str) -> str:
    """The installed version of the distribution ``name``: from its ``NAME-VERSION.dist-info``
    folder beside the package where there is one (importing ``importlib.metadata`` and scanning
    every distribution costs a one-image ``extract`` 15-20 ms), else from importlib.metadata."""
    package = _package_dir(name)
    if package is not None:
        found = sorted(package.parent.glob(f"{name}-*.dist-info"))
        if len(found) == 1:
            return found[0].name.removeprefix(f"{name}-").removesuffix(".dist-info")
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def _models() -> _Models:
    return _Models((_package_dir("rapidocr") or Path("rapidocr")) / "models")


def latin_indices(characters: list[str]) -> list[int]:
    """Which of the recogniser's classes the Latin model keeps (its output order)."""
    return [i for i, c in enumerate(characters) if i == 0 or c == " " or c in LATIN_CHARS]


#: Set to 1: read with the wheel's own models even where ``make models`` built faster ones.
WHEEL_MODELS_ENV = "IMAGEHQ_OCR_WHEEL_MODELS"


def built_model(name: str) -> Path | None:
    """``app/models/NAME`` when ``make models`` built it and it is not switched off."""
    path = INT8_DIR / name
    return path if path.is_file() and os.environ.get(WHEEL_MODELS_ENV) != "1" else None


def rec_latin_path() -> Path | None:
    """The Latin recogniser, when built."""
    return built_model(REC_LATIN)


def det_model_path() -> Path:
    """The detector this engine loads: the 8-bit one when built, else the wheel's float one."""
    return built_model(DET_INT8) or _models().path("Det")


class RapidOcrEngine:
    """PP-OCRv6 through RapidOCR; see the module docstring."""

    name = NAME

    def __init__(self) -> None:
        # RapidOCR's __call__ mutates its own state: one instance per read at a time, borrowed
        # from a pool (by onnxruntime thread count) and given back.
        self._instances: Pool[int, tuple[Any, dict[str, Any]]] = Pool(
            self._make_instance, max_idle=max(2, os.cpu_count() or 2), name="rapidocr-warm"
        )
        # The job manager runs one job per core by default, so one thread each; it calls
        # set_parallelism() with its real pool size.
        self._threads = 1

    # -- discovery -------------------------------------------------------------------------
    @cached_property
    def _missing(self) -> str | None:
        """Why the engine cannot run, or None."""
        missing = [n for n in ("onnxruntime", "rapidocr", "cv2") if _package_dir(n) is None]
        if missing:
            return f"{NOT_INSTALLED}: no module named {', '.join(missing)}"
        models = _models()
        # the files it loads: the wheel's float detector only where no 8-bit one was built (a
        # frozen bundle leaves the float one out)
        for path in (det_model_path(), models.path("Cls"), models.path("Rec")):
            if not path.is_file():
                return f"the rapidocr model file {path} is missing; reinstall the rapidocr package"
        return None

    def is_installed(self) -> bool:
        return self._missing is None

    @cached_property
    def _version(self) -> str:
        version = _dist_version("rapidocr")
        return f"{version} ({MODEL_LABEL})" if version else ""

    def version(self) -> str:
        return self._version

    def languages(self) -> list[str]:
        return list(LANGUAGES) if self.is_installed() else []

    def covers(self, language: str) -> bool:
        return covers(language)

    @cached_property
    def _identity(self) -> str:
        models = _models()
        parts = [
            f"rapidocr {self.version()}",
            f"det_limit {DET_LIMIT_SIDE} pages {DET_PAGE_SIDE}",
            f"rec_batch {REC_BATCH} min_width {REC_MIN_WIDTH}",
            f"photo_upscale {PHOTO_UPSCALE} below {PHOTO_UPSCALE_BELOW}",
        ]
        latin = rec_latin_path()
        for p in (
            det_model_path(),
            models.path("Cls"),
            models.path("Rec"),
            *([latin] if latin else []),
        ):
            parts.append(f"{p.name}:{p.stat().st_size if p.is_file() else 0}")
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]

    def identity(self, language: str) -> str:
        return self._identity  # one model for every language it covers

    def check_language(self, language: str) -> str:
        if self._missing:
            raise EngineUnavailableError(self._missing)
        missing = [part for part in language.split("+") if part not in LANGUAGES]
        if missing:
            raise UnknownLanguageError(
                f"language '{'+'.join(missing)}' is not read by the rapidocr engine "
                f"(it reads: {', '.join(LANGUAGES)})"
            )
        return language

    def set_parallelism(self, jobs: int) -> None:
        """Jobs that may run at once: onnxruntime gets cores ÷ jobs intra-op threads."""
        self._threads = max(1, (os.cpu_count() or 2) // max(1, jobs))

    # -- recognition -----------------------------------------------------------------------
    def _make_instance(self, threads: int) -> tuple[Any, dict[str, Any]]:
        """A RapidOCR with ``threads`` onnxruntime threads and its recognisers by script."""
        if self._missing:
            raise EngineUnavailableError(self._missing)
        from rapidocr import RapidOCR

        models = _models()
        params = {
            "Global.log_level": "error",
            "Global.return_word_box": True,
            "Det.model_path": str(det_model_path()),
            "Cls.model_path": str(models.path("Cls")),
            "Rec.model_path": str(models.path("Rec")),
            "Det.limit_type": "max",
            "Det.limit_side_len": DET_LIMIT_SIDE,
            "Rec.rec_batch_num": REC_BATCH,
            "Rec.rec_img_shape": [3, 48, REC_MIN_WIDTH],
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        try:
            inst = RapidOCR(params=params)
            rec = inst._load_rec_model()
            full_chars = list(rec.postprocess_op.character)
            rec.session = _MaskedSession(rec.session, full_chars)
            recs = {"full": rec}
            latin = self._latin_recogniser(inst, full_chars)
            if latin is not None:
                recs["latin"] = latin
        except Exception as exc:  # a broken wheel or model: say so, once, in one line
            raise EngineError(f"the rapidocr engine failed to load: {exc}") from None
        return inst, recs

    @staticmethod
    def _latin_recogniser(inst: Any, full_chars: list[str]) -> Any:
        """A second recogniser on the Latin model (same settings), or None when it is not built
        or does not match this wheel's alphabet."""
        path = rec_latin_path()
        if path is None:
            return None
        from rapidocr.ch_ppocr_rec import TextRecognizer

        cfg = inst.cfg.Rec.copy()
        cfg.model_path = str(path)
        latin = TextRecognizer(cfg)
        chars = [full_chars[i] for i in latin_indices(full_chars)]
        classes = latin.session.session.get_outputs()[0].shape[-1]
        if classes != len(chars):
            log.warning("%s has %s classes, expected %d: not used", path.name, classes, len(chars))
            return None
        latin.postprocess_op.character = chars
        latin.session = _MaskedSession(latin.session, chars)
        return latin

    def recognize(
        self,
        image: Image.Image,
        options: OcrOptions,
        timeout: float = 120.0,
        cancel: CancelToken | None = None,
    ) -> OcrResult:
        language = self.check_language(options.language)
        deadline = time.monotonic() + timeout

        def check() -> None:
            if cancel is not None and cancel.canceled:
                raise CanceledError("canceled")
            if time.monotonic() > deadline:
                raise EngineTimeoutError(f"recognition timed out after {timeout:g} s")

        scale = photo_scale(image)
        if scale > 1:
            size = (round(image.width * scale), round(image.height * scale))
            work = image.convert("RGB").resize(size, Image.Resampling.LANCZOS)
            found = self._segments(work, language, check, DET_LIMIT_SIDE)
            segments = [_scale_segment(s, 1 / scale) for s in found]
        else:
            segments = self._segments(image, language, check, DET_PAGE_SIDE)
        page = build_page(segments, image.width, image.height)
        return OcrResult(
            page=page,
            language=language,
            engine=self.name,
            engine_version=self.version(),
        )

    def _segments(
        self, image: Image.Image, language: str, check: Any, det_side: int
    ) -> list[Segment]:
        with self._instances.borrow(self._threads) as (ocr, recs):
            allowed = alphabet(language)
            rec = recs["latin"] if allowed is not None and "latin" in recs else recs["full"]
            ocr.text_rec = rec  # the borrowed instance reads with the model for this script
            rec.session.use(allowed)
            ocr._load_det_model().limit_side_len = det_side
            return self._read(ocr, image, check)

    @staticmethod
    def _read(ocr: Any, image: Image.Image, check: Any) -> list[Segment]:
        import numpy as np
        from rapidocr.main import RapidOCRError

        bgr = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])
        check()
        try:
            img, record = ocr.preprocess_img(bgr)
            check()
            try:
                crops, det = ocr.detect_and_crop(img, record)
            except RapidOCRError:
                return []  # nothing detected
            check()
            turned, cls = ocr.cls_and_rotate(crops)
            rec = None
            for start in range(0, len(turned), REC_CHUNK):
                check()
                part = ocr.recognize_txt(turned[start : start + REC_CHUNK])
                rec = part if rec is None else _join(rec, part)
            check()
            out = ocr.build_final_output(bgr, det, cls, rec, crops, record)
        except (CanceledError, EngineTimeoutError):
            raise
        except Exception as exc:
            log.exception("rapidocr failed")
            raise EngineError(f"rapidocr failed: {exc.__class__.__name__}: {exc}") from None
        return _to_segments(out, image.width, image.height)


class _MaskedSession:
    """The recogniser's ONNX session, with the classes outside the requested alphabet zeroed
    before CTC decoding picks the most likely character at each step."""

    def __init__(self, session: Any, characters: list[str]) -> None:
        import numpy as np

        self._session = session
        self._chars = characters
        self._masks: dict[frozenset[str], Any] = {}
        self._mask: Any = None
        self._np = np

    def use(self, allowed: frozenset[str] | None) -> None:
        if allowed is None:
            self._mask = None
            return
        mask = self._masks.get(allowed)
        if mask is None:
            # index 0 is CTC's blank, the last one the space the decoder appends
            keep = [i == 0 or c == " " or c in allowed for i, c in enumerate(self._chars)]
            mask = self._np.array(keep, dtype=bool)
            self._masks[allowed] = mask
        self._mask = mask

    def __call__(self, batch: Any) -> Any:
        preds = self._session(batch)
        if self._mask is not None and preds.shape[-1] == self._mask.shape[0]:
            preds = preds * self._mask
        return preds

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


def photo_scale(image: Image.Image) -> float:
    """How much to enlarge ``image`` before reading it (see ``PHOTO_UPSCALE``): 1 or more."""
    if max(image.size) >= PHOTO_UPSCALE_BELOW:
        return 1.0
    from app.core.engines.router import PHOTO_NEAR_BG, features  # the router imports us

    return PHOTO_UPSCALE if features(image).near_bg < PHOTO_NEAR_BG else 1.0


def _scale_box(box: BBox, factor: float) -> BBox:
    x0, y0, x1, y1 = (round(c * factor) for c in box)
    return (x0, y0, max(x0 + 1, x1), max(y0 + 1, y1))


def _scale_segment(segment: Segment, factor: float) -> Segment:
    words = [Word(w.text, _scale_box(w.bbox, factor), w.confidence) for w in segment.words]
    return Segment(_scale_box(segment.bbox, factor), words)


def _join(a: Any, b: Any) -> Any:
    a.imgs = list(a.imgs or []) + list(b.imgs or [])
    a.txts = tuple(a.txts or ()) + tuple(b.txts or ())
    a.scores = tuple(a.scores or ()) + tuple(b.scores or ())
    a.word_results = tuple(a.word_results or ()) + tuple(b.word_results or ())
    a.elapse = (a.elapse or 0.0) + (b.elapse or 0.0)
    return a


def _quad_box(quad: Any, width: int, height: int) -> BBox:
    xs = [float(p[0]) for p in quad]
    ys = [float(p[1]) for p in quad]
    return (
        max(0, min(width, round(min(xs)))),
        max(0, min(height, round(min(ys)))),
        max(0, min(width, round(max(xs)))),
        max(0, min(height, round(max(ys)))),
    )


def _to_segments(out: Any, width: int, height: int) -> list[Segment]:
    txts = getattr(out, "txts", None)
    boxes = getattr(out, "boxes", None)
    if not txts or boxes is None:
        return []
    scores = list(getattr(out, "scores", ()) or ())
    words_per_seg = list(getattr(out, "word_results", ()) or ())
    # word_results only lists segments that got word boxes: index them by position when the
    # counts agree, otherwise split the segment box by character positions.
    aligned = len(words_per_seg) == len(txts)
    segments: list[Segment] = []
    for i, text in enumerate(txts):
        text = str(text).strip()
        if not text:
            continue
        box = _quad_box(boxes[i], width, height)
        line_conf = float(scores[i]) if i < len(scores) else 0.0
        words: list[Word] = []
        if aligned and words_per_seg[i]:
            for item in words_per_seg[i]:
                wtext, wconf, wquad = str(item[0]).strip(), float(item[1]), item[2]
                if not wtext or wquad is None:
                    continue
                conf = round(min(line_conf, wconf) if wconf else line_conf, 4)
                words.append(Word(wtext, _quad_box(wquad, width, height), conf))
        if not words or " ".join(w.text for w in words).replace(" ", "") != text.replace(" ", ""):
            words = split_words(text, box, round(line_conf, 4))
        segments.append(Segment(box, words))
    return segments


def split_words(text: str, box: BBox, confidence: float) -> list[Word]:
    """Word boxes from the segment box, by character position (monospace estimate)."""
    x0, y0, x1, y1 = box
    n = max(1, len(text))
    step = (x1 - x0) / n
    words: list[Word] = []
    pos = 0
    for token in text.split(" "):
        if token:
            a = x0 + round(pos * step)
            b = x0 + round((pos + len(token)) * step)
            words.append(Word(token, (a, y0, max(a + 1, b), y1), confidence))
        pos += len(token) + 1
    return words
