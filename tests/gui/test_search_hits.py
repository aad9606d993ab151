"""A query in the search box is highlighted in the text pane and on the image's word boxes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.gui.search_hits import find_hits
from tests.gui.conftest import make_png, wait_jobs


def test_find_hits_is_case_insensitive_substring() -> None:
    assert find_hits("Total 5\ngrand TOTAL 9", "total") == [(0, 5), (14, 19)]
    assert find_hits("a.b a+b", "a+b") == [(4, 7)]  # not a pattern
    assert find_hits("anything", "  ") == []


def test_search_query_is_marked_in_text_and_boxes(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.add_paths([make_png(tmp_path / "bill.png", ["Invoice total due", "Paid in full"])])
    [job] = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    view = window.result_view
    qtbot.waitUntil(lambda: view.result is not None and "total" in view.text.toPlainText())
    assert view.text.extraSelections() == [] and view.overlay.hit_indices() == []
    window.search.setText("TOTAL")
    qtbot.waitUntil(lambda: len(view.text.extraSelections()) == 1, timeout=5000)
    marks = view.text.extraSelections()
    assert marks[0].cursor.selectedText() == "total"
    qtbot.waitUntil(lambda: bool(view.overlay.hit_indices()), timeout=5000)
    hits = view.overlay.hit_indices()
    assert [view.map.words[i].text for i in hits] == ["total"]
    window.search.clear()
    qtbot.waitUntil(lambda: view.text.extraSelections() == [], timeout=5000)
    assert view.overlay.hit_indices() == []
