"""The results of ``progress`` and ``next``: immutable records, each with ``to_dict()`` for ``--json``.

``NamedTuple`` records: cheaper to define than dataclasses, and this module is
imported by every ``progress`` and ``next``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from mockinterview.dates import iso
from mockinterview.progress.rules import CALIBRATION_MARGIN, FORMULA, MIN_CALIBRATION, monday, rounded
from mockinterview.store.progress_queries import Filters

__all__ = [
    "Average",
    "Calibration",
    "CalibrationRow",
    "Candidate",
    "CriterionStat",
    "Focus",
    "Pacing",
    "PhasePace",
    "Practice",
    "Progress",
    "Readiness",
    "RecentRow",
    "Recommendation",
    "Trend",
]


class RecentRow(NamedTuple):
    id: str
    started_at: datetime
    scenario_id: str
    scenario_title: str
    level: str
    score_50: int | None
    percent_50: float | None
    label_50: str | None
    total_100: int | None
    verdict: str | None

    def to_dict(self) -> dict[str, Any]:
        d = self._asdict()
        d["started_at"] = iso(self.started_at)
        return d


class Average(NamedTuple):
    key: str  # a level or a scenario id
    title: str
    interviews: int
    score_50: float | None
    total_100: float | None
    verdict: str | None
    last: datetime | None = None

    def to_dict(self, key_name: str) -> dict[str, Any]:
        d: dict[str, Any] = {
            key_name: self.key,
            "interviews": self.interviews,
            "score_50": rounded(self.score_50, 1),
            "total_100": rounded(self.total_100, 1),
            "verdict": self.verdict,
        }
        if key_name == "scenario":
            d["title"] = self.title
            d["last"] = iso(self.last) if self.last else None
        return d


class Trend(NamedTuple):
    unit: str  # "interview" | "week"
    labels: list[str]  # a local date per point (the interview's, or the week's Monday)
    interviews: list[int]  # how many interviews each point averages
    score_50: list[float | None]
    groups: dict[str, list[float | None]]
    criteria: dict[str, list[float | None]]
    total_100: list[float | None]  # the band total per point (the verdict's scale)

    def to_dict(self) -> dict[str, Any]:
        def r(xs: list[float | None]) -> list[float | None]:
            return [rounded(x) for x in xs]

        return {
            "unit": self.unit,
            "points": [{"label": lab, "interviews": n} for lab, n in zip(self.labels, self.interviews, strict=True)],
            "score_50": r(self.score_50),
            "total_100": r(self.total_100),
            "groups": {k: r(v) for k, v in self.groups.items()},
            "criteria": {k: r(v) for k, v in self.criteria.items()},
        }


class CriterionStat(NamedTuple):
    criterion: str
    name: str
    group: str
    average: float
    interviews: int
    high: int  # how many scored 4 or 5
    low: int  # how many scored 3 or lower
    minimum: int
    maximum: int

    def to_dict(self) -> dict[str, Any]:
        d = self._asdict()
        d["average"] = rounded(self.average)
        return d


class PhasePace(NamedTuple):
    kind: str
    phases: int
    planned_minutes: float
    actual_minutes: float
    over: int  # phases that ran past their plan (+ added time)

    @property
    def difference_minutes(self) -> float:
        return self.actual_minutes - self.planned_minutes

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "phases": self.phases,
            "planned_minutes": rounded(self.planned_minutes, 1),
            "actual_minutes": rounded(self.actual_minutes, 1),
            "difference_minutes": rounded(self.difference_minutes, 1),
            "over": self.over,
        }


class Pacing(NamedTuple):
    interviews: int
    phases: list[PhasePace]
    planned_minutes: float | None  # average per interview
    actual_minutes: float | None
    average_overrun_minutes: float | None
    over_interviews: int  # interviews whose used time exceeded the plan

    def to_dict(self) -> dict[str, Any]:
        return {
            "interviews": self.interviews,
            "phases": [p.to_dict() for p in self.phases],
            "planned_minutes": rounded(self.planned_minutes, 1),
            "actual_minutes": rounded(self.actual_minutes, 1),
            "average_overrun_minutes": rounded(self.average_overrun_minutes, 1),
            "over_interviews": self.over_interviews,
        }


class Practice(NamedTuple):
    today: date
    weeks: int
    days: list[date]  # practised days in the window, ascending
    interviews_in_window: int
    current_streak: int
    longest_streak: int
    longest_from: date | None
    longest_to: date | None

    @property
    def first_day(self) -> date:
        return monday(self.today) - timedelta(weeks=self.weeks - 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "weeks": self.weeks,
            "from": self.first_day.isoformat(),
            "to": self.today.isoformat(),
            "days": [d.isoformat() for d in self.days],
            "days_practised": len(self.days),
            "interviews": self.interviews_in_window,
            "current_streak": self.current_streak,
            "longest_streak": self.longest_streak,
            "longest_from": self.longest_from.isoformat() if self.longest_from else None,
            "longest_to": self.longest_to.isoformat() if self.longest_to else None,
        }


class Readiness(NamedTuple):
    level: str
    status: str  # ready | not_yet | not_enough_data
    needed: int  # more interviews of this level needed (not_enough_data)
    totals: list[int | None]  # /100 of the interviews considered, newest first
    average_100: float | None
    verdict: str | None
    strong: bool
    weakest: str | None
    weakest_name: str | None
    weakest_average: float | None
    reason: str
    below: int = 0  # interviews considered that are below the Pass mark
    advice: str = ""  # what to do next, with the command
    pass_mark: float = 70.0

    @property
    def label(self) -> str:
        if self.status == "ready":
            return "ready (strong)" if self.strong else "ready"
        if self.status == "not_yet":
            return "not yet"
        return "not enough data"

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "status": self.status,
            "label": self.label,
            "needed": self.needed,
            "interviews": len(self.totals),
            "totals_100": self.totals,
            "average_100": rounded(self.average_100, 1),
            "verdict": self.verdict,
            "weakest": None
            if self.weakest is None
            else {"criterion": self.weakest, "name": self.weakest_name, "average": rounded(self.weakest_average)},
            "pass_mark": self.pass_mark,
            "below_pass": self.below,
            "reason": self.reason,
            "advice": self.advice,
        }


class CalibrationRow(NamedTuple):
    criterion: str
    name: str
    interviews: int
    yours: float  # your mean score on these interviews
    document: float  # the documents' mean score
    mean_difference: float
    recent_difference: float | None  # over the last CALIBRATION_RECENT calibrated interviews

    @property
    def tendency(self) -> str:
        if self.interviews < MIN_CALIBRATION:
            return "too_few"
        if self.mean_difference > CALIBRATION_MARGIN:
            return "over"
        if self.mean_difference < -CALIBRATION_MARGIN:
            return "under"
        return "calibrated"

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "name": self.name,
            "interviews": self.interviews,
            "yours": rounded(self.yours),
            "document": rounded(self.document),
            "mean_difference": rounded(self.mean_difference),
            "recent_difference": rounded(self.recent_difference),
            "tendency": self.tendency,
        }


class Calibration(NamedTuple):
    interviews: int
    scenarios: list[str]
    rows: list[CalibrationRow]
    gap_labels: list[str]  # per calibrated interview (oldest first): local date
    gap_trend: list[float]  # mean |yours - document| per interview
    bias_trend: list[float]  # mean (yours - document) per interview

    @property
    def over(self) -> list[CalibrationRow]:
        return sorted((r for r in self.rows if r.tendency == "over"), key=lambda r: -r.mean_difference)

    @property
    def under(self) -> list[CalibrationRow]:
        return sorted((r for r in self.rows if r.tendency == "under"), key=lambda r: r.mean_difference)

    def to_dict(self) -> dict[str, Any]:
        return {
            "interviews": self.interviews,
            "scenarios": self.scenarios,
            "margin": CALIBRATION_MARGIN,
            "criteria": [r.to_dict() for r in self.rows],
            "over_rated": [r.criterion for r in self.over],
            "under_rated": [r.criterion for r in self.under],
            "trend": [
                {"label": lab, "mean_abs_difference": rounded(g), "mean_difference": rounded(b)}
                for lab, g, b in zip(self.gap_labels, self.gap_trend, self.bias_trend, strict=True)
            ],
        }


class Progress(NamedTuple):
    filters: Filters
    today: date
    sessions: int  # every session, scored or not, whole history
    scored_all: int  # scored, whole history
    scored: int  # scored, within the filters
    first: datetime | None
    last: datetime | None
    score_50: float | None
    total_100: float | None
    verdict: str | None
    recent: list[RecentRow]
    by_level: list[Average]
    by_scenario: list[Average]
    trend: Trend | None
    criteria: list[CriterionStat]  # over the recent interviews, rubric order
    strengths: list[CriterionStat]
    weaknesses: list[CriterionStat]
    pacing: Pacing
    practice: Practice
    readiness: list[Readiness]
    calibration: Calibration
    names: dict[str, str]  # criterion and group id -> display name
    group_of: dict[str, str]  # criterion id -> group id
    thresholds: str = ""  # the verdict cut-offs, as every explanation of a verdict shows them

    @property
    def empty(self) -> bool:
        return self.scored == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "filters": self.filters.to_dict(),
            "today": self.today.isoformat(),
            "interviews": self.sessions,
            "scored_interviews": self.scored_all,
            "scored_in_range": self.scored,
            "first": iso(self.first) if self.first else None,
            "last": iso(self.last) if self.last else None,
            "averages": {
                "score_50": rounded(self.score_50, 1),
                "percent_50": rounded(None if self.score_50 is None else self.score_50 / 50 * 100, 1),
                "total_100": rounded(self.total_100, 1),
                "verdict": self.verdict,
                "by_level": [a.to_dict("level") for a in self.by_level],
                "by_scenario": [a.to_dict("scenario") for a in self.by_scenario],
            },
            "recent": [r.to_dict() for r in self.recent],
            "trends": self.trend.to_dict() if self.trend else None,
            "criteria": [c.to_dict() for c in self.criteria],
            "strengths": [c.to_dict() for c in self.strengths],
            "weaknesses": [c.to_dict() for c in self.weaknesses],
            "pacing": self.pacing.to_dict(),
            "practice": self.practice.to_dict(),
            "readiness": [r.to_dict() for r in self.readiness],
            "calibration": self.calibration.to_dict(),
            "thresholds": self.thresholds,
        }


class Focus(NamedTuple):
    criterion: str
    name: str
    average: float
    interviews: int
    days: float  # since practised
    priority: float
    in_scenario: list[str]  # what the chosen scenario says about it
    aim: str  # the rubric's descriptor of a 5

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "name": self.name,
            "average": rounded(self.average),
            "interviews": self.interviews,
            "days_since_practised": round(self.days),
            "priority": rounded(self.priority),
            "in_scenario": self.in_scenario,
            "aim": self.aim,
        }


class Candidate(NamedTuple):
    id: str
    title: str
    level: str
    minutes: int
    fit: float
    freshness: float
    score: float
    times_done: int
    days_since_done: float | None
    covers: list[str]  # focus criteria it exercises
    variety: float = 1.0  # less for a scenario done more often than the others

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "level": self.level,
            "minutes": self.minutes,
            "fit": rounded(self.fit),
            "freshness": rounded(self.freshness),
            "score": rounded(self.score),
            "variety": rounded(self.variety),
            "times_done": self.times_done,
            "days_since_done": None if self.days_since_done is None else round(self.days_since_done),
            "covers": self.covers,
        }


class Recommendation(NamedTuple):
    has_history: bool
    level: str
    level_reason: str
    scenario: Candidate | None
    focus: list[Focus]
    alternatives: list[Candidate]
    explanation: list[str]
    readiness: Readiness | None

    @property
    def command(self) -> str | None:
        return f"mockinterview run {self.scenario.id}" if self.scenario else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "has_history": self.has_history,
            "level": self.level,
            "level_reason": self.level_reason,
            "scenario": self.scenario.to_dict() if self.scenario else None,
            "command": self.command,
            "focus": [f.to_dict() for f in self.focus],
            "alternatives": [c.to_dict() for c in self.alternatives],
            "readiness": self.readiness.to_dict() if self.readiness else None,
            "formula": FORMULA,
            "explanation": self.explanation,
        }
