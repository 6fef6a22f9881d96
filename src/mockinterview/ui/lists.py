"""Table renderers for lists of things (scenarios, sessions)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from mockinterview.scenarios.queries import ScenarioRow
from mockinterview.ui.scenario_view import LEVEL_STYLE


def scenario_table(rows: Sequence[ScenarioRow], width: int = 100) -> Table:
    """Only the title gives way on a narrow terminal; the other columns keep their width."""
    id_w = max([len(r.id) + (2 if r.overrides else 0) + (len(r.source) + 3 if r.source != "bundled" else 0) for r in rows] + [2])
    focus_w = max([len(r.focus) for r in rows] + [5])
    gaps = 2 * 5  # one space each side between six columns
    title_w = max(12, width - (id_w + 6 + focus_w + 3 + 6 + gaps))
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("id", style="accent", no_wrap=True, min_width=id_w)
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=title_w)
    table.add_column("level", no_wrap=True, min_width=6)
    table.add_column("focus", no_wrap=True, min_width=focus_w)
    table.add_column("min", justify="right", no_wrap=True, min_width=3)
    table.add_column("phases", justify="right", no_wrap=True, min_width=6)
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
