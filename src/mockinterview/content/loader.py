"""Load and validate one scenario file: structure (pydantic) plus meaning (formulas, figures)."""

from __future__ import annotations

from pathlib import Path

from mockinterview.content import yamlio
from mockinterview.content.scenario import Scenario
from mockinterview.errors import ContentError, Problem


def semantic_problems(scenario: Scenario, doc: yamlio.Document) -> list[Problem]:
    """Problems a schema cannot see: formulas that do not parse or do not add up."""
    problems: list[Problem] = []
    if scenario.estimation is not None:
        from mockinterview.estimation import check_estimation

        for loc, message in check_estimation(scenario.estimation):
            problems.append(doc.problem(list(loc), message))
    return problems


def load_scenario(path: Path, *, expect_id: bool = True) -> Scenario:
    """Read, validate and check one scenario file; every problem is reported at once.

    With ``expect_id`` the file name (without ``.yaml``) must equal the scenario id,
    so ``mockinterview run ID`` and the file on disk can never disagree.
    """
    doc = yamlio.read(path)
    scenario = yamlio.validate(Scenario, doc)
    problems = semantic_problems(scenario, doc)
    stem = path.name.removesuffix(".yaml").removesuffix(".yml")
    if expect_id and scenario.id != stem:
        problems.insert(0, doc.problem(["id"], f"id {scenario.id!r} must match the file name {stem!r}"))
    if problems:
        raise ContentError(problems)
    return scenario
