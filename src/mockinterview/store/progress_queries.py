"""The aggregates behind ``progress`` and ``next``, as named queries returning plain rows.

Every aggregate is computed by SQLite (``GROUP BY`` / ``AVG`` / window functions over
``sessions``, ``assessments`` and ``criterion_scores``, through the store's indexes);
the caller only shapes the few dozen rows that come back. Queries over ``sessions``
alone (averages, the calendar) scan the whole history, which is cheap; queries that
join the per-criterion scores (about 15 rows per interview, the expensive part) only
ever read a bounded window of recent interviews (``limit`` / ``window``), so
``progress`` and ``next`` cost about the same at 10,000 interviews as at 100 (see
docs/performance.md).

Times come back as the stored ISO text and local days as ``YYYY-MM-DD`` text;
parameters that are days (:class:`Filters.since`, window starts) are local dates.
Use :meth:`mockinterview.store.Store.snapshot` around several calls for one
consistent view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any, NamedTuple

from mockinterview.dates import iso
from mockinterview.store.connection import Database

__all__ = [
    "NO_FILTERS",
    "CalibrationRows",
    "CriterionRow",
    "Filters",
    "GroupRow",
    "Island",
    "LevelRow",
    "NotesPhase",
    "ProgressQueries",
    "RecentSession",
    "local_midnight_utc",
]


class Filters(NamedTuple):
    """``--since`` (a local date) and ``--scenario``: the scope of most of the summary."""

    since: date | None = None
    scenario: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"since": self.since.isoformat() if self.since else None, "scenario": self.scenario}


NO_FILTERS = Filters()


def local_midnight_utc(day: date) -> str:
    """The UTC text of local midnight starting ``day`` (for ``started_at >= ?``)."""
    return iso(datetime.combine(day, time()).astimezone())


def _where(filters: Filters, alias: str = "s", *, scored: bool = True) -> tuple[str, list[Any]]:
    clauses: list[str] = [f"{alias}.scored_at IS NOT NULL"] if scored else []
    params: list[Any] = []
    if filters.since is not None:
        clauses.append(f"{alias}.started_at >= ?")
        params.append(local_midnight_utc(filters.since))
    if filters.scenario is not None:
        clauses.append(f"{alias}.scenario_id = ?")
        params.append(filters.scenario)
    return (" AND ".join(clauses) or "1"), params


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


_CURRENT_SCORES = """
    JOIN assessments AS a ON a.session_id = s.id AND a.is_current = 1
    JOIN criterion_scores AS cs ON cs.assessment_id = a.id
