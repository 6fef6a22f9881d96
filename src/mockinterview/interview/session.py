"""The interview record: what was planned, what happened, what was written, how it scored.

Plain dataclasses, no I/O: the store persists them, the CLI renders them. Data flows
one way: Scenario -> Session (phases, notes, timings) -> Assessment -> scorecard.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

# ``iso`` and ``parse_iso`` here take and give None (a time not set yet); the store,
# the scorecard and the benchmarks import them from this module.
from mockinterview.dates import iso_or_none as iso
from mockinterview.dates import parse_iso_or_none as parse_iso
from mockinterview.dates import utcnow

if TYPE_CHECKING:  # the pydantic models load only where a scenario is read
    from mockinterview.coach.checklist import Checklist
    from mockinterview.content.scenario import Scenario

__all__ = [
    "Asked",
    "AskedKind",
    "Assessment",
    "EstimateAnswer",
    "HintKind",
    "HintUse",
    "Mode",
    "PhaseRecord",
    "PhaseStatus",
    "Session",
    "SessionState",
    "iso",
    "new_id",
    "parse_iso",
    "start_session",
    "utcnow",
]

SessionState = Literal["in_progress", "finished"]
HintKind = Literal["probe", "hint"]  # ^G brought a probe forward, or gave a point to cover
#: What the adaptive interviewer said: a key point's probe (the point was still missing),
#: its deeper follow-up (the point was covered already), or a curveball's announcement.
AskedKind = Literal["probe", "deeper", "curveball"]
PhaseStatus = Literal["pending", "active", "done"]
Mode = Literal["timed", "manual"]

_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to read back and type


def new_id() -> str:
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(6))


@dataclass(frozen=True)
class HintUse:
    """One ^G that gave something: what the interviewer said, and when in the phase."""

    at_seconds: float  # interview time into the phase (as the phase clock counts)
    kind: HintKind
    text: str


@dataclass(frozen=True)
class Asked:
    """One thing the interviewer said because of the notes (a key point's probe or its deeper
    follow-up) or a curveball announced, and when in the phase. ``ref`` is the key point's
    or the curveball's id. Fixed-time probes are not kept: their time says when they came."""

    at_seconds: float  # interview time into the phase (as the phase clock counts)
    kind: AskedKind
    ref: str
    text: str


@dataclass
class PhaseRecord:
    index: int
    phase_id: str
    kind: str
    title: str
    planned_seconds: float
    used_seconds: float = 0.0  # interview time spent (paused time excluded)
    extra_seconds: float = 0.0  # time added with +2 min
    notes: str = ""
    status: PhaseStatus = "pending"
    started_at: datetime | None = None
    ended_at: datetime | None = None
    hints: list[HintUse] = field(default_factory=list)  # every ^G that gave something, in order
    checklist: Checklist | None = None  # the coach's key points for the phase: detected and confirmed
    asked: list[Asked] = field(default_factory=list)  # the adaptive probes and curveballs, in order

    @property
    def announced(self) -> tuple[str, ...]:
        """The ids of the curveballs announced in this phase, in order."""
        return tuple(a.ref for a in self.asked if a.kind == "curveball")

    @property
    def allowed_seconds(self) -> float:
        """The phase's planned time with its ^T extensions: what "planned" means everywhere."""
        return self.planned_seconds + self.extra_seconds

    @property
    def overtime_seconds(self) -> float:
        return max(0.0, self.used_seconds - self.allowed_seconds)


@dataclass(frozen=True)
class EstimateAnswer:
    """One capacity figure the candidate estimated, graded against the reference."""

    figure: str
    label: str
    unit: str
    answer: float | None
    reference: float
    grade: str | None  # on_target | order_of_magnitude | off | None (skipped)


@dataclass(frozen=True)
class Assessment:
    """One self-assessment of a session. Rescoring adds a new one; old ones stay."""

    scores: dict[str, int]
    bands: dict[str, int]
    checklist: dict[str, list[str]] = field(default_factory=dict)  # strong_indicators / concerns ticked
    source: str = "interactive"  # interactive | file | flags | import
    created_at: datetime = field(default_factory=utcnow)
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["created_at"] = iso(self.created_at)
        return d


@dataclass
class Session:
    id: str
    scenario_id: str
    scenario_title: str
    level: str
    focus: str
    mode: Mode
    state: SessionState
    started_at: datetime
    planned_minutes: float
    phases: list[PhaseRecord]
    settings: dict[str, Any] = field(default_factory=dict)  # speed, strict, minutes, ...
    ended_at: datetime | None = None
    current_phase: int = 0
    assessment: Assessment | None = None  # the current one
    estimates: list[EstimateAnswer] = field(default_factory=list)
    updated_at: datetime | None = None

    @property
    def timed(self) -> bool:
        return self.mode == "timed"

    @property
    def finished(self) -> bool:
        return self.state == "finished"

    @property
    def used_seconds(self) -> float:
        return sum(p.used_seconds for p in self.phases)

    @property
    def allowed_minutes(self) -> float:
        """The planned minutes with every phase's ^T extensions (``planned_minutes`` is the plan)."""
        return self.planned_minutes + sum(p.extra_seconds for p in self.phases) / 60

    @property
    def hints_used(self) -> int:
        return sum(len(p.hints) for p in self.phases)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("started_at", "ended_at", "updated_at"):
            d[key] = iso(getattr(self, key))
        for p, rec in zip(d["phases"], self.phases, strict=True):
            p["started_at"], p["ended_at"] = iso(rec.started_at), iso(rec.ended_at)
            p["checklist"] = None if rec.checklist is None else rec.checklist.to_dict()
        d["assessment"] = self.assessment.to_dict() if self.assessment else None
        return d


def start_session(
    scenario: Scenario,
    *,
    mode: Mode = "timed",
    scale: float = 1.0,
    settings: Mapping[str, object] | None = None,
    now: datetime | None = None,
) -> Session:
    """A new session for a scenario; ``scale`` rescales every phase (``--minutes``)."""
    phases = [
        PhaseRecord(
            index=i,
            phase_id=p.id,
            kind=p.kind.value,
            title=p.title,
            planned_seconds=p.minutes * 60 * scale,
        )
        for i, p in enumerate(scenario.phases)
    ]
    return Session(
        id=new_id(),
        scenario_id=scenario.id,
        scenario_title=scenario.title,
        level=scenario.level,
        focus=scenario.focus,
        mode=mode,
        state="in_progress" if mode == "timed" else "finished",
        started_at=now or utcnow(),
        planned_minutes=scenario.minutes * scale,
        phases=phases,
        settings=dict(settings or {}),
    )
