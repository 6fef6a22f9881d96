"""Which pager runs, and when (the terminal side is in tests/screen/test_pager.py)."""

from __future__ import annotations

import io

import pytest

from mockinterview.ui import pager
from mockinterview.ui.console import THEME, SafeConsole


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"MOCKINTERVIEW_PAGER": "", "PAGER": "less"}, None),  # empty turns it off, before $PAGER
        ({"MOCKINTERVIEW_PAGER": "cat"}, None),
        ({"PAGER": "cat"}, None),
        ({"MOCKINTERVIEW_PAGER": "less -R", "PAGER": "more"}, ["less", "-R"]),
        ({"PAGER": "more"}, ["more"]),
        ({"PAGER": "no-such-pager-here"}, None),
        ({"PAGER": "'unclosed"}, None),
    ],
)
def test_the_pager_command(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: list[str] | None) -> None:
    monkeypatch.delenv("MOCKINTERVIEW_PAGER", raising=False)
    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.setattr(pager.shutil, "which", lambda name: None if "no-such" in name else f"/usr/bin/{name}")
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert pager.pager_command() == expected


def test_without_a_terminal_everything_is_printed_and_no_pager_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOCKINTERVIEW_PAGER", "less")
    monkeypatch.setattr(pager, "show_in_pager", lambda argv, text: pytest.fail("a pager ran"))
    buf = io.StringIO()
    out = SafeConsole(file=buf, width=80, color_system=None, theme=THEME)
    pager.page(out, [f"line {i}" for i in range(200)])
    assert buf.getvalue().count("line ") == 200
    assert not pager.should_page(out, 200)
