"""Back-of-the-envelope estimation: formulas, quantities, derivations and grading.

A scenario's ``estimation`` section names some *assumptions* (quantities with a
unit) and some *figures* (formulas over the assumptions and earlier figures).
This module

* evaluates formulas safely (a whitelist over Python's ``ast``; nothing is ever
  passed to ``eval``/``exec``/``compile``),
* checks an estimation for semantic problems (used by the scenario loader),
* computes every figure, optionally with some assumptions overridden or varied,
* explains how a figure follows from the assumptions, step by step,
* parses what a candidate types (``1.2K/s``, ``100M/day``, ``91 TB``, ...) and
  formats values back compactly, and
* grades answers against the reference: within 2x, within 10x, or off.

Units: bytes are **decimal** — 1 KB = 1,000 bytes, 1 MB = 10^6 bytes, and so on —
as in the scenario documents. The binary IEC units KiB, MiB, GiB, TiB and PiB
(1,024-based) are accepted when typed explicitly. A month is 30 days and a year
365 days.

This is core code: it must not import any terminal-UI library.
"""

from __future__ import annotations

import ast
import math
import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from mockinterview.content.scenario import Estimation, Figure, Unit
from mockinterview.errors import MockInterviewError

__all__ = [
    "MAX_EXPONENT",
    "MAX_MAGNITUDE",
    "EstimationResult",
    "FigureResult",
    "Formula",
    "FormulaError",
    "Grade",
    "QuantityError",
    "answer_ratio",
    "check_estimation",
    "compile_formula",
    "compute",
    "derivation",
    "format_quantity",
    "grade",
    "grade_answers",
    "parse_quantity",
    "suggested_scalability",
    "unit_examples",
    "vary",
]


class FormulaError(MockInterviewError):
    """A formula is malformed, uses something not allowed, or cannot be evaluated."""


class QuantityError(MockInterviewError):
    """Typed text is not a quantity of the expected kind."""


# ----------------------------------------------------------------------------------
# Safe formulas
# ----------------------------------------------------------------------------------

MAX_MAGNITUDE = 1e30
"""Largest absolute value any literal, intermediate or result may have."""
MAX_EXPONENT = 100
"""Largest absolute exponent allowed on the right of ``**``."""
MAX_FORMULA_LENGTH = 500
MAX_DEPTH = 50

_ALLOWED_HELP = "allowed: numbers, names, + - * / ** and parentheses"

_BINOPS: dict[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.Pow: "**",
}
_UNARYOPS: dict[type[ast.unaryop], str] = {ast.USub: "-", ast.UAdd: "+"}

_OPERATOR_NAMES: dict[type[ast.AST], str] = {
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.BitAnd: "&",
    ast.Invert: "~",
    ast.Not: "not",
}

_NODE_NAMES: dict[type[ast.AST], str] = {
    ast.Call: "function calls are",
    ast.Attribute: "attribute access is",
    ast.Subscript: "subscripts (indexing) are",
    ast.Slice: "slices are",
    ast.ListComp: "comprehensions are",
    ast.SetComp: "comprehensions are",
    ast.DictComp: "comprehensions are",
    ast.GeneratorExp: "generator expressions are",
    ast.Lambda: "lambdas are",
    ast.Compare: "comparisons are",
    ast.BoolOp: "boolean operators (and/or) are",
    ast.IfExp: "conditional expressions are",
    ast.JoinedStr: "f-strings are",
    ast.FormattedValue: "f-strings are",
    ast.List: "lists are",
    ast.Tuple: "tuples are",
    ast.Set: "sets are",
    ast.Dict: "dicts are",
    ast.Starred: "starred expressions are",
    ast.NamedExpr: "assignment expressions (:=) are",
    ast.Await: "await is",
    ast.Yield: "yield is",
    ast.YieldFrom: "yield is",
}


def _not_allowed(what: str, text: str) -> FormulaError:
    return FormulaError(f"{what} not allowed in formula {text!r} ({_ALLOWED_HELP})")


def _check_magnitude(x: float, text: str) -> float:
    if not math.isfinite(x) or abs(x) > MAX_MAGNITUDE:
        raise FormulaError(f"formula {text!r} gives a value too large (beyond {MAX_MAGNITUDE:g} in magnitude)")
    return x


