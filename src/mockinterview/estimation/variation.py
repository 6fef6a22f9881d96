"""Varying a drill: new assumption values, drawn reproducibly from each one's range.

(Named ``variation`` rather than ``vary`` so that ``mockinterview.estimation.vary`` is
only ever the function, never a module that shadows it.)
"""

from __future__ import annotations

import math
import random

from mockinterview.content.scenario import Estimation

__all__ = ["vary"]


def _round_sig(x: float, sig: int, how: str = "nearest") -> float:
    if x == 0:
        return 0.0
    exp = math.floor(math.log10(abs(x))) - sig + 1
    scale = 10.0**exp
    q = x / scale
    q = {"nearest": round(q), "up": math.ceil(q), "down": math.floor(q)}[how]
    # round(…, 12) removes binary noise such as 2.3000000000000003e8.
    return float(f"{q * scale:.12g}")


def _natural(x: float, lo: float, hi: float, integral: bool) -> float:
    """``x`` rounded to 2 significant figures (more only if the range demands it), kept in [lo, hi]."""
    for sig in range(2, 16):
        for how in ("nearest", "up", "down"):
            y = _round_sig(x, sig, how)
            if integral:
                y = float(round(y))
            if lo <= y <= hi:
                return y
    return min(max(x, lo), hi)


def vary(est: Estimation, seed: int | None = None) -> dict[str, float]:
    """New assumption values, drawn log-uniformly from each assumption's ``vary`` range.

    Reproducible for a given ``seed`` (``random.Random(seed)``). Values are rounded
    to 2 significant figures so they read naturally (230M/day, not 231,412,337);
    where the value and both bounds are whole numbers the draw stays whole. Every
    assumption is in the result; those without ``vary`` keep their value. Pass the
    result to :func:`compute` as ``overrides``.
    """
    rng = random.Random(seed)
    out: dict[str, float] = {}
    for a in est.assumptions:
        if a.vary is None:
            out[a.name] = float(a.value)
            continue
        lo, hi = float(a.vary[0]), float(a.vary[1])
        if lo == hi:
            out[a.name] = lo
            continue
        x = math.exp(rng.uniform(math.log(lo), math.log(hi)))
        integral = all(float(v).is_integer() for v in (a.value, lo, hi))
        out[a.name] = _natural(x, lo, hi, integral)
    return out
