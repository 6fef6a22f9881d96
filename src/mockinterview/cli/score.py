"""Commands about scores: score, history, report."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from mockinterview.cli.app import app, catalogue, print_json


class Format(StrEnum):
    md = "md"
    json = "json"
    html = "html"


FormatOpt = Annotated[
    Format | None, typer.Option("--format", help="Export the scorecard as md, json or html (with --output).")
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write the export to this file.", metavar="FILE")]


def emit_scorecard(card, *, as_json: bool, fmt: Format | None, output: Path | None) -> None:  # type: ignore[no-untyped-def]
    """Print the scorecard (or its JSON) and write an export when asked."""
    from mockinterview.ui import console, scorecard_view

    if fmt is not None or output is not None:
        if fmt is None:  # from the file's suffix, else Markdown
            suffix = output.suffix.lstrip(".").lower() if output else ""
            fmt = Format(suffix) if suffix in Format.__members__ else Format.md
        if fmt is Format.json:
            import json

            text = json.dumps(card.to_dict(), indent=2, ensure_ascii=False)
        elif fmt is Format.html:
            text = scorecard_view.to_html(card)
        else:
            text = scorecard_view.to_markdown(card)
        if output is None:
            typer.echo(text)
            return
        from mockinterview.files import atomic_write

        atomic_write(output, text)
        if not as_json:
            console.stderr().print(f"Scorecard written to {output}", markup=False)
    if as_json:
        print_json(card.to_dict())
    elif fmt is None:
        scorecard_view.print_card(console.stdout(), card)


@app.command()
def score(
    ctx: typer.Context,
    target: Annotated[
        str | None,
        typer.Argument(
            metavar="[SCENARIO|SESSION]",
            help="A scenario id to score practice done elsewhere, or an interview id to (re)score. "
            "Default: the latest unscored interview.",
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
) -> None:
    """Self-assess an interview on the 1-5 rubric and the 50/30/20 bands; print the scorecard.

    Without --scores/--set it asks, criterion by criterion (needs a terminal). Rescoring keeps
    the earlier scores in the interview's history.
    """
    from mockinterview.errors import MockInterviewError, SessionNotFound
    from mockinterview.interview.session import start_session
    from mockinterview.scoring import record as assessing
    from mockinterview.scoring.arithmetic import load_rubric
    from mockinterview.scoring.inputs import load_score_file, parse_sets
    from mockinterview.store import Store
    from mockinterview.ui import prompter

    cat = catalogue(ctx)
    rubric = load_rubric()
    with Store() as store:
        session = None
        if target is None:
            session = store.latest(unscored=True)
            if session is None:
                raise SessionNotFound(
                    "no unscored interview to score",
                    hint="Score practice done elsewhere with: mockinterview score SCENARIO (e.g. chat-system)",
                )
            if not session.finished:
                raise MockInterviewError(
                    f"your latest unscored interview, {session.id}, is unfinished",
                    hint=f"Finish it with: mockinterview resume {session.id}   (or score it as it is: "
                    f"mockinterview score {session.id})",
                )
            scenario = cat.get(session.scenario_id)
        elif target in cat.entries:
            scenario = cat.get(target)
        else:
            try:
                session = store.get(target)
            except SessionNotFound:
                from mockinterview.content.catalogue import check_id

                check_id(target)
                raise SessionNotFound(
                    f"{target!r} is neither a scenario nor an interview",
                    hint="mockinterview list shows scenarios; mockinterview history shows interviews",
                ) from None
            scenario = cat.get(session.scenario_id)

        non_interactive = bool(scores_file or sets)
        if non_interactive:
            scores: dict[str, object] = {}
            bands: dict[str, int] = {}
            checklist: dict[str, list[str]] = {}
            if session is not None and session.assessment is not None:
                # Rescoring: --set changes some criteria and keeps the rest (bands are
                # suggested again from the new scores unless given).
                scores = dict(session.assessment.scores)
                checklist = dict(session.assessment.checklist)
            if scores_file:
                scores, bands, checklist = load_score_file(scores_file, scenario, rubric)  # type: ignore[assignment]
            scores.update(parse_sets(sets or []))
            assessment = assessing.make_assessment(rubric, scenario, scores, bands, checklist, "file" if scores_file else "flags")
        else:
            prompter.require_terminal(
                "Give the scores without prompts: --scores FILE.yaml or --set criterion=N (see docs/scoring.md)."
            )

        if session is not None and session.assessment is not None and not yes:
            prev = session.assessment
            summary = f"{sum(prev.scores.get(c.id, 0) for c in rubric.criteria if c.group != 'overall')}/50"
            if not prompter.interactive():
                raise MockInterviewError(
                    f"interview {session.id} is already scored ({summary}); pass --yes to score it again "
                    "(the earlier scores stay in its history)"
                )
            if not prompter.confirm(f"Interview {session.id} is already scored ({summary}). Score it again?", default=False):
                raise typer.Exit(0)

        if session is None:
            session = start_session(scenario, mode="manual")
            store.create(session)

        if not non_interactive:
            card = assess_interactively(store, session, scenario, rubric)
        else:
            card = assessing.record(store, session, scenario, rubric, assessment)
    emit_scorecard(card, as_json=as_json, fmt=fmt, output=output)


def assess_interactively(store, session, scenario, rubric=None):  # type: ignore[no-untyped-def]
    """Ask the self-assessment (answers saved as they are given), store it, build the card."""
    from mockinterview.errors import Interrupted
    from mockinterview.scoring import record as assessing
    from mockinterview.scoring.arithmetic import load_rubric
    from mockinterview.scoring.scorecard import suggestions
    from mockinterview.ui import assess, console

    rubric = rubric or load_rubric()

    def save_draft(draft: dict) -> None:
        session.settings["draft"] = draft
        store.update_session(session)

    try:
        scores, bands, checklist = assess.self_assessment(
            console.stdout(),
            rubric,
            scenario,
            suggestions=suggestions(session),
            draft=session.settings.get("draft", {}),
            save_draft=save_draft,
        )
    except KeyboardInterrupt:
        raise Interrupted(
            "self-assessment interrupted; your answers so far are saved",
            hint=f"Finish it with: mockinterview score {session.id}",
        ) from None
    assessment = assessing.make_assessment(rubric, scenario, scores, bands, checklist, "interactive")
    return assessing.record(store, session, scenario, rubric, assessment)




@app.command()
def history(
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
    out.print(history_table(rows))
    shown_to = (page - 1) * limit + len(rows)
    if total > shown_to:
        out.print(f"[dim]{shown_to} of {total} shown; next: --page {page + 1}[/dim]")


@app.command()
def report(
    ctx: typer.Context,
    session_id: Annotated[str, typer.Argument(metavar="SESSION", help="An interview id (or a unique prefix), from `history`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scorecard as JSON.")] = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
) -> None:
    """Show the scorecard of a past interview again (or export it)."""
    from mockinterview.errors import MockInterviewError
    from mockinterview.scoring.arithmetic import load_rubric
    from mockinterview.scoring.scorecard import build
    from mockinterview.store import Store

    with Store() as store:
        session = store.get(session_id)
    if session.assessment is None:
        raise MockInterviewError(
            f"interview {session.id} has no scores yet", hint=f"Score it with: mockinterview score {session.id}"
        )
    card = build(session, catalogue(ctx).get(session.scenario_id), load_rubric())
    emit_scorecard(card, as_json=as_json, fmt=fmt, output=output)
