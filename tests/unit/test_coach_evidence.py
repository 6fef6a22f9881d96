"""Evidence beside the self-score: points per criterion, the suggestion, and calibration."""

from __future__ import annotations

import json

import pytest
from coach_fixture import SCENARIO

from mockinterview.coach.checklist import Checklist, ChecklistItem
from mockinterview.coach.engine import Coach
from mockinterview.coach.evidence import calibrate, compare, criterion_evidence, suggest_score, suggestions


@pytest.mark.parametrize(
    ("covered", "total", "suggested"),
    [
        (0, 0, None),
        (0, 1, 1),
        (1, 1, 5),
        (0, 8, 1),
        (1, 8, 2),
        (2, 8, 2),
        (3, 8, 3),
        (4, 8, 3),
        (5, 8, 4),
        (6, 8, 4),
        (7, 8, 5),
        (8, 8, 5),
        (1, 2, 3),
        (1, 3, 2),
        (2, 3, 4),
        (1, 4, 2),
        (3, 4, 4),
    ],
)
def test_suggested_score_from_the_share_covered(covered: int, total: int, suggested: int | None) -> None:
    assert suggest_score(covered, total) == suggested


def item(pid: str, criteria: tuple[str, ...], detected: bool, confirmed: bool | None = None) -> ChecklistItem:
    return ChecklistItem(pid, pid, criteria, None, None, detected, (), confirmed)


def test_evidence_counts_confirmed_points_else_detected_ones() -> None:
    checklist = Checklist(
        "p",
        (
            item("a", ("trade_off_analysis",), detected=True),
            item("b", ("trade_off_analysis", "innovation"), detected=False, confirmed=True),  # ticked
            item("c", ("trade_off_analysis",), detected=True, confirmed=False),  # unticked
            item("d", ("innovation",), detected=False),
        ),
    )
    ev = criterion_evidence([checklist])
    assert (ev["trade_off_analysis"].covered, ev["trade_off_analysis"].missing) == (("a", "b"), ("c",))
    assert ev["trade_off_analysis"].suggested == 4  # 2 of 3
    assert ev["innovation"].suggested == 3  # 1 of 2
    assert ev["api_design"].total == 0 and ev["api_design"].suggested is None
    assert suggestions(ev) == {"trade_off_analysis": 4, "innovation": 3}
    assert ev["innovation"].to_dict() == {
        "criterion": "innovation",
        "covered": 1,
        "total": 2,
        "suggested": 3,
        "covered_points": ["b"],
        "missing_points": ["d"],
    }


def test_evidence_from_real_checks_of_the_fixture() -> None:
    coach = Coach(SCENARIO)
    notes = "push model: fan-out on write\npull model for celebrities\nkafka between them"
    checklists = coach.check_phases(notes)
    ev = criterion_evidence(checklists.values())
    # trade_off_analysis: hybrid-fanout and consistency, neither covered
    assert ev["trade_off_analysis"].covered == () and ev["trade_off_analysis"].suggested == 1
    # operational_awareness: async-queue only, covered by "kafka"
    assert ev["operational_awareness"].suggested == 5
    json.dumps({k: v.to_dict() for k, v in ev.items()})


def test_compare_says_where_self_score_and_evidence_differ() -> None:
    checklist = Checklist("p", (item("a", ("innovation",), True), item("b", ("api_design",), False)))
    gaps = compare({"innovation": 3, "api_design": 4, "collaboration": 5}, criterion_evidence([checklist]))
    assert [(g.criterion, g.self_score, g.suggested, g.difference, g.differs) for g in gaps] == [
        ("api_design", 4, 1, 3, True),
        ("innovation", 3, 5, -2, True),
    ]


def test_calibration_over_a_crafted_history() -> None:
    names = {"trade_off_analysis": "Trade-off Analysis", "api_design": "API Design", "innovation": "Innovation"}
    history = [
        ({"trade_off_analysis": 4, "api_design": 2, "innovation": 3}, {"trade_off_analysis": 3, "api_design": 4, "innovation": 3}),
        ({"trade_off_analysis": 4, "api_design": 3, "innovation": 3}, {"trade_off_analysis": 2, "api_design": 4, "innovation": None}),
        ({"trade_off_analysis": 5, "api_design": 3}, {"trade_off_analysis": 4, "api_design": 4, "innovation": 2}),
        ({"trade_off_analysis": 3, "api_design": 2}, {"trade_off_analysis": 3, "api_design": 3}),
        ({"trade_off_analysis": 4}, {"trade_off_analysis": 2}),
    ]
    result = {c.criterion: c for c in calibrate(history, names=names)}
    tradeoff = result["trade_off_analysis"]
    assert (tradeoff.interviews, round(tradeoff.mean_difference, 6), tradeoff.direction) == (5, 1.2, "over")
    assert tradeoff.sentence == "you rate Trade-off Analysis 1.2 above what your notes show (over 5 interviews)"
    api = result["api_design"]
    assert (api.interviews, api.mean_difference, api.direction) == (4, -1.25, "under")
    assert api.sentence == "you rate API Design 1.3 below what your notes show (over 4 interviews)"
    innovation = result["innovation"]  # only the first interview has both numbers
    assert (innovation.interviews, innovation.direction) == (1, "in_line")
    assert innovation.sentence == "your Innovation self-scores match what your notes show (over 1 interview)"
    assert [c.criterion for c in calibrate(history, names=names)] == ["api_design", "trade_off_analysis", "innovation"]
    assert [c.criterion for c in calibrate(history, min_interviews=2)] == ["api_design", "trade_off_analysis"]
    assert calibrate(history)[0].name == "Api design"  # without names: the id, spaced
    assert json.loads(json.dumps(tradeoff.to_dict()))["direction"] == "over"
