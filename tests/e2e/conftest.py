"""Fixtures for the end-to-end tests. They read the screen through the one pty + pyte
harness, tests/screen/harness.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("pexpect")
pytest.importorskip("pyte")

from screen.harness import Screen


@pytest.fixture
def term(isolated_home: Path) -> Iterator[Callable[..., Screen]]:
    """``term("run", "url-shortener", env={...})``: the program, started in its own 80x24 pty."""
    started: list[Screen] = []

    def start(*args: str, env: dict[str, str] | None = None, cols: int = 80, rows: int = 24) -> Screen:
        term = Screen(isolated_home, *args, env=env, cols=cols, rows=rows)
        started.append(term)
        return term

    yield start
    for term in started:
        term.close()
