"""Commands about where you stand: progress, next."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from mockinterview.cli.app import app, catalogue, json_text, print_json, state
from mockinterview.vocab import LEVELS


class LevelChoice(StrEnum):  # Typer lists an enum's values as the choices
    entry = "entry"
    mid = "mid"
    senior = "senior"
    staff = "staff"


assert tuple(LevelChoice) == LEVELS, "LevelChoice must follow vocab.LEVELS"


class ProgressFormat(StrEnum):
    html = "html"
    json = "json"


def _since(text: str | None) -> date | None:
    if text is None:
        return None
    from mockinterview.errors import UsageError

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--since {text!r}: expected a date like 2024-05-01 (YYYY-MM-DD)") from None


@app.command()
def progress(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option("--since", help="Only interviews from this day on (YYYY-MM-DD).", metavar="DATE")
    ] = None,
    scenario: Annotated[
        str | None, typer.Option("--scenario", help="Only interviews of this scenario.", metavar="ID")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as one JSON document.")] = False,
    fmt: Annotated[
        ProgressFormat | None,
        typer.Option("--format", help="Export the summary as html (a page with charts) or json, to stdout or --output."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the export to this file.", metavar="FILE")
    ] = None,
) -> None:
    """Your performance over time: recent scores, averages, readiness per level, criterion
    trends, strengths and weaknesses, pacing, calibration and your practice streak.

    `--format html --output progress.html` writes the same summary as a page with charts."""
    from mockinterview import progress as core
    from mockinterview.content.loader import load_rubric
    from mockinterview.progress.evidence import catalogue_suggestions
    from mockinterview.store import Store

    day = _since(since)
    if scenario is not None:
        from mockinterview.content.catalogue import check_id

        check_id(scenario)
    rubric = load_rubric()
    cat = catalogue(ctx)
    with Store() as store:
        report = core.summarize(
            store,
            rubric,
            evaluations=lambda ids: core.catalogue_evaluations(cat, ids),
            since=day,
            scenario=scenario,
            suggested=lambda sessions: catalogue_suggestions(cat, sessions),
        )
    if report.empty and scenario is not None and report.scored_all:
        cat.entry(scenario)  # an unknown scenario (with no history either) is an error that lists the known ones
    data = None
    if as_json or fmt is ProgressFormat.json or (fmt is None and output is not None and output.suffix.lower() == ".json"):
        data = report.to_dict()
        if report.empty:
            from mockinterview.ui.progress_view import empty_message

            data["message"] = " ".join(empty_message(report))
    if fmt is not None or output is not None:
        if fmt is None:  # from the file's suffix, else HTML
            fmt = ProgressFormat.json if output is not None and output.suffix.lower() == ".json" else ProgressFormat.html
        if fmt is ProgressFormat.json:
            text = json_text(data)
        else:
            from mockinterview.ui.html import to_html
            from mockinterview.ui.progress_doc import build_progress_doc

            text = to_html(build_progress_doc(report, [(float(t.min), t.label) for t in rubric.verdicts]))
        if output is None:
            typer.echo(text, nl=not text.endswith("\n"))
            return
        from mockinterview.files import atomic_write
        from mockinterview.ui import console

        atomic_write(output, text)
        if not as_json:
            console.stderr().print(f"Progress written to {output}", markup=False)
            return
    if as_json:
        print_json(data)
        return
    from mockinterview.ui import console
    from mockinterview.ui.progress_view import print_progress

    print_progress(console.stdout(), report, use_pager=state(ctx).pager)


@app.command("next")
def next_(
    ctx: typer.Context,
    level: Annotated[
        LevelChoice | None,
        typer.Option("--level", help="Aim at this level (default: the level of your latest interview, else entry)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the recommendation as one JSON document.")] = False,
) -> None:
    """Which scenario to practise next and what to focus on: your weakest criteria, weighted by
    how long ago you last practised them, and a scenario that exercises them."""
    from mockinterview.content.loader import load_rubric
    from mockinterview.progress import next_for_catalogue
    from mockinterview.store import Store

    rubric = load_rubric()
    cat = catalogue(ctx)
    with Store() as store:
        rec = next_for_catalogue(store, rubric, cat, level=level.value if level else None)
    if as_json:
        print_json(rec.to_dict())
        return
    from mockinterview.ui import console
    from mockinterview.ui.progress_view import print_next

    print_next(console.stdout(), rec)
