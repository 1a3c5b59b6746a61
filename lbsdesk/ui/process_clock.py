"""How long ago this process started, for ``--smoke``'s ``startup_ms`` (interpreter start included)."""

from __future__ import annotations

import os
import sys
import time

#: Fallback when the operating system cannot tell: the moment this module was first imported.
_IMPORTED_AT = time.perf_counter()


def _seconds_since_start_linux() -> float | None:
    try:
        with open(f"/proc/{os.getpid()}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat: starttime, in clock ticks after boot
        ticks = os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / ticks
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _seconds_since_start_windows() -> float | None:  # pragma: no cover - Windows only
    try:
        import ctypes
        from ctypes import wintypes

        creation, exit_, kernel, user = (wintypes.FILETIME() for _ in range(4))
        handle = ctypes.windll.kernel32.GetCurrentProcess()
        if not ctypes.windll.kernel32.GetProcessTimes(
            handle, ctypes.byref(creation), ctypes.byref(exit_), ctypes.byref(kernel), ctypes.byref(user)
        ):
            return None
        now = wintypes.FILETIME()
        ctypes.windll.kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

        def as_int(ft):  # noqa: ANN001, ANN202
            return (ft.dwHighDateTime << 32) | ft.dwLowDateTime

        return (as_int(now) - as_int(creation)) / 1e7
    except Exception:  # noqa: BLE001
        return None


def milliseconds_since_process_start() -> int:
    seconds = None
    if sys.platform.startswith("linux"):
        seconds = _seconds_since_start_linux()
    elif sys.platform == "win32":  # pragma: no cover
        seconds = _seconds_since_start_windows()
    if seconds is None or seconds < 0:
        seconds = time.perf_counter() - _IMPORTED_AT
    return round(seconds * 1000)
