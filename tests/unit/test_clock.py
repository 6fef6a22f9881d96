"""The phase clock, driven by a fake time source."""

from __future__ import annotations

import pytest

from mockinterview.interview.clock import PhaseClock, mmss


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def t() -> FakeTime:
    return FakeTime()


def test_counts_down_and_into_overtime(t: FakeTime) -> None:
    c = PhaseClock(300, time_source=t)
    c.start()
    t.advance(120)
    assert c.elapsed == 120 and c.remaining == 180 and c.overtime == 0
    t.advance(200)
    assert c.remaining == -20 and c.overtime == 20


def test_paused_time_is_not_counted(t: FakeTime) -> None:
    c = PhaseClock(300, time_source=t)
    c.start()
    t.advance(60)
    assert c.toggle_pause() is True and c.paused
    t.advance(500)
    assert c.elapsed == 60
    assert c.toggle_pause() is False and c.running
    t.advance(30)
    assert c.elapsed == 90


def test_extend_adds_allowed_time_not_elapsed(t: FakeTime) -> None:
    c = PhaseClock(300, time_source=t)
    c.start()
    t.advance(310)
    assert c.overtime == 10
    c.extend(120)
    assert c.overtime == 0 and c.remaining == 110 and c.extra == 120


def test_speed_runs_interview_time_faster(t: FakeTime) -> None:
    c = PhaseClock(600, speed=30, time_source=t)
    c.start()
    t.advance(10)  # ten wall seconds at 30x
    assert c.elapsed == 300 and c.remaining == 300


def test_resume_from_saved_state(t: FakeTime) -> None:
    c = PhaseClock(600, used_seconds=250, extra_seconds=120, time_source=t)
    assert c.elapsed == 250 and c.remaining == 470
    c.start()
    t.advance(50)
    assert c.stop() == 300


def test_no_drift_over_a_simulated_60_minute_interview(t: FakeTime) -> None:
    """Refreshing every ~0.5 s with jitter for an hour, with pauses, stays exact."""
    import random

    rng = random.Random(7)
    c = PhaseClock(3600, time_source=t)
    c.start()
    expected = 0.0
    while expected < 3600:
        step = 0.5 + rng.uniform(-0.05, 0.05)
        if rng.random() < 0.01:  # an occasional pause, not counted
            c.pause()
            t.advance(rng.uniform(1, 30))
            c.resume()
        t.advance(step)
        expected += step
        _ = c.remaining  # the display reads the clock
    assert abs(c.elapsed - expected) < 0.1


def test_mmss() -> None:
    assert mmss(0) == "0:00"
    assert mmss(65.9) == "1:05"
    assert mmss(3600) == "60:00"
    assert mmss(-61) == "1:01"


def test_speed_must_be_positive() -> None:
    with pytest.raises(ValueError):
        PhaseClock(10, speed=0)
