"""Scoring arithmetic: the documents' own examples and every boundary."""

from __future__ import annotations

import pytest

from mockinterview.content.loader import load_rubric
from mockinterview.errors import InvalidScores
from mockinterview.scoring.arithmetic import (
    check_bands,
    check_scores,
    evaluate,
    label_50,
    suggest_bands,
    verdict,
)
from mockinterview.vocab import CRITERION_IDS

RUBRIC = load_rubric()

CHAT_DOC = dict(  # document 000, Mock Interview #2, as evaluated there
    system_design_knowledge=5, scalability_understanding=5, database_design=4, api_design=4,
    trade_off_analysis=5, problem_clarification=5, structured_thinking=5, clear_explanation=5,
    collaboration=5, time_management=4,
)


def full(base: dict[str, int], rest: int = 3) -> dict[str, int]:
    return {c: base.get(c, rest) for c in CRITERION_IDS}


def test_rubric_has_the_fifteen_public_criteria_in_three_groups() -> None:
    assert [c.id for c in RUBRIC.criteria] == list(CRITERION_IDS)
    assert {g.id: len(RUBRIC.criteria_in(g.id)) for g in RUBRIC.groups} == {
        "technical": 5, "communication": 5, "overall": 5,
    }
    assert {b.id: b.points for b in RUBRIC.bands} == {
        "technical_depth": 50, "system_design": 30, "communication_process": 20,
    }


def test_chat_system_evaluation_is_47_of_50_strong_pass() -> None:
    result = evaluate(RUBRIC, full(CHAT_DOC))
    assert result.subtotals["technical"] == 23
    assert result.subtotals["communication"] == 24
    assert (result.score_50, result.percent_50, result.label_50.label) == (47, 94.0, "STRONG PASS")


@pytest.mark.parametrize(
    ("score", "label"),
    [(50, "EXCEPTIONAL PASS"), (48, "EXCEPTIONAL PASS"), (47, "STRONG PASS"), (46, "STRONG PASS"),
     (38, "PASS"), (35, "PASS"), (34, "WEAK PASS"), (28, "WEAK PASS"), (27, "NO PASS"), (10, "NO PASS")],
)
def test_labels_50_match_the_documents_examples_and_thresholds(score: int, label: str) -> None:
    assert label_50(RUBRIC, score).label == label


@pytest.mark.parametrize(
    ("total", "expected"),
    [(100, "Strong Pass"), (85, "Strong Pass"), (84, "Pass"), (70, "Pass"), (69, "Weak Pass"),
     (55, "Weak Pass"), (54, "No Pass"), (0, "No Pass")],
)
def test_verdict_boundaries(total: int, expected: str) -> None:
    assert verdict(RUBRIC, total).label == expected


def test_band_suggestion_is_proportional_to_the_matching_group() -> None:
    scores = full({c: 4 for c in CRITERION_IDS})  # every group 20/25
    assert suggest_bands(RUBRIC, scores) == {"technical_depth": 40, "system_design": 24, "communication_process": 16}
    scores = full({}, rest=5)
    assert suggest_bands(RUBRIC, scores) == {"technical_depth": 50, "system_design": 30, "communication_process": 20}
    scores = full({}, rest=1)
    assert suggest_bands(RUBRIC, scores) == {"technical_depth": 10, "system_design": 6, "communication_process": 4}


def test_halves_round_up() -> None:
    # communication 21/25 -> 16.8 -> 17; overall 18/25 -> 21.6 -> 22; technical 18 -> 36
    scores = full({"problem_clarification": 5, "structured_thinking": 4, "clear_explanation": 4,
                   "collaboration": 4, "time_management": 4,
                   "system_design_knowledge": 4, "scalability_understanding": 4, "database_design": 4})
    bands = suggest_bands(RUBRIC, scores)
    assert bands["communication_process"] == 17
    assert bands["technical_depth"] == 36


def test_adjusted_bands_decide_the_verdict_and_levels() -> None:
    result = evaluate(RUBRIC, full({}, rest=4), bands={"technical_depth": 45, "system_design": 27, "communication_process": 13})
    assert result.total_100 == 85 and result.verdict.label == "Strong Pass"
    levels = {b.band.id: b.level.name for b in result.bands}
    assert levels == {"technical_depth": "Excellent", "system_design": "Excellent", "communication_process": "Needs Improvement"}
    assert {b.band.id: b.suggested for b in result.bands}["technical_depth"] == 40


def test_out_of_range_unknown_and_missing_scores_are_all_named() -> None:
    scores = full({}) | {"api_design": 7, "colaboration": 4}
    del scores["edge_cases"]
    with pytest.raises(InvalidScores) as info:
        check_scores(scores)
    msg = info.value.message
    assert "api_design: 7 is outside 1..5" in msg
    assert "unknown criterion 'colaboration' (did you mean 'collaboration'?)" in msg
    assert "missing score(s) for: edge_cases" in msg


@pytest.mark.parametrize("bad", [0, 6, "x", 3.5, True, None])
def test_non_scores_are_refused(bad: object) -> None:
    with pytest.raises(InvalidScores):
        check_scores(full({}) | {"innovation": bad})


def test_numeric_strings_are_accepted() -> None:
    assert check_scores(full({}) | {"innovation": "4"})["innovation"] == 4


def test_band_points_outside_their_range_are_refused() -> None:
    with pytest.raises(InvalidScores, match=r"system_design: 31 is outside 0..30"):
        check_bands(RUBRIC, {"system_design": 31})
    with pytest.raises(InvalidScores, match="unknown band 'technical'"):
        check_bands(RUBRIC, {"technical": 3})
