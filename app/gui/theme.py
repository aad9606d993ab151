"""Look: Fusion with a light or dark palette that follows the system (Qt 6.5+ color scheme)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.gui.check_style import ThemedStyle

STYLE = """
#dropZone { border: 2px dashed palette(mid); border-radius: 14px; margin: 18px; }
#dropZone[dropping="true"] { border-color: #3078e6; background: rgba(48, 120, 230, 28); }
#central[dropping="true"] { border: 2px dashed #3078e6; border-radius: 8px;
                            background: rgba(48, 120, 230, 18); }
#dropTitle { font-size: 17px; font-weight: 600; }
#hint { color: palette(placeholder-text); }
#resultTitle { font-size: 15px; font-weight: 600; }
#resultStatus, #stats { color: palette(placeholder-text); }
#errorBanner { background: rgba(214, 52, 52, 36); border: 1px solid rgba(214, 52, 52, 140);
               border-radius: 6px; padding: 6px 10px; }
#noTextNotice { background: rgba(219, 150, 0, 30); border: 1px solid rgba(219, 150, 0, 130);
                border-radius: 6px; }
#rerunPanel { border-radius: 6px; }
QTableView { gridline-color: transparent; }
QTableView::item { padding: 2px 6px; }
QToolBar { spacing: 4px; padding: 3px; }
QListView::item { padding: 3px 2px; }
QPlainTextEdit { font-size: 13px; }
"""


_keep: list[ThemedStyle] = []


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None and scheme() == Qt.ColorScheme.Dark:
        return True
    if scheme is not None and scheme() == Qt.ColorScheme.Light:
        return False
    return False  # unknown (no platform theme): light


def dark_palette() -> QPalette:
    pal = QPalette()
    window, base, text = QColor(37, 39, 43), QColor(28, 29, 33), QColor(228, 230, 235)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Window, window)
        pal.setColor(group, QPalette.ColorRole.WindowText, text)
        pal.setColor(group, QPalette.ColorRole.Base, base)
        pal.setColor(group, QPalette.ColorRole.AlternateBase, QColor(34, 36, 40))
        pal.setColor(group, QPalette.ColorRole.Text, text)
        pal.setColor(group, QPalette.ColorRole.Button, QColor(48, 50, 56))
        pal.setColor(group, QPalette.ColorRole.ButtonText, text)
        pal.setColor(group, QPalette.ColorRole.ToolTipBase, QColor(50, 52, 58))
        pal.setColor(group, QPalette.ColorRole.ToolTipText, text)
        pal.setColor(group, QPalette.ColorRole.Highlight, QColor(48, 120, 230))
        pal.setColor(group, QPalette.ColorRole.HighlightedText, QColor("white"))
        pal.setColor(group, QPalette.ColorRole.Link, QColor(110, 160, 255))
        pal.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(145, 150, 160))
        pal.setColor(group, QPalette.ColorRole.Mid, QColor(80, 84, 92))
        pal.setColor(group, QPalette.ColorRole.Light, QColor(70, 72, 80))
        pal.setColor(group, QPalette.ColorRole.Dark, QColor(20, 21, 24))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 124, 132))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor(33, 34, 38))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor(44, 46, 50))
    return pal


def light_palette() -> QPalette:
    pal = QApplication.style().standardPalette()
    pal.setColor(QPalette.ColorRole.Highlight, QColor(48, 120, 230))
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(110, 115, 125))
    return pal


def apply_theme(app: QApplication, theme: str = "system") -> bool:
    """Applies ``system``/``light``/``dark``; returns True when dark."""
    dark = system_is_dark() if theme == "system" else theme == "dark"
    # app.style() answers the style sheet's wrapper: the style set here is remembered instead
    # (which also keeps the Python object alive; Qt alone would not, and then crash).
    if not _keep:
        _keep.append(ThemedStyle())
        app.setStyle(_keep[0])
    _keep[0].dark = dark  # check indicators that show their tick on the dark palette
    app.setPalette(dark_palette() if dark else light_palette())
    app.setStyleSheet(STYLE)
    return dark
