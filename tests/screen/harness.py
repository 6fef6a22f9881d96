"""Read the screen the user sees: the real program in a pseudo-terminal (pexpect), its
output fed to a terminal emulator (pyte). The one harness of the screen and
end-to-end tests (``from screen.harness import Screen``).

prompt_toolkit asks the terminal where the cursor is (``ESC [ 6 n``) and waits for the
answer to size its prompts; a real terminal answers, a bare pty does not. The emulated
screen answers every request itself (pyte's ``report_device_status`` writes the reply
back to the program), so the program draws exactly as on a real terminal, however
its output is split into reads.

No timing is asserted: the ``wait_*`` methods poll the emulated screen until a text
appears (or a generous timeout passes, which fails the test with the screen printed).
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pexpect
import pyte

WAIT = 60.0  # seconds; generous, for a loaded two-core machine
KEYS = {
    "enter": "\r",
    "esc": "\x1b",
    "tab": "\t",
    "f1": "\x1bOP",
    "c-c": "\x03",
    "c-d": "\x04",
    "c-e": "\x05",
    "c-g": "\x07",
    "c-p": "\x10",
    "c-t": "\x14",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "pageup": "\x1b[5~",
    "pagedown": "\x1b[6~",
    "home": "\x1b[H",
    "end": "\x1b[F",
}


def flat(text: str) -> str:
    """Runs of spaces and line ends as one space: text wrapped on screen reads whole."""
    return " ".join(text.split())


class _AnsweringScreen(pyte.Screen):
    """A pyte screen that writes its replies (cursor position, status) back to the program."""

    def __init__(self, cols: int, rows: int, reply: Callable[[str], object]) -> None:
        super().__init__(cols, rows)
        self._reply = reply

    def write_process_input(self, data: str) -> None:
        self._reply(data)


class Screen:
    """``python -m mockinterview ARGS`` in a pty of ``cols`` x ``rows``, with its screen kept up to date."""

    def __init__(
        self,
        home: Path,
        *args: str,
        cols: int = 80,
        rows: int = 24,
        env: dict[str, str] | None = None,
        timeout: float = WAIT,
    ) -> None:
        base = {k: v for k, v in os.environ.items() if not k.startswith("MOCKINTERVIEW")}
        for name in ("NO_COLOR", "PROMPT_TOOLKIT_NO_CPR", "COLUMNS", "LINES", "VISUAL", "EDITOR"):
            base.pop(name, None)
        base.update(MOCKINTERVIEW_HOME=str(home), TERM="xterm-256color")
        base.update(env or {})
        self.cols, self.rows = cols, rows
        self.timeout = timeout
        self.child = pexpect.spawn(
            sys.executable, ["-m", "mockinterview", *args], env=base, dimensions=(rows, cols), timeout=timeout
        )
        self.screen = _AnsweringScreen(cols, rows, lambda data: self.child.send(data.encode()))
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.ended = False

    # ------------------------------------------------------------------ input and output
    def pump(self, seconds: float = 0.05) -> bool:
        """Feed what the program writes within ``seconds`` to the screen. False at EOF."""
        end = time.monotonic() + seconds
        while not self.ended:
            try:
                data = self.child.read_nonblocking(65536, timeout=min(0.05, max(0.0, end - time.monotonic())))
            except pexpect.TIMEOUT:
                data = b""
            except pexpect.EOF:
                self.ended = True
                break
            if data:
                self.raw += data
                self.stream.feed(data)
            if time.monotonic() >= end:
                break
        return not self.ended

    def send(self, *keys: str) -> None:
        """Press named keys (``"f1"``, ``"c-d"``, ``"enter"``) or type text, in order."""
        for k in keys:
            self.child.send(KEYS.get(k, k))
            self.pump(0.05)

    def ctrl(self, letter: str) -> None:
        """``ctrl("d")`` presses ^D."""
        self.send(f"c-{letter}")

    def type(self, text: str) -> None:
        """Type ``text`` a line at a time (Enter between lines)."""
        for i, line in enumerate(text.split("\n")):
            if i:
                self.child.send("\r")
            self.child.send(line)
            self.pump(0.02)

    def resize(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.screen.resize(rows, cols)
        self.child.setwinsize(rows, cols)

    # ------------------------------------------------------------------ reading
    @property
    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line_with(self, needle: str) -> int | None:
        for i, line in enumerate(self.lines):
            if needle in line:
                return i
        return None

    def shows(self, pattern: str) -> bool:
        """Whether ``pattern`` (a regular expression) matches the screen, lines joined by spaces."""
        self.pump()
        return re.search(pattern, flat(self.text)) is not None

    def wait_for(self, what: str | Callable[[Screen], bool], timeout: float | None = None) -> None:
        """Pump output until ``what`` is on screen (a plain string) or true (a predicate)."""
        check: Callable[[Screen], bool] = (lambda s: what in s.text) if isinstance(what, str) else what
        deadline = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < deadline:
            alive = self.pump(0.1)
            if check(self):
                return
            if not alive:
                break
        raise AssertionError(f"screen never showed {what!r}; it shows:\n{self.text}")

    def wait_match(self, pattern: str, timeout: float | None = None) -> re.Match[str]:
        """Wait until ``pattern`` (a regular expression) matches the screen, its lines
        joined with single spaces; return the match."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            alive = self.pump(0.1)
            found = re.search(pattern, flat(self.text))
            if found:
                return found
            if not alive or time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} never showed; the screen:\n{self.text}")

    def wait_gone(self, pattern: str, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout or self.timeout)
        while re.search(pattern, flat(self.text)):
            alive = self.pump(0.1)
            if not alive or time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} did not go away; the screen:\n{self.text}")

    def attrs_of(self, needle: str) -> dict[str, Any]:
        """The pyte attributes of the first character of ``needle`` on screen."""
        row = self.line_with(needle)
        assert row is not None, f"{needle!r} not on screen:\n{self.text}"
        col = self.screen.display[row].index(needle)
        ch = self.screen.buffer[row][col]
        return {"fg": ch.fg, "bg": ch.bg, "bold": ch.bold, "reverse": ch.reverse}

    # ------------------------------------------------------------------ ending
    def wait_exit(self, timeout: float | None = None) -> int:
        """The exit status (a negative number: killed by that signal)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < deadline and self.pump(0.1):
            pass
        self.child.close()
        status = self.child.exitstatus
        return int(status if status is not None else -(self.child.signalstatus or 0))

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
