"""Checking notes written elsewhere: the pure part of ``mockinterview review ID --notes FILE``.

The file is Markdown. A level-two heading (``## ...``) that names a phase starts that
phase's section; a heading names a phase when, normalised, it equals the phase's id,
its title or (if no other phase has it) its kind. Normalising lowercases, drops a
leading "Phase 3:" / "3." and any "(...)" part such as "(8 min)", and turns
punctuation, hyphens and underscores into spaces: ``## 3. Capacity Estimation (8 min)``,
``## capacity-estimation`` and ``## Estimation`` all name the estimation phase.

Lines before the first such heading (the *preamble*) count for every phase; a heading
that names no phase is just a line of the section it is in; a phase named twice gets
both sections. Without any such heading the whole file is matched against every phase.
Diagrams are read from the whole file; figures from the estimation phases' sections
(and the preamble) when the file names one, else from the whole file. Line numbers are
the file's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mockinterview.coach.checklist import Checklist
from mockinterview.coach.diagram import DiagramCheck
from mockinterview.coach.engine import Coach, PhaseLike
from mockinterview.coach.evidence import CriterionEvidence, criterion_evidence
from mockinterview.coach.figures import FigureCheck
from mockinterview.coach.matcher import Lines, numbered

__all__ = ["PhaseReview", "ReviewResult", "Sections", "heading_key", "review", "split_notes"]

_HEADING_RE = re.compile(r"^##\s+(.*?)\s*#*\s*$")
_NUMBER_PREFIX_RE = re.compile(r"^\s*(?:(?:phase|part|step|section)\s*)?\d+\s*[:.)\-–—]?\s*")
_PARENS_RE = re.compile(r"\([^)]*\)")
_PUNCT_RE = re.compile(r"[\W_]+")


def heading_key(text: str) -> str:
    """``text`` normalised for comparing a heading with a phase's id, title or kind."""
    s = _PARENS_RE.sub(" ", text.casefold())
    s = _NUMBER_PREFIX_RE.sub("", s)
    s = _PUNCT_RE.sub(" ", s)
    return " ".join(s.split())


@dataclass(frozen=True)
class Sections:
    """A notes file cut into phases."""

    split: bool  # some heading named a phase
    preamble: tuple[tuple[int, str], ...]
    by_phase: dict[str, tuple[tuple[int, str], ...]]
    headings: dict[str, tuple[int, ...]]  # phase id -> line numbers of the headings naming it
    all_lines: tuple[tuple[int, str], ...]

    def lines_for(self, phase_id: str) -> Lines:
        """The lines to check for ``phase_id``: the preamble and its sections, or everything."""
        if not self.split:
            return self.all_lines
        return (*self.preamble, *self.by_phase.get(phase_id, ()))


def _phase_keys(phases: Sequence[PhaseLike]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for p in phases:
        for k in (heading_key(p.id), heading_key(p.title)):
            keys.setdefault(k, p.id)
    kinds: dict[str, list[str]] = {}
    for p in phases:
        kinds.setdefault(heading_key(str(p.kind)), []).append(p.id)
    for k, ids in kinds.items():
        if len(ids) == 1:
            keys.setdefault(k, ids[0])
    return keys


def split_notes(text: str, phases: Sequence[PhaseLike]) -> Sections:
    """Cut ``text`` into the phases its ``## `` headings name (see the module's rules)."""
    lines = tuple(numbered(text))
    keys = _phase_keys(phases)
    preamble: list[tuple[int, str]] = []
    by_phase: dict[str, list[tuple[int, str]]] = {}
    headings: dict[str, list[int]] = {}
    current: str | None = None
    for no, line in lines:
        m = _HEADING_RE.match(line)
        pid = keys.get(heading_key(m.group(1))) if m else None
        if pid is not None:
            current = pid
            headings.setdefault(pid, []).append(no)
            by_phase.setdefault(pid, [])
            continue
        if current is None:
            preamble.append((no, line))
        else:
            by_phase[current].append((no, line))
    return Sections(
        split=bool(headings),
        preamble=tuple(preamble),
        by_phase={k: tuple(v) for k, v in by_phase.items()},
        headings={k: tuple(v) for k, v in headings.items()},
        all_lines=lines,
    )


@dataclass(frozen=True)
class PhaseReview:
    phase: str
    title: str
    kind: str
    headings: tuple[int, ...]  # where the file names it (empty: not named)
    lines: int  # how many lines were checked for it
    checklist: Checklist

    def to_dict(self) -> dict[str, Any]:
        return {
            "phase": self.phase,
            "title": self.title,
            "kind": self.kind,
            "headings": list(self.headings),
            "lines": self.lines,
            "checklist": self.checklist.to_dict(),
        }


@dataclass(frozen=True)
class ReviewResult:
    """The checklist of every phase, the diagram check and the figure check of one notes file."""

    scenario: str
    split: bool
    phases: tuple[PhaseReview, ...]
    diagram: DiagramCheck | None
    figures: FigureCheck | None
    evidence: dict[str, CriterionEvidence]

    @property
    def checklists(self) -> list[Checklist]:
        return [p.checklist for p in self.phases]

    @property
    def covered(self) -> int:
        return sum(p.checklist.covered for p in self.phases)

    @property
    def total(self) -> int:
        return sum(p.checklist.total for p in self.phases)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "split": self.split,
            "covered": self.covered,
            "total": self.total,
            "phases": [p.to_dict() for p in self.phases],
            "diagram": None if self.diagram is None else self.diagram.to_dict(),
            "figures": None if self.figures is None else self.figures.to_dict(),
            "evidence": {k: v.to_dict() for k, v in self.evidence.items() if v.total},
        }


def review(coach: Coach, text: str) -> ReviewResult:
    """Check a whole notes file against ``coach``'s scenario."""
    sections = split_notes(text, coach.phases)
    phases: list[PhaseReview] = []
    for p in coach.phases:
        lines = sections.lines_for(p.id)
        phases.append(
            PhaseReview(
                phase=p.id,
                title=p.title,
                kind=str(p.kind),
                headings=sections.headings.get(p.id, ()),
                lines=len(lines),
                checklist=coach.check_phase(p.id, lines),
            )
        )
    estimation_phases = [p.id for p in coach.phases if str(p.kind) == "estimation" and p.id in sections.by_phase]
    if sections.split and estimation_phases:
        figure_lines: Lines = (*sections.preamble, *(ln for pid in estimation_phases for ln in sections.by_phase[pid]))
    else:
        figure_lines = sections.all_lines
    return ReviewResult(
        scenario=coach.scenario.id,
        split=sections.split,
        phases=tuple(phases),
        diagram=coach.check_diagram(sections.all_lines),
        figures=coach.check_figures(figure_lines),
        evidence=criterion_evidence(p.checklist for p in phases),
    )
