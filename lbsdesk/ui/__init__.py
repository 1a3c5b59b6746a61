"""The desktop app (PySide6): the only package that imports Qt.

Importing it first guards against a defect of the PySide6 build we ship (see qt_workarounds).
"""

from lbsdesk.ui.qt_workarounds import protect_none

protect_none()
