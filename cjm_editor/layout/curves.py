"""Smooth emotion curves that never overshoot: monotone cubic (Fritsch–Carlson) Bézier segments.

A curve through scores stays between its neighbouring points, so it never draws a persona happier
or unhappier than any score they gave. Shared by the canvas and the PDF export.
"""

from __future__ import annotations

import math

XY = tuple[float, float]


def bezier_segments(points: list[XY]) -> list[tuple[XY, XY, XY]]:
    """(control 1, control 2, end) for each segment after the first point; points sorted by x."""
    n = len(points)
    if n < 2:
        return []
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    dx = [xs[i + 1] - xs[i] for i in range(n - 1)]
    slope = [(ys[i + 1] - ys[i]) / dx[i] if dx[i] > 1e-9 else 0.0 for i in range(n - 1)]
    tangent = [slope[0], *[0.0] * (n - 2), slope[-1]]
    for i in range(1, n - 1):
        tangent[i] = 0.0 if slope[i - 1] * slope[i] <= 0 else (slope[i - 1] + slope[i]) / 2
    for i in range(n - 1):
        if slope[i] == 0:
            tangent[i] = tangent[i + 1] = 0.0
            continue
        a, b = tangent[i] / slope[i], tangent[i + 1] / slope[i]
        h = a * a + b * b
        if h > 9:
            k = 3 / math.sqrt(h)
            tangent[i], tangent[i + 1] = k * a * slope[i], k * b * slope[i]
    out = []
    for i in range(n - 1):
        third = dx[i] / 3
        c1 = (xs[i] + third, ys[i] + tangent[i] * third)
        c2 = (xs[i + 1] - third, ys[i + 1] - tangent[i + 1] * third)
        out.append((c1, c2, (xs[i + 1], ys[i + 1])))
    return out
