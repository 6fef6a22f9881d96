"""Charts as inline SVG for the HTML reports: no script, no external file, styled by the
page's stylesheet (classes ``axis``, ``series``, ``dot``, ``cut``), readable in print.

Every chart has a text alternative in the page (its caption), so the numbers are never
only a picture; a point with no data (``None``) leaves a gap in the line.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockinterview.ui.html import esc

__all__ = ["line_chart", "spark_svg"]


def _points(values: Sequence[float | None], x0: float, x1: float, y0: float, y1: float, lo: float, hi: float) -> list[tuple[float, float] | None]:
    n = len(values)
    span = (hi - lo) or 1.0
    out: list[tuple[float, float] | None] = []
    for i, v in enumerate(values):
        if v is None:
            out.append(None)
            continue
        x = x0 + (x1 - x0) * (i / (n - 1) if n > 1 else 0.5)
        frac = (min(max(v, lo), hi) - lo) / span
        out.append((round(x, 1), round(y1 - (y1 - y0) * frac, 1)))
    return out


def _paths(points: list[tuple[float, float] | None]) -> list[str]:
    """One ``d`` per unbroken run of points."""
    runs: list[list[tuple[float, float]]] = [[]]
    for p in points:
        if p is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(p)
    return ["M" + " L".join(f"{x},{y}" for x, y in run) for run in runs if len(run) > 1]


def line_chart(
    values: Sequence[float | None],
    labels: Sequence[str],
    *,
    lo: float,
    hi: float,
    title: str,
    cutoffs: Sequence[tuple[float, str]] = (),
    ticks: Sequence[float] = (),
    width: int = 640,
    height: int = 220,
) -> str:
    """A line over ``labels`` (oldest left) on a fixed ``lo..hi`` scale, with dashed
    horizontal lines at ``cutoffs`` (value, label), such as the verdict thresholds."""
    left, right, top, bottom = 40, 12, 12, 28
    x0, x1, y0, y1 = left, width - right, top, height - bottom
    span = (hi - lo) or 1.0

    def y(v: float) -> float:
        return round(y1 - (y1 - y0) * (v - lo) / span, 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-label="{esc(title)}">',
        f"<title>{esc(title)}</title>",
        f'<line class="axis" x1="{x0}" y1="{y1}" x2="{x1}" y2="{y1}"/>',
        f'<line class="axis" x1="{x0}" y1="{y0}" x2="{x0}" y2="{y1}"/>',
    ]
    for t in ticks or (lo, hi):
        parts.append(f'<text x="{x0 - 6}" y="{y(t) + 4}" text-anchor="end">{t:g}</text>')
    for value, label in cutoffs:
        parts.append(f'<line class="cut" x1="{x0}" y1="{y(value)}" x2="{x1}" y2="{y(value)}"/>')
        parts.append(f'<text x="{x1}" y="{y(value) - 3}" text-anchor="end">{esc(label)} {value:g}</text>')
    pts = _points(values, x0, x1, y0, y1, lo, hi)
    for d in _paths(pts):
        parts.append(f'<path class="series" d="{d}"/>')
    for p, v, label in zip(pts, values, labels, strict=False):
        if p is not None and v is not None:
            parts.append(f'<circle class="dot" cx="{p[0]}" cy="{p[1]}" r="3"><title>{esc(label)}: {v:.1f}</title></circle>')
    if labels:
        parts.append(f'<text x="{x0}" y="{height - 8}">{esc(labels[0])}</text>')
        if len(labels) > 1:
            parts.append(f'<text x="{x1}" y="{height - 8}" text-anchor="end">{esc(labels[-1])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def spark_svg(values: Sequence[float | None], *, lo: float = 1.0, hi: float = 5.0, title: str = "", width: int = 120, height: int = 24) -> str:
    """A small trend line for a table cell, on the fixed ``lo..hi`` scale."""
    pts = _points(values, 2, width - 2, 3, height - 3, lo, hi)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{esc(title)}">',
        f'<line class="axis" x1="2" y1="{height - 3}" x2="{width - 2}" y2="{height - 3}"/>',
    ]
    parts += [f'<path class="series" d="{d}"/>' for d in _paths(pts)]
    parts += [f'<circle class="dot" cx="{p[0]}" cy="{p[1]}" r="1.8"/>' for p in pts if p is not None]
    parts.append("</svg>")
    return "".join(parts)
