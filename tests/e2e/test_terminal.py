"""End to end in a real pseudo-terminal: the program as a person meets it, read off the
emulated screen (tests/screen/harness.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mockinterview.store import Store
from screen.harness import Screen

pytestmark = pytest.mark.e2e

Start = Callable[..., Screen]


def save_and_quit(t: Screen) -> None:
    """Ctrl-C in the room, then the default answer: save and quit (exit 130)."""
    t.ctrl("c")
    t.wait_for("What now")
    t.send("enter")
    assert t.wait_exit() == 130


def finish_phases(t: Screen, notes: list[str], estimation_at: int | None) -> None:
    for i, text in enumerate(notes):
        t.wait_for(f"Phase {i + 1}/{len(notes)}")
        t.wait_for("Your notes")
        t.type(text)
        t.wait_for(text)
        t.ctrl("d")
        if estimation_at == i:
            t.wait_for("Check your capacity numbers")
            t.send("n")
        t.wait_match(r"\d+ of \d+ key points covered")  # the coach's checklist: keep it
        t.send("enter")
        t.wait_for("Compare your notes")
        t.send("n")


def test_whole_interview_from_brief_to_scorecard(term: Start) -> None:
    t = term("run", "url-shortener", "--speed", "60")
    t.wait_for("Press Enter to start the clock")
    t.send("enter")
    finish_phases(t, ["users, scale, read:write 100:1", "1,200 writes/s", "LB, app, cache, DB",
                      "urls table, base62", "7 chars, counter", "monitoring"], estimation_at=1)
    t.wait_for(lambda sc: b"Interview complete" in sc.raw)  # it may scroll away under the self-assessment at once
    for _ in range(15):
        t.wait_match(r"\(1-5\)")
        t.send("4\r")
        t.pump(0.1)
    for _ in range(3):
        t.wait_for("points:")
        t.send("enter")
        t.pump(0.1)
    t.wait_for("Strong performance indicators")
    t.send("enter")
    t.wait_for("Areas of concern")
    t.send("enter")
    assert t.wait_exit() == 0
    assert b"40/50" in t.raw
    with Store() as s:
        session = s.latest()
    assert session is not None and session.finished and session.assessment is not None
    assert session.phases[1].notes == "1,200 writes/s"


def test_ctrl_c_saves_and_resume_shows_where_you_were_and_waits_for_enter(term: Start) -> None:
    t = term("run", "chat-system", "--speed", "10", "--no-score")
    t.wait_for("Press Enter")
    t.send("enter")
    t.wait_for("Your notes")
    t.type("1B users, 100M DAU, groups up to 500")
    t.wait_for("groups up to 500")
    t.ctrl("c")
    t.wait_for("What now")
    t.send("enter")  # save and quit
    assert t.wait_exit() == 130
    assert b"mockinterview resume" in t.raw

    t = term("resume", "--no-score")
    t.wait_match(r"Resuming: \d+:\d\d already used in this phase \(\d+:\d\d left\)")  # where you were ...
    t.wait_for("Press Enter to start the clock")
    t.wait_for("100M DAU")  # the notes so far are back in the room
    t.wait_match(r"NOT STARTED")
    t.send("typed before Enter")  # nothing typed goes in while the box is up
    t.send("enter")
    t.wait_gone("NOT STARTED")
    t.send("end")
    t.type(" · presence, receipts")
    t.wait_for("presence, receipts")
    t.ctrl("d")
    t.wait_match(r"\d+ of \d+ key points covered")
    t.send("enter")
    t.wait_for("Compare your notes")
    t.send("n")
    t.wait_for("Phase 2/6")
    save_and_quit(t)
    with Store() as s:
        session = s.latest(unfinished=True)
    assert session is not None
    assert session.phases[0].notes == "1B users, 100M DAU, groups up to 500 · presence, receipts"
    assert session.current_phase == 1


def test_kill_9_mid_phase_loses_at_most_seconds(term: Start) -> None:
    t = term("run", "social-media-feed", "--no-score")
    t.wait_for("Press Enter")
    t.send("enter")
    t.wait_for("Your notes")
    t.type("300M users, 200M DAU, 100M tweets/day")
    t.wait_for("100M tweets/day")
    time.sleep(4.5)  # autosave runs every 3 s while the text changes
    os.kill(t.child.pid, signal.SIGKILL)
    t.wait_exit()

    t = term("resume", "--no-score")
    t.wait_for("100M tweets/day")
    t.send("enter")
    save_and_quit(t)
    with Store() as s:
        session = s.latest(unfinished=True)
    assert session is not None
    assert session.phases[0].notes == "300M users, 200M DAU, 100M tweets/day"
    assert session.phases[0].used_seconds > 3


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_save_and_stop_as_ctrl_c_does(term: Start, signum: int) -> None:
    t = term("run", "url-shortener", "--no-score")
    t.wait_for("Press Enter")
    t.send("enter")
    t.wait_for("Your notes")
    t.type("typed just before the signal")
    t.wait_for("just before the signal")
    t.child.kill(signum)
    assert t.wait_exit() == 130
    with Store() as s:
        session = s.latest(unfinished=True)
    assert session is not None
    assert session.phases[0].notes == "typed just before the signal"
    if signum == signal.SIGTERM:  # (after a hang-up the terminal is gone: nothing more is shown)
        assert f"Resume it with: mockinterview resume {session.id}".encode() in t.raw


def test_not_a_terminal_is_a_clear_error_without_escape_codes(isolated_home: Path) -> None:
    env = {**os.environ, "MOCKINTERVIEW_HOME": str(isolated_home)}
    out = subprocess.run([sys.executable, "-m", "mockinterview", "run", "url-shortener"], env=env,
                         stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert out.returncode == 2
    assert "needs a terminal" in out.stderr and "\x1b" not in out.stdout + out.stderr
