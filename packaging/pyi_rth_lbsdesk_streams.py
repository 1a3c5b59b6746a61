"""PyInstaller runtime hook: runs before LBS Desk's own code in the packaged program.

A windowed Windows executable (``lbsdesk.exe``, built with ``console=False``) starts with
``sys.stdout`` and ``sys.stderr`` set to None, so any ``print`` — a command's message, argparse's
usage text, ``--smoke``'s JSON line — would raise. Point them at the null device instead: the
command then runs and sets its exit status; its text is simply not shown (``lbsdesk-cli.exe`` is the
executable for the command line). Console executables are untouched.
"""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name, None) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
