"""Console factory. Consoles are made when a command runs, never at import time,
so tests that swap ``sys.stdout`` (CliRunner) and ``NO_COLOR`` both just work."""

from __future__ import annotations

import os
import sys

from rich.console import Console
from rich.theme import Theme

THEME = Theme(
    {
        "muted": "dim",
        "good": "green",
        "warn": "yellow",
        "bad": "red",
        "accent": "cyan",
        "title": "bold",
        "derived": "dim italic",
    }
)

LEVEL_STYLE = {"entry": "green", "mid": "yellow", "senior": "magenta"}
VERDICT_STYLE = {"Strong Pass": "bold green", "Pass": "green", "Weak Pass": "yellow", "No Pass": "bold red"}


def _width() -> int | None:
    # Rich sizes itself from the terminal; when output is not a terminal (a pipe, a
    # file, CliRunner), fall back to COLUMNS or 100 so tables are not squeezed to 80.
    if sys.stdout.isatty():
        return None
    cols = os.environ.get("COLUMNS")
    return int(cols) if cols and cols.isdigit() else 100


def stdout() -> Console:
    return Console(theme=THEME, width=_width(), highlight=False, emoji=False)


def stderr() -> Console:
    return Console(theme=THEME, stderr=True, highlight=False, emoji=False)
