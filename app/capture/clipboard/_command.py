"""Runs a clipboard helper that forks and serves the selection after we exit."""

from __future__ import annotations

import os
import subprocess

from app.capture.errors import ClipboardError


def feed(argv: list[str], text: str, timeout: float = 5.0) -> None:
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    try:
        # stdout/stderr to /dev/null: the forked server must not hold our caller's pipes open.
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=True,
            env=env,
            start_new_session=True,
        )
        proc.communicate(text.encode("utf-8"), timeout=timeout)
    except FileNotFoundError as err:
        raise ClipboardError(f"{argv[0]} is not installed") from err
    except subprocess.TimeoutExpired as err:
        proc.kill()
        raise ClipboardError(f"{argv[0]} did not answer") from err
    if proc.returncode != 0:
        raise ClipboardError(f"{argv[0]} failed (exit {proc.returncode})")
