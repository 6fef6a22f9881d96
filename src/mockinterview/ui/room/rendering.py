"""Rich renderables inside prompt_toolkit: laid out by rich at a width, shown as
prompt_toolkit fragments, in a pane that scrolls on its own.

Everything the room shows that comes from a file (the scenario, the notes) is laid
out here through a :class:`~mockinterview.ui.console.SafeConsole`, so control
characters are shown, never obeyed, exactly as on the product's other screens. The
colours are passed on as they are; with ``NO_COLOR`` prompt_toolkit drops them and
keeps bold, so the screens still read.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import lru_cache

from prompt_toolkit.application.current import get_app
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout.controls import UIContent, UIControl
from prompt_toolkit.mouse_events import MouseEvent, MouseEventType
from rich.color import Color, ColorType
from rich.console import Group, RenderableType
from rich.style import Style

from mockinterview.ui import console

Lines = list[StyleAndTextTuples]

# rich's sixteen standard colours as prompt_toolkit names them (the terminal's own palette).
_ANSI = (
    "ansiblack", "ansired", "ansigreen", "ansiyellow", "ansiblue", "ansimagenta", "ansicyan", "ansigray",
    "ansibrightblack", "ansibrightred", "ansibrightgreen", "ansibrightyellow", "ansibrightblue",
    "ansibrightmagenta", "ansibrightcyan", "ansiwhite",
)  # fmt: skip
_ATTRS = ("bold", "dim", "italic", "underline", "reverse", "strike", "blink")


def _colour(color: Color) -> str | None:
    if color.type == ColorType.DEFAULT:
        return None
    if color.type in (ColorType.STANDARD, ColorType.WINDOWS) and color.number is not None and color.number < 16:
        return _ANSI[color.number]
    return color.get_truecolor().hex


@lru_cache(maxsize=512)
def pt_style(style: Style | None) -> str:
    """A rich style as a prompt_toolkit style string (``"bold ansicyan bg:#303030"``)."""
    if style is None:
        return ""
    parts = [a for a in _ATTRS if getattr(style, a)]
    if style.color is not None and (fg := _colour(style.color)):
        parts.append(fg)
    if style.bgcolor is not None and (bg := _colour(style.bgcolor)):
        parts.append("bg:" + bg)
    return " ".join(parts)


def to_lines(renderables: Sequence[RenderableType], width: int) -> Lines:
    """``renderables`` laid out by rich at ``width`` columns: one fragment list per screen line."""
    out = console.recorder(io.StringIO(), width=max(width, 1))  # a SafeConsole: control characters shown
    lines = out.render_lines(Group(*renderables), out.options.update_width(max(width, 1)), pad=False)
    return [[(pt_style(seg.style), seg.text) for seg in line if seg.text and not seg.control] for line in lines]


class ScrollView(UIControl):
    """Read-only lines that scroll on their own (arrows, PageUp/PageDown, Home/End, the
    mouse wheel). ``render(width)`` gives the lines; it is called again only when the
    width changes or after :meth:`changed`. With ``follow`` the newest line stays in
    view until the reader scrolls up; :meth:`changed` with ``show_newest`` brings it back.
    ``keep_in_view()`` gives a ``[start, end)`` range of lines to scroll into view at
    each draw (a page's selected entry); ``keys=False`` leaves the keys to the page."""

    def __init__(
        self,
        render: Callable[[int], Lines],
        *,
        follow: bool = False,
        keep_in_view: Callable[[], tuple[int, int]] | None = None,
        keys: bool = True,
    ) -> None:
        self._render = render
        self._keep_in_view = keep_in_view
        self._keys = keys
        self._key: tuple[int, int] | None = None
        self._lines: Lines = []
        self._version = 0
        self.follow = follow
        self.top = 0  # the first line shown
        self.height = 1  # the height it was last drawn at
        self._bindings = self._make_bindings()
        self._extent = (0, 0)

    # What to show ------------------------------------------------------------------
    def changed(self, *, show_newest: bool = False) -> None:
        self._version += 1
        if show_newest:
            self.follow = True

    def lines(self, width: int) -> Lines:
        key = (width, self._version)
        if key != self._key:
            self._lines, self._key = self._render(width), key
        return self._lines

    @property
    def above(self) -> int:
        """Lines above the view."""
        return self.top

    @property
    def below(self) -> int:
        """Lines below the view."""
        return max(0, len(self._lines) - self.top - self.height)

    # UIControl ---------------------------------------------------------------------
    def is_focusable(self) -> bool:
        return True

    def create_content(self, width: int, height: int | None) -> UIContent:
        lines = self.lines(width)
        self.height = max(1, height or 1)
        bottom = max(0, len(lines) - self.height)
        if self.follow:
            self.top = bottom
        if self._keep_in_view is not None:
            start, end = self._keep_in_view()
            if end > self.top + self.height:
                self.top = end - self.height
            if start < self.top:
                self.top = start
        self.top = min(max(self.top, 0), bottom)
        shown = lines[self.top : self.top + self.height]
        extent = (self.above, self.below)
        if extent != self._extent:  # a title above this pane says "↑ 3 more": draw it again, once
            self._extent = extent
            get_app().invalidate()
        return UIContent(get_line=lambda i: shown[i], line_count=len(shown), show_cursor=False)

    def scroll(self, delta: int) -> None:
        bottom = max(0, len(self._lines) - self.height)
        self.top = min(max(self.top + delta, 0), bottom)
        self.follow = self.top >= bottom

    def mouse_handler(self, mouse_event: MouseEvent) -> None:
        if mouse_event.event_type == MouseEventType.SCROLL_UP:
            self.scroll(-3)
        elif mouse_event.event_type == MouseEventType.SCROLL_DOWN:
            self.scroll(3)

    def get_key_bindings(self) -> KeyBindings | None:
        return self._bindings if self._keys else None

    def _make_bindings(self) -> KeyBindings:
        kb = KeyBindings()

        def page() -> int:  # read at key time: the height changes
            return max(1, self.height - 1)

        moves: dict[str, Callable[[], int]] = {
            "up": lambda: -1,
            "down": lambda: 1,
            "pageup": lambda: -page(),
            "pagedown": lambda: page(),
            "home": lambda: -len(self._lines),
            "end": lambda: len(self._lines),
        }
        for key, amount in moves.items():

            def handler(event: KeyPressEvent, amount: Callable[[], int] = amount) -> None:
                self.scroll(amount())

            kb.add(key)(handler)
        return kb
