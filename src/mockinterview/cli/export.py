"""Commands that move your data in and out: export, import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mockinterview.cli.app import app, print_json, safe_json


@app.command()
def export(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The file to write (JSON lines; - for standard output).", metavar="FILE"),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Report what was written as JSON.")] = False,
) -> None:
    """Export every interview (phases, notes, timings, every assessment, estimates) as JSON lines.

    `mockinterview help data-format` describes the format; `mockinterview import` reads it back.
    """
    from mockinterview import transfer
    from mockinterview.store import Store

    with Store() as store:
        if str(output) == "-":
            for line in transfer.export_lines(store):  # a closed pipe is handled at the boundary
                typer.echo(safe_json(line))
            return
        result = transfer.export(store, output)
    if as_json:
        print_json(result.to_dict())
        return
    from rich.text import Text

    from mockinterview.ui import console

    out = console.stdout()
    if result.sessions == 0:
        out.print(
            Text(f"No interviews yet, so {output} is empty. Start with: mockinterview run url-shortener"),
            soft_wrap=True,
        )
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
        print_json(
            result.to_dict()
            if result
            else {"path": str(file), "sessions_in_file": 0, "imported": 0, "skipped": 0, "skipped_ids": []}
        )
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
