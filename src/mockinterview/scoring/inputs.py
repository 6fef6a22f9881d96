"""Scores given without prompts: a score file and ``--set criterion=N``.

A score file is YAML: criterion id -> 1..5 at the top level, and optionally
``bands`` (band id -> points) and ``checklist`` (``strong_indicators`` /
``concerns``: items by their text or their 1-based number). See docs/scoring.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mockinterview.content import yamlio
from mockinterview.content.rubric import Rubric
from mockinterview.content.scenario import Scenario
from mockinterview.errors import ContentError, InvalidScores, Problem
from mockinterview.scoring.arithmetic import check_bands, check_scores
from mockinterview.vocab import CRITERION_IDS

RESERVED = ("bands", "checklist")
CHECKLIST_KEYS = ("strong_indicators", "concerns")


def parse_sets(values: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for raw in values:
        key, sep, value = raw.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InvalidScores(f"--set {raw!r}: expected criterion=score, like --set api_design=4")
        out[key.strip()] = value.strip()
    return out


def resolve_checklist(scenario: Scenario, given: Any) -> dict[str, list[str]]:
    """Turn checklist items given by text or 1-based number into the scenario's texts."""
    if given in (None, {}):
        return {}
    if not isinstance(given, dict):
        raise InvalidScores("checklist: expected strong_indicators and/or concerns, each a list")
    pools = {"strong_indicators": scenario.debrief.strong_indicators, "concerns": scenario.debrief.concerns}
    out: dict[str, list[str]] = {}
    problems: list[str] = []
    for key, items in given.items():
        if key not in pools:
            problems.append(f"checklist.{key}: unknown list (use strong_indicators or concerns)")
            continue
        if not isinstance(items, list):
            problems.append(f"checklist.{key}: expected a list")
            continue
        chosen = []
        for item in items:
            if isinstance(item, int) and not isinstance(item, bool) and 1 <= item <= len(pools[key]):
                chosen.append(pools[key][item - 1])
            elif isinstance(item, str) and item in pools[key]:
                chosen.append(item)
            else:
                problems.append(f"checklist.{key}: {item!r} is not one of the scenario's {len(pools[key])} items")
        out[key] = chosen
    if problems:
        raise InvalidScores("; ".join(problems))
    return out


def load_score_file(path: Path, scenario: Scenario, rubric: Rubric) -> tuple[dict[str, int], dict[str, int], dict[str, list[str]]]:
    """Read and check a score file; problems come back located, all at once."""
    doc = yamlio.read(path)
    data = doc.data
    if not isinstance(data, dict):
        raise ContentError([Problem(str(path), 1, 1, "", "expected a mapping of criterion id to score (1-5)")])
    problems: list[Problem] = []
    extra_ids = tuple(c.id for c in scenario.rubric.extra_criteria)
    raw_scores = {k: v for k, v in data.items() if k not in RESERVED}
    scores: dict[str, int] = {}
    for key, value in raw_scores.items():
        try:
            scores.update(check_scores({key: value}, extra_ids=extra_ids, require_all=False))
        except InvalidScores as exc:
            message = exc.message.removeprefix(f"{key}: ")
            problems.append(doc.problem([key], message, at_key="unknown" in message))
    missing = [c for c in CRITERION_IDS if c not in raw_scores]
    if missing:
        problems.append(Problem(str(path), 1, 1, "", f"missing score(s) for: {', '.join(missing)}"))
    bands: dict[str, int] = {}
    if "bands" in data:
        if not isinstance(data["bands"], dict):
            problems.append(doc.problem(["bands"], "expected band id -> points"))
        else:
            for key, value in data["bands"].items():
                try:
                    bands.update(check_bands(rubric, {key: value}))
                except InvalidScores as exc:
                    problems.append(doc.problem(["bands", key], exc.message.removeprefix(f"{key}: ")))
    checklist: dict[str, list[str]] = {}
    try:
        checklist = resolve_checklist(scenario, data.get("checklist"))
    except InvalidScores as exc:
        problems.append(doc.problem(["checklist"], exc.message.replace("checklist.", "")))
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise ContentError(problems)
    return scores, bands, checklist
