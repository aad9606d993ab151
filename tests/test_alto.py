"""ALTO XML 4 export, validated against the official ALTO 4.4 schema (tests/data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from app.core.engines import get_engine
from app.core.export import format_for_path, render
from app.core.model import Block, Line, OcrResult, Page, Paragraph, Word
from app.core.options import OcrOptions
from tests.conftest import cli, text_image

DATA = Path(__file__).with_name("data")
NS = {"a": "http://www.loc.gov/standards/alto/ns-v4#"}
XLINK_LOCATION = "http://www.loc.gov/standards/xlink/xlink.xsd"


class _Offline(etree.Resolver):
    def resolve(self, system_url, public_id, context):  # type: ignore[no-untyped-def]
        """The xlink import from a local file; local files as usual; never the network."""
        if system_url == XLINK_LOCATION:
            return self.resolve_filename(str(DATA / "xlink-simplelink.xsd"), context)
        if system_url.startswith(("http:", "https:", "ftp:")):
            raise AssertionError(f"the schema wants {system_url}: no downloads in tests")
        return None


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Offline())
    return etree.XMLSchema(etree.parse(str(DATA / "alto-4-4.xsd"), parser))


@pytest.fixture(scope="module", params=["tesseract", "rapidocr"])
def result(request: pytest.FixtureRequest) -> OcrResult:
    img = text_image(["Invoice 2024-001", "Total: 42.50 EUR", "", "Thank you & <goodbye>"], 22)
    return get_engine(request.param).recognize(img, OcrOptions(engine=request.param))


def test_alto_validates_and_holds_every_word(result: OcrResult, schema: etree.XMLSchema) -> None:
    doc = etree.fromstring(render(result, "alto", source_name="scan & co.png"))
    schema.assertValid(doc)
    assert doc.get("SCHEMAVERSION") == "4.4"
    strings = doc.findall(".//a:String", NS)
    assert [s.get("CONTENT") for s in strings] == [w.text for w in result.page.words()]
    for s, word in zip(strings, result.page.words(), strict=True):
        x0, y0, x1, y1 = word.bbox
        assert (int(s.get("HPOS")), int(s.get("VPOS"))) == (x0, y0)
        assert (int(s.get("WIDTH")), int(s.get("HEIGHT"))) == (x1 - x0, y1 - y0)
        assert 0 <= float(s.get("WC")) <= 1
    lines = doc.findall(".//a:TextLine", NS)
    assert [" ".join(s.get("CONTENT") for s in ln.findall("a:String", NS)) for ln in lines] == [
        ln.text for ln in result.page.lines()
    ]
    page = doc.find(".//a:Page", NS)
    assert (page.get("WIDTH"), page.get("HEIGHT")) == (
        str(result.page.width),
        str(result.page.height),
    )
    assert doc.findtext(".//a:sourceImageInformation/a:fileName", namespaces=NS) == "scan & co.png"
    assert doc.findtext(".//a:MeasurementUnit", namespaces=NS) == "pixel"
    assert "42.50" in [s.get("CONTENT") for s in strings]


def test_schema_catches_a_broken_document(result: OcrResult, schema: etree.XMLSchema) -> None:
    """The validation can fail: a String without CONTENT is refused."""
    doc = etree.fromstring(render(result, "alto"))
    del doc.find(".//a:String", NS).attrib["CONTENT"]
    assert not schema.validate(doc)


def test_empty_page_validates(schema: etree.XMLSchema) -> None:
    empty = OcrResult(Page(40, 30, [Block([Paragraph([Line([])])])]), "eng+deu", orientation=90)
    doc = etree.fromstring(render(empty, "alto"))
    schema.assertValid(doc)
    assert doc.find(".//a:Page", NS).get("LANG") == "eng"
    assert doc.find(".//a:Page", NS).get("ROTATION") == "90"
    assert doc.findall(".//a:TextBlock", NS) == []


def test_xml_extension_means_alto() -> None:
    assert format_for_path("scan.xml") == "alto"
    assert format_for_path("scan.alto") == "alto"


def test_cli_alto(tmp_path: Path, isolated_home: Path, schema: etree.XMLSchema) -> None:
    image = tmp_path / "hello.png"
    text_image(["Hello ALTO world"], 26).save(image)
    out = tmp_path / "hello.xml"
    run = cli("extract", str(image), "-o", str(out), home=isolated_home)
    assert run.returncode == 0, run.stderr
    doc = etree.parse(str(out))
    schema.assertValid(doc)
    assert [s.get("CONTENT") for s in doc.findall(".//a:String", NS)] == ["Hello", "ALTO", "world"]


def test_word_confidence_is_clamped(schema: etree.XMLSchema) -> None:
    page = Page(100, 20, [Block([Paragraph([Line([Word("x", (1, 1, 9, 9), 1.2)])])])])
    doc = etree.fromstring(render(OcrResult(page, "eng"), "alto"))
    schema.assertValid(doc)
    assert doc.find(".//a:String", NS).get("WC") == "1.00"
