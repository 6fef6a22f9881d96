"""Long text views laid out in one pass: :class:`Flow`.

A view of some 500 lines (``show --reveal``) printed as hundreds of ``Text``,
``Padding`` and bullet-grid renderables spends most of its time in rich measuring a
table per list and in ``Console.print`` per part. A ``Flow`` holds a section's
paragraphs and bullets and lays them out itself, line by line, with rich's own word
wrapping, so its lines are exactly those the renderables it replaces would print.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from mockinterview.ui.console import clean_text

__all__ = ["Flow", "as_printed"]

#: How ``Console.print`` joins the ``Text``s it is handed: into one new ``Text``, which
#: drops their ``no_wrap`` and ``overflow`` (so a long line folds at the width).
_PRINTED = Text(" ", end="\n")


def as_printed(text: Text) -> Text:
    """``text`` as ``Console.print`` lays it out when it is printed on its own."""
    return _PRINTED.join([text])


class _Para(NamedTuple):
    text: Text
    indent: int


class _Bullet(NamedTuple):
    marker: str
    text: Text
    indent: int


class Flow:
    """Paragraphs, indented paragraphs and bullets, laid out in one pass at the width
    rich gives it.

    * :meth:`text` with no indent: as ``console.print(text)`` lays it out (``top``) or,
      inside another renderable (``top=False``), as the ``Text`` itself renders;
    * :meth:`text` with an indent: as ``Padding(text, (0, 0, 0, indent))``;
    * :meth:`bullet`: as one row of a ``Table.grid(padding=(0, 1))`` of a muted marker
      column and a text column, in ``Padding(grid, (0, 0, 0, indent))``: wrapped lines
      hang under the text, not the marker;
    * :meth:`add`: anything else (a panel, a table), rendered by rich.

    Every ``Text`` is cleaned of control characters before it is measured.
    """

    __slots__ = ("_rows", "_top")

    def __init__(self, *, top: bool = True) -> None:
        self._rows: list[_Para | _Bullet | RenderableType] = []
        self._top = top

    def text(self, text: Text, indent: int = 0) -> Flow:
        self._rows.append(_Para(text, indent))
        return self

    def bullet(self, text: Text, marker: str = "•", indent: int = 2) -> Flow:
        self._rows.append(_Bullet(marker, text, indent))
        return self

    def add(self, renderable: RenderableType) -> Flow:
        self._rows.append(renderable)
        return self

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        new_line = Segment.line()
        muted = console.get_style("muted", default=None)
        hang = [Segment("  ", muted)]
        for row in self._rows:
            if isinstance(row, _Para):
                text = clean_text(row.text)
                if not row.indent:
                    shown = as_printed(text) if self._top else text
                    yield from shown.__rich_console__(console, options)
                    continue
                inner = max(1, width - row.indent)
                lines = text.wrap(
                    console, inner,
                    justify=text.justify or options.justify or "default",
                    overflow=text.overflow or options.overflow or "fold",
                    no_wrap=bool(options.no_wrap if text.no_wrap is None else text.no_wrap),
                    tab_size=text.tab_size or console.tab_size,
                )
                first: list[Segment] = []
                rest: list[Segment] = []
            elif isinstance(row, _Bullet):
                text = clean_text(row.text)
                inner = max(1, width - row.indent - 2)
                lines = text.wrap(console, inner, justify="left", overflow=text.overflow or "ellipsis",
                                  no_wrap=bool(text.no_wrap))
                first = [Segment(row.marker or " ", muted), Segment(" ", muted)]
                rest = hang
            else:
                yield from console.render(row, options)
                continue
            pad = Segment(" " * row.indent)
            for i, line in enumerate(lines):
                line.truncate(inner, overflow="crop", pad=True)
                yield pad
                yield from rest if i else first
                yield from line.render(console)
                yield new_line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        low = high = 0
        for row in self._rows:
            if isinstance(row, _Para | _Bullet):
                extra = row.indent + (2 if isinstance(row, _Bullet) else 0)
                m = Measurement.get(console, options, row.text)
                m = Measurement(m.minimum + extra, m.maximum + extra)
            else:
                m = Measurement.get(console, options, row)
            low, high = max(low, m.minimum), max(high, m.maximum)
        return Measurement(low, high)
