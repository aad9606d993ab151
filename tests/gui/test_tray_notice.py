"""The first close to the tray says the app keeps running, once (remembered in settings)."""

from __future__ import annotations

from typing import Any

from app import settings as S


class _Icon:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title: str, body: str, *_: Any) -> None:
        self.messages.append((title, body))


class _Tray:
    def __init__(self) -> None:
        self.icon = _Icon()


class _Integration:
    def __init__(self) -> None:
        self.tray = _Tray()

    def close_to_tray(self) -> bool:
        return True


def test_first_close_to_tray_says_so_once(window: Any, qtbot: Any) -> None:
    integration = _Integration()
    window.integration = integration
    try:
        window.close()
        assert not window.isVisible()  # hidden, not quit
        assert len(integration.tray.icon.messages) == 1
        title, body = integration.tray.icon.messages[0]
        assert "running" in title and "tray" in body
        assert S.get(S.make_qsettings(), S.TRAY_NOTICE_SHOWN) is True  # survives a restart
        window.show()
        window.close()
        assert len(integration.tray.icon.messages) == 1  # not again
    finally:
        window.integration = None
