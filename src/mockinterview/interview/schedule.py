"""What the interviewer says during a phase, and when.

Probes come at a fraction of the phase's planned time (``at: 0.4`` = 40% in; a +2 min
extension does not move them). A hint (^G) brings the next probe forward; when none
is left it gives the next of the phase's ``covers``, one at a time. Pure: the caller
passes the phase's fraction done, read from its clock.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the pydantic models load only where a scenario is read
    from mockinterview.content.scenario import Phase

CueKind = Literal["probe", "hint"]


@dataclass(frozen=True)
class Cue:
    """One thing the interviewer says: a probe (a question) or a hint (a point to cover)."""

    kind: CueKind
    text: str


class Schedule:
    """The probes still to ask and the hints still to give in one phase."""

    def __init__(
        self,
        probes: Iterable[tuple[float, str]],
        hints: Sequence[str],
        *,
        done_fraction: float = 0.0,
        hints_used: int = 0,
        asked_early: Iterable[str] = (),
    ) -> None:
        """``probes`` are (fraction of the phase, question). On a resume, ``done_fraction``
        is how far the phase had gone: probes due by then count as asked already, and so
        do ``asked_early`` (probes a ^G brought forward); ``hints_used`` hints are not
        given again."""
        ordered = sorted(probes)
        early = set(asked_early)
        self.asked: list[str] = [q for at, q in ordered if at <= done_fraction or q in early]
        self._pending: deque[tuple[float, str]] = deque(
            (at, q) for at, q in ordered if at > done_fraction and q not in early
        )
        self._hints: deque[str] = deque(hints[hints_used:])
        self.hints_used = hints_used

    @classmethod
    def for_phase(
        cls, phase: Phase, *, done_fraction: float = 0.0, hints_used: int = 0, asked_early: Iterable[str] = ()
    ) -> Schedule:
        return cls(
            ((p.at, p.question) for p in phase.probes),
            phase.covers,
            done_fraction=done_fraction,
            hints_used=hints_used,
            asked_early=asked_early,
        )

    def next_at(self) -> float | None:
        """The fraction of the phase at which the next probe comes (None: no probe left)."""
        return self._pending[0][0] if self._pending else None

    @property
    def pending(self) -> tuple[tuple[float, str], ...]:
        """The probes not asked yet, in the order they will come."""
        return tuple(self._pending)

    def due(self, fraction: float) -> list[str]:
        """The probes whose time has come at ``fraction`` of the phase; each is given once."""
        out: list[str] = []
        while self._pending and fraction >= self._pending[0][0]:
            out.append(self._ask())
        return out

    def hint(self) -> Cue | None:
        """^G: the next probe, early; else the next point to cover; None when nothing is left."""
        if self._pending:
            return Cue("probe", self._ask())
        if self._hints:
            self.hints_used += 1
            return Cue("hint", self._hints.popleft())
        return None

    def _ask(self) -> str:
        _, question = self._pending.popleft()
        self.asked.append(question)
        return question
