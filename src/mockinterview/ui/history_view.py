"""The history table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from mockinterview.ui.console import VERDICT_STYLE

if TYPE_CHECKING:
    from mockinterview.store import HistoryRow


def history_table(rows: Sequence[HistoryRow]) -> Table:
    t = Table(box=None, header_style="bold", pad_edge=False)
    t.add_column("id", style="accent", no_wrap=True)
    t.add_column("date", no_wrap=True)
    t.add_column("scenario", ratio=1)
    t.add_column("level")
    t.add_column("min", justify="right")
    t.add_column("/50", justify="right")
    t.add_column("/100", justify="right")
    t.add_column("verdict")
    for r in rows:
        date = r.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        used = f"{r.used_minutes:.0f}" if r.mode == "timed" else "–"
        verdict = Text(r.verdict or "", style=VERDICT_STYLE.get(r.verdict or "", ""))
        if r.state == "in_progress":
            verdict = Text("unfinished", style="warn")
        elif r.verdict is None:
            verdict = Text("unscored", style="muted")
        t.add_row(
            Text(r.id), date, Text(r.scenario_id), Text(r.level), used,
            "" if r.score_50 is None else str(r.score_50),
            "" if r.total_100 is None else str(r.total_100),
            verdict,
        )
    return t
