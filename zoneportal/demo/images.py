"""Generated demo artwork: small, tasteful illustrations drawn with Pillow.

Nothing is fetched. Each motif is deterministic for a given key, so reloading the
demo produces the same files.
"""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

PALETTES = {
    "blue": ((11, 79, 138), (82, 153, 214), (245, 158, 11)),
    "teal": ((15, 94, 97), (94, 185, 170), (250, 204, 21)),
    "dusk": ((49, 46, 129), (236, 72, 153), (253, 186, 116)),
    "green": ((22, 101, 52), (134, 197, 120), (254, 240, 138)),
    "slate": ((30, 41, 59), (100, 116, 139), (56, 189, 248)),
    "amber": ((146, 64, 14), (251, 191, 36), (255, 247, 237)),
    "red": ((127, 29, 29), (248, 113, 113), (254, 226, 226)),
}
MOTIFS = ("skyline", "lake", "circuit", "molecule", "park", "people", "video")


def _gradient(size, top, bottom):
    width, height = size
    base = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(base)
    for y in range(height):
        t = y / max(height - 1, 1)
        color = tuple(int(top[i] + (bottom[i] - top[i]) * t) for i in range(3))
        draw.line([(0, y), (width, y)], fill=color)
    return base


def _skyline(draw, rng, size, accent):
    width, height = size
    x = 0
    while x < width:
        w = rng.randint(width // 24, width // 10)
        h = rng.randint(height // 5, int(height * 0.65))
        shade = rng.randint(10, 40)
        draw.rectangle([x, height - h, x + w, height], fill=(shade, shade + 10, shade + 30))
        for wy in range(height - h + 12, height - 10, 18):
            for wx in range(x + 6, x + w - 6, 14):
                if rng.random() < 0.35:
                    draw.rectangle([wx, wy, wx + 5, wy + 8], fill=accent)
        x += w + rng.randint(2, 10)


def _lake(draw, rng, size, accent):
    width, height = size
    horizon = int(height * 0.55)
    draw.ellipse(
        [width * 0.62, height * 0.12, width * 0.78, height * 0.12 + width * 0.16], fill=accent
    )
    for i in range(4):
        y0 = horizon - rng.randint(20, 90)
        draw.polygon(
            [
                (width * i / 3 - 200, horizon),
                (width * i / 3 + 60, y0),
                (width * i / 3 + 320, horizon),
            ],
            fill=(40 + i * 10, 70 + i * 8, 90 + i * 6),
        )
    draw.rectangle([0, horizon, width, height], fill=(30, 80, 120))
    for y in range(horizon + 8, height, 14):
        draw.line(
            [(rng.randint(0, width // 2), y), (rng.randint(width // 2, width), y)],
            fill=(120, 170, 210),
            width=2,
        )


def _circuit(draw, rng, size, accent):
    width, height = size
    for _ in range(40):
        x, y = rng.randint(0, width), rng.randint(0, height)
        length = rng.randint(60, 260)
        if rng.random() < 0.5:
            draw.line([(x, y), (x + length, y)], fill=accent, width=3)
            draw.ellipse([x + length - 6, y - 6, x + length + 6, y + 6], outline=accent, width=3)
        else:
            draw.line([(x, y), (x, y + length)], fill=accent, width=3)
            draw.ellipse([x - 6, y + length - 6, x + 6, y + length + 6], outline=accent, width=3)
    cx, cy = width // 2, height // 2
    draw.rounded_rectangle(
        [cx - 120, cy - 120, cx + 120, cy + 120],
        radius=18,
        fill=(20, 30, 50),
        outline=accent,
        width=4,
    )


def _molecule(draw, rng, size, accent):
    width, height = size
    nodes = [(rng.randint(80, width - 80), rng.randint(60, height - 60)) for _ in range(14)]
    for a, b in zip(nodes, nodes[1:], strict=False):
        draw.line([a, b], fill=(255, 255, 255), width=4)
    for x, y in nodes:
        r = rng.randint(14, 34)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=accent, outline=(255, 255, 255), width=3)


def _park(draw, rng, size, accent):
    width, height = size
    draw.rectangle([0, int(height * 0.7), width, height], fill=(60, 120, 60))
    for _ in range(18):
        x = rng.randint(0, width)
        y = int(height * 0.7)
        r = rng.randint(25, 60)
        draw.line([(x, y), (x, y - r)], fill=(90, 60, 30), width=6)
        draw.ellipse([x - r, y - 2 * r, x + r, y - r // 2], fill=(40 + rng.randint(0, 60), 130, 60))
    draw.rectangle([width * 0.35, height * 0.35, width * 0.65, height * 0.7], fill=(235, 240, 245))
    for wx in range(int(width * 0.37), int(width * 0.63), 30):
        draw.rectangle([wx, height * 0.42, wx + 16, height * 0.62], fill=accent)


def _people(draw, rng, size, accent):
    width, height = size
    draw.rectangle([0, int(height * 0.78), width, height], fill=(80, 60, 50))
    for i in range(9):
        x = int(width * (i + 0.5) / 9)
        top = int(height * 0.35) + rng.randint(-20, 30)
        color = (rng.randint(40, 200), rng.randint(40, 160), rng.randint(60, 200))
        draw.ellipse([x - 26, top - 60, x + 26, top - 8], fill=(240, 200, 170))
        draw.rounded_rectangle([x - 42, top, x + 42, int(height * 0.82)], radius=30, fill=color)
    draw.rectangle([width * 0.1, height * 0.08, width * 0.9, height * 0.2], fill=accent)


def _video(draw, rng, size, accent):
    _lake(draw, rng, size, accent)
    width, height = size
    cx, cy, r = width // 2, height // 2, min(width, height) // 7
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(0, 0, 0, 160))
    draw.polygon(
        [(cx - r // 3, cy - r // 2), (cx - r // 3, cy + r // 2), (cx + r // 2, cy)],
        fill=(255, 255, 255),
    )


DRAWERS = {
    "skyline": _skyline,
    "lake": _lake,
    "circuit": _circuit,
    "molecule": _molecule,
    "park": _park,
    "people": _people,
    "video": _video,
}


def render_artwork(
    key: str, motif: str = "skyline", palette: str = "blue", size=(1200, 675)
) -> bytes:
    """Return JPEG bytes of a deterministic illustration for `key`."""
    rng = random.Random(key)  # noqa: S311 - decorative randomness
    top, bottom, accent = PALETTES[palette]
    image = _gradient(size, top, bottom)
    DRAWERS[motif](ImageDraw.Draw(image), rng, size, accent)
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=78, optimize=True, progressive=True)
    return buffer.getvalue()
