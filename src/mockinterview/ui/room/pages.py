"""Full-screen pages between phases (the comparison of notes and reference; the
coach's checklist will be another): a title bar, a body that scrolls, a keys line,
and a wait for the key that goes on. The next phase's clock starts only after it.

A page's body is rich renderables laid out at the page's width, again at every
resize, so a table side by side at 120 columns stacks at 80.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from prompt_toolkit.application import Application
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
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
    window = Window(view, wrap_lines=False)
    kb = KeyBindings()

    def width() -> int:
        return app.output.get_size().columns

    for key in CONTINUE_KEYS:

        @kb.add(key)
        def _go_on(event: KeyPressEvent) -> None:
            event.app.exit()

    @kb.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    def title() -> StyleAndTextTuples:
        more = []
        if view.above:
            more.append(f"↑ {view.above} more")
        if view.below:
            more.append(f"↓ {view.below} more")
        text = " " + bars.one_line(page.title) + ("  · " + "  ".join(more) if more else "")
        return [("class:page.title", bars.cut(text, width()).ljust(width()))]

    def keys() -> StyleAndTextTuples:
        text = f" Enter: {page.go_on}   ↑↓ PgUp PgDn: scroll   ^C: stop"
        return [("class:page.keys", bars.cut(text, width()).ljust(width()))]

    app: Application[None] = Application(
        layout=Layout(
            HSplit(
                [
                    Window(FormattedTextControl(title), height=1, wrap_lines=False),
                    window,
                    Window(FormattedTextControl(keys), height=1, wrap_lines=False),
                ]
            ),
            focused_element=window,
        ),
        key_bindings=kb,
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
