"""ALTO XML 4.4 exporter (https://www.loc.gov/standards/alto/), written with ElementTree.

ALTO has no paragraph level: each paragraph of the result model becomes one ``TextBlock``
(so paragraph breaks survive), its lines ``TextLine``, its words ``String`` with ``WC`` (0–1)
and ``SP`` between them. Units are pixels of the input image.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app import __version__
from app.core.model import BBox, OcrResult

if TYPE_CHECKING:
    from app.core.export import RenderContext

ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XLINK_NS = "http://www.w3.org/1999/xlink"
SCHEMA_VERSION = "4.4"
SCHEMA_LOCATION = f"{ALTO_NS} http://www.loc.gov/standards/alto/v4/alto-4-4.xsd"


def _q(tag: str) -> str:
    return f"{{{ALTO_NS}}}{tag}"


def _box(box: BBox) -> dict[str, str]:
    x0, y0, x1, y1 = box
    return {
        "HPOS": str(x0),
        "VPOS": str(y0),
        "WIDTH": str(max(0, x1 - x0)),
        "HEIGHT": str(max(0, y1 - y0)),
    }


def _lang(language: str) -> str | None:
    """The first pack as an xsd:language (``eng+deu`` → ``eng``); None when it is not one."""
    first = language.split("+")[0]
    return first if first.isascii() and first.isalpha() and len(first) <= 8 else None


def to_alto(result: OcrResult, ctx: RenderContext) -> bytes:
    ET.register_namespace("", ALTO_NS)
    ET.register_namespace("xsi", XSI_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.Element(
        _q("alto"),
        {"SCHEMAVERSION": SCHEMA_VERSION, f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION},
    )
    desc = ET.SubElement(root, _q("Description"))
    ET.SubElement(desc, _q("MeasurementUnit")).text = "pixel"
    source = ET.SubElement(desc, _q("sourceImageInformation"))
    ET.SubElement(source, _q("fileName")).text = ctx.source_name
    proc = ET.SubElement(desc, _q("Processing"), {"ID": "processing_1"})
    ET.SubElement(proc, _q("processingCategory")).text = "contentGeneration"
    ET.SubElement(proc, _q("processingDateTime")).text = (
        datetime.now(UTC).replace(microsecond=0).isoformat()
    )
    software = ET.SubElement(proc, _q("processingSoftware"))
    ET.SubElement(software, _q("softwareName")).text = "imagehq-ocr"
    ET.SubElement(
        software, _q("softwareVersion")
    ).text = f"{__version__} ({result.engine} {result.engine_version})".strip()
    layout = ET.SubElement(root, _q("Layout"))
    n_block = n_line = n_word = 0
    for n_page, page in enumerate(result.pages, 1):
        page_attrs = {
            "ID": f"page_{n_page}",
            "PHYSICAL_IMG_NR": str(n_page),
            "WIDTH": str(page.width),
            "HEIGHT": str(page.height),
            "PROCESSINGREFS": "processing_1",
        }
        lang = _lang(result.language)
        if lang:
            page_attrs["LANG"] = lang
        if result.orientation:
            page_attrs["ROTATION"] = str(result.orientation)
        page_el = ET.SubElement(layout, _q("Page"), page_attrs)
        space = ET.SubElement(
            page_el,
            _q("PrintSpace"),
            {"ID": f"space_{n_page}", **_box((0, 0, page.width, page.height))},
        )
        for block in page.blocks:
            for para in block.paragraphs:
                if not any(ln.words for ln in para.lines):
                    continue
                n_block += 1
                block_el = ET.SubElement(
                    space, _q("TextBlock"), {"ID": f"block_{n_block}", **_box(para.bbox)}
                )
                for line in para.lines:
                    if not line.words:
                        continue
                    n_line += 1
                    line_el = ET.SubElement(
                        block_el, _q("TextLine"), {"ID": f"line_{n_line}", **_box(line.bbox)}
                    )
                    for i, word in enumerate(line.words):
                        if i:
                            prev = line.words[i - 1].bbox
                            gap = (prev[2], prev[1], max(prev[2], word.bbox[0]), prev[3])
                            sp = _box(gap)
                            ET.SubElement(
                                line_el,
                                _q("SP"),
                                {"WIDTH": sp["WIDTH"], "HPOS": sp["HPOS"], "VPOS": sp["VPOS"]},
                            )
                        n_word += 1
                        ET.SubElement(
                            line_el,
                            _q("String"),
                            {
                                "ID": f"string_{n_word}",
                                **_box(word.bbox),
                                "CONTENT": word.text,
                                "WC": f"{min(1.0, max(0.0, word.confidence)):.2f}",
                            },
                        )
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
