"""Region and device-pixel-ratio arithmetic (pure, no Qt).

Coordinates:

* **logical** desktop coordinates are what Qt reports (``QScreen.geometry()``, mouse positions,
  ``--region``); at 100 % scaling they equal the window system's pixels.
* **physical** pixels are the pixels of one screen's screenshot: ``(x - screen.x) * dpr``.

A region may span several screens (one virtual desktop); each part is cut from the screenshot of
the screen it lies on, at that screen's native resolution.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

MIN_SIZE = 3  # logical pixels: a smaller rubber band is a click, not a selection


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    @property
    def empty(self) -> bool:
        return self.w <= 0 or self.h <= 0

    def intersected(self, other: Rect) -> Rect:
        x0, y0 = max(self.x, other.x), max(self.y, other.y)
        x1, y1 = min(self.right, other.right), min(self.bottom, other.bottom)
        return Rect(x0, y0, max(0, x1 - x0), max(0, y1 - y0))

    def as_list(self) -> list[int]:
        return [self.x, self.y, self.w, self.h]


@dataclass(frozen=True)
class ScreenInfo:
    """One screen: logical geometry, device pixel ratio and (optionally) its image size."""

    name: str
    geometry: Rect
    dpr: float = 1.0
    pixel_width: int | None = None
    pixel_height: int | None = None

    @property
    def pixel_size(self) -> tuple[int, int]:
        w = self.pixel_width if self.pixel_width is not None else round(self.geometry.w * self.dpr)
        h = (
            self.pixel_height
            if self.pixel_height is not None
            else round(self.geometry.h * self.dpr)
        )
        return w, h


@dataclass(frozen=True)
class CropPiece:
    screen: int  # index into the screens given to plan_crop
    source: Rect  # physical pixels of that screen's image
    target: Rect  # pixels of the output image


@dataclass(frozen=True)
class CropPlan:
    width: int
    height: int
    scale: float  # output pixels per logical pixel
    pieces: tuple[CropPiece, ...]

    @property
    def single(self) -> bool:
        """One piece copied 1:1 (no scaling): the common case."""
        if len(self.pieces) != 1:
            return False
        p = self.pieces[0]
        return (p.source.w, p.source.h) == (p.target.w, p.target.h) == (self.width, self.height)


def parse_region(text: str) -> Rect:
    """``"X,Y,W,H"`` → Rect; ValueError with a readable message otherwise."""
    parts = [p.strip() for p in str(text).split(",")]
    if len(parts) != 4:
        raise ValueError(f"region must be X,Y,W,H (four integers), got '{text}'")
    try:
        x, y, w, h = (int(p) for p in parts)
    except ValueError:
        raise ValueError(f"region must be X,Y,W,H (four integers), got '{text}'") from None
    if w <= 0 or h <= 0:
        raise ValueError(f"region width and height must be positive, got {w}x{h}")
    return Rect(x, y, w, h)


def band(x0: float, y0: float, x1: float, y1: float) -> Rect:
    """The rubber band between press and current point (any drag direction), both corners
    included, in whole logical pixels."""
    left, right = sorted((x0, x1))
    top, bottom = sorted((y0, y1))
    lx, ty = math.floor(left), math.floor(top)
    return Rect(lx, ty, math.floor(right) - lx + 1, math.floor(bottom) - ty + 1)


def is_click(rect: Rect) -> bool:
    return rect.w < MIN_SIZE or rect.h < MIN_SIZE


def virtual_geometry(screens: Sequence[ScreenInfo]) -> Rect:
    if not screens:
        return Rect(0, 0, 0, 0)
    x0 = min(s.geometry.x for s in screens)
    y0 = min(s.geometry.y for s in screens)
    x1 = max(s.geometry.right for s in screens)
    y1 = max(s.geometry.bottom for s in screens)
    return Rect(x0, y0, x1 - x0, y1 - y0)


def screen_at(screens: Sequence[ScreenInfo], x: int, y: int) -> int | None:
    for i, s in enumerate(screens):
        g = s.geometry
        if g.x <= x < g.right and g.y <= y < g.bottom:
            return i
    return None


def to_physical(rect: Rect, screen: ScreenInfo) -> Rect:
    """The pixels of ``screen``'s image covered by the logical ``rect`` (clipped to the screen).
    Edges are widened to whole pixels: floor at the start, ceil at the end."""
    part = rect.intersected(screen.geometry)
    if part.empty:
        return Rect(0, 0, 0, 0)
    pw, ph = screen.pixel_size
    g, d = screen.geometry, screen.dpr
    x0 = max(0, math.floor((part.x - g.x) * d + 1e-9))
    y0 = max(0, math.floor((part.y - g.y) * d + 1e-9))
    x1 = min(pw, math.ceil((part.right - g.x) * d - 1e-9))
    y1 = min(ph, math.ceil((part.bottom - g.y) * d - 1e-9))
    return Rect(x0, y0, max(0, x1 - x0), max(0, y1 - y0))


def plan_crop(region: Rect, screens: Sequence[ScreenInfo]) -> CropPlan:
    """Where each part of a logical ``region`` comes from.

    Inside one screen the output is that screen's native pixels, 1:1. Across screens the output
    uses the highest device pixel ratio involved; parts from lower-ratio screens are scaled up
    into place. Parts of the region outside every screen stay blank. Raises ValueError when the
    region is empty or touches no screen."""
    if region.empty:
        raise ValueError("the region is empty")
    hits = [(i, s) for i, s in enumerate(screens) if not region.intersected(s.geometry).empty]
    if not hits:
        vg = virtual_geometry(screens)
        raise ValueError(
            f"the region {region.x},{region.y},{region.w},{region.h} is outside every screen "
            f"(the desktop is {vg.x},{vg.y},{vg.w},{vg.h})"
        )
    if len(hits) == 1 and region.intersected(hits[0][1].geometry) == region:
        i, s = hits[0]
        src = to_physical(region, s)
        return CropPlan(src.w, src.h, s.dpr, (CropPiece(i, src, Rect(0, 0, src.w, src.h)),))
    scale = max(s.dpr for _, s in hits)
    width, height = math.ceil(region.w * scale), math.ceil(region.h * scale)
    pieces = []
    for i, s in hits:
        part = region.intersected(s.geometry)
        src = to_physical(part, s)
        tx0 = round((part.x - region.x) * scale)
        ty0 = round((part.y - region.y) * scale)
        tx1 = min(width, round((part.right - region.x) * scale))
        ty1 = min(height, round((part.bottom - region.y) * scale))
        if src.empty or tx1 <= tx0 or ty1 <= ty0:
            continue
        pieces.append(CropPiece(i, src, Rect(tx0, ty0, tx1 - tx0, ty1 - ty0)))
    return CropPlan(width, height, scale, tuple(pieces))
