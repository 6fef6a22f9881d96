"""Commands that read the scenario catalogue: list, show, validate."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mockinterview.cli.app import ScenarioIdArg, app, catalogue, print_json


@app.command("list")
def list_cmd(
    ctx: typer.Context,
    level: Annotated[str | None, typer.Option(help="Only this level: entry, mid or senior.")] = None,
    tag: Annotated[str | None, typer.Option(help="Only scenarios with this tag or focus.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the scenarios you can practise: id, title, level, focus, minutes, phases."""
    from mockinterview.content.queries import list_scenarios

    rows, errors = list_scenarios(catalogue(ctx), level=level, tag=tag)
    if as_json:
        print_json([r.to_dict() for r in rows])
    else:
        from mockinterview.ui import console
        from mockinterview.ui.lists import scenario_table

        out = console.stdout()
        if rows:
            out.print(scenario_table(rows, out.width))
        else:
            out.print("No scenarios match." if (level or tag) else "No scenarios found.")
        if any(r.overrides for r in rows):
            out.print("[dim]* a user scenario that overrides a bundled or earlier one with the same id[/dim]")
    if errors:
        from rich.text import Text

        from mockinterview.ui import console

        err = console.stderr()
        for exc in errors:
            for problem in exc.problems:
                err.print(Text("skipped: ", style="yellow") + Text(str(problem)), soft_wrap=True)
        err.print("[dim]mockinterview validate shows every problem[/dim]")


@app.command()
def show(
    ctx: typer.Context,
    scenario_id: ScenarioIdArg,
    reveal: Annotated[
        bool, typer.Option("--reveal", help="Also show the reference answers, evaluation and follow-ups (spoilers).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scenario as JSON.")] = False,
) -> None:
    """Show a scenario's brief: the opening, what to clarify, the phases and their minutes.

    Reference answers stay hidden unless you pass --reveal.
    """
    scenario = catalogue(ctx).get(scenario_id)
    if as_json:
        data = scenario.model_dump(mode="json", by_alias=True)
        if not reveal:
            data = {k: data[k] for k in ("id", "title", "level", "focus", "tags", "minutes", "summary", "opening",
                                         "preparation", "clarify")} | {
                "phases": [{k: p[k] for k in ("id", "kind", "title", "minutes", "goal")} for p in data["phases"]]
            }
        print_json(data)
        return
    from mockinterview.ui import console, scenario_view

    out = console.stdout()
    for part in scenario_view.brief(scenario):
        out.print(part)
    if reveal:
        for part in scenario_view.reveal(scenario):
            out.print(part)
    else:
        out.print(f"\n[dim]Practise it: mockinterview run {scenario.id}   ·   answers: mockinterview show {scenario.id} --reveal[/dim]")


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[PATH]...", help="Scenario or rubric files, or folders of them. Default: every scenario in the catalogue."),
    ] = None,
) -> None:
    """Check scenario (and rubric) files; report every problem as file:line:column: field: message.

    Text holding terminal control characters is reported as a warning, with its
    location; it does not make a file invalid. Exits 1 if any file has a problem.
    """
    from rich.text import Text

    from mockinterview.content.queries import validate_paths
    from mockinterview.ui import console

    targets = list(paths or [])
    refused = []
    if not targets:
        cat = catalogue(ctx)
        targets = [e.path for e in cat.entries.values()]
        refused = cat.refused
    results = validate_paths(targets, refused=refused)
    out, err = console.stdout(), console.stderr()
    bad = warned = 0
    for checked in results:
        for w in checked.warnings:
            warned += 1
            err.print(Text("warning: ", style="yellow") + Text(str(w)), soft_wrap=True)
        if checked.problems:
            bad += 1
            for p in checked.problems:
                err.print(Text(str(p)), soft_wrap=True)
        else:
            out.print(Text("ok  ", style="green") + Text(str(checked.path)) + Text(f"  ({checked.what})", style="dim"),
                      soft_wrap=True)
    total = len(results)
    summary = f"{total - bad} of {total} file(s) valid"
    if warned:
        summary += f"; {warned} warning(s)"
    if bad:
        err.print(f"[red]{summary}[/red]")
        raise typer.Exit(1)
    out.print(f"[dim]{summary}[/dim]")
