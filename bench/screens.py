"""Realistic, deterministic screenshot-like images with known text and word boxes.

Rendered with Pillow and the system's DejaVu / Liberation fonts at 8–13 pt on a 96 dpi screen
(11–17 px): terminal windows (dark background, light monospace text, coloured prompt), dark-theme
settings panels, light dialogs with small labels and a code editor. Every image comes with its
ground truth (one line of text per rendered line, in reading order) and the ink box of every word,
so the benchmark and the tests can score text and check box mapping.

Optionally (``qt_screens()``) real Qt widgets are rendered offscreen with ``QWidget.grab``: real
UI text rendering in a light and a dark palette.

``python bench/screens.py OUT_DIR`` writes the images and ``.txt`` truths for a look.
"""

from __future__ import annotations

import os
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation")
SANS = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf")
MONO = ("DejaVuSansMono.ttf", "LiberationMono-Regular.ttf")

BBox = tuple[int, int, int, int]


def pt_to_px(pt: float, dpi: int = 96) -> int:
    """Font size in pixels for ``pt`` points on a ``dpi`` screen (8 pt → 11 px at 96 dpi)."""
    return round(pt * dpi / 72)


def font_path(name: str) -> str:
    for folder in FONT_DIRS:
        candidate = Path(folder) / name
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError(f"font {name} not found in {', '.join(FONT_DIRS)}")


_FONTS: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def load_font(name: str, size: int) -> ImageFont.FreeTypeFont:
    key = (name, size)
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(font_path(name), size)
    return _FONTS[key]


@dataclass
class WordBox:
    text: str
    bbox: BBox  # ink box in image pixels


@dataclass
class Screen:
    """One generated screenshot and what is written on it."""

    name: str
    kind: str
    image: Image.Image
    lines: list[list[WordBox]] = field(default_factory=list)
    font_px: int = 0
    dark: bool = False

    @property
    def truth(self) -> str:
        return "\n".join(" ".join(w.text for w in line) for line in self.lines if line) + "\n"

    @property
    def words(self) -> list[WordBox]:
        return [w for line in self.lines for w in line]


class Canvas:
    """A drawing surface that remembers the ink box of every word it writes."""

    def __init__(self, width: int, height: int, bg: str) -> None:
        self.image = Image.new("RGB", (width, height), bg)
        self.draw = ImageDraw.Draw(self.image)
        self.lines: list[list[WordBox]] = []

    def text(
        self,
        x: float,
        y: float,
        segments: list[tuple[str, str]],
        font: ImageFont.FreeTypeFont,
        new_line: bool = True,
    ) -> float:
        """Writes coloured ``(text, colour)`` segments left to right; returns the end x."""
        if new_line or not self.lines:
            self.lines.append([])
        line = self.lines[-1]
        glued = False  # the previous segment ended inside a word
        for chunk, colour in segments:
            pos = 0
            for k, word in enumerate(chunk.split(" ")):
                if word:
                    wx = x + font.getlength(chunk[:pos])
                    self.draw.text((wx, y), word, font=font, fill=colour)
                    b = self.draw.textbbox((wx, y), word, font=font)
                    if k == 0 and glued and line:
                        # "user@host" + ":" + "~/src" is one word on screen
                        prev = line[-1]
                        box = (
                            min(prev.bbox[0], b[0]),
                            min(prev.bbox[1], b[1]),
                            max(prev.bbox[2], b[2]),
                            max(prev.bbox[3], b[3]),
                        )
                        line[-1] = WordBox(prev.text + word, box)
                    else:
                        line.append(WordBox(word, (b[0], b[1], b[2], b[3])))
                pos += len(word) + 1
            x += font.getlength(chunk)
            glued = bool(chunk) and not chunk.endswith(" ")
        return x

    def rect(self, box: BBox, fill: str, outline: str | None = None, radius: int = 0) -> None:
        self.draw.rounded_rectangle(box, radius=radius, fill=fill, outline=outline)