def _validate(tree: ast.Expression, text: str) -> frozenset[str]:
    """Check every node against the whitelist (iteratively); return the names used."""
    names: set[str] = set()
    stack: list[tuple[ast.AST, int]] = [(tree.body, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise FormulaError(f"formula {text!r} is nested too deeply (more than {MAX_DEPTH} levels)")
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool) or value is None:
                raise _not_allowed(f"the constant {value!r} is", text)
            if isinstance(value, (str, bytes)):
                raise _not_allowed("strings are", text)
            if isinstance(value, complex):
                raise _not_allowed("complex numbers are", text)
            if not isinstance(value, (int, float)):
                raise _not_allowed(f"the constant {value!r} is", text)
            if isinstance(value, int) and abs(value) > MAX_MAGNITUDE:
                raise FormulaError(f"the number {value} in formula {text!r} is too large")
            _check_magnitude(float(value), text)
        elif isinstance(node, ast.Name):
            if not isinstance(node.ctx, ast.Load):  # pragma: no cover - not reachable in eval mode
                raise _not_allowed("assignment is", text)
            names.add(node.id)
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in _BINOPS:
                op = _OPERATOR_NAMES.get(type(node.op), type(node.op).__name__)
                raise _not_allowed(f"the operator {op} is", text)
            stack.append((node.left, depth + 1))
            stack.append((node.right, depth + 1))
        elif isinstance(node, ast.UnaryOp):
            if type(node.op) not in _UNARYOPS:
                op = _OPERATOR_NAMES.get(type(node.op), type(node.op).__name__)
                raise _not_allowed(f"the operator {op} is", text)
            stack.append((node.operand, depth + 1))
        else:
            what = _NODE_NAMES.get(type(node), f"{type(node).__name__} expressions are")
            raise _not_allowed(what, text)
    return frozenset(names)


def _eval(node: ast.AST, values: Mapping[str, float], text: str) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        try:
            return float(values[node.id])
        except KeyError:
            known = ", ".join(sorted(values)) or "(none)"
            raise FormulaError(f"unknown name {node.id!r} in formula {text!r}; known names: {known}") from None
    if isinstance(node, ast.UnaryOp):
        x = _eval(node.operand, values, text)
        return -x if isinstance(node.op, ast.USub) else x
    if isinstance(node, ast.BinOp):
        a = _eval(node.left, values, text)
        b = _eval(node.right, values, text)
        op = type(node.op)
        try:
            if op is ast.Add:
                r = a + b
            elif op is ast.Sub:
                r = a - b
            elif op is ast.Mult:
                r = a * b
            elif op is ast.Div:
                if b == 0:
                    raise FormulaError(f"division by zero in formula {text!r}")
                r = a / b
            else:  # ast.Pow
                if abs(b) > MAX_EXPONENT:
                    raise FormulaError(
                        f"exponent {b:g} in formula {text!r} is too large (at most {MAX_EXPONENT} in magnitude)"
                    )
                if a == 0 and b < 0:
                    raise FormulaError(f"zero raised to a negative power in formula {text!r}")
                r = math.pow(a, b)
        except OverflowError:
            raise FormulaError(f"formula {text!r} gives a value too large") from None
        except ValueError:
            raise FormulaError(f"formula {text!r} has no real value (a negative number to a fractional power)") from None
        return _check_magnitude(r, text)
    raise _not_allowed(f"{type(node).__name__} expressions are", text)  # pragma: no cover - validated


@dataclass(frozen=True)
class Formula:
    """A validated formula. Build with :func:`compile_formula`."""

    text: str
    names: frozenset[str]
    _body: ast.AST = field(repr=False, compare=False)

    def evaluate(self, values: Mapping[str, float]) -> float:
        """The formula's value, with names taken from ``values``.

        Raises :class:`FormulaError` for a name missing from ``values`` (naming it and
        listing the known ones), division by zero, or a value beyond ``MAX_MAGNITUDE``.
        """
        return _check_magnitude(_eval(self._body, values, self.text), self.text)


def compile_formula(text: str, known: Iterable[str] | None = None) -> Formula:
    """Parse and validate ``text``; never compiles it to code.

    Allowed: int and float literals (``86400``, ``1e6``), names, ``+ - * / **``,
    unary ``-``/``+`` and parentheses. Anything else — calls, attribute access,
    subscripts, comprehensions, lambdas, comparisons, strings, booleans, other
    operators — is a :class:`FormulaError` naming what is not allowed. If ``known``
    is given, a name outside it is an error too.
    """
    if not isinstance(text, str) or not text.strip():
        raise FormulaError("a formula is empty")
    if len(text) > MAX_FORMULA_LENGTH:
        raise FormulaError(f"a formula is too long ({len(text)} characters; at most {MAX_FORMULA_LENGTH})")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        detail = exc.msg or "invalid syntax"
        raise FormulaError(f"formula {text!r} is not valid: {detail} ({_ALLOWED_HELP})") from None
    except (ValueError, RecursionError, MemoryError):
        raise FormulaError(f"formula {text!r} is not valid ({_ALLOWED_HELP})") from None
    names = _validate(tree, text)
    if known is not None:
        known_set = set(known)
        unknown = sorted(names - known_set)
        if unknown:
            listing = ", ".join(sorted(known_set)) or "(none)"
            raise FormulaError(f"unknown name {unknown[0]!r} in formula {text!r}; known names: {listing}")
    return Formula(text=text, names=names, _body=tree.body)


# ----------------------------------------------------------------------------------
# Checking and computing an estimation
# ----------------------------------------------------------------------------------

Location = tuple[str | int, ...]


def check_estimation(est: Estimation) -> list[tuple[Location, str]]:
    """Semantic problems in ``est`` as ``(location, message)`` pairs.

    Locations are like ``("estimation", "figures", 2, "formula")``. Found: formulas
    that do not parse or use something not allowed; names that are neither an
    assumption nor an *earlier* figure; formulas that cannot be evaluated; and a
    figure whose computed value is outside ``tolerance`` (relative) of its
    ``stated_value``. A figure that depends on a broken one is not value-checked.
    """
    problems: list[tuple[Location, str]] = []
    values: dict[str, float] = {a.name: a.value for a in est.assumptions}
    figure_index = {f.name: i for i, f in enumerate(est.figures)}
    broken: set[str] = set()
    for i, fig in enumerate(est.figures):
        loc: Location = ("estimation", "figures", i, "formula")
        try:
            formula = compile_formula(fig.formula)
        except FormulaError as exc:
            problems.append((loc, exc.message))
            broken.add(fig.name)
            continue
        bad = False
        for name in sorted(formula.names):
            if name in values or name in broken:
                continue
            bad = True
            if name == fig.name:
                problems.append((loc, f"the figure {name!r} refers to itself"))
            elif name in figure_index:
                j = figure_index[name]
                problems.append(
                    (loc, f"{name!r} is figure {j}, defined later; a formula may use only assumptions and earlier figures")
                )
            else:
                known = ", ".join(values) or "(none)"
                problems.append((loc, f"unknown name {name!r}; known here: {known}"))
        if bad or formula.names & broken:
            broken.add(fig.name)
            continue
        try:
            value = formula.evaluate(values)
        except FormulaError as exc:
            problems.append((loc, exc.message))
            broken.add(fig.name)
            continue
        values[fig.name] = value
        if fig.stated_value is not None and not _within_tolerance(value, fig.stated_value, fig.tolerance):
            off = abs(value - fig.stated_value) / abs(fig.stated_value) if fig.stated_value else math.inf
            problems.append(
                (
                    ("estimation", "figures", i, "stated_value"),
                    f"the formula gives {format_quantity(value, fig.unit)} ({value:.6g}) but stated_value is "
                    f"{format_quantity(fig.stated_value, fig.unit)} ({fig.stated_value:.6g}): "
                    f"{off:.1%} off, more than the tolerance of {fig.tolerance:.1%}",
                )
            )
    return problems


def _within_tolerance(value: float, stated: float, tolerance: float) -> bool:
    if stated == 0:
        return abs(value) <= tolerance
    return abs(value - stated) <= tolerance * abs(stated) * (1 + 1e-12)


def compute(est: Estimation, overrides: Mapping[str, float] | None = None) -> dict[str, float]:
    """Every assumption's value (overridden where given), then every figure in order.

    Overriding a name that is not an assumption is a :class:`FormulaError`.
    """
    values: dict[str, float] = {a.name: float(a.value) for a in est.assumptions}
    for name, value in (overrides or {}).items():
        if name not in values:
            raise FormulaError(
                f"cannot override {name!r}: it is not an assumption (assumptions: {', '.join(values)})"
            )
        values[name] = float(value)
    for fig in est.figures:
        values[fig.name] = _compiled(fig.formula).evaluate(values)
    return values


_CACHE: dict[str, Formula] = {}


def _compiled(text: str) -> Formula:
    formula = _CACHE.get(text)
    if formula is None:
        formula = compile_formula(text)
        if len(_CACHE) < 4096:
            _CACHE[text] = formula
    return formula


# ----------------------------------------------------------------------------------
# Derivations
# ----------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"(?P<num>(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)|(?P<name>[A-Za-z_]\w*)")


def _format_literal(text: str) -> str:
    x = float(text.replace("_", ""))
    if x == int(x) and abs(x) < 1e16:
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) >= 1 else f"{x:.6g}"


