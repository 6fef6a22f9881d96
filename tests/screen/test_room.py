"""The interview room as the candidate sees it: the real program in a pseudo-terminal,
its screen read through pyte at 80x24 and 120x40. Nothing here asserts a time; where
the clock matters, ``--speed`` makes it fast."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from mockinterview import paths
from mockinterview.content.catalogue import Catalogue
from mockinterview.interview.session import Session
from mockinterview.store import Store
from screen.harness import Screen

Start = Callable[..., Screen]
SIZES = [(80, 24), (120, 40)]
STATUS = r"(\d+:\d\d) left interview (\d+:\d\d) left"


def room(screen: Start, *args: str, cols: int = 80, rows: int = 24, env: dict[str, str] | None = None) -> Screen:
    """``run url-shortener ARGS --no-score``, Enter, and the room of phase 1."""
    s = screen("run", "url-shortener", "--no-score", *args, cols=cols, rows=rows, env=env)
    s.wait_for("Press Enter to start the clock")
    s.send("enter")
    s.wait_for("Phase 1/6")
    s.wait_match(r"(left|OVER) interview \d+:\d\d left")
    return s


CHECKLIST = r"\d+ of \d+ key points covered"  # the title of the coach's checklist page


def keep_checklist(s: Screen) -> None:
    """The checklist page after a phase: Enter keeps the coach's reading."""
    s.wait_match(CHECKLIST)
    s.send("enter")
    s.wait_gone(CHECKLIST)


def save_and_quit(s: Screen) -> None:
    s.ctrl("c")
    s.wait_for("What now")
    s.send("enter")
    assert s.wait_exit() == 130


def latest_session() -> Session:
    with Store() as store:
        session = store.latest()
    assert session is not None
    return session


@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_a_probe_stays_in_view_beside_40_lines_of_notes(screen: Start, cols: int, rows: int) -> None:
    phase = Catalogue().get("url-shortener").phases[0]
    first = min(phase.probes, key=lambda p: p.at).question
    s = room(screen, cols=cols, rows=rows)
    s.type("\n".join(f"note {i}: reads outnumber writes 100 to 1" for i in range(1, 41)))
    s.wait_for("note 40: reads")
    s.ctrl("g")  # the next probe, brought forward
    s.wait_match("Interviewer: “" + first.split()[0])
    assert s.shows("note 40: reads")  # the newest note is in view too
    assert "note 1: reads" not in s.text  # the notes scrolled; the interviewer pane did not
    s.wait_for("† written for this coach")  # the probe is the coach's own: marked, and explained once
    assert s.text.count("† written for this coach") == 1
    save_and_quit(s)
    assert latest_session().phases[0].notes.count("\n") == 39


@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_f1_shows_the_brief_and_f1_or_esc_closes_it_with_the_clock_running(screen: Start, cols: int, rows: int) -> None:
    scenario = Catalogue().get("url-shortener")
    s = room(screen, "--speed", "20", cols=cols, rows=rows)
    s.send("f1")
    s.wait_for("Brief")
    s.wait_for("The interviewer's opening")
    assert s.shows(scenario.opening.split(".")[0])
    assert s.shows("Clarify before designing")
    for note in scenario.interviewer_notes:  # what the interviewer reads is not the candidate's
        assert not s.shows(note[:30])
    before = s.wait_match(STATUS).group(2)
    s.wait_match(r"interview (?!" + before + r")\d+:\d\d left")  # the clock runs under the brief
    s.send("esc")
    s.wait_gone("The interviewer's opening")
    s.send("f1")
    s.wait_for("The interviewer's opening")
    s.send("f1")
    s.wait_gone("The interviewer's opening")
    save_and_quit(s)


def test_a_resize_re_lays_out_the_room_and_too_small_keeps_the_notes(screen: Start) -> None:
    s = room(screen, cols=120, rows=40)
    s.type("kept through every size")
    s.wait_for("kept through every size")
    wide = s.line_with("Your notes")
    assert wide is not None and "Interviewer" in s.lines[wide]  # side by side
    s.resize(80, 24)
    s.wait_for(lambda sc: sc.line_with("Your notes") != sc.line_with("Interviewer") and sc.line_with("Your notes") is not None)
    s.resize(70, 20)
    s.wait_for("needs at least 80x24")
    s.type("typed while too small")  # goes nowhere unseen
    s.pump(1.5)  # let the room read those keys while it is still too small (a loaded machine lags)
    s.resize(100, 30)
    s.wait_for("kept through every size")
    assert not s.shows("typed while too small")
    save_and_quit(s)
    assert latest_session().phases[0].notes == "kept through every size"


