"""Load and validate the content files: a scenario (structure plus meaning) and the rubric."""

from __future__ import annotations

from pathlib import Path

from mockinterview import paths
from mockinterview.content import yamlio
from mockinterview.content.rubric import Rubric
from mockinterview.content.scenario import DEFER_RULES, Scenario, scenario_problems
from mockinterview.errors import ContentError, Problem
from mockinterview.estimation.figures import check_estimation


def semantic_problems(scenario: Scenario, doc: yamlio.Document) -> list[Problem]:
    """Problems a schema cannot see, each at its own key: the rules that span fields
    (:func:`~mockinterview.content.scenario.scenario_problems`), and formulas that do not
    parse or do not add up."""
    problems: list[Problem] = [doc.problem(list(p.loc), p.message, at_key=p.at_key) for p in scenario_problems(scenario)]
    if scenario.estimation is not None:
        for loc, message in check_estimation(scenario.estimation):
            problems.append(doc.problem(list(loc), message))
    return problems


def scenario_from(doc: yamlio.Document, path: Path, *, expect_id: bool = True) -> Scenario:
    """Validate and check one parsed scenario file; every problem is reported at once.

    With ``expect_id`` the file name (without ``.yaml``) must equal the scenario id,
    so ``mockinterview run ID`` and the file on disk can never disagree.
    """
    scenario = yamlio.validate(Scenario, doc, context=DEFER_RULES)
    problems = semantic_problems(scenario, doc)
    stem = path.name.removesuffix(".yaml").removesuffix(".yml")
    if expect_id and scenario.id != stem:
        problems.insert(0, doc.problem(["id"], f"id {scenario.id!r} must match the file name {stem!r}"))
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise ContentError(problems)
    return scenario


def load_scenario(path: Path, *, expect_id: bool = True) -> Scenario:
    """Read, validate and check one scenario file (see :func:`scenario_from`)."""
    return scenario_from(yamlio.read(path), path, expect_id=expect_id)


def load_rubric(path: Path | None = None) -> Rubric:
    """The rubric (the bundled one by default), validated like a scenario."""
    return yamlio.load(Rubric, path or paths.rubric_path())
