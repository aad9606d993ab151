"""The capture overlay: one frameless full-screen window per screen showing the frozen
screenshot, a crosshair and a rubber band. Esc or a right click cancels; a click without a drag
does nothing. Selections are in logical desktop coordinates and may span screens."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QScreen,
)
from PySide6.QtWidgets import QWidget

from app.capture.backends import is_x11
from app.capture.geometry import Rect, band, is_click
from app.capture.screenshot import ScreenImage, Snapshot
from app.core.textmode import TEXT_MODES

OVERLAY_TITLE = "ImageHQ OCR capture"
DIM = QColor(0, 0, 0, 110)
BAND = QColor(64, 160, 255)
HINT_BG = QColor(0, 0, 0, 170)
HINT_PAD = 12
HINT_TOP = 24
GRAB_RETRIES = 50  # × 20 ms: the window may not be mapped yet when we first try


class _ScreenOverlay(QWidget):
    def __init__(self, owner: CaptureOverlay, shot: ScreenImage, screen: QScreen | None) -> None:
        flags = (
            Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.Tool
        )
        if is_x11():
            flags |= Qt.WindowType.X11BypassWindowManagerHint
        super().__init__(None, flags)
        self.setObjectName("captureOverlay")
        self.setWindowTitle(OVERLAY_TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.owner = owner
        self.info = shot.info
        self.pixmap = QPixmap.fromImage(shot.image)
        g = shot.info.geometry
        self.origin = QPointF(g.x, g.y)
        if screen is not None:
            self.setScreen(screen)
        self.setGeometry(QRect(g.x, g.y, g.w, g.h))
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.cursor_pos: QPointF | None = None

    @property
    def hint(self) -> str:
        """What to do, and how this capture's text will be laid out (Tab switches it)."""
        mode = self.tr("Tab: %s") % self.owner.text_mode_label()
        return self.tr("Drag to select · Esc to cancel") + " · " + mode

    def hint_rect(self) -> QRect:
        """Where the one-line hint sits: centred near the top of the screen."""
        fm = self.fontMetrics()
        w = fm.horizontalAdvance(self.hint) + 2 * HINT_PAD
        h = fm.height() + HINT_PAD
        return QRect((self.width() - w) // 2, HINT_TOP, w, h)

    # -- events ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            self.owner.cancel()
        elif event.button() == Qt.MouseButton.LeftButton:
            self.owner.press(event.globalPosition())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.owner.move(event.globalPosition())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.owner.release(event.globalPosition())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.owner.cancel()
        elif event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.owner.next_text_mode()
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.drawPixmap(self.rect(), self.pixmap, self.pixmap.rect())
        band_rect = self.owner.band_rect()
        local = None
        if band_rect is not None:
            local = QRect(
                band_rect.x - int(self.origin.x()),
                band_rect.y - int(self.origin.y()),
                band_rect.w,
                band_rect.h,
            ).intersected(self.rect())
        # Dim everything but the selection.
        if local is None or local.isEmpty():
            p.fillRect(self.rect(), DIM)
        else:
            r = self.rect()
            p.fillRect(QRect(r.left(), r.top(), r.width(), local.top() - r.top()), DIM)
            p.fillRect(
                QRect(r.left(), local.bottom() + 1, r.width(), r.bottom() - local.bottom()), DIM
            )
            p.fillRect(QRect(r.left(), local.top(), local.left() - r.left(), local.height()), DIM)
            p.fillRect(
                QRect(local.right() + 1, local.top(), r.right() - local.right(), local.height()),
                DIM,
            )
            p.setPen(QPen(BAND, 1))
            p.drawRect(local.adjusted(0, 0, -1, -1))
            if band_rect is not None:
                label = f"{band_rect.w} × {band_rect.h}"
                p.setPen(QColor("white"))
                p.drawText(local.left() + 4, max(14, local.top() - 6), label)
        if self.owner.pressed_at is None:  # the hint, until a drag starts
            hint = self.hint_rect()
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(HINT_BG)
            p.drawRoundedRect(hint, 6, 6)
            p.setPen(QColor("white"))
            p.drawText(hint, Qt.AlignmentFlag.AlignCenter, self.hint)
        cur = self.owner.cursor_global
        if cur is not None:
            x, y = int(cur.x() - self.origin.x()), int(cur.y() - self.origin.y())
            if self.rect().contains(x, y):
                p.setPen(QPen(QColor(255, 255, 255, 160), 1, Qt.PenStyle.DashLine))
                p.drawLine(0, y, self.width(), y)
                p.drawLine(x, 0, x, self.height())
        p.end()


class CaptureOverlay(QObject):
    """Shows the frozen snapshot on every screen and reports the selected region."""

    selected = Signal(object)  # geometry.Rect, logical desktop coordinates
    canceled = Signal()

    def __init__(
        self, snapshot: Snapshot, parent: QObject | None = None, text_mode: str = "paragraphs"
    ) -> None:
        super().__init__(parent)
        self.snapshot = snapshot
        #: how this capture's text goes on the clipboard; Tab switches it (the "Captured
        #: text" setting is where it starts)
        self.text_mode = text_mode if text_mode in TEXT_MODES else TEXT_MODES[0]
        self.windows: list[_ScreenOverlay] = []
        self.pressed_at: QPointF | None = None
        self.cursor_global: QPointF | None = None
        self._done = False
        self._grab_tries = 0

    def text_mode_label(self) -> str:
        labels = {
            "lines": self.tr("keep the lines"),
            "paragraphs": self.tr("join lines into paragraphs"),
            "single_line": self.tr("all on one line"),
        }
        return labels.get(self.text_mode, self.text_mode)

    def next_text_mode(self) -> None:
        self.text_mode = TEXT_MODES[(TEXT_MODES.index(self.text_mode) + 1) % len(TEXT_MODES)]
        for w in self.windows:
            w.update()

    # -- lifecycle -------------------------------------------------------------------------
    def show(self) -> None:
        screens = {s.name(): s for s in QGuiApplication.screens()}
        for shot in self.snapshot.screens:
            w = _ScreenOverlay(self, shot, screens.get(shot.info.name))
            self.windows.append(w)
            w.show()
            w.raise_()
        self._grab_keyboard()

    def _target(self) -> _ScreenOverlay | None:
        from PySide6.QtGui import QCursor

        pos = QCursor.pos()
        for w in self.windows:
            if w.geometry().contains(pos):
                return w
        return self.windows[0] if self.windows else None

    def _grab_keyboard(self) -> None:
        if self._done:
            return
        w = self._target()
        if w is None:
            return
        w.activateWindow()
        w.setFocus()
        handle = w.windowHandle()
        ok = handle is not None and handle.setKeyboardGrabEnabled(True)
        if not ok and self._grab_tries < GRAB_RETRIES:
            self._grab_tries += 1
            QTimer.singleShot(20, self._grab_keyboard)

    def close(self) -> None:
        self._done = True
        for w in self.windows:
            handle = w.windowHandle()
            if handle is not None:
                handle.setKeyboardGrabEnabled(False)
            w.close()
        self.windows.clear()

    # -- selection (called by the screen windows) -------------------------------------------
    def band_rect(self) -> Rect | None:
        if self.pressed_at is None or self.cursor_global is None:
            return None
        a, b = self.pressed_at, self.cursor_global
        return band(a.x(), a.y(), b.x(), b.y())

    def press(self, pos: QPointF) -> None:
        self.pressed_at = QPointF(pos)
        self.cursor_global = QPointF(pos)
        self._repaint()

    def move(self, pos: QPointF) -> None:
        self.cursor_global = QPointF(pos)
        self._repaint()

    def release(self, pos: QPointF) -> None:
        if self.pressed_at is None:
            return
        self.cursor_global = QPointF(pos)
        rect = self.band_rect()
        self.pressed_at = None
        if rect is None or is_click(rect):
            self._repaint()  # a click: keep the overlay open, nothing happens
            return
        self.close()
        self.selected.emit(rect)

    def cancel(self) -> None:
        if self._done:
            return
        self.close()
        self.canceled.emit()

    def _repaint(self) -> None:
        for w in self.windows:
            w.update()
