"""Input files from the file system: which files a command line names, and reading one safely.

Reading is careful because a path can name anything: ``/dev/zero``, a FIFO that blocks until
someone writes to it, a 2 GB file named ``.png``. Only regular files are read, the header is
sniffed before the rest is read, the size is capped, and a pixel bomb is refused from its header,
so that nothing unusable is ever copied into the store.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from app.core import sniff
from app.core.choices import DEFAULT_MAX_FILE_MB  # the API's upload cap, per file
from app.core.errors import FileTooLargeError, InvalidInputError

_HEAD_BYTES = 16  # enough for every magic number sniff knows
_CHUNK = 1 << 20


@dataclass
class FoundInputs:
    """What ``expand_inputs`` found: files to read, and folders it could not read."""

    files: list[Path] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)  # (folder, reason)


def expand_inputs(paths: list[str]) -> FoundInputs:
    """Files as given; folders searched recursively for image files (by extension), sorted.
    A folder (or sub-folder) that cannot be listed is reported, never skipped silently."""
    found = FoundInputs()
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.files.append(path)
            continue
        images: list[Path] = []

        def unreadable(err: OSError, top: Path = path) -> None:
            where = Path(err.filename) if err.filename else top
            found.unreadable.append((where, err.strerror or str(err)))

        for root, _dirs, names in os.walk(path, onerror=unreadable):
            images += [
                Path(root) / name
                for name in names
                if Path(name).suffix.lower() in sniff.IMAGE_EXTENSIONS
            ]
        found.files += sorted(f for f in images if f.is_file())
    return found


def _mb(n: int) -> str:
    return f"{n / 2**20:g} MB"


def read_input_file(path: str | Path, max_bytes: int = DEFAULT_MAX_FILE_MB * 2**20) -> bytes:
    """The bytes of an image file, or an InvalidInputError with a one-line reason: not a
    regular file, over ``max_bytes``, empty, not an image, a pixel bomb. Never blocks on a
    FIFO and never reads more than ``max_bytes`` + 1 bytes."""
    from app.core import imageio

    data = read_input_bytes(path, max_bytes)
    imageio.admit(data)
    return data


def read_input_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_FILE_MB * 2**20) -> bytes:
    """``read_input_file`` without the pixel-bomb check (which needs Pillow: ``imageio.admit``
    must follow before the bytes become a job): not a regular file, over ``max_bytes``, empty
    or not an image by its first bytes is refused."""
    nonblock = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
    try:
        fd = os.open(path, os.O_RDONLY | nonblock | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InvalidInputError("no such file") from None
    except OSError as exc:
        raise InvalidInputError(f"cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb", buffering=0) as fh:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InvalidInputError("is a directory")
        if not stat.S_ISREG(mode):
            raise InvalidInputError("not a regular file (a pipe, device or socket); save it first")
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise FileTooLargeError(
                f"the file is {_mb(size)}, over the limit of {_mb(max_bytes)} (--max-file-mb)"
            )
        try:
            head = fh.read(_HEAD_BYTES)
            sniff.sniff(head)  # an empty file or a non-image stops here, unread
            chunks = [head]
            total = len(head)
            while total <= max_bytes:
                chunk = fh.read(min(_CHUNK, max_bytes + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        except OSError as exc:
            raise InvalidInputError(f"cannot read: {exc.strerror or exc}") from None
    if total > max_bytes:  # it grew while we read it
        raise FileTooLargeError(f"the file is over the limit of {_mb(max_bytes)} (--max-file-mb)")
    return b"".join(chunks)
