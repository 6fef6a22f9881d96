"""The scorecard as data: everything a candidate reads after an interview, computed
from the scenario, the session and the rubric, before any rendering (rich, Markdown,
JSON or HTML all render this one object)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mockinterview.content.rubric import Rubric
from mockinterview.content.scenario import Mistake, Scenario
from mockinterview.estimation.grading import scalability_from_counts
from mockinterview.interview.session import Session, iso
from mockinterview.scoring.arithmetic import Result, evaluate

DIFFICULTIES = ("medium", "advanced", "expert")


@dataclass(frozen=True)
class Suggestion:
    criterion: str
    score: int
    reason: str


@dataclass(frozen=True)
class Insight:
    """A strength or an area to improve, tied to what the scenario says about it."""

    criterion: str
    name: str
    score: int
    descriptor: str
    feedback: list[str] = field(default_factory=list)  # the document's strengths / improvements that match
    mistakes: list[Mistake] = field(default_factory=list)
    note: str | None = None  # the scenario's note on this criterion


@dataclass(frozen=True)
class PhaseTiming:
    title: str
    kind: str
    planned_minutes: float
    actual_minutes: float
    overtime_minutes: float
    notes_chars: int


@dataclass(frozen=True)
class Calibration:
    criterion: str
    name: str
    yours: int
    document: int

    @property
    def difference(self) -> int:
        return self.yours - self.document


@dataclass(frozen=True)
class Scorecard:
    session: Session
    scenario: Scenario
    rubric: Rubric
    result: Result
    strengths: list[Insight]
    improvements: list[Insight]
    follow_up_difficulty: str
    follow_ups: list[str]
    calibration: list[Calibration]
    timings: list[PhaseTiming]
    checklist: dict[str, list[str]]
    extra_scores: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        s = self.session
        r = self.result.to_dict()
        a = s.assessment
        return {
            "session_id": s.id,
            "scenario": s.scenario_id,
            "title": s.scenario_title,
            "level": s.level,
            "date": iso(s.started_at),
            "mode": s.mode,
            **r,
            "extra_scores": dict(self.extra_scores),
            "checklist": self.checklist,
            "strengths": [_insight_dict(i) for i in self.strengths],
            "improvements": [_insight_dict(i) for i in self.improvements],
            "follow_ups": {"difficulty": self.follow_up_difficulty, "questions": list(self.follow_ups)},
            "calibration": [
                {"criterion": c.criterion, "yours": c.yours, "document": c.document, "difference": c.difference}
                for c in self.calibration
            ],
            "document_overall": (
                self.scenario.evaluation.overall.model_dump()
                if self.scenario.evaluation and self.scenario.evaluation.overall
                else None
            ),
            "timing": [t.__dict__ for t in self.timings],
            "estimates": [e.__dict__ for e in s.estimates],
            "scored_at": iso(a.created_at) if a else None,
        }


def _insight_dict(i: Insight) -> dict[str, Any]:
    return {
        "criterion": i.criterion,
        "score": i.score,
        "feedback": list(i.feedback),
        "mistakes": [{"title": m.title, "interviewer_response": m.interviewer_response} for m in i.mistakes],
    }


def _matches(text: str, keywords: list[str]) -> bool:
    low = f" {text.lower()} "
    return any(k.lower() in low for k in keywords)


def _insight(rubric: Rubric, scenario: Scenario, cid: str, score: int, feedback: list[str]) -> Insight:
    c = rubric.criterion(cid)
    return Insight(
        criterion=cid,
        name=c.name,
        score=score,
        descriptor=c.descriptors.for_score(score),
        feedback=[f for f in feedback if _matches(f, c.keywords)][:2],
        mistakes=[m for m in scenario.common_mistakes if cid in m.criteria][:2],
        note=scenario.rubric.notes.get(cid),
    )


def pick_insights(
    rubric: Rubric, scenario: Scenario, scores: dict[str, int], n: int = 3
) -> tuple[list[Insight], list[Insight]]:
    """Highest criteria (4+) as strengths, lowest (3-) as areas to improve.

    Ties keep rubric order, so the result is stable. When every score is high the
    lowest ones are still shown as the next things to work on, and vice versa.
    """
    order = {c.id: i for i, c in enumerate(rubric.criteria)}
    ev = scenario.evaluation
    strengths_fb = list(ev.strengths) if ev else []
    improve_fb = list(ev.improvements) if ev else []
    lowest = sorted(scores.items(), key=lambda kv: (kv[1], order[kv[0]]))
    bottom = [kv for kv in lowest if kv[1] <= 3][:n] or lowest[:2]
    rest = sorted((kv for kv in scores.items() if kv not in bottom), key=lambda kv: (-kv[1], order[kv[0]]))
    top = [kv for kv in rest if kv[1] >= 4][:n] or [kv for kv in rest[:2] if kv[1] > bottom[-1][1]]
    return (
        [_insight(rubric, scenario, c, s, strengths_fb) for c, s in top],
        [_insight(rubric, scenario, c, s, improve_fb) for c, s in bottom],
    )


def follow_up_level(level: str, verdict: str) -> str:
    """Medium / advanced / expert from the verdict, shifted one step by the level."""
    base = {"No Pass": 0, "Weak Pass": 0, "Pass": 1, "Strong Pass": 2}.get(verdict, 1)
    shift = {"entry": -1, "mid": 0, "senior": 1}.get(level, 0)
    if verdict in ("No Pass", "Weak Pass"):
        shift = min(shift, 0)
    return DIFFICULTIES[max(0, min(2, base + shift))]


def pick_follow_ups(scenario: Scenario, difficulty: str, n: int = 3) -> tuple[str, list[str]]:
    fu = scenario.follow_ups
    pools = {"medium": fu.medium, "advanced": fu.advanced, "expert": fu.expert}
    i = DIFFICULTIES.index(difficulty)
    for j in (i, i - 1, i + 1, i - 2, i + 2):
        if 0 <= j < 3 and pools[DIFFICULTIES[j]]:
            return DIFFICULTIES[j], list(pools[DIFFICULTIES[j]][:n])
    return difficulty, []


def timings(session: Session) -> list[PhaseTiming]:
    if not session.timed:
        return []
    return [
        PhaseTiming(
            title=p.title,
            kind=p.kind,
            planned_minutes=round(p.planned_seconds / 60, 1),
            actual_minutes=round(p.used_seconds / 60, 1),
            overtime_minutes=round(p.overtime_seconds / 60, 1),
            notes_chars=len(p.notes),
        )
        for p in session.phases
    ]


def suggest_time_management(session: Session) -> Suggestion | None:
    """A 1-5 suggestion from planned vs actual minutes (timed interviews only)."""
    if not session.timed or not any(p.status == "done" for p in session.phases):
        return None
    planned = sum(p.planned_seconds + p.extra_seconds for p in session.phases)
    used = session.used_seconds
    if planned <= 0:
        return None
    ratio = used / planned
    worst = max(
        ((p.overtime_seconds / p.planned_seconds) if p.planned_seconds else 0.0 for p in session.phases),
        default=0.0,
    )
    if ratio < 0.5:
        return Suggestion("time_management", 3, f"used {ratio:.0%} of the time: finishing this early usually means depth was skipped")
    over = max(ratio - 1, 0)
    for limit, score in ((0.05, 5), (0.15, 4), (0.30, 3), (0.50, 2)):
        if over <= limit:
            if score == 5 and worst > 0.5:
                score = 4
            break
    else:
        score = 1
    reason = f"used {used / 60:.0f} of {planned / 60:.0f} planned minutes"
    if worst > 0.5:
        reason += f"; one phase ran {worst:.0%} over"
    return Suggestion("time_management", score, reason)


def suggest_scalability(session: Session) -> Suggestion | None:
    """A 1-5 suggestion from the graded capacity estimates (the drill's own rule)."""
    if not any(e.grade for e in session.estimates):
        return None
    on = sum(e.grade == "on_target" for e in session.estimates)
    mag = sum(e.grade == "order_of_magnitude" for e in session.estimates)
    score = scalability_from_counts(on, mag, len(session.estimates))
    if score is None:
        return None
    return Suggestion(
        "scalability_understanding", score,
        f"{on} of {len(session.estimates)} estimates within 2x, {mag} more within 10x",
    )


def suggestions(session: Session) -> dict[str, Suggestion]:
    found = [suggest_time_management(session), suggest_scalability(session)]
    return {s.criterion: s for s in found if s}


def build(session: Session, scenario: Scenario, rubric: Rubric) -> Scorecard:
    a = session.assessment
    if a is None:
        raise ValueError("session has no assessment")
    core = {c.id: a.scores[c.id] for c in rubric.criteria}
    extra = {k: v for k, v in a.scores.items() if k not in core}
    result = evaluate(rubric, core, a.bands)
    strengths, improvements = pick_insights(rubric, scenario, core)
    difficulty, questions = pick_follow_ups(scenario, follow_up_level(session.level, result.verdict.label))
    ev = scenario.evaluation
    calibration = (
        [
            Calibration(cid, rubric.criterion(cid).name, core[cid], doc)
            for cid, doc in ev.scores.items()
            if cid in core
        ]
        if ev
        else []
    )
    return Scorecard(
        session=session,
        scenario=scenario,
        rubric=rubric,
        result=result,
        strengths=strengths,
        improvements=improvements,
        follow_up_difficulty=difficulty,
        follow_ups=questions,
        calibration=calibration,
        timings=timings(session),
        checklist=dict(a.checklist),
        extra_scores=extra,
    )
