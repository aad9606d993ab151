"""Which files ``extract --ray`` reads: local folders, files and globs, or URIs on one
filesystem (``s3://bucket/scans/``, ``gs://…``: whatever pyarrow's filesystems open).

The driver lists them itself, in the order a local ``extract`` would, so that each output file
gets the name a local ``extract -o DIR`` gives it (``scan.png`` → ``scan.txt``, ``scan-2.txt``
for a second ``scan``).
"""

from __future__ import annotations

import glob
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from app.core import imageio
from app.core.inputs import expand_inputs
from app.core.job import output_filename

_URI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_GLOB_CHARS = ("*", "?", "[")


def is_uri(value: str) -> bool:
    return bool(_URI_RE.match(value))


@dataclass
class ClusterInputs:
    """``paths`` for ``ray.data.read_binary_files`` (on ``filesystem``; None: the local one)."""

    paths: list[str] = field(default_factory=list)
    filesystem: Any = None
    #: (what the user named, why it gives no files): one error line each, like a local extract
    problems: list[tuple[str, str]] = field(default_factory=list)

    def names(self, fmt: str) -> dict[str, str]:
        """Output file name of each path, made unique in input order."""
        taken: set[str] = set()
        return {p: output_filename(PurePosixPath(p).name, fmt, taken) for p in self.paths}


class MixedInputsError(ValueError):
    """Local files and URIs, or URIs on different filesystems, in one run."""


def resolve(raw_inputs: list[str]) -> ClusterInputs:
    uris = [r for r in raw_inputs if is_uri(r)]
    if uris and len(uris) < len(raw_inputs):
        raise MixedInputsError("give either local files or URIs, not both, in one run")
    return _resolve_uris(uris) if uris else _resolve_local(raw_inputs)


def _resolve_local(raw_inputs: list[str]) -> ClusterInputs:
    found = ClusterInputs()
    for raw in raw_inputs:
        if Path(raw).exists() or not any(c in raw for c in _GLOB_CHARS):
            matches = [raw]
        else:
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                found.problems.append((raw, "no file matches this pattern"))
                continue
        listed = expand_inputs(matches)
        found.problems += [(str(f), f"cannot read this folder ({r})") for f, r in listed.unreadable]
        for path in listed.files:
            if path.is_file():
                found.paths.append(str(path.resolve()))
            else:
                found.problems.append(
                    (str(path), "no such file" if not path.exists() else "not a regular file")
                )
    return found


def _resolve_uris(uris: list[str]) -> ClusterInputs:
    import pyarrow.fs as pafs

    found = ClusterInputs()
    for uri in uris:
        fs, root = pafs.FileSystem.from_uri(uri)
        if found.filesystem is None:
            found.filesystem = fs
        elif fs.type_name != found.filesystem.type_name:
            raise MixedInputsError("all URIs of one run must be on one filesystem")
        info = fs.get_file_info(root)
        if info.type == pafs.FileType.Directory:
            listed = fs.get_file_info(pafs.FileSelector(root, recursive=True))
            found.paths += sorted(
                i.path
                for i in listed
                if i.type == pafs.FileType.File
                and PurePosixPath(i.path).suffix.lower() in imageio.IMAGE_EXTENSIONS
            )
        elif info.type == pafs.FileType.File:
            found.paths.append(root)
        else:
            found.problems.append((uri, "no such file"))
    return found
