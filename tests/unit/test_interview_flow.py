"""The interview's state in the core: schedule, live phase, autosave and transitions,
driven by a fake clock and a store that records what it is asked to write."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from mockinterview.content.catalogue import Catalogue
from mockinterview.content.scenario import Scenario
from mockinterview.interview.autosave import Autosave
from mockinterview.interview.flow import Interview, fraction_used, phase_of, scale_for
from mockinterview.interview.phase import LivePhase
from mockinterview.interview.schedule import Cue, Schedule
from mockinterview.interview.session import EstimateAnswer, PhaseRecord, Session

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class RecordingStore:
    """Every write, as (call, what was written at that moment)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        self.fail_next = 0

    def create(self, session: Session) -> None:
        self.calls.append(("create", session.id))

    def update_session(self, session: Session) -> None:
        self.calls.append(("update_session", (session.state, session.current_phase, [p.status for p in session.phases])))

    def save_phase(self, session_id: str, phase: PhaseRecord) -> None:
        if self.fail_next:
            self.fail_next -= 1
            raise OSError("disk full")
        self.calls.append(("save_phase", (phase.index, phase.notes, phase.used_seconds, phase.extra_seconds)))

    def save_estimates(self, session_id: str, answers: Sequence[EstimateAnswer]) -> None:
        self.calls.append(("save_estimates", [a.figure for a in answers]))

    def delete(self, session_id: str) -> None:
        self.calls.append(("delete", session_id))

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


@pytest.fixture(scope="module")
def url_shortener() -> Scenario:
    return Catalogue().get("url-shortener")  # 45 min: 5 + 7 + 10 + 8 + 10 + 5; probes at 0.4 and 0.8 in phase 1


@pytest.fixture
def t() -> FakeTime:
    return FakeTime()


def new_interview(
    scenario: Scenario,
    t: FakeTime,
    store: RecordingStore | None = None,
    *,
    speed: float = 1.0,
    strict: bool = False,
    minutes: float | None = None,
    peek: bool = True,
) -> Interview:
    return Interview.begin(
        store or RecordingStore(), scenario, speed=speed, strict=strict, minutes=minutes, peek=peek,
        time_source=t, wall_clock=lambda: T0,
    )


# Schedule --------------------------------------------------------------------------


def test_probes_come_at_their_fraction_once_each_in_order() -> None:
    s = Schedule([(0.8, "second"), (0.4, "first")], ["a point"])
    assert s.due(0.39) == []
    assert s.due(0.4) == [Cue("probe", "first")]
    assert s.due(0.5) == []
    assert s.due(2.0) == [Cue("probe", "second")]
    assert s.asked == ["first", "second"] and s.pending == ()


def test_a_hint_brings_the_next_probe_forward_then_gives_the_points_to_cover() -> None:
    s = Schedule([(0.4, "probe one")], ["cover A", "cover B"])
    assert s.hint() == Cue("probe", "probe one")
    assert s.due(1.0) == []  # asked early: not asked again
    assert s.hint() == Cue("hint", "cover A")
    assert s.hint() == Cue("hint", "cover B")
    assert s.hint() is None  # nothing left
    assert s.hints_used == 2


def test_on_resume_probes_already_due_count_as_asked_and_used_hints_are_not_repeated() -> None:
    s = Schedule([(0.2, "early"), (0.6, "late")], ["A", "B"], done_fraction=0.5, hints_used=1)
    assert s.asked == ["early"] and s.pending == ((0.6, "late"),)
    assert s.due(0.55) == []
    assert s.hint() == Cue("probe", "late")
    assert s.hint() == Cue("hint", "B")


def test_schedule_for_a_scenario_phase(url_shortener: Scenario) -> None:
    phase = url_shortener.phases[0]
    s = Schedule.for_phase(phase)
    tied = {kp.probe for kp in phase.key_points if kp.probe}
    fixed = [(p.at, p.question) for p in phase.probes if p.question not in tied]
    points = [(kp.ask_after, kp.probe) for kp in phase.key_points if kp.probe]
    assert list(s.pending) == sorted(fixed + points, key=lambda pair: pair[0])


# LivePhase -------------------------------------------------------------------------


def live_phase(t: FakeTime, *, planned: float = 300, strict: bool = False, speed: float = 1.0) -> LivePhase:
    rec = PhaseRecord(index=0, phase_id="p", kind="requirements", title="Reqs", planned_seconds=planned)
    return LivePhase(rec, Schedule([(0.5, "halfway?")], ["cover it"]), strict=strict, speed=speed, time_source=t)


