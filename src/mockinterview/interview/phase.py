"""One phase while it runs: its clock, its schedule, the bell at 0:00 and ``--strict``.

The screen calls :meth:`LivePhase.tick` from its event loop and shows what it
returns; :meth:`LivePhase.next_event_in` says how long it may sleep before the next
probe or 0:00 is due, so a fast ``--speed`` is as exact as a slow one. The keys call
:meth:`toggle_pause`, :meth:`extend` and :meth:`hint`. :attr:`LivePhase.said` is what
the interviewer has said in this phase so far (the screen's interviewer pane).
Nothing here draws or waits, so tests drive it with a fake clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Literal

from mockinterview.interview.clock import PhaseClock, TimeSource
from mockinterview.interview.schedule import Cue, Schedule
from mockinterview.interview.session import Asked, HintKind, HintUse, PhaseRecord

EXTENSION_SECONDS = 120.0  # what one ^T adds
EndedBy = Literal["done", "time_up"]
SaidKind = Literal["opening", "prompt", "probe", "hint", "curveball"]
#: notes -> the ids of the phase's key points they cover (the coach's, for adaptive probes)
Coverage = Callable[[str], Collection[str]]


@dataclass(frozen=True)
class Said:
    """One thing the interviewer said in this phase: the scenario's opening (first phase),
    a prompt that opens the phase, a probe (on time, brought forward by ^G, or a key
    point's probe or deeper follow-up), a hint, a curveball (a requirement change)."""

    kind: SaidKind
    text: str
    asked_by_hint: bool = False  # a probe ^G brought forward
    derived: bool = False  # the coach's own words, not the source interview's (the † mark)


@dataclass(frozen=True)
class Tick:
    """What became due since the last tick."""

    probes: tuple[str, ...] = ()  # questions to show, in order
    said: tuple[Said, ...] = ()  # everything the interviewer just said (questions and curveballs), in order
    bell: bool = False  # the phase just reached 0:00: ring once
    time_up: bool = False  # ... and --strict ends it now


class LivePhase:
    def __init__(
        self,
        record: PhaseRecord,
        schedule: Schedule,
        *,
        speed: float = 1.0,
        strict: bool = False,
        time_source: TimeSource = time.monotonic,
        said: list[Said] | None = None,
        coverage: Coverage | None = None,
    ) -> None:
        self.record = record
        self.schedule = schedule
        self.strict = strict
        self.clock = PhaseClock(
            record.planned_seconds,
            used_seconds=record.used_seconds,
            extra_seconds=record.extra_seconds,
            speed=speed,
            time_source=time_source,
        )
        self.notes = record.notes  # the latest text the screen reported
        self.ended_by: EndedBy = "done"
        #: What the interviewer has said in this phase, oldest first.
        self.said: list[Said] = list(said or [])
        self._bell_rung = self.clock.remaining <= 0  # a resumed phase already in overtime rang before
        self._coverage = coverage

    @property
    def title(self) -> str:
        return self.record.title

    # Keys --------------------------------------------------------------------------
    def start(self) -> None:
        self.clock.start()

    def toggle_pause(self) -> bool:
        """^P; returns True when now paused. Paused time is not counted and no probe comes."""
        return self.clock.toggle_pause()

    def extend(self, seconds: float = EXTENSION_SECONDS) -> None:
        """^T: more time for this phase; the bell rings again at the new 0:00."""
        self.clock.extend(seconds)
        self._bell_rung = self.clock.remaining <= 0

    def covered(self) -> Collection[str]:
        """The key points the latest notes cover (none without a coach)."""
        return () if self._coverage is None else self._coverage(self.notes)

    def hint(self, notes: str | None = None) -> Cue | None:
        """^G: see :meth:`Schedule.hint`. What it gives is kept on the phase's record
        (:attr:`PhaseRecord.hints`, with the time) and in :attr:`said`. ``notes``: the
        notes as they are now (else the last ones reported)."""
        if notes is not None:
            self.notes = notes
        cue = self.schedule.hint(self.covered)
        if cue is not None:
            kind: HintKind = "probe" if cue.kind == "probe" else "hint"
            at = round(self.clock.elapsed, 1)
            self.record.hints.append(HintUse(at, kind, cue.text))
            if cue.ref is not None:  # a key point's probe, brought forward: the point was asked about
                self.record.asked.append(Asked(at, "probe", cue.ref, cue.text))
            self.said.append(Said(kind, cue.text, asked_by_hint=kind == "probe", derived=cue.derived))
        return cue

    # The event loop ----------------------------------------------------------------
    def tick(self, notes: str | None = None) -> Tick:
        """What became due. ``notes``: the notes as they are now (else the last ones
        reported), read only when a key point's probe is due. A key point's probe, its
        deeper follow-up and a curveball are kept on the record (:attr:`PhaseRecord.asked`)."""
        if notes is not None:
            self.notes = notes
        clock = self.clock
        cues = self.schedule.due(clock.fraction, self.covered) if clock.running else []
        said: list[Said] = []
        for cue in cues:
            said.append(Said("curveball" if cue.kind == "curveball" else "probe", cue.text, derived=cue.derived))
            if cue.ref is not None and cue.kind != "hint":
                self.record.asked.append(Asked(round(clock.elapsed, 1), cue.kind, cue.ref, cue.text))
        self.said.extend(said)
        probes = tuple(s.text for s in said if s.kind == "probe")
        bell = time_up = False
        if clock.remaining <= 0 and not self._bell_rung:
            self._bell_rung = bell = True
            if self.strict:
                self.ended_by, time_up = "time_up", True
                clock.stop(at_most=clock.allowed)  # 0:00 exactly, however late this tick came
        return Tick(probes, tuple(said), bell, time_up)

    def next_event_in(self) -> float | None:
        """Wall seconds until the next probe or 0:00 is due (None while paused or when
        nothing is left): how long the screen may wait before its next :meth:`tick`."""
        clock = self.clock
        waits: list[float] = []
        at = self.schedule.next_at()
        if at is not None:
            wait = clock.wall_seconds_until(at * clock.planned)
            if wait is not None:
                waits.append(wait)
        if not self._bell_rung:
            wait = clock.wall_seconds_until(clock.allowed)
            if wait is not None:
                waits.append(wait)
        return min(waits) if waits else None

    def snapshot(self, notes: str) -> PhaseRecord:
        """Copy the notes and the clock's readings onto the phase's record (to be saved)."""
        self.notes = notes
        rec = self.record
        rec.notes, rec.used_seconds, rec.extra_seconds = notes, self.clock.elapsed, self.clock.extra
        return rec
