"""Fixtures for the end-to-end tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("pexpect")
pytest.importorskip("pyte")

from pty_screen import Terminal


@pytest.fixture
def term(isolated_home: Path) -> Iterator[Callable[..., Terminal]]:
    """``term("run", "url-shortener", env={...})``: the program, started in its own pty."""
    started: list[Terminal] = []

    def start(*args: str, env: dict[str, str] | None = None) -> Terminal:
        term = Terminal(isolated_home, *args, env=env)
        started.append(term)
        return term

    yield start
    for term in started:
        term.kill()
