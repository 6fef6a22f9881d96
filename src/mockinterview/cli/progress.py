"""Commands about where you stand: progress, next."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from mockinterview.cli.app import app, catalogue, print_json
from mockinterview.vocab import LEVELS


class LevelChoice(StrEnum):  # Typer lists an enum's values as the choices
    entry = "entry"
    mid = "mid"
    senior = "senior"
    staff = "staff"


assert tuple(LevelChoice) == LEVELS, "LevelChoice must follow vocab.LEVELS"


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
) -> None:
    """Your performance over time: recent scores, averages, readiness per level, criterion
    trends, strengths and weaknesses, pacing, calibration and your practice streak."""
    from mockinterview import progress as core
    from mockinterview.content.loader import load_rubric
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
        )
    if report.empty and scenario is not None and report.scored_all:
        cat.entry(scenario)  # an unknown scenario (with no history either) is an error that lists the known ones
    if as_json:
        data = report.to_dict()
        if report.empty:
            from mockinterview.ui.progress_view import empty_message

            data["message"] = " ".join(empty_message(report))
        print_json(data)
        return
    from mockinterview.ui import console
    from mockinterview.ui.progress_view import print_progress

    print_progress(console.stdout(), report)


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
