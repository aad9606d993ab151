"""Builds the fast PP-OCRv6 models into app/models/: the 8-bit text detector
(PP-OCRv6_det_small_int8.onnx) and the Latin-script recogniser (PP-OCRv6_rec_small_latin.onnx).

The rapidocr wheel ships the detector in 32-bit floats. Quantised to 8 bits (static, QDQ,
per-tensor, min/max calibration) it finds the same lines about 3× faster (measured on a 2-core
AVX-512 VNNI Xeon; the detector was half of PP-OCR's time on a receipt or a page).
The recogniser stays in floats: 8-bit recognition dropped line-final characters ("Item" →
"Ite"). ``make models`` (run by ``make run``, ``make test`` and ``make package``) builds it from
the installed wheel's model; like the .qm translations it is build output, not committed, and
the engine falls back to the float model when it is missing (see ``rapid.det_model_path``).

Calibration needs no data set: it renders ``CALIBRATION_IMAGES`` pages of text here, with a
fixed seed (paper, screens, receipts, dark UI, noisy photos-like backgrounds, blur, JPEG), so
the build is reproducible and uses nothing from outside the repository.

The Latin recogniser is the wheel's float recogniser with its output layer (weights and bias of
the last MatMul/Add, 18,710 classes) cut to the classes ``rapid.latin_indices`` keeps; nothing is
retrained, so it reads exactly what the full model reads with the other classes masked.

Needs the ``onnx`` package (a build dependency, in the ``dev`` extra); the app does not.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from app.core.engines import rapid

DEST = Path(__file__).resolve().parent / "models" / rapid.DET_INT8
DEST_LATIN = DEST.parent / rapid.REC_LATIN
CALIBRATION_IMAGES = 32
SEED = 20261203
WORDS = (  # noqa: SIM905 (one string reads better than 62 quoted words)
    "TOTAL SUBTOTAL CASH CHANGE GST Invoice Receipt Date Time Qty Price Amount Item Tax Table "
    "error warning File Edit View Help Settings Export Search Open Save the of and to in is for "
    "with on that this from by at be are was Street Road Avenue Kuala Lumpur Berlin 12/01/2018 "
    "09:44 RM 7.95 $12.00 1,250.00 No. Tel: Fax: www.example.com user@mail.com 81200 #A-12"
).split()


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LiberationSans-Regular.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _background(rng: random.Random, w: int, h: int) -> tuple[Image.Image, tuple[int, int, int]]:
    kind = rng.choice(("paper", "screen", "dark", "photo"))
    if kind == "paper":
        g = rng.randint(215, 255)
        return Image.new("RGB", (w, h), (g, g, rng.randint(g - 15, g))), (20, 20, 20)
    if kind == "screen":
        return Image.new("RGB", (w, h), (255, 255, 255)), (rng.randint(0, 60),) * 3  # type: ignore[return-value]
    if kind == "dark":
        return Image.new("RGB", (w, h), (30, 30, 34)), (220, 220, 220)
    # a photo-like background: a colour gradient with blobs
    img = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    tint = Image.new("RGB", (w, h), tuple(rng.randint(40, 200) for _ in range(3)))  # type: ignore[arg-type]
    img = Image.blend(img, tint, 0.6)
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x, y, r = rng.randint(0, w), rng.randint(0, h), rng.randint(20, max(21, w // 4))
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)  # type: ignore[arg-type]
    return img, (rng.choice((0, 255)),) * 3  # type: ignore[return-value]


def calibration_image(rng: random.Random) -> Image.Image:
    """One rendered page of text lines (sizes, colours and degradations drawn from ``rng``)."""
    w = rng.choice((640, 900, 1200, 1600))
    h = int(w * rng.choice((0.5, 0.75, 1.3, 2.2)))
    img, ink = _background(rng, w, h)
    draw = ImageDraw.Draw(img)
    y = rng.randint(5, 40)
    while y < h - 20:
        size = rng.choice((11, 13, 16, 20, 28, 40))
        x = rng.randint(5, w // 3)
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 9)))
        draw.text((x, y), line, fill=ink, font=_font(size))
        y += int(size * rng.uniform(1.3, 2.6))
    if rng.random() < 0.3:
        img = img.rotate(rng.uniform(-4, 4), expand=True, fillcolor=img.getpixel((0, 0)))
    if rng.random() < 0.4:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.2)))
    if rng.random() < 0.5:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=rng.randint(40, 85))
        img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return img


def detector_input(img: Image.Image) -> Any:
    """What rapidocr feeds the detector: BGR, longer side ≤ ``DET_LIMIT_SIDE``, sides a multiple
    of 32, scaled to [-1, 1], NCHW. Resized with PIL, not rapidocr's own ``DetPreProcess`` (cv2):
    calibrated through that one, the model read scene photos worse (F1 0.42 → 0.36, recall
    0.50 → 0.48) and scans a little worse; min/max calibration is that sensitive, so a change
    here needs the eval set re-run."""
    import numpy as np

    w, h = img.size
    scale = min(1.0, rapid.DET_LIMIT_SIDE / max(w, h))
    nw, nh = (max(32, round(v * scale / 32) * 32) for v in (w, h))
    arr = np.asarray(img.convert("RGB").resize((nw, nh), Image.Resampling.BILINEAR))[:, :, ::-1]
    x = (arr.astype("float32") / 255.0 - 0.5) / 0.5
    return x.transpose(2, 0, 1)[None]


def build(dest: Path = DEST, count: int = CALIBRATION_IMAGES) -> Path:
    from onnxruntime.quantization import (
        CalibrationDataReader,
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_static,
    )
    from onnxruntime.quantization.shape_inference import quant_pre_process

    source = rapid._models().path("Det")
    if not source.is_file():
        raise SystemExit(f"no float detector at {source} (is rapidocr installed?)")
    rng = random.Random(SEED)

    class Pages(CalibrationDataReader):  # type: ignore[misc]
        def __init__(self) -> None:
            self._it: Iterator[int] = iter(range(count))

        def get_next(self) -> dict[str, Any] | None:
            if next(self._it, None) is None:
                return None
            return {"x": detector_input(calibration_image(rng))}

    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pre = Path(tmp) / "det_pre.onnx"
        out = Path(tmp) / dest.name
        quant_pre_process(str(source), str(pre), skip_symbolic_shape=True)
        quantize_static(
            str(pre),
            str(out),
            Pages(),
            quant_format=QuantFormat.QDQ,
            per_channel=False,  # the model's opset has no per-axis DequantizeLinear
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
            calibrate_method=CalibrationMethod.MinMax,
        )
        out.replace(dest)
    return dest


def recogniser_characters() -> list[str]:
    """The full recogniser's classes in output order, as rapidocr decodes them (blank first)."""
    from rapidocr import RapidOCR

    models = rapid._models()
    params = {"Global.log_level": "error", "Rec.model_path": str(models.path("Rec"))}
    params |= {"Det.model_path": str(models.path("Det")), "Cls.model_path": str(models.path("Cls"))}
    return list(RapidOCR(params=params)._load_rec_model().postprocess_op.character)


