"""The CI workflow that builds the packages can't run here; actionlint checks it instead (the
binary comes with the dev extra, see pyproject.toml; shellcheck, from packaging/system-deps.sh
--test, checks the scripts of its `run:` steps)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
WORKFLOW = ROOT / ".github" / "workflows" / "package.yml"


def test_workflows_pass_actionlint_and_shellcheck() -> None:
    tool = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which(
        "actionlint"
    )
    if tool is None:
        pytest.fail("actionlint is missing: make test installs it with the dev extra")
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.fail("shellcheck is missing: packaging/system-deps.sh --test installs it")
    assert WORKFLOWS, "no workflow files"
    run = subprocess.run(
        [tool, f"-shellcheck={shellcheck}", "-pyflakes=", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_workflow_covers_three_platforms_and_smoke_tests() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "container: debian:12" in text  # the Linux build: the oldest glibc we support
    for runner in ("windows-", "macos-"):
        assert f"os: {runner}" in text, runner
    assert text.count("packaging/smoke-test.sh") >= 2  # Linux tarball, then Windows and macOS
    smoke = (ROOT / "packaging" / "smoke-test.sh").read_text(encoding="utf-8")
    assert "--version" in smoke and 'extract --engine "$engine"' in smoke


def test_packaging_scripts_pass_shellcheck() -> None:
    """The scripts CI runs on macOS and Windows can't run here; ShellCheck reads them all."""
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.fail("shellcheck is missing: packaging/system-deps.sh --test installs it")
    scripts = [*sorted((ROOT / "packaging").rglob("*.sh")), ROOT / ".ci" / "run"]
    run = subprocess.run([shellcheck, *map(str, scripts)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
