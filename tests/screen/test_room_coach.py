"""The coach in the interview room, as the candidate sees it (pyte over a pty): the live
"n of m points" in the notes pane's title, curveballs in the interviewer pane, the
adaptive probe, and the checklist page at a phase's end whose ticks and unticks are
stored. No timing is asserted; ``--speed`` makes the clock fast where it matters."""

from __future__ import annotations

import re

import pytest

from mockinterview.coach.checklist import Checklist
from mockinterview.coach.engine import Coach
from mockinterview.content.catalogue import Catalogue
from screen.harness import Screen
from screen.test_room import CHECKLIST, Start, keep_checklist, latest_session, room, save_and_quit

#: url-shortener phase 1: the core features and the optional ones are found, the rest is not.
NOTES = "we need shorten and redirect, custom aliases, analytics"


def stored_checklist() -> Checklist:
    checklist = latest_session().phases[0].checklist
    assert checklist is not None
    return checklist


def to_checklist(s: Screen) -> None:
    """Phase 1 with :data:`NOTES`, ^D, and the checklist page."""
    s.type(NOTES)
    s.wait_for("analytics")
    s.ctrl("d")
    s.wait_match(CHECKLIST)


def stop_at_the_comparison_question(s: Screen) -> None:
    s.wait_for("Compare your notes with the reference")
    s.ctrl("c")
    s.wait_for("What now")
    s.send("enter")
    assert s.wait_exit() == 130


def test_the_notes_title_counts_the_points_covered_as_you_type(screen: Start) -> None:
    s = room(screen)
    s.wait_for("Your notes")
    s.type(NOTES)
    s.wait_match(r"Your notes · 1 line · 2 of 6 points")
    s.type("\n100M URLs a day, read heavy 100:1")
    s.wait_match(r"Your notes · 2 lines · 3 of 6 points")
    save_and_quit(s)


@pytest.mark.parametrize(("cols", "rows", "env"), [(80, 24, None), (200, 50, {"NO_COLOR": "1"})])
def test_ticking_a_missed_point_and_unticking_a_match_are_stored(screen: Start, cols: int, rows: int, env: dict[str, str] | None) -> None:
    s = room(screen, cols=cols, rows=rows, env=env)
    to_checklist(s)
    s.wait_match(r"› ✓ covered Core features")  # the first point is chosen; states are words, not colours
    s.wait_match(r"line 1: we need shorten and redirect")  # the matching line
    s.wait_match(r"✗ missed Targets: redirects under 100ms")
    s.wait_match(r"→ in the reference: Non-Functional Requirements")
    s.wait_match(r"Space: that match is wrong")
    s.send(" ")  # the coach's match of the core features is wrong
    s.wait_match(r"› ✗ unticked by you Core features")
    s.send("j", "j", "j")  # to the latency targets, which the coach missed
    s.wait_match(r"Space: I covered this in other words")
    s.send(" ")
    s.wait_match(r"› ✓ ticked by you Targets")
    s.send("enter")
    stop_at_the_comparison_question(s)
    checklist = stored_checklist()
    core, targets = checklist.item("us-core-features"), checklist.item("us-latency-availability")
    assert (core.detected, core.confirmed, core.covered) == (True, False, False)
    assert (targets.detected, targets.confirmed, targets.covered) == (False, True, True)
    assert all(i.confirmed is None for i in checklist.items if i not in (core, targets))


def test_enter_without_a_change_stores_what_the_coach_found(screen: Start) -> None:
    s = room(screen)
    to_checklist(s)
    s.send("j", " ", " ")  # flipped and flipped back: no verdict
    s.wait_match(r"› ✓ covered Optional features")
    s.send("enter")
    stop_at_the_comparison_question(s)
    scenario = Catalogue().get("url-shortener")
    expected = Coach(scenario).check_phase(scenario.phases[0].id, NOTES)
    checklist = stored_checklist()
    assert [(i.id, i.detected) for i in checklist.items] == [(i.id, i.detected) for i in expected.items]
    assert all(i.confirmed is None for i in checklist.items)


def test_a_checklist_not_kept_is_shown_again_on_resume(screen: Start) -> None:
    s = room(screen)
    to_checklist(s)
    s.ctrl("c")  # stop at the checklist page: save and quit
    s.wait_for("What now")
    s.send("enter")
    assert s.wait_exit() == 130
    assert latest_session().phases[0].checklist is None

    s = screen("resume", "--no-score")
    s.wait_match(CHECKLIST + r" · Phase 1/6 · Clarify the requirements")
    s.send("enter")
    s.wait_for("Press Enter to start the clock")  # then phase 2, waiting for Enter as a resume does
    s.wait_for("Phase 2/6")
    save_and_quit(s)
    assert [i.detected for i in stored_checklist().items][:2] == [True, True]


