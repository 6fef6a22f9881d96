"""The notes prompt of a timed phase: a multiline prompt_toolkit prompt whose bottom
toolbar is the live countdown (redrawn every 0.5 s by ``refresh_interval``).

One background task in the prompt's own event loop asks the core, every tick, what
is due (:meth:`LivePhase.tick`: probes, the bell at 0:00, the end under ``--strict``)
and whether to save (:class:`Autosave`), and shows it: probes above the prompt, the
bell on the terminal. The keys call the core too; this module only shows and asks.
No rich ``Live`` runs while the prompt is up.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Literal

from mockinterview.interview.autosave import Autosave
from mockinterview.interview.clock import mmss
from mockinterview.interview.phase import LivePhase

if TYPE_CHECKING:
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from prompt_toolkit.key_binding import KeyPressEvent

KEYS = "^D done  ^P pause  ^T +2 min  ^G hint  ^E editor  ^C quit"
NO_MORE_HINTS = "No more hints for this phase: wrap up and press ^D when you are done."
TICK = 0.5

SayKind = Literal["probe", "hint", "info"]
Say = Callable[[SayKind, str], None]  # (kind, text), printed above the prompt


def toolbar_text(live: LivePhase, interview_left: float) -> StyleAndTextTuples:
    c = live.clock
    parts: StyleAndTextTuples = [("class:toolbar.title", f" {live.title} ")]
    rem = c.remaining
    if rem >= 0:
        parts.append(("class:toolbar.time", f" {mmss(rem)} left "))
    else:
        parts.append(("class:toolbar.over", f" +{mmss(-rem)} OVER "))
    parts.append(("class:toolbar", f" interview {mmss(max(0.0, interview_left))} left "))
    if c.paused:
        parts.append(("class:toolbar.paused", " PAUSED "))
    parts.append(("class:toolbar", "\n " + KEYS + " "))
    return parts


STYLE = {
    "bottom-toolbar": "noreverse bg:#303030 #d0d0d0",
    "toolbar.title": "bold",
    "toolbar.time": "bold #5fd75f",
    "toolbar.over": "bold bg:#af0000 #ffffff",
    "toolbar.paused": "bold bg:#af8700 #000000",
}


def ask_notes(live: LivePhase, *, time_left: Callable[[], float], autosave: Autosave, say: Say) -> str:
    """Run the prompt on ``live`` (its clock already started) until ^D, or 0:00 under
    --strict; return the notes. ``live.notes`` follows the text as it is typed.

    Ctrl-C raises KeyboardInterrupt, a closed input EOFError; the text typed so far
    is in ``live.notes`` either way.
    """
    from prompt_toolkit import PromptSession
    from prompt_toolkit.application import get_app, run_in_terminal
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.styles import Style

    kb = KeyBindings()

    def show(kind: SayKind, text: str) -> None:
        run_in_terminal(partial(say, kind, text))

    @kb.add("c-d")
    def _done(event: KeyPressEvent) -> None:
        live.notes = event.current_buffer.text
        event.app.exit(result=live.notes)

    @kb.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        live.notes = event.current_buffer.text
        event.app.exit(exception=KeyboardInterrupt())

    @kb.add("c-p")
    def _pause(event: KeyPressEvent) -> None:
        paused = live.toggle_pause()
        show("info", "Paused: the clock is stopped. ^P to resume." if paused else "Resumed.")

    @kb.add("c-t")
    def _extend(event: KeyPressEvent) -> None:
        live.extend()
        show("info", "+2 minutes for this phase.")

    @kb.add("c-g")
    def _hint(event: KeyPressEvent) -> None:
        cue = live.hint()
        if cue is None:
            show("hint", NO_MORE_HINTS)
        else:
            show(cue.kind, cue.text)

    @kb.add("c-e")
    def _editor(event: KeyPressEvent) -> None:
        event.current_buffer.open_in_editor()

    async def ticker() -> None:
        app = get_app()
        while True:
            await asyncio.sleep(TICK)
            tick = live.tick()
            for question in tick.probes:
                await run_in_terminal(partial(say, "probe", question))
            if tick.bell:
                app.output.bell()
                app.output.flush()
            live.notes = app.current_buffer.text
            if tick.time_up:
                app.exit(result=live.notes)
                return
            autosave.poll(live.notes)

    def start_ticker() -> None:
        get_app().create_background_task(ticker())

    session: PromptSession[str] = PromptSession()
    result = session.prompt(
        "notes> ",
        default=live.notes,
        multiline=True,
        prompt_continuation="       ",
        bottom_toolbar=lambda: toolbar_text(live, time_left()),
        refresh_interval=TICK,
        reserve_space_for_menu=0,
        key_bindings=kb,
        style=Style.from_dict(STYLE),
        pre_run=start_ticker,
    )
    live.notes = result
    return result
