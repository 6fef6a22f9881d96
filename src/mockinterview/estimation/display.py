"""Quantities written back for people, compactly and unit-marked: ``1,157/s``, ``91.3 TB``."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from mockinterview.content.units import Unit

__all__ = ["format_quantity"]


def _fixed(x: float, decimals: int) -> str:
    """``x`` with ``decimals`` decimals and thousands separators, rounding halves up (91.25 -> 91.3)."""
    q = Decimal(repr(x)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{q:,.{decimals}f}"


def _trim(number: str) -> str:
    if "." in number and "e" not in number:
        number = number.rstrip("0").rstrip(".")
    return number


def _scaled(x: float) -> str:
    """``x`` (>= 1 in magnitude, < 1000 ideally) with 2 decimals below 10, else 1."""
    decimals = 2 if abs(x) < 10 else 1
    return _trim(_fixed(x, decimals))


def _plain(x: float) -> str:
    """A number under 10,000 in magnitude: integers with commas, small ones with 3 significant figures."""
    a = abs(x)
    if a == 0:
        return "0"
    if a >= 100:
        return _fixed(x, 0)
    if a >= 1:
        return _trim(_fixed(x, 2 if a < 10 else 1))
    return _trim(f"{x:.3g}") if a >= 1e-3 else f"{x:.2g}"


def _compact_count(x: float) -> str:
    a = abs(x)
    if a < 9_999.5:
        return _plain(x)
    steps = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
    for div, suffix in steps:
        if a >= div * (1 - 5e-4):
            scaled = x / div
            if abs(scaled) >= 1000:  # only past the largest step
                return _fixed(scaled, 0) + suffix
            return _scaled(scaled) + suffix
    return _plain(x)  # pragma: no cover


def _compact_bytes(x: float) -> str:
    a = abs(x)
    steps = ((1e18, "EB"), (1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB"))
    for div, suffix in steps:
        if a >= div * (1 - 5e-4):
            scaled = x / div
            if abs(scaled) >= 1000:  # only past the largest step
                return f"{_fixed(scaled, 0)} {suffix}"
            return f"{_scaled(scaled)} {suffix}"
    return f"{_plain(x)} B"


def _compact_bits(x: float) -> str:
    """A bit rate: ``6.4 Gbps``, ``100 Mbps``, ``800 bps``."""
    a = abs(x)
    steps = ((1e15, "Pbps"), (1e12, "Tbps"), (1e9, "Gbps"), (1e6, "Mbps"), (1e3, "Kbps"))
    for div, suffix in steps:
        if a >= div * (1 - 5e-4):
            scaled = x / div
            if abs(scaled) >= 1000:  # only past the largest step
                return f"{_fixed(scaled, 0)} {suffix}"
            return f"{_scaled(scaled)} {suffix}"
    return f"{_plain(x)} bps"


def _duration(x: float, word: str) -> str:
    """``x`` followed by a time word, plural unless ``x`` shows as exactly 1: ``1 second``, ``2.5 hours``.

    Not :func:`mockinterview.wording.plural`: that counts whole things; this writes a
    measured float compactly (``12.5K years``) and decides the plural from what is shown.
    """
    shown = _plain(x) if abs(x) < 10_000 else _compact_count(x)
    return f"{shown} {word}" if shown == "1" else f"{shown} {word}s"


def format_quantity(value: float, unit: Unit) -> str:
    """``value`` (in ``unit``'s own terms) for people: compact and unit-marked.

    Examples: ``1,157/s``, ``115.7K/s``, ``182.5B``, ``100M/day``, ``10M/month``, ``91.3 TB``,
    ``500 GB/day``, ``12.7 GB/month``, ``17.4 MB/s``, ``6.4 Gbps``, ``5 years``, ``100x`` (a ratio below 1 is a plain
    number: ``0.95``). Counts under 10,000 are
    written in full with commas; larger ones with K/M/B/T (thousand, million,
    billion, trillion). Bytes use decimal units (1 KB = 1,000 bytes).
    """
    unit = Unit(unit)
    if not math.isfinite(value):
        return str(value)
    if unit is Unit.count:
        return _compact_count(value)
    if unit is Unit.ratio:
        if abs(value) < 1:  # a fraction such as a hit ratio reads better without the x
            return _plain(value)
        return (_plain(value) if abs(value) < 10_000 else _compact_count(value)) + "x"
    if unit is Unit.bytes:
        return _compact_bytes(value)
    if unit is Unit.seconds:
        return _duration(value, "second")
    if unit is Unit.hours:
        return _duration(value, "hour")
    if unit is Unit.days:
        return _duration(value, "day")
    if unit is Unit.years:
        return _duration(value, "year")
    suffix = {Unit.per_second: "/s", Unit.per_day: "/day", Unit.per_month: "/month", Unit.per_year: "/year"}
    if unit in suffix:
        return _compact_count(value) + suffix[unit]
    if unit is Unit.bits_per_second:
        return _compact_bits(value)
    byte_suffix = {Unit.bytes_per_second: "/s", Unit.bytes_per_day: "/day", Unit.bytes_per_month: "/month",
                   Unit.bytes_per_year: "/year"}
    return _compact_bytes(value) + byte_suffix[unit]
