"""Calibration against your notes: self-scores beside what the notes showed, over time.

For the newest :data:`~mockinterview.progress.rules.EVIDENCE_WINDOW` scored interviews
with notes (``Store.progress.notes_window``), each interview's checklists are worked
out as the scorecard does (:mod:`mockinterview.coach.sessions`: the stored checklist,
else the notes checked again), turned into a suggested score per criterion, and set
against its current self-scores (:func:`mockinterview.coach.evidence.calibrate`).

Checking notes needs the scenario and a compiled :class:`~mockinterview.coach.engine.Coach`
(tens of milliseconds each), so the suggestions are kept in a small cache beside the
scenario index (``<data dir>/cache/evidence.json``): per scenario file (keyed by its
path, size and modification time and the program version, as the index is), each
interview's suggestions under a digest of its phases' notes, checklists and what was
asked. An unchanged interview of an unchanged scenario is never checked twice, so
``progress`` stays about as fast as without this section; deleting the cache is harmless.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from mockinterview.coach.checklist import Checklist
from mockinterview.progress.records import NotesCalibration, NotesCalibrationRow
from mockinterview.progress.rules import CALIBRATION_MARGIN, EVIDENCE_WINDOW, Names
from mockinterview.store.progress_queries import NO_FILTERS, Filters, NotesPhase

if TYPE_CHECKING:
    from mockinterview.coach.engine import Coach
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.content.rubric import Rubric
    from mockinterview.store import Store

__all__ = [
    "CACHE_KEEP",
    "NotesSession",
    "Suggested",
    "catalogue_suggestions",
    "notes_calibration",
    "suggested_scores",
]

#: Interviews kept per scenario file in the cache (the newest seen).
CACHE_KEEP = 4 * EVIDENCE_WINDOW

#: Session id -> criterion id -> the notes' suggested score (criteria with key points only).
Suggested = dict[str, dict[str, int]]


class _Phase(NamedTuple):
    """A stored phase as :class:`mockinterview.coach.sessions.PhaseNotes`."""

    phase_id: str
    notes: str
    checklist: Checklist | None
    announced: tuple[str, ...]


class NotesSession(NamedTuple):
    """One interview of the window: its scenario and its phases as stored."""

    id: str
    scenario_id: str
    phases: tuple[NotesPhase, ...]

    @property
    def digest(self) -> str:
        """What the suggestions depend on besides the scenario: the phases' notes, checklists and asks."""
        data = [(p.phase_id, p.notes, p.checklist, p.asked) for p in self.phases]
        return hashlib.sha1(json.dumps(data).encode("utf-8"), usedforsecurity=False).hexdigest()


def _sessions(rows: Sequence[NotesPhase]) -> list[NotesSession]:
    grouped: dict[str, list[NotesPhase]] = {}
    for r in rows:
        grouped.setdefault(r.session_id, []).append(r)
    return [NotesSession(sid, ps[0].scenario_id, tuple(ps)) for sid, ps in grouped.items()]


def _phase(row: NotesPhase) -> _Phase:
    """The phase as the coach reads it; a damaged checklist or asked list counts as none."""
    from mockinterview.store.rows import load_asked, load_checklist

    try:
        checklist = load_checklist(row.checklist)
    except (ValueError, KeyError, TypeError):
        checklist = None
    try:
        announced = tuple(a.ref for a in load_asked(row.asked) if a.kind == "curveball")
    except (ValueError, KeyError, TypeError):
        announced = ()
    return _Phase(row.phase_id, row.notes, checklist, announced)


def suggested_scores(coach: Coach, session: NotesSession) -> dict[str, int]:
    """Criterion id -> the score the interview's notes suggest (criteria with key points)."""
    from mockinterview.coach.evidence import criterion_evidence, suggestions
    from mockinterview.coach.sessions import phase_checklists

    checklists = phase_checklists(coach, [_phase(p) for p in session.phases])
    return suggestions(criterion_evidence(checklists.values())) if checklists else {}


def catalogue_suggestions(
    catalogue: Catalogue, sessions: Sequence[NotesSession], *, cache: Path | None = None
) -> Suggested:
    """The suggestions of each of ``sessions`` whose scenario the catalogue has and can read.

    Cached (see the module's docstring); a miss loads the scenario and compiles one
    :class:`Coach` per scenario for this call. Scenarios that fail to load are skipped.
    """
    from mockinterview.content.index import ScenarioIndex, index_path

    index = ScenarioIndex(cache or index_path().with_name("evidence.json"))
    coaches: dict[str, Coach | None] = {}

    def coach_for(sid: str) -> Coach | None:
        if sid not in coaches:
            from mockinterview.coach.engine import Coach
            from mockinterview.errors import MockInterviewError

            try:
                coaches[sid] = Coach(catalogue.get(sid))
            except MockInterviewError:
                coaches[sid] = None
        return coaches[sid]

    out: Suggested = {}
    by_scenario: dict[str, list[NotesSession]] = {}
    for s in sessions:
        by_scenario.setdefault(s.scenario_id, []).append(s)
    for sid, group in by_scenario.items():
        entry = catalogue.entries.get(sid)
        if entry is None:
            continue
        hit = index.get(entry.path) or {}
        known: dict[str, list[object]] = dict(hit.get("sessions") or {})
        changed = False
        for s in group:
            digest = s.digest
            cached = known.get(s.id)
            if isinstance(cached, list) and len(cached) == 2 and cached[0] == digest and isinstance(cached[1], dict):
                out[s.id] = {str(k): int(v) for k, v in cached[1].items()}
                continue
            coach = coach_for(sid)
            if coach is None:
                break
            out[s.id] = suggested_scores(coach, s)
            known.pop(s.id, None)
            known[s.id] = [digest, out[s.id]]
            changed = True
        if changed:
            keep = list(known.items())[-CACHE_KEEP:]
            index.put(entry.path, {"sessions": dict(keep)})
    index.save()
    return out


def notes_calibration(
    store: Store,
    rubric: Rubric,
    suggest: Callable[[list[NotesSession]], Mapping[str, Mapping[str, int]]],
    filters: Filters = NO_FILTERS,
    *,
    window: int = EVIDENCE_WINDOW,
) -> NotesCalibration:
    """Self-scores minus the notes' suggestions, per criterion, over the newest ``window``
    scored interviews with notes. ``suggest`` gives each interview's suggestions
    (:func:`catalogue_suggestions`); interviews it leaves out are counted as unread."""
    from mockinterview.coach.evidence import calibrate

    sessions = _sessions(store.progress.notes_window(filters, window))
    if not sessions:
        return NotesCalibration(0, window, [])
    suggested = suggest(sessions)
    read = [s for s in sessions if s.id in suggested]
    scores: dict[str, dict[str, int]] = {}
    for sid, criterion, value in store.progress.current_scores([s.id for s in read]) if read else ():
        scores.setdefault(sid, {})[criterion] = int(value)
    names = Names(rubric)
    history = [(scores.get(s.id, {}), dict(suggested[s.id])) for s in read]
    gaps = calibrate(history, names=names.name, threshold=CALIBRATION_MARGIN)
    known = set(names.criteria)
    rows = [NotesCalibrationRow.of(g) for g in gaps if g.criterion in known]
    return NotesCalibration(len(read), window, rows, unread=len(sessions) - len(read))
