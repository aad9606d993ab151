"""Reading untrusted image bytes: sniff, size limits, decompression bombs, truncation."""

from __future__ import annotations

import contextlib
import io
import re
import warnings
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from app.core.errors import ImageTooLargeError, InvalidInputError, UnsupportedMediaError, clip
from app.core.sniff import IMAGE_EXTENSIONS as IMAGE_EXTENSIONS
from app.core.sniff import SUPPORTED_FORMATS as SUPPORTED_FORMATS
from app.core.sniff import mime_type as mime_type
from app.core.sniff import sniff as sniff

#: EXIF tags that name the camera; key under which ``decode`` records that one was found.
EXIF_MAKE, EXIF_MODEL = 0x010F, 0x0110
CAMERA_INFO_KEY = "imagehq.camera"

#: Largest image we decode, in pixels (about a 600 dpi A3 page). Larger: ImageTooLargeError.
MAX_PIXELS = 120_000_000

#: Most pages one multi-page input may have (PDF pages, TIFF frames); more: ImageTooLargeError.
MAX_PAGES = 100

# Pillow's own bomb check is kept on as a second line of defence.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


@dataclass(frozen=True)
class ImageInfo:
    format: str  # "png", "jpeg", ...
    mime_type: str
    width: int
    height: int
    frames: int = 1


def _too_large(exc: Exception, max_pixels: int) -> ImageTooLargeError:
    """Pillow's bomb check fired before ours: same message, from the pixel count it names."""
    found = re.search(r"\((\d+) pixels\)", str(exc))
    size = f"{int(found.group(1)):,} pixels" if found else "too many pixels"
    return ImageTooLargeError(f"image too large: {size}, over the limit of {max_pixels:,}")


def probe(data: bytes, max_pixels: int = MAX_PIXELS) -> ImageInfo:
    """Reads only the header: format, size, frame count. Raises on anything unusable. A PDF:
    its page count and the first page's size in pixels as it is rendered (300 dpi)."""
    if sniff(data) == "pdf":
        from app.core import documents

        pdf = documents.probe_pdf(data, max_pixels)
        return ImageInfo("pdf", "application/pdf", pdf.width, pdf.height, pdf.pages)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_large(exc, max_pixels) from None
    except UnidentifiedImageError:
        raise UnsupportedMediaError("the file is not an image that can be read") from None
    except Exception as exc:  # a damaged header makes Pillow raise almost anything
        raise InvalidInputError(f"cannot read image: {clip(exc) or type(exc).__name__}") from None
    fmt = img.format or ""
    if fmt not in SUPPORTED_FORMATS:
        raise UnsupportedMediaError(f"unsupported image format {fmt or 'unknown'}")
    width, height = img.size
    if width <= 0 or height <= 0:
        raise InvalidInputError("the image has no pixels")
    if width * height > max_pixels:
        raise ImageTooLargeError(
            f"image too large: {width}×{height} pixels, over the limit of {max_pixels:,}"
        )
    ext, mime = SUPPORTED_FORMATS[fmt]
    frames = _frames(img)
    if fmt == "TIFF" and frames > MAX_PAGES:
        raise ImageTooLargeError(
            f"the TIFF has {frames} pages, over the limit of {MAX_PAGES} per file"
        )
    return ImageInfo(ext, mime, width, height, frames)


def _frames(img: Image.Image) -> int:
    """How many frames (pages); 1 when the later ones are damaged (only the first is read)."""
    try:
        return max(1, int(getattr(img, "n_frames", 1) or 1))
    except Exception:  # counting seeks through every frame: a damaged one raises anything
        return 1


def decode(data: bytes, max_pixels: int = MAX_PIXELS) -> tuple[Image.Image, ImageInfo]:
    """Decodes the first frame (a PDF: its first page) fully, applies EXIF orientation, and
    returns an RGB/L image."""
    info = probe(data, max_pixels)
    if info.format == "pdf":
        from app.core import documents

        image, _note = documents.render_pdf_page(data, 0, max_pixels)
        return image, info
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data))
            opened.load()
        return _upright_rgb_or_grey(opened), info
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_large(exc, max_pixels) from None
    except Exception as exc:  # truncated or damaged data: Pillow raises almost anything
        text = str(exc)
        if "truncated" in text or "broken" in text.lower():
            raise InvalidInputError("the image file is truncated or corrupt") from None
        reason = clip(text) or type(exc).__name__
        raise InvalidInputError(f"cannot decode image: {reason}") from None


def _upright_rgb_or_grey(opened: Image.Image) -> Image.Image:
    img = opened
    camera = False
    with contextlib.suppress(Exception):  # a broken EXIF block must not lose the image
        exif = opened.getexif()
        camera = bool(exif.get(EXIF_MAKE) or exif.get(EXIF_MODEL))
        img = ImageOps.exif_transpose(opened)
    if img.mode not in ("RGB", "L"):
        if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
            rgba = img.convert("RGBA")
            background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            img = Image.alpha_composite(background, rgba).convert("RGB")
        elif img.mode in ("I;16", "I;16B", "I;16L", "I"):
            img = img.point(lambda v: v / 256).convert("L")
        else:
            img = img.convert("RGB")
    # Hints for the engines: the router (camera photo) and Tesseract (resolution, see
    # ``dpi_of``); Pillow keeps ``info`` through convert, rotate and resize.
    img.info[CAMERA_INFO_KEY] = camera
    if "dpi" in opened.info:  # compositing transparency makes a new image without it
        img.info["dpi"] = opened.info["dpi"]
    return img


def dpi_of(image: Image.Image) -> float | None:
    """The resolution the file states (``dpi`` or JFIF/TIFF density), or None when it has none
    or an implausible one (many writers put 1 or 72 without meaning it)."""
    dpi: Any = image.info.get("dpi")
    try:
        value = float(dpi[0] if isinstance(dpi, tuple | list) else dpi)
    except (TypeError, ValueError, IndexError):
        return None
    return value if 70 <= value <= 2400 else None


def admit(data: bytes, max_pixels: int = MAX_PIXELS) -> ImageInfo | None:
    """Whether ``data`` may become a job: refuses an empty file, what is not an image we read
    and a pixel bomb (raises). A file that looks right but does not decode (truncated,
    corrupt) is admitted, and None returned: its job fails with a readable reason."""
    sniff(data)
    try:
        return probe(data, max_pixels)
    except (UnsupportedMediaError, ImageTooLargeError):
        raise
    except InvalidInputError:
        return None
