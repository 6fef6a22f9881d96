"""Table renderers for lists of things (scenarios, sessions)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from mockinterview.scenarios.queries import ScenarioRow
from mockinterview.ui.scenario_view import LEVEL_STYLE


def scenario_table(rows: Sequence[ScenarioRow]) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("id", style="accent", no_wrap=True)
    table.add_column("title", ratio=1)
    table.add_column("level")
    table.add_column("focus")
    table.add_column("min", justify="right")
    table.add_column("phases", justify="right")
    for r in rows:
        ident = Text(r.id)
        if r.overrides:
            ident.append(" *", style="warn")
        if r.source != "bundled":
            ident.append(f" ({r.source})", style="muted")
        table.add_row(
            ident, Text(r.title), Text(r.level, style=LEVEL_STYLE.get(r.level, "")), Text(r.focus),
            str(r.minutes), str(r.phases),
        )
    return table
