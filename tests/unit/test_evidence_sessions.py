"""A saved interview's checklists and evidence (coach/sessions.py): the stored checklist
with the candidate's verdicts, the notes checked again when it no longer fits, curveballs
announced, and no evidence at all for an interview without notes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mockinterview.coach.checklist import Checklist
from mockinterview.coach.engine import Coach
from mockinterview.coach.evidence import EMPTY_NOTES_NOTE, NO_NOTES_NOTE
from mockinterview.coach.sessions import absence, session_checklists, session_evidence
from mockinterview.content.catalogue import Catalogue
from mockinterview.interview.session import Asked, PhaseRecord, Session, start_session

FANOUT = "fan-out-strategies"
PUSH_AND_PULL = "push model: fan-out on write for normal users\npull model: fan-out on read\n"


@pytest.fixture(scope="module")
def feed_coach() -> Coach:
    return Coach(Catalogue().get("social-media-feed"))


def timed(coach: Coach, notes: dict[str, str]) -> Session:
    s = start_session(Catalogue().get("social-media-feed"))
    for p in s.phases:
        p.status = "done"
        p.notes = notes.get(p.phase_id, "")
    return s


def phase(s: Session, phase_id: str) -> PhaseRecord:
    return next(p for p in s.phases if p.phase_id == phase_id)


def test_notes_are_checked_per_phase_and_phases_without_notes_count_as_missed(feed_coach: Coach) -> None:
    s = timed(feed_coach, {FANOUT: PUSH_AND_PULL})
    checklists = session_checklists(feed_coach, s)
    assert set(checklists) == {p.id for p in feed_coach.phases if p.key_points}
    fanout = checklists[FANOUT]
    assert {"sm-push", "sm-pull"} <= {i.id for i in fanout.items if i.covered}
    assert not fanout.item("sm-hybrid").covered  # push and pull, never the hybrid
    assert checklists["database-design"].covered == 0
    # curveballs not announced are not in the checklist
    assert not any(i.curveball for c in checklists.values() for i in c.items)


def test_announced_curveballs_are_graded(feed_coach: Coach) -> None:
    s = timed(feed_coach, {"high-level-architecture": "celebrity posts: 50M writes, so pull for celebrities"})
    phase(s, "high-level-architecture").asked.append(Asked(300, "curveball", "sm-cb-celebrity", "What happens ..."))
    arch = session_checklists(feed_coach, s)["high-level-architecture"]
    assert {i.id for i in arch.items if i.curveball} == {
        "sm-cb-celeb-cost", "sm-cb-celeb-pull", "sm-cb-celeb-hotkey", "sm-cb-celeb-async",
    }  # fmt: skip
    assert arch.item("sm-cb-celeb-cost").covered and arch.item("sm-cb-celeb-pull").covered


def test_the_stored_checklist_and_the_candidates_verdicts_are_used(feed_coach: Coach) -> None:
    s = timed(feed_coach, {FANOUT: PUSH_AND_PULL})
    rec = phase(s, FANOUT)
    # the phase-end screen: the candidate ticked the hybrid ("in other words") and unticked pull
    rec.checklist = feed_coach.check_phase(FANOUT, rec.notes, curveballs=()).confirm_all(
        {"sm-hybrid": True, "sm-pull": False}
    )
    rec.notes = ""  # the stored checklist is what counts, not the notes read again
    fanout = session_checklists(feed_coach, s)[FANOUT]
    assert fanout is rec.checklist
    ev = session_evidence(feed_coach, s)
    trade = ev["trade_off_analysis"]
    assert "sm-hybrid" in trade.covered and "sm-pull" in trade.missing
    assert any(t.startswith("Hybrid fan-out") for t in trade.covered_texts)


def test_a_stale_stored_checklist_is_checked_again_keeping_the_verdicts(feed_coach: Coach) -> None:
    s = timed(feed_coach, {FANOUT: PUSH_AND_PULL})
    rec = phase(s, FANOUT)
    current = feed_coach.check_phase(FANOUT, rec.notes, curveballs=()).confirm("sm-hybrid", True)
    # written against an older scenario: a point since removed, another since added (missing here)
    gone = replace(current.items[0], id="sm-old-point", text="An old point")
    rec.checklist = Checklist(FANOUT, (gone, *current.items[2:]))
    fresh = session_checklists(feed_coach, s)[FANOUT]
    ids = [i.id for i in fresh.items]
    assert "sm-old-point" not in ids and current.items[1].id in ids
    assert fresh.item("sm-hybrid").confirmed is True and fresh.item("sm-hybrid").covered
    assert fresh.item("sm-push").detected  # detection from the notes, again


def test_an_interview_without_notes_has_no_evidence_and_says_why(feed_coach: Coach) -> None:
    manual = start_session(Catalogue().get("social-media-feed"), mode="manual")
    assert session_checklists(feed_coach, manual) == {}
    assert session_evidence(feed_coach, manual) == {}
    assert absence(feed_coach, manual) == NO_NOTES_NOTE
    assert "scored without `mockinterview run`" in NO_NOTES_NOTE
    empty = timed(feed_coach, {})
    assert session_evidence(feed_coach, empty) == {} and absence(feed_coach, empty) == EMPTY_NOTES_NOTE
    with_notes = timed(feed_coach, {FANOUT: PUSH_AND_PULL})
    assert absence(feed_coach, with_notes) is None


def test_evidence_lists_only_criteria_with_points_in_rubric_order(feed_coach: Coach) -> None:
    ev = session_evidence(feed_coach, timed(feed_coach, {FANOUT: PUSH_AND_PULL}))
    assert "clear_explanation" not in ev and "collaboration" not in ev  # no feed point names them
    from mockinterview.vocab import CRITERION_IDS

    assert list(ev) == [c for c in CRITERION_IDS if c in ev]
    for e in ev.values():
        assert e.total == len(e.covered_texts) + len(e.missing_texts) and e.suggested is not None
    line = ev["trade_off_analysis"].line("Trade-off Analysis")
    assert line.startswith("Your notes: ") and " points for Trade-off Analysis · suggested " in line
