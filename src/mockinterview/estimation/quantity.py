"""Quantities as people type and read them: ``1.2K/s``, ``100M/day``, ``91 TB``.

:func:`parse_quantity` reads what a candidate types into a number in a unit's own
terms. Writing values back (:func:`format_quantity`, in
:mod:`~mockinterview.estimation.display`) and what each unit expects in words
(:data:`UNIT_DESCRIPTIONS`, :func:`unit_examples`, in
:mod:`~mockinterview.estimation.dimensions`) are re-exported here.

Units: bytes are **decimal**: 1 KB = 1,000 bytes, 1 MB = 10^6 bytes, up to PB and EB,
as in the scenario documents. The binary IEC units KiB ... EiB (1,024-based) are
accepted when typed explicitly. Bits are written ``bit``/``bits`` or as a rate in
``bps`` (``6.4 Gbps``): 8 bits to a byte. A year is 365 days; a month is the
scenario's (``estimation.seconds_per_month``), 30 days unless it says otherwise: pass
it as ``month``. An answer may also be a simple expression over numbers (``62^7``,
``100M/86400``), evaluated by the same safe evaluator as the formulas.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from mockinterview.content.units import DEFAULT_SECONDS_PER_MONTH, Unit
from mockinterview.errors import FormulaError, QuantityError
from mockinterview.estimation.dimensions import (
    BYTE_UNITS,
    DAY,
    TIME_SECONDS,
    UNIT_DESCRIPTIONS,
    YEAR,
    dimension,
    expected,
    rate_seconds,
    unit_examples,
)
from mockinterview.estimation.display import format_quantity
from mockinterview.estimation.formula import compile_formula

__all__ = [
    "BYTE_UNITS",
    "UNIT_DESCRIPTIONS",
    "dimension",
    "format_quantity",
    "parse_quantity",
    "rate_seconds",
    "unit_examples",
]

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
    (("d", "day", "days"), DAY),
    (("w", "wk", "wks", "week", "weeks"), 7 * DAY),
    (("y", "yr", "yrs", "year", "years"), YEAR),
):
    for _w in _words:
        _TIME_WORDS[_w] = _secs
_MONTH_WORDS = frozenset({"mo", "mos", "month", "months"})


def _seconds_of(word: str, month: float) -> float | None:
    """Seconds in a time word (``day``, ``month`` as the scenario's month), or None."""
    if word in _MONTH_WORDS:
        return month
    return _TIME_WORDS.get(word)

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

_SI = {"": 1.0, "k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12, "p": 1e15, "e": 1e18}
_IEC = {"k": 2.0**10, "m": 2.0**20, "g": 2.0**30, "t": 2.0**40, "p": 2.0**50, "e": 2.0**60}
_BYTE_RE = re.compile(r"^(?P<p>[kmgtpe]?)(?P<i>i?)b(?:ytes?)?$", re.IGNORECASE)
# Bits: "Gbit", "gigabits", and the rate "Gbps" (bits per second). A bare "b" is bytes.
_BIT_RE = re.compile(r"^(?P<p>[kmgtpe]?)bits?$", re.IGNORECASE)
_BPS_RE = re.compile(r"^(?P<p>[kmgtpe]?)bps$", re.IGNORECASE)
_BIT_WORDS = {
    "bit": 1.0,
    "bits": 1.0,
    "kilobit": 1e3,
    "kilobits": 1e3,
    "megabit": 1e6,
    "megabits": 1e6,
    "gigabit": 1e9,
    "gigabits": 1e9,
    "terabit": 1e12,
    "terabits": 1e12,
}
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
    "exabyte": 1e18,
    "exabytes": 1e18,
}

# Words that may follow a count ("174k msg/s", "100M urls/day"); plural "s" is stripped.
_NOUNS = frozenset(
    ["msg", "message", "req", "request", "query", "queries", "q", "op", "operation", "event", "user", "url", "link", "write", "read", "post", "tweet", "photo", "image", "video", "file", "item", "record", "row", "object", "click", "view", "visit", "notification", "hit", "call", "connection", "session", "transaction", "txn", "upload", "download", "lookup", "redirect", "job", "task", "order", "ride", "trip", "server", "machine", "node", "shard", "instance", "host", "entry", "entries", "key", "id", "unit", "page", "document", "doc", "comment", "like", "follower", "follow", "message", "msgs", "reqs", "ops", "dau", "mau", "active", "payment", "search", "device", "account", "chunk", "block", "batch", "packet"]
)


@dataclass(frozen=True)
class _Parsed:
    value: float  # count, bytes, bits or seconds (durations), or a plain number
    kind: str  # "bare" | "count" | "bytes" | "bits" | "time" | "ratio"
    per: float | None  # seconds in the rate's denominator, or None


def _fail(text: str, unit: Unit, why: str | None = None) -> QuantityError:
    reason = f"{why}; " if why else ""
    return QuantityError(f"cannot read {text!r}: {reason}expected {expected(unit)}")


def _is_noun(word: str) -> bool:
    w = word.lower()
    return w in _NOUNS or (w.endswith("s") and w[:-1] in _NOUNS) or (w.endswith("es") and w[:-2] in _NOUNS)


def _parse_size(rest: str, unit: Unit, text: str, month: float) -> tuple[float, str]:
    """Multiplier and kind ("bare", "count", "bytes", "bits", "time", "ratio") of what follows the number."""
    dim = dimension(unit)
    s = rest.strip()
    if not s:
        return 1.0, "bare"
    low = s.lower()
    words = low.split()
    squeezed = low.replace(" ", "")
    # Bits are always written as bits ("Gbit", "gigabits"); a lone "b" is never a bit.
    bit = _BIT_RE.match(squeezed)
    if bit:
        return _SI[bit.group("p").lower()], "bits"
    if low in _BIT_WORDS:
        return _BIT_WORDS[low], "bits"
    # Bytes: explicit byte units are bytes everywhere; in byte units a lone B is bytes.
    m = _BYTE_RE.match(squeezed)
    if m and (dim == "bytes" or m.group("p") or m.group("i") or low.endswith("byte") or low.endswith("bytes")):
        p, iec = m.group("p").lower(), m.group("i")
        if iec and not p:
            raise _fail(text, unit, f"{s!r} is not a unit")
        return (_IEC[p] if iec else _SI[p]), "bytes"
    if low in _BYTE_WORDS:
        return _BYTE_WORDS[low], "bytes"
    if dim == "bytes":
        # A bare SI prefix means decimal bytes (91T = 91 TB), or bits for a bit rate (6.4G = 6.4 Gbps).
        bare = "bits" if unit is Unit.bits_per_second else "bytes"
        if low in _SI and low:
            return _SI[low], bare
        if low in _WORD_MULTIPLIERS:
            return _WORD_MULTIPLIERS[low], bare
        if len(words) == 2 and words[0] in _WORD_MULTIPLIERS and words[1] in _BYTE_WORDS:
            return _WORD_MULTIPLIERS[words[0]] * _BYTE_WORDS[words[1]], "bytes"
    seconds = _seconds_of(low, month)
    if seconds is not None:
        return seconds, "time"
    if len(words) == 2 and words[0] in _MULTIPLIERS and dim != "bytes":  # "12.5K years", as written back
        seconds = _seconds_of(words[1], month)
        if seconds is not None:
            return _MULTIPLIERS[words[0]] * seconds, "time"
    if dim == "ratio":
        if low == "%":
            return 0.01, "ratio"
        # "x", and a magnitude before it as ratios are written back: "30Kx", "2.5M x", "3 thousand times"
        for sign in ("times", "x", "×"):
            if low.endswith(sign):
                head = low[: -len(sign)].strip()
                if not head:
                    return 1.0, "ratio"
                if head in _MULTIPLIERS:
                    return _MULTIPLIERS[head], "ratio"
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


# ----------------------------------------------------------------------------------
# Answers written as expressions: 62^7, 100M/86400, 1.27KB * 10M
# ----------------------------------------------------------------------------------

_EXPR_HINT = re.compile(r"[\^*()+×·]|/\s*[\d.(]")
_EXPR_TOKEN = re.compile(
    r"\s*(?:(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+(?:_\d+)*)(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)"
    r"\s*(?P<suffix>[a-zA-Z]+)?|(?P<op>\*\*|[-+*/^()×·]))"
)
_EXPR_HELP = "an expression may use numbers (with K, M, B or T), + - * / ^ and parentheses"


def _suffix_factor(suffix: str, unit: Unit) -> float | None:
    """What a suffix on a number in an expression multiplies it by (``M``: a million; ``KB``: 1,000 bytes)."""
    low = suffix.lower()
    if dimension(unit) == "bytes":
        m = _BYTE_RE.match(low)  # a lone b is bytes here, as in a plain answer
        if m:
            p, iec = m.group("p"), m.group("i")
            if iec and not p:
                return None
            return _IEC[p] if iec else _SI[p]
        if low in _SI:
            return _SI[low]
    return _MULTIPLIERS.get(low)


def _parse_expression(s: str, unit: Unit, original: str) -> float | None:
    """The value of ``s`` as an expression in ``unit``'s own terms, or None if it is not one."""
    if not _EXPR_HINT.search(s):
        return None
    parts: list[str] = []
    pos = 0
    while pos < len(s):
        m = _EXPR_TOKEN.match(s, pos)
        if not m or m.end() == pos:
            if s[pos:].strip():
                raise _fail(original, unit, f"{s[pos:].strip()!r} cannot be read in an expression; {_EXPR_HELP}")
            break
        pos = m.end()
        if m.group("op"):
            op = m.group("op")
            parts.append({"^": "**", "×": "*", "·": "*"}.get(op, op))
            continue
        number = float(m.group("num").replace(",", "").replace("_", ""))
        suffix = m.group("suffix")
        if suffix:
            factor = _suffix_factor(suffix, unit)
            if factor is None:
                raise _fail(original, unit, f"{suffix!r} cannot be read in an expression; {_EXPR_HELP}")
            number *= factor
        parts.append(repr(number))
    try:
        return compile_formula(" ".join(parts), known=()).evaluate({})
    except FormulaError as exc:
        reason = exc.message.split(" (allowed:")[0].replace(f"formula {' '.join(parts)!r}", "the expression")
        raise _fail(original, unit, f"{reason}; {_EXPR_HELP}") from None


def parse_quantity(text: str, unit: Unit, *, month: float = DEFAULT_SECONDS_PER_MONTH) -> float:
    """Read a typed quantity as a number in ``unit``'s own terms.

    The result is a count for ``count``; bytes for ``bytes``; per second for
    ``per_second``, per day for ``per_day``, per month for ``per_month``, per year for
    ``per_year``; bytes per second/day/month/year for the byte rates and bits per second
    for ``bits_per_second``; seconds/hours/days/years for durations; a plain number for
    ``ratio``. ``month`` is the length of a month in seconds (the scenario's
    ``estimation.seconds_per_month``; 30 days by default).

    Accepted: ``1200``, ``1,200``, ``1_200``, ``2.4e3``, a leading ``~``/``about``/
    ``roughly``; magnitudes ``k``/``K`` (thousand), ``m``/``M`` (million),
    ``b``/``B``/``bn`` (billion), ``t``/``T`` (trillion) and the words; an optional
    noun (``174k msg/s``, ``58K QPS``).

    Rates: ``/s``, ``/sec``, ``per second``, ``qps``, ``rps``, ``/min``, ``/h``,
    ``/hour``, ``/day``, ``/d``, ``per day``, ``/week``, ``/month`` (``month``
    seconds), ``/year`` (365 days); converted to the target (``100M/day`` is 1,157.4
    for a ``per_second`` figure and 10^8 for a ``per_day`` one). A number without a
    rate is in the figure's own unit.

    Bytes: **decimal** — ``KB``/``MB``/``GB``/``TB``/``PB``/``EB`` are powers of 1,000;
    ``KiB`` ... ``EiB`` are powers of 1,024. For a byte unit a ``B`` means *bytes*
    (``10B`` is 10 bytes, never 10 billion) and a bare prefix is a decimal byte prefix
    (``91T`` = 91 TB). A lower-case ``b`` is read as bytes too, never bits. Bits are
    written out: ``Gbit``, ``gigabits``, or the rate ``Gbps`` (8 bits to a byte).
    Everywhere else ``B`` means billion.

    Expressions: an answer with an operator (``62^7``, ``100M/86400``, ``(10M * 12) * 3``)
    is evaluated by the formulas' safe evaluator; numbers may carry K/M/B/T (and byte
    prefixes for a byte unit); the value is in the figure's own unit.

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
    try:
        return _parse_plain(s, unit, original, month)
    except QuantityError:
        value = _parse_expression(s, unit, original)
        if value is None:
            raise
        return _positive(value, original, unit)


def _parse_plain(s: str, unit: Unit, original: str, month: float) -> float:
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
    if dimension(unit) == "ratio" and rest.startswith(":"):
        den = _NUMBER_RE.fullmatch(rest[1:].strip())
        if not den:
            raise _fail(original, unit)
        d = float(den.group(0).replace(",", "").replace("_", ""))
        if d <= 0:
            raise _fail(original, unit, "the ratio's second number must be positive")
        return _positive(value / d, original, unit)

    # A bit rate in one word: "6.4 Gbps".
    bps = _BPS_RE.fullmatch(rest.replace(" ", ""))
    if bps:
        parsed = _Parsed(value * _SI[bps.group("p").lower()], "bits", 1.0)
        return _positive(_convert(parsed, unit, original, month), original, unit)

    # A rate at the end: "/s", "per day", "QPS".
    per: float | None = None
    rate = _RATE_RE.search(rest)
    if rate:
        if rate.group("ps"):
            per = 1.0
            rest = rest[: rate.start()]
        else:
            word = rate.group("per").lower()
            seconds = _seconds_of(word, month)
            if seconds is not None:
                per = seconds
                rest = rest[: rate.start()]
            elif rate.group(0).lstrip().lower().startswith(("/", "per")):
                raise _fail(original, unit, f"{word!r} is not a time unit (use s, min, h, day, week, month or year)")
    mult, kind = _parse_size(rest, unit, original, month)
    parsed = _Parsed(value * mult, kind, per)
    return _positive(_convert(parsed, unit, original, month), original, unit)


def _positive(x: float, text: str, unit: Unit) -> float:
    if not math.isfinite(x):
        raise _fail(text, unit, "the number is too large")
    if x <= 0:
        raise _fail(text, unit, "it must be greater than zero")
    return x


def _convert(p: _Parsed, unit: Unit, text: str, month: float) -> float:
    dim = dimension(unit)
    target_per = rate_seconds(unit, month)
    if p.per is not None and target_per is None:
        if unit is Unit.bytes and p.kind in ("bytes", "bits"):
            raise _fail(text, unit, "that is a rate, but this figure is a total size, not a size per unit of time")
        raise _fail(text, unit, "that is a rate, but this figure is not")
    if p.kind == "time":
        if dim != "time":
            raise _fail(text, unit, "that is a duration")
        return p.value / TIME_SECONDS[unit]
    if dim == "time":
        if p.kind not in ("bare",):
            raise _fail(text, unit, "that is not a duration")
        return p.value
    if p.kind in ("bytes", "bits") and dim != "bytes":
        raise _fail(text, unit, "that is a size in bytes" if p.kind == "bytes" else "that is an amount of bits")
    if p.kind == "ratio" and dim != "ratio":  # pragma: no cover - only read for ratios
        raise _fail(text, unit)
    value = p.value
    if dim == "bytes":  # data: bits and bytes, 8 to 1
        if p.kind == "bits" and unit is not Unit.bits_per_second:
            value /= 8
        elif p.kind == "bytes" and unit is Unit.bits_per_second:
            value *= 8
    if p.per is not None and target_per is not None:
        value = value * (target_per / p.per)
    return value
