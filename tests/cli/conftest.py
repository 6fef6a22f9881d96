"""Helpers for driving interactive commands with a prompt_toolkit pipe input."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch):
    """``with keys("text\\r", "\\x04") : invoke(...)`` answers prompts from a pipe.

    The pipe is closed after the keys, so a prompt the test did not answer ends
    with EOF (exit 2) instead of waiting forever.
    """
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    monkeypatch.setattr("mockinterview.ui.prompter.interactive", lambda: True)

    @contextmanager
    def _keys(*chunks: str, close: bool = True) -> Iterator[None]:
        with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
            inp.send_text("".join(chunks))
            if close:
                inp.close()
            yield

    return _keys
