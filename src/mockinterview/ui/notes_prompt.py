"""The notes prompt of a timed phase: a multiline prompt_toolkit prompt whose bottom
toolbar is the live countdown (redrawn every 0.5 s by ``refresh_interval``).

One background task in the prompt's own event loop interjects the interviewer's
probes above the prompt when their time comes, rings the bell at 0:00, ends the
phase there under ``--strict`` and autosaves the notes every few seconds. No rich
``Live`` runs while the prompt is up.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from mockinterview.interview.clock import PhaseClock, mmss

KEYS = "^D done  ^P pause  ^T +2 min  ^G hint  ^E editor  ^C quit"
AUTOSAVE_CHANGED = 3.0  # seconds between saves while the text changes
AUTOSAVE_ALWAYS = 10.0  # and at least this often, for the clock
TICK = 0.5


@dataclass
class PhaseState:
    title: str
    clock: PhaseClock
    total_left: Callable[[], float]
    probes: list[tuple[float, str]]  # (fraction of the phase, question), not yet shown
    hints: list[str]
    strict: bool
    autosave: Callable[[str], None]
    say: Callable[[str, str], None]  # (kind, text) printed above the prompt
    text: str = ""
    ended_by: str = "done"  # done | time_up
    bell_rung: bool = False
    asked: list[str] = field(default_factory=list)

    def next_hint(self) -> tuple[str, str]:
        if self.probes:
            _, q = self.probes.pop(0)
            self.asked.append(q)
            return "probe", q
        if self.hints:
            return "hint", self.hints.pop(0)
        return "hint", "No more hints for this phase: wrap up and press ^D when you are done."


def toolbar_text(state: PhaseState) -> list[tuple[str, str]]:
    c = state.clock
    parts: list[tuple[str, str]] = [("class:toolbar.title", f" {state.title} ")]
    rem = c.remaining
    if rem >= 0:
        parts.append(("class:toolbar.time", f" {mmss(rem)} left "))
    else:
        parts.append(("class:toolbar.over", f" +{mmss(-rem)} OVER "))
    parts.append(("class:toolbar", f" interview {mmss(max(0.0, state.total_left()))} left "))
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


def ask_notes(state: PhaseState, default: str = "") -> str:
    """Run the prompt until ^D (or 0:00 under --strict); return the notes.

    Ctrl-C keeps the text in ``state.text`` and raises KeyboardInterrupt.
    """
    from prompt_toolkit import PromptSession
    from prompt_toolkit.application import get_app, run_in_terminal
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.styles import Style

    kb = KeyBindings()

    @kb.add("c-d")
    def _done(event) -> None:  # type: ignore[no-untyped-def]
        state.text = event.current_buffer.text
        event.app.exit(result=state.text)

    @kb.add("c-c")
    def _interrupt(event) -> None:  # type: ignore[no-untyped-def]
        state.text = event.current_buffer.text
        event.app.exit(exception=KeyboardInterrupt())

    @kb.add("c-p")
    def _pause(event) -> None:  # type: ignore[no-untyped-def]
        paused = state.clock.toggle_pause()
        run_in_terminal(lambda: state.say("info", "Paused: the clock is stopped. ^P to resume." if paused else "Resumed."))

    @kb.add("c-t")
    def _extend(event) -> None:  # type: ignore[no-untyped-def]
        state.clock.extend(120)
        state.bell_rung = state.clock.remaining <= 0
        run_in_terminal(lambda: state.say("info", "+2 minutes for this phase."))

    @kb.add("c-g")
    def _hint(event) -> None:  # type: ignore[no-untyped-def]
        kind, text = state.next_hint()
        run_in_terminal(lambda: state.say(kind, text))

    @kb.add("c-e")
    def _editor(event) -> None:  # type: ignore[no-untyped-def]
        event.current_buffer.open_in_editor()

    async def ticker() -> None:
        app = get_app()
        last_text, last_save = default, time.monotonic()
        while True:
            await asyncio.sleep(TICK)
            c = state.clock
            while state.probes and c.running and c.fraction >= state.probes[0][0]:
                _, q = state.probes.pop(0)
                state.asked.append(q)
                await run_in_terminal(lambda q=q: state.say("probe", q))
            if c.remaining <= 0 and not state.bell_rung:
                state.bell_rung = True
                app.output.bell()
                app.output.flush()
                if state.strict:
                    state.text = app.current_buffer.text
                    state.ended_by = "time_up"
                    app.exit(result=state.text)
                    return
            text = app.current_buffer.text
            now = time.monotonic()
            if (text != last_text and now - last_save >= AUTOSAVE_CHANGED) or now - last_save >= AUTOSAVE_ALWAYS:
                state.text = text
                state.autosave(text)
                last_text, last_save = text, now

    session: PromptSession[str] = PromptSession()
    result = session.prompt(
        "notes> ",
        default=default,
        multiline=True,
        prompt_continuation="       ",
        bottom_toolbar=lambda: toolbar_text(state),
        refresh_interval=TICK,
        reserve_space_for_menu=0,
        key_bindings=kb,
        style=Style.from_dict(STYLE),
        pre_run=lambda: get_app().create_background_task(ticker()),
    )
    state.text = result
    return result
