"""The README's Python example is tests/api/example_client.py verbatim (run by test_serve)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = Path(__file__).with_name("example_client.py")


def test_readme_example_is_the_tested_script() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```python\n{EXAMPLE.read_text(encoding='utf-8')}```" in readme
