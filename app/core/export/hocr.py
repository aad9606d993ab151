"""hOCR 1.2 exporter (https://kba.github.io/hocr-spec/1.2/), written with ElementTree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from app import __version__
from app.core.model import BBox, OcrResult

if TYPE_CHECKING:
    from app.core.export import RenderContext

XHTML_NS = "http://www.w3.org/1999/xhtml"
CAPABILITIES = "ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf"


def _bbox(box: BBox) -> str:
    return "bbox {} {} {} {}".format(*box)


def _escape_title(text: str) -> str:
    return text.replace('"', "'").replace(";", ",")


def to_hocr(result: OcrResult, ctx: RenderContext) -> bytes:
    source_name = ctx.source_name
    html = ET.Element(
        "html",
        {
            "xmlns": XHTML_NS,
            "xml:lang": result.language.split("+")[0][:2],
            "lang": result.language.split("+")[0][:2],
        },
    )
    head = ET.SubElement(html, "head")
    ET.SubElement(head, "title").text = source_name
    ET.SubElement(
        head, "meta", {"http-equiv": "Content-Type", "content": "text/html;charset=utf-8"}
    )
    ET.SubElement(
        head,
        "meta",
        {
            "name": "ocr-system",
            "content": f"imagehq-ocr {__version__} ({result.engine} {result.engine_version})",
        },
    )
    ET.SubElement(head, "meta", {"name": "ocr-capabilities", "content": CAPABILITIES})
    ET.SubElement(head, "meta", {"name": "ocr-number-of-pages", "content": str(len(result.pages))})
    ET.SubElement(head, "meta", {"name": "ocr-langs", "content": result.language.replace("+", " ")})
    body = ET.SubElement(html, "body")
    n_par = n_line = n_word = 0
    for n_page, page in enumerate(result.pages, 1):
        angle = f"; textangle {result.orientation}" if result.orientation else ""
        page_box = _bbox((0, 0, page.width, page.height))
        name = _escape_title(source_name)
        page_el = ET.SubElement(
            body,
            "div",
            {
                "class": "ocr_page",
                "id": f"page_{n_page}",
                "title": f'image "{name}"; {page_box}; ppageno {n_page - 1}{angle}',
            },
        )
        for n_block, block in enumerate(page.blocks, 1):
            block_el = ET.SubElement(
                page_el,
                "div",
                {
                    "class": "ocr_carea",
                    "id": f"block_{n_page}_{n_block}",
                    "title": _bbox(block.bbox),
                },
            )
            for para in block.paragraphs:
                n_par += 1
                par_el = ET.SubElement(
                    block_el,
                    "p",
                    {"class": "ocr_par", "id": f"par_{n_page}_{n_par}", "title": _bbox(para.bbox)},
                )
                for line in para.lines:
                    n_line += 1
                    line_el = ET.SubElement(
                        par_el,
                        "span",
                        {
                            "class": "ocr_line",
                            "id": f"line_{n_page}_{n_line}",
                            "title": _bbox(line.bbox),
                        },
                    )
                    for i, word in enumerate(line.words):
                        conf = round(word.confidence * 100)
                        n_word += 1
                        word_el = ET.SubElement(
                            line_el,
                            "span",
                            {
                                "class": "ocrx_word",
                                "id": f"word_{n_page}_{n_word}",
                                "title": f"{_bbox(word.bbox)}; x_wconf {conf}",
                            },
                        )
                        word_el.text = word.text
                        if i < len(line.words) - 1:
                            word_el.tail = " "
    ET.indent(html, space=" ")
    doctype = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n'
        '    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
    )
    body_xml = ET.tostring(html, encoding="unicode", short_empty_elements=False)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + doctype + body_xml + "\n").encode("utf-8")
