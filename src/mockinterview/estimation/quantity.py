"""Quantities as people type and read them: ``1.2K/s``, ``100M/day``, ``91 TB``.

:func:`parse_quantity` reads what a candidate types into a number in a unit's own
terms; :func:`format_quantity` writes a value back compactly; :data:`UNIT_DESCRIPTIONS`
and :func:`unit_examples` say in words what each unit expects.

Units: bytes are **decimal**: 1 KB = 1,000 bytes, 1 MB = 10^6 bytes, and so on, as in
the scenario documents. The binary IEC units KiB, MiB, GiB, TiB and PiB (1,024-based)
are accepted when typed explicitly. A month is 30 days and a year 365 days.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from mockinterview.content.scenario import Unit
from mockinterview.errors import QuantityError

__all__ = ["UNIT_DESCRIPTIONS", "format_quantity", "parse_quantity", "unit_examples"]

# ----------------------------------------------------------------------------------
# Units
# ----------------------------------------------------------------------------------

_DAY = 86_400.0
_YEAR = 365 * _DAY

_RATE_SECONDS: dict[Unit, float] = {
    Unit.per_second: 1.0,
    Unit.per_day: _DAY,
    Unit.per_year: _YEAR,
    Unit.bytes_per_second: 1.0,
    Unit.bytes_per_day: _DAY,
    Unit.bytes_per_year: _YEAR,
}
_TIME_SECONDS: dict[Unit, float] = {
    Unit.seconds: 1.0,
    Unit.hours: 3600.0,
    Unit.days: _DAY,
    Unit.years: _YEAR,
}
_BYTE_UNITS = {Unit.bytes, Unit.bytes_per_second, Unit.bytes_per_day, Unit.bytes_per_year}


def _dimension(unit: Unit) -> str:
    if unit in _BYTE_UNITS:
        return "bytes"
    if unit in _TIME_SECONDS:
        return "time"
    if unit is Unit.ratio:
        return "ratio"
    return "count"


_EXAMPLES: dict[Unit, tuple[str, ...]] = {
    Unit.count: ("1200", "1,200", "1.2K", "115K", "10B", "2.4e3", "~1,200"),
    Unit.ratio: ("100", "100x", "100:1", "80%"),
    Unit.bytes: ("500", "1KB", "500 GB", "91TB", "2 TiB"),
    Unit.seconds: ("30", "30 s", "2 min", "1.5 h"),
    Unit.hours: ("3", "3 h", "90 min", "2 days"),
    Unit.days: ("30", "30 days", "2 weeks", "1 year"),
    Unit.years: ("5", "5 years", "18 months"),
    Unit.per_second: ("1200", "1.2K/s", "350 per second", "58K QPS", "100M/day"),
    Unit.per_day: ("100M", "100M/day", "5B/day", "1,157/s"),
    Unit.per_year: ("36B", "36B/year", "100M/day"),
    Unit.bytes_per_second: ("17.4MB/s", "35 MB/sec", "500GB/day"),
    Unit.bytes_per_day: ("500GB/day", "500 GB", "17.4MB/s"),
    Unit.bytes_per_year: ("180TB/year", "180 TB", "500GB/day"),
}

#: What each unit measures, in words (messages, prompts).
UNIT_DESCRIPTIONS: dict[Unit, str] = {
    Unit.count: "a count",
    Unit.ratio: "a ratio",
    Unit.bytes: "a size in bytes",
    Unit.seconds: "a duration in seconds",
    Unit.hours: "a duration in hours",
    Unit.days: "a duration in days",
    Unit.years: "a duration in years",
    Unit.per_second: "a rate per second",
    Unit.per_day: "a rate per day",
    Unit.per_year: "a rate per year",
    Unit.bytes_per_second: "a data rate in bytes per second",
    Unit.bytes_per_day: "a data rate in bytes per day",
    Unit.bytes_per_year: "a data rate in bytes per year",
}

_DECIMAL_NOTE = "KB/MB/GB/TB are decimal, 1 KB = 1,000 bytes; KiB/MiB/GiB/TiB are 1,024-based"


def unit_examples(unit: Unit) -> tuple[str, ...]:
    """A few inputs :func:`parse_quantity` accepts for ``unit`` (for hints)."""
    return _EXAMPLES[Unit(unit)]


def _expected(unit: Unit) -> str:
    text = f"{UNIT_DESCRIPTIONS[unit]}, e.g. {', '.join(_EXAMPLES[unit])}"
    if unit in _BYTE_UNITS:
        text += f" ({_DECIMAL_NOTE})"
    if unit in _RATE_SECONDS:
        text += "; a number without a rate is taken per " + _RATE_WORD[unit]
    return text


_RATE_WORD = {
    Unit.per_second: "second",
    Unit.per_day: "day",
    Unit.per_year: "year",
    Unit.bytes_per_second: "second",
    Unit.bytes_per_day: "day",
    Unit.bytes_per_year: "year",
}

# ----------------------------------------------------------------------------------
# Parsing quantities
# ----------------------------------------------------------------------------------

_APPROX_RE = re.compile(
    r"^(?:~|≈|about\b|approximately\b|approx\.?|around\b|roughly\b|circa\b|ca\.|nearly\b|almost\b)\s*",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(
    r"[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+(?:_\d+)*)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?"
)

_TIME_WORDS: dict[str, float] = {}
for _words, _secs in (
    (("s", "sec", "secs", "second", "seconds"), 1.0),
    (("min", "mins", "minute", "minutes"), 60.0),
    (("h", "hr", "hrs", "hour", "hours"), 3600.0),
    (("d", "day", "days"), _DAY),
    (("w", "wk", "wks", "week", "weeks"), 7 * _DAY),
    (("mo", "mos", "month", "months"), 30 * _DAY),
    (("y", "yr", "yrs", "year", "years"), _YEAR),
):
    for _w in _words:
        _TIME_WORDS[_w] = _secs

_RATE_RE = re.compile(
    r"(?:(?:/|\bper\b|\ba\b|\ban\b|\bevery\b)\s*(?P<per>[a-z]+)|\b(?P<ps>qps|rps|tps))\s*$",
    re.IGNORECASE,
)

_MULTIPLIERS: dict[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "mil": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
}
_WORD_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}

_SI = {"": 1.0, "k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12, "p": 1e15}
_IEC = {"k": 2.0**10, "m": 2.0**20, "g": 2.0**30, "t": 2.0**40, "p": 2.0**50}
_BYTE_RE = re.compile(r"^(?P<p>[kmgtp]?)(?P<i>i?)b(?:ytes?)?$", re.IGNORECASE)
_BYTE_WORDS = {
    "byte": 1.0,
    "bytes": 1.0,
    "kilobyte": 1e3,
    "kilobytes": 1e3,
    "megabyte": 1e6,
    "megabytes": 1e6,
    "gigabyte": 1e9,
    "gigabytes": 1e9,
    "terabyte": 1e12,
    "terabytes": 1e12,
    "petabyte": 1e15,
    "petabytes": 1e15,
}

# Words that may follow a count ("174k msg/s", "100M urls/day"); plural "s" is stripped.
_NOUNS = frozenset(
    ["msg", "message", "req", "request", "query", "queries", "q", "op", "operation", "event", "user", "url", "link", "write", "read", "post", "tweet", "photo", "image", "video", "file", "item", "record", "row", "object", "click", "view", "visit", "notification", "hit", "call", "connection", "session", "transaction", "txn", "upload", "download", "lookup", "redirect", "job", "task", "order", "ride", "trip", "server", "machine", "node", "shard", "instance", "host", "entry", "entries", "key", "id", "unit", "page", "document", "doc", "comment", "like", "follower", "follow", "message", "msgs", "reqs", "ops", "dau", "mau", "active", "payment", "search", "device", "account", "chunk", "block", "batch", "packet"]
)


@dataclass(frozen=True)
class _Parsed:
    value: float  # count, bytes or seconds (durations), or a plain number
    kind: str  # "bare" | "count" | "bytes" | "time" | "ratio"
    per: float | None  # seconds in the rate's denominator, or None


def _fail(text: str, unit: Unit, why: str | None = None) -> QuantityError:
    reason = f"{why}; " if why else ""
    return QuantityError(f"cannot read {text!r}: {reason}expected {_expected(unit)}")


def _is_noun(word: str) -> bool:
    w = word.lower()
    return w in _NOUNS or (w.endswith("s") and w[:-1] in _NOUNS) or (w.endswith("es") and w[:-2] in _NOUNS)


def _parse_size(rest: str, unit: Unit, text: str) -> tuple[float, str]:
    """Multiplier and kind ("bare", "count", "bytes", "time", "ratio") of what follows the number."""
    dim = _dimension(unit)
    s = rest.strip()
    if not s:
        return 1.0, "bare"
    low = s.lower()
    words = low.split()
    # Bytes: explicit byte units are bytes everywhere; in byte units a lone B is bytes.
    m = _BYTE_RE.match(low.replace(" ", ""))
    if m and (dim == "bytes" or m.group("p") or m.group("i") or low.endswith("byte") or low.endswith("bytes")):
        p, iec = m.group("p").lower(), m.group("i")
        if iec and not p:
            raise _fail(text, unit, f"{s!r} is not a unit")
        return (_IEC[p] if iec else _SI[p]), "bytes"
    if low in _BYTE_WORDS:
        return _BYTE_WORDS[low], "bytes"
    if dim == "bytes":
        # A bare SI prefix means decimal bytes: 91T = 91 TB.
        if low in _SI and low:
            return _SI[low], "bytes"
        if low in _WORD_MULTIPLIERS:
            return _WORD_MULTIPLIERS[low], "bytes"
        if len(words) == 2 and words[0] in _WORD_MULTIPLIERS and words[1] in _BYTE_WORDS:
            return _WORD_MULTIPLIERS[words[0]] * _BYTE_WORDS[words[1]], "bytes"
    if low in _TIME_WORDS:
        return _TIME_WORDS[low], "time"
    if dim == "ratio":
        if low in ("x", "×", "times"):
            return 1.0, "ratio"
        if low == "%":
            return 0.01, "ratio"
    # Counts: an optional magnitude, then an optional noun.
    if dim != "bytes":
        mult = 1.0
        if words and words[0] in _MULTIPLIERS:
            mult = _MULTIPLIERS[words.pop(0)]
        if not words:
            return mult, "count"
        if len(words) == 1 and _is_noun(words[0]):
            return mult, "count"
    raise _fail(text, unit)


def parse_quantity(text: str, unit: Unit) -> float:
    """Read a typed quantity as a number in ``unit``'s own terms.

    The result is a count for ``count``; bytes for ``bytes``; per second for
    ``per_second``, per day for ``per_day``, per year for ``per_year``; bytes per
    second/day/year for the data rates; seconds/hours/days/years for durations;
    a plain number for ``ratio``.

    Accepted: ``1200``, ``1,200``, ``1_200``, ``2.4e3``, a leading ``~``/``about``/
    ``roughly``; magnitudes ``k``/``K`` (thousand), ``m``/``M`` (million),
    ``b``/``B``/``bn`` (billion), ``t``/``T`` (trillion) and the words; an optional
    noun (``174k msg/s``, ``58K QPS``).

    Rates: ``/s``, ``/sec``, ``per second``, ``qps``, ``rps``, ``/min``, ``/h``,
    ``/hour``, ``/day``, ``/d``, ``per day``, ``/week``, ``/month`` (30 days),
    ``/year`` (365 days); converted to the target (``100M/day`` is 1,157.4 for a
    ``per_second`` figure and 10^8 for a ``per_day`` one). A number without a rate is
    in the figure's own unit.

    Bytes: **decimal** — ``KB``/``MB``/``GB``/``TB``/``PB`` are powers of 1,000;
    ``KiB``/``MiB``/``GiB``/``TiB``/``PiB`` are powers of 1,024. For a byte unit a
    ``B`` means *bytes* (``10B`` is 10 bytes, never 10 billion) and a bare prefix is
    a decimal byte prefix (``91T`` = 91 TB). A lower-case ``b`` is read as bytes too,
    never bits. Everywhere else ``B`` means billion.

    Errors (:class:`QuantityError`, with examples for the unit): unreadable text;
    a rate for a figure that is not a rate; bytes for a count (or a count-rate);
    a duration for a non-duration; a value that is zero or negative.
    """
    unit = Unit(unit)
    original = text
    s = " ".join(str(text).strip().split())
    while True:
        m = _APPROX_RE.match(s)
        if not m or not m.group(0):
            break
        s = s[m.end() :]
    if not s:
        raise _fail(original, unit, "nothing was typed")
    num = _NUMBER_RE.match(s)
    if not num:
        raise _fail(original, unit)
    try:
        value = float(num.group(0).replace(",", "").replace("_", ""))
    except ValueError:  # pragma: no cover - the pattern only matches valid numbers
        raise _fail(original, unit) from None
    rest = s[num.end() :].strip()
    if rest.startswith(("e", "E")) and rest[1:2].isdigit():
        raise _fail(original, unit)

    # Ratios: 100:1, 1:4
    if _dimension(unit) == "ratio" and rest.startswith(":"):
        den = _NUMBER_RE.fullmatch(rest[1:].strip())
        if not den:
            raise _fail(original, unit)
        d = float(den.group(0).replace(",", "").replace("_", ""))
        if d <= 0:
            raise _fail(original, unit, "the ratio's second number must be positive")
        return _positive(value / d, original, unit)

    # A rate at the end: "/s", "per day", "QPS".
    per: float | None = None
    rate = _RATE_RE.search(rest)
    if rate:
        if rate.group("ps"):
            per = 1.0
            rest = rest[: rate.start()]
        else:
            word = rate.group("per").lower()
            if word in _TIME_WORDS:
                per = _TIME_WORDS[word]
                rest = rest[: rate.start()]
            elif rate.group(0).lstrip().lower().startswith(("/", "per")):
                raise _fail(original, unit, f"{word!r} is not a time unit (use s, min, h, day, week, month or year)")
    mult, kind = _parse_size(rest, unit, original)
    parsed = _Parsed(value * mult, kind, per)
    return _positive(_convert(parsed, unit, original), original, unit)


def _positive(x: float, text: str, unit: Unit) -> float:
    if not math.isfinite(x):
        raise _fail(text, unit, "the number is too large")
    if x <= 0:
        raise _fail(text, unit, "it must be greater than zero")
    return x


def _convert(p: _Parsed, unit: Unit, text: str) -> float:
    dim = _dimension(unit)
    target_per = _RATE_SECONDS.get(unit)
    if p.per is not None and target_per is None:
        raise _fail(text, unit, "that is a rate, but this figure is not")
    if p.kind == "time":
        if dim != "time":
            raise _fail(text, unit, "that is a duration")
        return p.value / _TIME_SECONDS[unit]
    if dim == "time":
        if p.kind not in ("bare",):
            raise _fail(text, unit, "that is not a duration")
        return p.value
    if p.kind == "bytes" and dim != "bytes":
        raise _fail(text, unit, "that is a size in bytes")
    if p.kind == "ratio" and dim != "ratio":  # pragma: no cover - only read for ratios
        raise _fail(text, unit)
    value = p.value
    if p.per is not None and target_per is not None:
        value = value * (target_per / p.per)
    return value


# ----------------------------------------------------------------------------------
# Formatting quantities
# ----------------------------------------------------------------------------------


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


def _duration(x: float, word: str) -> str:
    """``x`` followed by a time word, plural unless ``x`` shows as exactly 1: ``1 second``, ``2.5 hours``.

    Not :func:`mockinterview.wording.plural`: that counts whole things; this writes a
    measured float compactly (``12.5K years``) and decides the plural from what is shown.
    """
    shown = _plain(x) if abs(x) < 10_000 else _compact_count(x)
    return f"{shown} {word}" if shown == "1" else f"{shown} {word}s"


def format_quantity(value: float, unit: Unit) -> str:
    """``value`` (in ``unit``'s own terms) for people: compact and unit-marked.

    Examples: ``1,157/s``, ``115.7K/s``, ``182.5B``, ``100M/day``, ``91.3 TB``,
    ``500 GB/day``, ``17.4 MB/s``, ``5 years``, ``100x`` (a ratio below 1 is a plain
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
    suffix = {Unit.per_second: "/s", Unit.per_day: "/day", Unit.per_year: "/year"}
    if unit in suffix:
        return _compact_count(value) + suffix[unit]
    byte_suffix = {Unit.bytes_per_second: "/s", Unit.bytes_per_day: "/day", Unit.bytes_per_year: "/year"}
    return _compact_bytes(value) + byte_suffix[unit]
