"""How the store's rows map to the interview's records, and back."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mockinterview.coach.checklist import Checklist
from mockinterview.dates import iso, iso_or_none, parse_iso, parse_iso_or_none
from mockinterview.interview.session import Asked, Assessment, EstimateAnswer, HintUse, PhaseRecord
from mockinterview.vocab import BAND_IDS

__all__ = [
    "HistoryRow",
    "assessment_from_row",
    "dump",
    "dump_asked",
    "dump_checklist",
    "dump_hints",
    "estimate_from_row",
    "history_from_row",
    "label_text",
    "load_asked",
    "load_checklist",
    "load_hints",
    "phase_from_row",
    "phase_values",
]


@dataclass(frozen=True)
class HistoryRow:
    """One line of ``mockinterview history``: a session without its phases and notes."""

    id: str
    scenario_id: str
    scenario_title: str
    level: str
    mode: str
    state: str
    started_at: datetime
    planned_minutes: float
    used_minutes: float
    score_50: int | None
    percent_50: float | None
    label_50: str | None
    total_100: int | None
    verdict: str | None

    @property
    def scored(self) -> bool:
        return self.score_50 is not None or self.total_100 is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``started_at`` as ISO-8601 UTC text."""
        return {
            "id": self.id,
            "scenario_id": self.scenario_id,
            "scenario_title": self.scenario_title,
            "level": self.level,
            "mode": self.mode,
            "state": self.state,
            "started_at": iso(self.started_at),
            "planned_minutes": self.planned_minutes,
            "used_minutes": self.used_minutes,
            "score_50": self.score_50,
            "percent_50": self.percent_50,
            "label_50": self.label_50,
            "total_100": self.total_100,
            "verdict": self.verdict,
        }


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def label_text(value: Any) -> Any:
    """A label or verdict: accept a ``Threshold``-like object as well as its text."""
    return getattr(value, "label", value)


def phase_values(phase: PhaseRecord) -> tuple[Any, ...]:
    """notes, used_seconds, extra_seconds, status, started_at, ended_at, hints, checklist, asked: what a save writes."""
    return (
        phase.notes,
        phase.used_seconds,
        phase.extra_seconds,
        phase.status,
        iso_or_none(phase.started_at),
        iso_or_none(phase.ended_at),
        dump_hints(phase.hints),
        dump_checklist(phase.checklist),
        dump_asked(phase.asked),
    )


def dump_hints(hints: Sequence[HintUse]) -> str:
    return dump([{"at_seconds": h.at_seconds, "kind": h.kind, "text": h.text} for h in hints])


def load_hints(text: str | None) -> list[HintUse]:
    return [HintUse(float(h["at_seconds"]), h["kind"], str(h["text"])) for h in json.loads(text or "[]")]


def dump_asked(asked: Sequence[Asked]) -> str:
    return dump([{"at_seconds": a.at_seconds, "kind": a.kind, "ref": a.ref, "text": a.text} for a in asked])


def load_asked(text: str | None) -> list[Asked]:
    return [Asked(float(a["at_seconds"]), a["kind"], str(a["ref"]), str(a["text"])) for a in json.loads(text or "[]")]


def dump_checklist(checklist: Checklist | None) -> str | None:
    """The checklist's JSON (both states of every point), or None (NULL) for no checklist."""
    return None if checklist is None else dump(checklist.to_dict())


def load_checklist(text: str | None) -> Checklist | None:
    return None if text is None else Checklist.from_dict(json.loads(text))


def phase_from_row(row: sqlite3.Row) -> PhaseRecord:
    return PhaseRecord(
        index=row["idx"],
        phase_id=row["phase_id"],
        kind=row["kind"],
        title=row["title"],
        planned_seconds=row["planned_seconds"],
        used_seconds=row["used_seconds"],
        extra_seconds=row["extra_seconds"],
        notes=row["notes"],
        status=row["status"],
        started_at=parse_iso_or_none(row["started_at"]),
        ended_at=parse_iso_or_none(row["ended_at"]),
        hints=load_hints(row["hints"]),
        checklist=load_checklist(row["checklist"]),
        asked=load_asked(row["asked"]),
    )


def assessment_from_row(row: sqlite3.Row, scores: dict[str, int]) -> Assessment:
    return Assessment(
        scores=scores,
        bands={band: row[band] for band in BAND_IDS if row[band] is not None},
        checklist=json.loads(row["checklist"]),
        source=row["source"],
        created_at=parse_iso(row["created_at"]),
        id=row["id"],
    )


def estimate_from_row(row: sqlite3.Row) -> EstimateAnswer:
    return EstimateAnswer(
        figure=row["figure"],
        label=row["label"],
        unit=row["unit"],
        answer=row["answer"],
        reference=row["reference"],
        grade=row["grade"],
    )


def history_from_row(row: sqlite3.Row) -> HistoryRow:
    return HistoryRow(
        id=row["id"],
        scenario_id=row["scenario_id"],
        scenario_title=row["scenario_title"],
        level=row["level"],
        mode=row["mode"],
        state=row["state"],
        started_at=parse_iso(row["started_at"]),
        planned_minutes=row["planned_minutes"],
        used_minutes=row["used_minutes"],
        score_50=row["score_50"],
        percent_50=row["percent_50"],
        label_50=row["label_50"],
        total_100=row["total_100"],
        verdict=row["verdict"],
    )
