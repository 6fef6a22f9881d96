"""Suggested scores from what the interview recorded: the clock, the estimation drill,
and how the candidate took up what the interviewer asked about.

A suggestion is offered at the self-assessment (Enter accepts it); score files and
``--set`` are never changed by one. The rules are in docs/scoring.md, "Suggestions
from timing and the estimation drill".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mockinterview.coach.evidence import suggest_score
from mockinterview.estimation.grading import scalability_from_counts
from mockinterview.wording import plural

if TYPE_CHECKING:
    from mockinterview.interview.session import Session

__all__ = [
    "MIN_PROMPTS",
    "TIME_RULES",
    "Suggestion",
    "suggest_collaboration",
    "suggest_scalability",
    "suggest_time_management",
    "suggestions",
]


@dataclass(frozen=True)
class Suggestion:
    criterion: str
    score: int
    reason: str


#: Used time as a share of the planned time (with ^T extensions), below which each score
#: is suggested, shortest first; at or past the plan see :data:`OVER_RULES`.
TIME_RULES: tuple[tuple[float, int, str], ...] = (
    (0.25, 1, "stopping this early leaves most phases undone"),
    (0.50, 2, "less than half the time usually means whole phases were skimmed"),
    (0.75, 3, "finishing this early usually means depth was skipped"),
    (0.90, 4, "a little time was left unused, which a deep dive could have had"),
)
#: Overtime as a share of the planned time, up to which each score is suggested.
OVER_RULES: tuple[tuple[float, int], ...] = ((0.05, 5), (0.15, 4), (0.30, 3), (0.50, 2))
#: A single phase running this far past its own minutes costs a 5 its last point.
PHASE_OVERRUN = 0.5


def suggest_time_management(session: Session) -> Suggestion | None:
    """A 1-5 suggestion from planned vs used minutes (timed interviews only).

    16% of the time is a 1, 45% a 2, 60% a 3, 80% a 4, 90% to 105% a 5 (a 4 if one
    phase ran more than half over its own minutes); past 105%, 4, 3, 2 or 1 as the
    overtime grows.
    """
    if not session.timed or not any(p.status == "done" for p in session.phases):
        return None
    planned = sum(p.planned_seconds + p.extra_seconds for p in session.phases)
    used = session.used_seconds
    if planned <= 0:
        return None
    ratio = used / planned
    minutes = f"used {used / 60:.0f} of {planned / 60:.0f} planned minutes ({ratio:.0%})"
    for limit, score, why in TIME_RULES:
        if ratio < limit:
            return Suggestion("time_management", score, f"{minutes}: {why}")
    worst = max(
        (
            (p.overtime_seconds / (p.planned_seconds + p.extra_seconds))
            if (p.planned_seconds + p.extra_seconds)
            else 0.0
            for p in session.phases
        ),
        default=0.0,
    )
    over = max(ratio - 1, 0.0)
    score = next((s for limit, s in OVER_RULES if over <= limit), 1)
    if over <= OVER_RULES[0][0]:
        reason = f"{minutes}: on time"
        if worst > PHASE_OVERRUN:
            score = 4
            reason += f", though one phase ran {worst:.0%} over its own minutes"
    else:
        reason = f"{minutes}: {over:.0%} over the plan"
        if worst > PHASE_OVERRUN:
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
        "scalability_understanding",
        score,
        f"{on} of {len(session.estimates)} estimates within 2x, {mag} more within 10x",
    )


#: Key points the interviewer must have asked about before collaboration gets a suggestion.
MIN_PROMPTS = 2


def suggest_collaboration(session: Session) -> Suggestion | None:
    """A 1-5 suggestion from how the candidate built on what the interviewer asked.

    Each key point the interviewer asked about because it was missing (its probe, on
    time or brought forward by ^G) counts once; it was taken up when the phase's
    checklist at its end has it covered. The share taken up maps onto 1-5 as the notes'
    evidence does (``coach.evidence.suggest_score``). Needs :data:`MIN_PROMPTS` such
    points in phases whose checklist was kept; the hints used are named in the reason.
    """
    asked = taken = 0
    for rec in session.phases:
        if rec.checklist is None:
            continue
        points = {a.ref for a in rec.asked if a.kind == "probe"}
        for item in rec.checklist.items:
            if item.id in points:
                asked += 1
                taken += item.covered
    score = suggest_score(taken, asked) if asked >= MIN_PROMPTS else None
    if score is None:
        return None
    hints = session.hints_used
    reason = f"your notes took up {taken} of the {asked} points the interviewer asked about"
    if hints:
        reason += f" ({plural(hints, 'hint')} used)"
    return Suggestion("collaboration", score, reason)


def suggestions(session: Session) -> dict[str, Suggestion]:
    found = [suggest_time_management(session), suggest_scalability(session), suggest_collaboration(session)]
    return {s.criterion: s for s in found if s}
