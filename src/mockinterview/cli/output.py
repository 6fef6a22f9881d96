"""Printing a scorecard the way the options ask: on screen, as JSON, or exported as
Markdown, JSON or HTML (to stdout or a file). Shared by ``score``, ``report`` and the
end of ``run``, so no command module imports another. Not a command module itself."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from mockinterview.cli.app import json_text, print_json

if TYPE_CHECKING:
    from mockinterview.scoring.scorecard import Scorecard


class Format(StrEnum):
    md = "md"
    json = "json"
    html = "html"


def emit_scorecard(
    card: Scorecard, *, as_json: bool, fmt: Format | None, output: Path | None, page: bool = False
) -> None:
    """Print the scorecard (or its JSON) and write an export when asked; ``page``: through
    the pager when the scorecard is taller than the terminal."""
    from mockinterview.ui import console, scorecard_view

    if fmt is not None or output is not None:
        if fmt is None:  # from the file's suffix, else Markdown
            suffix = output.suffix.lstrip(".").lower() if output else ""
            fmt = Format(suffix) if suffix in Format.__members__ else Format.md
        if fmt is Format.json:
            text = json_text(card.to_dict())
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
        from mockinterview.ui.pager import page as paged

        paged(console.stdout(), scorecard_view.render(card), enabled=page)