def build_rec_latin(dest: Path = DEST_LATIN) -> Path:
    import numpy as np
    import onnx
    from onnx import numpy_helper

    source = rapid._models().path("Rec")
    chars = recogniser_characters()
    keep = rapid.latin_indices(chars)
    model = onnx.load(str(source))
    cut = 0
    for init in model.graph.initializer:
        if init.dims and init.dims[-1] == len(chars):  # the output layer's weight and bias
            arr = numpy_helper.to_array(init)
            init.CopyFrom(numpy_helper.from_array(np.ascontiguousarray(arr[..., keep]), init.name))
            cut += 1
    if cut != 2:
        raise SystemExit(f"model_build: expected 2 output-layer tensors in {source}, found {cut}")
    out_dims = model.graph.output[0].type.tensor_type.shape.dim
    out_dims[len(out_dims) - 1].dim_value = len(keep)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tmp")
    onnx.save(model, str(tmp))
    tmp.replace(dest)
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even if it exists")
    args = parser.parse_args(argv)
    todo = [
        (d, f)
        for d, f in ((DEST, build), (DEST_LATIN, build_rec_latin))
        if args.force or not d.is_file()
    ]
    if not todo:
        return 0
    try:
        import onnx  # noqa: F401
    except ImportError:
        print("model_build: the onnx package is missing (pip install onnx)", file=sys.stderr)
        return 1
    for _dest, make in todo:
        path = make()
        print(f"built {path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
