"""Tables in the window: "Copy as table" and .csv / .md saves read the image in table mode, so
a table with grid lines comes out cell by cell (a normal reading of it loses most cells)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from tests.gui.conftest import make_png, wait_jobs
from tests.table_images import table_cells, table_image
from tests.test_tables import cell_accuracy


def _table_job(qtbot, window, tmp_path: Path):
    cells = table_cells()
    path = tmp_path / "sales.png"
    table_image(cells, 1.0, grid=True).save(path)  # 100 %, grid lines: the hard case
    window.add_paths([path])
    (job,) = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    qtbot.waitUntil(lambda: window.result_view.result is not None, timeout=10000)
    return cells, job


def test_copy_as_table_puts_rows_and_columns_on_the_clipboard(
    qtbot, window, tmp_path: Path
) -> None:
    cells, job = _table_job(qtbot, window, tmp_path)
    QGuiApplication.clipboard().clear()
    window.result_view.table_btn.click()

    def copied() -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        return mime is not None and "<table>" in mime.html()

    qtbot.waitUntil(copied, timeout=30000)
    mime = QGuiApplication.clipboard().mimeData()
    rows = list(csv.reader(io.StringIO(mime.text()), delimiter="\t"))
    accuracy = cell_accuracy(cells, rows)
    print(f"copy as table: {accuracy:.1%} of cells exact and in place")
    assert accuracy >= 0.95
    assert f"<th>{cells[0][0]}</th>" in mime.html()
    assert "Copied the table (9 rows × 6 columns)" in window.statusBar().currentMessage()
    assert window.result_view.job.id == job.id  # the view stays on the job


def test_saving_csv_and_markdown_writes_the_table(qtbot, window, tmp_path: Path) -> None:
    cells, _job = _table_job(qtbot, window, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    assert window.export_to(str(out / "sales.csv")) == "csv"
    qtbot.waitUntil((out / "sales.csv").exists, timeout=30000)
    rows = list(csv.reader(io.StringIO((out / "sales.csv").read_text())))
    assert cell_accuracy(cells, rows) >= 0.95
    assert window.export_to(str(out / "sales.md")) == "md"  # from the cache this time
    qtbot.waitUntil((out / "sales.md").exists, timeout=30000)
    assert (out / "sales.md").read_text().startswith("| " + " | ".join(cells[0]) + " |")


def test_no_table_says_so(qtbot, window, tmp_path: Path) -> None:
    window.add_paths([make_png(tmp_path / "prose.png", ["Just a sentence of prose here."])])
    (job,) = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    qtbot.waitUntil(lambda: window.result_view.result is not None, timeout=10000)
    window.result_view.table_btn.click()
    qtbot.waitUntil(lambda: "No table found" in window.statusBar().currentMessage(), timeout=30000)


def test_export_selected_as_csv_reads_the_tables(qtbot, window, tmp_path: Path) -> None:
    cells, job = _table_job(qtbot, window, tmp_path)
    out = tmp_path / "batch"
    out.mkdir()
    window.export_jobs([job], out, "csv")
    qtbot.waitUntil(lambda: window._batch is None, timeout=60000)
    rows = list(csv.reader(io.StringIO((out / "sales.csv").read_text())))
    assert cell_accuracy(cells, rows) >= 0.95
