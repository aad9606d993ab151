"""Plain text, JSON and TSV exporters."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

from app.core.model import TSV_COLUMNS, OcrResult
from app.core.textmode import result_text

if TYPE_CHECKING:
    from app.core.export import RenderContext


def to_txt(result: OcrResult, ctx: RenderContext) -> bytes:
    text = result_text(result, ctx.text_mode, with_barcodes=True)
    return (text + "\n").encode("utf-8") if text else b""


def to_json(result: OcrResult, ctx: RenderContext) -> bytes:
    return json.dumps(result.to_dict(layout=ctx.layout), ensure_ascii=False, indent=2).encode(
        "utf-8"
    )


def edited_txt(text: str) -> bytes:
    """The user's edit of the text as a .txt (one final newline, as ``to_txt``)."""
    text = text.rstrip("\n")
    return (text + "\n").encode("utf-8") if text else b""


def edited_json(result: OcrResult, text: str, layout: bool = True) -> bytes:
    """The result with the user's text as ``text``, the recognised one as ``ocr_text``."""
    data = result.to_dict(layout=layout)
    data["ocr_text"] = data["text"]
    data["text"] = text
    data["edited"] = True
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def to_tsv(result: OcrResult, ctx: RenderContext) -> bytes:
    """Tesseract's TSV columns and levels (1 page … 5 word); ``conf`` is 0–1 like everywhere
    else in the app (Tesseract writes 0–100), and -1 on non-word rows as Tesseract does."""
    buf = io.StringIO()
    writer = csv.writer(
        buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
    )
    writer.writerow(TSV_COLUMNS)
    for page_num, page in enumerate(result.pages, 1):

        def row(
            level: int,
            ids: tuple[int, int, int, int],
            box: tuple[int, int, int, int],
            conf: float,
            text: str = "",
            page_num: int = page_num,
        ) -> None:
            x0, y0, x1, y1 = box
            writer.writerow((level, page_num, *ids, x0, y0, x1 - x0, y1 - y0, conf, text))

        row(1, (0, 0, 0, 0), (0, 0, page.width, page.height), -1)
        for b, block in enumerate(page.blocks, 1):
            row(2, (b, 0, 0, 0), block.bbox, -1)
            for p, para in enumerate(block.paragraphs, 1):
                row(3, (b, p, 0, 0), para.bbox, -1)
                for ln, line in enumerate(para.lines, 1):
                    row(4, (b, p, ln, 0), line.bbox, -1)
                    for w, word in enumerate(line.words, 1):
                        text = word.text.replace("\t", " ")
                        row(5, (b, p, ln, w), word.bbox, word.confidence, text)
    return buf.getvalue().encode("utf-8")
