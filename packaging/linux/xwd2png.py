"""Converts the X window dump (xwd -root) of packaging/check-linux.sh's wizard run to PNG, and refuses a
blank one: the screenshot is evidence that the window was drawn, so an empty screen must fail the check.
  python packaging/linux/xwd2png.py IN.xwd OUT.png
Only what Xvfb gives at depth 24 (ZPixmap, 24 or 32 bits per pixel) is read; anything else is refused."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PIL import Image

MIN_COLOURS = 16  # a drawn window has many more (text anti-aliasing); an empty Xvfb screen has one


def convert(src: str, dst: str) -> int:
    """Writes the PNG; returns the number of distinct colours in it."""
    data = Path(src).read_bytes()
    fields = struct.unpack(">25I", data[:100])
    header_size, _, fmt, depth, width, height = fields[:6]
    byte_order, bits_per_pixel, bytes_per_line, ncolors = fields[7], fields[11], fields[12], fields[19]
    if fmt != 2 or bits_per_pixel not in (24, 32) or depth != 24:
        raise SystemExit(f"xwd2png: unsupported dump (format {fmt}, depth {depth}, {bits_per_pixel} bpp)")
    start = header_size + ncolors * 12
    raw = {(32, 0): "BGRX", (32, 1): "XRGB", (24, 0): "BGR", (24, 1): "RGB"}[bits_per_pixel, byte_order]
    image = Image.frombuffer("RGB", (width, height), data[start:start + bytes_per_line * height], "raw", raw,
                             bytes_per_line, 1)
    image.save(dst)
    return len(image.getcolors(maxcolors=1 << 20) or [])


if __name__ == "__main__":
    colours = convert(sys.argv[1], sys.argv[2])
    print(f"{sys.argv[2]}: {colours} colours")
    sys.exit(0 if colours >= MIN_COLOURS else 1)
