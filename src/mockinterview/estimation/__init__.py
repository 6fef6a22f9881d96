"""Back-of-the-envelope estimation: formulas, quantities, figures, grading and variation.

One idea per module:

* :mod:`~mockinterview.estimation.formula`: the safe formula evaluator (a whitelist
  over Python's ``ast``; nothing is ever passed to ``eval``/``exec``/``compile``);
* :mod:`~mockinterview.estimation.quantity`: reading what a candidate types
  (``1.2K/s``, ``100M/day``, ``91 TB``, ``12.7GB/month``, ``6.4 Gbps``, ``62^7``);
* :mod:`~mockinterview.estimation.display`: formatting values back compactly;
* :mod:`~mockinterview.estimation.dimensions`: what each unit measures, a rate's
  period (the scenario's month for the monthly units), descriptions and examples;
* :mod:`~mockinterview.estimation.figures`: checking an estimation for semantic
  problems (used by the scenario loader), computing every figure, and explaining how
  a figure follows from the assumptions, step by step;
* :mod:`~mockinterview.estimation.grading`: grading answers (within 2x, within 10x,
  or off) and the scalability suggestion they imply;
* :mod:`~mockinterview.estimation.variation`: new assumption values for ``--vary``.

This package re-exports the names other packages use, so ``from mockinterview.estimation
import compute`` keeps working. It is core code: it never imports a terminal-UI library.
"""

from __future__ import annotations

from mockinterview.errors import FormulaError, QuantityError
from mockinterview.estimation.figures import Location, check_estimation, compute, derivation
from mockinterview.estimation.formula import MAX_EXPONENT, MAX_MAGNITUDE, Formula, compile_formula
from mockinterview.estimation.grading import (
    EstimationResult,
    FigureResult,
    Grade,
    answer_ratio,
    grade,
    grade_answers,
    scalability_from_counts,
    suggested_scalability,
)
from mockinterview.estimation.quantity import UNIT_DESCRIPTIONS, format_quantity, parse_quantity, unit_examples
from mockinterview.estimation.variation import vary

__all__ = [
    "MAX_EXPONENT",
    "MAX_MAGNITUDE",
    "UNIT_DESCRIPTIONS",
    "EstimationResult",
    "FigureResult",
    "Formula",
    "FormulaError",
    "Grade",
    "Location",
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
    "scalability_from_counts",
    "suggested_scalability",
    "unit_examples",
    "vary",
]
