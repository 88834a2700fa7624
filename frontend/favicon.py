"""Write ../static/favicon.ico (16x16 + 32x32, PNG-in-ICO) with the stdlib only.

Draws the same picture as static/favicon.svg: a #1d5c63 rounded square with a
white tick. Deterministic output. Run: python3 frontend/favicon.py
"""

import math
import struct
import zlib
from pathlib import Path

BRAND = (0x1D, 0x5C, 0x63)
TICK = [(8.0, 16.5), (13.5, 22.0), (24.0, 10.5)]  # in a 32x32 box, as in the SVG
STROKE_HALF = 2.0
RADIUS = 6.0
SS = 4  # supersampling per axis


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def in_rounded_square(x, y):
    cx = min(max(x, RADIUS), 32 - RADIUS)
    cy = min(max(y, RADIUS), 32 - RADIUS)
    return math.hypot(x - cx, y - cy) <= RADIUS


def render(size):
    rows = []
    scale = 32 / size
    for j in range(size):
        row = bytearray([0])  # PNG filter type 0
        for i in range(size):
            r = g = b = a = 0
            for sj in range(SS):
                for si in range(SS):
                    x = (i + (si + 0.5) / SS) * scale
                    y = (j + (sj + 0.5) / SS) * scale
                    if not in_rounded_square(x, y):
                        continue
                    on_tick = any(
                        seg_dist(x, y, *TICK[k], *TICK[k + 1]) <= STROKE_HALF
                        for k in range(len(TICK) - 1)
                    )
                    cr, cg, cb = (255, 255, 255) if on_tick else BRAND
                    r, g, b, a = r + cr, g + cg, b + cb, a + 1
            n = SS * SS
            if a:
                row += bytes([r // a, g // a, b // a, round(255 * a / n)])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(images):
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, blob in images:
        entries += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(blob), offset + len(data))
        data += blob
    return header + entries + data


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "static" / "favicon.ico"
    out.write_bytes(ico([(16, render(16)), (32, render(32))]))
    print(f"{out}: {out.stat().st_size} bytes")
