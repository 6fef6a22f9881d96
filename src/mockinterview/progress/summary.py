"""The ``mockinterview progress`` report: averages, recent interviews, trends, strengths
and weaknesses, pacing and the practice calendar (readiness and calibration have
their own modules). The numbers come from the store's named aggregates
(``Store.progress``); this module only shapes the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from mockinterview.dates import parse_iso
from mockinterview.progress.calibration import calibration
from mockinterview.progress.evidence import NotesSession, notes_calibration
from mockinterview.progress.readiness import readiness
from mockinterview.progress.records import (
    Average,
    CriterionStat,
    Pacing,
    PhasePace,
    Practice,
    Progress,
    RecentRow,
    Trend,
)
from mockinterview.progress.rules import (
    CALENDAR_WEEKS,
    PACING_WINDOW,
    RECENT,
    TREND_MAX_INTERVIEWS,
    TREND_POINTS,
    Names,
    local_now,
    monday,
    verdict_for,
)
from mockinterview.store.progress_queries import NO_FILTERS, Filters, GroupRow
from mockinterview.vocab import LEVELS, PHASE_KINDS

if TYPE_CHECKING:
    from mockinterview.content.rubric import Rubric
    from mockinterview.store import Store

__all__ = ["BLOCKS", "GAP", "pacing", "practice", "sparkline", "summarize"]

BLOCKS = "▁▂▃▄▅▆▇█"
GAP = "·"

Evaluations = Mapping[str, Mapping[str, int]]
#: Given the interviews with notes of the window, each one's suggested scores (see progress.evidence).
SuggestionSource = Callable[[list[NotesSession]], Mapping[str, Mapping[str, int]]]


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


class _Rollup:
    """Totals over some per-(scenario, level) groups: averages stay exact."""

    def __init__(self, rows: Sequence[GroupRow]) -> None:
        self.interviews = sum(r.interviews for r in rows)
        n50, n100 = sum(r.n_50 for r in rows), sum(r.n_100 for r in rows)
        self.score_50 = sum(r.sum_50 or 0 for r in rows) / n50 if n50 else None
        self.total_100 = sum(r.sum_100 or 0 for r in rows) / n100 if n100 else None
        first, last = min((r.first for r in rows), default=None), max((r.last for r in rows), default=None)
        self.first = parse_iso(first) if first else None
        self.last = parse_iso(last) if last else None


def summarize(
    store: Store,
    rubric: Rubric,
    *,
    evaluations: Evaluations | Callable[[list[str]], Evaluations] | None = None,
    since: date | None = None,
    scenario: str | None = None,
    now: datetime | None = None,
    suggested: SuggestionSource | None = None,
) -> Progress:
    """The whole ``mockinterview progress`` report, from a handful of aggregate queries.

    ``evaluations`` maps scenario id -> the document's own criterion scores (see
    :func:`~mockinterview.progress.catalogue.evaluations_for`); scenarios without one
    are left out of calibration. It may also be a function, called with the ids of the
    scenarios in range, so that a caller loads only the scenarios it needs.
    ``suggested`` gives the notes' suggested scores of interviews
    (:func:`~mockinterview.progress.evidence.catalogue_suggestions`); without it there is
    no calibration against the notes.
    """
    with store.snapshot():
        return _summarize(store, rubric, evaluations, Filters(since, scenario), local_now(now), suggested)


def _summarize(
    store: Store,
    rubric: Rubric,
    evaluations: Evaluations | Callable[[list[str]], Evaluations] | None,
    filters: Filters,
    current: datetime,
    suggested: SuggestionSource | None = None,
) -> Progress:
    names = Names(rubric)
    q = store.progress
    sessions, scored_all = q.counts()
    groups = q.groups(filters)

    def verdict_of(total: float | None) -> str | None:
        return None if total is None else verdict_for(rubric, total)

    everything = _Rollup(groups)
    level_rank = {lv: i for i, lv in enumerate(LEVELS)}
    by_level = []
    for lv in sorted({r.level for r in groups}, key=lambda x: (level_rank.get(x, len(LEVELS)), x)):
        r = _Rollup([g for g in groups if g.level == lv])
        by_level.append(Average(lv, lv, r.interviews, r.score_50, r.total_100, verdict_of(r.total_100)))
    by_scenario = []
    for sid in {g.scenario_id for g in groups}:
        rows = [g for g in groups if g.scenario_id == sid]
        r = _Rollup(rows)
        title = max(rows, key=lambda g: g.last).title
        by_scenario.append(Average(sid, title, r.interviews, r.score_50, r.total_100, verdict_of(r.total_100), r.last))
    by_scenario.sort(key=lambda a: (-a.interviews, -(a.last.timestamp() if a.last else 0), a.key))

    recent = [RecentRow(r.id, parse_iso(r.started_at), *r[2:]) for r in q.recent(filters, RECENT)]

    if callable(evaluations):
        evals = evaluations(sorted({g.scenario_id for g in groups})) if groups else {}
    else:
        evals = evaluations or {}
    scored = everything.interviews
    trend = _trend(store, names, filters, scored, everything.last) if scored else None
    criteria = _criterion_stats(store, names, filters) if scored else []
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
        today=current.date(),
        sessions=sessions,
        scored_all=scored_all,
        scored=scored,
        first=everything.first,
        last=everything.last,
        score_50=everything.score_50,
        total_100=everything.total_100,
        verdict=verdict_of(everything.total_100),
        recent=recent,
        by_level=by_level,
        by_scenario=by_scenario,
        trend=trend,
        criteria=criteria,
        strengths=strengths,
        weaknesses=weaknesses,
        pacing=pacing(store, filters),
        practice=practice(store, now=current),
        readiness=readiness(store, rubric),
        calibration=calibration(store, rubric, evals, filters),
        names={**names.name, **names.group_name},
        group_of=dict(names.group_of),
        thresholds=_thresholds(rubric),
        notes_calibration=None if suggested is None or not scored else notes_calibration(store, rubric, suggested, filters),
    )


def _thresholds(rubric: Rubric) -> str:
    from mockinterview.scoring.arithmetic import thresholds_text

    return thresholds_text(rubric)


def _trend(store: Store, names: Names, filters: Filters, scored: int, last: datetime | None) -> Trend:
    q = store.progress
    labels: list[str] = []
    counts: list[int] = []
    score: list[float | None] = []
    total: list[float | None] = []
    crit: dict[str, list[float | None]] = {c: [] for c in names.criteria}
    if scored <= TREND_POINTS:
        unit = "interview"
        picked = q.recent_days(filters, TREND_POINTS)[::-1]
        index = {sid: i for i, (sid, _, _, _) in enumerate(picked)}
        for _, day, score_50, total_100 in picked:
            labels.append(day)
            counts.append(1)
            score.append(score_50)
            total.append(total_100)
            for c in crit:
                crit[c].append(None)
        for sid, criterion, value in q.current_scores([sid for sid, _, _, _ in picked]):
            if criterion in crit:
                crit[criterion][index[sid]] = float(value)
    else:
        unit = "week"
        assert last is not None
        end = monday(last.astimezone().date())
        start = end - timedelta(weeks=TREND_POINTS - 1)
        if filters.since is not None and monday(filters.since) > start:
            start = monday(filters.since)
        # Bound the work: only whole weeks covered by the last TREND_MAX_INTERVIEWS interviews.
        cutoff = q.started_at_rank(filters, TREND_MAX_INTERVIEWS)
        if cutoff is not None:
            start = min(end, max(start, monday(parse_iso(cutoff).astimezone().date()) + timedelta(weeks=1)))
        weeks = [start + timedelta(weeks=i) for i in range((end - start).days // 7 + 1)]
        pos = {w.isoformat(): i for i, w in enumerate(weeks)}
        labels = [w.isoformat() for w in weeks]
        counts = [0] * len(weeks)
        score = [None] * len(weeks)
        total = [None] * len(weeks)
        crit = {c: [None] * len(weeks) for c in names.criteria}
        for wk, n, avg, avg_100 in q.weekly_scores(filters, start):
            if wk in pos:
                counts[pos[wk]], score[pos[wk]], total[pos[wk]] = n, avg, avg_100
        for wk, criterion, avg in q.weekly_criteria(filters, start):
            if wk in pos and criterion in crit:
                crit[criterion][pos[wk]] = avg
    groups: dict[str, list[float | None]] = {}
    for gid in names.groups:
        members = names.members(gid)
        series: list[float | None] = []
        for i in range(len(labels)):
            vals = [v for c in members if (v := crit[c][i]) is not None]
            series.append(sum(vals) / len(vals) if vals else None)
        groups[gid] = series
    return Trend(unit, labels, counts, score, groups, crit, total)


def _criterion_stats(store: Store, names: Names, filters: Filters, limit: int = RECENT) -> list[CriterionStat]:
    stats = {
        r.criterion: CriterionStat(r.criterion, names.name[r.criterion], names.group_of[r.criterion], *r[1:])
        for r in store.progress.criterion_stats(filters, limit)
        if r.criterion in names.name
    }
    return [stats[c] for c in names.criteria if c in stats]


def pacing(store: Store, filters: Filters = NO_FILTERS, *, window: int = PACING_WINDOW) -> Pacing:
    """Planned vs used minutes per kind of phase, over the last ``window`` finished timed interviews."""
    kinds, (interviews, planned, used, overrun, over) = store.progress.pacing(filters, window)
    order = {k: i for i, k in enumerate(PHASE_KINDS)}
    phases = sorted((PhasePace(*k) for k in kinds), key=lambda p: (order.get(p.kind, len(order)), p.kind))
    return Pacing(interviews, phases, planned, used, overrun, over)


def practice(store: Store, *, now: datetime | None = None, weeks: int = CALENDAR_WEEKS) -> Practice:
    """Days practised (local dates) in the last ``weeks`` weeks, and the streaks."""
    today = local_now(now).date()
    first = monday(today) - timedelta(weeks=weeks - 1)
    days: list[date] = []
    in_window = 0
    for text, n in store.progress.practice_days(first - timedelta(days=1)):
        d = date.fromisoformat(text)
        if first <= d <= today:
            days.append(d)
            in_window += n
    longest, current = store.progress.streaks(today - timedelta(days=1), today)
    return Practice(
        today=today,
        weeks=weeks,
        days=days,
        interviews_in_window=in_window,
        current_streak=current.days if current else 0,
        longest_streak=longest.days if longest else 0,
        longest_from=date.fromisoformat(longest.first) if longest else None,
        longest_to=date.fromisoformat(longest.last) if longest else None,
    )
