"""One exception hierarchy for the whole program, and the exit codes it maps to.

The core raises these; the CLI boundary (``mockinterview.cli``) catches them once,
prints a single line on stderr and exits with the code. ``--debug`` re-raises.
"""

from __future__ import annotations

from enum import IntEnum

from mockinterview.textsafe import clean


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # a user error: bad file, unknown id, invalid scores, ...
    USAGE = 2  # wrong arguments, or an interactive command without a terminal
    INTERRUPTED = 130  # Ctrl-C


class MockInterviewError(Exception):
    """Base class: a problem the user can act on. Its message is shown as is."""

    exit_code: ExitCode = ExitCode.ERROR
    prefix: str = "Error: "  # how the CLI boundary introduces the message

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(MockInterviewError):
    exit_code = ExitCode.USAGE


class NotATerminalError(UsageError):
    """An interactive step was asked for without a terminal."""


class ScenarioNotFound(MockInterviewError):
    pass


class InvalidId(MockInterviewError):
    pass


class Problem:
    """One located problem in a content file: ``file:line:col: field.path: message``."""

    __slots__ = ("column", "field", "line", "message", "path")

    def __init__(self, path: str, line: int | None, column: int | None, field: str, message: str) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        self.message = message

    def __str__(self) -> str:
        """``file:line:col: field: message``, with control characters made visible.

        The field path and the message may quote a file's text (a key, a value), so
        they are cleaned here too, not only where they are rendered.
        """
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return clean(text)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Problem({self!s})"


class ContentError(MockInterviewError):
    """A scenario, rubric or score file is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid file"
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        super().__init__(first + more)


class FormulaError(MockInterviewError):
    """An estimation formula is malformed, uses something not allowed, or cannot be evaluated."""


class QuantityError(MockInterviewError):
    """Typed text is not a quantity of the expected kind (``1.2K/s``, ``91 TB``, ...)."""


class NoEstimation(MockInterviewError):
    """The scenario has no ``estimation`` section, so there is nothing to drill."""


class InvalidScores(MockInterviewError):
    pass


class StoreError(MockInterviewError):
    pass


class SessionNotFound(MockInterviewError):
    pass


class ImportFileError(MockInterviewError):
    """An import file that cannot be imported; nothing was written."""


class Interrupted(MockInterviewError):
    """Ctrl-C at a prompt: what was answered is kept; the message says how to go on."""

    exit_code = ExitCode.INTERRUPTED
    prefix = ""  # not an error: the user chose to stop, and the message says what was kept


class EditorFailed(MockInterviewError):
    """^E in the interview room: no editor could be run, or it failed; the notes are unchanged.
    Shown in the room's status line, never raised out of it."""


class SignalExit(KeyboardInterrupt):
    """SIGTERM, or SIGHUP (the terminal was closed), during ``run`` or ``resume``: the
    interview stops as Ctrl-C's "save and quit" does, without asking. A subclass of
    KeyboardInterrupt, so every step that keeps the work on Ctrl-C keeps it here too."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
