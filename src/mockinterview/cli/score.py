"""Commands about scores: score, history, report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mockinterview.cli.app import app, catalogue, print_json, state
from mockinterview.cli.output import Format, emit_scorecard

FormatOpt = Annotated[
    Format | None, typer.Option("--format", help="Export the scorecard as md, json or html (with --output).")
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write the export to this file.", metavar="FILE")]


def _complete_targets(incomplete: str) -> list[tuple[str, str]]:
    from mockinterview.cli.complete import targets

    return targets(incomplete)


def _complete_sessions(incomplete: str) -> list[tuple[str, str]]:
    from mockinterview.cli.complete import session_ids

    return session_ids(incomplete)


@app.command()
def score(
    ctx: typer.Context,
    target: Annotated[
        str | None,
        typer.Argument(
            metavar="[SCENARIO|SESSION]",
            help="A scenario id to score practice done elsewhere, or an interview id to (re)score. "
            "Default: the latest unscored interview.",
            autocompletion=_complete_targets,
        ),
    ] = None,
    scores_file: Annotated[
        Path | None,
        typer.Option("--scores", help="A YAML file: criterion id -> 1..5, optional bands and checklist.", metavar="FILE"),
    ] = None,
    sets: Annotated[
        list[str] | None,
        typer.Option("--set", help="One score, like --set api_design=4 (repeatable; overrides the file).", metavar="CRITERION=N"),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Replace an existing score without asking.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as one JSON document.")] = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    template: Annotated[
        bool,
        typer.Option(
            "--template", help="Print a score file to fill in (every criterion id and its meaning) and store nothing."
        ),
    ] = False,
) -> None:
    """Self-assess an interview on the 1-5 rubric and the 50/30/20 bands; print the scorecard.

    Without --scores/--set it asks, criterion by criterion (needs a terminal). Rescoring keeps
    the earlier scores in the interview's history. `score SCENARIO --template > my-scores.yaml`
    starts a score file.
    """
    from mockinterview.content.loader import load_rubric

    if template:
        _print_template(ctx, target)
        return
    from mockinterview.coach.engine import Coach
    from mockinterview.errors import MockInterviewError
    from mockinterview.interview.lookup import score_target
    from mockinterview.interview.session import start_session
    from mockinterview.scoring import answers
    from mockinterview.scoring import record as assessing
    from mockinterview.scoring.scorecard import with_notes_evidence
    from mockinterview.store import Store
    from mockinterview.ui import prompter
    from mockinterview.ui.assess import assess_interactively

    cat = catalogue(ctx)
    rubric = load_rubric()
    with Store() as store:
        found = score_target(store, cat, target)
        scenario, session = found.scenario, found.session
        coach = Coach(scenario)  # once per command: the evidence beside each self-score

        non_interactive = bool(scores_file or sets)
        if non_interactive:
            previous = session.assessment if session is not None else None
            assessment = answers.given(rubric, scenario, previous=previous, scores_file=scores_file, sets=sets or [])
        else:
            prompter.require_terminal(
                "Give the scores without prompts: --scores FILE.yaml or --set criterion=N "
                "(a file to fill in: mockinterview score SCENARIO --template; more: mockinterview help scoring)."
            )

        if session is not None and session.assessment is not None and not yes:
            summary = answers.core_summary(rubric, session.assessment)
            if not prompter.interactive():
                raise MockInterviewError(
                    f"interview {session.id} is already scored ({summary}); pass --yes to score it again "
                    "(the earlier scores stay in its history)"
                )
            if not prompter.confirm(f"Interview {session.id} is already scored ({summary}). Score it again?", default=False):
                raise typer.Exit(0)

        if not non_interactive:
            if session is None:  # answers are saved as they are given: the interview exists first
                session = start_session(scenario, mode="manual")
                store.create(session)
            card = assess_interactively(store, session, scenario, rubric, coach=coach)
        elif session is None:  # practice done elsewhere: the interview and its score in ONE transaction
            card = assessing.record(store, start_session(scenario, mode="manual"), scenario, rubric, assessment, new=True)
            card = with_notes_evidence(card, coach)
        else:
            card = with_notes_evidence(assessing.record(store, session, scenario, rubric, assessment), coach)
    emit_scorecard(card, as_json=as_json, fmt=fmt, output=output, page=state(ctx).pager)


def _print_template(ctx: typer.Context, target: str | None) -> None:
    """The score file template: for the scenario (or the interview's scenario) named, else generic."""
    from mockinterview.content.loader import load_rubric
    from mockinterview.scoring.template import score_template

    scenario = None
    if target is not None:
        cat = catalogue(ctx)
        if target in cat.entries:
            scenario = cat.get(target)
        else:
            from mockinterview.interview.lookup import score_target
            from mockinterview.store import Store

            with Store() as store:
                scenario = score_target(store, cat, target).scenario
    typer.echo(score_template(load_rubric(), scenario), nl=False)


@app.command()
def history(
    ctx: typer.Context,
    scenario: Annotated[str | None, typer.Option("--scenario", help="Only interviews of this scenario.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many to show.")] = 20,
    page: Annotated[int, typer.Option("--page", min=1, help="Page of --limit rows, newest first.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List past interviews, newest first: date, scenario, level, minutes, score, verdict."""
    from mockinterview.store import Store

    with Store() as store:
        rows = store.history(scenario=scenario, limit=limit, offset=(page - 1) * limit)
        total = store.count(scenario=scenario)
    if as_json:
        print_json([r.to_dict() for r in rows])
        return
    from mockinterview.ui import console
    from mockinterview.ui.history_view import history_table

    out = console.stdout()
    if not rows:
        if total and page > 1:
            out.print("No interviews on this page.")
        elif scenario:
            out.print(f"No interviews of {scenario} yet. Start one with: mockinterview run {scenario}", markup=False)
        else:
            out.print("No interviews yet. Start one with: mockinterview run url-shortener")
        return
    from rich.console import RenderableType
    from rich.text import Text

    from mockinterview.ui.pager import page as paged

    parts: list[RenderableType] = [history_table(rows)]
    shown_to = (page - 1) * limit + len(rows)
    if total > shown_to:
        parts.append(Text(f"{shown_to} of {total} shown; next: --page {page + 1}", style="dim"))
    paged(out, parts, enabled=state(ctx).pager)


@app.command()
def report(
    ctx: typer.Context,
    session_id: Annotated[
        str,
        typer.Argument(
            metavar="SESSION",
            help="An interview id (or a unique prefix), from `history`.",
            autocompletion=_complete_sessions,
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scorecard as JSON.")] = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
) -> None:
    """Show the scorecard of a past interview again (or export it): its scores, timings,
    hints and notes. An interview not scored yet shows its timings, hints and notes."""
    from mockinterview.coach.engine import Coach
    from mockinterview.content.loader import load_rubric
    from mockinterview.scoring.scorecard import build, with_notes_evidence
    from mockinterview.store import Store

    with Store() as store:
        session = store.get(session_id)
    scenario = catalogue(ctx).get(session.scenario_id)
    card = with_notes_evidence(build(session, scenario, load_rubric(), require_scores=False), Coach(scenario))
    emit_scorecard(card, as_json=as_json, fmt=fmt, output=output, page=state(ctx).pager)
