"""Screen-region capture: screenshot, crop, OCR job, clipboard (issue 5).

Backends follow one pattern: a package per concern (``screenshot``, ``clipboard``, ``hotkey``,
``notification``), one module per backend exposing ``is_compatible()`` and ``is_installed()``,
tried in order, with a clear message when none works.
"""
