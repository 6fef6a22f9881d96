"""The prompt seam: the only module that imports questionary / prompt_toolkit for
question-and-answer prompts. Every prompt uses ``unsafe_ask()``, so Ctrl-C raises
KeyboardInterrupt (never a silent ``None``) and EOF means "no terminal here".

Tests drive these prompts with a prompt_toolkit pipe input inside
``create_app_session``; ``interactive()`` is the one check for a real terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mockinterview.errors import NotATerminalError

if TYPE_CHECKING:
    from questionary import Question


def interactive() -> bool:
    """True when both ends are a terminal (the normal case for a person)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def require_terminal(alternative: str) -> None:
    if not interactive():
        raise NotATerminalError(
            "this step asks questions and needs a terminal (stdin and stdout must not be redirected)",
            hint=alternative,
        )


def _run(question: Question) -> object:
    """The answer, as questionary gives it (text, a bool, the chosen value or values)."""
    try:
        answer: object = question.unsafe_ask()
    except EOFError as exc:  # input closed: treat like "no terminal", never hang
        raise NotATerminalError("input ended before the question was answered") from exc
    return answer


def ask_int(message: str, lo: int, hi: int, default: int | None = None, instruction: str | None = None) -> int:
    import questionary

    def valid(text: str) -> bool | str:
        text = text.strip()
        if not text and default is not None:
            return True
        if text.lstrip("-").isdigit() and lo <= int(text) <= hi:
            return True
        return f"Enter a whole number from {lo} to {hi}"

    # The default is shown, not pre-filled: typing "4" must mean 4, not "34".
    if default is not None:
        message = f"{message} [Enter = {default}]"
    answer = str(_run(questionary.text(message, validate=valid, instruction=instruction))).strip()
    if not answer and default is not None:
        return default
    return int(answer)


def confirm(message: str, default: bool = False) -> bool:
    import questionary

    return bool(_run(questionary.confirm(message, default=default)))


def checklist(message: str, items: Sequence[str], checked: Sequence[str] = ()) -> list[str]:
    import questionary

    if not items:
        return []
    choices = [questionary.Choice(item, value=item, checked=item in checked) for item in items]
    answer = _run(questionary.checkbox(message, choices=choices, instruction="(space to tick, enter when done)"))
    return [str(item) for item in answer] if isinstance(answer, list) else []


def select(message: str, choices: Sequence[tuple[str, str]], default: str | None = None) -> str:
    """``choices`` are (value, label) pairs; returns the chosen value."""
    import questionary

    qchoices = [questionary.Choice(label, value=value) for value, label in choices]
    default_choice = next((c for c in qchoices if c.value == default), None)
    return str(_run(questionary.select(message, choices=qchoices, default=default_choice)))


def text(message: str, default: str = "", validate: Callable[[str], bool | str] | None = None) -> str:
    import questionary

    return str(_run(questionary.text(message, default=default, validate=validate)))
