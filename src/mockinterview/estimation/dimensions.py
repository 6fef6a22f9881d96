"""What each estimation unit measures, in words: its dimension, a rate's period, examples.

Shared by reading quantities (:mod:`~mockinterview.estimation.quantity`) and by the
coach, which finds quantities in notes. A month is the scenario's
(``estimation.seconds_per_month``), passed in; a year is 365 days.
"""

from __future__ import annotations

from mockinterview.content.units import DEFAULT_SECONDS_PER_MONTH, Unit

__all__ = [
    "BYTE_UNITS",
    "DAY",
    "TIME_SECONDS",
    "UNIT_DESCRIPTIONS",
    "YEAR",
    "dimension",
    "expected",
    "rate_seconds",
    "unit_examples",
]

DAY = 86_400.0
YEAR = 365 * DAY
_MONTH = "month"  # a rate's period that is the scenario's month, resolved per call

_RATE_PERIOD: dict[Unit, float | str] = {
    Unit.per_second: 1.0,
    Unit.per_day: DAY,
    Unit.per_month: _MONTH,
    Unit.per_year: YEAR,
    Unit.bytes_per_second: 1.0,
    Unit.bytes_per_day: DAY,
    Unit.bytes_per_month: _MONTH,
    Unit.bytes_per_year: YEAR,
    Unit.bits_per_second: 1.0,
}
TIME_SECONDS: dict[Unit, float] = {
    Unit.seconds: 1.0,
    Unit.hours: 3600.0,
    Unit.days: DAY,
    Unit.years: YEAR,
}
#: The units that measure data (bytes, or bits for ``bits_per_second``).
BYTE_UNITS: frozenset[Unit] = frozenset(
    {Unit.bytes, Unit.bytes_per_second, Unit.bytes_per_day, Unit.bytes_per_month, Unit.bytes_per_year,
     Unit.bits_per_second}
)


def rate_seconds(unit: Unit, month: float = DEFAULT_SECONDS_PER_MONTH) -> float | None:
    """Seconds in the period of a rate unit (86,400 for ``per_day``; ``month`` for the monthly ones); None if not a rate."""
    period = _RATE_PERIOD.get(Unit(unit))
    if period is None:
        return None
    return month if period == _MONTH else float(period)


def dimension(unit: Unit) -> str:
    """What ``unit`` measures: ``bytes`` (data, bits included), ``time``, ``ratio`` or ``count`` (events too)."""
    if unit in BYTE_UNITS:
        return "bytes"
    if unit in TIME_SECONDS:
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
    Unit.per_month: ("10M", "10M/month", "4/s", "100M/month"),
    Unit.per_year: ("36B", "36B/year", "100M/day"),
    Unit.bytes_per_second: ("17.4MB/s", "35 MB/sec", "500GB/day", "6.4 Gbps"),
    Unit.bytes_per_day: ("500GB/day", "500 GB", "17.4MB/s"),
    Unit.bytes_per_month: ("12.7GB/month", "12.7 GB", "423MB/day"),
    Unit.bytes_per_year: ("180TB/year", "180 TB", "500GB/day"),
    Unit.bits_per_second: ("6.4 Gbps", "6.4Gbit/s", "800MB/s"),
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
    Unit.per_month: "a rate per month",
    Unit.per_year: "a rate per year",
    Unit.bytes_per_second: "a data rate in bytes per second",
    Unit.bytes_per_day: "a data rate in bytes per day",
    Unit.bytes_per_month: "a data rate in bytes per month",
    Unit.bytes_per_year: "a data rate in bytes per year",
    Unit.bits_per_second: "a data rate in bits per second",
}

_DECIMAL_NOTE = "KB/MB/GB/TB are decimal, 1 KB = 1,000 bytes; KiB/MiB/GiB/TiB are 1,024-based; bits: Gbps, Gbit"


def unit_examples(unit: Unit) -> tuple[str, ...]:
    """A few inputs :func:`parse_quantity` accepts for ``unit`` (for hints)."""
    return _EXAMPLES[Unit(unit)]


def expected(unit: Unit) -> str:
    """What ``unit`` expects, in words with examples (the end of a quantity error)."""
    text = f"{UNIT_DESCRIPTIONS[unit]}, e.g. {', '.join(_EXAMPLES[unit])}"
    if unit in BYTE_UNITS:
        text += f" ({_DECIMAL_NOTE})"
    if unit in _RATE_PERIOD:
        text += "; a number without a rate is taken per " + _RATE_WORD[unit]
    return text


_RATE_WORD = {
    Unit.per_second: "second",
    Unit.per_day: "day",
    Unit.per_month: "month",
    Unit.per_year: "year",
    Unit.bytes_per_second: "second",
    Unit.bytes_per_day: "day",
    Unit.bytes_per_month: "month",
    Unit.bytes_per_year: "year",
    Unit.bits_per_second: "second",
}
