"""The phase clock: interview time with pause, extension, overtime and speed.

Elapsed time is ``banked + (now - segment_start) * speed``: computed from the
time source on every read, never by adding up ticks, so it cannot drift however
often the display refreshes. The time source is injectable (tests use a fake).
"""

from __future__ import annotations

import time
from collections.abc import Callable

TimeSource = Callable[[], float]


class PhaseClock:
    def __init__(
        self,
        planned_seconds: float,
        *,
        used_seconds: float = 0.0,
        extra_seconds: float = 0.0,
        speed: float = 1.0,
        time_source: TimeSource = time.monotonic,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.planned = planned_seconds
        self.extra = extra_seconds
        self.speed = speed
        self._now = time_source
        self._banked = used_seconds  # interview seconds from earlier running segments
        self._segment_start: float | None = None  # wall time the current segment began
        self._started = False

    # State -------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._segment_start is not None

    @property
    def paused(self) -> bool:
        return self._started and not self.running

    def start(self) -> None:
        if not self.running:
            self._segment_start = self._now()
            self._started = True

    def pause(self) -> None:
        if self._segment_start is not None:
            self._banked += (self._now() - self._segment_start) * self.speed
            self._segment_start = None

    def resume(self) -> None:
        self.start()

    def toggle_pause(self) -> bool:
        """Pause if running, resume if paused; returns True when now paused."""
        if self.running:
            self.pause()
            return True
        self.resume()
        return False

    def extend(self, seconds: float) -> None:
        self.extra += seconds

    def stop(self, *, at_most: float | None = None) -> float:
        """Pause for good; ``at_most`` caps the time counted (``--strict`` ends at 0:00
        exactly, however late the screen noticed). Returns the time counted."""
        self.pause()
        if at_most is not None:
            self._banked = min(self._banked, at_most)
        return self._banked

    def wall_seconds_until(self, elapsed: float) -> float | None:
        """Wall-clock seconds until the clock reads ``elapsed`` (None while it is stopped)."""
        if not self.running:
            return None
        return max(0.0, (elapsed - self.elapsed) / self.speed)

    # Readings ----------------------------------------------------------------------
    @property
    def elapsed(self) -> float:
        if self._segment_start is None:
            return self._banked
        return self._banked + (self._now() - self._segment_start) * self.speed

    @property
    def allowed(self) -> float:
        return self.planned + self.extra

    @property
    def remaining(self) -> float:
        """Seconds left in the phase; negative once in overtime."""
        return self.allowed - self.elapsed

    @property
    def overtime(self) -> float:
        return max(0.0, -self.remaining)

    @property
    def fraction(self) -> float:
        return self.elapsed / self.planned if self.planned else 1.0


def mmss(seconds: float) -> str:
    """``12:05``; negative values are shown as overtime by the caller."""
    s = int(abs(seconds) + 0.5) if seconds < 0 else int(seconds)
    return f"{s // 60}:{s % 60:02d}"
