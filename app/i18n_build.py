"""Qt Linguist translations: compiles i18n/*.ts → app/i18n/*.qm (pyside6-lrelease), and with
``--update`` extracts the strings of the Qt sources into the .ts files (pyside6-lupdate).

``make translations`` (run by ``make run``/``make test``) compiles; the .qm files are build output
and not committed. ``make translations-update`` updates the .ts files after strings changed in the
code; then translate what it marks unfinished (pyside6-linguist, or an editor) and commit.
``problems()`` is the check tests/gui/test_i18n.py runs: every .ts complete and in sync.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "i18n"
DEST = Path(__file__).resolve().parent / "i18n"


# The layers that use Qt's tr(): their strings go into the .ts files.
QT_SOURCES = ("app/gui", "app/capture")


def _tool(name: str) -> str | None:
    exe = shutil.which(name) or str(Path(sys.executable).parent / name)
    return exe if Path(exe).exists() or shutil.which(exe) else None


def lrelease() -> str | None:
    return _tool("pyside6-lrelease")


def sources() -> list[str]:
    """The Python files of QT_SOURCES, relative to the repository (a stable order)."""
    return sorted(str(p.relative_to(ROOT)) for d in QT_SOURCES for p in (ROOT / d).rglob("*.py"))


def lupdate(ts_files: list[Path], drop_obsolete: bool = False) -> None:
    """Merges the strings of ``sources()`` into ``ts_files``: new ones come in unfinished, gone
    ones are marked vanished (or dropped with ``drop_obsolete``). No line numbers: they would
    change with every edit of the code and make merges conflict."""
    tool = _tool("pyside6-lupdate")
    if tool is None:
        raise RuntimeError("pyside6-lupdate not found (it comes with PySide6)")
    cmd = [tool, "-silent", "-locations", "none", *(["-no-obsolete"] if drop_obsolete else [])]
    cmd += [*sources(), "-ts", *map(str, ts_files)]
    subprocess.run(cmd, check=True, cwd=ROOT)


def unfinished(ts: Path) -> list[str]:
    """The messages of ``ts`` that are not translated: new, empty, or vanished from the code."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            tr = message.find("translation")
            kind = "" if tr is None else tr.get("type", "")
            numerus = [] if tr is None else tr.findall("numerusform")
            empty = tr is None or not (
                (tr.text or "").strip() or any((n.text or "").strip() for n in numerus)
            )
            if kind in ("vanished", "obsolete"):
                found.append(f"{ts.name}: {name}: {source!r} is no longer in the code")
            elif kind == "unfinished" or empty:
                found.append(f"{ts.name}: {name}: {source!r} is not translated")
    return found


def problems() -> list[str]:
    """Why the .ts files are not complete and in sync with the sources ([]: all good). Runs
    lupdate on temporary copies: whatever it adds or drops there is out of sync here."""
    found: list[str] = []
    for ts in sorted(SRC.glob("*.ts")):
        found += unfinished(ts)
    with tempfile.TemporaryDirectory() as tmp:
        copies = [Path(shutil.copy(ts, tmp)) for ts in sorted(SRC.glob("*.ts"))]
        if copies:
            lupdate(copies)
        for copy in copies:
            found += [
                f"{p} (out of sync: run `make translations-update`)"
                for p in unfinished(copy)
                if p not in found
            ]
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--update"]:
        lupdate(sorted(SRC.glob("*.ts")), drop_obsolete=True)
        for line in problems():
            print(line)
        return 0
    if args == ["--check"]:
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    sources = sorted(SRC.glob("*.ts"))
    if not sources:
        return 0
    tool = lrelease()
    if tool is None:
        print("pyside6-lrelease not found; translations not built", file=sys.stderr)
        return 0
    DEST.mkdir(exist_ok=True)
    for ts in sources:
        qm = DEST / (ts.stem + ".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
