"""Bounded fuzzing (hypothesis, a few seconds): untrusted image bytes through sniff → admit →
decode, and untrusted ``request`` text through the API's parser, end in a result or in their
documented errors (a one-line OcrError, a 4xx ApiError), never in anything else (a 500).

``IMAGEHQ_FUZZ_EXAMPLES=20000 pytest --timeout 0 tests/test_fuzz.py`` fuzzes longer, with fresh
examples.
"""

from __future__ import annotations

import io
import json
import os
import struct
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from app.api.app import parse_request, request_options
from app.api.errors import ApiError
from app.core import imageio
from app.core.errors import InvalidInputError, OptionsError
from tests.conftest import text_image

LONG_RUN = int(os.environ.get("IMAGEHQ_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=LONG_RUN or 250,
    deadline=None,
    derandomize=not LONG_RUN,  # in the suite: the same examples every run, reproducible
    database=None,  # writes nothing into the checkout
    suppress_health_check=[HealthCheck.too_slow],
)


def _encoded(fmt: str, **kwargs: Any) -> bytes:
    img = text_image(["Fuzz 42"], size=14)
    if fmt == "GIF":
        img = img.convert("P")
    buf = io.BytesIO()
    img.save(buf, fmt, **kwargs)
    return buf.getvalue()


SEEDS = [
    _encoded("PNG"),
    _encoded("JPEG", quality=70),
    _encoded("GIF"),
    _encoded("BMP"),
    _encoded("TIFF", compression="tiff_lzw"),
    _encoded("WEBP"),
]


def read_untrusted(data: bytes) -> None:
    """What the API and the CLI do with an upload, then what a job does with it."""
    try:
        admitted = imageio.admit(data)
    except InvalidInputError:
        return  # refused with a one-line reason (415, 413, 422 / one CLI line)
    try:
        image, info = imageio.decode(data)
    except InvalidInputError:
        return  # the job fails with a readable reason
    assert isinstance(image, Image.Image) and image.mode in ("RGB", "L")
    assert admitted is None or (info.width, info.height) == (admitted.width, admitted.height)


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    read_untrusted(data)


@FUZZ
@given(
    seed=st.sampled_from(SEEDS),
    edits=st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), max_size=12),
    keep=st.integers(0, 2**20),
)
def test_damaged_images(seed: bytes, edits: list[tuple[int, int]], keep: int) -> None:
    data = bytearray(seed)
    for where, value in edits:  # flipped bytes, mostly in the headers that matter
        data[where % min(len(data), 256 if where % 2 else len(data))] = value
    read_untrusted(bytes(data[: keep % (len(data) + 1) or len(data)]))


KEYS = st.sampled_from(
    ["operation", "options", "language", "psm", "output_format", "detect_orientation",
     "preprocess", "tool_slug", "client_reference_id", "retention_policy", "ttl_hours", "clamp"]
)  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.sampled_from(["eng", "eng+deu", "auto", "³", "13", "json", "extract_text"])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS | st.text(max_size=8), inner),
    max_leaves=25,
)


@FUZZ
@given(st.one_of(JSON.map(json.dumps), st.text(max_size=200)))
def test_request_parser(raw: str) -> None:
    try:
        request = parse_request(raw)
    except ApiError as exc:
        assert 400 <= exc.status < 500 and exc.message
        return
    try:
        request_options(request).validated()
    except OptionsError as exc:
        assert exc.http_status == 422 and exc.message


def tiff_with_a_damaged_second_page() -> bytes:
    """Found by this fuzzer: counting the frames of a TIFF whose second page has no width made
    Pillow raise TypeError (an API 500, a CLI traceback)."""
    img = text_image(["two pages"])
    buf = io.BytesIO()
    img.save(buf, "TIFF", save_all=True, append_images=[img])
    data = bytearray(buf.getvalue())
    first = struct.unpack_from("<I", data, 4)[0]
    entries = struct.unpack_from("<H", data, first)[0]
    second = struct.unpack_from("<I", data, first + 2 + 12 * entries)[0]
    for i in range(struct.unpack_from("<H", data, second)[0]):
        at = second + 2 + 12 * i
        if struct.unpack_from("<H", data, at)[0] == 256:  # ImageWidth → an unknown tag
            struct.pack_into("<H", data, at, 65000)
    return bytes(data)


def test_damaged_later_page_is_read_as_a_one_page_image() -> None:
    data = tiff_with_a_damaged_second_page()
    info = imageio.admit(data)
    assert info is not None and info.frames == 1
    image, _ = imageio.decode(data)
    assert image.size == (info.width, info.height)