def test_tick_gives_the_probe_when_due_and_rings_the_bell_once_at_zero(t: FakeTime) -> None:
    live = live_phase(t)
    live.start()
    t.advance(149)
    assert live.tick().probes == ()
    t.advance(1)
    assert live.tick().probes == ("halfway?",)
    t.advance(150)
    first = live.tick()
    assert first.bell and not first.time_up and live.ended_by == "done"  # overtime counts on
    t.advance(30)
    assert not live.tick().bell


def test_no_probe_while_paused_and_paused_time_is_not_counted(t: FakeTime) -> None:
    live = live_phase(t)
    live.start()
    t.advance(100)
    assert live.toggle_pause() is True
    t.advance(1000)
    assert live.tick().probes == () and live.clock.elapsed == 100
    assert live.toggle_pause() is False
    t.advance(50)
    assert live.tick().probes == ("halfway?",)


def test_extension_moves_the_bell_but_not_the_probes(t: FakeTime) -> None:
    live = live_phase(t)
    live.start()
    t.advance(300)
    assert live.tick().bell
    live.extend()  # +2 min: 0:00 is two minutes away again
    assert live.clock.remaining == 120 and live.clock.extra == 120
    t.advance(119)
    assert not live.tick().bell
    t.advance(1)
    assert live.tick().bell


def test_extension_in_deep_overtime_does_not_ring_again(t: FakeTime) -> None:
    live = live_phase(t)
    live.start()
    t.advance(600)
    assert live.tick().bell
    live.extend()  # still 3 minutes over
    assert not live.tick().bell


def test_strict_ends_the_phase_at_zero_at_any_speed(t: FakeTime) -> None:
    live = live_phase(t, strict=True, speed=1000)
    live.start()
    t.advance(5)  # 5000 s of interview time in one tick
    tick = live.tick()
    assert tick.bell and tick.time_up and live.ended_by == "time_up"


def test_snapshot_copies_notes_and_clock_onto_the_record(t: FakeTime) -> None:
    live = live_phase(t)
    live.start()
    t.advance(42)
    live.extend()
    rec = live.snapshot("my notes")
    assert (rec.notes, rec.used_seconds, rec.extra_seconds) == ("my notes", 42, 120)
    assert live.notes == "my notes"


# Autosave --------------------------------------------------------------------------


def test_autosave_every_three_seconds_while_the_text_changes_and_every_ten_anyway(t: FakeTime) -> None:
    store = RecordingStore()
    live = live_phase(t)
    live.start()
    saver = Autosave(store, "s1", live, time_source=t)
    t.advance(2)
    assert not saver.poll("typing")  # changed, but too soon
    t.advance(1)
    assert saver.poll("typing")
    t.advance(5)
    assert not saver.poll("typing")  # unchanged: waits for the ten-second save
    t.advance(5)
    assert saver.poll("typing")
    assert store.calls == [("save_phase", (0, "typing", 3, 0)), ("save_phase", (0, "typing", 13, 0))]


def test_a_failed_autosave_is_retried_at_the_next_poll(t: FakeTime) -> None:
    store = RecordingStore()
    live = live_phase(t)
    live.start()
    saver = Autosave(store, "s1", live, time_source=t)
    t.advance(3)
    store.fail_next = 1
    with pytest.raises(OSError):
        saver.poll("text")
    assert saver.due("text")  # still due: nothing was marked saved
    assert saver.poll("text")
    assert store.calls == [("save_phase", (0, "text", 3, 0))]


# Interview -------------------------------------------------------------------------


def test_a_whole_interview_saves_every_transition(url_shortener: Scenario, t: FakeTime) -> None:
    store = RecordingStore()
    interview = new_interview(url_shortener, t, store, speed=2.0, strict=True, minutes=None, peek=False)
    session = interview.session
    assert store.calls == [("create", session.id)]
    assert session.settings == {"speed": 2.0, "strict": True, "minutes": None, "peek": False}
    assert (interview.speed, interview.strict, interview.peek) == (2.0, True, False)

    for rec in interview.phases_to_run():
        live = interview.start_phase(rec)
        assert rec.status == "active" and rec.started_at == T0 and session.current_phase == rec.index
        assert interview.position == (rec.index + 1, 6)
        live.start()
        t.advance(10)  # 20 s of interview time at 2x
        done = interview.end_phase(live, f"notes {rec.index}")
        assert done is rec and rec.status == "done" and rec.ended_at == T0 and rec.used_seconds == 20
    interview.finish()

    assert session.finished and session.ended_at == T0 and session.current_phase == 6
    assert [p.notes for p in session.phases] == [f"notes {i}" for i in range(6)]
    assert store.names() == ["create"] + ["update_session", "update_session"] * 6 + ["update_session"]
    assert store.calls[-1] == ("update_session", ("finished", 6, ["done"] * 6))


