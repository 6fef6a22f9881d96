"""Table renderers for lists of things (scenarios, sessions)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from mockinterview.content.queries import ScenarioRow
from mockinterview.textsafe import clean
from mockinterview.ui.console import LEVEL_STYLE, clean_text


def scenario_table(rows: Sequence[ScenarioRow], width: int = 100) -> Text:
    """The scenario list as padded lines (a rich Table costs ~1 ms a row, and this
    list may have thousands). Only the title gives way on a narrow terminal."""

    def ident(r: ScenarioRow) -> Text:
        t = Text(r.id, style="accent")
        if r.overrides:
            t.append(" *", style="warn")
        if r.source != "bundled":
            t.append(f" ({r.source})", style="muted")
        return t

    ids = [clean_text(ident(r)) for r in rows]
    titles = [clean(r.title) for r in rows]  # measured as shown (the console would clean them anyway)
    id_w = max([len(t) for t in ids] + [2])
    focus_w = max([len(r.focus) for r in rows] + [5])
    fixed = id_w + 6 + focus_w + 3 + 6 + 2 * 5
    title_w = max(12, min(width - fixed, max([len(t) for t in titles] + [5])))

    def cell(text: str, w: int) -> str:
        return text if len(text) <= w else text[: w - 1] + "…"

    out = Text()
    out.append(f"{'id':<{id_w}}  {'title':<{title_w}}  {'level':<6}  {'focus':<{focus_w}}  {'min':>3}  {'phases':>6}", style="bold")
    for t, title, r in zip(ids, titles, rows, strict=True):
        out.append("\n")
        out.append_text(t)
        out.append(" " * (id_w - len(t)) + "  ")
        out.append(f"{cell(title, title_w):<{title_w}}  ")
        out.append(f"{r.level:<6}", style=LEVEL_STYLE.get(r.level, ""))
        out.append(f"  {r.focus:<{focus_w}}  {r.minutes:>3}  {r.phases:>6}")
    return out
