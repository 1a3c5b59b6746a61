"""Workarounds for defects of the PySide6 build we ship, applied once at import.

PySide6 6.12 here (CPython 3.11) drops one reference to ``None`` on every call of a C++ method that
returns nothing (``QLabel.setText``, ``QPainter.setPen`` …): measured with ``sys.getrefcount(None)``,
-1 per call.  A few hundred thousand such calls — a custom-painted widget repainting for a while, a
long session — take None's count to zero and the interpreter aborts ("Fatal Python error:
none_dealloc").  ``protect_none`` adds a very large count to None once, so the drift can never reach
zero in the life of a process.  CPython 3.12+ makes None immortal and needs nothing.

Call ``protect_none()`` at program start (lbsdesk.ui.app); modules that paint a lot also call it on
import, so tests and scripts are covered.  It is idempotent.
"""

from __future__ import annotations

import sys

_BALLAST = 1 << 40  # about 10^12 void calls before it could matter
_done = False


def protect_none() -> bool:
    """Make None's reference count unreachable by the PySide6 drift; True when anything was done."""
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += _BALLAST
    _done = True
    return True


def void_call_drops_none() -> bool:
    """Whether the installed PySide6 still has the defect (for a self-test or a bug report)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(50):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 25
