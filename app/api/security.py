"""API token (env or a 0600 file in the config dir) and the loopback Host-header check."""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import os
import secrets
import stat
from pathlib import Path

from app.paths import config_dir

TOKEN_ENV = "IMAGEHQ_OCR_TOKEN"
TOKEN_FILE = "api-token"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


def token_path() -> Path:
    """Where the generated token is kept (``<config dir>/api-token``, mode 0600)."""
    return config_dir() / TOKEN_FILE


def token_source() -> str:
    """Where the token in use comes from, for people: the env variable or the file path."""
    if os.environ.get(TOKEN_ENV, "").strip():
        return f"the {TOKEN_ENV} environment variable"
    return str(token_path())


def _read_token(path: Path) -> str | None:
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            with contextlib.suppress(OSError):
                path.chmod(0o600)
        value = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return value or None


def get_token() -> str:
    """``IMAGEHQ_OCR_TOKEN`` when set; otherwise the stored token, generated on first use."""
    env = os.environ.get(TOKEN_ENV, "").strip()
    if env:
        return env
    path = token_path()
    existing = _read_token(path)
    if existing:
        return existing
    token = secrets.token_urlsafe(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process won the race (or left an empty file)
        existing = _read_token(path)
        if existing:
            return existing
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(token + "\n")
    return token


def token_matches(header: str | None, token: str) -> bool:
    """Whether an ``Authorization`` header carries ``Bearer <token>`` (constant-time compare)."""
    if not header:
        return False
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(value.strip().encode("utf-8"), token.encode("utf-8"))


def is_loopback_host(host: str) -> bool:
    """For ``--host``: 127.0.0.0/8, ::1 or localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """``127.0.0.1:8765`` → ``127.0.0.1``; ``[::1]:80`` → ``::1``; lower case."""
    value = header.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end > 0 else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_allowed(header: str | None, extra: frozenset[str] = frozenset(), *, remote: bool) -> bool:
    """The DNS-rebinding guard: the Host header must name this machine by a loopback name.

    With ``--allow-remote`` an IP literal or the bound host name is fine as well (a rebinding
    attack needs a DNS name it controls, never an IP literal)."""
    if not header:
        return False
    name = host_name(header)
    if name in LOOPBACK_NAMES or name in extra:
        return True
    return remote and is_ip_literal(name)
