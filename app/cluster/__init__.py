"""``imagehq-ocr extract --ray``: the same per-image pipeline, scheduled by Ray Data.

Ray is an optional extra (``pip install 'imagehq-ocr[cluster]'``); nothing here imports it at
module level, and the desktop install never loads it. ``run`` is the driver (inputs, resume,
summary); ``worker`` is what runs on the Ray workers (one warm engine per worker).
"""

from __future__ import annotations

INSTALL_HINT = "--ray needs Ray; install it with: pip install 'imagehq-ocr[cluster]'"


def have_ray() -> bool:
    """Whether ``ray.data`` can be imported (the ``[cluster]`` extra is installed)."""
    try:
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True
