"""Quantities written in notes: a number and what follows it, with the words around it.

``~1.2K writes/s``, ``100GB/day``, ``91 TB``, ``6.4 Gbps``, ``30 days``, ``2,400 peak``:
a number (with a leading ``~``, ``≈``, "about", "around", "roughly"...), a magnitude
(``K``, ``M``, ``B``, "million"), a unit (bytes, bits, durations, ``%``, ``x``), a noun
(one or two words) and a rate (``/s``, ``per day``, ``QPS``). What it *means* is left to
the estimation parser, in the unit of each figure it may state
(:mod:`~mockinterview.coach.figures`); this module only finds it and its context.

Its *clause* is its line cut at ``,`` ``;`` ``|``, full stops and ``->`` ``=>`` ``→``; its *context* is the
word ids of the clause, without the other quantities and without its own magnitude,
unit and rate; its *line context* the same over the whole line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from mockinterview.coach.matcher import Vocabulary

__all__ = ["Quantity", "has_number", "is_heading", "quantities_in_line"]

_QUANTITY_RE: Final = re.compile(
    r"""
    (?<![\w.,])(?P<num>\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![\d,])
    (?P<mag>\s*(?:[kKmMbBtT][nN]?|thousand|million|billion|trillion)(?![A-Za-z]))?
    (?P<unit>\s*(?:[kKmMgGtTpP]i?[bB](?:ytes?)?|[bB]ytes?|(?:kilo|mega|giga|tera|peta)bytes?
        |[kKmMgGtT]?bps|[kKmMgGtT]?bits?|(?:kilo|mega|giga|tera)bits?
        |milliseconds?|millis|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|[shdwy]
        |%|x|×)(?![A-Za-z]))?
    (?P<noun>(?:\s*(?!per\b|a\b|an\b|every\b|qps\b|rps\b|tps\b)[A-Za-z]+){1,2})?
    (?P<rate>\s*(?:/\s*|\bper\s+|\ba\s+|\ban\s+|\bevery\s+)
        (?:s|sec|secs|second|seconds|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days
        |w|wk|week|weeks|mo|month|months|y|yr|year|years)(?![A-Za-z])
      |\s*(?:qps|rps|tps|QPS|RPS|TPS)(?![A-Za-z]))?
    """,
    re.VERBOSE,
)
#: "~", "about", ... just before a number (looked for behind it: the number comes first).
_APPROX_RE: Final = re.compile(
    r"(?:~|≈|\babout|\bapprox\.?|\bapproximately|\baround|\broughly|\bnearly|\balmost)\s*$", re.IGNORECASE
)
#: A line can hold a quantity only if it has a digit that does not follow a letter or a digit.
_NUMBER_START: Final = re.compile(r"(?<![\w.,])\d")
_BYTES_WORD: Final = re.compile(
    r"[kmgtp]?i?b(?:ytes?)?|(?:kilo|mega|giga|tera|peta)?bytes?|[kmgt]?bps|[kmgt]?bits?|(?:kilo|mega|giga|tera)bits?",
    re.IGNORECASE,
)
_CLAUSE_END: Final = re.compile(r",(?!\d)|[;|]|\.(?:\s|$)|->|=>|→")
_RESULT_MARK: Final = re.compile(r"=|->|→|⇒|=>")

_PERIODS: Final[dict[str, str]] = {}
for _period, _spellings in (
    ("second", "s sec secs second seconds qps rps tps"),
    ("minute", "min mins minute minutes"),
    ("hour", "h hr hrs hour hours"),
    ("day", "d day days"),
    ("week", "w wk week weeks"),
    ("month", "mo month months"),
    ("year", "y yr year years"),
):
    for _w in _spellings.split():
        _PERIODS[_w] = _period


@dataclass(frozen=True)
class Quantity:
    """A number written in the notes, with what follows it."""

    line: int
    text: str  # the whole line
    span: tuple[int, int]  # of ``written`` in the line
    written: str  # e.g. "~1.2K writes/s"
    bare: str  # without the noun, e.g. "~1.2K/s"
    has_noun: bool
    period: str | None  # "second", "day", ... when it carries a rate
    measure: str | None  # "bytes", "time", "ratio" when it carries such a unit
    result: bool  # written after "=" or "->" in its clause
    context: frozenset[int]  # vocabulary ids of its clause's words
    line_context: frozenset[int]  # the same for its whole line

    @property
    def marked(self) -> bool:
        """It carries a unit or a rate, not just a number (and a magnitude)."""
        return self.period is not None or self.measure is not None

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "span": list(self.span), "written": self.written}


def _measure(unit_text: str | None) -> str | None:
    if not unit_text:
        return None
    u = unit_text.strip()
    if u in ("%", "x", "×"):
        return "ratio"
    if _BYTES_WORD.fullmatch(u):
        return "bytes"
    return "time"


def quantities_in_line(vocab: Vocabulary, no: int, line: str) -> list[Quantity]:
    """The quantities on line ``no`` whose text is ``line``, in order, with their contexts."""
    if not _NUMBER_START.search(line):
        return []
    matches = list(_QUANTITY_RE.finditer(line))
    if not matches:
        return []
    contributions = vocab.contributions(line)
    bounds = [0, *(m.end() for m in _CLAUSE_END.finditer(line)), len(line) + 1]
    out: list[Quantity] = []
    for m in matches:
        start = m.start()
        approx_m = _APPROX_RE.search(line, 0, start)
        approx = approx_m.group(0) if approx_m else ""
        if approx_m:
            start = approx_m.start()
        written = (approx + m.group(0)).rstrip()
        end = start + len(written)
        c_start = max(b for b in bounds if b <= start)
        c_end = min(b for b in bounds if b > start)
        # Not context: the other quantities, and this one's own unit and rate (the
        # figure's unit is compared as a unit, not as words).
        skip = [(o.start(), o.end()) for o in matches if o is not m]
        skip += [m.span(g) for g in ("mag", "unit", "rate") if m.group(g)]
        ids: set[int] = set()
        line_ids: set[int] = set()
        for (a, b), got in contributions:
            if not any(a < se and b > ss for ss, se in skip):
                line_ids.update(got)
                if a >= c_start and b <= c_end:
                    ids.update(got)
        rate = m.group("rate")
        unit_text = (m.group("unit") or "").strip()
        period = "second" if unit_text.lower().endswith("bps") else None
        if rate:
            word = re.sub(r"^(?:/|per|an?|every)", "", rate.strip().lower()).strip()
            period = _PERIODS.get(word)
        bare = (approx + "".join(g or "" for g in m.group("num", "mag", "unit", "rate"))).strip()
        result = bool(_RESULT_MARK.search(line, c_start, start))
        out.append(
            Quantity(
                line=no,
                text=line,
                span=(start, end),
                written=written,
                bare=bare,
                has_noun=m.group("noun") is not None,
                period=period,
                measure=_measure(m.group("unit")),
                result=result,
                context=frozenset(ids),
                line_context=frozenset(line_ids),
            )
        )
    return out


def has_number(line: str) -> bool:
    """Whether ``line`` may hold a quantity: a digit that does not follow a letter or a digit."""
    return _NUMBER_START.search(line) is not None


def is_heading(line: str) -> bool:
    """A Markdown heading, or a line ending in a colon ("Read Operations:")."""
    return line.rstrip().endswith(":") or line.lstrip().startswith("#")
