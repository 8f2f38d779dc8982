"""Draw the program's icon: resources/icons/gov-report.ico (and gov-report.png, 256 px, for Linux and docs).

    .venv/bin/python resources/icons/make_icon.py

A red square with rounded corners (the colour of official documents' 红头) with 年报 in white over a thin
gold rule; at 16–32 px, where two characters cannot be read, only 报. Drawn with the bundled Microhei font
(resources/fonts), so it is the same on every machine. Each size is drawn, not scaled down, to stay sharp.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "wqy-microhei.ttc"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
RED, GOLD, WHITE = (183, 28, 28, 255), (244, 196, 48, 255), (255, 255, 255, 255)


def draw(size: int) -> Image.Image:
    """The icon at `size` pixels, drawn at 4× and reduced (smooth edges)."""
    big = size * 4
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    margin = big // 32
    d.rounded_rectangle((margin, margin, big - margin, big - margin), radius=big // 6, fill=RED)
    text = "年报" if size >= 40 else "报"
    font = ImageFont.truetype(str(FONT), int(big * (0.40 if len(text) == 2 else 0.72)))
    left, top, right, bottom = d.textbbox((0, 0), text, font=font)
    y_text = (big - (bottom - top)) // 2 - top - (big // 14 if len(text) == 2 else 0)
    # a stroke in the same colour makes the strokes bold enough to read on a dark taskbar
    d.text(((big - (right - left)) // 2 - left, y_text), text, font=font, fill=WHITE,
           stroke_width=max(1, big // 96), stroke_fill=WHITE)
    if len(text) == 2:
        rule_y = big - big // 4
        d.rectangle((big // 5, rule_y, big - big // 5, rule_y + max(2, big // 40)), fill=GOLD)
    return img.resize((size, size), Image.LANCZOS)


def main() -> int:
    images = [draw(s) for s in SIZES]
    largest = images[-1]
    largest.save(HERE / "gov-report.png", optimize=True)
    largest.save(HERE / "gov-report.ico", format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print(f"{HERE / 'gov-report.ico'}: {', '.join(map(str, SIZES))} px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
