"""Commands that read the scenario catalogue: list, show, validate."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mockinterview.cli.app import ScenarioIdArg, app, catalogue, print_json

if TYPE_CHECKING:
    from rich.console import RenderableType

    from mockinterview.content.scenario import Scenario


@app.command("list")
def list_cmd(
    ctx: typer.Context,
    level: Annotated[str | None, typer.Option(help="Only this level: entry, mid, senior or staff.")] = None,
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
    entry = catalogue(ctx).entry(scenario_id)
    if as_json:
        from mockinterview.wording import DERIVED_MARK, DERIVED_NOTE

        data = entry.load().model_dump(mode="json", by_alias=True)
        if not reveal:
            data = {k: data[k] for k in ("id", "title", "level", "focus", "tags", "minutes", "summary", "opening",
                                         "preparation", "clarify")} | {
                "phases": [{k: p[k] for k in ("id", "kind", "title", "minutes", "goal", "derived")}
                           for p in data["phases"]]
            }
        data["derived_note"] = (f"{DERIVED_MARK} {DERIVED_NOTE}: items with \"derived\": true "
                                f"(a probe or follow-up with \"answer_derived\": true: its answer only)")
        print_json(data)
        return
    from rich.text import Text

    from mockinterview.cli.app import state
    from mockinterview.ui import console, pager, view_cache

    out = console.stdout()
    # Shown before and unchanged (file, program, width): printed again as it was laid out.
    key = view_cache.key(entry.path, out, "reveal" if reveal else "brief")
    view = view_cache.load(key)
    if view is None:
        view = view_cache.record(out, _view(entry.load(), reveal))
        view_cache.save(key, view)
    parts: list[RenderableType] = [view]
    if not reveal:
        parts.append(Text(f"\nPractise it: mockinterview run {entry.id}   ·   answers: mockinterview show {entry.id} --reveal", style="dim"))
    pager.page(out, parts, enabled=state(ctx).pager)


def _view(scenario: Scenario, reveal: bool) -> list[RenderableType]:
    """The brief (and with ``reveal`` everything behind it), with one footnote for the
    derived marks after the last part."""
    from mockinterview.ui import scenario_view
    from mockinterview.ui.marks import Marks

    marks = Marks()
    parts: list[RenderableType] = list(scenario_view.brief(scenario, marks=marks))
    if reveal:
        parts += scenario_view.reveal(scenario, marks=marks)
    parts += marks.footnote()
    return parts


def _schema_lines() -> list[str]:
    """The scenario schema's absolute path, and the modeline that points an editor at it."""
    from mockinterview import paths

    schema = (paths.schema_dir() / "scenario.schema.json").resolve()
    return [str(schema), f"# yaml-language-server: $schema={schema}"]


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[PATH]...", help="Scenario or rubric files, or folders of them. Default: every scenario "
                       "file in the catalogue, shadowed ones included."),
    ] = None,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the scenario JSON Schema's path and the modeline for editors, then exit.")
    ] = False,
) -> None:
    """Check scenario (and rubric) files; report every problem as file:line:column: field: message.

    Text holding terminal control characters is reported as a warning, with its
    location; it does not make a file invalid. With no PATH every scenario file of the
    catalogue is checked, including files shadowed by a later one with the same id
    (they are marked so). Exits 1 if any file has a problem.
    """
    from rich.text import Text

    from mockinterview.ui import console

    out, err = console.stdout(), console.stderr()
    if schema:
        path_line, modeline = _schema_lines()
        out.print(Text(path_line), soft_wrap=True)
        out.print(Text(modeline), soft_wrap=True)
        err.print(Text("Paste the second line as the first line of a scenario file; editors running "
                       "yaml-language-server then check it as you type.", style="dim"), soft_wrap=True)
        return

    from mockinterview.content.queries import validate_paths

    targets = list(paths or [])
    refused = []
    shadowed: dict[Path, Path] = {}
    if not targets:
        cat = catalogue(ctx)
        for entry in cat.entries.values():
            targets.append(entry.path)
            for hidden in entry.overrides:
                targets.append(hidden.path)
                shadowed[hidden.path] = entry.path
        refused = cat.refused
    results = validate_paths(targets, refused=refused)
    bad = warned = 0
    for checked in results:
        by = shadowed.get(checked.path)
        for w in checked.warnings:
            warned += 1
            err.print(Text("warning: ", style="yellow") + Text(str(w)), soft_wrap=True)
        if checked.problems:
            bad += 1
            for p in checked.problems:
                err.print(Text(str(p)), soft_wrap=True)
            if by is not None:
                err.print(Text(f"  ({checked.path} is shadowed by {by}, which the catalogue uses instead)", style="dim"),
                          soft_wrap=True)
        else:
            what = checked.what if by is None else f"{checked.what}; shadowed by {by}"
            out.print(Text("ok  ", style="green") + Text(str(checked.path)) + Text(f"  ({what})", style="dim"),
                      soft_wrap=True)
    total = len(results)
    summary = f"{total - bad} of {total} file(s) valid"
    if shadowed:
        summary += f"; {len(shadowed)} shadowed by a later file with the same id"
    if warned:
        summary += f"; {warned} warning(s)"
    if bad:
        err.print(f"[red]{summary}[/red]")
        raise typer.Exit(1)
    out.print(f"[dim]{summary}[/dim]")
