"""An estimation's figures: checked for meaning, computed, and explained step by step.

A scenario's ``estimation`` section names some *assumptions* (quantities with a unit)
and some *figures* (formulas over the assumptions and earlier figures). Here they are
checked (used by the scenario loader), computed (optionally with some assumptions
overridden), and each figure's derivation is written out line by line.

Formulas may also use :data:`MONTH_NAME` (``seconds_per_month``), the estimation's
month. A figure with ``rounded`` carries its rounded value forward, as sources do
(10.18 KB is written 10 KB and later figures use 10 KB); when ``--vary`` changes its
inputs, the new value is rounded to as many significant figures instead.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from mockinterview.content.scenario import Estimation, Figure, Unit
from mockinterview.errors import FormulaError
from mockinterview.estimation.formula import compile_formula, compiled
from mockinterview.estimation.quantity import format_quantity

__all__ = ["MONTH_NAME", "Location", "check_estimation", "compute", "derivation", "round_like"]

Location = tuple[str | int, ...]

#: The name formulas use for the estimation's month, in seconds (``estimation.seconds_per_month``).
MONTH_NAME = "seconds_per_month"


def _inputs(est: Estimation) -> dict[str, float]:
    values = {a.name: float(a.value) for a in est.assumptions}
    values.setdefault(MONTH_NAME, float(est.seconds_per_month))
    return values


def _significant(x: float) -> int:
    """Significant digits in ``x`` as written (10000 -> 1, 150e12 -> 2, 10.18 -> 4)."""
    mantissa = f"{abs(x):.15e}".split("e")[0].replace(".", "").rstrip("0")
    return max(1, len(mantissa))


def round_like(x: float, rounded: float) -> float:
    """``x`` rounded to as many significant figures as ``rounded`` has (at least two)."""
    if x == 0 or not math.isfinite(x):
        return x
    sig = max(2, _significant(rounded))
    exp = math.floor(math.log10(abs(x))) - sig + 1
    return float(f"{round(x / 10.0**exp) * 10.0**exp:.12g}")


def check_estimation(est: Estimation) -> list[tuple[Location, str]]:
    """Semantic problems in ``est`` as ``(location, message)`` pairs.

    Locations are like ``("estimation", "figures", 2, "formula")``. Found: formulas
    that do not parse or use something not allowed; names that are neither an
    assumption nor an *earlier* figure; formulas that cannot be evaluated; and a
    figure whose computed value is outside ``tolerance`` (relative) of its
    ``stated_value``. A figure that depends on a broken one is not value-checked.
    """
    problems: list[tuple[Location, str]] = []
    values = _inputs(est)
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
        if fig.rounded is not None:
            if not _within_tolerance(value, fig.rounded, fig.tolerance):
                problems.append((("estimation", "figures", i, "rounded"), _off("rounded", value, fig.rounded, fig)))
            value = fig.rounded
        values[fig.name] = value
        if fig.stated_value is not None and not _within_tolerance(value, fig.stated_value, fig.tolerance):
            what = "the rounded value" if fig.rounded is not None else "the formula"
            problems.append((("estimation", "figures", i, "stated_value"), _off("stated_value", value, fig.stated_value, fig, what)))
    return problems


def _off(field: str, value: float, stated: float, fig: Figure, what: str = "the formula") -> str:
    off = abs(value - stated) / abs(stated) if stated else math.inf
    return (
        f"{what} gives {format_quantity(value, fig.unit)} ({value:.6g}) but {field} is "
        f"{format_quantity(stated, fig.unit)} ({stated:.6g}): {off:.1%} off, more than the tolerance of {fig.tolerance:.1%}"
    )


def _within_tolerance(value: float, stated: float, tolerance: float) -> bool:
    if stated == 0:
        return abs(value) <= tolerance
    return abs(value - stated) <= tolerance * abs(stated) * (1 + 1e-12)


def compute(est: Estimation, overrides: Mapping[str, float] | None = None) -> dict[str, float]:
    """Every assumption's value (overridden where given), then every figure in order.

    Formulas see :data:`MONTH_NAME` too; the result holds only the assumptions and the
    figures, in order. A figure with ``rounded`` takes its rounded
    value, or, when overrides change its value, that value rounded like it
    (:func:`round_like`). Overriding a name that is not an assumption is a :class:`FormulaError`.
    """
    values = _inputs(est)
    assumptions = {a.name for a in est.assumptions}
    changed = False
    for name, value in (overrides or {}).items():
        if name not in assumptions:
            raise FormulaError(
                f"cannot override {name!r}: it is not an assumption (assumptions: {', '.join(sorted(assumptions))})"
            )
        changed = changed or float(value) != values[name]
        values[name] = float(value)
    defaults = None
    if changed and any(f.rounded is not None for f in est.figures):
        defaults = {MONTH_NAME: values[MONTH_NAME], **compute(est)}
    for fig in est.figures:
        value = compiled(fig.formula).evaluate(values)
        if fig.rounded is not None:
            if defaults is None or math.isclose(value, compiled(fig.formula).evaluate(defaults), rel_tol=1e-12):
                value = fig.rounded
            else:
                value = round_like(value, fig.rounded)
        values[fig.name] = value
    if MONTH_NAME not in assumptions:
        del values[MONTH_NAME]
    return values


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
    units: dict[str, Unit] = {MONTH_NAME: Unit.seconds}
    units.update({a.name: a.unit for a in est.assumptions})
    units.update({f.name: f.unit for f in est.figures})
    needed: set[str] = set()
    todo = [figure_name]
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        todo.extend(n for n in compiled(figures[name].formula).names if n in figures and n not in needed)
    known = dict(values)
    known.setdefault(MONTH_NAME, float(est.seconds_per_month))
    if any(f.name not in known for f in est.figures):
        known = compute(est, {a.name: known[a.name] for a in est.assumptions if a.name in known})
    return [_derivation_line(fig, known, units) for fig in est.figures if fig.name in needed]


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
    if fig.rounded is not None:
        exact = format_quantity(compiled(fig.formula).evaluate(values), fig.unit)
        if exact != result:
            result = f"{exact} ≈ {result} (rounded)"
    if substituted == text:  # a constant formula: nothing to substitute
        return f"{fig.name} = {text} = {result}"
    return f"{fig.name} = {text} = {substituted} = {result}"
