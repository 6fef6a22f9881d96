"""Progress and coaching over the saved interviews: the summary, readiness per level,
calibration against the documents' own evaluations, and what to practise next.

Core module: stdlib only (``sqlite3``), no terminal libraries. Every aggregate is
computed by SQLite (``GROUP BY`` / ``AVG`` / window functions over ``sessions``,
``assessments`` and ``criterion_scores``, through the store's indexes); Python only
shapes the few dozen rows that come back. Queries over ``sessions`` alone (averages,
the calendar) scan the whole history, which is cheap; queries that join the
per-criterion scores (about 15 rows per interview, the expensive part) only ever read
a bounded window of recent interviews, so ``progress`` and ``next`` cost about the
same at 10,000 interviews as at 100 (see docs/performance.md).

Functions take the open connection (``Store.conn``), the rubric and, where needed,
scenarios; any object with the same attributes will do. Results are immutable
``NamedTuple`` records (cheaper to define than dataclasses, and this module is imported
by every ``progress`` and ``next``), each with a ``to_dict()`` for ``--json``.

Definitions (the commands' explanations repeat them)
----------------------------------------------------
* A *scored interview* is a session with a current assessment
  (``sessions.scored_at`` is set). Only the current assessment of each session
  counts; earlier ones are history.
* ``--since`` (a local date) and ``--scenario`` narrow the summary, the trends,
  strengths and weaknesses, pacing and calibration. Readiness and the practice
  calendar always look at the whole history: they describe where you are *now*.
* *Recent*: the last :data:`RECENT` scored interviews.
* *Trends*: one point per interview when there are at most :data:`TREND_POINTS`
  scored interviews, else one point per calendar week (Monday first, local time) over
  the last :data:`TREND_POINTS` weeks (fewer if those weeks hold more than
  :data:`TREND_MAX_INTERVIEWS` interviews); a group's point is the mean of its criteria.
  Sparklines use a fixed scale (1..5 per criterion, 10..50 for the score), so a flat
  high line really means high.
* *Strength*: over the recent interviews, average >= 4.0 and a score of 4 or 5 in at
  least two thirds of them. *Weakness*: average <= 3.0 and a score of 3 or lower in at
  least two thirds of them. At least two interviews are needed for either.
* *Pacing*: the last :data:`PACING_WINDOW` finished timed interviews; per kind of
  phase, planned vs used minutes; the overrun of an interview is its used minus its
  planned minutes.
* *Practice calendar*: local days with at least one interview (scored or not) over
  the last :data:`CALENDAR_WEEKS` weeks; the current streak still counts if today
  has no interview yet but yesterday had; the longest streak is over all history.
* *Readiness* for a level: the last :data:`READINESS_WINDOW` scored interviews whose
  ``sessions.level`` is that level. Fewer -> "not enough data"; their average /100
  at or above the rubric's Pass verdict -> "ready" (at or above Strong Pass: "ready,
  strong"); below -> "not yet". The weakest criterion over them is named.
* *Calibration*: for the last :data:`CALIBRATION_WINDOW` interviews of scenarios that
  carry the document's own evaluation (``scenario.evaluation.scores``), your score
  minus the document's, per criterion; also over the last :data:`CALIBRATION_RECENT`
  of them, and the mean gap per interview over the last :data:`CALIBRATION_TREND`.
  Mean difference above +0.5: you tend to over-rate it; below -0.5: to under-rate it
  (needs :data:`MIN_CALIBRATION` interviews per criterion).

What to practise next (:func:`recommend`)
-----------------------------------------
1. Target level: ``--level``, else the level of your latest scored interview, else
   entry.
2. For each rubric criterion, its *average recent score* is the mean over your last
   :data:`FOCUS_WINDOW` scored interviews at the target level (or at any level if you
   have none there yet), and *days since practised* is the days since your last
   interview on a scenario whose common mistakes or rubric notes name the criterion
   (a criterion no scenario names, such as collaboration, is practised by every
   interview; one you have never targeted counts from your first interview).
3. ``priority = (5 - average recent score) * (1 + min(days since practised, 28) / 7)``
   -- weak criteria first, and a weak criterion left alone for a while rises further
   (spaced repetition; the cap stops old gaps from swamping everything). The
   :data:`FOCUS_SIZE` highest priorities are the focus.
4. Each catalogue scenario at the target level (or the nearest level that has any) is
   scored ``fit = sum over the focus of priority * min(relevance, 2)``, where relevance
   is how many of its common mistakes name the criterion, plus one if its rubric
   notes do; then ``fit * freshness``, with ``freshness = min(1, 0.5 + days since you
   last did it / 28)`` (1 if never done). Ties go to the scenario done least recently.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, NamedTuple

__all__ = [
    "CALENDAR_WEEKS",
    "FOCUS_SIZE",
    "FOCUS_WINDOW",
    "LEVELS",
    "MIN_CALIBRATION",
    "READINESS_WINDOW",
    "RECENT",
    "TREND_POINTS",
    "Progress",
    "Recommendation",
    "calibration",
    "catalogue_evaluations",
    "catalogue_scenarios",
    "evaluations_for",
    "pacing",
    "practice",
    "priority",
    "readiness",
    "recommend",
    "scored_scenario_ids",
    "sparkline",
    "summarize",
]

from mockinterview.vocab import LEVELS

RECENT = 10
TREND_POINTS = 24
TREND_MAX_INTERVIEWS = 500
PACING_WINDOW = 50
CALIBRATION_WINDOW = 100
CALENDAR_WEEKS = 8
READINESS_WINDOW = 3
FOCUS_WINDOW = 5
FOCUS_SIZE = 3
DAYS_CAP = 28
CALIBRATION_MARGIN = 0.5
MIN_CALIBRATION = 2
CALIBRATION_RECENT = 5
CALIBRATION_TREND = 12

BLOCKS = "▁▂▃▄▅▆▇█"
GAP = "·"

FORMULA = (
    "priority = (5 - average recent score) x (1 + min(days since practised, 28) / 7); "
    "a criterion is practised by an interview on a scenario whose common mistakes or rubric "
    "notes name it (criteria no scenario names are practised by every interview)"
)


# --------------------------------------------------------------------------- helpers


def sparkline(values: Sequence[float | None], lo: float = 1.0, hi: float = 5.0) -> str:
    """One block per value on a fixed ``lo..hi`` scale; ``None`` (no data) is ``·``."""
    out = []
    span = hi - lo
    for v in values:
        if v is None:
            out.append(GAP)
            continue
        x = 0.0 if span <= 0 else (min(max(v, lo), hi) - lo) / span
        out.append(BLOCKS[round(x * (len(BLOCKS) - 1))])
    return "".join(out)


def _round(x: float | None, n: int = 2) -> float | None:
    return None if x is None else round(float(x), n)


def _iso(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _local_midnight_utc(day: date) -> str:
    """The UTC text of local midnight starting ``day`` (for ``started_at >= ?``)."""
    return _iso(datetime.combine(day, time()).astimezone())


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone()


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _thresholds(rubric: Any) -> list[tuple[str, float, str]]:
    return sorted(((t.label, float(t.min), getattr(t, "meaning", "")) for t in rubric.verdicts), key=lambda t: t[1])


def verdict_for(rubric: Any, total: float) -> str:
    """The rubric's verdict label for a /100 total (highest threshold reached)."""
    reached = [label for label, lo, _ in _thresholds(rubric) if total >= lo]
    return reached[-1] if reached else _thresholds(rubric)[0][0]


