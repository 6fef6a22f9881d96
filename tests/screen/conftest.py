"""Fixtures for the screen tests: the real program in a pty, read through pyte."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("pexpect")
pytest.importorskip("pyte")

from screen.harness import Screen


@pytest.fixture
def screen(isolated_home: Path) -> Iterator[Callable[..., Screen]]:
    """``screen("run", "url-shortener", cols=120, rows=40, env={...})``: started in its own pty."""
    started: list[Screen] = []

    def start(*args: str, cols: int = 80, rows: int = 24, env: dict[str, str] | None = None) -> Screen:
        s = Screen(isolated_home, *args, cols=cols, rows=rows, env=env)
        started.append(s)
        return s

    yield start
    for s in started:
        s.close()
