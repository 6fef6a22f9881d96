"""The timed interview: run and resume."""

from __future__ import annotations

from typing import Annotated

import typer

from mockinterview.cli.app import app, catalogue

NO_TTY_HINT = (
    "A timed interview needs a terminal. Without one: `mockinterview show ID --reveal` to study a scenario, "
    "`mockinterview estimate ID --answers FILE` to drill the numbers, "
    "`mockinterview score ID --scores FILE` to score practice done elsewhere."
)


def _pick(cat, level: str | None, focus: str | None, random_pick: bool) -> str:  # type: ignore[no-untyped-def]
    from mockinterview.content.queries import list_scenarios
    from mockinterview.errors import UsageError
    from mockinterview.ui import prompter

    rows, _ = list_scenarios(cat, level=level, tag=focus)
    if not rows:
        raise UsageError("no scenario matches those filters", hint="mockinterview list shows them all")
    if random_pick:
        import secrets

        return secrets.choice(rows).id
    return prompter.select(
        "Which interview?",
        [(r.id, f"{r.title}  ({r.level}, {r.focus}, {r.minutes} min)") for r in rows],
    )


def _finish(store, session, scenario, *, no_score: bool, peek: bool) -> None:  # type: ignore[no-untyped-def]
    from rich.text import Text

    from mockinterview.ui import console, run_flow

    out = console.stdout()
    out.print()
    out.print(Text(f"Interview complete: {session.used_seconds / 60:.0f} of {session.planned_minutes:g} planned minutes.", style="bold good"))
    if not peek:
        run_flow.review(out, session, scenario)
    if no_score:
        out.print(Text(f"Score it when you are ready: mockinterview score {session.id}", style="muted"))
        return
    from mockinterview.cli.score import assess_interactively, emit_scorecard

    card = assess_interactively(store, session, scenario)
    emit_scorecard(card, as_json=False, fmt=None, output=None)


@app.command()
def run(
    ctx: typer.Context,
    scenario_id: Annotated[str | None, typer.Argument(metavar="[ID]", help="The scenario to practise. Default: pick one.")] = None,
    level: Annotated[str | None, typer.Option(help="With no ID: only this level (entry, mid, senior).")] = None,
    focus: Annotated[str | None, typer.Option(help="With no ID: only this focus or tag.")] = None,
    random_pick: Annotated[bool, typer.Option("--random", help="With no ID: a random scenario (after --level/--focus).")] = False,
    speed: Annotated[float, typer.Option(min=0.01, max=1000, help="Run the clock N times faster (rehearsal, demos).")] = 1.0,
    minutes: Annotated[float | None, typer.Option(min=1, max=600, help="Rescale the whole interview to M minutes, keeping the proportions.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="End each phase at 0:00 (its notes are kept). Default: overtime is counted and shown.")] = False,
    no_peek: Annotated[bool, typer.Option("--no-peek", help="Compare notes with the reference only at the end.")] = False,
    no_score: Annotated[bool, typer.Option("--no-score", help="Skip the self-assessment; score later with `mockinterview score`.")] = False,
) -> None:
    """Run a timed mock interview: phases with a live countdown, notes, the interviewer's
    probes, then the self-assessment and your scorecard.

    Keys while typing notes: ^D finish the phase, ^P pause/resume, ^T +2 minutes,
    ^G hint, ^E edit in $EDITOR, ^C save and quit (or discard).
    """
    from rich.text import Text

    from mockinterview.interview.session import start_session
    from mockinterview.store import Store
    from mockinterview.ui import console, prompter, run_flow, scenario_view

    prompter.require_terminal(NO_TTY_HINT)
    cat = catalogue(ctx)
    if scenario_id is None:
        scenario_id = _pick(cat, level, focus, random_pick)
    scenario = cat.get(scenario_id)
    scale = (minutes / scenario.minutes) if minutes else 1.0

    out = console.stdout()
    for part in scenario_view.brief(scenario):
        out.print(part)
    if scale != 1.0 or speed != 1.0:
        out.print(Text(f"Rescaled to {scenario.minutes * scale:g} min" if scale != 1.0 else "", style="warn")
                  + Text(f"  clock at {speed:g}x" if speed != 1.0 else "", style="warn"))
    try:
        prompter.text("Press Enter to start the clock.")
    except KeyboardInterrupt:
        out.print(Text("Not started; nothing was saved.", style="muted"))
        raise typer.Exit(130) from None

    settings = {"speed": speed, "strict": strict, "minutes": minutes, "peek": not no_peek}
    session = start_session(scenario, mode="timed", scale=scale, settings=settings)
    with Store() as store:
        store.create(session)
        run_flow.run_phases(out, store, session, scenario, speed=speed, strict=strict, peek=not no_peek)
        _finish(store, session, scenario, no_score=no_score, peek=not no_peek)


@app.command()
def resume(
    ctx: typer.Context,
    session_id: Annotated[str | None, typer.Argument(metavar="[SESSION]", help="The interview to continue. Default: the latest unfinished one.")] = None,
    no_score: Annotated[bool, typer.Option("--no-score", help="Skip the self-assessment at the end.")] = False,
) -> None:
    """Continue an interrupted interview at its phase, with its remaining time and notes."""
    from rich.text import Text

    from mockinterview.errors import MockInterviewError, SessionNotFound
    from mockinterview.store import Store
    from mockinterview.ui import console, prompter, run_flow

    prompter.require_terminal(NO_TTY_HINT)
    with Store() as store:
        if session_id is None:
            session = store.latest(unfinished=True)
            if session is None:
                raise SessionNotFound("no unfinished interview to resume", hint="mockinterview history lists your interviews")
        else:
            session = store.get(session_id)
            if session.finished:
                raise MockInterviewError(
                    f"interview {session.id} is already finished",
                    hint=f"See it with: mockinterview report {session.id}" if session.assessment else f"Score it with: mockinterview score {session.id}",
                )
        scenario = catalogue(ctx).get(session.scenario_id)
        settings = session.settings
        out = console.stdout()
        out.print(Text(f"Resuming {session.scenario_title} ({session.id}) at phase {session.current_phase + 1} of {len(session.phases)}.", style="bold"))
        run_flow.run_phases(
            out, store, session, scenario,
            speed=float(settings.get("speed", 1.0)), strict=bool(settings.get("strict", False)),
            peek=bool(settings.get("peek", True)),
        )
        _finish(store, session, scenario, no_score=no_score, peek=bool(settings.get("peek", True)))
