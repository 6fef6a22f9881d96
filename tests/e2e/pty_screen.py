"""A terminal for the end-to-end tests (the ``term`` fixture in conftest.py): the real program in a pseudo-terminal (pexpect),
its output fed to a terminal emulator (pyte), so a test reads the screen a person sees.

The emulator answers the program's cursor-position requests (``ESC [ 6 n``) as a real
terminal does, so prompt_toolkit draws its toolbar. No timing is asserted:
:meth:`Terminal.wait_for` polls the screen until a text shows (or a generous timeout
passes, which fails the test with the screen printed).
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte
import pytest

CTRL = {"c": "\x03", "d": "\x04", "e": "\x05", "g": "\x07", "p": "\x10", "t": "\x14"}
WAIT = 60.0  # seconds; generous, for a loaded two-core machine


class _AnsweringScreen(pyte.Screen):
    """A pyte screen that writes its replies (cursor position, status) back to the program."""

    def __init__(self, cols: int, rows: int, reply: Callable[[str], object]) -> None:
        super().__init__(cols, rows)
        self._reply = reply

    def write_process_input(self, data: str) -> None:
        self._reply(data)


def flat(text: str) -> str:
    """Runs of spaces and line ends as one space: text wrapped on screen reads whole."""
    return " ".join(text.split())


class Terminal:
    def __init__(self, home: Path, *args: str, env: dict[str, str] | None = None, cols: int = 80, rows: int = 24) -> None:
        full = {k: v for k, v in os.environ.items() if not k.startswith("MOCKINTERVIEW")}
        for name in ("NO_COLOR", "PROMPT_TOOLKIT_NO_CPR", "COLUMNS", "LINES", "VISUAL"):
            full.pop(name, None)
        full.update(MOCKINTERVIEW_HOME=str(home), TERM="xterm-256color", **(env or {}))
        self.child = pexpect.spawn(
            sys.executable, ["-m", "mockinterview", *args], env=full, dimensions=(rows, cols),
            encoding="utf-8", codec_errors="replace", timeout=WAIT,
        )
        self.screen = _AnsweringScreen(cols, rows, self.child.send)
        self.stream = pyte.Stream(self.screen)
        self.ended = False

    # Reading -----------------------------------------------------------------------
    def pump(self, seconds: float = 0.1) -> None:
        """Feed whatever the program wrote within ``seconds`` to the screen."""
        end = time.monotonic() + seconds
        while not self.ended:
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.05))
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                self.ended = True
            if time.monotonic() >= end:
                break

    @property
    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, pattern: str, *, timeout: float = WAIT) -> re.Match[str]:
        """Wait until ``pattern`` (a regular expression) matches the screen, its lines
        joined with single spaces; return the match."""
        deadline = time.monotonic() + timeout
        while True:
            self.pump()
            found = re.search(pattern, flat(self.text))
            if found:
                return found
            if self.ended or time.monotonic() > deadline:
                pytest.fail(f"{pattern!r} never showed; the screen:\n{self.text}")

    def wait_gone(self, pattern: str, *, timeout: float = WAIT) -> None:
        deadline = time.monotonic() + timeout
        while re.search(pattern, flat(self.text)):
            self.pump()
            if self.ended or time.monotonic() > deadline:
                pytest.fail(f"{pattern!r} did not go away; the screen:\n{self.text}")

    def shows(self, pattern: str) -> bool:
        self.pump()
        return re.search(pattern, flat(self.text)) is not None

    # Writing -----------------------------------------------------------------------
    def type(self, text: str) -> None:
        self.child.send(text)

    def ctrl(self, key: str) -> None:
        self.child.send(CTRL[key])

    # Ending ------------------------------------------------------------------------
    def exit_status(self) -> int | None:
        deadline = time.monotonic() + WAIT
        while not self.ended and time.monotonic() < deadline:
            self.pump(0.2)
        self.child.expect(pexpect.EOF, timeout=WAIT)
        self.child.close()
        status: int | None = self.child.exitstatus
        return status

    def kill(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
