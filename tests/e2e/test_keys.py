"""The keys of the interview room, pressed in a real pseudo-terminal, read off the screen:
^P pause, ^T +2 min, ^G hint, ^E $EDITOR. No timing is asserted."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from mockinterview.content.catalogue import Catalogue
from mockinterview.interview.session import PhaseRecord
from mockinterview.store import Store
from screen.harness import Screen, flat

pytestmark = pytest.mark.e2e

Start = Callable[..., Screen]
STATUS = r"(\d+:\d\d) left interview (\d+:\d\d) left"


def seconds(mmss: str) -> int:
    m, s = mmss.split(":")
    return int(m) * 60 + int(s)


def first_phase(term: Start, *args: str, env: dict[str, str] | None = None) -> Screen:
    """`run url-shortener`, Enter, and the room of phase 1 with its countdown."""
    t = term("run", "url-shortener", "--no-score", *args, env=env)
    t.wait_for("Press Enter to start the clock")
    t.send("enter")
    t.wait_for("Phase 1/6")
    t.wait_match(STATUS)
    return t


def finish_phase_then_save_and_quit(t: Screen) -> None:
    """^D, the checklist kept, no comparison, then Ctrl-C in phase 2 and "save and quit": exit 130."""
    t.ctrl("d")
    t.wait_match(r"\d+ of \d+ key points covered")  # the coach's checklist: keep it
    t.send("enter")
    t.wait_for("Compare your notes with the reference")
    t.send("n")
    t.wait_for("Phase 2/6")
    t.wait_match(STATUS)
    t.ctrl("c")
    t.wait_for("What now")
    t.send("enter")
    assert t.wait_exit() == 130


def first_phase_record() -> PhaseRecord:
    with Store() as store:
        session = store.latest(unfinished=True)
    assert session is not None
    return session.phases[0]


def test_ctrl_p_pauses_the_clock_and_paused_time_is_not_counted(term: Start) -> None:
    t = first_phase(term, "--speed", "20")  # the 5-minute phase lasts 15 s of wall time
    t.type("users, scale")
    t.ctrl("p")
    t.wait_match(r"Paused: \^P to resume\.")
    paused = t.wait_match(STATUS + " PAUSED")
    t.pump(3.0)  # a minute of interview time, were the clock running
    still = t.wait_match(STATUS + " PAUSED")
    assert still.groups() == paused.groups()  # neither the phase nor the interview clock moved
    t.ctrl("p")
    t.wait_match(r"Resumed\.")
    t.wait_gone("PAUSED")
    finish_phase_then_save_and_quit(t)
    assert first_phase_record().notes == "users, scale"


def test_ctrl_t_adds_two_minutes_to_the_phase(term: Start) -> None:
    t = first_phase(term, "--speed", "6")
    t.ctrl("p")  # paused, so the readings before and after differ by the extension only
    before = t.wait_match(STATUS + " PAUSED")
    t.ctrl("t")
    t.wait_match(r"\+2 minutes for this phase\.")
    after = t.wait_match(STATUS + " PAUSED")
    assert seconds(after.group(1)) == seconds(before.group(1)) + 120
    assert seconds(after.group(2)) == seconds(before.group(2)) + 120
    t.wait_match(r"Phase 1/6 · Clarify the requirements · 7 min")  # the header counts the extension
    t.ctrl("p")
    t.wait_gone("PAUSED")
    t.ctrl("d")
    t.wait_match(r"\d+ of \d+ key points covered")  # the checklist page, drawn over the summary line
    assert re.search(r"Clarify the requirements: \d+\.\d of 7 min", t.raw.decode("utf-8", "replace"))  # 5 planned + 2
    t.send("enter")
    t.wait_for("Compare your notes")
    t.send("n")
    t.wait_for("Phase 2/6")
    t.ctrl("c")
    t.wait_for("What now")
    t.send("enter")
    assert t.wait_exit() == 130
    assert first_phase_record().extra_seconds == 120


def test_ctrl_g_brings_the_probes_forward_then_gives_hints_then_says_there_are_none(term: Start) -> None:
    phase = Catalogue().get("url-shortener").phases[0]
    probes = [p.question for p in sorted(phase.probes, key=lambda p: p.at)]
    t = first_phase(term)  # real time: no probe is due for minutes
    said = [f"Interviewer: “{q}”" for q in probes] + [f"Hint: {c}" for c in phase.covers]
    for line in said:
        t.ctrl("g")
        t.wait_match(re.escape(flat(line)))
    t.ctrl("g")
    t.wait_match(re.escape("No more hints for this phase: wrap up and press ^D when you are done."))
    t.type("noted")
    finish_phase_then_save_and_quit(t)
    rec = first_phase_record()
    assert rec.notes == "noted"
    # every ^G that gave something is recorded, in order, with its kind and its time
    assert [(h.kind, h.text) for h in rec.hints] == [("probe", q) for q in probes] + [("hint", c) for c in phase.covers]
    assert all(h.at_seconds >= 0 for h in rec.hints)


def test_ctrl_e_edits_the_notes_in_the_editor_and_brings_them_back(term: Start, tmp_path: Path) -> None:
    editor = tmp_path / "editor.sh"
    seen = tmp_path / "seen.txt"
    editor.write_text(f'#!/bin/sh\ncp "$1" "{seen}"\necho "line from the editor" >> "$1"\n', encoding="utf-8")
    editor.chmod(0o755)
    t = first_phase(term, env={"EDITOR": str(editor)})
    t.type("typed first")
    t.wait_for("typed first")
    t.ctrl("e")
    t.wait_for("line from the editor")  # back in the room, with the editor's line
    t.type(" and after")
    t.wait_for("line from the editor and after")
    finish_phase_then_save_and_quit(t)
    assert seen.read_text(encoding="utf-8") == "typed first\n"  # the file the editor got ends with a newline
    assert first_phase_record().notes == "typed first\nline from the editor and after"
