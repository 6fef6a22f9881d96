"""Full-screen pages between phases (the coach's checklist, the comparison of notes
and reference): a title bar, a body that scrolls, a keys line, and a wait for the key
that goes on. The next phase's clock starts only after it.

A page's body is rich renderables laid out at the page's width, again at every
resize, so a table side by side at 120 columns stacks at 80.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from prompt_toolkit.application import Application
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.utils import get_cwidth
from rich.console import RenderableType

from mockinterview.errors import SignalExit
from mockinterview.ui.room import bars
from mockinterview.ui.room.rendering import ScrollView, to_lines
from mockinterview.ui.room.signals import LoopSignals, is_hangup, silence_the_terminal
from mockinterview.ui.room.style import room_style

CONTINUE_KEYS = ("enter", "q", "escape", "space")


@dataclass(frozen=True)
class Page:
    """What a page shows: ``body(width)`` gives the renderables for a width."""

    title: str
    body: Callable[[int], list[RenderableType]]
    go_on: str = "next phase"  # what Enter leads to, for the keys line


def show(page: Page) -> None:
    """Show ``page`` until Enter (or q, Esc, Space). ^C raises KeyboardInterrupt; a
    closed input EOFError."""
    view = ScrollView(lambda width: to_lines(page.body(width), width))
    kb = KeyBindings()
    for key in CONTINUE_KEYS:

        @kb.add(key)
        def _go_on(event: KeyPressEvent) -> None:
            event.app.exit()

    run(
        view,
        title=lambda: page.title,
        keys=lambda: f"Enter: {page.go_on}   ↑↓ PgUp PgDn: scroll   ^C: stop",
        bindings=kb,
    )


def bar(style: str, text: str, width: int) -> StyleAndTextTuples:
    """One full-width line of a page (its title or its keys), cut to fit."""
    return [(style, bars.cut(text, width).ljust(width))]


def run(view: ScrollView, *, title: Callable[[], str], keys: Callable[[], str], bindings: KeyBindings) -> None:
    """A page: ``title()`` above ``view`` (with ``↑ 3 more`` / ``↓ 5 more`` when it
    scrolls), ``keys()`` below it, ``bindings`` for the keys that act on it (one of them
    ends it with ``event.app.exit()``). ^C raises KeyboardInterrupt, SIGTERM and SIGHUP
    :class:`SignalExit`, a closed input EOFError."""
    window = Window(view, wrap_lines=False)
    kb = KeyBindings()

    @kb.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    def width() -> int:
        return app.output.get_size().columns

    def title_bar() -> StyleAndTextTuples:
        more = []
        if view.above:
            more.append(f"↑ {view.above} more")
        if view.below:
            more.append(f"↓ {view.below} more")
        marks = "  · " + "  ".join(more) if more else ""
        room = max(0, width() - get_cwidth(marks))
        return bar("class:page.title", bars.cut(" " + bars.one_line(title()), room) + marks, width())  # the marks never cut

    app: Application[None] = Application(
        layout=Layout(
            HSplit(
                [
                    Window(FormattedTextControl(title_bar), height=1, wrap_lines=False),
                    window,
                    Window(FormattedTextControl(lambda: bar("class:page.keys", " " + keys(), width())), height=1, wrap_lines=False),
                ]
            ),
            focused_element=window,
        ),
        key_bindings=merge_key_bindings([kb, bindings]),
        style=room_style(no_color=bool(os.environ.get("NO_COLOR"))),
        full_screen=True,
    )

    def on_signal(signum: int) -> None:
        if is_hangup(signum):
            silence_the_terminal()
        if app.future is not None and not app.future.done():
            app.exit(exception=SignalExit(signum))

    signals = LoopSignals(on_signal)
    try:
        app.run(pre_run=signals.catch)
    finally:
        signals.restore()