def derivation(est: Estimation, figure_name: str, values: Mapping[str, float]) -> list[str]:
    """How ``figure_name`` follows from the assumptions, one line per figure.

    The figures it depends on come first (in the estimation's order, each once),
    then the figure itself. Each line reads ``name = formula = substituted = value``,
    e.g. ``write_qps = urls_per_day / 86400 = 100M/day / 86,400 = 1,157/s``, so a
    wrong answer can be traced to the step where it went wrong. ``values`` is what
    :func:`compute` returned (figures missing from it are computed here).
    """
    figures = {f.name: f for f in est.figures}
    if figure_name not in figures:
        raise FormulaError(f"unknown figure {figure_name!r}; figures: {', '.join(figures)}")
    units: dict[str, Unit] = {a.name: a.unit for a in est.assumptions}
    units.update({f.name: f.unit for f in est.figures})
    needed: set[str] = set()
    todo = [figure_name]
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        todo.extend(n for n in _compiled(figures[name].formula).names if n in figures and n not in needed)
    known = dict(values)
    lines: list[str] = []
    for fig in est.figures:
        if fig.name not in needed:
            continue
        formula = _compiled(fig.formula)
        if fig.name not in known:
            known[fig.name] = formula.evaluate(known)
        lines.append(_derivation_line(fig, known, units))
    return lines


