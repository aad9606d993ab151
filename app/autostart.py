"""Start with the desktop session, in the tray (Settings → "Start ImageHQ OCR in the tray when I
log in"): the capture hotkey works from the start, and ``extract`` is read by the warm window.

Where each system looks for it:

* Linux and other freedesktop desktops: an XDG autostart entry,
  ``$XDG_CONFIG_HOME/autostart/imagehq-ocr.desktop`` (GNOME, KDE, Xfce, … read it at log-in);
* macOS: a LaunchAgent, ``~/Library/LaunchAgents/io.imagehq.ocr.plist`` (``RunAtLoad``);
* Windows: a value in ``HKEY_CURRENT_USER\\…\\CurrentVersion\\Run`` (what the installer's
  "Start ImageHQ OCR in the tray when I sign in" task writes as a Startup shortcut).

Each starts this app with ``--background``: the window stays hidden when the desktop has a tray
(and shows when it has none, so the app is never running out of reach). The entry is the truth:
nothing is kept in the settings besides it. No Qt here.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import sys
from pathlib import Path

from app import APP_ID, APP_NAME

#: The command-line flag that starts the app hidden in the tray.
BACKGROUND_FLAG = "--background"
#: The macOS bundle id (packaging/imagehq-ocr.spec) and LaunchAgent label.
BUNDLE_ID = "io.imagehq.ocr"
_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def launch_command() -> list[str]:
    """How this installation is started: the frozen executable, the ``imagehq-ocr`` script
    this process runs from, or this Python with ``-m app``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name.startswith(APP_ID) and script.is_file():
        return [str(script.resolve())]
    beside = Path(sys.executable).parent / APP_ID  # the console script of this environment
    if beside.is_file():
        return [str(beside)]
    return [sys.executable, "-m", "app"]


def _xdg_entry() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / f"{APP_ID}.desktop"


def _mac_agent() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{BUNDLE_ID}.plist"


def _exec_arg(arg: str) -> str:
    """One argument of a desktop entry's ``Exec`` key (quoted as its specification says)."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`="):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped.replace("%", "%%")}"'


def desktop_entry(command: list[str]) -> str:
    """The XDG autostart entry that runs ``command --background``."""
    exec_line = " ".join(_exec_arg(a) for a in [*command, BACKGROUND_FLAG])
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Capture hotkey and text recognition, in the tray\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def launch_agent(command: list[str]) -> bytes:
    """The macOS LaunchAgent that runs ``command --background`` at log-in."""
    return plistlib.dumps(
        {
            "Label": BUNDLE_ID,
            "ProgramArguments": [*command, BACKGROUND_FLAG],
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    )


def is_enabled() -> bool:
    """Whether the app starts with the desktop session."""
    if sys.platform == "win32":
        return _windows_value() is not None
    return (_mac_agent() if sys.platform == "darwin" else _xdg_entry()).is_file()


def set_enabled(enabled: bool, command: list[str] | None = None) -> None:
    """Adds or removes the start-up entry (``command``: ``launch_command()``). Raises
    OSError when it cannot be written or removed."""
    command = command or launch_command()
    if sys.platform == "win32":
        _set_windows_value(
            " ".join(f'"{a}"' for a in [*command, BACKGROUND_FLAG]) if enabled else None
        )
        return
    if sys.platform == "darwin":
        path, data = _mac_agent(), launch_agent(command)
    else:
        path, data = _xdg_entry(), desktop_entry(command).encode()
    if not enabled:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def _windows_value() -> str | None:  # pragma: no cover - Windows only
    import winreg  # type: ignore[import-not-found, unused-ignore]

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:  # type: ignore[attr-defined, unused-ignore]
            value, _kind = winreg.QueryValueEx(key, APP_NAME)  # type: ignore[attr-defined, unused-ignore]
            return str(value)
    except OSError:
        return None


def _set_windows_value(value: str | None) -> None:  # pragma: no cover - Windows only
    import winreg  # type: ignore[import-not-found, unused-ignore]

    access = winreg.KEY_SET_VALUE  # type: ignore[attr-defined, unused-ignore]
    with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, _RUN_KEY, 0, access) as key:  # type: ignore[attr-defined, unused-ignore]
        if value is None:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, APP_NAME)  # type: ignore[attr-defined, unused-ignore]
        else:
            winreg.SetValueEx(key, APP_NAME, 0, winreg.REG_SZ, value)  # type: ignore[attr-defined, unused-ignore]
