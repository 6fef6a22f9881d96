"""The `data` group: where your data lives (`data path`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mockinterview.cli.app import app, print_json

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

    if home.exists() and not home.is_dir():  # e.g. $MOCKINTERVIEW_HOME names a file
        folder_note = f"a file, not a folder: set ${paths.HOME_ENV} to a folder"
        db_note = "cannot be created until the data folder is a folder"
        mine_note = "cannot be created either"
    else:
        folder_note = "" if home.is_dir() else "not created yet"
        db_note = size(db) if db.is_file() else "not created yet: run an interview first"
        mine_note = "" if mine.is_dir() else "create it to add your own scenarios"
    out = console.stdout()
    print_paths(
        out, [("Data folder", home, folder_note), ("Database", db, db_note), ("Your scenarios", mine, mine_note)]
    )
    out.print(
        Text(
            f"Set ${paths.HOME_ENV} to keep the data elsewhere; back it up with: mockinterview export -o FILE",
            style="muted",
        )
    )
