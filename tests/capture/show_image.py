"""Test helper (run as a subprocess on the Xvfb display): shows an image 1:1 in a frameless,
always-on-top window at a given position, prints "shown" once it is on screen, and stays until
killed or stdin closes."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QPaintEvent, QPixmap
from PySide6.QtWidgets import QApplication, QLabel


class _Label(QLabel):
    """Says "shown" once its first paint has reached the X server."""

    reported = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.reported:
            self.reported = True
            QTimer.singleShot(0, self._report)

    def _report(self) -> None:
        QApplication.sync()
        print("shown", flush=True)


def main() -> int:
    path, x, y = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    app = QApplication(sys.argv[:1])
    pixmap = QPixmap(path)
    label = _Label()
    label.setWindowFlags(
        Qt.WindowType.FramelessWindowHint
        | Qt.WindowType.WindowStaysOnTopHint
        | Qt.WindowType.X11BypassWindowManagerHint
    )
    label.setPixmap(pixmap)
    label.setContentsMargins(0, 0, 0, 0)
    label.setGeometry(x, y, pixmap.width(), pixmap.height())
    label.show()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(app.quit)  # stdin closed: the test is over
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
