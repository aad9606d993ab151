"""A one-line label for hints that give way to the widgets beside them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

#: Where a hint may be cut: between its parts ("Drag to select words · wheel to zoom · …").
SEPARATOR = " · "


class ElidedLabel(QLabel):
    """A one-line label that shows as many whole parts of its text as fit, then " …" (the
    whole text is its tooltip), and nothing rather than a stub such as "Dra…"."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.full_text = text
        self.setMinimumWidth(0)
        self.setToolTip(text)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.setText(self.fitting_text(self.width()))

    def fitting_text(self, width: int) -> str:
        """The text shown in ``width`` pixels."""
        metrics = self.fontMetrics()
        if metrics.horizontalAdvance(self.full_text) <= width:
            return self.full_text
        parts = self.full_text.split(SEPARATOR)
        for n in range(len(parts) - 1, 0, -1):
            shown = SEPARATOR.join(parts[:n]) + " …"
            if metrics.horizontalAdvance(shown) <= width:
                return shown
        return ""
