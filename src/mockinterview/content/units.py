"""What an estimation quantity measures: the units of the scenario format.

Its own module so that both the scenario models and the coaching models (key points
with a figure target) can use it without importing each other.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

#: A month unless the scenario says otherwise (``estimation.seconds_per_month``): 30 days.
DEFAULT_SECONDS_PER_MONTH: Final = 30 * 86_400.0


class Unit(StrEnum):
    """What a quantity measures. Bytes are decimal (1 KB = 1,000 B), as in the documents."""

    # A public name in scenario files; as a member it hides ``str.count``, which no caller uses.
    count = "count"  # type: ignore[assignment]
    ratio = "ratio"
    bytes = "bytes"
    seconds = "seconds"
    hours = "hours"
    days = "days"
    years = "years"
    per_second = "per_second"
    per_day = "per_day"
    per_month = "per_month"
    per_year = "per_year"
    bytes_per_second = "bytes_per_second"
    bytes_per_day = "bytes_per_day"
    bytes_per_month = "bytes_per_month"
    bytes_per_year = "bytes_per_year"
    bits_per_second = "bits_per_second"
