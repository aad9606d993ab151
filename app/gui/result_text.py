"""The result view's text pane: the user's edits (kept, reverted), search hits, the word count
and confidence line, the selection shared with the image's boxes, and copying."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from app import settings as S
from app.core.job import SUCCEEDED
from app.core.textmode import TEXT_MODES, result_text, with_barcode_lines
from app.gui.overlay_view import HIT_COLOR
from app.gui.result_base import ResultPart
from app.gui.search_hits import find_hits, hit_words


class ResultTextPart(ResultPart):
    """Keeps the text pane, the stats and the image's word selection in step."""

    # -- search hits -----------------------------------------------------------------------
    def set_search(self, query: str) -> None:
        """Highlights ``query`` (the search box's) in the text pane and its words' boxes."""
        self._query = query.strip()
        self._apply_search()

    def search_hits(self) -> list[tuple[int, int]]:
        return find_hits(self.text.toPlainText(), self._query)

    def _apply_search(self) -> None:
        hits = self.search_hits()
        fmt = QTextCharFormat()
        fmt.setBackground(HIT_COLOR)
        fmt.setForeground(QColor("black"))
        marks = []
        for start, end in hits:
            mark = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            mark.cursor = cursor  # type: ignore[attr-defined]
            mark.format = fmt  # type: ignore[attr-defined]
            marks.append(mark)
        self.text.setExtraSelections(marks)
        # The boxes follow the recognised text; an edited text no longer matches them.
        hit = [] if self._edited else hit_words(self.map, hits)
        self.overlay.set_hits(self.map.on_page(hit, self.page_index))

    def ocr_text(self) -> str:
        """The recognised text of the shown job (what the pane shows unedited)."""
        if self.result is not None:
            return with_barcode_lines(self.map.text, self.result)  # as txt output ends
        return self.job.text if self.job is not None and self.job.status == SUCCEEDED else ""

    def edited_text(self) -> str | None:
        """The user's edit of the text, None when the pane shows the recognised text."""
        return self.text.toPlainText() if self._edited else None

    def text_to_copy(self) -> str:
        """What Copy puts on the clipboard: the user's edit as it is, otherwise the recognised
        text laid out as the "Copied and exported text" setting says."""
        mode = str(S.get(S.make_qsettings(), S.COPY_TEXT_MODE))
        if self._edited or self.result is None or mode not in TEXT_MODES:
            return self.text.toPlainText()
        return result_text(self.result, mode, with_barcodes=True)

    def revert_edit(self) -> None:
        """Back to the recognised text; the edit is removed from the job."""
        if self.job is None:
            return
        self.edits.revert(self.job.id, 0)
        self._syncing = True
        self.text.setPlainText(self.ocr_text())
        self._syncing = False
        self._set_edited(False)
        self.message.emit(self.tr("Reverted to the recognised text"))

    def _set_edited(self, edited: bool) -> None:
        self._edited = edited  # while edited the map no longer fits the text: box sync stops
        if edited:
            self._syncing = True
            self.overlay.select_words([])  # a selection of the old text means nothing now
            self._syncing = False
        self.revert_btn.setVisible(edited)
        self._update_stats()

    def _update_stats(self) -> None:
        text = self.text.toPlainText()
        words = len(text.split())
        parts = [
            (self.tr("1 word") if words == 1 else self.tr("%1 words").replace("%1", str(words)))
        ]
        if self.result is not None and any(p.words() for p in self.result.pages):
            parts.append(
                self.tr("mean confidence %1 %").replace("%1", f"{self.result.confidence * 100:.0f}")
            )
            low = self.overlay.low_confidence_count()
            if low:
                parts.append(self.tr("%1 below threshold").replace("%1", str(low)))
        if self._edited:
            parts.append(self.tr("edited"))
        self.stats.setText(" · ".join(parts))

    # -- interactions ----------------------------------------------------------------------
    def _on_threshold(self, value: int) -> None:
        self.overlay.set_threshold(value / 100)
        self.threshold_label.setText(f"{value} %")
        self._update_stats()

    def _on_text_changed(self) -> None:
        if self._syncing or self.job is None:
            return
        text, original = self.text.toPlainText(), self.ocr_text()
        self.edits.changed(self.job.id, 0, text, original)
        if (text != original) != self._edited:
            self._set_edited(text != original)
        elif self._edited:
            self._update_stats()
        self._apply_search()

    def _on_text_selection(self) -> None:
        if self._syncing or self._edited or not self.map.words:
            return
        cursor = self.text.textCursor()
        indices = self.map.words_in_range(cursor.selectionStart(), cursor.selectionEnd())
        if indices and self.map.page_of(indices[0]) != self.page_index:
            self.show_page(self.map.page_of(indices[0]))  # selects once the page is there
            return
        self._syncing = True
        self.overlay.select_words(self.map.on_page(indices, self.page_index))
        self._syncing = False

    def _on_box_selection(self, local: list[int]) -> None:
        if self._syncing or self._edited:
            return
        indices = self.map.of_page(local, self.page_index)
        span = self.map.range_of(indices)
        self._syncing = True
        cursor = self.text.textCursor()
        if span is None:
            cursor.clearSelection()
        else:
            cursor.setPosition(span[0])
            cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self._syncing = False
        if indices:
            QGuiApplication.clipboard().setText(self.map.text_of(indices))
            self.message.emit(
                self.tr("Copied 1 word")
                if len(indices) == 1
                else self.tr("Copied %1 words").replace("%1", str(len(indices)))
            )

    def selected_words_text(self) -> str:
        return self.map.text_of(self.map.of_page(self.overlay.selected_indices(), self.page_index))

    def copy_selected_words(self) -> None:
        text = self.selected_words_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.message.emit(self.tr("Copied the selected words"))

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text_to_copy())
        self.message.emit(self.tr("Copied all text"))
