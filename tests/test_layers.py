"""Imports point down only (ARCHITECTURE.md): core (no Qt) → jobs (QtCore) → api | capture |
gui → cli. Checked on the source, so a new upward import fails here, not in review."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"

# package → what it must never import
FORBIDDEN = {
    "core": ("app.jobs", "app.api", "app.capture", "app.gui", "app.cli", "PySide6"),
    "jobs": ("app.api", "app.capture", "app.gui", "app.cli", "PySide6.QtWidgets"),
    "api": ("app.capture", "app.gui", "app.cli"),
    "capture": ("app.api", "app.gui", "app.cli"),
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):  # function-level imports too: they are imports all the same
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
    return found


def test_imports_point_down() -> None:
    upward = []
    for package, banned in FORBIDDEN.items():
        for path in sorted((APP / package).rglob("*.py")):
            for line, module in imported_modules(path):
                if any(module == b or module.startswith(b + ".") for b in banned):
                    upward.append(f"{path.relative_to(APP.parent)}:{line} imports {module}")
    assert not upward, "\n".join(upward)
