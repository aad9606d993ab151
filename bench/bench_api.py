"""HTTP API under load: N requests from C concurrent clients on loopback against
``imagehq-ocr serve``, compared with ``imagehq-ocr extract`` on the same images.

    .venv/bin/python bench/bench_api.py [--requests 200] [--clients 8]

Two API runs: *cold* (N distinct images, every one really OCR'd) and *cached* (the same N
images again: served from the store's content-hash cache). Checks that every job succeeds with
the text of its own image, and that none is lost or duplicated (the job list holds exactly the
submitted ids). Latency is client-side, submit → succeeded (long-polling ``?wait=``). Server RSS
is sampled before, after the cold run and after the cached run. Everything runs under a
temporary IMAGEHQ_OCR_HOME and stops by itself (timeouts everywhere).
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psutil
import requests
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"]


def make_images(folder: Path, n: int) -> list[tuple[Path, str]]:
    """n distinct small receipts-like images; returns (path, a code only that image has)."""
    font = ImageFont.truetype(FONT, 22)
    out = []
    for i in range(n):
        code = str(100000 + i * 7919)  # digits only: no O/0 ambiguity
        lines = [f"Order {code} {WORDS[i % len(WORDS)]}", f"Total {i * 7 % 1000}.{i % 100:02d} EUR"]
        img = Image.new("RGB", (360, 90), "white")
        draw = ImageDraw.Draw(img)
        for k, line in enumerate(lines):
            draw.text((12, 12 + 34 * k), line, font=font, fill="black")
        path = folder / f"img{i:04d}.png"
        img.save(path)
        out.append((path, code))
    return out


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


class Server:
    def __init__(self, home: Path, token: str) -> None:
        env = {**os.environ, "IMAGEHQ_OCR_HOME": str(home), "IMAGEHQ_OCR_TOKEN": token}
        env["OMP_THREAD_LIMIT"] = "1"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app", "serve", "--port", "0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        match = re.search(r"http://\S+:\d+", line)
        if not match:
            self.proc.kill()
            err = self.proc.stderr.read() if self.proc.stderr else ""
            raise SystemExit(f"server did not start: {line}{err}")
        self.url = match.group(0)
        self.ps = psutil.Process(self.proc.pid)

    def rss_mb(self) -> float:
        return self.ps.memory_info().rss / 2**20

    def stop(self) -> int:
        self.proc.terminate()
        try:
            self.proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()
        return self.proc.returncode


def api_run(url: str, token: str, images: list[tuple[Path, str]], clients: int) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"}
    sessions: dict[int, requests.Session] = {}

    def one(item: tuple[Path, str]) -> tuple[str, float, str, bool, bool]:
        import threading

        session = sessions.setdefault(threading.get_ident(), requests.Session())
        path, code = item
        t0 = time.perf_counter()
        with open(path, "rb") as fh:
            resp = session.post(
                f"{url}/v1/ocr",
                headers=headers,
                files=[("files[]", (path.name, fh, "image/png"))],
                data={"request": '{"operation": "extract_text"}'},
                timeout=60,
            )
        resp.raise_for_status()
        job = resp.json()
        deadline = time.monotonic() + 300
        while job["status"] not in ("succeeded", "failed", "canceled"):
            if time.monotonic() > deadline:
                break
            job = session.get(
                url + job["poll_url"], headers=headers, params={"wait": 30}, timeout=60
            ).json()
        latency = time.perf_counter() - t0
        text = (job.get("result_json") or {}).get("text", "")
        cached = any(w.startswith("cached") for w in job.get("warnings", []))
        return job["id"], latency, job["status"], code in text.replace(" ", ""), cached

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(one, images))
    wall = time.perf_counter() - t0
    for s in sessions.values():
        s.close()
    ids = [r[0] for r in results]
    return {
        "ids": ids,
        "latencies": [r[1] for r in results],
        "ok": sum(r[2] == "succeeded" for r in results),
        "right_text": sum(r[3] for r in results),
        "cached": sum(r[4] for r in results),
        "wall": wall,
    }


def extract_run(home: Path, files: list[Path], out: Path) -> float:
    env = {**os.environ, "IMAGEHQ_OCR_HOME": str(home), "OMP_THREAD_LIMIT": "1"}
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "app", "extract", *map(str, files), "-o", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"extract failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return wall


def extract_single_latencies(home: Path, files: list[Path]) -> list[float]:
    env = {**os.environ, "IMAGEHQ_OCR_HOME": str(home), "OMP_THREAD_LIMIT": "1"}
    out = []
    for f in files:
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "app", "extract", str(f)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=120,
            check=True,
        )
        out.append(time.perf_counter() - t0)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--single", type=int, default=10, help="one-file extract runs to time")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        root = Path(tmp)
        (root / "images").mkdir()
        images = make_images(root / "images", args.requests)
        token = secrets.token_urlsafe(24)
        print(
            f"{args.requests} requests, {args.clients} clients, {os.cpu_count()} cores, "
            f"images {images[0][0].stat().st_size // 1024} KB each",
            file=sys.stderr,
            flush=True,
        )

        server = Server(root / "api-home", token)
        rss = {"start": server.rss_mb()}
        cold = api_run(server.url, token, images, args.clients)
        rss["after cold"] = server.rss_mb()
        cached = api_run(server.url, token, images, args.clients)
        rss["after cached"] = server.rss_mb()
        all_ids: list[str] = []
        page = 1
        while True:
            body = requests.get(
                f"{server.url}/v1/jobs",
                headers={"Authorization": f"Bearer {token}"},
                params={"limit": 100, "page": page},
                timeout=30,
            ).json()
            all_ids += [j["id"] for j in body["jobs"]]
            if not body["has_more"]:
                break
            page += 1
        code = server.stop()

        submitted = cold["ids"] + cached["ids"]
        lost = set(submitted) - set(all_ids)
        dup = len(submitted) - len(set(submitted))
        extra = set(all_ids) - set(submitted)

        files = [p for p, _ in images]
        ex_cold = extract_run(root / "extract-home", files, root / "out1")
        ex_cached = extract_run(root / "extract-home", files, root / "out2")
        singles = extract_single_latencies(root / "single-home", files[: args.single])

    n = args.requests
    rows = [
        ("run", "jobs", "ok", "right text", "cached", "wall s", "img/s", "p50 s", "p95 s"),
    ]
    for name, r in (("API cold (distinct)", cold), ("API cached (repeat)", cached)):
        lat = r["latencies"]
        rows.append(
            (
                name,
                str(n),
                str(r["ok"]),
                str(r["right_text"]),
                str(r["cached"]),
                f"{r['wall']:.1f}",
                f"{n / r['wall']:.1f}",
                f"{statistics.median(lat):.2f}",
                f"{pct(lat, 0.95):.2f}",
            )
        )
    rows.append(
        (
            "extract batch cold",
            str(n),
            "-",
            "-",
            "-",
            f"{ex_cold:.1f}",
            f"{n / ex_cold:.1f}",
            "-",
            "-",
        )
    )
    rows.append(
        (
            "extract batch cached",
            str(n),
            "-",
            "-",
            "-",
            f"{ex_cached:.1f}",
            f"{n / ex_cached:.1f}",
            "-",
            "-",
        )
    )
    rows.append(
        (
            f"extract 1 file x{len(singles)}",
            str(len(singles)),
            "-",
            "-",
            "-",
            f"{sum(singles):.1f}",
            f"{len(singles) / sum(singles):.1f}",
            f"{statistics.median(singles):.2f}",
            f"{pct(singles, 0.95):.2f}",
        )
    )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))
    print()
    print(
        "server RSS MB: "
        + ", ".join(f"{k} {v:.0f}" for k, v in rss.items())
        + f"; exit code after SIGTERM {code}"
    )
    print(
        f"jobs submitted {len(submitted)}, listed {len(all_ids)}, lost {len(lost)}, "
        f"duplicated {dup}, unexpected {len(extra)}"
    )
    failed = (
        cold["ok"] != n
        or cached["ok"] != n
        or lost
        or dup
        or extra
        or cold["right_text"] != n
        or cached["right_text"] != n
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
