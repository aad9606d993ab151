"""Runs every ``bench/bench_*.py`` script in turn.

Extra arguments (e.g. ``--quick``) go to each script whose source mentions the option; scripts
that do not know it run with their defaults.

``make bench`` calls this. Exit status: non-zero if any script failed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    failed: list[str] = []
    for script in scripts:
        source = script.read_text(encoding="utf-8")
        args = [a for a in argv if not a.startswith("-") or a.split("=")[0] in source]
        print(f"\n==> {script.name} {' '.join(args)}".rstrip(), flush=True)
        start = time.perf_counter()
        code = subprocess.run([sys.executable, str(script), *args], cwd=HERE.parent).returncode
        print(f"<== {script.name}: exit {code} in {time.perf_counter() - start:.0f} s", flush=True)
        if code:
            failed.append(script.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
