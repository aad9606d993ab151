"""Test helper (run as a subprocess on the Xvfb display): shows an image 1:1 in a frameless,
always-on-top window at a given position, prints "shown" once it is on screen, and stays until
killed or stdin closes."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QLabel


def main() -> int:
    path, x, y = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    app = QApplication(sys.argv[:1])
    pixmap = QPixmap(path)
    label = QLabel()
    label.setWindowFlags(
        Qt.WindowType.FramelessWindowHint
        | Qt.WindowType.WindowStaysOnTopHint
        | Qt.WindowType.X11BypassWindowManagerHint
    )
    label.setPixmap(pixmap)
    label.setContentsMargins(0, 0, 0, 0)
    label.setGeometry(x, y, pixmap.width(), pixmap.height())
    label.show()

    def report() -> None:
        app.sync()
        print("shown", flush=True)

    QTimer.singleShot(0, report)
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(app.quit)  # stdin closed: the test is over
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
