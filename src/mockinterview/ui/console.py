"""Console factory, and the render boundary that keeps text from files terminal-safe.

Consoles are made when a command runs, never at import time, so tests that swap
``sys.stdout`` (CliRunner) and ``NO_COLOR`` both just work.

Every console the product writes to is a :class:`SafeConsole`. Its :meth:`~SafeConsole.render`
is the one place every renderable passes through on its way out (``print``, ``out``,
``log``, ``Live``, ``status``, ``capture``, ``pager``, ``export_html``), so the text of
every segment is cleaned there by :func:`mockinterview.textsafe.clean`: an escape or C1
character inside a scenario title is shown as ``^[`` or ``<9b>``, never obeyed. Rich's
own styling is not text: it is emitted later, from each segment's ``Style``, and control
segments (cursor moves a ``Live`` makes) are passed through, so colours still work.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import IO

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Span, Text
from rich.theme import Theme

from mockinterview.textsafe import CONTROL_RE, clean

THEME = Theme(
    {
        "muted": "dim",
        "good": "green",
        "warn": "yellow",
        "bad": "red",
        "accent": "cyan",
        "title": "bold",
        "derived": "dim italic",
    }
)

LEVEL_STYLE = {"entry": "green", "mid": "yellow", "senior": "magenta", "staff": "cyan"}
VERDICT_STYLE = {"Strong Pass": "bold green", "Pass": "green", "Weak Pass": "yellow", "No Pass": "bold red"}


def clean_text(text: Text) -> Text:
    """``text`` with each control character made visible, its styles kept.

    Done before a ``Text`` is laid out, so wrapping and table cells measure the visible
    form (a raw escape is zero cells wide; ``^[`` is two). ``text`` itself is not changed.
    """
    plain = text.plain
    if CONTROL_RE.search(plain) is None:
        return text
    out = text.blank_copy()
    pos = 0
    for match in CONTROL_RE.finditer(plain):
        start, end = match.span()
        if start > pos:
            out.append_text(text[pos:start])
        char = text[start:end]  # keeps the styles that cover this character
        shown = clean(match.group())
        out.append_text(Text(shown, style=char.style, spans=[Span(0, len(shown), s.style) for s in char.spans]))
        pos = end
    if pos < len(plain):
        out.append_text(text[pos:])
    return out


def _clean_segments(segments: Iterable[Segment]) -> Iterator[Segment]:
    search = CONTROL_RE.search
    for segment in segments:
        if segment.control is None and search(segment.text) is not None:
            yield Segment(clean(segment.text), segment.style)
        else:
            yield segment


class SafeConsole(Console):
    """A rich ``Console`` that never writes a control character found in content."""

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        if type(renderable) is Text:
            # A plain Text renders as its own characters (plus padding and ``end``),
            # so once its text is clean its segments are too: the common, fast case.
            return super().render(clean_text(renderable), options)
        # Anything else (a table, a panel, a subclass of Text, a renderable written
        # elsewhere) is cleaned segment by segment. Nested renderables come back through
        # this method too; cleaning is idempotent, one regex search per segment.
        return _clean_segments(super().render(renderable, options))

    def on_broken_pipe(self) -> None:
        """The reader left (``mockinterview show ID --reveal | head -2``): stop quietly
        with success, as ``git log | head`` does (rich's own exits 1)."""
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0)


def _width() -> int | None:
    # Rich sizes itself from the terminal; when output is not a terminal (a pipe, a
    # file, CliRunner), fall back to COLUMNS or 100 so tables are not squeezed to 80.
    if sys.stdout.isatty():
        return None
    cols = os.environ.get("COLUMNS")
    return int(cols) if cols and cols.isdigit() else 100


def stdout() -> SafeConsole:
    return SafeConsole(theme=THEME, width=_width(), highlight=False, emoji=False)


def stderr() -> SafeConsole:
    return SafeConsole(theme=THEME, stderr=True, highlight=False, emoji=False)


def recorder(file: IO[str], width: int = 100) -> SafeConsole:
    """A full-colour console that records what it prints, for ``export_html``."""
    return SafeConsole(record=True, file=file, width=width, force_terminal=True, color_system="truecolor", theme=THEME)
