"""The back-of-the-envelope drill as a step of practice (``estimate``, and the
estimation phase of ``run``): the section to drill, the assumption values in play,
grading the answers with :mod:`mockinterview.estimation`, and the records an
interview keeps of them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from mockinterview.errors import NoEstimation
from mockinterview.estimation import EstimationResult, compute, grade_answers
from mockinterview.interview.session import EstimateAnswer

if TYPE_CHECKING:
    from mockinterview.content.scenario import Estimation, Scenario


def estimation_of(scenario: Scenario) -> Estimation:
    """The scenario's estimation section, or a clear error naming the scenarios that have one."""
    if scenario.estimation is None:
        raise NoEstimation(
            f"scenario {scenario.id!r} has no estimation section, so there are no figures to estimate",
            hint="Scenarios with figures to estimate include url-shortener and chat-system.",
        )
    return scenario.estimation


def assumption_values(est: Estimation, values: Mapping[str, float] | None) -> dict[str, float]:
    """Every assumption's value in play: the document's, overridden by ``values`` where given.

    ``values`` may be what :func:`estimation.vary` returned or what :func:`estimation.compute`
    returned; names that are not assumptions (computed figures) are ignored.
    """
    out = {a.name: float(a.value) for a in est.assumptions}
    for name, value in (values or {}).items():
        if name in out:
            out[name] = float(value)
    return out


def grade(scenario: Scenario, answers: Mapping[str, float], values: Mapping[str, float] | None = None) -> EstimationResult:
    """Grade ``answers`` (figure name -> value) with the assumptions in ``values`` (or the document's)."""
    est = estimation_of(scenario)
    computed = compute(est, assumption_values(est, values))
    return grade_answers(est, answers, computed)


def to_answers(result: EstimationResult) -> list[EstimateAnswer]:
    """The session records for a graded drill, in the estimation's order."""
    return [
        EstimateAnswer(
            figure=f.name,
            label=f.label,
            unit=f.unit.value,
            answer=f.answer,
            reference=f.reference,
            grade=None if f.grade is None else f.grade.value,
        )
        for f in result.figures
    ]
