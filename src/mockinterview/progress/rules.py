"""The windows, margins and thresholds of the definitions, and what they read from the rubric."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the models (pydantic) load only where a rubric is read
    from mockinterview.content.rubric import Rubric

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
#: Calibration against your notes reads the newest this many scored interviews with notes
#: (each one's notes are checked against its scenario's key points; see progress.evidence).
EVIDENCE_WINDOW = 20

FORMULA = (
    "priority = (5 - average recent score) x (1 + min(days since practised, 28) / 7); "
    "a criterion is practised by an interview on a scenario whose common mistakes or rubric "
    "notes name it (criteria no scenario names are practised by every interview)"
)


class Names:
    """Criterion and group names, groups in rubric order."""

    def __init__(self, rubric: Rubric) -> None:
        self.criteria: list[str] = [c.id for c in rubric.criteria]
        self.name: dict[str, str] = {c.id: c.name for c in rubric.criteria}
        self.group_of: dict[str, str] = {c.id: c.group for c in rubric.criteria}
        self.groups: list[str] = [g.id for g in rubric.groups]
        self.group_name: dict[str, str] = {g.id: g.name for g in rubric.groups}

    def members(self, gid: str) -> list[str]:
        return [c for c in self.criteria if self.group_of[c] == gid]


def _thresholds(rubric: Rubric) -> list[tuple[str, float]]:
    return sorted(((t.label, float(t.min)) for t in rubric.verdicts), key=lambda t: t[1])


def verdict_for(rubric: Rubric, total: float) -> str:
    """The rubric's verdict label for a /100 total (highest threshold reached)."""
    thresholds = _thresholds(rubric)
    reached = [label for label, lo in thresholds if total >= lo]
    return reached[-1] if reached else thresholds[0][0]


def pass_marks(rubric: Rubric) -> tuple[float, float]:
    """(Pass, Strong Pass) minimums from the rubric's verdicts, never hard-coded.

    Looked up by label; a rubric that renames them falls back to its two highest
    thresholds.
    """
    ts = _thresholds(rubric)
    by_label = {label.lower(): lo for label, lo in ts}
    strong = by_label.get("strong pass", ts[-1][1])
    ok = by_label.get("pass", ts[-2][1] if len(ts) > 1 else ts[-1][1])
    return ok, strong


def local_now(now: datetime | None) -> datetime:
    """``now`` (default: the clock) in the local time zone."""
    return (now or datetime.now(UTC)).astimezone()


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def days_since(now: datetime, then: datetime | None) -> float | None:
    """Whole local calendar days from ``then`` to ``now`` (0 = today), or None."""
    return None if then is None else float(max(0, (now.date() - then.astimezone(now.tzinfo).date()).days))


def rounded(x: float | None, n: int = 2) -> float | None:
    return None if x is None else round(float(x), n)
