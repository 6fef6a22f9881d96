"""Long output in a real 80x24 terminal opens a pager, as `git log` does; short output,
`--no-pager` and a pipe never do (issue 12, item 7)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from screen.harness import Screen

pytestmark = pytest.mark.skipif(shutil.which("less") is None, reason="needs less")


def test_show_reveal_in_a_24_row_terminal_opens_the_pager(isolated_home: Path) -> None:
    term = Screen(isolated_home, "show", "social-media-feed", "--reveal", env={"PAGER": "less"})
    try:
        term.wait_for("Social Media Feed (Mid Level)")  # the top of the output, held by the pager
        term.pump(0.5)
        assert term.line_with("Social Media Feed (Mid Level)") == 0
        assert term.child.isalive()  # waiting for the reader, not finished
        term.send("q")
        assert term.wait_exit() == 0
    finally:
        term.close()


def test_no_pager_prints_everything_at_once(isolated_home: Path) -> None:
    term = Screen(isolated_home, "--no-pager", "show", "social-media-feed", "--reveal", env={"PAGER": "less"})
    try:
        assert term.wait_exit() == 0  # nothing waits for a key
        assert "Social Media Feed (Mid Level)" not in term.text  # scrolled off: the tail is on screen
    finally:
        term.close()


def test_the_pager_is_mockinterview_pager_and_short_output_skips_it(isolated_home: Path, tmp_path: Path) -> None:
    caught = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open({str(caught)!r}, 'w').write(sys.stdin.read())\""
    term = Screen(isolated_home, "show", "social-media-feed", "--reveal", env={"MOCKINTERVIEW_PAGER": pager})
    try:
        assert term.wait_exit() == 0
    finally:
        term.close()
    assert "Debrief checklist" in caught.read_text(encoding="utf-8")
    caught.unlink()
    short = Screen(isolated_home, "help", env={"MOCKINTERVIEW_PAGER": pager})
    try:
        assert short.wait_exit() == 0
        assert "Topics" in short.text
    finally:
        short.close()
    assert not caught.exists()  # fits on the screen: printed, no pager


def test_a_closed_pipe_ends_quietly_with_success(isolated_home: Path) -> None:
    env = {"MOCKINTERVIEW_HOME": str(isolated_home), "PATH": "/usr/bin:/bin"}
    cmd = f"{sys.executable} -m mockinterview show social-media-feed --reveal | head -2"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines()[0].startswith("Social Media Feed (Mid Level)")
