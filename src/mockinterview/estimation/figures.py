"""An estimation's figures: checked for meaning, computed, and explained step by step.

A scenario's ``estimation`` section names some *assumptions* (quantities with a unit)
and some *figures* (formulas over the assumptions and earlier figures). Here they are
checked (used by the scenario loader), computed (optionally with some assumptions
overridden), and each figure's derivation is written out line by line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from mockinterview.content.scenario import Estimation, Figure, Unit
from mockinterview.errors import FormulaError
from mockinterview.estimation.formula import compile_formula, compiled
from mockinterview.estimation.quantity import format_quantity

__all__ = ["Location", "check_estimation", "compute", "derivation"]

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
        values[fig.name] = compiled(fig.formula).evaluate(values)
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
    units: dict[str, Unit] = {a.name: a.unit for a in est.assumptions}
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
    lines: list[str] = []
    for fig in est.figures:
        if fig.name not in needed:
            continue
        formula = compiled(fig.formula)
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
