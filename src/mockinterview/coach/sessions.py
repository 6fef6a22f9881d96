"""A saved interview's checklists and evidence: what its notes show, phase by phase.

Each phase with key points gets a checklist: the one stored with the phase (the room's
phase-end screen or ``review --save`` wrote it: detected points and the candidate's own
verdicts) while it still fits the scenario, else one detected afresh from the phase's
notes, with the curveballs announced in it and the candidate's verdicts carried over.
An interview with no notes and no stored checklist (scored without ``run``) has no
evidence at all: an empty result, never a row of 1s.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from mockinterview.coach.checklist import Checklist
from mockinterview.coach.evidence import EMPTY_NOTES_NOTE, NO_NOTES_NOTE, CriterionEvidence, criterion_evidence
from mockinterview.vocab import CRITERION_IDS

if TYPE_CHECKING:
    from mockinterview.coach.engine import Coach, PhaseLike
    from mockinterview.interview.session import Session

__all__ = ["PhaseNotes", "absence", "has_notes", "phase_checklists", "session_checklists", "session_evidence"]


class PhaseNotes(Protocol):
    """What is read from a phase record (``interview.session.PhaseRecord`` or a stored row)."""

    @property
    def phase_id(self) -> str: ...

    @property
    def notes(self) -> str: ...

    @property
    def checklist(self) -> Checklist | None: ...

    @property
    def announced(self) -> tuple[str, ...]: ...


def has_notes(phases: Iterable[PhaseNotes]) -> bool:
    """Whether any phase has notes or a stored checklist (something to read evidence from)."""
    return any(p.notes.strip() or p.checklist is not None for p in phases)


def _fits(coach: Coach, phase: PhaseLike, stored: Checklist) -> bool:
    """Whether ``stored`` still describes ``phase``: all its own points, only points it has
    (a curveball's all or none), each evidence for the criteria the scenario names now."""
    ids = {i.id for i in stored.items}
    own = {kp.id for kp in phase.key_points}
    if not own <= ids:
        return False
    rest = ids - own
    for cb in phase.curveballs:
        points = {kp.id for kp in cb.key_points}
        if points & rest:
            if not points <= rest:
                return False
            rest -= points
    if rest:
        return False
    return all(tuple(coach.key_point(i.id).criteria) == tuple(i.criteria) for i in stored.items)


def _checklist(coach: Coach, phase: PhaseLike, rec: PhaseNotes) -> Checklist:
    stored = rec.checklist
    if stored is not None and _fits(coach, phase, stored):
        return stored
    announced = set(rec.announced)
    if stored is not None:  # curveballs whose points were checked count as announced
        ids = {i.id for i in stored.items}
        announced |= {cb.id for cb in phase.curveballs if any(kp.id in ids for kp in cb.key_points)}
    fresh = coach.check_phase(rec.phase_id, rec.notes, curveballs=[cb.id for cb in phase.curveballs if cb.id in announced])
    return fresh if stored is None else fresh.carry_confirmations(stored)


def phase_checklists(coach: Coach, phases: Sequence[PhaseNotes]) -> dict[str, Checklist]:
    """Phase id -> checklist, for the phases with key points (see the module's docstring).

    Empty when no phase has notes or a stored checklist. Phases the scenario no longer
    has are left out.
    """
    if not has_notes(phases):
        return {}
    out: dict[str, Checklist] = {}
    for rec in phases:
        try:
            phase = coach.phase(rec.phase_id)
        except KeyError:
            continue
        if not phase.key_points and not phase.curveballs:
            continue
        checklist = _checklist(coach, phase, rec)
        if checklist.items:
            out[rec.phase_id] = checklist
    return out


def session_checklists(coach: Coach, session: Session) -> dict[str, Checklist]:
    """The checklists of ``session``'s phases (``coach`` is its scenario's)."""
    return phase_checklists(coach, session.phases)


def session_evidence(
    coach: Coach, session: Session, *, checklists: dict[str, Checklist] | None = None
) -> dict[str, CriterionEvidence]:
    """Criterion id -> evidence, for the criteria that have key points in ``session``'s
    checklists (rubric order); empty when the interview has no notes."""
    found = session_checklists(coach, session) if checklists is None else checklists
    if not found:
        return {}
    return {k: ev for k, ev in criterion_evidence(found.values(), CRITERION_IDS).items() if ev.total}


def absence(coach: Coach, session: Session) -> str | None:
    """Why ``session`` has no evidence when its scenario has key points and it has no notes; else None."""
    if has_notes(session.phases):
        return None
    if not any(p.key_points or p.curveballs for p in coach.phases):
        return None
    return EMPTY_NOTES_NOTE if session.timed else NO_NOTES_NOTE
