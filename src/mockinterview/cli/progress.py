"""Commands about the whole history: progress, next, export, import, data path."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from mockinterview.cli.app import app, catalogue, print_json


class LevelChoice(StrEnum):
    entry = "entry"
    mid = "mid"
    senior = "senior"


def _since(text: str | None):  # type: ignore[no-untyped-def]
    if text is None:
        return None
    from datetime import date

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
    scenario: Annotated[str | None, typer.Option("--scenario", help="Only interviews of this scenario.", metavar="ID")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as one JSON document.")] = False,
) -> None:
    """Your performance over time: recent scores, averages, readiness per level, criterion
    trends, strengths and weaknesses, pacing, calibration and your practice streak."""
    from mockinterview import progress as core
    from mockinterview.scoring.arithmetic import load_rubric
    from mockinterview.store import Store

    day = _since(since)
    if scenario is not None:
        from mockinterview.content.catalogue import check_id

        check_id(scenario)
    rubric = load_rubric()
    with Store() as store:
        cat = catalogue(ctx)
        report = core.summarize(
            store.conn,
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
    from mockinterview import progress as core
    from mockinterview.content.index import ScenarioIndex, summarise
    from mockinterview.errors import ContentError
    from mockinterview.scoring.arithmetic import load_rubric
    from mockinterview.store import Store

    rubric = load_rubric()
    cat = catalogue(ctx)
    index = ScenarioIndex()  # files that passed the full check (as `list` keeps them)
    broken: list[str] = []
    with Store() as store:
        while True:
            scenarios = core.catalogue_scenarios(cat, skip=broken)
            rec = core.recommend(store.conn, rubric, scenarios, level=level.value if level else None)
            if rec.scenario is None:
                break
            entry = cat.entries[rec.scenario.id]
            if index.get(entry.path) is not None:
                break
            try:
                index.put(entry.path, summarise(entry.load()))  # the full check `run` will do
            except ContentError:
                broken.append(rec.scenario.id)
                continue
            index.save()
            break
    if as_json:
        print_json(rec.to_dict())
        return
    from mockinterview.ui import console
    from mockinterview.ui.progress_view import print_next

    print_next(console.stdout(), rec)


@app.command()
def export(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The file to write (JSON lines; - for standard output).", metavar="FILE"),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Report what was written as JSON.")] = False,
) -> None:
    """Export every interview (phases, notes, timings, every assessment, estimates) as JSON lines.

    The format is described in docs/data-format.md; `mockinterview import` reads it back.
    """
    from mockinterview import transfer
    from mockinterview.store import Store

    with Store() as store:
        if str(output) == "-":
            for line in transfer.export_lines(store):  # a closed pipe is handled at the boundary
                typer.echo(line)
            return
        result = transfer.export(store, output)
    if as_json:
        print_json(result.to_dict())
        return
    from rich.text import Text

    from mockinterview.ui import console

    out = console.stdout()
    if result.sessions == 0:
        out.print(Text(f"No interviews yet, so {output} is empty. Start with: mockinterview run url-shortener"), soft_wrap=True)
        return
    out.print(
        Text(
            f"Exported {result.sessions:,} interview{'s' if result.sessions != 1 else ''} "
            f"({result.assessments:,} assessment{'s' if result.assessments != 1 else ''}) to {output}"
        ),
        soft_wrap=True,  # a path is never broken across lines
    )


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A file written by `mockinterview export`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Report what was imported as JSON.")] = False,
) -> None:
    """Import interviews from an export file. Interviews already present (same id) are skipped,
    so importing twice adds nothing; a bad line stops the import before anything is written."""
    from mockinterview import transfer
    from mockinterview.store import Store

    records = transfer.parse(file)  # validate before touching the store
    with Store() as store:
        result = transfer.import_file(store, file, records) if records else None
    if as_json:
        print_json(result.to_dict() if result else {"path": str(file), "sessions_in_file": 0, "imported": 0, "skipped": 0, "skipped_ids": []})
        return
    from rich.text import Text

    from mockinterview.ui import console

    out = console.stdout()
    if result is None:
        out.print(Text(f"{file} has no interviews to import."), soft_wrap=True)
        return
    line = f"Imported {result.imported:,} interview{'s' if result.imported != 1 else ''} from {file}"
    if result.skipped:
        line += f"; skipped {result.skipped:,} already present"
    out.print(Text(line + "."), soft_wrap=True)
    if result.imported:
        out.print(Text("See them with: mockinterview history", style="muted"))


data_app = typer.Typer(
    help="Where your data lives.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(data_app, name="data", help="Where your data lives: `data path`. Back it up with `export`.")


@data_app.command("path")
def data_path(
    as_json: Annotated[bool, typer.Option("--json", help="Print the paths as JSON.")] = False,
) -> None:
    """Print where mockinterview keeps your data: the data folder, the database, your scenarios."""
    from mockinterview import paths

    home = paths.data_dir()
    db = paths.database_path()
    mine = paths.user_scenarios_dir()
    if as_json:
        print_json(
            {
                "data_dir": str(home),
                "database": str(db),
                "database_exists": db.is_file(),
                "scenarios_dir": str(mine),
                "scenarios_dir_exists": mine.is_dir(),
                "override": paths.HOME_ENV,
            }
        )
        return
    from rich.text import Text

    from mockinterview.ui import console
    from mockinterview.ui.progress_view import print_paths

    def size(p: Path) -> str:
        n = p.stat().st_size
        return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n / 1000:.0f} KB"

    out = console.stdout()
    print_paths(
        out,
        [
            ("Data folder", home, "" if home.is_dir() else "not created yet"),
            ("Database", db, size(db) if db.is_file() else "not created yet: run an interview first"),
            ("Your scenarios", mine, "" if mine.is_dir() else "create it to add your own scenarios"),
        ],
    )
    out.print(Text(f"Set ${paths.HOME_ENV} to keep the data elsewhere; back it up with: mockinterview export -o FILE", style="muted"))
