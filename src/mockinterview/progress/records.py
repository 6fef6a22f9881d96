"""The results of ``progress`` and ``next``: immutable records, each with ``to_dict()`` for ``--json``.

``NamedTuple`` records: cheaper to define than dataclasses, and this module is
imported by every ``progress`` and ``next``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from mockinterview.dates import iso
from mockinterview.progress.rules import CALIBRATION_MARGIN, FORMULA, MIN_CALIBRATION, monday, rounded
from mockinterview.store.progress_queries import Filters
from mockinterview.wording import plural

if TYPE_CHECKING:
    from mockinterview.coach.evidence import Calibration as NotesGap

__all__ = [
    "AGAINST_DOCUMENT",
    "AGAINST_NOTES",
    "NOTES_CALIBRATION_HOW",
    "TENDENCY_WORDS",
    "Average",
    "Calibration",
    "CalibrationRow",
    "Candidate",
    "CriterionStat",
    "Focus",
    "NotesCalibration",
    "NotesCalibrationRow",
    "Pacing",
    "PhasePace",
    "Practice",
    "Progress",
    "Readiness",
    "RecentRow",
    "Recommendation",
    "Trend",
    "notes_calibration_empty",
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


#: The two calibrations, as every view titles them.
AGAINST_DOCUMENT = "Self-scores against the document's candidate"
AGAINST_NOTES = "Self-scores against your notes"

#: How many criteria the calibration against the notes names in sentences (largest gaps first).
NOTES_SENTENCES = 3

#: How the calibration against the notes is made, said once under its heading.
NOTES_CALIBRATION_HOW = (
    "Each interview's notes checked against its scenario's key points give a suggested score per "
    "criterion (the scorecard's notes column); diff = your self-score minus it, on average; n = interviews "
    "with both."
)


def notes_calibration_empty(cal: NotesCalibration) -> str:
    """What the calibration against the notes says when it has nothing to show."""
    if cal.interviews:
        return f"The scenarios of your {plural(cal.interviews, 'interview')} with notes have no key points to read them against."
    if cal.unread:
        return (
            f"The scenarios of your {plural(cal.unread, 'interview')} with notes could not be read "
            "(mockinterview validate says why)."
        )
    return (
        "None of these interviews has notes to compare your scores with: `mockinterview run` keeps them "
        "(or `mockinterview review SCENARIO --notes FILE --save` for notes written elsewhere)."
    )


#: How a calibration row's tendency reads, in the terminal, HTML and Markdown alike.
TENDENCY_WORDS = {"over": "you rate higher", "under": "you rate lower", "calibrated": "close", "too_few": "too few"}


def _tendency(interviews: int, mean_difference: float) -> str:
    if interviews < MIN_CALIBRATION:
        return "too_few"
    if mean_difference > CALIBRATION_MARGIN:
        return "over"
    if mean_difference < -CALIBRATION_MARGIN:
        return "under"
    return "calibrated"


def _listed(rows: list[Any]) -> str:
    return ", ".join(f"{r.name} ({r.mean_difference:+.1f})" for r in rows)


class _Leaning(NamedTuple):
    over: list[Any]  # rows you rate higher, largest gap first
    under: list[Any]  # rows you rate lower, largest gap first


def _leaning(rows: list[Any]) -> _Leaning:
    return _Leaning(
        sorted((r for r in rows if r.tendency == "over"), key=lambda r: -r.mean_difference),
        sorted((r for r in rows if r.tendency == "under"), key=lambda r: r.mean_difference),
    )


def _rows_dict(rows: list[Any]) -> dict[str, Any]:
    """The JSON both calibrations share: the margin, every row, the criteria leaning each way."""
    lean = _leaning(rows)
    return {
        "margin": CALIBRATION_MARGIN,
        "criteria": [r.to_dict() for r in rows],
        "over_rated": [r.criterion for r in lean.over],
        "under_rated": [r.criterion for r in lean.under],
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
        return _tendency(self.interviews, self.mean_difference)

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
        return _leaning(self.rows).over

    @property
    def under(self) -> list[CalibrationRow]:
        return _leaning(self.rows).under

    def summary(self) -> list[str]:
        """The sentences under the table, the same in every view."""
        out = []
        if self.over:
            out.append(f"You rate yourself higher than the document's candidate on: {_listed(self.over)}.")
        if self.under:
            out.append(f"You rate yourself lower than the document's candidate on: {_listed(self.under)}.")
        if not self.over and not self.under:
            out.append(
                f"Close to the documents' candidates: every criterion within ±{CALIBRATION_MARGIN} of them on average."
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "against": "the document's candidate",
            "interviews": self.interviews,
            "scenarios": self.scenarios,
            **_rows_dict(self.rows),
            "trend": [
                {"label": lab, "mean_abs_difference": rounded(g), "mean_difference": rounded(b)}
                for lab, g, b in zip(self.gap_labels, self.gap_trend, self.bias_trend, strict=True)
            ],
        }


class NotesCalibrationRow(NamedTuple):
    """A criterion's self-scores against what the notes showed, over the interviews with both."""

    criterion: str
    name: str
    interviews: int
    mean_difference: float  # self-score minus the notes' suggestion, averaged
    sentence: str  # "you rate Trade-off Analysis 1.2 above what your notes show (over 5 interviews)"

    @classmethod
    def of(cls, gap: NotesGap) -> NotesCalibrationRow:
        return cls(gap.criterion, gap.name, gap.interviews, gap.mean_difference, gap.sentence)

    @property
    def tendency(self) -> str:
        return _tendency(self.interviews, self.mean_difference)

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "name": self.name,
            "interviews": self.interviews,
            "mean_difference": rounded(self.mean_difference),
            "tendency": self.tendency,
            "sentence": self.sentence,
        }


class NotesCalibration(NamedTuple):
    """Self-scores against the evidence of the notes, over the newest interviews with notes."""

    interviews: int  # scored interviews with notes read (at most the window)
    window: int
    rows: list[NotesCalibrationRow]  # criteria with key points, rubric order
    unread: int = 0  # interviews with notes whose scenario could not be read

    @property
    def over(self) -> list[NotesCalibrationRow]:
        return _leaning(self.rows).over

    @property
    def under(self) -> list[NotesCalibrationRow]:
        return _leaning(self.rows).under

    def summary(self, limit: int = NOTES_SENTENCES) -> list[str]:
        """What to take from it: the sentences of the ``limit`` criteria with the largest gaps
        (the table has the rest) and what to do about them, or that the two agree."""
        gaps = sorted((*self.over, *self.under), key=lambda r: -abs(r.mean_difference))
        out = [f"{r.sentence[0].upper()}{r.sentence[1:]}." for r in gaps[:limit]]
        if len(gaps) > limit:
            more = len(gaps) - limit
            out.append(f"{more} more {'criterion differs' if more == 1 else 'criteria differ'} by more than ±{CALIBRATION_MARGIN}: see the table.")
        if self.over:
            out.append(
                "Before you score the next interview, read the points your notes missed "
                "(mockinterview report ID lists them for each criterion)."
            )
        if not gaps and any(r.tendency != "too_few" for r in self.rows):
            out.append(f"Your self-scores match what your notes show: every criterion within ±{CALIBRATION_MARGIN}.")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "against": "your notes",
            "interviews": self.interviews,
            "window": self.window,
            **_rows_dict(self.rows),
            "unread": self.unread,
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
    notes_calibration: NotesCalibration | None = None  # None: not asked for (no scenarios to read)

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
            "calibration_against_notes": None if self.notes_calibration is None else self.notes_calibration.to_dict(),
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