# -- content ---------------------------------------------------------------------------------
USERS = ("alice", "dev", "mkoch", "sam", "build")
HOSTS = ("workstation", "thinkpad", "buildbox", "devvm", "atlas")
DIRS = ("~/src/imagehq", "~/projects/api", "/var/log", "~/notes", "~/work/report-2024")
FILES = (
    "README.md",
    "setup.cfg",
    "main.py",
    "config.yaml",
    "Makefile",
    "server.log",
    "index.html",
    "requirements.txt",
    "test_utils.py",
    "docker-compose.yml",
    "package.json",
    "LICENSE",
)
COMMANDS = (
    "git status",
    "ls -la",
    "python3 -m pytest -q",
    "df -h",
    "cat config.yaml",
    "grep -rn TODO src",
    "pip install requests",
    "make build",
)
SETTINGS = (
    ("Language", "English (United States)"),
    ("Theme", "Dark"),
    ("Font size", "11 pt"),
    ("Auto save", "Every 5 minutes"),
    ("Update channel", "Stable"),
    ("Proxy", "None"),
    ("Default folder", "/home/alice/Pictures"),
    ("Notifications", "Enabled"),
    ("Line endings", "Unix (LF)"),
    ("Encoding", "UTF-8"),
    ("Spell check", "Disabled"),
    ("Scale", "125%"),
    ("Keyboard layout", "German (no dead keys)"),
    ("Timeout", "30 seconds"),
)
SENTENCES = (
    "Are you sure you want to delete these files?",
    "This action cannot be undone.",
    "The document has unsaved changes.",
    "Do you want to save your changes before closing?",
    "A new version is available for download.",
    "Connection to the server was lost.",
    "Please check your network settings and try again.",
    "Your password must contain at least 8 characters.",
    "Export finished: 42 pages written to report.pdf",
    "Select the folder where the backup should be stored.",
)
IDENTS = ("result", "items", "config", "buffer", "count", "path", "value", "session", "total")
FUNCS = ("load_config", "parse_args", "render_page", "fetch_items", "compute_total", "main")


def _terminal_output(rng: random.Random, cmd: str) -> list[str]:
    if cmd.startswith("ls"):
        out = ["total 48"]
        for name in rng.sample(FILES, 5):
            size = rng.randint(120, 48000)
            day = rng.randint(1, 28)
            out.append(
                f"-rw-r--r-- 1 alice staff {size:>6} Mar {day:>2} 14:{rng.randint(10, 59)} {name}"
            )
        return out
    if cmd.startswith("git"):
        return [
            "On branch main",
            "Your branch is up to date with 'origin/main'.",
            "Changes not staged for commit:",
            f"    modified: src/{rng.choice(FILES)}",
            f"    modified: tests/{rng.choice(FILES)}",
        ]
    if cmd.startswith("df"):
        return [
            "Filesystem Size Used Avail Use% Mounted on",
            f"/dev/nvme0n1p2 468G {rng.randint(100, 400)}G {rng.randint(20, 300)}G 61% /",
            "tmpfs 7.8G 2.1M 7.8G 1% /run",
        ]
    if "pytest" in cmd:
        n = rng.randint(20, 300)
        return [
            f"{'.' * 12} [ 40%]",
            f"{'.' * 18} [100%]",
            f"{n} passed in {rng.randint(1, 9)}.{rng.randint(10, 99)}s",
        ]
    if cmd.startswith("pip"):
        return [
            "Collecting requests",
            "Downloading requests-2.32.3-py3-none-any.whl (64 kB)",
            "Successfully installed requests-2.32.3",
        ]
    return [f"error: could not open '{rng.choice(FILES)}': No such file or directory"]


# -- scenes ----------------------------------------------------------------------------------
TERMINAL_THEMES = (
    # background, text, prompt user@host, prompt path
    ("#1e1e1e", "#d4d4d4", "#6a9955", "#569cd6"),
    ("#300a24", "#ffffff", "#8ae234", "#729fcf"),
    ("#002b36", "#93a1a1", "#859900", "#268bd2"),
    ("#000000", "#c0c0c0", "#00cd00", "#5c5cff"),
)


