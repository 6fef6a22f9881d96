"""Grading answers against the reference: within 2x, within 10x, or off.

Also the 1..5 suggestion for the ``scalability_understanding`` criterion that a drill's
grades imply (shared with the scorecard, which applies it to stored estimates).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mockinterview.content.scenario import Estimation, Unit
from mockinterview.estimation.figures import compute, derivation
from mockinterview.estimation.quantity import format_quantity

__all__ = [
    "EstimationResult",
    "FigureResult",
    "Grade",
    "answer_ratio",
    "grade",
    "grade_answers",
    "scalability_from_counts",
    "suggested_scalability",
]


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
    stated: str | None = None  # the figure as the source words it ("~4 writes/s")

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
            "stated": self.stated,
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
                stated=fig.stated,
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
