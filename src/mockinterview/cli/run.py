"""The timed interview: run and resume."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mockinterview.cli.app import app, catalogue

if TYPE_CHECKING:
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.interview.flow import Interview
    from mockinterview.interview.session import Session
    from mockinterview.store import Store

NO_TTY_HINT = (
    "A timed interview needs a terminal. Without one: `mockinterview show ID --reveal` to study a scenario, "
    "`mockinterview estimate ID --answers FILE` to drill the numbers, "
    "`mockinterview score ID --scores FILE` to score practice done elsewhere."
)


def _pick(cat: Catalogue, level: str | None, focus: str | None, random_pick: bool) -> str | Session:
    """``run`` with no id: a random scenario, or the one chosen from a list that offers
    the latest unfinished interview first (choosing it resumes it)."""
    from mockinterview.interview.lookup import candidates, pick_random
    from mockinterview.store import Store
    from mockinterview.ui import prompter

    rows = candidates(cat, level=level, focus=focus)
    if random_pick:
        return pick_random(rows)
    with Store() as store:
        unfinished = store.latest(unfinished=True)
    choices = [(r.id, f"{r.title}  ({r.level}, {r.focus}, {r.minutes} min)") for r in rows]
    if unfinished is not None:
        at, of = unfinished.current_phase + 1, len(unfinished.phases)
        resume = f"Resume your unfinished interview: {unfinished.scenario_title} ({unfinished.id}), at phase {at} of {of}"
        choices.insert(0, (RESUME + unfinished.id, resume))
    picked = prompter.select("Which interview?", choices)
    if unfinished is not None and picked == RESUME + unfinished.id:
        return unfinished
    return picked


RESUME = "resume:"  # the picker's value for "resume the unfinished interview" (no scenario id has a colon)


def _finish(store: Store, interview: Interview, *, no_score: bool) -> None:
    """After the last phase: the checklists and the review (``--no-peek``), then the
    self-assessment and the scorecard."""
    from rich.text import Text

    from mockinterview.cli.output import emit_scorecard
    from mockinterview.ui import console, run_flow
    from mockinterview.ui.assess import assess_interactively
    from mockinterview.ui.room.bars import minutes_text

    session, scenario = interview.session, interview.scenario
    out = console.stdout()
    out.print()
    planned = minutes_text(session.allowed_minutes)
    out.print(Text(f"Interview complete: {session.used_seconds / 60:.0f} of {planned} planned minutes.", style="bold good"))
    if not interview.peek:
        run_flow.deferred_checklists(out, interview)
        run_flow.review(out, session, scenario)
    if no_score:
        out.print(Text(f"Score it when you are ready: mockinterview score {session.id}", style="muted"))
        return
    card = assess_interactively(store, session, scenario)
    emit_scorecard(card, as_json=False, fmt=None, output=None)


def _continue(ctx: typer.Context, session: Session, *, no_score: bool) -> None:
    """``resume``, and ``run``'s picker when the unfinished interview is chosen: where you
    were, then the rest of the interview (its first phase waits for Enter)."""
    from rich.text import Text

    from mockinterview.interview.flow import Interview
    from mockinterview.store import Store
    from mockinterview.ui import console, run_flow

    with Store() as store:
        interview = Interview(store, session, catalogue(ctx).get(session.scenario_id))
        out = console.stdout()
        at, of = interview.position
        out.print(Text(f"Resuming {session.scenario_title} ({session.id}) at phase {at} of {of}.", style="bold"))
        run_flow.run_phases(out, interview, resumed=True, writer=lambda: Store(store.path))
        _finish(store, interview, no_score=no_score)


@app.command()
def run(
    ctx: typer.Context,
    scenario_id: Annotated[str | None, typer.Argument(metavar="[ID]", help="The scenario to practise. Default: pick one (or resume the unfinished interview).")] = None,
    level: Annotated[str | None, typer.Option(help="With no ID: only this level (entry, mid, senior).")] = None,
    focus: Annotated[str | None, typer.Option(help="With no ID: only this focus or tag.")] = None,
    random_pick: Annotated[bool, typer.Option("--random", help="With no ID: a random scenario (after --level/--focus).")] = False,
    speed: Annotated[float, typer.Option(min=0.01, max=1000, help="Run the clock N times faster (rehearsal, demos).")] = 1.0,
    minutes: Annotated[float | None, typer.Option(min=1, max=600, help="Rescale the whole interview to M minutes, keeping the proportions.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="End each phase at 0:00 (its notes are kept). Default: overtime is counted and shown.")] = False,
    no_peek: Annotated[bool, typer.Option("--no-peek", help="Compare notes with the reference only at the end.")] = False,
    no_score: Annotated[bool, typer.Option("--no-score", help="Skip the self-assessment; score later with `mockinterview score`.")] = False,
) -> None:
    """Run a timed mock interview in the full-screen interview room: phases with a live
    countdown, the interviewer's prompts, probes and hints beside your notes, then the
    self-assessment and your scorecard.

    Keys in the room: ^D finish the phase, ^P pause/resume, ^T +2 minutes, ^G hint,
    ^E edit in $EDITOR, ^C save and quit (or discard), F1 the brief, Tab the other pane.
    """
    from rich.text import Text

    from mockinterview.interview.flow import Interview, scale_for
    from mockinterview.store import Store
    from mockinterview.ui import console, prompter, run_flow, scenario_view

    prompter.require_terminal(NO_TTY_HINT)
    cat = catalogue(ctx)
    with run_flow.stop_signals():
        if scenario_id is None:
            picked = _pick(cat, level, focus, random_pick)
            if not isinstance(picked, str):
                _continue(ctx, picked, no_score=no_score)
                return
            scenario_id = picked
        scenario = cat.get(scenario_id)
        scale = scale_for(scenario, minutes)

        out = console.stdout()
        for part in scenario_view.brief(scenario, scale=scale):
            out.print(part)
        if scale != 1.0 or speed != 1.0:
            out.print(Text(f"Rescaled to {scenario.minutes * scale:g} min" if scale != 1.0 else "", style="warn")
                      + Text(f"  clock at {speed:g}x" if speed != 1.0 else "", style="warn"))
        try:
            prompter.text("Press Enter to start the clock.")
        except KeyboardInterrupt:
            out.print(Text("Not started; nothing was saved.", style="muted"))
            raise typer.Exit(130) from None

        with Store() as store:
            interview = Interview.begin(store, scenario, speed=speed, strict=strict, minutes=minutes, peek=not no_peek)
            run_flow.run_phases(out, interview, writer=lambda: Store(store.path))
            _finish(store, interview, no_score=no_score)


@app.command()
def resume(
    ctx: typer.Context,
    session_id: Annotated[str | None, typer.Argument(metavar="[SESSION]", help="The interview to continue. Default: the latest unfinished one.")] = None,
    no_score: Annotated[bool, typer.Option("--no-score", help="Skip the self-assessment at the end.")] = False,
) -> None:
    """Continue an interrupted interview at its phase, with its remaining time and notes:
    the room shows where you were and waits for Enter to start the clock."""
    from mockinterview.interview.lookup import to_resume
    from mockinterview.store import Store
    from mockinterview.ui import prompter, run_flow

    prompter.require_terminal(NO_TTY_HINT)
    with run_flow.stop_signals():
        with Store() as store:
            session = to_resume(store, session_id)
        _continue(ctx, session, no_score=no_score)
