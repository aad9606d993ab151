"""Table exports: ``csv`` (the tables of every page) and ``md`` (Markdown: tables as tables,
the other text as paragraphs), from ``app.core.tables``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.model import OcrResult
from app.core.tables import Table, find_tables, page_markdown, tables_csv

if TYPE_CHECKING:
    from app.core.export import RenderContext


def to_csv(result: OcrResult, ctx: RenderContext) -> bytes:
    """Every table found, top to bottom, tables apart by an empty line. No table found: every
    line of text is a row of one cell, so that nothing is lost."""
    tables = [t for page in result.pages for t in find_tables(page)]
    if not tables:
        lines = [[ln.text] for page in result.pages for ln in page.lines() if ln.words]
        tables = [Table(lines, (0, 0, 0, 0))] if lines else []
    return tables_csv(tables).encode("utf-8")


def to_markdown(result: OcrResult, ctx: RenderContext) -> bytes:
    """Pages apart by a horizontal rule."""
    text = "\n\n---\n\n".join(page_markdown(page) for page in result.pages)
    return (text + "\n").encode("utf-8") if text.strip() else b""
