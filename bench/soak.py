"""Soak test: mixed API and CLI load on one store while ``imagehq-ocr serve`` is killed (SIGKILL)
and restarted now and then. Reports the jobs accepted, succeeded, lost and duplicated.

    .venv/bin/python bench/soak.py                     # 60 s (the test suite runs this)
    .venv/bin/python bench/soak.py --duration 1800     # 30 minutes
    .venv/bin/python bench/soak.py --duration 60 --json

Everything runs on loopback (127.0.0.1) under a fresh temporary IMAGEHQ_OCR_HOME and stops by
itself: every loop is bounded by ``--duration`` and every wait has a timeout. Images come from a
pool (``--images``, so many answers come from the cache) or, for a ``--fresh`` share (30 %), are
rendered anew and really recognised, so that kills land while Tesseract is at work.

- **API clients** (``--clients`` threads) POST one or two images with a unique
  ``Idempotency-Key`` and ``client_reference_id`` per request, and repeat the same request (same
  key) until it is answered 202, across kills. Then they long-poll the job to a final state.
- **CLI**: ``imagehq-ocr extract`` runs one after another on a few images into a folder, on the
  same store (never killed).
- **the killer**: every ``--kill-every`` seconds (±50 %) SIGKILL to ``serve``, and a restart on
  the same port; the new server recovers the jobs the old one had accepted.

At the end the last server finishes the queue, and the store is read directly:

- *accepted*: API requests answered 202, plus files that extract runs took;
- *succeeded*: accepted ones whose job ended ``succeeded`` (for extract: and whose output file
  was written);
- *lost*: accepted ones without a job in the store, or whose job never ended;
- *duplicated*: extra jobs for one request (one client_reference_id or Idempotency-Key), a key
  answered with two job ids, or more extract jobs than files given.

Exit status 1 when anything was lost or duplicated (or the run could not be set up).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import FONT, make_images
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FINAL = ("succeeded", "failed", "canceled")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Tally:
    api_accepted: int = 0
    api_replayed: int = 0  # 202 answers that said Idempotent-Replayed (a retried request)
    api_retries: int = 0  # requests sent again because the server was gone
    api_conflicts: list[str] = field(default_factory=list)  # key answered with another id
    cli_runs: int = 0
    cli_files: int = 0
    cli_outputs: int = 0
    kills: int = 0
    restarts: int = 0


class Server:
    """``imagehq-ocr serve`` on a fixed port; killed and restarted by the soak."""

    def __init__(self, home: Path, port: int, token: str, log: Path) -> None:
        self.env = {
            **os.environ,
            "IMAGEHQ_OCR_HOME": str(home),
            "IMAGEHQ_OCR_TOKEN": token,
            "OMP_THREAD_LIMIT": "1",
        }
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = open(log, "ab")  # noqa: SIM115 (closed in stop())
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app", "serve", "--port", str(self.port)],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"serve exited with {self.proc.returncode} (see {self.log.name})")
            try:
                if requests.get(f"{self.url}/v1/health", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.05)
        raise SystemExit("serve did not start")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(30)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.log.close()


class Soak:
    def __init__(self, args: argparse.Namespace, root: Path) -> None:
        self.args = args
        self.root = root
        self.home = root / "home"
        self.token = secrets.token_urlsafe(16)
        self.server = Server(self.home, free_port(), self.token, root / "serve.log")
        (root / "images").mkdir()
        (root / "fresh").mkdir()
        self.images = [p for p, _ in make_images(root / "images", args.images)]
        self.font = ImageFont.truetype(FONT, 22)
        self.fresh_count = 0
        self.tally = Tally()
        self.lock = threading.Lock()
        self.accepted: dict[str, str] = {}  # Idempotency-Key (= client_reference_id) → job id
        self.stop_at = time.monotonic() + args.duration
        self.server_lock = threading.Lock()  # held while the killer restarts the server
        self.errors: list[str] = []

    # -- API clients ---------------------------------------------------------------------------
    def _fresh(self, label: str) -> Path:
        """A new image no one has sent before: really recognised, never from the cache."""
        with self.lock:
            self.fresh_count += 1
            n = self.fresh_count
        img = Image.new("RGB", (420, 90), "white")
        draw = ImageDraw.Draw(img)
        draw.text((12, 12), f"Fresh page {n} for {label}", font=self.font, fill="black")
        draw.text(
            (12, 46),
            f"Reference {n * 7919 % 100000:05d} total {n % 997}.50",
            font=self.font,
            fill="black",
        )
        path = self.root / "fresh" / f"fresh{n}.png"
        img.save(path)
        return path

    def _pick(self, rng: random.Random, count: int, label: str) -> list[Path]:
        files = rng.sample(self.images, count)
        return [self._fresh(label) if rng.random() < self.args.fresh else f for f in files]

    def _post(self, key: str, files: list[Path]) -> str | None:
        """The same request (same key) until it is answered 202; the job id."""
        request = json.dumps({"client_reference_id": key, "options": {"output_format": "txt"}})
        headers = {"Authorization": f"Bearer {self.token}", "Idempotency-Key": key}
        deadline = time.monotonic() + 120
        first = True
        while time.monotonic() < deadline:
            if not first:
                with self.lock:
                    self.tally.api_retries += 1
            first = False
            try:
                parts = [("files[]", (p.name, p.read_bytes(), "image/png")) for p in files]
                resp = requests.post(
                    f"{self.server.url}/v1/ocr",
                    headers=headers,
                    files=parts,
                    data={"request": request},
                    timeout=30,
                )
            except requests.RequestException:
                time.sleep(0.2)  # the server is being restarted
                continue
            if resp.status_code == 202:
                if resp.headers.get("idempotent-replayed") == "true":
                    with self.lock:
                        self.tally.api_replayed += 1
                return str(resp.json()["id"])
            if resp.status_code in (429, 503):
                time.sleep(0.5)
                continue
            self.errors.append(f"POST {key}: {resp.status_code} {resp.text[:200]}")
            return None
        self.errors.append(f"POST {key}: no 202 within 120 s")
        return None

    def _finish(self, job_id: str, deadline: float) -> str | None:
        """Long-polls until the job is final (across restarts); its status."""
        headers = {"Authorization": f"Bearer {self.token}"}
        while time.monotonic() < deadline:
            try:
                resp = requests.get(
                    f"{self.server.url}/v1/jobs/{job_id}",
                    headers=headers,
                    params={"wait": 10},
                    timeout=30,
                )
            except requests.RequestException:
                time.sleep(0.2)
                continue
            if resp.status_code != 200:
                self.errors.append(f"GET {job_id}: {resp.status_code} {resp.text[:200]}")
                return None
            status = str(resp.json()["status"])
            if status in FINAL:
                return status
        return None

    def client(self, n: int) -> None:
        rng = random.Random(n)
        i = 0
        while time.monotonic() < self.stop_at:
            key = f"soak-{n}-{i}"
            i += 1
            files = self._pick(rng, 2 if rng.random() < 0.2 else 1, key)
            job_id = self._post(key, files)
            if job_id is None:
                continue
            with self.lock:
                previous = self.accepted.setdefault(key, job_id)
                if previous != job_id:
                    self.tally.api_conflicts.append(key)
                else:
                    self.tally.api_accepted += 1
            self._finish(job_id, min(self.stop_at, time.monotonic() + 60))

    # -- CLI -------------------------------------------------------------------------------------
    def cli(self) -> None:
        rng = random.Random(99)
        run = 0
        env = {**self.server.env}
        while time.monotonic() < self.stop_at:
            files = self._pick(rng, rng.randint(1, 4), f"extract run {run}")
            out = self.root / "cli-out" / f"run{run}"
            out.mkdir(parents=True)  # -o is a folder, also for one file
            run += 1
            proc = subprocess.run(
                [sys.executable, "-m", "app", "extract", *map(str, files), "-o", str(out)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            written = len(list(out.glob("*.txt"))) if out.exists() else 0
            with self.lock:
                self.tally.cli_runs += 1
                self.tally.cli_files += len(files)
                self.tally.cli_outputs += written
            if proc.returncode != 0:
                self.errors.append(f"extract exit {proc.returncode}: {proc.stderr[-300:]}")

    # -- the killer ------------------------------------------------------------------------------
    def killer(self) -> None:
        rng = random.Random(7)
        every = self.args.kill_every
        while True:
            pause = every * rng.uniform(0.5, 1.5)
            if time.monotonic() + pause >= self.stop_at:
                return
            time.sleep(pause)
            self.server.kill()
            self.tally.kills += 1
            self.server.start()
            self.tally.restarts += 1

    # -- the run ---------------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        self.server.start()
        threads = [
            threading.Thread(target=self.client, args=(n,), daemon=True)
            for n in range(self.args.clients)
        ]
        threads.append(threading.Thread(target=self.cli, daemon=True))
        killer = threading.Thread(target=self.killer, daemon=True)
        for t in [*threads, killer]:
            t.start()
        killer.join()
        for t in threads:
            t.join(max(1.0, self.stop_at - time.monotonic() + 400))
        # the last server finishes what was accepted
        drain_deadline = time.monotonic() + 300
        for job_id in list(self.accepted.values()):
            self._finish(job_id, drain_deadline)
        self.server.stop()
        return self.report()

    def report(self) -> dict[str, Any]:
        from app.core.store import Store

        store = Store(self.home / "data")
        jobs = store.list(limit=10**7).jobs
        by_ref = Counter(j.client_reference_id for j in jobs if j.client_reference_id)
        by_id = {j.id: j for j in jobs}
        cli_jobs = [j for j in jobs if j.source == "cli"]
        t = self.tally
        api_succeeded = sum(
            1
            for job_id in self.accepted.values()
            if getattr(by_id.get(job_id), "status", "") == "succeeded"
        )
        api_lost = sum(
            1
            for job_id in self.accepted.values()
            if job_id not in by_id or by_id[job_id].status not in FINAL
        )
        api_dup = sum(n - 1 for ref, n in by_ref.items() if ref in self.accepted and n > 1)
        api_dup += len(t.api_conflicts)
        cli_succeeded = min(t.cli_outputs, sum(j.status == "succeeded" for j in cli_jobs))
        cli_unfinished = sum(j.status not in FINAL for j in cli_jobs)
        cli_dup = max(0, len(cli_jobs) - t.cli_files)
        cli_lost = max(0, t.cli_files - len(cli_jobs)) + cli_unfinished
        unfinished = sum(j.status not in FINAL for j in jobs)
        result = {
            "duration_s": self.args.duration,
            "accepted": t.api_accepted + t.cli_files,
            "succeeded": api_succeeded + cli_succeeded,
            "lost": api_lost + cli_lost,
            "duplicated": api_dup + cli_dup,
            "api": {
                "accepted": t.api_accepted,
                "succeeded": api_succeeded,
                "lost": api_lost,
                "duplicated": api_dup,
                "replayed": t.api_replayed,
                "retries": t.api_retries,
            },
            "cli": {
                "runs": t.cli_runs,
                "files": t.cli_files,
                "succeeded": cli_succeeded,
                "lost": cli_lost,
                "duplicated": cli_dup,
            },
            "kills": t.kills,
            "restarts": t.restarts,
            "jobs_in_store": len(jobs),
            "unfinished_in_store": unfinished,
            "errors": self.errors[:20],
        }
        store.close()
        return result


def print_table(r: dict[str, Any]) -> None:
    api, cli = r["api"], r["cli"]
    rows = [
        ("", "accepted", "succeeded", "lost", "duplicated"),
        ("API", api["accepted"], api["succeeded"], api["lost"], api["duplicated"]),
        ("CLI", cli["files"], cli["succeeded"], cli["lost"], cli["duplicated"]),
        ("total", r["accepted"], r["succeeded"], r["lost"], r["duplicated"]),
    ]
    print(f"soak: {r['duration_s']:.0f} s, serve killed {r['kills']} times and restarted")
    for row in rows:
        print(f"  {row[0]:<6}" + "".join(f"{v!s:>12}" for v in row[1:]))
    print(
        f"  API: {r['api']['retries']} requests sent again after a kill, "
        f"{r['api']['replayed']} answered from the Idempotency-Key; "
        f"CLI: {r['cli']['runs']} extract runs"
    )
    print(f"  jobs in the store: {r['jobs_in_store']}, unfinished: {r['unfinished_in_store']}")
    for err in r["errors"]:
        print(f"  error: {err}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60, help="seconds of load")
    parser.add_argument("--clients", type=int, default=4, help="concurrent API clients")
    parser.add_argument("--kill-every", type=float, default=10, help="seconds between kills")
    parser.add_argument("--images", type=int, default=300, help="distinct images in the pool")
    parser.add_argument(
        "--fresh",
        type=float,
        default=0.3,
        help="share of images rendered anew (really recognised; the rest may come from the cache)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="imagehq-soak-", ignore_cleanup_errors=True) as tmp:
        soak = Soak(args, Path(tmp))
        try:
            result = soak.run()
        finally:
            soak.server.kill()
        if args.json:  # before the (long) clean-up of tens of thousands of job folders
            print(json.dumps(result, indent=2), flush=True)
        else:
            print_table(result)
            sys.stdout.flush()
    return 1 if result["lost"] or result["duplicated"] else 0


if __name__ == "__main__":
    sys.exit(main())
