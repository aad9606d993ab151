"""Untrusted bytes: each bad input gets a one-line error of the right kind."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from app.core import imageio
from app.core.errors import ImageTooLargeError, InvalidInputError, UnsupportedMediaError
from tests.conftest import text_image


def png_bytes(img: Image.Image, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", **kw)
    return buf.getvalue()


def bomb_png(width: int = 50_000, height: int = 50_000) -> bytes:
    """A valid PNG header claiming width × height pixels (a few hundred bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def test_empty():
    with pytest.raises(InvalidInputError, match="empty"):
        imageio.decode(b"")


def test_text_file_named_jpg():
    with pytest.raises(UnsupportedMediaError, match="not a supported image"):
        imageio.decode(b"hello, this is not a JPEG at all\n")


def test_truncated_png():
    data = png_bytes(text_image(["truncated"]))
    with pytest.raises(InvalidInputError, match=r"truncated|corrupt"):
        imageio.decode(data[: len(data) // 2])


def test_pixel_bomb_rejected_from_header_alone():
    data = bomb_png()
    assert len(data) < 2000
    with pytest.raises(ImageTooLargeError, match="too large"):
        imageio.probe(data)
    with pytest.raises(ImageTooLargeError):
        imageio.decode(data)


def test_sniff_formats():
    img = text_image(["x"])
    for fmt, name in (
        ("PNG", "png"),
        ("JPEG", "jpeg"),
        ("WEBP", "webp"),
        ("TIFF", "tiff"),
        ("BMP", "bmp"),
        ("GIF", "gif"),
    ):
        buf = io.BytesIO()
        img.save(buf, fmt)
        assert imageio.sniff(buf.getvalue()) == name
        decoded, info = imageio.decode(buf.getvalue())
        assert info.format == name and decoded.size == img.size


def test_transparent_png_composited_on_white():
    rgba = Image.new("RGBA", (50, 20), (0, 0, 0, 0))
    img, _ = imageio.decode(png_bytes(rgba))
    assert img.mode == "RGB" and img.getpixel((5, 5)) == (255, 255, 255)


def test_exif_orientation_applied():
    img = Image.new("RGB", (60, 30), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 CW on display
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    decoded, _ = imageio.decode(buf.getvalue())
    assert decoded.size == (30, 60)


def test_multiframe_gif_counts_frames():
    frames = [text_image(["one"]), text_image(["two"])]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    assert imageio.probe(buf.getvalue()).frames == 2