@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_the_comparison_waits_for_a_key_and_the_next_clock_starts_after_it(screen: Start, cols: int, rows: int) -> None:
    s = room(screen, "--speed", "50", cols=cols, rows=rows)
    s.type("my requirements")
    s.ctrl("d")
    keep_checklist(s)
    s.wait_for("Compare your notes with the reference")
    s.send("y")
    s.wait_for("your notes beside the")
    s.wait_for("Reference")
    s.wait_for("my requirements")
    if cols >= 110:  # side by side
        row = s.line_with("Your notes")
        assert row is not None and "Reference" in s.lines[row]
    s.pump(2.0)  # the page waits: phase 2 has not begun
    assert not s.shows("Phase 2/6")
    session = latest_session()
    assert session.current_phase == 1 and session.phases[1].status == "pending"
    s.send("enter")
    s.wait_for("Phase 2/6")
    save_and_quit(s)


def test_ctrl_t_changes_the_scorecards_planned_minutes(screen: Start) -> None:
    s = screen("run", "url-shortener", "--minutes", "9", "--speed", "30", cols=100, rows=30)
    s.wait_for("Press Enter to start the clock")
    s.send("enter")
    s.wait_for("Phase 1/6")
    s.wait_match(r"Phase 1/6 · Clarify the requirements · 1 min")  # 5 of 45 minutes, rescaled to 9
    s.ctrl("t")
    s.wait_match(r"Phase 1/6 · Clarify the requirements · 3 min")
    for n in range(1, 7):
        s.wait_for(f"Phase {n}/6")
        s.ctrl("d")
        if n == 2:
            s.wait_for("Check your capacity numbers")
            s.send("n")
        keep_checklist(s)
        s.wait_for("Compare your notes")
        s.send("n")
    s.wait_match(r"Interview complete: \d+ of 11 planned minutes")  # 9 + 2
    for _ in range(15):
        s.wait_match(r"\(1-5\)")
        s.send("3\r")
        s.pump(0.1)
    for _ in range(3):
        s.wait_for("points:")
        s.send("enter")
        s.pump(0.1)
    s.wait_for("Strong performance indicators")
    s.send("enter")
    s.wait_for("Areas of concern")
    s.send("enter")
    assert s.wait_exit() == 0
    card = s.raw.decode("utf-8", "replace")
    session = latest_session()
    assert session.phases[0].extra_seconds == 120
    assert session.allowed_minutes == pytest.approx(11)
    assert "11" in card[card.index("Time") :]  # the time table's planned total includes the +2


@pytest.mark.parametrize("no_color", [False, True])
def test_overtime_is_red_and_bold_without_colour(screen: Start, no_color: bool) -> None:
    env = {"NO_COLOR": "1"} if no_color else None
    s = room(screen, "--minutes", "1", "--speed", "100", env=env)
    s.wait_for("OVER")
    attrs = s.attrs_of("OVER")
    assert attrs["bold"]
    if no_color:
        assert attrs["bg"] == "default" and attrs["fg"] == "default"
    else:
        assert attrs["bg"] != "default"
    save_and_quit(s)


def test_a_locked_database_is_one_status_line_and_a_retry_and_nothing_is_lost(screen: Start) -> None:
    s = room(screen, "--speed", "20")
    s.type("written while the database is locked")
    blocker = sqlite3.connect(paths.database_path(), timeout=30, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock past the busy timeout
    try:
        s.wait_for("Not saved, retrying", timeout=90)
        ticking = s.wait_match(STATUS).group(1)
        s.wait_match(r"(?!" + ticking + r")\d+:\d\d left interview")  # the clock goes on meanwhile
        s.type(" and more")
        s.wait_for("locked and more")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    s.wait_gone("Not saved, retrying", timeout=90)
    save_and_quit(s)
    assert latest_session().phases[0].notes == "written while the database is locked and more"


def test_resume_shows_where_you_were_and_waits_for_enter(screen: Start) -> None:
    s = room(screen, "--speed", "20")
    s.type("before the break")
    s.ctrl("g")
    s.wait_match("Interviewer: “")
    save_and_quit(s)
    asked = latest_session().phases[0].hints[0].text

    s = screen("resume", "--no-score")
    s.wait_for("Press Enter to start the clock")
    s.wait_for("before the break")  # the notes, and what the interviewer had said
    s.wait_for(asked.split()[0])
    paused_at = s.wait_match(STATUS).groups()
    s.pump(2.0)
    assert s.wait_match(STATUS).groups() == paused_at  # no clock until Enter
    s.send("enter")
    s.wait_gone("NOT STARTED")
    s.wait_match(r"(?!" + paused_at[0] + r")\d+:\d\d left interview")
    save_and_quit(s)