def terminal(seed: int, pt: float = 9) -> Screen:
    rng = random.Random(seed)
    px = pt_to_px(pt)
    font = load_font(rng.choice(MONO), px)
    bg, fg, c_user, c_path = rng.choice(TERMINAL_THEMES)
    user, host, cwd = rng.choice(USERS), rng.choice(HOSTS), rng.choice(DIRS)
    cmds = rng.sample(COMMANDS, 2)
    rows: list[list[tuple[str, str]]] = []
    for cmd in cmds:
        rows.append([(f"{user}@{host}", c_user), (":", fg), (cwd, c_path), (f"$ {cmd}", fg)])
        rows.extend([[(line, fg)] for line in _terminal_output(rng, cmd)])
    line_h = round(px * 1.3)
    width = max(int(sum(font.getlength(s) for s, _ in r)) for r in rows) + 30 + rng.randint(0, 80)
    title_h = 26
    canvas = Canvas(width, title_h + line_h * len(rows) + 16, bg)
    canvas.rect((0, 0, width, title_h), "#2d2d2d")
    for i, colour in enumerate(("#ff5f56", "#ffbd2e", "#27c93f")):
        canvas.draw.ellipse((10 + 18 * i, 8, 20 + 18 * i, 18), fill=colour)
    y = title_h + 8
    for row in rows:
        canvas.text(8, y, row, font)
        y += line_h
    return Screen(
        f"terminal_{seed}_{pt:g}pt", "terminal", canvas.image, canvas.lines, px, dark=True
    )


def dark_panel(seed: int, pt: float = 9) -> Screen:
    rng = random.Random(seed)
    px = pt_to_px(pt)
    font = load_font(rng.choice(SANS), px)
    bold = load_font("DejaVuSans-Bold.ttf", px + 1)
    bg = rng.choice(("#2b2b2b", "#252526", "#1f2430", "#202124"))
    label_c = rng.choice(("#bbbbbb", "#a0a0a0", "#9aa0a6"))
    value_c = rng.choice(("#ffffff", "#e8eaed", "#dcdcdc"))
    items = rng.sample(SETTINGS, 7)
    line_h = round(px * 2.0)
    col2 = int(max(font.getlength(k) for k, _ in items)) + 40
    width = col2 + int(max(font.getlength(v) for _, v in items)) + 60
    canvas = Canvas(width, line_h * (len(items) + 3) + 30, bg)
    title = rng.choice(("Preferences", "Settings", "Editor Options", "General"))
    canvas.text(16, 14, [(title, "#ffffff")], bold)
    y = 14 + line_h + 6
    canvas.draw.line((16, y - 8, width - 16, y - 8), fill="#3c3c3c")
    for key, value in items:
        x = canvas.text(16, y, [(key, label_c)], font)
        del x
        canvas.rect((col2 - 8, y - 4, width - 16, y + px + 5), "#3c3f41", outline="#4a4d50")
        canvas.text(col2, y, [(value, value_c)], font, new_line=False)
        y += line_h
    # a blue button with white text
    label = rng.choice(("Apply", "Save changes", "Restore defaults"))
    bw = int(font.getlength(label)) + 28
    canvas.rect((width - 16 - bw, y + 2, width - 16, y + px + 14), "#0e639c", radius=3)
    canvas.text(width - 16 - bw + 14, y + 7, [(label, "#ffffff")], font)
    return Screen(
        f"dark_panel_{seed}_{pt:g}pt", "dark_panel", canvas.image, canvas.lines, px, dark=True
    )


