"""End to end in a real pseudo-terminal (pexpect): the program as a person meets it."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.e2e

CTRL_D, CTRL_C = "\x04", "\x03"


def spawn(home: Path, *args: str, timeout: float = 30):  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKINTERVIEW")}
    env.update(MOCKINTERVIEW_HOME=str(home), TERM="xterm-256color", COLUMNS="80", LINES="24")
    # pexpect's pty does not answer cursor-position requests; without this prompt_toolkit
    # prints a warning and cannot size the toolbar (the toolbar is checked in tmux instead).
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable, ["-m", "mockinterview", *args], env=env, dimensions=(24, 80),
        timeout=timeout, encoding="utf-8", codec_errors="replace",
    )


def store(home: Path):  # type: ignore[no-untyped-def]
    os.environ["MOCKINTERVIEW_HOME"] = str(home)
    from mockinterview.store import Store

    return Store()


def save_and_quit(child) -> None:  # type: ignore[no-untyped-def]
    """Ctrl-C at the notes, then the default answer: save and quit (exit 130)."""
    child.send(CTRL_C)
    child.expect("What now")
    child.send("\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def finish_phases(child, notes: list[str], estimation_at: int | None) -> None:  # type: ignore[no-untyped-def]
    for i, text in enumerate(notes):
        child.expect("notes>")
        child.send(text)
        time.sleep(0.2)
        child.send(CTRL_D)
        if estimation_at == i:
            child.expect("Check your capacity numbers")
            child.send("n")
        child.expect("Compare your notes")
        child.send("n")


def test_whole_interview_from_brief_to_scorecard(isolated_home: Path) -> None:
    child = spawn(isolated_home, "run", "url-shortener", "--speed", "60")
    child.expect("Press Enter to start the clock")
    child.send("\r")
    child.expect("Phase 1/6")
    finish_phases(child, ["users, scale, read:write 100:1", "1,200 writes/s", "LB, app, cache, DB",
                          "urls table, base62", "7 chars, counter", "monitoring"], estimation_at=1)
    child.expect("Interview complete")
    for _ in range(15):
        child.expect(r"\(1-5\)")
        child.send("4\r")
    for _ in range(3):
        child.expect("points:")
        child.send("\r")
    child.expect("Strong performance indicators")
    child.send("\r")
    child.expect("Areas of concern")
    child.send("\r")
    child.expect("Scorecard")
    child.expect("40/50")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with store(isolated_home) as s:
        session = s.latest()
    assert session is not None and session.finished and session.assessment is not None
    assert session.phases[1].notes == "1,200 writes/s"


def test_ctrl_c_saves_and_resume_continues(isolated_home: Path) -> None:
    child = spawn(isolated_home, "run", "chat-system", "--speed", "10", "--no-score")
    child.expect("Press Enter")
    child.send("\r")
    child.expect("notes>")
    child.send("1B users, 100M DAU, groups up to 500")
    time.sleep(0.5)
    child.send(CTRL_C)
    child.expect("What now")
    child.send("\r")  # save and quit
    child.expect("mockinterview resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    child = spawn(isolated_home, "resume", "--no-score")
    child.expect("Resuming")
    child.expect("100M DAU")  # the notes so far are back in the prompt
    child.send(" · presence, receipts")
    time.sleep(0.3)
    child.send(CTRL_D)
    child.expect("Compare your notes")
    child.send("n")
    child.expect("Phase 2/6")
    save_and_quit(child)
    with store(isolated_home) as s:
        session = s.latest(unfinished=True)
    assert session is not None
    assert session.phases[0].notes == "1B users, 100M DAU, groups up to 500 · presence, receipts"
    assert session.current_phase == 1


def test_kill_9_mid_phase_loses_at_most_seconds(isolated_home: Path) -> None:
    child = spawn(isolated_home, "run", "social-media-feed", "--no-score")
    child.expect("Press Enter")
    child.send("\r")
    child.expect("notes>")
    child.send("300M users, 200M DAU, 100M tweets/day")
    time.sleep(4.5)  # autosave runs every 3 s while the text changes
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()

    child = spawn(isolated_home, "resume", "--no-score")
    child.expect("Resuming")
    child.expect("100M tweets/day")
    save_and_quit(child)
    with store(isolated_home) as s:
        session = s.latest(unfinished=True)
    assert session is not None
    assert session.phases[0].notes == "300M users, 200M DAU, 100M tweets/day"
    assert session.phases[0].used_seconds > 3


def test_not_a_terminal_is_a_clear_error_without_escape_codes(isolated_home: Path, tmp_path: Path) -> None:
    import subprocess

    env = {**os.environ, "MOCKINTERVIEW_HOME": str(isolated_home)}
    out = subprocess.run([sys.executable, "-m", "mockinterview", "run", "url-shortener"], env=env,
                         stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert out.returncode == 2
    assert "needs a terminal" in out.stderr and "\x1b" not in out.stdout + out.stderr
