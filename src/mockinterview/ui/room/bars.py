"""The room's bars as text: the header, the status line, the keys line, the pane
titles. Pure functions of what they show and the width they have, so they are
tested without a terminal; every line fits its width (it is cut with ``…``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.utils import get_cwidth

from mockinterview.interview.clock import mmss
from mockinterview.textsafe import clean

#: The keys of a phase, as the keys line shows them (the first six as the notes prompt did).
KEYS: tuple[tuple[str, str, str], ...] = (
    ("^D", "done", "done"),
    ("^P", "pause", "pause"),
    ("^T", "+2 min", "+2m"),
    ("^G", "hint", "hint"),
    ("^E", "editor", "edit"),
    ("^C", "quit", "quit"),
    ("F1", "brief", "brief"),
    ("Tab", "pane", "pane"),
)
MIN_COLS, MIN_ROWS = 80, 24  # the smallest room: below it, a notice instead
WIDE = 110  # from this width, the notes and the interviewer side by side


def width_of(fragments: StyleAndTextTuples) -> int:
    return sum(get_cwidth(text) for _, text, *_ in fragments)


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, ending in ``…`` when it was cut."""
    if width <= 0:
        return ""
    if get_cwidth(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = get_cwidth(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def one_line(text: str) -> str:
    """File text for a one-line bar: control characters shown, line ends as spaces."""
    return " ".join(clean(text).split())


@lru_cache(maxsize=16)  # drawn with every frame, the same for a width
def keys_line(width: int, keys: Sequence[tuple[str, str, str]] = KEYS) -> str:
    """The keys, as many words as fit: ``^D done  ^P pause ...``, then single spaces,
    then the short words, then the keys alone (never cut in the middle of a key)."""
    forms = (
        "  ".join(f"{k} {long}" for k, long, _ in keys),
        " ".join(f"{k} {long}" for k, long, _ in keys),
        " ".join(f"{k} {short}" for k, _, short in keys),
        " ".join(k for k, _, _ in keys),
    )
    for form in forms:
        if get_cwidth(form) + 1 <= width:
            return " " + form
    return cut(" " + forms[-1], width)


def header(scenario: str, at: int, of: int, phase: str, minutes: float, goal: str, width: int) -> StyleAndTextTuples:
    """Two lines: ``Scenario · Phase 2/6 · Title · 7 min`` and ``Goal: ...``."""
    place = f" · Phase {at}/{of} · {one_line(phase)} · {minutes_text(minutes)} min "
    name = cut(" " + one_line(scenario), max(0, width - get_cwidth(place)))
    first = cut(name + place, width)
    return [
        ("class:header.title", first.ljust(width)),
        ("", "\n"),
        ("class:header.goal", cut(" Goal: " + one_line(goal), width).ljust(width)),
    ]


def minutes_text(minutes: float) -> str:
    """``7``, ``3.3``: minutes to one decimal, without a trailing ``.0``."""
    return f"{round(minutes, 1):g}"


@dataclass(frozen=True)
class StatusInfo:
    """What the status line shows (everything the clock and the keys decided)."""

    remaining: float  # seconds left in the phase; negative in overtime
    interview_left: float
    paused: bool = False
    waiting: bool = False  # the clock has not started (Enter starts it)
    message: str | None = None  # a short reply to a key (``Resumed.``)


def status_line(info: StatusInfo, width: int) -> StyleAndTextTuples:
    """`` 4:12 left  interview 37:12 left  PAUSED  message`` (the phase's title is in the
    header); the message is cut to what is left of the width."""
    if info.remaining >= 0:
        time_part: tuple[str, str] = ("class:status.time", f" {mmss(info.remaining)} left ")
    else:
        time_part = ("class:status.over", f" +{mmss(-info.remaining)} OVER ")
    parts: StyleAndTextTuples = [time_part, ("class:status", f" interview {mmss(max(0.0, info.interview_left))} left ")]
    if info.waiting:
        parts.append(("class:status.paused", " NOT STARTED "))
    elif info.paused:
        parts.append(("class:status.paused", " PAUSED "))
    if info.message:
        room = width - width_of(parts) - 2
        if room >= 8:
            parts.append(("class:status.message", "  " + cut(one_line(info.message), room)))
    used = width_of(parts)
    if used < width:
        parts.append(("class:status", " " * (width - used)))
    return parts


def save_failure_line(problem: str, width: int) -> StyleAndTextTuples:
    """The one line a failed autosave shows until a save succeeds again."""
    text = cut(" Not saved, retrying (your notes are kept here): " + one_line(problem), width)
    return [("class:status.warn", text.ljust(width))]


def pane_title(name: str, width: int, *, focused: bool, extra: str = "", above: int = 0, below: int = 0) -> StyleAndTextTuples:
    """``── Interviewer · ↑ 3 more ──────`` (bold when focused)."""
    style = "class:pane.title.focused" if focused else "class:pane.title"
    text = f"── {name}{' · ' + extra if extra else ''} "
    marks = []
    if above:
        marks.append(f"↑ {above} more")
    if below:
        marks.append(f"↓ {below} more")
    if marks:
        text += "· " + "  ".join(marks) + " "
    text = cut(text, width)
    return [(style, text + "─" * max(0, width - get_cwidth(text)))]


def too_small(cols: int, rows: int) -> str:
    """The notice shown instead of the room below 80x24."""
    return (
        f"The terminal is {cols}x{rows}; the interview room needs at least {MIN_COLS}x{MIN_ROWS}.\n"
        "Make the window larger to go on.\n\n"
        "Your notes are safe: they are kept and saved as before, and the clock goes on.\n"
        "^P pauses the clock; ^C stops the interview (save or discard)."
    )