def light_dialog(seed: int, pt: float = 8) -> Screen:
    rng = random.Random(seed)
    px = pt_to_px(pt)
    font = load_font(rng.choice(SANS), px)
    bg = rng.choice(("#f0f0f0", "#ffffff", "#ececec"))
    msgs = rng.sample(SENTENCES, 3)
    line_h = round(px * 1.6)
    width = int(max(font.getlength(m) for m in msgs)) + 90
    canvas = Canvas(width, 30 + line_h * 4 + px + 50, bg)
    title = rng.choice(("Confirm", "Warning", "Export", "Backup"))
    canvas.rect((0, 0, width, 24), rng.choice(("#dcdcdc", "#3b6ea5", "#e5e5e5")))
    title_c = "#ffffff" if canvas.image.getpixel((2, 2)) == (59, 110, 165) else "#202020"
    canvas.text(10, 6, [(title, title_c)], font)
    canvas.draw.ellipse((14, 40, 42, 68), fill="#f5a623")
    canvas.text(25, 43, [("!", "#ffffff")], load_font("DejaVuSans-Bold.ttf", 18))
    canvas.lines.pop()  # the icon's "!" is not text a user wants
    y = 38
    fg = rng.choice(("#000000", "#333333", "#202020"))
    for m in msgs:
        canvas.text(56, y, [(m, fg)], font)
        y += line_h
    y += 10
    x = width - 12
    first = True
    for label in ("Cancel", "OK"):
        bw = int(font.getlength(label)) + 30
        x0 = x - bw
        fill, colour = ("#0a64d8", "#ffffff") if label == "OK" else ("#fdfdfd", "#000000")
        canvas.rect((x0, y, x, y + px + 12), fill, outline="#adadad", radius=3)
        canvas.text(x0 + 15, y + 6, [(label, colour)], font, new_line=first)
        first = False
        x = x0 - 10
    # buttons were drawn right to left: read them left to right
    canvas.lines[-1].reverse()
    return Screen(f"light_dialog_{seed}_{pt:g}pt", "light_dialog", canvas.image, canvas.lines, px)


EDITOR_THEMES = (
    # background, text, keyword, string, comment, gutter
    ("#1e1e1e", "#d4d4d4", "#569cd6", "#ce9178", "#6a9955", "#858585", True),
    ("#282c34", "#abb2bf", "#c678dd", "#98c379", "#7f848e", "#636d83", True),
    ("#ffffff", "#000000", "#0000ff", "#a31515", "#008000", "#237893", False),
)


def code_editor(seed: int, pt: float = 10) -> Screen:
    rng = random.Random(seed)
    px = pt_to_px(pt)
    font = load_font(rng.choice(MONO), px)
    bg, fg, kw, st, cm, gutter, dark = rng.choice(EDITOR_THEMES)
    f1, f2 = rng.sample(FUNCS, 2)
    a, b, c = rng.sample(IDENTS, 3)
    n = rng.randint(2, 9)
    code: list[list[tuple[str, str]]] = [
        [("# Load settings and compute the totals.", cm)],
        [("def ", kw), (f"{f1}({a}, {b}=None):", fg)],
        [(f"    {c} = ", fg), (f"'{rng.choice(FILES)}'", st)],
        [("    for ", kw), ("item ", fg), ("in ", kw), (f"{a}:", fg)],
        [(f"        {b} = item.get(", fg), ("'size'", st), (f", {n})", fg)],
        [("    return ", kw), (f"{f2}({c}, {b})", fg)],
    ]
    line_h = round(px * 1.45)
    gw = int(font.getlength("00")) + 24
    width = gw + int(max(sum(font.getlength(s) for s, _ in r) for r in code)) + 40
    canvas = Canvas(width, line_h * len(code) + 24, bg)
    canvas.rect((0, 0, gw - 10, canvas.image.height), bg)
    start = rng.randint(1, 80)
    y = 12
    for i, row in enumerate(code):
        canvas.text(6, y, [(f"{start + i:>2}", gutter)], font)
        indent = len(row[0][0]) - len(row[0][0].lstrip(" "))
        x = gw + font.getlength(" " * indent)
        segs = [(row[0][0].lstrip(" "), row[0][1]), *row[1:]]
        canvas.text(x, y, segs, font, new_line=False)
        y += line_h
    return Screen(
        f"code_editor_{seed}_{pt:g}pt", "code_editor", canvas.image, canvas.lines, px, dark=dark
    )


