"""Drops (files, folders, image data, raw bytes, URLs), paste, and the open path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from app.gui.ingest import expand_paths, png_bytes
from tests.conftest import text_image
from tests.gui.conftest import make_png, wait_jobs


def _drag_and_drop(target, mime: QMimeData) -> bool:
    """Sends a real drag-enter and drop to ``target``; returns whether the enter was accepted."""
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPoint(20, 20), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    framed = target.drop_feedback_widget()  # the window's content or the drop zone itself
    if not enter.isAccepted():
        assert not framed.property("dropping")
        return False
    assert framed.property("dropping") is True  # marked while it is dragged over
    drop = QDropEvent(
        QPointF(20, 20), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, drop)
    assert framed.property("dropping") is False
    return drop.isAccepted()


def _qimage(lines: list[str]) -> QImage:
    img = QImage()
    from io import BytesIO

    buf = BytesIO()
    text_image(lines, 26).save(buf, "PNG")
    img.loadFromData(buf.getvalue())
    return img


def test_empty_state_tells_what_to_do(window) -> None:
    assert window.stack.currentWidget() is window.drop_zone
    assert "ImageHQ OCR" in window.windowTitle()
    texts = " ".join(
        label.text() for label in window.drop_zone.findChildren(type(window.queue_label))
    )
    assert "Drop images here, paste with Ctrl+V, or capture a screen region" in texts


def test_drop_several_files_makes_one_job_each(qtbot, window, tmp_path: Path) -> None:
    a = make_png(tmp_path / "alpha.png", ["Invoice number 4711"])
    b = make_png(tmp_path / "beta.png", ["Shipping address"])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(a)), QUrl.fromLocalFile(str(b))])
    assert _drag_and_drop(window.drop_zone, mime)
    jobs = wait_jobs(qtbot, window, 2)
    assert sorted(j.display_name for j in jobs) == ["alpha.png", "beta.png"]
    assert all(j.source == "gui" and j.status == "succeeded" for j in jobs)
    texts = {j.display_name: j.text for j in jobs}
    assert "4711" in texts["alpha.png"]
    assert "Shipping" in texts["beta.png"]
    assert window.stack.currentWidget() is window.splitter


def test_drop_folder_recursively_takes_images_only(qtbot, window, tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    (folder / "sub" / "deeper").mkdir(parents=True)
    make_png(folder / "one.png", ["First page"])
    make_png(folder / "sub" / "deeper" / "two.png", ["Second page"])
    (folder / "notes.txt").write_text("not an image")
    files, notes = expand_paths([folder])
    assert [f.name for f in files] == ["one.png", "two.png"] and not notes
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    assert _drag_and_drop(window, mime)
    jobs = wait_jobs(qtbot, window, 2)
    assert sorted(j.display_name for j in jobs) == ["one.png", "two.png"]


def test_drop_image_data_from_a_browser(qtbot, window) -> None:
    mime = QMimeData()
    mime.setImageData(_qimage(["Dragged from a browser"]))
    mime.setUrls([QUrl("https://example.com/picture.png")])  # remote: the data is used
    assert _drag_and_drop(window.drop_zone, mime)
    (job,) = wait_jobs(qtbot, window, 1)
    assert job.display_name.startswith("dropped-") and job.display_name.endswith(".png")
    assert job.inputs[0].format == "png"
    assert "browser" in job.text


def test_drop_raw_jpeg_bytes_keeps_the_format(qtbot, window) -> None:
    from io import BytesIO

    buf = BytesIO()
    text_image(["Raw bytes"], 26).save(buf, "JPEG", quality=95)
    mime = QMimeData()
    mime.setData("image/jpeg", buf.getvalue())
    assert _drag_and_drop(window.drop_zone, mime)
    (job,) = wait_jobs(qtbot, window, 1)
    assert job.inputs[0].format == "jpeg" and job.display_name.endswith(".jpeg")


def test_remote_url_only_is_refused_with_a_message(qtbot, window) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/a.png")])
    assert not _drag_and_drop(window.drop_zone, mime)  # nothing we can read: not accepted
    assert window.handle_mime(mime) is False
    assert "local files" in window.statusBar().currentMessage()
    assert window.model.rowCount() == 0


def test_bad_file_fails_in_its_row_not_the_app(qtbot, window, tmp_path: Path) -> None:
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"this is not an image at all")
    window.add_paths([bad])
    (job,) = wait_jobs(qtbot, window, 1)
    assert job.status == "failed"
    status = window.model.index(0, 1).data()
    assert status.startswith("Failed:") and len(status) > len("Failed: ")
    window.select_job(job.id)
    banner = window.result_view.error_banner
    qtbot.waitUntil(lambda: banner.isVisibleTo(window), timeout=3000)
    assert "failed" in window.result_view.error_banner.text()


def test_paste_image_and_copied_files(qtbot, window, tmp_path: Path) -> None:
    QGuiApplication.clipboard().setImage(_qimage(["Pasted screenshot"]))
    window.paste_action.trigger()
    (job,) = wait_jobs(qtbot, window, 1)
    assert job.display_name.startswith("pasted-") and "screenshot" in job.text.lower()

    f = make_png(tmp_path / "copied.png", ["Copied file"])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    QGuiApplication.clipboard().setMimeData(mime)
    assert window.paste_from_clipboard()
    jobs = wait_jobs(qtbot, window, 2)
    assert jobs[0].display_name == "copied.png"


def test_png_bytes_round_trip() -> None:
    data = png_bytes(_qimage(["x"]))
    assert data[:8] == b"\x89PNG\r\n\x1a\n"


def test_paste_makes_a_job_unless_text_goes_to_a_text_field(qapp) -> None:
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QImage

    from app.gui.ingest import paste_makes_a_job

    image = QMimeData()
    image.setImageData(QImage(4, 4, QImage.Format.Format_RGB32))
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile("/tmp/a.png")])
    files.setText("/tmp/a.png")
    text = QMimeData()
    text.setText("invoice")
    assert paste_makes_a_job(image, focus_is_text_field=True)
    assert paste_makes_a_job(image, focus_is_text_field=False)
    assert paste_makes_a_job(files, focus_is_text_field=False)
    assert not paste_makes_a_job(files, focus_is_text_field=True)  # its path, as text
    assert not paste_makes_a_job(text, focus_is_text_field=False)
    assert not paste_makes_a_job(text, focus_is_text_field=True)
