"""``extract --ray``: the pipeline on a real local Ray (2 CPUs), against a local ``extract``.

One Ray serves the whole module (starting one takes seconds); the first ``--ray`` run and the
local run are module fixtures that the tests read.
"""

from __future__ import annotations

import contextlib
import io
import logging
import shutil
import socket
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.cli import build_parser, main
from app.cluster.inputs import resolve
from app.cluster.run import LOCAL, split_address
from tests.conftest import cli, require, text_image

GOOD = 19
BROKEN = "broken.png"


def _have_ray() -> bool:
    try:
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass
class Run:
    code: int
    stderr: str
    out: Path


def _ray_extract(*args: str) -> Run:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["extract", *args, "--ray"])
    out = Path(args[args.index("-o") + 1])
    return Run(code, err.getvalue(), out)


def _rows(out: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return pq.read_table(out / "results.parquet").to_pylist()


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ray-images")
    for i in range(GOOD):
        lines = [f"Archive box {i + 3} shelf {7 * i + 12}", f"Invoice {1000 + 37 * i} paid"]
        text_image(lines, size=20).save(folder / f"scan{i:02d}.png")
    (folder / BROKEN).write_bytes(b"\x89PNG\r\n\x1a\n" + b"not really a png" * 8)
    return folder


@pytest.fixture(scope="module")
def ray_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    require(_have_ray(), "Ray is not installed (pip install -e '.[dev]' installs it)")
    import ray

    home = tmp_path_factory.mktemp("ray-home")
    temp = tempfile.mkdtemp(prefix="ray_", dir="/tmp")  # Ray's socket paths must stay short
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.ERROR,
        _temp_dir=temp,
        runtime_env={"env_vars": {"OMP_THREAD_LIMIT": "1", "IMAGEHQ_OCR_HOME": str(home)}},
    )
    try:
        yield
    finally:
        ray.shutdown()
        shutil.rmtree(temp, ignore_errors=True)


@pytest.fixture(scope="module")
def first_run(
    ray_session: None, images: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Run, list[dict[str, Any]]]:
    run = _ray_extract(str(images), "-o", str(tmp_path_factory.mktemp("ray-out")))
    return run, _rows(run.out)


@pytest.fixture(scope="module")
def local_run(images: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local-out")
    done = cli("extract", str(images), "-o", str(out), "-j", "2", home=out.parent / "home")
    assert done.returncode == 1, done.stderr  # the broken image fails, the others succeed
    return out


def test_outputs_are_identical_to_a_local_extract(
    first_run: tuple[Run, list[dict[str, Any]]], local_run: Path
) -> None:
    run, _ = first_run
    ray_files = sorted(p.name for p in run.out.iterdir() if p.is_file())
    local_files = sorted(p.name for p in local_run.iterdir())
    assert ray_files == local_files
    assert len(ray_files) == GOOD
    for name in ray_files:
        assert (run.out / name).read_bytes() == (local_run / name).read_bytes(), name
    assert "Invoice 1000 paid" in (run.out / "scan00.txt").read_text()


def test_a_bad_image_is_an_error_row(first_run: tuple[Run, list[dict[str, Any]]]) -> None:
    run, rows = first_run
    assert run.code == 1
    assert len(rows) == GOOD + 1
    by_name = {Path(r["path"]).name: r for r in rows}
    bad = by_name[BROKEN]
    assert bad["error"] and bad["text"] is None and bad["output"] is None
    assert all(r["error"] is None and r["text"] for n, r in by_name.items() if n != BROKEN)
    good = by_name["scan03.png"]
    assert good["output"] == "scan03.txt"
    assert good["engine"] == "tesseract" and 0 < good["confidence"] <= 100
    assert "Invoice 1111 paid" in good["text"]
    assert '"pages"' in good["layout"]
    lines = run.stderr.strip().splitlines()
    assert any(BROKEN in line and "error" in line for line in lines)
    assert lines[-1].startswith(f"imagehq-ocr: {GOOD + 1} images, 1 failed, 0 skipped")
    assert "Traceback" not in run.stderr


def test_a_second_run_skips_finished_work(
    first_run: tuple[Run, list[dict[str, Any]]], images: Path
) -> None:
    run, _ = first_run
    stamps = {p.name: p.stat().st_mtime_ns for p in run.out.iterdir() if p.is_file()}
    again = _ray_extract(str(images), "-o", str(run.out))
    # only the image that failed is tried again; the others are in results.parquet already
    assert (
        again.stderr.strip()
        .splitlines()[-1]
        .startswith(f"imagehq-ocr: 1 images, 1 failed, {GOOD} skipped")
    )
    rows = _rows(run.out)
    assert len(rows) == GOOD + 2
    assert [Path(r["path"]).name for r in rows].count(BROKEN) == 2
    assert stamps == {p.name: p.stat().st_mtime_ns for p in run.out.iterdir() if p.is_file()}
    # other options are other work: json outputs of every good image
    third = _ray_extract(str(images), "--format", "json", "-o", str(run.out))
    assert f"{GOOD + 1} images, 1 failed, 0 skipped" in third.stderr
    assert len(list(run.out.glob("*.json"))) == GOOD


def test_without_ray_it_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name in [m for m in sys.modules if m == "ray" or m.startswith("ray.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray → ImportError
    image = tmp_path / "a.png"
    text_image(["hello"]).save(image)
    assert main(["extract", str(image), "--ray", "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "pip install 'imagehq-ocr[cluster]'" in err
    assert not (tmp_path / "out").exists()


def test_an_input_right_after_ray_is_an_input(tmp_path: Path) -> None:
    parser = build_parser()
    args = parser.parse_args(["extract", "--ray", str(tmp_path), "more", "-o", "out"])
    assert split_address(args) == LOCAL
    assert args.files == [str(tmp_path), "more"]
    args = parser.parse_args(["extract", "a.png", "--ray", "ray://head:10001", "-o", "out"])
    assert split_address(args) == "ray://head:10001" and args.files == ["a.png"]
    args = parser.parse_args(["extract", "a.png", "--ray", "no-such-thing", "-o", "out"])
    assert split_address(args) is None


def test_inputs_are_listed_and_named_as_a_local_extract_does(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        text_image(["x"]).save(tmp_path / sub / "page.png")
    (tmp_path / "b" / "notes.txt").write_text("not an image")  # folders: images only
    found = resolve([str(tmp_path / "*"), str(tmp_path / "missing.png"), str(tmp_path / "z*")])
    assert found.paths == [str(tmp_path / "a" / "page.png"), str(tmp_path / "b" / "page.png")]
    assert list(found.names("json").values()) == ["page.json", "page-2.json"]
    assert [why for _, why in found.problems] == ["no such file", "no file matches this pattern"]


def test_an_address_where_nothing_answers_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require(_have_ray(), "Ray is not installed (pip install -e '.[dev]' installs it)")
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens on it
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    image = tmp_path / "a.png"
    text_image(["hello"]).save(image)
    code = main(["extract", str(image), "--ray", f"ray://127.0.0.1:{port}", "-o", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and f"cannot reach Ray at ray://127.0.0.1:{port}" in err
