"""A scenario compiled for checking notes: key points per phase, the diagram and the figures.

Build one :class:`Coach` per scenario and keep it: compiling is done once, and its
caches make re-checking the same notes (as the candidate types) nearly free.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

from mockinterview.coach.checklist import Checklist
from mockinterview.coach.diagram import DiagramCheck, DiagramMatcher
from mockinterview.coach.figures import FigureCheck, FigureMatcher
from mockinterview.coach.matcher import FirstLines, Lines, PointMatcher, Vocabulary, numbered
from mockinterview.content.coaching import Architecture, Curveball, KeyPoint
from mockinterview.content.scenario import Estimation

__all__ = ["Coach", "CoachedScenario", "PhaseLike"]


class PhaseLike(Protocol):
    """What the coach reads from a phase (``content.scenario.Phase`` with the coaching fields)."""

    @property
    def id(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def key_points(self) -> Sequence[KeyPoint]: ...

    @property
    def curveballs(self) -> Sequence[Curveball]: ...


class CoachedScenario(Protocol):
    """What the coach reads from a scenario (``content.scenario.Scenario`` with the coaching fields)."""

    @property
    def id(self) -> str: ...

    @property
    def phases(self) -> Sequence[PhaseLike]: ...

    @property
    def architecture(self) -> Architecture | None: ...

    @property
    def estimation(self) -> Estimation | None: ...


_WORD_RE = re.compile(r"[^\W\d_]+")


class Coach:
    """A scenario's key points, architecture and figures, compiled against one vocabulary.

    ``known_words``: real words never to be read as typos, besides the words of the
    coaching texts themselves (point texts, probes, curveball announcements) and
    ``coach.words.NOT_TYPOS``; pass the words of the reference text for more.
    """

    def __init__(self, scenario: CoachedScenario, *, known_words: Iterable[str] = ()) -> None:
        self.scenario = scenario
        self.phases: tuple[PhaseLike, ...] = tuple(scenario.phases)
        texts: list[str] = list(known_words)
        points: dict[str, KeyPoint] = {}
        for phase in self.phases:
            for kp in _phase_points(phase):
                points[kp.id] = kp
                texts += [kp.text, kp.probe or "", kp.deeper or ""]
            texts += [cb.announce for cb in phase.curveballs]
        self._key_points = points
        words = {w.lower() for t in texts for w in _WORD_RE.findall(t)}
        self.vocab = Vocabulary(known_words=frozenset(words))
        self.points = PointMatcher(
            self.vocab,
            [
                item
                for phase in self.phases
                for item in [
                    *((phase.id, kp, None) for kp in phase.key_points),
                    *((phase.id, kp, cb.id) for cb in phase.curveballs for kp in cb.key_points),
                ]
            ],
        )
        aliases: dict[str, list[str]] = {}
        for kp in points.values():
            if kp.figure is not None and kp.figure.name is not None:
                aliases.setdefault(kp.figure.name, []).extend(kp.terms)
        estimation = scenario.estimation
        self.figures: FigureMatcher | None = None if estimation is None else FigureMatcher(self.vocab, estimation, aliases)
        architecture = scenario.architecture
        self.diagram: DiagramMatcher | None = None if architecture is None else DiagramMatcher(self.vocab, architecture)
        self._value_figures = FigureMatcher(self.vocab, None) if self.figures is None else self.figures

    def clear_caches(self) -> None:
        """Forget everything worked out about notes so far (for benchmarks of a cold start)."""
        self.vocab.clear_caches()
        self._value_figures.clear_caches()

    # Lookups ---------------------------------------------------------------------------
    def phase(self, phase_id: str) -> PhaseLike:
        for p in self.phases:
            if p.id == phase_id:
                return p
        raise KeyError(phase_id)

    def key_point(self, point_id: str) -> KeyPoint:
        return self._key_points[point_id]

    # Checking --------------------------------------------------------------------------
    def check_phase(
        self,
        phase_id: str,
        notes: str | Lines,
        *,
        curveballs: Collection[str] | None = None,
        figures: FigureCheck | None = None,
        first: FirstLines | None = None,
    ) -> Checklist:
        """The checklist of ``phase_id``'s key points against ``notes``.

        ``curveballs``: the ids of the phase's curveballs whose points to include (the
        ones announced); None includes them all. A string is numbered from line 1.
        ``figures`` (:meth:`check_figures`) and ``first`` (``self.points.first_lines``)
        of the same notes may be passed to save working them out again.
        """
        self.phase(phase_id)  # KeyError for an unknown phase
        lines = numbered(notes)
        finder = None
        if any(kp.figure is not None for kp in self.points.points(phase_id)):
            if figures is None:
                figures = self.check_figures(lines)
            finder = self._value_figures.finder(figures)
        return self.points.check(phase_id, lines, figures=finder, curveballs=curveballs, first=first)

    def check_phases(self, notes: str | Lines, *, figures: FigureCheck | None = None) -> dict[str, Checklist]:
        """Every phase's checklist against the same notes (all curveballs included)."""
        lines = numbered(notes)
        first = self.points.first_lines(lines)
        if figures is None:
            figures = self.check_figures(lines)
        return {p.id: self.check_phase(p.id, lines, figures=figures, first=first) for p in self.phases}

    def count(self, phase_id: str, notes: str | Lines, *, curveballs: Collection[str] | None = None) -> tuple[int, int]:
        """The room's live count: (points detected, points) for ``phase_id``."""
        checklist = self.check_phase(phase_id, notes, curveballs=curveballs)
        return checklist.detected, checklist.total

    def check_diagram(self, notes: str | Lines) -> DiagramCheck | None:
        """The diagrams in ``notes`` against the reference architecture (None without one)."""
        return None if self.diagram is None else self.diagram.check(numbered(notes))

    def check_figures(self, notes: str | Lines) -> FigureCheck | None:
        """The estimation figures stated in ``notes`` (None without an estimation)."""
        return None if self.figures is None else self.figures.check(numbered(notes))


def _phase_points(phase: PhaseLike) -> list[KeyPoint]:
    return [*phase.key_points, *(kp for cb in phase.curveballs for kp in cb.key_points)]
