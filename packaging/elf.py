"""What the packaging scripts need to know about an ELF file, read with the standard library:
whether a file is ELF, the shared libraries it names (DT_NEEDED), and the layout the loader maps
(PT_LOAD and PT_DYNAMIC program headers), so a stripped copy can be checked against its original.

Used by the PyInstaller spec (dropping libraries nothing needs any more) and by trim_bundle.py
(stripping). Linux only; a file that is not a well-formed ELF gives empty answers.
"""

from __future__ import annotations

import struct
from pathlib import Path

MAGIC = b"\x7fELF"
PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_NEEDED, DT_STRTAB = 0, 1, 5


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == MAGIC
    except OSError:
        return False


class _Elf:
    def __init__(self, data: bytes) -> None:
        if data[:4] != MAGIC:
            raise ValueError("not ELF")
        self.data = data
        self.is64 = data[4] == 2
        self.end = "<" if data[5] == 1 else ">"
        if self.is64:
            self.phoff, self.phentsize, self.phnum = (
                struct.unpack_from(self.end + "Q", data, 0x20)[0],
                *struct.unpack_from(self.end + "HH", data, 0x36),
            )
        else:
            self.phoff, self.phentsize, self.phnum = (
                struct.unpack_from(self.end + "I", data, 0x1C)[0],
                *struct.unpack_from(self.end + "HH", data, 0x2A),
            )

    def program_headers(self) -> list[tuple[int, int, int, int, int, int]]:
        """(type, offset, vaddr, filesz, memsz, align) of every program header."""
        out = []
        for i in range(self.phnum):
            at = self.phoff + i * self.phentsize
            if self.is64:
                p_type, _flags, off, vaddr, _paddr, filesz, memsz, align = struct.unpack_from(
                    self.end + "IIQQQQQQ", self.data, at
                )
            else:
                p_type, off, vaddr, _paddr, filesz, memsz, _flags, align = struct.unpack_from(
                    self.end + "IIIIIIII", self.data, at
                )
            out.append((p_type, off, vaddr, filesz, memsz, align))
        return out

    def _file_offset(self, vaddr: int) -> int | None:
        for p_type, off, start, filesz, _memsz, _align in self.program_headers():
            if p_type == PT_LOAD and start <= vaddr < start + filesz:
                return off + vaddr - start
        return None

    def needed(self) -> list[str]:
        dyn = next((h for h in self.program_headers() if h[0] == PT_DYNAMIC), None)
        if dyn is None:
            return []
        fmt, size = (self.end + "qQ", 16) if self.is64 else (self.end + "iI", 8)
        entries: list[tuple[int, int]] = []
        for at in range(dyn[1], dyn[1] + dyn[3], size):
            tag, value = struct.unpack_from(fmt, self.data, at)
            if tag == DT_NULL:
                break
            entries.append((tag, value))
        strtab = next((v for t, v in entries if t == DT_STRTAB), None)
        base = self._file_offset(strtab) if strtab is not None else None
        if base is None:
            return []
        names = []
        for tag, value in entries:
            if tag == DT_NEEDED:
                stop = self.data.index(b"\0", base + value)
                names.append(self.data[base + value : stop].decode())
        return names


def needed(path: Path) -> list[str]:
    """The DT_NEEDED names of ``path`` ([] for anything that is not a dynamic ELF file)."""
    try:
        return _Elf(Path(path).read_bytes()).needed()
    except (OSError, ValueError, struct.error):
        return []


def loaded_layout(path: Path) -> list[tuple[int, int, int, int, int, int]]:
    """The PT_LOAD and PT_DYNAMIC headers: what the loader maps. ``strip`` only removes sections
    outside them; when they change (it rewrote a patchelf-edited library), the copy is broken."""
    return [h for h in _Elf(Path(path).read_bytes()).program_headers() if h[0] in (1, 2)]
