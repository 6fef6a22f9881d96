"""What the interviewer says during a phase, and when.

Three kinds of cue, each at a fraction of the phase's planned time (a +2 min extension
does not move them):

* a **fixed probe** (``probes: - at: 0.4``) is asked when its time comes;
* a **key point's probe** (``key_points: - probe: ... ask_after: 0.5``) is adaptive:
  when its time comes the notes are checked, and the probe is asked only if the point
  is still missing; if it is covered, its ``deeper`` follow-up is asked instead, or
  nothing. A fixed probe with the same question as a key point's probe is that
  point's probe (asked adaptively, once);
* a **curveball** (``curveballs: - at: 0.6``) is announced when its time comes.

A hint (^G) brings the next probe forward (a fixed one, or the probe of a point still
missing, whichever was due first); when none is left it gives the next of the phase's
``covers``, one at a time. Pure: the caller passes the phase's fraction done, read
from its clock, and a way to learn which points the notes cover.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the pydantic models load only where a scenario is read
    from mockinterview.content.scenario import Phase

#: probe: a question (fixed, or a key point's); deeper: a covered point's follow-up;
#: curveball: a requirement change; hint: a point to cover (^G with no probe left).
CueKind = Literal["probe", "deeper", "curveball", "hint"]

#: Which key points the notes cover now (called only when a key point's time comes).
Covered = Callable[[], Collection[str]]


@dataclass(frozen=True)
class Cue:
    """One thing the interviewer says. ``ref`` is the key point's or the curveball's id
    for the adaptive cues (None for a fixed probe and a hint)."""

    kind: CueKind
    text: str
    ref: str | None = None
    derived: bool = False  # the question is the coach's own, not the source interview's


@dataclass(frozen=True)
class PointProbe:
    """A key point the interviewer follows: ``probe`` if it is missing at ``at``, else ``deeper``."""

    at: float
    point: str
    probe: str | None
    deeper: str | None
    derived: bool = False  # the probe is the coach's own (a deeper follow-up is never marked)


@dataclass(frozen=True)
class CurveballCue:
    at: float
    id: str
    announce: str
    derived: bool = False


@dataclass(frozen=True)
class _Pending:
    at: float
    order: int  # ties: fixed probes, then key points, then curveballs, each in file order
    fixed: str | None = None
    fixed_derived: bool = False
    point: PointProbe | None = None
    curveball: CurveballCue | None = None


class Schedule:
    """The probes still to ask, the curveballs still to announce and the hints still to give in one phase."""

    def __init__(
        self,
        probes: Iterable[tuple[float, str] | tuple[float, str, bool]],
        hints: Sequence[str],
        *,
        points: Iterable[PointProbe] = (),
        curveballs: Iterable[CurveballCue] = (),
        done_fraction: float = 0.0,
        hints_used: int = 0,
        asked_early: Iterable[str] = (),
        decided: Iterable[str] = (),
    ) -> None:
        """``probes`` are (fraction of the phase, question). On a resume, ``done_fraction``
        is how far the phase had gone: cues due by then count as given already, and so do
        ``asked_early`` (probe questions a ^G brought forward) and ``decided`` (the ids of
        key points and curveballs the interviewer already acted on); ``hints_used`` hints
        are not given again."""
        fixed = sorted((p[0], p[1], bool(p[2]) if len(p) > 2 else False) for p in probes)
        fixed_derived = {q: d for _, q, d in fixed}
        # A fixed probe tied to a key point lends the point's probe its own mark.
        point_list = [
            PointProbe(p.at, p.point, p.probe, p.deeper, fixed_derived.get(p.probe, p.derived) if p.probe else p.derived)
            for p in points
            if p.probe or p.deeper
        ]
        tied = {p.probe for p in point_list if p.probe}
        early = set(asked_early)
        done = set(decided)
        items: list[_Pending] = []
        for n, (at, q, d) in enumerate(fixed):
            if q not in tied:
                items.append(_Pending(at, n, fixed=q, fixed_derived=d))
        items += [_Pending(p.at, 1000 + n, point=p) for n, p in enumerate(point_list)]
        items += [_Pending(c.at, 2000 + n, curveball=c) for n, c in enumerate(curveballs)]
        items.sort(key=lambda i: (i.at, i.order))
        #: The fixed probes asked so far (on time or brought forward), oldest first.
        self.asked: list[str] = []
        self._pending: list[_Pending] = []
        for item in items:
            if item.fixed is not None and (item.at <= done_fraction or item.fixed in early):
                self.asked.append(item.fixed)
            elif not (item.at <= done_fraction or _acted_on(item, done, early)):
                self._pending.append(item)
        self._hints: list[str] = list(hints[hints_used:])
        self.hints_used = hints_used

    @classmethod
    def for_phase(
        cls,
        phase: Phase,
        *,
        done_fraction: float = 0.0,
        hints_used: int = 0,
        asked_early: Iterable[str] = (),
        decided: Iterable[str] = (),
    ) -> Schedule:
        return cls(
            ((p.at, p.question, p.derived) for p in phase.probes),
            phase.covers,
            points=(PointProbe(kp.ask_after, kp.id, kp.probe, kp.deeper, kp.derived) for kp in phase.key_points),
            curveballs=(CurveballCue(cb.at, cb.id, cb.announce, cb.derived) for cb in phase.curveballs),
            done_fraction=done_fraction,
            hints_used=hints_used,
            asked_early=asked_early,
            decided=decided,
        )

    def next_at(self) -> float | None:
        """The fraction of the phase at which the next cue comes (None: none left)."""
        return self._pending[0].at if self._pending else None

    @property
    def pending(self) -> tuple[tuple[float, str], ...]:
        """The fixed probes and key point probes not asked yet, in the order they may come."""
        out: list[tuple[float, str]] = []
        for item in self._pending:
            if item.fixed is not None:
                out.append((item.at, item.fixed))
            elif item.point is not None and item.point.probe:
                out.append((item.at, item.point.probe))
        return tuple(out)

    def due(self, fraction: float, covered: Covered | None = None) -> list[Cue]:
        """The cues whose time has come at ``fraction`` of the phase; each is given once.

        ``covered`` is asked (once) when a key point's time has come; without it every
        point counts as missing.
        """
        out: list[Cue] = []
        known: Collection[str] | None = None
        while self._pending and fraction >= self._pending[0].at:
            item = self._pending.pop(0)
            if item.fixed is not None:
                self.asked.append(item.fixed)
                out.append(Cue("probe", item.fixed, derived=item.fixed_derived))
            elif item.curveball is not None:
                cb = item.curveball
                out.append(Cue("curveball", cb.announce, cb.id, cb.derived))
            elif item.point is not None:
                if known is None:
                    known = covered() if covered is not None else ()
                cue = _point_cue(item.point, item.point.point in known)
                if cue is not None:
                    out.append(cue)
        return out

    def hint(self, covered: Covered | None = None) -> Cue | None:
        """^G: the next probe, early (a fixed one, or a missing point's; a covered point's
        probe is not a hint and waits for its time); else the next point to cover; None
        when nothing is left."""
        known: Collection[str] | None = None
        for n, item in enumerate(self._pending):
            if item.fixed is not None:
                del self._pending[n]
                self.asked.append(item.fixed)
                return Cue("probe", item.fixed, derived=item.fixed_derived)
            if item.point is not None and item.point.probe:
                if known is None:
                    known = covered() if covered is not None else ()
                if item.point.point not in known:
                    del self._pending[n]
                    return Cue("probe", item.point.probe, item.point.point, item.point.derived)
        if self._hints:
            self.hints_used += 1
            return Cue("hint", self._hints.pop(0))
        return None


def question_marks(phase: Phase) -> dict[str, bool]:
    """What the interviewer may say in ``phase`` -> whether it is the coach's own words
    (the derived mark), as the schedule marks it: a fixed probe's own flag, a key
    point's probe its point's unless a fixed probe asks the same, a curveball's own.
    Deeper follow-ups are not listed (never marked)."""
    marks = {p.question: p.derived for p in phase.probes}
    for kp in phase.key_points:
        if kp.probe and kp.probe not in marks:
            marks[kp.probe] = kp.derived
    for cb in phase.curveballs:
        marks[cb.announce] = cb.derived
    return marks


def _acted_on(item: _Pending, decided: Collection[str], early: Collection[str]) -> bool:
    """A resumed phase: the interviewer already acted on this key point or curveball."""
    if item.point is not None:
        return item.point.point in decided or item.point.probe in early
    return item.curveball is not None and item.curveball.id in decided


def _point_cue(point: PointProbe, is_covered: bool) -> Cue | None:
    if is_covered:
        return Cue("deeper", point.deeper, point.point) if point.deeper else None
    return Cue("probe", point.probe, point.point, point.derived) if point.probe else None