"""

_NEWEST = "ORDER BY s.started_at DESC, s.rowid DESC"
_DAY = "date(started_at, 'localtime')"
_WEEK = "date(s.started_at, 'localtime', 'weekday 0', '-6 days')"  # the local week's Monday


# --------------------------------------------------------------------------- rows


class GroupRow(NamedTuple):
    """Scored interviews of one (scenario, level): sums and counts, so averages roll up exactly."""

    scenario_id: str
    level: str
    title: str  # the latest title seen
    interviews: int
    sum_50: int | None
    n_50: int
    sum_100: int | None
    n_100: int
    first: str
    last: str


class RecentSession(NamedTuple):
    id: str
    started_at: str
    scenario_id: str
    scenario_title: str
    level: str
    score_50: int | None
    percent_50: float | None
    label_50: str | None
    total_100: int | None
    verdict: str | None


class CriterionRow(NamedTuple):
    criterion: str
    average: float
    interviews: int
    high: int  # scored 4 or 5
    low: int  # scored 3 or lower
    minimum: int
    maximum: int


class LevelRow(NamedTuple):
    id: str
    started_at: str
    level: str
    total_100: int | None


class Island(NamedTuple):
    """A run of consecutive practice days (local dates)."""

    first: str
    last: str
    days: int


class NotesPhase(NamedTuple):
    """One phase of an interview with notes: what the coach reads (the JSON columns as stored)."""

    session_id: str
    scenario_id: str
    phase_id: str
    notes: str
    checklist: str | None  # ``Checklist.to_dict()`` JSON, or None
    asked: str  # JSON list of what the interviewer asked


class CalibrationRows(NamedTuple):
    picked: list[tuple[str, int]]  # scenario id, calibrated interviews (most first)
    overall: list[tuple[str, int, float, float, float]]  # criterion, n, yours, document's, mean difference
    recent: dict[str, float]  # criterion -> mean difference over the most recent ones
    trend: list[tuple[str, float, float]]  # local day, mean |difference|, mean difference; oldest first


# --------------------------------------------------------------------------- queries


class ProgressQueries:
    """Named read-only queries on one store; each returns plain rows."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # ----------------------------------------------------------------- the summary

    def counts(self) -> tuple[int, int]:
        """Sessions, and scored sessions, in the whole history."""
        with self._db.read() as conn:
            row = conn.execute("SELECT count(*), count(scored_at) FROM sessions").fetchone()
        return int(row[0]), int(row[1])

    def groups(self, filters: Filters) -> list[GroupRow]:
        """Scored interviews per (scenario, level) in one scan of ``sessions`` (no join).

        A plain table scan beats walking ``sessions_by_scenario`` here (half the time
        at 10,000 rows), except for one scenario.
        """
        where, params = _where(filters)
        with self._db.read() as conn:
            rows = conn.execute(
                f"""
                SELECT scenario_id, level, MAX(scenario_title), count(*), SUM(score_50), count(score_50),
                       SUM(total_100), count(total_100), MIN(started_at), MAX(started_at)
                FROM sessions AS s {"" if filters.scenario else "NOT INDEXED"} WHERE {where}
                GROUP BY scenario_id, level
                """,
                params,
            ).fetchall()
        return [GroupRow(*r) for r in rows]

    def recent(self, filters: Filters, limit: int) -> list[RecentSession]:
        """The newest ``limit`` scored interviews, newest first."""
        where, params = _where(filters)
        with self._db.read() as conn:
            rows = conn.execute(
                f"""
                SELECT id, started_at, scenario_id, scenario_title, level, score_50, percent_50,
                       label_50, total_100, verdict
                FROM sessions AS s WHERE {where} {_NEWEST} LIMIT {int(limit)}
                """,
                params,
            ).fetchall()
        return [RecentSession(*r) for r in rows]

    def recent_days(self, filters: Filters, limit: int) -> list[tuple[str, str, int | None, int | None]]:
        """(id, local day, score /50, total /100) of the newest ``limit`` scored interviews, newest first."""
        where, params = _where(filters)
        with self._db.read() as conn:
            rows = conn.execute(
                f"""
                SELECT s.id, date(s.started_at, 'localtime'), s.score_50, s.total_100 FROM sessions AS s
                WHERE {where} {_NEWEST} LIMIT {int(limit)}
                """,
                params,
            ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def current_scores(self, ids: Sequence[str]) -> list[tuple[str, str, int]]:
        """(session id, criterion, score) of the current assessments of ``ids``."""
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT s.id, cs.criterion, cs.score FROM sessions AS s {_CURRENT_SCORES} WHERE s.id IN ({_marks(ids)})",
                list(ids),
            ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def started_at_rank(self, filters: Filters, rank: int) -> str | None:
        """When the ``rank``-th newest scored interview (1 = the newest) started, if there are that many."""
        where, params = _where(filters)
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT s.started_at FROM sessions AS s WHERE {where} {_NEWEST} LIMIT 1 OFFSET {int(rank) - 1}",
                params,
            ).fetchone()
        return None if row is None else str(row[0])

    def weekly_scores(self, filters: Filters, start: date) -> list[tuple[str, int, float | None, float | None]]:
        """(week's Monday, interviews, average /50, average /100) per local week from ``start``."""
        where, params = _where(filters)
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_WEEK} AS wk, count(*), AVG(s.score_50), AVG(s.total_100) FROM sessions AS s"
                f" WHERE {where} AND s.started_at >= ? GROUP BY wk",
                [*params, local_midnight_utc(start)],
            ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def weekly_criteria(self, filters: Filters, start: date) -> list[tuple[str, str, float]]:
        """(week's Monday, criterion, average) per local week from ``start``."""
        where, params = _where(filters)
        with self._db.read() as conn:
            rows = conn.execute(
                f"""
                SELECT {_WEEK} AS wk, cs.criterion, AVG(cs.score) FROM sessions AS s {_CURRENT_SCORES}
                WHERE {where} AND s.started_at >= ? GROUP BY wk, cs.criterion
                """,
                [*params, local_midnight_utc(start)],
            ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def criterion_stats(self, filters: Filters, limit: int) -> list[CriterionRow]:
        """Per criterion, over the newest ``limit`` scored interviews."""
        where, params = _where(filters)
        with self._db.read() as conn:
            rows = conn.execute(
                f"""
                WITH pick AS (SELECT s.id FROM sessions AS s WHERE {where} {_NEWEST} LIMIT {int(limit)})
                SELECT cs.criterion, AVG(cs.score), count(*), SUM(cs.score >= 4), SUM(cs.score <= 3),
                       MIN(cs.score), MAX(cs.score)
                FROM pick JOIN sessions AS s ON s.id = pick.id {_CURRENT_SCORES}
                GROUP BY cs.criterion
                """,
                params,
            ).fetchall()
        return [CriterionRow(*r) for r in rows]

    # ----------------------------------------------------------------- pacing, calendar

    def pacing(
        self, filters: Filters, window: int
    ) -> tuple[list[tuple[str, int, float, float, int]], tuple[int, float | None, float | None, float | None, int]]:
        """Over the newest ``window`` finished timed interviews (scored or not):

        per phase kind (kind, phases, average planned minutes, average used minutes,
        phases over plan), and per interview (interviews, average planned, average used,
        average overrun, interviews over plan). Planned time includes ^T extensions.
        """
        where, params = _where(filters, scored=False)
        pick = f"""
            WITH pick AS (
                SELECT s.id FROM sessions AS s
                WHERE {where} AND s.mode = 'timed' AND s.state = 'finished' {_NEWEST} LIMIT {int(window)}
            )
        """
        with self._db.read() as conn:
            kinds = conn.execute(
                f"""{pick}
                SELECT p.kind, count(*), AVG(p.planned_seconds + p.extra_seconds) / 60.0, AVG(p.used_seconds) / 60.0,
                       SUM(p.used_seconds > p.planned_seconds + p.extra_seconds)
                FROM pick JOIN phases AS p ON p.session_id = pick.id
                GROUP BY p.kind
                """,
                params,
            ).fetchall()
            row = conn.execute(
                f"""{pick}
                SELECT count(*), AVG(planned), AVG(used), AVG(used - planned), SUM(used > planned)
                FROM (
                    SELECT SUM(p.planned_seconds + p.extra_seconds) / 60.0 AS planned,
                           SUM(p.used_seconds) / 60.0 AS used
                    FROM pick JOIN phases AS p ON p.session_id = pick.id
                    GROUP BY pick.id
                )
                """,
                params,
            ).fetchone()
        return (
            [(k[0], k[1], k[2], k[3], k[4]) for k in kinds],
            (int(row[0]), row[1], row[2], row[3], int(row[4] or 0)),
        )

    def practice_days(self, since: date) -> list[tuple[str, int]]:
        """(local day, interviews) for each day with any interview (scored or not) from ``since``."""
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_DAY} AS d, count(*) FROM sessions WHERE started_at >= ? GROUP BY d ORDER BY d",
                (local_midnight_utc(since),),
            ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def streaks(self, yesterday: date, today: date) -> tuple[Island | None, Island | None]:
        """The longest run of practice days, and the run ending ``today`` or ``yesterday``.

        Consecutive days form "islands" (day number minus row number is constant within
        a run); one pass finds both.
        """
        with self._db.read() as conn:
            found = {
                r[0]: Island(r[1], r[2], int(r[3]))
                for r in conn.execute(
                    f"""
                    WITH d AS (SELECT DISTINCT {_DAY} AS day FROM sessions),
                         g AS (SELECT day, julianday(day) - ROW_NUMBER() OVER (ORDER BY day) AS grp FROM d),
                         islands AS MATERIALIZED (
                             SELECT MIN(day) AS first, MAX(day) AS last, count(*) AS n FROM g GROUP BY grp
                         )
                    SELECT * FROM (SELECT 'longest', first, last, n FROM islands ORDER BY n DESC, last DESC LIMIT 1)
                    UNION ALL
                    SELECT * FROM (
                        SELECT 'current', first, last, n FROM islands
                        WHERE last BETWEEN ? AND ? ORDER BY last DESC LIMIT 1
                    )
                    """,
                    (yesterday.isoformat(), today.isoformat()),
                )
            }
        return found.get("longest"), found.get("current")

    # ----------------------------------------------------------------- readiness, next

    def level_window(self, level: str | None, limit: int) -> list[LevelRow]:
        """The newest ``limit`` scored interviews (of ``level``, if given), newest first."""
        clause, params = ("AND level = ?", [level]) if level is not None else ("", [])
        with self._db.read() as conn:
            rows = conn.execute(
                f"""
                SELECT id, started_at, level, total_100 FROM sessions
                WHERE scored_at IS NOT NULL {clause}
                ORDER BY started_at DESC, rowid DESC LIMIT {int(limit)}
                """,
                params,
            ).fetchall()
        return [LevelRow(*r) for r in rows]

    def criterion_averages(self, ids: Sequence[str]) -> dict[str, tuple[float, int]]:
        """criterion -> (average, interviews) over the current assessments of ``ids``."""
        if not ids:
            return {}
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT cs.criterion, AVG(cs.score), count(*) FROM sessions AS s {_CURRENT_SCORES}"
                f" WHERE s.id IN ({_marks(ids)}) GROUP BY cs.criterion",
                list(ids),
            ).fetchall()
        return {r[0]: (float(r[1]), int(r[2])) for r in rows}

    def last_done(self) -> dict[str, tuple[str, int]]:
        """scenario id -> (when its newest interview started, how many interviews), scored or not."""
        with self._db.read() as conn:
            rows = conn.execute("SELECT scenario_id, MAX(started_at), count(*) FROM sessions GROUP BY scenario_id")
            return {r[0]: (str(r[1]), int(r[2])) for r in rows}

    def first_scored(self) -> str | None:
        """When the first scored interview started."""
        with self._db.read() as conn:
            row = conn.execute("SELECT MIN(started_at) FROM sessions WHERE scored_at IS NOT NULL").fetchone()
        return None if row[0] is None else str(row[0])

    # ----------------------------------------------------------------- calibration

    def notes_window(self, filters: Filters, limit: int) -> list[NotesPhase]:
        """Every phase of the newest ``limit`` scored interviews that have notes or a stored
        checklist in some phase; newest interview first, phases in order.

        A walk of ``sessions`` newest first, each tested through the phases' primary key,
        stopping at ``limit``: as cheap at 10,000 interviews as at 100.
        """
        where, params = _where(filters)
        with self._db.read() as conn:
            rows = conn.execute(
                f"""
                WITH pick AS MATERIALIZED (
                    SELECT s.id, s.scenario_id, s.started_at, s.rowid AS r FROM sessions AS s
                    WHERE {where} AND EXISTS (
                        SELECT 1 FROM phases AS q
                        WHERE q.session_id = s.id AND (trim(q.notes) <> '' OR q.checklist IS NOT NULL)
                    )
                    {_NEWEST} LIMIT {int(limit)}
                )
                SELECT pick.id, pick.scenario_id, p.phase_id, p.notes, p.checklist, p.asked
                FROM pick CROSS JOIN phases AS p ON p.session_id = pick.id
                ORDER BY pick.started_at DESC, pick.r DESC, p.idx
                """,
                params,
            ).fetchall()
        return [NotesPhase(*r) for r in rows]

    def calibration(
        self,
        evaluations: Mapping[str, Mapping[str, int]],
        filters: Filters,
        *,
        window: int,
        recent: int,
        trend: int,
    ) -> CalibrationRows:
        """Your current scores against the documents' own (``evaluations``: scenario -> criterion -> score).

        Over the newest ``window`` scored interviews of scenarios that have one (and
        ``recent`` / ``trend`` of them for the recent difference and the trend).
        """
        doc_rows = [(sid, c, int(v)) for sid, scores in sorted(evaluations.items()) for c, v in scores.items()]
        if not doc_rows:
            return CalibrationRows([], [], {}, [])
        values = ", ".join("(?, ?, ?)" for _ in doc_rows)
        where, params = _where(filters)
        ids = sorted(evaluations)
        all_params = [*(x for row in doc_rows for x in row), *params, *ids]

        def cte(n: int) -> str:
            # The last ``n`` calibrated interviews first (an index walk, newest first), then
            # their current scores, then the document's score for the same criterion.
            return f"""
                WITH doc (scenario_id, criterion, score) AS (VALUES {values}),
                     pick AS MATERIALIZED (
                         SELECT s.id, s.scenario_id, s.started_at, s.rowid AS r FROM sessions AS s
                         WHERE {where} AND s.scenario_id IN ({_marks(ids)}) {_NEWEST} LIMIT {int(n)}
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
        with self._db.read() as conn:
            picked = conn.execute(
                f"{cte(window)} SELECT scenario_id, count(*) FROM pick GROUP BY scenario_id"
                " ORDER BY count(*) DESC, scenario_id",
                all_params,
            ).fetchall()
            if not picked:
                return CalibrationRows([], [], {}, [])
            overall = conn.execute(
                f"""{cte(window)}
                SELECT cs.criterion, count(*), AVG(cs.score), AVG(doc.score), AVG(cs.score - doc.score)
                {joined} GROUP BY cs.criterion
                """,
                all_params,
            ).fetchall()
            recent_rows = conn.execute(
                f"{cte(recent)} SELECT cs.criterion, AVG(cs.score - doc.score) {joined} GROUP BY cs.criterion",
                all_params,
            ).fetchall()
            trend_rows = conn.execute(
                f"""{cte(trend)}
                SELECT date(pick.started_at, 'localtime'), AVG(abs(cs.score - doc.score)), AVG(cs.score - doc.score)
                {joined} GROUP BY pick.id ORDER BY pick.started_at, pick.r
                """,
                all_params,
            ).fetchall()
        return CalibrationRows(
            picked=[(r[0], int(r[1])) for r in picked],
            overall=[(r[0], int(r[1]), float(r[2]), float(r[3]), float(r[4])) for r in overall],
            recent={r[0]: float(r[1]) for r in recent_rows},
            trend=[(r[0], float(r[1]), float(r[2])) for r in trend_rows],
        )
