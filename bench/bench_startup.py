"""Start-up time: the window and the CLI.

Window: runs ``run_gui`` N times in fresh processes (offscreen, or Xvfb when DISPLAY is set),
each with its own IMAGEHQ_OCR_HOME, once with an empty store and once with a stored history
(10,000 jobs by default). The process reports (IMAGEHQ_OCR_BENCH_STARTUP=1) when the window was
first painted and when it was usable — painted, the history's first page listed and the event
loop free again — then quits; the start is taken just before the process is started. With
``--before DIR`` the runs alternate with the window of another checkout (which reports only
``shown_at``, after its history: counted as usable).

CLI (``--cli``): ``imagehq-ocr extract`` on a 300×100 image against the bare ``tesseract IMAGE
stdout`` on the same image, N rounds, a new image every run (no cache hit), one store, the runs
of a round interleaved; beside them the floors of any Python program that reads the image with
libtesseract: ``python -c pass`` and a script that only imports tesserocr, loads English and
reads the image; and the same extract while the window is open (offscreen, its own home),
which hands the image to the window. ``--before DIR`` adds the extract of another checkout.
Then ``python -X importtime`` of one extract run (no window): the slowest imports and whether
the heavy modules load at all.

    python bench/bench_startup.py [--runs 5] [--history 10000] [--platform offscreen|xcb]
                                  [--before DIR]
    python bench/bench_startup.py --cli [--runs 10] [--engine auto|tesseract] [--before DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = "import sys; from app.gui.main import run_gui; sys.exit(run_gui(['imagehq-ocr']))"
#: What the ``imagehq-ocr`` console script runs, for any checkout (PYTHONPATH = its tree).
CONSOLE = "import sys; from app.cli import main; sys.argv[0] = 'imagehq-ocr'; sys.exit(main())"
#: The least a Python program that reads the image with libtesseract does.
FLOOR = (
    "import sys, tesserocr; from PIL import Image; img = Image.open(sys.argv[1]); "
    "api = tesserocr.PyTessBaseAPI(path=sys.argv[2], lang='eng'); api.SetImage(img); "
    "print(api.GetUTF8Text())"
)


def child_env(home: Path, tree: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(IMAGEHQ_OCR_HOME=str(home), OMP_THREAD_LIMIT="1", PYTHONPATH=str(tree))
    return env


def fill_history(home: Path, n: int) -> None:
    """``n`` finished jobs in the store (records only: start-up reads records, not files)."""
    code = (
        "import sys\n"
        "from dataclasses import replace\n"
        "from app.core.job import Job, new_job_id, utcnow\n"
        "from app.core.store import Store\n"
        "s = Store(); now = utcnow()\n"
        "base = Job(id='x', source='cli', status='succeeded', ttl_hours=720, confidence=0.9)\n"
        f"for i in range({n}):\n"
        "    s.create(replace(base, id=new_job_id(), created_at=now, updated_at=now,"
        " text=f'stored text {i}'), [])\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=child_env(home, ROOT), check=True)


def one_run(home: Path, platform: str, tree: Path) -> tuple[float | None, float]:
    """(first paint, usable) seconds after the process was started."""
    env = child_env(home, tree)
    env["IMAGEHQ_OCR_BENCH_STARTUP"] = "1"
    if platform:
        env["QT_QPA_PLATFORM"] = platform
    started = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=tree,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        timeout=60,
    )
    marks = dict(
        line.split("=", 1)
        for line in proc.stdout.splitlines()
        if line.endswith(tuple("0123456789"))
    )
    usable = marks.get("usable_at") or marks.get("shown_at")
    if usable is None:
        raise RuntimeError(f"the window did not report its start (exit {proc.returncode})")
    painted = marks.get("painted_at")
    return (float(painted) - started if painted else None), float(usable) - started


HEAVY = ("PySide6.QtCore", "PySide6.QtWidgets", "fastapi", "pydantic", "onnxruntime", "numpy")


def cli_image(path: Path, n: int) -> None:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (300, 100), "white")
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 24)
    ImageDraw.Draw(img).text((16, 34), f"Invoice {2000 + n} due", font=font, fill="black")
    img.save(path)


def timed(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def open_window(env: dict[str, str]) -> subprocess.Popen[bytes]:
    """The window, offscreen, with ``env``'s home; returns once it answers on its socket."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "app"],
        cwd=ROOT,
        env=dict(env, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    saved = os.environ.get("IMAGEHQ_OCR_HOME")
    os.environ["IMAGEHQ_OCR_HOME"] = env["IMAGEHQ_OCR_HOME"]
    try:
        from app.instance import Connection

        deadline = time.monotonic() + 30
        while (conn := Connection.open()) is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the window did not start")
            time.sleep(0.05)
        conn.close()
    finally:
        if saved is None:
            os.environ.pop("IMAGEHQ_OCR_HOME", None)
        else:
            os.environ["IMAGEHQ_OCR_HOME"] = saved
    time.sleep(2)  # its warm-up (Tesseract's language data) is done by the first request
    return proc


def cli_startup(runs: int, engine: str, before: Path | None) -> None:
    from app.core.engines import get_engine

    tess = get_engine("tesseract")
    tess.is_installed()
    tessdata = f"{tess._tessdata}/"  # type: ignore[attr-defined]
    tesseract = shutil.which("tesseract") or "tesseract"
    script = Path(sys.executable).parent / "imagehq-ocr"
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(Path(tmp) / "home", ROOT)
        wenv = child_env(Path(tmp) / "home-window", ROOT)
        extract = [str(script), "extract", "--engine", engine, "{img}"]
        commands: dict[str, tuple[list[str], Path, dict[str, str]]] = {
            "tesseract IMAGE stdout": ([tesseract, "{img}", "stdout"], ROOT, env),
            "python -c pass": ([py, "-c", "pass"], ROOT, env),
            "python: tesserocr, eng, read": ([py, "-c", FLOOR, "{img}", tessdata], ROOT, env),
            "imagehq-ocr extract IMAGE": (extract, ROOT, env),
            "  the same, window open": (extract, ROOT, wenv),
        }
        if before is not None:
            commands["before: imagehq-ocr extract"] = (
                [py, "-c", CONSOLE, "extract", "--engine", engine, "{img}"],
                before,
                child_env(Path(tmp) / "home-before", before),
            )
        images = []
        for n in range((runs + 1) * len(commands) + 1):
            images.append(Path(tmp) / f"img{n}.png")
            cli_image(images[-1], n)
        spare = iter(images)
        times: dict[str, list[float]] = {name: [] for name in commands}
        window = open_window(wenv)
        try:
            for round_ in range(runs + 1):  # round 0: first starts, bytecode caches
                for name, (cmd, cwd, cenv) in commands.items():
                    img = str(next(spare))
                    took = timed([c.replace("{img}", img) for c in cmd], cenv, cwd)
                    if round_:
                        times[name].append(took)
        finally:
            window.terminate()
            window.wait(30)
        importtime = [py, "-X", "importtime", "-c", CONSOLE, "extract", "--engine", engine]
        imports = subprocess.run(
            [*importtime, str(next(spare))],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stderr
    print_cli(times, imports, runs, engine)


def print_cli(times: dict[str, list[float]], imports: str, runs: int, engine: str) -> None:
    bare = statistics.median(times["tesseract IMAGE stdout"])
    load = os.getloadavg()
    print(
        f"\nCLI start-up, 300×100 image ({runs} rounds, --engine {engine}, load average "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f})\n"
    )
    print(f"| {'command':34} | {'median':>8} | {'min':>8} | vs tesseract |")
    print(f"|{'-' * 36}|{'-' * 10}|{'-' * 10}|{'-' * 14}|")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"| {name:34} | {med:>6.3f} s | {min(values):>6.3f} s | {med / bare:>11.2f}× |")
    print("\n(target: imagehq-ocr extract ≤ 1.15× tesseract)")
    rows = []
    loaded = set()
    for line in imports.splitlines():
        parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[1].isdigit():
            rows.append((int(parts[1]), parts[2]))
            loaded.add(parts[2])
    total = sum(
        int(p.split("|")[0].removeprefix("import time:"))
        for p in imports.splitlines()
        if p.startswith("import time:") and p.split("|")[0].split(":")[1].strip().isdigit()
    )
    print(f"\nimports of one extract run: {total / 1000:.0f} ms in all (python -X importtime)")
    for cumulative, name in sorted((r for r in rows if not r[1].startswith(" ")), reverse=True)[:8]:
        print(f"  {cumulative / 1000:6.1f} ms  {name}")
    print(
        "heavy modules loaded: " + ", ".join(f"{m} {'yes' if m in loaded else 'no'}" for m in HEAVY)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--history", type=int, default=10000)
    default_platform = "" if os.environ.get("DISPLAY") else "offscreen"
    parser.add_argument("--platform", default=default_platform)
    parser.add_argument("--cli", action="store_true", help="CLI start-up instead of the window")
    parser.add_argument("--engine", default="auto", help="--cli: the extract --engine")
    parser.add_argument("--before", type=Path, help="another checkout to compare (its app/)")
    args = parser.parse_args()
    before = args.before.resolve() if args.before else None
    if args.cli:
        cli_startup(args.runs, args.engine, before)
        return 0
    trees = {"this tree": ROOT} | ({"before": before} if before else {})
    results: dict[tuple[str, str], list[tuple[float | None, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        cases = [("empty store", 0)] + (
            [(f"{args.history} stored jobs", args.history)] * bool(args.history)
        )
        for label, n in cases:
            homes = {}
            for tree_label in trees:
                home = Path(tmp) / f"{n}-{len(tree_label)}"
                home.mkdir()
                if n:
                    t0 = time.perf_counter()
                    fill_history(home, n)
                    print(f"(filled {n} jobs in {time.perf_counter() - t0:.1f} s)", file=sys.stderr)
                homes[tree_label] = home
            for tree_label, tree in trees.items():  # warm the OS file cache once
                one_run(homes[tree_label], args.platform, tree)
            for _ in range(args.runs):
                for tree_label, tree in trees.items():
                    results.setdefault((label, tree_label), []).append(
                        one_run(homes[tree_label], args.platform, tree)
                    )
    platform = args.platform or os.environ.get("QT_QPA_PLATFORM") or "xcb"
    load = os.getloadavg()
    print(
        f"\nWindow start-up ({args.runs} runs, platform {platform}, {os.cpu_count()} cores, "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; medians)\n"
    )
    print(
        f"| {'case':20} | {'tree':10} | {'first paint':>11} | {'usable':>8} | {'max usable':>10} |"
    )
    print(f"|{'-' * 22}|{'-' * 12}|{'-' * 13}|{'-' * 10}|{'-' * 12}|")
    for (label, tree_label), rows in results.items():
        painted = [p for p, _ in rows if p is not None]
        usable = [u for _, u in rows]
        paint = f"{statistics.median(painted):.2f} s" if painted else "-"
        print(
            f"| {label:20} | {tree_label:10} | {paint:>11} | {statistics.median(usable):>6.2f} s "
            f"| {max(usable):>8.2f} s |"
        )
    print("\n(target: usable ≤ 0.5 s with 10,000 stored jobs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
