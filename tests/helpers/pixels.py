"""Questions about what a screenshot shows, asked of its pixels rather than of computed styles
(an engine can compute a style it never paints)."""

from __future__ import annotations

import re
from collections import Counter
from io import BytesIO

from PIL import Image

from .browser import Box

Colour = tuple[int, int, int]


def decoded(png: bytes) -> Image.Image:
    return Image.open(BytesIO(png)).convert("RGB")


def parse(css: str) -> Colour:
    """An `rgb(...)`/`rgba(...)` colour as getComputedStyle gives it."""
    red, green, blue = (int(float(part)) for part in re.findall(r"[\d.]+", css)[:3])
    return red, green, blue


def near(one: Colour, other: Colour, tolerance: int = 24) -> bool:
    return sum(abs(a - b) for a, b in zip(one, other, strict=True)) <= tolerance


def column(image: Image.Image, x: float, top: float, bottom: float) -> list[Colour]:
    """The pixels of one column between two heights (all in the image's pixels)."""
    return [image.getpixel((int(x), y)) for y in range(int(top), int(bottom))]  # type: ignore[misc]


def most_common(image: Image.Image, area: Box) -> Colour:
    """The colour that fills most of `area` (its background, around any text)."""
    box = (int(area.left), int(area.top), int(area.right), int(area.bottom))
    colour: Colour = Counter(image.crop(box).get_flattened_data()).most_common(1)[0][0]
    return colour


def scaled(area: Box, scale: float) -> Box:
    """A box in CSS pixels as the screenshot's pixels (devicePixelRatio may not be 1)."""
    return Box(area.top * scale, area.bottom * scale, area.left * scale, area.right * scale)