def test_minutes_rescale_every_phase(url_shortener: Scenario, t: FakeTime) -> None:
    assert scale_for(url_shortener, None) == 1.0
    interview = new_interview(url_shortener, t, minutes=90)
    assert [p.planned_seconds for p in interview.session.phases] == [m * 120 for m in (5, 7, 10, 8, 10, 5)]
    assert interview.session.planned_minutes == 90


def test_interrupt_pauses_the_clock_and_saves_the_phase_as_it_is(url_shortener: Scenario, t: FakeTime) -> None:
    store = RecordingStore()
    interview = new_interview(url_shortener, t, store)
    live = interview.start_phase(interview.phases_to_run()[0])
    live.start()
    t.advance(30)
    live.notes = "half typed"
    interview.interrupt(live)
    t.advance(100)  # the clock is stopped
    assert store.calls[-1] == ("save_phase", (0, "half typed", 30, 0))
    assert live.clock.elapsed == 30 and interview.session.current_phase == 0


def test_resume_starts_where_it_stopped_with_the_probes_already_asked(url_shortener: Scenario, t: FakeTime) -> None:
    interview = new_interview(url_shortener, t)
    session = interview.session
    first = session.phases[0]
    first.used_seconds = 0.5 * first.planned_seconds  # the 0.4 probe was asked before the break
    resumed = Interview(RecordingStore(), session, url_shortener, time_source=t, wall_clock=lambda: T0)
    live = resumed.start_phase(resumed.phases_to_run()[0])
    assert fraction_used(first) == 0.5
    assert [at for at, _ in live.schedule.pending] == [0.8]  # the 0.4 one came before the break
    assert live.clock.elapsed == first.used_seconds


def test_time_left_credits_time_saved_and_charges_overruns(url_shortener: Scenario, t: FakeTime) -> None:
    interview = new_interview(url_shortener, t)
    session = interview.session
    session.phases[0].used_seconds = 3 * 60  # 2 minutes saved
    session.phases[1].used_seconds, session.phases[1].extra_seconds = 9 * 60, 120  # 7 + 2, all used
    session.current_phase = 2
    live = interview.start_phase(interview.phases_to_run()[0])
    assert interview.time_left(live) == (45 - 3 - 7) * 60  # the +2 min came and went
    live.start()
    t.advance(60)
    assert interview.time_left(live) == (45 - 3 - 7 - 1) * 60


def test_estimates_and_discard_go_to_the_store(url_shortener: Scenario, t: FakeTime) -> None:
    store = RecordingStore()
    interview = new_interview(url_shortener, t, store)
    answer = EstimateAnswer(figure="write_qps", label="Writes/s", unit="per_second", answer=1200, reference=1157, grade="on_target")
    interview.record_estimates([answer])
    assert interview.session.estimates == [answer]
    interview.discard()
    assert store.names()[-2:] == ["save_estimates", "delete"]


def test_phase_of_finds_the_phase_by_id_else_by_place(url_shortener: Scenario) -> None:
    rec = PhaseRecord(index=1, phase_id="estimation", kind="estimation", title="x", planned_seconds=1)
    assert phase_of(url_shortener, rec).id == "estimation"
    renamed = PhaseRecord(index=2, phase_id="gone", kind="x", title="x", planned_seconds=1)
    assert phase_of(url_shortener, renamed) is url_shortener.phases[2]


@pytest.mark.parametrize(
    "module",
    [
        "mockinterview.interview.schedule", "mockinterview.interview.phase", "mockinterview.interview.autosave",
        "mockinterview.interview.flow", "mockinterview.interview.lookup", "mockinterview.interview.drill",
        "mockinterview.scoring.answers",
    ],
)
def test_the_interview_core_imports_no_terminal_library(module: str) -> None:
    import subprocess
    import sys

    libs = ("typer", "rich", "questionary", "prompt_toolkit")
    code = f"import sys, {module}; print(sorted(m for m in {libs!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# The room's needs: hints kept, exact 0:00, background saves, safe phase ends --------


