"""The adaptive interviewer: key points' probes asked only while the point is missing,
their deeper follow-ups when it is covered, curveballs announced on time; all kept
for a resume. A fake clock drives the phase; nothing here waits."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tests.unit.test_interview_flow import FakeTime, RecordingStore

from mockinterview.content.catalogue import Catalogue
from mockinterview.content.scenario import Scenario
from mockinterview.interview.flow import Interview
from mockinterview.interview.phase import LivePhase
from mockinterview.interview.schedule import Cue, CurveballCue, PointProbe, Schedule
from mockinterview.interview.session import PhaseRecord
from mockinterview.store import Store

T0 = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


# Schedule ----------------------------------------------------------------------------


def point(pid: str, at: float = 0.5, probe: str | None = "probe?", deeper: str | None = None) -> PointProbe:
    return PointProbe(at, pid, probe, deeper)


def test_a_missing_points_probe_is_asked_when_its_time_comes() -> None:
    s = Schedule([], [], points=[point("hybrid", 0.5, "How would you combine both?")])
    assert s.due(0.49, lambda: set()) == []
    assert s.due(0.5, lambda: set()) == [Cue("probe", "How would you combine both?", "hybrid")]
    assert s.due(1.0, lambda: set()) == []  # once


def test_a_covered_point_is_skipped_or_gets_its_deeper_follow_up() -> None:
    s = Schedule(
        [],
        [],
        points=[point("a", 0.3, "asked if missing?"), point("b", 0.6, "also if missing?", deeper="Go deeper?")],
    )
    covered = {"a", "b"}
    assert s.due(0.3, lambda: covered) == []  # covered, no follow-up: nothing said
    assert s.due(0.6, lambda: covered) == [Cue("deeper", "Go deeper?", "b")]


def test_coverage_is_read_only_when_a_point_is_due_and_once_per_batch() -> None:
    calls: list[int] = []

    def covered() -> set[str]:
        calls.append(1)
        return set()

    s = Schedule([(0.1, "fixed")], [], points=[point("a", 0.5), point("b", 0.5, "second?")])
    assert s.due(0.2, covered) == [Cue("probe", "fixed")]
    assert calls == []
    assert [c.ref for c in s.due(0.5, covered)] == ["a", "b"]
    assert calls == [1]


def test_a_fixed_probe_with_a_points_question_is_that_points_probe() -> None:
    s = Schedule([(0.6, "How would you combine both?")], [], points=[point("hybrid", 0.5, "How would you combine both?")])
    assert s.pending == ((0.5, "How would you combine both?"),)  # once, at the point's time
    assert s.due(1.0, lambda: {"hybrid"}) == []  # covered: the fixed copy is not asked either


def test_curveballs_are_announced_on_time_whatever_the_notes() -> None:
    s = Schedule([(0.2, "fixed")], [], curveballs=[CurveballCue(0.7, "tenx", "Traffic just became 10x.")])
    assert s.next_at() == 0.2
    assert s.due(0.69) == [Cue("probe", "fixed")]
    assert s.next_at() == 0.7
    assert s.due(0.7) == [Cue("curveball", "Traffic just became 10x.", "tenx")]
    assert s.next_at() is None


def test_a_hint_brings_forward_a_missing_points_probe_but_not_a_covered_ones() -> None:
    s = Schedule([], ["cover it"], points=[point("a", 0.4, "about a?"), point("b", 0.6, "about b?")])
    assert s.hint(lambda: {"a"}) == Cue("probe", "about b?", "b")
    assert s.hint(lambda: {"a"}) == Cue("hint", "cover it")  # a is covered: its probe is no hint
    assert s.due(0.4, lambda: {"a"}) == []


def test_on_resume_what_was_decided_is_not_said_again() -> None:
    s = Schedule(
        [],
        [],
        points=[point("a", 0.3), point("b", 0.8, "b?")],
        curveballs=[CurveballCue(0.2, "cb", "Change!"), CurveballCue(0.9, "late", "Later change")],
        done_fraction=0.5,
        decided=["cb"],
    )
    assert s.next_at() == 0.8
    assert s.due(1.0, lambda: set()) == [Cue("probe", "b?", "b"), Cue("curveball", "Later change", "late")]


# The feed interview, as a candidate meets it ------------------------------------------


@pytest.fixture(scope="module")
def feed() -> Scenario:
    return Catalogue().get("social-media-feed")


def in_phase(scenario: Scenario, phase_id: str) -> tuple[FakeTime, Interview, PhaseRecord, LivePhase]:
    """A new interview of ``scenario`` with the phase ``phase_id`` started on a fake clock."""
    t = FakeTime()
    interview = Interview.begin(RecordingStore(), scenario, time_source=t, wall_clock=lambda: T0)
    rec = next(r for r in interview.session.phases if r.phase_id == phase_id)
    live = interview.start_phase(rec)
    live.start()
    return t, interview, rec, live


def test_push_and_pull_without_the_hybrid_get_the_hybrid_probe(feed: Scenario) -> None:
    t, _interview, rec, live = in_phase(feed, "fan-out-strategies")
    notes = "Push model: fan-out on write, precompute timelines\nPull model: fan-out on read, compute on read\n"
    t.advance(0.55 * rec.planned_seconds)
    said = live.tick(notes).said
    assert ("probe", "How would you combine both approaches?") in [(s.kind, s.text) for s in said]
    assert [(a.kind, a.ref) for a in rec.asked] == [("probe", "sm-hybrid")]


def test_notes_with_the_hybrid_are_not_asked_for_it_but_pushed_further(feed: Scenario) -> None:
    t, _interview, rec, live = in_phase(feed, "fan-out-strategies")
    notes = "push model vs pull model\nhybrid fan-out: push for regular users, pull for celebrities\n"
    t.advance(rec.planned_seconds)
    said = [(s.kind, s.text) for s in live.tick(notes).said]
    assert "How would you combine both approaches?" not in [text for _, text in said]
    # The document's own expert follow-up, asked because the hybrid is covered already.
    assert "How would you migrate from push to hybrid model with zero downtime?" in [text for _, text in said]
    assert [(a.kind, a.ref) for a in rec.asked if a.ref == "sm-hybrid"] == [("deeper", "sm-hybrid")]


def test_the_celebrity_curveball_is_announced_and_its_points_join_the_checklist(feed: Scenario) -> None:
    t, interview, rec, live = in_phase(feed, "high-level-architecture")
    before = interview.checklist(rec, "")
    assert before is not None and all(i.curveball is None for i in before.items)
    t.advance(0.75 * rec.planned_seconds)
    said = live.tick("").said
    assert [s.kind for s in said if s.text.startswith("What happens when a celebrity")] == ["curveball"]
    assert rec.announced == ("sm-cb-celebrity",)
    after = interview.checklist(rec, "")
    assert after is not None and {i.curveball for i in after.items} == {None, "sm-cb-celebrity"}


def test_what_the_interviewer_asked_survives_the_store_and_a_resume(feed: Scenario) -> None:
    t = FakeTime()
    with Store() as store:
        interview = Interview.begin(store, feed, time_source=t, wall_clock=lambda: T0)
        rec = next(r for r in interview.session.phases if r.phase_id == "fan-out-strategies")
        live = interview.start_phase(rec)
        live.start()
        t.advance(0.55 * rec.planned_seconds)
        live.tick("push model and pull model")
        interview.interrupt(live)
        sid = interview.session.id
    with Store() as store:
        session = store.get(sid)
        again = Interview(store, session, feed, time_source=t, wall_clock=lambda: T0)
        rec2 = session.phases[rec.index]
        assert [(a.kind, a.ref) for a in rec2.asked] == [("probe", "sm-hybrid")]
        live2 = again.start_phase(rec2)
        assert ("probe", "How would you combine both approaches?") in [(s.kind, s.text) for s in live2.said]
        live2.start()
        t.advance(rec2.planned_seconds)
        assert "How would you combine both approaches?" not in [s.text for s in live2.tick("").said]


def test_the_interviewer_marks_its_own_questions_and_not_the_scripts(feed: Scenario) -> None:
    t, _interview, rec, live = in_phase(feed, "fan-out-strategies")
    t.advance(0.55 * rec.planned_seconds)
    said = {s.text: s.derived for s in live.tick("push model and pull model").said}
    assert said["How would you combine both approaches?"] is False  # the script's own question
    ours = Catalogue().get("url-shortener")
    interview2 = Interview.begin(RecordingStore(), ours, time_source=t, wall_clock=lambda: T0)
    rec2 = interview2.session.phases[0]
    live2 = interview2.start_phase(rec2)
    live2.start()
    t.advance(rec2.planned_seconds)
    assert all(s.derived for s in live2.tick("").said)  # written for this coach
    interview2.interrupt(live2)
    again = interview2.start_phase(rec2)
    assert [s.derived for s in again.said if s.kind == "probe"] == [True, True]  # and on a resume