def _derivation_line(fig: Figure, values: Mapping[str, float], units: Mapping[str, Unit]) -> str:
    text = " ".join(fig.formula.split())

    def substitute(m: re.Match[str]) -> str:
        if m.group("num") is not None:
            return _format_literal(m.group("num"))
        name = m.group("name")
        if name in values:
            return format_quantity(values[name], units.get(name, Unit.count))
        return name  # pragma: no cover - evaluated formulas only use known names

    substituted = _TOKEN_RE.sub(substitute, text)
    result = format_quantity(values[fig.name], fig.unit)
    if substituted == text:  # a constant formula: nothing to substitute
        return f"{fig.name} = {text} = {result}"
    return f"{fig.name} = {text} = {substituted} = {result}"


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


def _plural(x: float, word: str) -> str:
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
        return _plural(value, "second")
    if unit is Unit.hours:
        return _plural(value, "hour")
    if unit is Unit.days:
        return _plural(value, "day")
    if unit is Unit.years:
        return _plural(value, "year")
    suffix = {Unit.per_second: "/s", Unit.per_day: "/day", Unit.per_year: "/year"}
    if unit in suffix:
        return _compact_count(value) + suffix[unit]
    byte_suffix = {Unit.bytes_per_second: "/s", Unit.bytes_per_day: "/day", Unit.bytes_per_year: "/year"}
    return _compact_bytes(value) + byte_suffix[unit]


# ----------------------------------------------------------------------------------
# Grading
# ----------------------------------------------------------------------------------


class Grade(StrEnum):
    """How close an answer is to the reference (boundaries inclusive)."""

    ON_TARGET = "on_target"  # within 2x either way
    ORDER_OF_MAGNITUDE = "order_of_magnitude"  # within 10x either way
    OFF = "off"  # beyond 10x

    @property
    def label(self) -> str:
        return _GRADE_LABELS[self]


_GRADE_LABELS = {
    Grade.ON_TARGET: "on target (within 2x)",
    Grade.ORDER_OF_MAGNITUDE: "right order of magnitude (within 10x)",
    Grade.OFF: "off (more than 10x away)",
}

_EPS = 1e-9


def answer_ratio(answer: float, reference: float) -> float:
    """``answer / reference`` (``inf`` when the reference is zero and the answer not)."""
    if reference == 0:
        return 1.0 if answer == 0 else math.inf
    return answer / reference