def test_a_hint_is_kept_on_the_record_with_its_kind_and_time(t: FakeTime) -> None:
    live = live_phase(t)
    live.start()
    t.advance(40)
    assert live.hint() == Cue("probe", "halfway?")
    t.advance(20)
    assert live.hint() == Cue("hint", "cover it")
    assert live.hint() is None  # nothing given: nothing recorded
    assert [(h.at_seconds, h.kind, h.text) for h in live.record.hints] == [(40, "probe", "halfway?"), (60, "hint", "cover it")]
    assert [s.kind for s in live.said] == ["probe", "hint"] and live.said[0].asked_by_hint


def test_next_event_in_says_when_the_next_probe_or_zero_is_due(t: FakeTime) -> None:
    live = live_phase(t, speed=10)  # 300 s phase, probe at 150 s: 15 s and 30 s of wall time
    assert live.next_event_in() is None  # not started
    live.start()
    assert live.next_event_in() == pytest.approx(15)
    t.advance(15)
    live.tick()
    assert live.next_event_in() == pytest.approx(15)
    live.toggle_pause()
    assert live.next_event_in() is None


def test_strict_counts_the_phase_as_its_planned_time_however_late_the_tick(t: FakeTime) -> None:
    live = live_phase(t, strict=True, speed=1000)
    live.start()
    t.advance(5)  # 5000 s of interview time before the screen looked
    assert live.tick().time_up
    assert live.clock.elapsed == 300 and live.snapshot("x").overtime_seconds == 0


def test_resume_does_not_ask_again_what_a_hint_brought_forward(url_shortener: Scenario, t: FakeTime) -> None:
    from mockinterview.interview.session import HintUse

    interview = new_interview(url_shortener, t)
    first = interview.session.phases[0]
    probes = sorted(url_shortener.phases[0].probes, key=lambda p: p.at)
    first.used_seconds = 10
    first.hints = [HintUse(5, "probe", probes[0].question), HintUse(8, "hint", url_shortener.phases[0].covers[0])]
    live = interview.start_phase(first)
    assert [q for _, q in live.schedule.pending] == [p.question for p in probes[1:]]
    cue = live.hint()
    assert cue is not None and (cue.kind, cue.text) == ("probe", probes[1].question)  # not the one given before the break
    said = [(s.kind, s.text) for s in live.said]
    assert said[0] == ("opening", url_shortener.opening)
    assert ("probe", probes[0].question) in said and ("hint", url_shortener.phases[0].covers[0]) in said


def test_a_refused_phase_end_leaves_the_phase_as_it_was(url_shortener: Scenario, t: FakeTime) -> None:
    class Refusing(RecordingStore):
        def update_session(self, session: Session) -> None:
            raise OSError("disk full")

    interview = new_interview(url_shortener, t)
    live = interview.start_phase(interview.phases_to_run()[0])
    live.start()
    interview.store = Refusing()
    with pytest.raises(OSError):
        interview.end_phase(live, "notes")
    rec = live.record
    assert rec.status == "active" and rec.ended_at is None and interview.session.current_phase == 0
    assert live.clock.running  # the candidate carries on; ^D again tries again


def test_autosave_on_its_own_thread_reports_a_failure_later_and_retries() -> None:
    import threading
    import time

    from mockinterview.interview.autosave import StoreThread

    t = FakeTime()
    store = RecordingStore()
    store.fail_next = 1
    threads: list[str] = []

    class Worker(RecordingStore):
        def save_phase(self, session_id: str, phase: PhaseRecord) -> None:
            threads.append(threading.current_thread().name)
            store.save_phase(session_id, phase)

        def close(self) -> None:
            pass

    live = live_phase(t)
    live.start()
    thread = StoreThread(Worker)
    saver = Autosave(RecordingStore(), "s1", live, time_source=t, thread=thread)
    t.advance(3)
    assert saver.poll("text")  # started on the thread
    while saver.saving:
        time.sleep(0.01)
    with pytest.raises(OSError):
        saver.poll("text")  # the failure surfaces at the next poll
    assert not saver.clean and saver.due("text")
    assert saver.poll("text")
    saver.close(raise_error=True)
    assert saver.clean
    thread.close()
    assert store.calls == [("save_phase", (0, "text", 3, 0))]
    assert threads and all(name.startswith("mockinterview-autosave") for name in threads)
