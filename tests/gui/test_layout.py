"""Layout: the job list collapses and stays so after a restart; View-menu pane toggles; tall
pages fit their width."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QPixmap

from app.gui.fit import fit_scale
from app.gui.overlay_view import OverlayView


def _restart(qtbot: Any, window: Any, manager: Any) -> Any:
    from app.gui.main_window import MainWindow

    window.save_geometry()
    again = MainWindow(manager)
    qtbot.addWidget(again)
    again.show()
    return again


def test_job_list_collapses_and_is_remembered(qtbot: Any, window: Any, manager: Any) -> None:
    window.stack.setCurrentWidget(window.splitter)
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] > 0)
    window.splitter.moveSplitter(0, 1)  # what dragging the handle to the top does
    assert window.splitter.sizes()[0] == 0
    assert not window.panes.jobs.isChecked()  # the View menu follows
    again = _restart(qtbot, window, manager)
    again.stack.setCurrentWidget(again.splitter)
    assert again.splitter.sizes()[0] == 0 and not again.panes.jobs.isChecked()
    again.panes.jobs.setChecked(True)  # View ▸ Job list opens it again
    assert again.splitter.sizes()[0] > 0 and again.table.isVisible()
    again.close()


def test_view_menu_hides_panes_and_never_both(qtbot: Any, window: Any, manager: Any) -> None:
    texts = [a.text().replace("&", "") for a in window.view_menu.actions()]
    assert {"Job list", "Image", "Text"} <= set(texts)
    window.stack.setCurrentWidget(window.splitter)
    image, text = window.result_view.splitter.widget(0), window.result_view.splitter.widget(1)
    window.panes.text.setChecked(False)
    assert not text.isVisible() and image.isVisible()
    window.panes.image.setChecked(False)  # the last one: the other comes back
    assert not image.isVisible() and text.isVisible() and window.panes.text.isChecked()
    again = _restart(qtbot, window, manager)
    again.stack.setCurrentWidget(again.splitter)
    assert not again.panes.image.isChecked() and again.panes.text.isChecked()
    assert not again.result_view.splitter.widget(0).isVisible()
    again.close()


def test_fit_scale_rule() -> None:
    assert fit_scale(800, 600, 800, 600) == (1.0, False)  # the view's shape: whole
    scale, width_only = fit_scale(400, 4000, 800, 500, 15)
    assert width_only and scale == min(2.0, 785 / 400)
    assert fit_scale(4000, 400, 800, 500) == (0.2, False)  # wide pages fit whole


def test_tall_receipt_fits_its_width_from_the_top(qtbot: Any) -> None:
    view = OverlayView()
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    tall = QPixmap(600, 5000)
    tall.fill(QColor("white"))
    view.set_page(tall, None)
    qtbot.waitUntil(lambda: view.zoom() > 0)
    # Fitted whole it would be 500/5020 ≈ 0.1: unreadable. Its width fills the view instead.
    assert view.zoom() > 1.0
    assert view.mapFromScene(0, 0).y() >= 0  # the top is in view
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.minimum()
