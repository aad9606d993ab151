"""What an input is, from its first bytes: the formats we read, their extensions and MIME types.
No Pillow here (``imagehq-ocr extract`` checks a file before anything heavy loads);
``app.core.imageio`` re-exports all of it."""

from __future__ import annotations

from app.core.errors import InvalidInputError, UnsupportedMediaError

# Formats we accept (Pillow format name -> (extension, mime type)).
SUPPORTED_FORMATS: dict[str, tuple[str, str]] = {
    "PNG": ("png", "image/png"),
    "JPEG": ("jpeg", "image/jpeg"),
    "MPO": ("jpeg", "image/jpeg"),
    "WEBP": ("webp", "image/webp"),
    "TIFF": ("tiff", "image/tiff"),
    "BMP": ("bmp", "image/bmp"),
    "GIF": ("gif", "image/gif"),
}
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff", ".bmp", ".gif", ".pdf")


def _magic_format(head: bytes) -> str | None:
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head.startswith(b"BM"):
        return "BMP"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    return None


def mime_type(fmt: str) -> str:
    """``png`` → ``image/png``."""
    if fmt == "pdf":
        return "application/pdf"
    for ext, mime in SUPPORTED_FORMATS.values():
        if ext == fmt:
            return mime
    return "application/octet-stream"


def sniff(data: bytes) -> str:
    """The format of ``data`` from its magic bytes, or UnsupportedMediaError. Cheap: no decoding."""
    if not data:
        raise InvalidInputError("the file is empty (0 bytes)")
    if data[:5] == b"%PDF-":
        return "pdf"
    fmt = _magic_format(data[:16])
    if fmt is None:
        raise UnsupportedMediaError(
            "not a supported image (expected PNG, JPEG, WebP, TIFF, BMP, GIF or PDF)"
        )
    return SUPPORTED_FORMATS[fmt][0]