def feed_to(s: Screen, phase: int) -> None:
    """social-media-feed: end the phases before ``phase`` at once (drill declined, checklists kept, no comparison)."""
    for n in range(1, phase):
        s.wait_for(f"Phase {n}/7")
        s.ctrl("d")
        if n == 3:
            s.wait_for("Check your capacity numbers")
            s.send("n")
        keep_checklist(s)
        s.wait_for("Compare your notes")
        s.send("n")
    s.wait_for(f"Phase {phase}/7")


@pytest.mark.parametrize("no_color", [False, True])
def test_the_feed_curveball_shows_in_the_pane_and_its_points_are_graded_under_it(screen: Start, no_color: bool) -> None:
    env = {"NO_COLOR": "1"} if no_color else None
    s = screen("run", "social-media-feed", "--speed", "200", "--no-score", env=env)
    s.wait_for("Press Enter to start the clock")
    s.send("enter")
    s.send("f1")  # the brief says what the scenario is pitched at
    s.wait_match(r"Difficulty: Intermediate · Target experience: 2-5 years")
    s.send("f1")
    feed_to(s, 4)
    s.type("Client -> LB -> API -> Tweet DB")
    s.wait_match(r"Requirement change: What happens when a celebrity with 50 million followers")
    attrs = s.attrs_of("Requirement change:")
    assert attrs["bold"]  # bold also without colour; the words say the rest
    if no_color:
        assert attrs["fg"] == "default"
    s.type("\npull for celebrities, merge at read time")
    s.wait_for("merge at read time")
    s.ctrl("d")
    s.wait_match(CHECKLIST)
    s.send("end")  # the last point, and the diagram check below it
    s.wait_match(r"› ✗ missed Whatever is fanned out goes through the queue")
    s.wait_match(r"missing components: .*Cache")  # the diagram has no cache
    s.wait_match(r"↑ \d+ more")  # the page scrolled to keep the chosen point in view
    s.send("k", "k", "k")  # the curveball's first point: its points are under what was announced
    s.wait_match(r"Requirement change: What happens when a celebrity .*› ✗ missed One tweet becomes 50M")
    s.wait_match(r"✓ covered Do not push celebrity tweets")
    s.send("enter")
    s.wait_for("Compare your notes")
    s.send("n")
    s.wait_for("Phase 5/7")
    save_and_quit(s)


def test_push_and_pull_without_the_hybrid_get_the_hybrid_probe_and_a_missed_point(screen: Start) -> None:
    s = screen("run", "social-media-feed", "--speed", "100", "--no-score")
    s.wait_for("Press Enter to start the clock")
    s.send("enter")
    feed_to(s, 5)
    s.type("push model: fan-out on write, precompute timelines\npull model: fan-out on read at request time")
    s.wait_match(r"Interviewer: “How would you combine both approaches\?”")  # the point is still missing
    s.ctrl("d")
    s.wait_match(CHECKLIST)
    s.wait_match(r"✓ covered Push \(fan-out on write\)")
    s.wait_match(r"✓ covered Pull \(fan-out on read\)")
    s.wait_match(r"✗ missed Hybrid fan-out")
    s.wait_match(r"→ in the reference: Hybrid Approach")
    s.send("enter")
    s.wait_for("Compare your notes")
    s.send("n")
    s.wait_for("Phase 6/7")
    save_and_quit(s)
    rec = latest_session().phases[4]
    assert rec.checklist is not None and not rec.checklist.item("sm-hybrid").covered
    assert [a.ref for a in rec.asked if a.kind == "probe"].count("sm-hybrid") == 1


def test_keys_typed_while_too_small_stay_out_of_the_notes_when_read_after_it_grows(screen: Start) -> None:
    s = room(screen, cols=100, rows=30)
    s.type("kept")
    s.wait_for("kept")
    for n in range(5):
        s.resize(70, 20)
        s.wait_for("needs at least 80x24")
        s.child.send(f"lost{n}")  # typed at the notice, and the window grown at once: the room
        s.resize(100, 30)  # may well read these keys only after it has grown
        s.wait_for("kept")
    s.pump(1.0)
    assert not re.search(r"lost\d", s.text)
    save_and_quit(s)
    assert latest_session().phases[0].notes == "kept"
