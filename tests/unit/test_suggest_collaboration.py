"""The collaboration suggestion: how far the notes took up what the interviewer asked about."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.unit.test_interview_flow import FakeTime, RecordingStore

from mockinterview.content.catalogue import Catalogue
from mockinterview.interview.flow import Interview
from mockinterview.interview.session import Asked, HintUse, Session
from mockinterview.scoring.suggest import suggest_collaboration, suggestions

T0 = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def feed_interview() -> tuple[Interview, FakeTime]:
    t = FakeTime()
    return Interview.begin(RecordingStore(), Catalogue().get("social-media-feed"), time_source=t, wall_clock=lambda: T0), t


def asked_about(interview: Interview, phase_id: str, points: list[str], final_notes: str) -> None:
    rec = next(r for r in interview.session.phases if r.phase_id == phase_id)
    rec.asked = [Asked(60.0 * n, "probe", p, f"about {p}?") for n, p in enumerate(points)]
    rec.notes = final_notes
    rec.status = "done"
    rec.checklist = interview.checklist(rec)


def test_points_taken_up_after_the_probe_suggest_a_high_score() -> None:
    interview, _ = feed_interview()
    asked_about(
        interview,
        "fan-out-strategies",
        ["sm-hybrid", "sm-eventual-consistency"],
        "hybrid fan-out: push for regular users, pull for celebrities\neventual consistency is fine here",
    )
    sug = suggest_collaboration(interview.session)
    assert sug is not None and sug.score == 5
    assert sug.reason == "your notes took up 2 of the 2 points the interviewer asked about"


def test_points_left_missing_after_the_probe_suggest_a_low_score_and_hints_are_named() -> None:
    interview, _ = feed_interview()
    asked_about(interview, "fan-out-strategies", ["sm-hybrid", "sm-eventual-consistency"], "push model only")
    interview.session.phases[0].hints = [HintUse(10, "hint", "cover it")]
    sug = suggestions(interview.session).get("collaboration")
    assert sug is not None and sug.score == 1
    assert sug.reason.endswith("(1 hint used)")


def test_a_ticked_point_counts_as_taken_up() -> None:
    interview, _ = feed_interview()
    asked_about(interview, "fan-out-strategies", ["sm-hybrid", "sm-eventual-consistency"], "push model only")
    rec = next(r for r in interview.session.phases if r.phase_id == "fan-out-strategies")
    assert rec.checklist is not None
    rec.checklist = rec.checklist.confirm("sm-hybrid", True)  # "I covered this in other words"
    sug = suggest_collaboration(interview.session)
    assert sug is not None and sug.score == 3


def test_one_prompt_or_no_kept_checklist_gives_no_suggestion() -> None:
    interview, _ = feed_interview()
    asked_about(interview, "fan-out-strategies", ["sm-hybrid"], "hybrid fan-out")
    assert suggest_collaboration(interview.session) is None
    session: Session = interview.session
    for rec in session.phases:
        rec.checklist = None
    assert suggest_collaboration(session) is None


def test_a_hint_that_brings_a_points_probe_forward_records_the_point_as_asked() -> None:
    interview, t = feed_interview()
    rec = next(r for r in interview.session.phases if r.phase_id == "fan-out-strategies")
    live = interview.start_phase(rec)
    live.start()
    t.advance(30)
    first = live.hint("push model and pull model")
    assert first is not None and first.ref is None  # the fixed celebrity probe comes first (0.35)
    cue = live.hint("push model and pull model")
    assert cue is not None and cue.ref == "sm-hybrid"
    assert [(a.kind, a.ref) for a in rec.asked] == [("probe", "sm-hybrid")]
    assert [h.kind for h in rec.hints] == ["probe", "probe"]
    again = interview.said_before(rec, live.schedule)
    assert [s.text for s in again].count(cue.text) == 1  # said once on a resume, not twice
