"""Render the application icon from its SVG sources to every size the platforms ask for.

    python packaging/render_icons.py          (offscreen is fine; run it after editing an SVG)

Reads ``resources/icons/lbsdesk.svg`` (the full picture, used from 48 px up) and
``resources/icons/lbsdesk-small.svg`` (the same picture with bolder shapes, used at 32 px and under so
it stays readable at 16 px), and writes next to them:

- ``lbsdesk-<size>.png`` for each size in ``lbsdesk.resources.ICON_SIZES`` (the Qt window icon, the
  Linux hicolor theme sizes, the About dialog);
- ``lbsdesk.ico`` (Windows: 16, 24, 32, 48, 64, 128, 256; PNG-compressed entries, read by Windows
  Vista and later) for the executables, the installer and its shortcuts;
- ``lbsdesk.icns`` (macOS: 16–1024, PNG entries) for a macOS app bundle.

The outputs are committed, so building the program never needs this script. It uses PySide6's
QSvgRenderer (PySide6-Essentials ships QtSvg).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
sys.path.insert(0, str(ROOT))

from lbsdesk.resources import ICON_NAME, ICON_SIZES  # noqa: E402

#: Sizes drawn from the simplified picture.
SMALL_SIZES = {16, 24, 32}
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS element types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico file whose entries are PNG images (ICONDIR, ICONDIRENTRY × n, then the images)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        dimension = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for size in sorted(ICNS_TYPES)
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage needs it
    full, small = ICONS / f"{ICON_NAME}.svg", ICONS / f"{ICON_NAME}-small.svg"
    pngs: dict[int, bytes] = {}
    for size in ICON_SIZES:
        pngs[size] = render_png(small if size in SMALL_SIZES else full, size)
        (ICONS / f"{ICON_NAME}-{size}.png").write_bytes(pngs[size])
    (ICONS / f"{ICON_NAME}.ico").write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    (ICONS / f"{ICON_NAME}.icns").write_bytes(icns_bytes(pngs))
    for path in sorted(ICONS.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:>8,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
