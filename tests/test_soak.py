"""bench/soak.py for 60 seconds: API and CLI load while `serve` is killed (SIGKILL) and
restarted; nothing accepted is lost or duplicated, and everything accepted succeeds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SOAK = Path(__file__).resolve().parents[1] / "bench" / "soak.py"


def test_soak_60_seconds_with_kills() -> None:
    proc = subprocess.run(
        [sys.executable, str(SOAK), "--duration", "60", "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.stdout, proc.stderr[-3000:]
    result = json.loads(proc.stdout)
    assert result["kills"] >= 3 and result["restarts"] == result["kills"], result
    assert result["api"]["accepted"] > 0 and result["cli"]["files"] > 0, result
    assert result["lost"] == 0 and result["duplicated"] == 0, result
    assert result["succeeded"] == result["accepted"], result
    assert result["unfinished_in_store"] == 0 and result["errors"] == [], result
    assert proc.returncode == 0
