"""Subprocess for test_portal: runs the QtDBus Screenshot backend against the fake portal
(DBUS_SESSION_BUS_ADDRESS points at the private bus) and prints what it got."""

from __future__ import annotations

import json
import sys

from PySide6.QtGui import QGuiApplication


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    from app.capture.screenshot import portal

    shots = portal.capture()
    print(
        json.dumps(
            [
                {
                    "name": s.info.name,
                    "geometry": s.info.geometry.as_list(),
                    "size": [s.image.width(), s.image.height()],
                    "dpr": s.info.dpr,
                    "pixel": s.image.pixelColor(10, 10).name(),
                }
                for s in shots
            ]
        )
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
