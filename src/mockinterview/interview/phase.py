"""One phase while it runs: its clock, its schedule, the bell at 0:00 and ``--strict``.

The screen calls :meth:`LivePhase.tick` from its event loop (every half second or
so) and shows what it returns; the keys call :meth:`toggle_pause`, :meth:`extend`
and :meth:`hint`. Nothing here draws or waits, so tests drive it with a fake clock.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

from mockinterview.interview.clock import PhaseClock, TimeSource
from mockinterview.interview.schedule import Cue, Schedule
from mockinterview.interview.session import PhaseRecord

EXTENSION_SECONDS = 120.0  # what one ^T adds
EndedBy = Literal["done", "time_up"]


@dataclass(frozen=True)
class Tick:
    """What became due since the last tick."""

    probes: tuple[str, ...] = ()  # questions to show, in order
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
        self._bell_rung = False

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

    def hint(self) -> Cue | None:
        """^G: see :meth:`Schedule.hint`."""
        return self.schedule.hint()

    # The event loop ----------------------------------------------------------------
    def tick(self) -> Tick:
        clock = self.clock
        probes = tuple(self.schedule.due(clock.fraction)) if clock.running else ()
        bell = time_up = False
        if clock.remaining <= 0 and not self._bell_rung:
            self._bell_rung = bell = True
            if self.strict:
                self.ended_by, time_up = "time_up", True
        return Tick(probes, bell, time_up)

    def snapshot(self, notes: str) -> PhaseRecord:
        """Copy the notes and the clock's readings onto the phase's record (to be saved)."""
        self.notes = notes
        rec = self.record
        rec.notes, rec.used_seconds, rec.extra_seconds = notes, self.clock.elapsed, self.clock.extra
        return rec
