"""Zoom to fit: a whole page when it is about the view's shape; the width of a tall one
(a receipt, a long screenshot), which fitted whole would be too small to read."""

from __future__ import annotations

TALL = 2.0  # the page is this much taller (relative to its width) than the view
MAX_WIDTH_ZOOM = 2.0  # a narrow strip is not blown up beyond this


def fit_scale(
    content_w: float, content_h: float, view_w: float, view_h: float, scrollbar: float = 0.0
) -> tuple[float, bool]:
    """The zoom that fits the content into the view and whether it fits the width only (the
    view then scrolls vertically; ``scrollbar`` is the width that scroll bar takes)."""
    if content_w <= 0 or content_h <= 0 or view_w <= 0 or view_h <= 0:
        return 1.0, False
    whole = min(view_w / content_w, view_h / content_h)
    if content_h / content_w < TALL * view_h / view_w:
        return whole, False
    width = min(MAX_WIDTH_ZOOM, max(1.0, view_w - scrollbar) / content_w)
    return max(whole, width), width > whole
