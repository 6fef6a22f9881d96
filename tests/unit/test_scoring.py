"""Scoring arithmetic: the documents' own examples and every boundary."""

from __future__ import annotations

import pytest

from mockinterview.content.loader import load_rubric
from mockinterview.errors import InvalidScores
from mockinterview.scoring.arithmetic import (
    band_criteria,
    check_bands,
    check_scores,
    evaluate,
    label_50,
    meaning_for,
    round_half_up,
    suggest_bands,
    thresholds_text,
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


def test_band_suggestion_is_proportional_to_the_criteria_that_feed_it() -> None:
    scores = full({c: 4 for c in CRITERION_IDS})  # every band's criteria 20/25
    assert suggest_bands(RUBRIC, scores) == {"technical_depth": 40, "system_design": 24, "communication_process": 16}
    scores = full({}, rest=5)
    assert suggest_bands(RUBRIC, scores) == {"technical_depth": 50, "system_design": 30, "communication_process": 20}
    scores = full({}, rest=1)
    assert suggest_bands(RUBRIC, scores) == {"technical_depth": 10, "system_design": 6, "communication_process": 4}


def test_each_band_is_fed_by_the_criteria_its_descriptors_describe() -> None:
    assert band_criteria(RUBRIC, "technical_depth") == [
        "scalability_understanding", "database_design", "trade_off_analysis", "handles_scale", "edge_cases",
    ]
    assert band_criteria(RUBRIC, "system_design") == [
        "system_design_knowledge", "api_design", "meets_requirements", "operational_awareness", "innovation",
    ]
    assert band_criteria(RUBRIC, "communication_process") == [
        "problem_clarification", "structured_thinking", "clear_explanation", "collaboration", "time_management",
    ]
    # a low Innovation score moves System Design Skills, not Technical Depth
    low = evaluate(RUBRIC, full({}, rest=4) | {"innovation": 1})
    assert {b.band.id: b.points for b in low.bands} == {"technical_depth": 40, "system_design": 20, "communication_process": 16}


def test_the_documents_url_shortener_candidate_lands_on_pass() -> None:
    # document 000's ten scores (39 by their sum), and 4 on the five criteria it never scores
    doc = dict(system_design_knowledge=4, scalability_understanding=4, database_design=4, api_design=3,
               trade_off_analysis=3, problem_clarification=5, structured_thinking=4, clear_explanation=4,
               collaboration=4, time_management=4)  # fmt: skip
    result = evaluate(RUBRIC, full(doc, rest=4))
    assert (result.score_50, result.percent_50) == (39, 78.0)
    assert [b.points for b in result.bands] == [38, 23, 17] and result.total_100 == 78
    assert result.verdict.label == "Pass"


def test_halves_round_up() -> None:
    assert [round_half_up(x) for x in (16.5, 2.5, 16.4999, 0.5)] == [17, 3, 16, 1]
    # communication 21/25 -> 16.8 -> 17; technical depth 17/25 -> 34 exactly; system design 16/25 -> 19.2 -> 19
    scores = full({"problem_clarification": 5, "structured_thinking": 4, "clear_explanation": 4,
                   "collaboration": 4, "time_management": 4,
                   "system_design_knowledge": 4, "scalability_understanding": 4, "database_design": 4})
    bands = suggest_bands(RUBRIC, scores)
    assert bands == {"technical_depth": 34, "system_design": 19, "communication_process": 17}


def test_verdict_meanings_follow_the_level_and_the_thresholds_read_whole() -> None:
    strong = verdict(RUBRIC, 90)
    assert meaning_for(strong, "mid") == ("ready for mid-level distributed systems roles", False)  # document 003
    assert meaning_for(strong, "entry") == ("ready for entry-level system design roles", True)
    assert meaning_for(strong, "staff")[0] == "ready for staff-level distributed systems roles"
    assert meaning_for(verdict(RUBRIC, 72), "senior") == ("good foundation with room for growth", False)
    assert thresholds_text(RUBRIC) == "Strong Pass 85+ · Pass 70–84 · Weak Pass 55–69 · No Pass below 55"


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