def pass_marks(rubric: Any) -> tuple[float, float]:
    """(Pass, Strong Pass) minimums from the rubric's verdicts, never hard-coded.

    Looked up by label; a rubric that renames them falls back to its two highest
    thresholds.
    """
    ts = _thresholds(rubric)
    by_label = {label.lower(): lo for label, lo, _ in ts}
    strong = by_label.get("strong pass", ts[-1][1])
    ok = by_label.get("pass", ts[-2][1] if len(ts) > 1 else ts[-1][1])
    return ok, strong


class _Names:
    """Criterion and group names, groups in rubric order."""

    def __init__(self, rubric: Any) -> None:
        self.criteria: list[str] = [c.id for c in rubric.criteria]
        self.name: dict[str, str] = {c.id: c.name for c in rubric.criteria}
        self.group_of: dict[str, str] = {c.id: c.group for c in rubric.criteria}
        self.groups: list[str] = [g.id for g in rubric.groups]
        self.group_name: dict[str, str] = {g.id: g.name for g in rubric.groups}

    def members(self, gid: str) -> list[str]:
        return [c for c in self.criteria if self.group_of[c] == gid]


class Filters(NamedTuple):
    since: date | None = None
    scenario: str | None = None

    def where(self, alias: str = "s", *, scored: bool = True) -> tuple[str, list[Any]]:
        clauses: list[str] = [f"{alias}.scored_at IS NOT NULL"] if scored else []
        params: list[Any] = []
        if self.since is not None:
            clauses.append(f"{alias}.started_at >= ?")
            params.append(_local_midnight_utc(self.since))
        if self.scenario is not None:
            clauses.append(f"{alias}.scenario_id = ?")
            params.append(self.scenario)
        return (" AND ".join(clauses) or "1"), params

    def to_dict(self) -> dict[str, Any]:
        return {"since": self.since.isoformat() if self.since else None, "scenario": self.scenario}


_CURRENT_SCORES = """
    JOIN assessments AS a ON a.session_id = s.id AND a.is_current = 1
    JOIN criterion_scores AS cs ON cs.assessment_id = a.id
"""


# --------------------------------------------------------------------------- results


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
        d["started_at"] = _iso(self.started_at)
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
            "score_50": _round(self.score_50, 1),
            "total_100": _round(self.total_100, 1),
            "verdict": self.verdict,
        }
        if key_name == "scenario":
            d["title"] = self.title
            d["last"] = _iso(self.last) if self.last else None
        return d


