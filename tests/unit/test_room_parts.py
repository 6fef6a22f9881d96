"""The interview room's pure parts: the bars fit their width, ^E's file, rich inside
prompt_toolkit. (The room itself is tested on a real screen: tests/screen.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mockinterview.errors import EditorFailed
from mockinterview.ui.room import bars, editor
from mockinterview.ui.room.rendering import pt_style, to_lines


def plain(fragments: list[tuple[str, str]]) -> str:
    return "".join(text for _, text, *_ in fragments)


@pytest.mark.parametrize("width", [80, 100, 200])
def test_the_keys_line_always_fits_and_keeps_every_key(width: int) -> None:
    line = bars.keys_line(width)
    assert len(line) <= width
    for key, _, _ in bars.KEYS:
        assert key in line
    assert line.startswith(" ^D done  ^P pause  ^T +2 min  ^G hint  ^E editor  ^C quit")


@pytest.mark.parametrize("width", [72, 60, 40])
def test_the_keys_line_shortens_before_it_cuts(width: int) -> None:
    line = bars.keys_line(width)
    assert len(line) <= width and "  " not in line
    assert all(key in line for key, _, _ in bars.KEYS)


@pytest.mark.parametrize("width", [80, 120])
def test_the_status_line_fits_and_says_overtime_and_pause(width: int) -> None:
    info = bars.StatusInfo(remaining=-75, interview_left=600, paused=True, message="Paused: ^P to resume.")
    line = bars.status_line(info, width)
    text = plain(line)
    assert bars.width_of(line) == width
    assert "+1:15 OVER" in text and "interview 10:00 left" in text and "PAUSED" in text and "Paused: ^P" in text
    assert any(style == "class:status.over" for style, _ in line)


def test_the_header_fits_and_shows_the_minutes_with_the_extension() -> None:
    lines = plain(bars.header("A very long scenario title " * 4, 2, 6, "Capacity estimation", 9, "Goal " * 40, 80)).split("\n")
    assert all(len(line) == 80 for line in lines)
    assert lines[0].endswith("· Phase 2/6 · Capacity estimation · 9 min ")
    assert lines[1].startswith(" Goal: ") and lines[1].endswith("…")


def test_bars_show_control_characters_instead_of_obeying_them() -> None:
    text = plain(bars.header("Evil\x1b[2J title", 1, 1, "p\x07", 1, "g", 80))
    assert "\x1b" not in text and "\x07" not in text and "^[[2J" in text


def test_the_too_small_notice_names_the_size_needed() -> None:
    notice = bars.too_small(70, 20)
    assert "70x20" in notice and "80x24" in notice and "notes are safe" in notice


def test_rich_renderables_become_fragments_with_their_styles() -> None:
    from rich.text import Text

    lines = to_lines([Text.assemble(("Hint: ", "bold cyan"), "cover \x1b]52;c;x the cache")], 20)
    assert len(lines) == 2  # wrapped at 20 columns
    assert ("bold ansicyan", "Hint: ") in lines[0]
    assert "\x1b" not in "".join(t for line in lines for _, t in line)  # shown, never obeyed
    assert pt_style(None) == ""


def _editor_script(tmp_path: Path, body: str) -> str:
    script = tmp_path / "ed.sh"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_the_editors_file_ends_with_a_newline_and_a_round_trip_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = tmp_path / "seen"
    monkeypatch.setenv("EDITOR", _editor_script(tmp_path, f'cp "$1" "{seen}"\n'))
    monkeypatch.delenv("VISUAL", raising=False)
    for notes in ("two\nlines", "ends with a blank line\n", ""):
        assert editor.edit(notes) == notes
        assert seen.read_text(encoding="utf-8") == notes + "\n"


def test_a_failing_editor_leaves_the_notes_and_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISUAL", _editor_script(tmp_path, "exit 3\n"))
    with pytest.raises(EditorFailed, match="exited with status 3"):
        editor.edit("notes")
    monkeypatch.setenv("VISUAL", str(tmp_path / "no-such-editor"))
    monkeypatch.setattr(editor, "FALLBACKS", ())
    with pytest.raises(EditorFailed, match="no editor found"):
        editor.edit("notes")
    assert not [p for p in os.listdir(tmp_path) if p.startswith("mockinterview-notes-")]


def test_a_live_count_that_fails_says_so_in_the_status_bar_and_stops() -> None:
    from concurrent.futures import Future
    from types import SimpleNamespace

    from mockinterview.ui.room.phase_room import PhaseRoom

    room = PhaseRoom.__new__(PhaseRoom)  # only the badge's state: no terminal needed
    room._badge_busy, room._badge, room._coach_frozen, room._badge_text = True, lambda notes: "1 of 2 points", True, None
    room._message, room._wall = None, lambda: 0.0
    room.app = SimpleNamespace(invalidate=lambda: None)  # type: ignore[assignment]
    failed: Future[str | None] = Future()
    failed.set_exception(KeyError("sm-hybrid"))
    room._badge_counted(failed)
    assert room._badge is None and room._badge_text is None and not room._badge_busy
    assert room._message is not None and "live count of points stopped (a bug: KeyError)" in room._message[0]