def grade(answer: float, reference: float) -> Grade:
    """ON_TARGET if 0.5 <= answer/reference <= 2; ORDER_OF_MAGNITUDE if within 10x; else OFF.

    Boundaries are inclusive (exactly 2x is on target, exactly 10x is order of
    magnitude), with a relative slack of 1e-9 for floating-point noise. An answer
    of the opposite sign to the reference is OFF.
    """
    r = answer_ratio(answer, reference)
    if not (r > 0) or math.isinf(r):
        return Grade.OFF
    spread = max(r, 1 / r)
    if spread <= 2 * (1 + _EPS):
        return Grade.ON_TARGET
    if spread <= 10 * (1 + _EPS):
        return Grade.ORDER_OF_MAGNITUDE
    return Grade.OFF


@dataclass(frozen=True)
class FigureResult:
    """One asked figure: the reference, the answer (None if skipped) and how close it was."""

    name: str
    label: str
    unit: Unit
    reference: float
    answer: float | None
    ratio: float | None
    grade: Grade | None
    derivation: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: plain types only; infinite ratios become None."""
        ratio = self.ratio if self.ratio is not None and math.isfinite(self.ratio) else None
        return {
            "name": self.name,
            "label": self.label,
            "unit": self.unit.value,
            "reference": self.reference,
            "reference_text": format_quantity(self.reference, self.unit),
            "answer": self.answer,
            "answer_text": None if self.answer is None else format_quantity(self.answer, self.unit),
            "ratio": ratio,
            "grade": None if self.grade is None else self.grade.value,
            "derivation": list(self.derivation),
        }


@dataclass(frozen=True)
class EstimationResult:
    """Every asked figure's result, in the estimation's order, with a summary."""

    figures: tuple[FigureResult, ...]

    @property
    def asked(self) -> int:
        return len(self.figures)

    @property
    def answered(self) -> int:
        return sum(1 for f in self.figures if f.answer is not None)

    @property
    def skipped(self) -> int:
        return self.asked - self.answered

    @property
    def counts(self) -> dict[str, int]:
        """Answers per grade (by the grade's value), plus ``skipped``."""
        out = {g.value: 0 for g in Grade}
        for f in self.figures:
            if f.grade is not None:
                out[f.grade.value] += 1
        out["skipped"] = self.skipped
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "figures": [f.to_dict() for f in self.figures],
            "summary": {"asked": self.asked, "answered": self.answered, **self.counts},
            "suggested_scalability": suggested_scalability(self),
        }


def grade_answers(est: Estimation, answers: Mapping[str, float], values: Mapping[str, float]) -> EstimationResult:
    """Grade ``answers`` (figure name -> value in the figure's unit) for every figure with ``ask``.

    A figure missing from ``answers`` (or answered with None) is skipped. Names in
    ``answers`` that are not asked figures are ignored. ``values`` is what
    :func:`compute` returned for the assumptions in play.
    """
    if any(f.name not in values for f in est.figures):
        assumptions = {a.name for a in est.assumptions}
        values = compute(est, {k: v for k, v in values.items() if k in assumptions})
    results: list[FigureResult] = []
    for fig in est.figures:
        if not fig.ask:
            continue
        reference = values[fig.name]
        given = answers.get(fig.name)
        answer = None if given is None else float(given)
        results.append(
            FigureResult(
                name=fig.name,
                label=fig.label,
                unit=fig.unit,
                reference=reference,
                answer=answer,
                ratio=None if answer is None else answer_ratio(answer, reference),
                grade=None if answer is None else grade(answer, reference),
                derivation=tuple(derivation(est, fig.name, values)),
            )
        )
    return EstimationResult(tuple(results))


def suggested_scalability(result: EstimationResult) -> int | None:
    """A 1..5 suggestion for the ``scalability_understanding`` criterion.

    Fractions are over the *asked* figures; a skipped figure counts as not on
    target. All on target: 5; more than half: 4; exactly half: 3; otherwise, if at
    least half are within 10x: 2; else 1. None if nothing was answered.
    """
    if result.answered == 0:
        return None
    counts = result.counts
    return scalability_from_counts(
        counts[Grade.ON_TARGET.value], counts[Grade.ORDER_OF_MAGNITUDE.value], result.asked
    )


def scalability_from_counts(on_target: int, order_of_magnitude: int, asked: int) -> int | None:
    """The rule behind :func:`suggested_scalability`, from plain counts (skips count as misses)."""
    if asked == 0:
        return None
    on = on_target / asked
    near = on + order_of_magnitude / asked
    if on >= 1:
        return 5
    if on > 0.5:
        return 4
    if on >= 0.5:
        return 3
    if near >= 0.5:
        return 2
    return 1


# ----------------------------------------------------------------------------------
# Varying assumptions
# ----------------------------------------------------------------------------------


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