SCENES = {
    "terminal": terminal,
    "dark_panel": dark_panel,
    "light_dialog": light_dialog,
    "code_editor": code_editor,
}


def generated_screens(count_per_kind: int = 3, seed: int = 1) -> list[Screen]:
    """``count_per_kind`` images of every kind, at point sizes spread over 8–13 pt."""
    sizes = (8, 9, 10, 11, 12, 13)
    screens: list[Screen] = []
    for k, (_kind, make) in enumerate(SCENES.items()):
        for i in range(count_per_kind):
            pt = sizes[(i * 2 + k) % len(sizes)]
            screens.append(make(seed * 1000 + k * 100 + i, pt))
    return screens


# -- real Qt widgets -------------------------------------------------------------------------
QT_TEXT = (
    "Open recent project",
    "Build finished with 3 warnings",
    "Remote branch origin/main is 2 commits ahead",
    "Download size: 14.2 MB (approx. 12 seconds)",
)


def qt_screens(pt_sizes: tuple[float, ...] = (8, 9)) -> list[Screen]:
    """Real Qt widgets (QLabel + QTextEdit + QTreeWidget) grabbed offscreen, light and dark.

    Returns [] when PySide6 cannot start a GUI application here. Word boxes are not known for
    these (``lines`` holds the truth with empty boxes).
    """
    try:
        from PySide6.QtGui import QColor, QFont, QPalette
        from PySide6.QtWidgets import (
            QApplication,
            QLabel,
            QTreeWidget,
            QTreeWidgetItem,
            QVBoxLayout,
            QWidget,
        )
    except ImportError:
        return []
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(["screens"])
    del app
    out: list[Screen] = []
    for pt in pt_sizes:
        for dark in (False, True):
            w = QWidget()
            pal = QPalette()
            bg, fg = (
                (QColor("#2b2b2b"), QColor("#e0e0e0"))
                if dark
                else (QColor("#f5f5f5"), QColor("#1a1a1a"))
            )
            for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
                pal.setColor(role, bg)
            for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
                pal.setColor(role, fg)
            w.setPalette(pal)
            w.setAutoFillBackground(True)
            font = QFont("DejaVu Sans")
            font.setPointSizeF(pt)
            w.setFont(font)
            lay = QVBoxLayout(w)
            truth: list[str] = []
            for t in QT_TEXT[:2]:
                lay.addWidget(QLabel(t))
                truth.append(t)
            tree = QTreeWidget()
            tree.setHeaderHidden(True)
            tree.setPalette(pal)
            tree.setFrameShape(QTreeWidget.Shape.NoFrame)
            for t in QT_TEXT[2:]:
                QTreeWidgetItem(tree, [t])
                truth.append(t)
            tree.setRootIsDecorated(False)
            lay.addWidget(tree)
            w.resize(420, 150)
            w.show()
            pix = w.grab()
            w.hide()
            from PySide6.QtCore import QBuffer, QIODevice

            buf = QBuffer()
            buf.open(QIODevice.OpenModeFlag.WriteOnly)
            pix.save(buf, "PNG")
            import io

            img = Image.open(io.BytesIO(bytes(buf.data().data()))).convert("RGB")
            lines = [[WordBox(word, (0, 0, 0, 0)) for word in t.split()] for t in truth]
            name = f"qt_{'dark' if dark else 'light'}_{pt:g}pt"
            out.append(Screen(name, "qt_widgets", img, lines, round(pt * 96 / 72), dark=dark))
            w.deleteLater()
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "screens_out")
    out.mkdir(parents=True, exist_ok=True)
    for s in generated_screens() + qt_screens():
        s.image.save(out / f"{s.name}.png")
        (out / f"{s.name}.txt").write_text(s.truth, encoding="utf-8")
    print(f"wrote to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
