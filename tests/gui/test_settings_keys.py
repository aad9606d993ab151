"""Settings keys survive a reload, and files with the old "general/…" keys are migrated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app import settings as S
from app.paths import config_dir

# What earlier versions left behind: two "[%General]" sections (the second one written after a
# restart had read the first back as "General/…").
LEGACY_INI = """[%General]
close_to_tray=false
theme=light

[%General]
theme=dark

[ocr]
psm=sparse
"""

READ_BACK = (
    "from app import settings as S; s = S.make_qsettings(); "
    "print(S.get(s, S.THEME), S.get(s, S.CLOSE_TO_TRAY), S.get(s, S.OCR_PSM))"
)


def read_in_new_process() -> str:
    """QSettings caches files per process: only another process reads what is on disk."""
    out = subprocess.run(
        [sys.executable, "-c", READ_BACK], capture_output=True, text=True, timeout=60, check=True
    )
    return out.stdout.strip()


def test_keys_come_back_in_another_process(isolated_home: Path) -> None:
    s = S.make_qsettings()
    s.setValue(S.THEME, "dark")
    s.setValue(S.CLOSE_TO_TRAY, False)
    s.sync()
    assert read_in_new_process() == "dark False auto"
    assert "%General" not in (config_dir() / "settings.ini").read_text()


def test_legacy_general_keys_are_migrated(isolated_home: Path) -> None:
    ini = config_dir() / "settings.ini"
    ini.write_text(LEGACY_INI)
    assert read_in_new_process() == "dark False sparse"
    text = ini.read_text()
    assert "%General" not in text and "General" not in text, text
    assert "theme=dark" in text and "close_to_tray=false" in text
    assert read_in_new_process() == "dark False sparse"  # once moved, stays


def test_new_key_wins_over_a_leftover_old_one(isolated_home: Path) -> None:
    ini = config_dir() / "settings.ini"
    ini.write_text("[%General]\ntheme=light\n\n[window]\ntheme=dark\n")
    assert read_in_new_process() == "dark True auto"
    assert "General" not in ini.read_text()
