"""``imagehq-ocr watch …`` and ``imagehq-ocr search …`` as a user runs them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from app.core.index.db import IndexDB
from tests.conftest import cli, text_image
from tests.test_index import wait_for


def test_watch_and_search(tmp_path: Path, isolated_home: Path) -> None:
    folder = tmp_path / "shots"
    folder.mkdir()
    text_image(["Payment declined by bank", "Reference 55120"]).save(folder / "pay.png")
    (folder / "broken.jpg").write_bytes(b"no jpeg here")
    listed = cli("watch", "list", home=isolated_home)
    assert listed.returncode == 0 and "no watched folders" in listed.stderr
    added = cli("watch", "add", str(folder), home=isolated_home)
    assert added.returncode == 0, added.stderr
    missing = cli("watch", "add", str(tmp_path / "nope"), home=isolated_home)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    assert "is not a folder" in missing.stderr

    ran = cli("watch", "run", "--once", home=isolated_home)
    assert ran.returncode == 0, ran.stderr
    assert ran.stderr.count("broken.jpg") == 1  # the bad file, said once
    again = cli("watch", "run", "--once", home=isolated_home)
    assert "broken.jpg" not in again.stderr  # and not tried again
    assert "read 0 new image(s)" in again.stderr

    found = cli("search", "declined", home=isolated_home)
    assert found.returncode == 0, found.stderr
    path, snippet = found.stdout.rstrip("\n").split("\t")
    assert path == str((folder / "pay.png").resolve())
    assert "[declined]" in snippet
    as_json = cli("search", "55120", "--json", "--limit", "5", home=isolated_home)
    hits = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert [h["path"] for h in hits] == [path]
    assert set(hits[0]) == {"path", "score", "snippet", "boxes"}
    assert hits[0]["boxes"][0]["text"] == "55120" and len(hits[0]["boxes"][0]["bbox"]) == 4
    bad = cli("search", "x", "--limit", "0", home=isolated_home)
    assert bad.returncode == 2 and "--limit" in bad.stderr

    listed = cli("watch", "list", home=isolated_home)
    assert listed.stdout == f"{folder.resolve()}\t1 indexed, 1 not readable\n"
    removed = cli("watch", "remove", str(folder), home=isolated_home)
    assert removed.returncode == 0
    assert cli("search", "declined", home=isolated_home).stdout == ""
    twice = cli("watch", "remove", str(folder), home=isolated_home)
    assert twice.returncode == 1 and "is not watched" in twice.stderr


def test_watch_run_keeps_index_current_until_sigterm(tmp_path: Path, isolated_home: Path) -> None:
    folder = tmp_path / "shots"
    folder.mkdir()
    assert cli("watch", "add", str(folder), home=isolated_home).returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "watch", "run"],
        env={**os.environ, "IMAGEHQ_OCR_HOME": str(isolated_home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    index = IndexDB()
    try:
        text_image(["Backup finished without errors"]).save(folder / "late.png")
        assert wait_for(lambda: index.search("backup") or proc.poll() is not None)
        assert [h.path for h in index.search("backup")] == [str((folder / "late.png").resolve())]
        other = cli("watch", "run", "--once", home=isolated_home)  # one indexer at a time
        assert other.returncode == 0 and "another process" in other.stderr
    finally:
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
        index.close()
    assert proc.returncode == 0, err
    assert "the index holds 1 image(s)" in err