class Trend(NamedTuple):
    unit: str  # "interview" | "week"
    labels: list[str]  # a local date per point (the interview's, or the week's Monday)
    interviews: list[int]  # how many interviews each point averages
    score_50: list[float | None]
    groups: dict[str, list[float | None]]
    criteria: dict[str, list[float | None]]

    def to_dict(self) -> dict[str, Any]:
        def r(xs: list[float | None]) -> list[float | None]:
            return [_round(x) for x in xs]

        return {
            "unit": self.unit,
            "points": [{"label": lab, "interviews": n} for lab, n in zip(self.labels, self.interviews, strict=True)],
            "score_50": r(self.score_50),
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
        d["average"] = _round(self.average)
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
            "planned_minutes": _round(self.planned_minutes, 1),
            "actual_minutes": _round(self.actual_minutes, 1),
            "difference_minutes": _round(self.difference_minutes, 1),
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
            "planned_minutes": _round(self.planned_minutes, 1),
            "actual_minutes": _round(self.actual_minutes, 1),
            "average_overrun_minutes": _round(self.average_overrun_minutes, 1),
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
        return _monday(self.today) - timedelta(weeks=self.weeks - 1)

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
            "average_100": _round(self.average_100, 1),
            "verdict": self.verdict,
            "weakest": None
            if self.weakest is None
            else {"criterion": self.weakest, "name": self.weakest_name, "average": _round(self.weakest_average)},
            "reason": self.reason,
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
            "yours": _round(self.yours),
            "document": _round(self.document),
            "mean_difference": _round(self.mean_difference),
            "recent_difference": _round(self.recent_difference),
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
                {"label": lab, "mean_abs_difference": _round(g), "mean_difference": _round(b)}
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
            "first": _iso(self.first) if self.first else None,
            "last": _iso(self.last) if self.last else None,
            "averages": {
                "score_50": _round(self.score_50, 1),
                "percent_50": _round(None if self.score_50 is None else self.score_50 / 50 * 100, 1),
                "total_100": _round(self.total_100, 1),
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
        }


# --------------------------------------------------------------------------- the summary


def summarize(
    conn: sqlite3.Connection,
    rubric: Any,
    *,
    evaluations: Mapping[str, Mapping[str, int]] | Callable[[list[str]], Mapping[str, Mapping[str, int]]] | None = None,
    since: date | None = None,
    scenario: str | None = None,
    now: datetime | None = None,
) -> Progress:
    """The whole ``mockinterview progress`` report, from a handful of aggregate queries.

    ``evaluations`` maps scenario id -> the document's own criterion scores (see
    :func:`evaluations_for`); scenarios without one are left out of calibration. It may
    also be a function, called with the ids of the scenarios in range, so that a caller
    loads only the scenarios it needs.
    """
    names = _Names(rubric)
    filters = Filters(since, scenario)
    current = _now(now)
    today = current.date()
    where, params = filters.where()

    sessions, scored_all = conn.execute("SELECT count(*), count(scored_at) FROM sessions").fetchone()
    # One scan of ``sessions`` (no join): totals, per level and per scenario are rolled up
    # from per-(scenario, level) sums, so averages stay exact. A plain table scan beats
    # walking sessions_by_scenario here (half the time at 10,000 rows).
    groups = conn.execute(
        f"""
        SELECT scenario_id, level, MAX(scenario_title), count(*), SUM(score_50), count(score_50),
               SUM(total_100), count(total_100), MIN(started_at), MAX(started_at)
        FROM sessions AS s {"" if scenario else "NOT INDEXED"} WHERE {where} GROUP BY scenario_id, level
        """,
        params,
    ).fetchall()

    def verdict_of(total: float | None) -> str | None:
        return None if total is None else verdict_for(rubric, total)

    def roll(rows: Sequence[sqlite3.Row]) -> tuple[int, float | None, float | None, str | None, str | None]:
        n = sum(r[3] for r in rows)
        n50, n100 = sum(r[5] for r in rows), sum(r[7] for r in rows)
        a50 = sum(r[4] or 0 for r in rows) / n50 if n50 else None
        a100 = sum(r[6] or 0 for r in rows) / n100 if n100 else None
        return n, a50, a100, min((r[8] for r in rows), default=None), max((r[9] for r in rows), default=None)

    scored, avg50, avg100, first_text, last_text = roll(groups)
    first = _parse(first_text) if first_text else None
    last = _parse(last_text) if last_text else None

    level_rank = {lv: i for i, lv in enumerate(LEVELS)}
    by_level = []
    for lv in sorted({r[1] for r in groups}, key=lambda x: (level_rank.get(x, len(LEVELS)), x)):
        n, a50, a100, _, lt = roll([r for r in groups if r[1] == lv])
        by_level.append(Average(lv, lv, n, a50, a100, verdict_of(a100)))
    by_scenario = []
    for sid in {r[0] for r in groups}:
        rows = [r for r in groups if r[0] == sid]
        n, a50, a100, _, lt = roll(rows)
        title = max(rows, key=lambda r: r[9])[2]
        by_scenario.append(Average(sid, title, n, a50, a100, verdict_of(a100), _parse(lt) if lt else None))
    by_scenario.sort(key=lambda a: (-a.interviews, -(a.last.timestamp() if a.last else 0), a.key))

    recent = [
        RecentRow(
            id=r["id"],
            started_at=_parse(r["started_at"]),
            scenario_id=r["scenario_id"],
            scenario_title=r["scenario_title"],
            level=r["level"],
            score_50=r["score_50"],
            percent_50=r["percent_50"],
            label_50=r["label_50"],
            total_100=r["total_100"],
            verdict=r["verdict"],
        )
        for r in conn.execute(
            f"""
            SELECT id, started_at, scenario_id, scenario_title, level, score_50, percent_50,
                   label_50, total_100, verdict
            FROM sessions AS s WHERE {where}
            ORDER BY s.started_at DESC, s.rowid DESC LIMIT {RECENT}
            """,
            params,
        )
    ]

    if callable(evaluations):
        evals = evaluations(sorted({r[0] for r in groups})) if groups else {}
    else:
        evals = evaluations or {}
    trend = _trend(conn, names, filters, scored, last) if scored else None
    criteria = _criterion_stats(conn, names, filters) if scored else []
    strengths = sorted(
        (c for c in criteria if c.interviews >= 2 and c.average >= 4.0 and c.high * 3 >= c.interviews * 2),
        key=lambda c: (-c.average, names.criteria.index(c.criterion)),
    )
    weaknesses = sorted(
        (c for c in criteria if c.interviews >= 2 and c.average <= 3.0 and c.low * 3 >= c.interviews * 2),
        key=lambda c: (c.average, names.criteria.index(c.criterion)),
    )
    return Progress(
        filters=filters,
        today=today,
        sessions=int(sessions),
        scored_all=int(scored_all),
        scored=scored,
        first=first,
        last=last,
        score_50=avg50,
        total_100=avg100,
        verdict=verdict_of(avg100),
        recent=recent,
        by_level=by_level,
        by_scenario=by_scenario,
        trend=trend,
        criteria=criteria,
        strengths=strengths,
        weaknesses=weaknesses,
        pacing=pacing(conn, filters),
        practice=practice(conn, now=current),
        readiness=readiness(conn, rubric),
        calibration=calibration(conn, rubric, evals, filters),
        names={**names.name, **names.group_name},
        group_of=dict(names.group_of),
    )


def _trend(conn: sqlite3.Connection, names: _Names, filters: Filters, scored: int, last: datetime | None) -> Trend:
    where, params = filters.where()
    labels: list[str] = []
    counts: list[int] = []
    score: list[float | None] = []
    crit: dict[str, list[float | None]] = {c: [] for c in names.criteria}
    if scored <= TREND_POINTS:
        unit = "interview"
        picked = conn.execute(
            f"""
            SELECT s.id, date(s.started_at, 'localtime') AS day, s.score_50 FROM sessions AS s
            WHERE {where} ORDER BY s.started_at DESC, s.rowid DESC LIMIT {TREND_POINTS}
            """,
            params,
        ).fetchall()[::-1]
        index = {r["id"]: i for i, r in enumerate(picked)}
        for r in picked:
            labels.append(r["day"])
            counts.append(1)
            score.append(r["score_50"])
            for c in crit:
                crit[c].append(None)
        marks = ", ".join("?" for _ in picked)
        for r in conn.execute(
            f"SELECT s.id, cs.criterion, cs.score FROM sessions AS s {_CURRENT_SCORES} WHERE s.id IN ({marks})",
            [r["id"] for r in picked],
        ):
            if r["criterion"] in crit:
                crit[r["criterion"]][index[r["id"]]] = float(r["score"])
    else:
        unit = "week"
        assert last is not None
        end = _monday(last.astimezone().date())
        start = end - timedelta(weeks=TREND_POINTS - 1)
        if filters.since is not None and _monday(filters.since) > start:
            start = _monday(filters.since)
        # Bound the work: only whole weeks covered by the last TREND_MAX_INTERVIEWS interviews.
        cutoff = conn.execute(
            f"SELECT s.started_at FROM sessions AS s WHERE {where}"
            f" ORDER BY s.started_at DESC, s.rowid DESC LIMIT 1 OFFSET {TREND_MAX_INTERVIEWS - 1}",
            params,
        ).fetchone()
        if cutoff is not None:
            start = min(end, max(start, _monday(_parse(cutoff[0]).astimezone().date()) + timedelta(weeks=1)))
        weeks = [start + timedelta(weeks=i) for i in range((end - start).days // 7 + 1)]
        pos = {w.isoformat(): i for i, w in enumerate(weeks)}
        labels = [w.isoformat() for w in weeks]
        counts = [0] * len(weeks)
        score = [None] * len(weeks)
        crit = {c: [None] * len(weeks) for c in names.criteria}
        week = "date(s.started_at, 'localtime', 'weekday 0', '-6 days')"
        window = " AND s.started_at >= ?"
        wparams = [*params, _local_midnight_utc(start)]
        for r in conn.execute(
            f"SELECT {week} AS wk, count(*), AVG(s.score_50) FROM sessions AS s WHERE {where}{window} GROUP BY wk",
            wparams,
        ):
            if r[0] in pos:
                counts[pos[r[0]]], score[pos[r[0]]] = r[1], r[2]
        for r in conn.execute(
            f"""
            SELECT {week} AS wk, cs.criterion, AVG(cs.score) FROM sessions AS s {_CURRENT_SCORES}
            WHERE {where}{window} GROUP BY wk, cs.criterion
            """,
            wparams,
        ):
            if r[0] in pos and r[1] in crit:
                crit[r[1]][pos[r[0]]] = r[2]
    groups: dict[str, list[float | None]] = {}
    for gid in names.groups:
        members = names.members(gid)
        series: list[float | None] = []
        for i in range(len(labels)):
            vals = [v for c in members if (v := crit[c][i]) is not None]
            series.append(sum(vals) / len(vals) if vals else None)
        groups[gid] = series
    return Trend(unit, labels, counts, score, groups, crit)


def _criterion_stats(conn: sqlite3.Connection, names: _Names, filters: Filters, limit: int = RECENT) -> list[CriterionStat]:
    where, params = filters.where()
    rows = conn.execute(
        f"""
        WITH pick AS (
            SELECT s.id FROM sessions AS s WHERE {where}
            ORDER BY s.started_at DESC, s.rowid DESC LIMIT {int(limit)}
        )
        SELECT cs.criterion, AVG(cs.score), count(*), SUM(cs.score >= 4), SUM(cs.score <= 3),
               MIN(cs.score), MAX(cs.score)
        FROM pick JOIN sessions AS s ON s.id = pick.id {_CURRENT_SCORES}
        GROUP BY cs.criterion
        """,
        params,
    ).fetchall()
    stats = {
        r[0]: CriterionStat(r[0], names.name[r[0]], names.group_of[r[0]], r[1], r[2], r[3], r[4], r[5], r[6])
        for r in rows
        if r[0] in names.name
    }
    return [stats[c] for c in names.criteria if c in stats]


# --------------------------------------------------------------------------- pacing, calendar


def pacing(conn: sqlite3.Connection, filters: Filters = Filters(), *, window: int = PACING_WINDOW) -> Pacing:
    """Planned vs used minutes per kind of phase, over the last ``window`` finished timed interviews."""
    where, params = filters.where(scored=False)
    pick = f"""
        WITH pick AS (
            SELECT s.id FROM sessions AS s
            WHERE {where} AND s.mode = 'timed' AND s.state = 'finished'
            ORDER BY s.started_at DESC, s.rowid DESC LIMIT {int(window)}
        )
    """
    kinds = conn.execute(
        f"""{pick}
        SELECT p.kind, count(*), AVG(p.planned_seconds) / 60.0, AVG(p.used_seconds) / 60.0,
               SUM(p.used_seconds > p.planned_seconds + p.extra_seconds)
        FROM pick JOIN phases AS p ON p.session_id = pick.id
        GROUP BY p.kind
        """,
        params,
    ).fetchall()
    order = {k: i for i, k in enumerate(_PHASE_ORDER)}
    phases = sorted(
        (PhasePace(r[0], r[1], r[2], r[3], r[4]) for r in kinds),
        key=lambda p: (order.get(p.kind, len(order)), p.kind),
    )
    row = conn.execute(
        f"""{pick}
        SELECT count(*), AVG(planned), AVG(used), AVG(used - planned), SUM(used > planned)
        FROM (
            SELECT SUM(p.planned_seconds) / 60.0 AS planned, SUM(p.used_seconds) / 60.0 AS used
            FROM pick JOIN phases AS p ON p.session_id = pick.id
            GROUP BY pick.id
        )
        """,
        params,
    ).fetchone()
    return Pacing(int(row[0]), phases, row[1], row[2], row[3], int(row[4] or 0))


#: Phase kinds in interview order (mirrors ``scenarios.model.PhaseKind``).
_PHASE_ORDER = (
    "opening",
    "requirements",
    "estimation",
    "high_level_design",
    "deep_dive",
    "database_design",
    "scaling",
    "wrap_up",
)


def practice(conn: sqlite3.Connection, *, now: datetime | None = None, weeks: int = CALENDAR_WEEKS) -> Practice:
    """Days practised (local dates) in the last ``weeks`` weeks, and the streaks."""
    today = _now(now).date()
    first = _monday(today) - timedelta(weeks=weeks - 1)
    day = "date(started_at, 'localtime')"
    days: list[date] = []
    in_window = 0
    for r in conn.execute(
        f"SELECT {day} AS d, count(*) FROM sessions WHERE started_at >= ? GROUP BY d ORDER BY d",
        (_local_midnight_utc(first - timedelta(days=1)),),
    ):
        d = date.fromisoformat(r[0])
        if first <= d <= today:
            days.append(d)
            in_window += r[1]
    # Streaks: consecutive days form "islands" (day number minus row number is constant
    # within a run); one pass gives the longest and the one ending today or yesterday.
    yesterday = today - timedelta(days=1)
    found = {
        r[0]: r
        for r in conn.execute(
            f"""
            WITH d AS (SELECT DISTINCT {day} AS day FROM sessions),
                 g AS (SELECT day, julianday(day) - ROW_NUMBER() OVER (ORDER BY day) AS grp FROM d),
                 islands AS MATERIALIZED (SELECT MIN(day) AS first, MAX(day) AS last, count(*) AS n FROM g GROUP BY grp)
            SELECT * FROM (SELECT 'longest', first, last, n FROM islands ORDER BY n DESC, last DESC LIMIT 1)
            UNION ALL
            SELECT * FROM (SELECT 'current', first, last, n FROM islands WHERE last BETWEEN ? AND ? ORDER BY last DESC LIMIT 1)
            """,
            (yesterday.isoformat(), today.isoformat()),
        )
    }
    longest, cur = found.get("longest"), found.get("current")
    return Practice(
        today=today,
        weeks=weeks,
        days=days,
        interviews_in_window=in_window,
        current_streak=int(cur[3]) if cur else 0,
        longest_streak=int(longest[3]) if longest else 0,
        longest_from=date.fromisoformat(longest[1]) if longest else None,
        longest_to=date.fromisoformat(longest[2]) if longest else None,
    )


# --------------------------------------------------------------------------- readiness


def _level_window(conn: sqlite3.Connection, level: str | None, limit: int) -> list[sqlite3.Row]:
    clause, params = ("AND level = ?", [level]) if level is not None else ("", [])
    return conn.execute(
        f"""
        SELECT id, started_at, level, total_100 FROM sessions
        WHERE scored_at IS NOT NULL {clause}
        ORDER BY started_at DESC, rowid DESC LIMIT {int(limit)}
        """,
        params,
    ).fetchall()


def _criterion_averages(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, tuple[float, int]]:
    """criterion -> (average, interviews) over the current assessments of ``ids``."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    return {
        r[0]: (float(r[1]), int(r[2]))
        for r in conn.execute(
            f"SELECT cs.criterion, AVG(cs.score), count(*) FROM sessions AS s {_CURRENT_SCORES}"
            f" WHERE s.id IN ({marks}) GROUP BY cs.criterion",
            list(ids),
        )
    }


def readiness(conn: sqlite3.Connection, rubric: Any, *, window: int = READINESS_WINDOW) -> list[Readiness]:
    """Ready / not yet / not enough data for each level, from the last ``window`` interviews of it."""
    names = _Names(rubric)
    ok, strong = pass_marks(rubric)
    pass_label = verdict_for(rubric, ok)
    out: list[Readiness] = []
    for level in LEVELS:
        rows = _level_window(conn, level, window)
        totals = [r["total_100"] for r in rows]
        if len(rows) < window:
            need = window - len(rows)
            have = f"you have {len(rows)}" if rows else "you have none yet"
            out.append(
                Readiness(
                    level, "not_enough_data", need, totals, None, None, False, None, None, None,
                    f"{_plural(need, f'more {level} interview')} needed ({have}; readiness looks at the last {window})",
                )
            )
            continue
        known = [t for t in totals if t is not None]
        avg = sum(known) / len(known) if known else 0.0
        verdict = verdict_for(rubric, avg)
        averages = {c: v for c, v in _criterion_averages(conn, [r["id"] for r in rows]).items() if c in names.name}
        weakest = min(averages, key=lambda c: (averages[c][0], names.criteria.index(c))) if averages else None
        w_avg = averages[weakest][0] if weakest else None
        listed = ", ".join("–" if t is None else str(t) for t in totals)
        reason = f"last {window} {level} interviews ({listed}) average {avg:.0f}/100 ({verdict})"
        if avg >= ok:
            status = "ready"
        else:
            status = "not_yet"
            reason += f", {ok - avg:.0f} below {pass_label}"
        if weakest:
            reason += f"; weakest: {weakest} {w_avg:.1f}"
        out.append(
            Readiness(
                level, status, 0, totals, avg, verdict, avg >= strong, weakest,
                names.name[weakest] if weakest else None, w_avg, reason,
            )
        )
    return out


# --------------------------------------------------------------------------- calibration


def scored_scenario_ids(conn: sqlite3.Connection) -> list[str]:
    """The scenarios with at least one scored interview (an index scan of ``sessions_by_scenario``)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT scenario_id FROM sessions WHERE scored_at IS NOT NULL")]


def evaluations_for(scenarios: Iterable[Any]) -> dict[str, dict[str, int]]:
    """scenario id -> the document's own criterion scores, for scenarios that have them."""
    return {
        s.id: dict(s.evaluation.scores)
        for s in scenarios
        if getattr(s, "evaluation", None) is not None and s.evaluation.scores
    }


def catalogue_scenarios(catalogue: Any, *, skip: Iterable[str] = ()) -> list[Any]:
    """Every catalogue scenario whose structure is valid, read the quick way.

    Each file is read with the project's safe YAML reader and checked by the
    ``Scenario`` model (every field), but without the estimation formula checks,
    which are most of the cost of ``Catalogue.load_all()``. ``next`` ranks these, then
    loads its pick fully (:meth:`Catalogue.get`) before recommending it. Files that
    fail are left out, as ``load_all`` would.
    """
    from pydantic import ValidationError

    from mockinterview.content import yamlio
    from mockinterview.content.scenario import Scenario
    from mockinterview.errors import ContentError

    skipped = set(skip)
    out: list[Any] = []
    for sid in sorted(catalogue.entries):
        if sid in skipped:
            continue
        entry = catalogue.entries[sid]
        loaded = getattr(entry, "_scenario", None)
        if loaded is not None:
            out.append(loaded)
            continue
        try:
            scenario = Scenario.model_validate(yamlio.read(entry.path).data)
        except (ContentError, ValidationError):
            continue
        if scenario.id == sid:
            out.append(scenario)
    return out


def catalogue_evaluations(
    catalogue: Any, ids: Iterable[str], *, cache: Path | None = None
) -> dict[str, dict[str, int]]:
    """The document's own criterion scores of each catalogue scenario among ``ids``.

    ``progress`` needs this on every run, so it is kept in a small cache beside the
    scenario index (``<data dir>/cache/evaluations.json``, same rules: keyed by the
    file's path, size and modification time and the program version; deleting it is
    harmless). On a miss only the ``evaluation`` section is read and validated, with the
    scenario format's own ``Evaluation`` model. Ids not in the catalogue, unreadable
    files and invalid sections are skipped (and not cached, so they are retried).
    """
    from mockinterview.content.index import ScenarioIndex, index_path

    index = ScenarioIndex(cache or index_path().with_name("evaluations.json"))
    out: dict[str, dict[str, int]] = {}
    for sid in ids:
        entry = catalogue.entries.get(sid)
        if entry is None:
            continue
        hit = index.get(entry.path)
        if hit is None:
            scores = _read_evaluation(entry)
            if scores is None:
                continue
            index.put(entry.path, {"scores": scores})
        else:
            scores = hit.get("scores") or {}
        if scores:
            out[sid] = {str(c): int(v) for c, v in scores.items()}
    index.save()
    return out


def _read_evaluation(entry: Any) -> dict[str, int] | None:
    """A scenario file's evaluation scores ({} if it has none); None if unreadable or invalid."""
    loaded = getattr(entry, "_scenario", None)
    if loaded is not None:
        return evaluations_for([loaded]).get(loaded.id, {})
    from pydantic import ValidationError

    from mockinterview.content import yamlio
    from mockinterview.content.scenario import Evaluation
    from mockinterview.errors import ContentError

    try:
        data = yamlio.read(entry.path).data
        section = data.get("evaluation") if isinstance(data, dict) else None
        return dict(Evaluation.model_validate(section).scores) if section else {}
    except (ContentError, ValidationError):
        return None


def calibration(
    conn: sqlite3.Connection,
    rubric: Any,
    evaluations: Mapping[str, Mapping[str, int]],
    filters: Filters = Filters(),
    *,
    window: int = CALIBRATION_WINDOW,
) -> Calibration:
    """Your scores minus the documents' own, per criterion, over the last ``window`` calibrated interviews."""
    names = _Names(rubric)
    doc_rows = [(sid, c, int(v)) for sid, scores in sorted(evaluations.items()) for c, v in scores.items()]
    if not doc_rows:
        return Calibration(0, [], [], [], [], [])
    values = ", ".join("(?, ?, ?)" for _ in doc_rows)
    doc_params = [x for row in doc_rows for x in row]
    where, params = filters.where()
    ids = sorted(evaluations)
    marks = ", ".join("?" for _ in ids)
    scope = f"{where} AND s.scenario_id IN ({marks})"
    scope_params = [*params, *ids]

    def cte(n: int) -> str:
        # The last ``n`` calibrated interviews first (an index walk, newest first), then
        # their current scores, then the document's score for the same criterion.
        return f"""
            WITH doc (scenario_id, criterion, score) AS (VALUES {values}),
                 pick AS MATERIALIZED (
                     SELECT s.id, s.scenario_id, s.started_at, s.rowid AS r FROM sessions AS s
                     WHERE {scope} ORDER BY s.started_at DESC, s.rowid DESC LIMIT {int(n)}
                 )
        """

    # CROSS JOIN fixes the loop order (SQLite never reorders it): left to right, from the
    # few picked interviews outwards. Left free, the planner may start from ``doc`` and
    # read every score of a criterion through its index.
    joined = """
        FROM pick
        CROSS JOIN assessments AS a ON a.session_id = pick.id AND a.is_current = 1
        CROSS JOIN criterion_scores AS cs ON cs.assessment_id = a.id
        JOIN doc ON doc.scenario_id = pick.scenario_id AND doc.criterion = cs.criterion
    """
    all_params = [*doc_params, *scope_params]
    picked = conn.execute(
        f"{cte(window)} SELECT scenario_id, count(*) FROM pick GROUP BY scenario_id ORDER BY count(*) DESC, scenario_id",
        all_params,
    ).fetchall()
    count = sum(r[1] for r in picked)
    if not count:
        return Calibration(0, [], [], [], [], [])
    scen = [r[0] for r in picked]
    overall = conn.execute(
        f"""{cte(window)}
        SELECT cs.criterion, count(*), AVG(cs.score), AVG(doc.score), AVG(cs.score - doc.score)
        {joined} GROUP BY cs.criterion
        """,
        all_params,
    ).fetchall()
    recent = {
        r[0]: r[1]
        for r in conn.execute(
            f"{cte(CALIBRATION_RECENT)} SELECT cs.criterion, AVG(cs.score - doc.score) {joined} GROUP BY cs.criterion",
            all_params,
        )
    }
    trend = conn.execute(
        f"""{cte(CALIBRATION_TREND)}
        SELECT date(pick.started_at, 'localtime'), AVG(abs(cs.score - doc.score)), AVG(cs.score - doc.score)
        {joined} GROUP BY pick.id ORDER BY pick.started_at, pick.r
        """,
        all_params,
    ).fetchall()
    order = {c: i for i, c in enumerate(names.criteria)}
    rows = sorted(
        (
            CalibrationRow(r[0], names.name.get(r[0], r[0]), r[1], r[2], r[3], r[4], recent.get(r[0]))
            for r in overall
        ),
        key=lambda r: (order.get(r.criterion, len(order)), r.criterion),
    )
    return Calibration(
        interviews=int(count),
        scenarios=scen,
        rows=rows,
        gap_labels=[r[0] for r in trend],
        gap_trend=[float(r[1]) for r in trend],
        bias_trend=[float(r[2]) for r in trend],
    )


# --------------------------------------------------------------------------- what next


def priority(average: float, days: float) -> float:
    """``(5 - average) * (1 + min(days, 28) / 7)``: the spaced-repetition weight of a criterion."""
    return max(0.0, 5.0 - average) * (1.0 + min(max(days, 0.0), DAYS_CAP) / 7.0)


def relevance(scenario: Any, criterion: str) -> int:
    """How many of the scenario's common mistakes name the criterion, +1 if its rubric notes do."""
    n = sum(1 for m in scenario.common_mistakes if criterion in m.criteria)
    return n + (1 if criterion in scenario.rubric.notes else 0)


def freshness(days: float | None) -> float:
    """1 for a scenario never done (or done 14+ days ago), down to 0.5 for one done today."""
    return 1.0 if days is None else min(1.0, 0.5 + max(days, 0.0) / DAYS_CAP)


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
            "average": _round(self.average),
            "interviews": self.interviews,
            "days_since_practised": round(self.days),
            "priority": _round(self.priority),
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "level": self.level,
            "minutes": self.minutes,
            "fit": _round(self.fit),
            "freshness": _round(self.freshness),
            "score": _round(self.score),
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


def _days(now: datetime, then: datetime | None) -> float | None:
    """Whole local calendar days from ``then`` to ``now`` (0 = today), or None."""
    return None if then is None else float(max(0, (now.date() - then.astimezone(now.tzinfo).date()).days))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _ago(days: float | None) -> str:
    if days is None:
        return "never"
    d = int(days)
    return "today" if d == 0 else "yesterday" if d == 1 else f"{d} days ago"


def _candidates(scenarios: Sequence[Any], level: str) -> tuple[list[Any], str]:
    """Scenarios at ``level``, else at the nearest level that has any (lower first on a tie)."""
    at = [s for s in scenarios if s.level == level]
    if at or not scenarios:
        return at, level
    rank = {lv: i for i, lv in enumerate(LEVELS)}
    target = rank.get(level, 0)
    nearest = min({s.level for s in scenarios}, key=lambda lv: (abs(rank.get(lv, 0) - target), rank.get(lv, 0)))
    return [s for s in scenarios if s.level == nearest], nearest


def recommend(
    conn: sqlite3.Connection,
    rubric: Any,
    scenarios: Sequence[Any],
    *,
    level: str | None = None,
    now: datetime | None = None,
) -> Recommendation:
    """The next scenario and what to focus on in it; see the module docstring for the rules."""
    names = _Names(rubric)
    current = _now(now)
    latest = _level_window(conn, None, 1)
    descriptor5 = {c.id: str(c.descriptors.five) for c in rubric.criteria}

    if not latest:
        return _first_recommendation(scenarios, level, descriptor5)

    # 1. the target level
    latest_level = latest[0]["level"]
    if level is not None:
        target, level_reason = level, f"you asked for {level}"
    elif latest_level in LEVELS:
        target, level_reason = latest_level, "the level of your latest scored interview (use --level to choose)"
    else:
        target, level_reason = "entry", "your latest interview has no known level, so entry"

    # 2. recent averages at the target level (or overall)
    window = _level_window(conn, target, FOCUS_WINDOW)
    scope = f"your last {_plural(len(window), f'{target} interview')}"
    if not window:
        window = _level_window(conn, None, FOCUS_WINDOW)
        scope = f"your last {_plural(len(window), 'interview')} (none at {target} yet)"
    averages = {c: v for c, v in _criterion_averages(conn, [r["id"] for r in window]).items() if c in names.name}

    # 3. when each criterion was last practised
    done: dict[str, tuple[datetime, int]] = {
        r[0]: (_parse(r[1]), int(r[2]))
        for r in conn.execute("SELECT scenario_id, MAX(started_at), count(*) FROM sessions GROUP BY scenario_id")
    }
    first_row = conn.execute("SELECT MIN(started_at) FROM sessions WHERE scored_at IS NOT NULL").fetchone()
    first_scored = _parse(first_row[0])
    last_scored = _parse(latest[0]["started_at"])
    named_by_any = {c for s in scenarios for c in names.criteria if relevance(s, c) > 0}
    last_practised: dict[str, datetime] = {}
    for c in names.criteria:
        if c not in named_by_any:
            last_practised[c] = last_scored
            continue
        times = [done[s.id][0] for s in scenarios if s.id in done and relevance(s, c) > 0]
        last_practised[c] = max(times) if times else first_scored

    ranked: list[Focus] = []
    for c in names.criteria:
        if c not in averages:
            continue
        avg, n = averages[c]
        days = _days(current, last_practised[c]) or 0.0
        ranked.append(Focus(c, names.name[c], avg, n, days, priority(avg, days), [], descriptor5.get(c, "")))
    ranked.sort(key=lambda f: (-f.priority, f.average, names.criteria.index(f.criterion)))
    focus = [f for f in ranked if f.priority > 0][:FOCUS_SIZE]

    # 4. the scenario
    pool, pool_level = _candidates(scenarios, target)
    cands: list[Candidate] = []
    for s in pool:
        fit = sum(f.priority * min(relevance(s, f.criterion), 2) for f in focus)
        last_done, times = done.get(s.id, (None, 0))
        d = _days(current, last_done)
        fr = freshness(d)
        covers = [f.criterion for f in focus if relevance(s, f.criterion) > 0]
        cands.append(Candidate(s.id, s.title, s.level, s.minutes, fit, fr, fit * fr, times, d, covers))
    cands.sort(key=lambda c: (-c.score, -c.freshness, c.times_done, c.id))
    chosen = cands[0] if cands else None
    chosen_scenario = next((s for s in scenarios if chosen and s.id == chosen.id), None)
    if chosen_scenario is not None:
        focus = [f._replace(in_scenario=_mentions(chosen_scenario, f.criterion)) for f in focus]

    ready = next((r for r in readiness(conn, rubric) if r.level == target), None)
    explanation = _explain(
        target, level_reason, pool_level, scope, focus, chosen, cands[1:3], ready, len(ranked) == 0
    )
    return Recommendation(True, target, level_reason, chosen, focus, cands[1:3], explanation, ready)


def _mentions(scenario: Any, criterion: str) -> list[str]:
    """What the scenario says about a criterion: its rubric note, then its mistakes' titles."""
    out: list[str] = []
    note = scenario.rubric.notes.get(criterion)
    if note:
        out.append(str(note))
    out += [f"common mistake: {m.title}" for m in scenario.common_mistakes if criterion in m.criteria]
    return out


def _explain(
    target: str,
    level_reason: str,
    pool_level: str,
    scope: str,
    focus: list[Focus],
    chosen: Candidate | None,
    alternatives: list[Candidate],
    ready: Readiness | None,
    no_scores: bool,
) -> list[str]:
    lines = [f"Target level: {target}, {level_reason}."]
    if focus:
        parts = [
            f"{f.name} (average {f.average:.1f}, last practised {_ago(f.days)}, priority {f.priority:.1f})"
            for f in focus
        ]
        lines.append(f"Your focus, from {scope}: " + "; ".join(parts) + ".")
    elif no_scores:
        lines.append("Your interviews have no criterion scores yet, so every criterion weighs the same.")
    else:
        lines.append(f"Every criterion scored 5 in {scope}: nothing is weak, so pick for variety.")
    if chosen is None:
        lines.append("No scenario in the catalogue to recommend; add one with --scenarios DIR.")
        return lines
    where = f"{_article(chosen.level)} {chosen.level}-level scenario"
    if pool_level != target:
        where += f" (the catalogue has none at {target}; {chosen.level} is the nearest level)"
    why = f"Next: {chosen.id}, {where} of {chosen.minutes} minutes"
    focus_names = {f.criterion: f.name for f in focus}
    if chosen.covers:
        why += ", because its common mistakes and notes test " + ", ".join(focus_names[c] for c in chosen.covers)
    elif focus:
        why += ", because no scenario at this level names your focus criteria, and this is the one you did least recently"
    if chosen.days_since_done is None:
        why += "; you have not done it yet."
    else:
        why += f"; you last did it {_ago(chosen.days_since_done)} ({_plural(chosen.times_done, 'time')} in all)."
    lines.append(why)
    if alternatives:
        alts = []
        for a in alternatives:
            when = "never done" if a.days_since_done is None else f"done {_ago(a.days_since_done)}"
            alts.append(f"{a.id} (score {a.score:.1f}, {when})")
        line = f"Also good: {', '.join(alts)}; {chosen.id} scored {chosen.score:.1f}"
        runner = alternatives[0]
        if round(runner.score, 1) == round(chosen.score, 1):
            if chosen.freshness > runner.freshness:
                why_first = "you did it less recently"
            elif chosen.times_done < runner.times_done:
                why_first = "you have done it fewer times"
            else:
                why_first = "it comes first by name"
            line += f", a tie with {runner.id}, and goes first because {why_first}"
        lines.append(line + ".")
    if ready is not None and ready.status == "ready":
        up = LEVELS.index(target) + 1 if target in LEVELS else len(LEVELS)
        if up < len(LEVELS):
            lines.append(
                f"You are ready at {target} ({ready.reason}); to stretch, try: mockinterview next --level {LEVELS[up]}."
            )
        else:
            lines.append(f"You are ready at {target} ({ready.reason}); keep the streak going.")
    elif ready is not None:
        lines.append(f"Readiness at {target}: {ready.label} ({ready.reason}).")
    lines.append(f"How it was chosen: {FORMULA}; scenarios score priority x min(relevance, 2) over the focus, "
                 "times freshness (0.5 if done today, 1 after 14 days or if never done).")
    return lines


def _first_recommendation(scenarios: Sequence[Any], level: str | None, descriptor5: Mapping[str, str]) -> Recommendation:
    target = level or "entry"
    reason = f"you asked for {level}" if level else "because you have no scored interviews yet"
    pool, _ = _candidates(scenarios, target)
    pick = next((s for s in pool if s.id == "url-shortener"), None)
    if pick is None and pool:
        # the scenario that exercises the most criteria: the broadest first taste
        pick = max(pool, key=lambda s: (len({c for m in s.common_mistakes for c in m.criteria} | set(s.rubric.notes)), -s.minutes, s.id))
    lines = [f"Target level: {target}, {reason}."]
    chosen = None
    if pick is None:
        lines.append("No scenario in the catalogue to recommend; add one with --scenarios DIR.")
    else:
        chosen = Candidate(pick.id, pick.title, pick.level, pick.minutes, 0.0, 1.0, 0.0, 0, None, [])
        phases = ", ".join(p.title for p in pick.phases)
        lines.append(
            f"No scored interviews yet, so there is nothing to weigh. Start with {pick.id}: "
            f"{pick.title}, {_article(pick.level)} {pick.level}-level scenario of {pick.minutes} minutes "
            f"in {len(pick.phases)} phases ({phases})."
        )
        if getattr(pick, "evaluation", None) is not None and pick.evaluation.scores:
            lines.append(
                "Its source document scores the interview itself, so `mockinterview progress` can "
                "show how your self-scores compare (calibration)."
            )
        lines.append(
            "Afterwards, score yourself (mockinterview score) and `mockinterview next` will "
            "pick scenarios for your weakest criteria."
        )
    return Recommendation(False, target, reason, chosen, [], [], lines, None)
