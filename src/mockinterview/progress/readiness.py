"""Readiness per level: ready / not yet / not enough data, from your last interviews of it.

Every sentence reads true on its own: the average is compared unrounded ("69.7, 0.3
under the Pass mark of 70"), interviews below Pass are counted as "n of m", the weakest
criterion is named by its name, and each level ends with what to do next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mockinterview.progress.records import Readiness
from mockinterview.progress.rules import READINESS_WINDOW, Names, pass_marks, verdict_for
from mockinterview.vocab import LEVELS
from mockinterview.wording import plural

if TYPE_CHECKING:
    from mockinterview.content.rubric import Rubric
    from mockinterview.store import Store

__all__ = ["average_text", "gap_text", "readiness"]


def average_text(value: float) -> str:
    """An average as the reports print it: one decimal (69.67 is "69.7"), never rounded
    up to the next whole number (69.96 is "69.9", not "70.0"), so it never reads as
    reaching a mark such as 70 that it does not reach."""
    shown = round(value, 1)
    if shown > value and int(shown) != int(value):
        shown = int(value * 10) / 10
    return f"{shown:.1f}"


def gap_text(value: float) -> str:
    """How far under a mark, rounded up to one decimal (0.04 under is "0.1", never "0.0")."""
    import math

    return f"{math.ceil(value * 10 - 1e-9) / 10:.1f}"


def _next_level(level: str) -> str | None:
    i = LEVELS.index(level) if level in LEVELS else len(LEVELS)
    return LEVELS[i + 1] if i + 1 < len(LEVELS) else None


def readiness(store: Store, rubric: Rubric, *, window: int = READINESS_WINDOW) -> list[Readiness]:
    """Ready / not yet / not enough data for each level, from the last ``window`` interviews of it."""
    names = Names(rubric)
    ok, strong = pass_marks(rubric)
    pass_label = verdict_for(rubric, ok)
    mark = f"the {pass_label} mark of {ok:g}"
    out: list[Readiness] = []
    with store.snapshot():
        for level in LEVELS:
            rows = store.progress.level_window(level, window)
            totals = [r.total_100 for r in rows]
            if len(rows) < window:
                need = window - len(rows)
                have = f"you have {len(rows)}" if rows else "you have none yet"
                reason = f"{plural(need, f'more {level} interview')} needed ({have}; readiness looks at the last {window})"
                advice = f"Next: mockinterview next --level {level}"
                out.append(
                    Readiness(
                        level, "not_enough_data", need, totals, None, None, False, None, None, None, reason,
                        below=sum(1 for t in totals if t is not None and t < ok), advice=advice, pass_mark=ok,
                    )
                )  # fmt: skip
                continue
            known = [t for t in totals if t is not None]
            avg = sum(known) / len(known) if known else 0.0
            verdict = verdict_for(rubric, avg)
            below = sum(1 for t in known if t < ok)
            averages = {
                c: v for c, v in store.progress.criterion_averages([r.id for r in rows]).items() if c in names.name
            }
            weakest = min(averages, key=lambda c: (averages[c][0], names.criteria.index(c))) if averages else None
            w_avg = averages[weakest][0] if weakest else None
            w_name = names.name[weakest] if weakest else None
            listed = ", ".join("–" if t is None else str(t) for t in totals)
            reason = f"last {window} {level} interviews ({listed}) average {average_text(avg)}/100 ({verdict})"
            if avg >= ok:
                status = "ready"
                reason += f", at or above {mark}"
            else:
                status = "not_yet"
                reason += f", {gap_text(ok - avg)} under {mark}"
            reason += f"; {below} of {len(known)} below {pass_label}"
            if weakest and w_avg is not None:
                reason += f"; weakest: {w_name} {w_avg:.1f}"
            up = _next_level(level)
            if status == "ready" and up is not None:
                advice = f"Move up a level: mockinterview next --level {up}"
            elif status == "ready":
                advice = "Keep it up with new scenarios: mockinterview next"
            else:
                focus = f"Work on {w_name}" if w_name else f"Practise {level} again"
                advice = f"{focus}: mockinterview next --level {level}"
            out.append(
                Readiness(
                    level, status, 0, totals, avg, verdict, avg >= strong, weakest, w_name, w_avg, reason,
                    below=below, advice=advice, pass_mark=ok,
                )
            )  # fmt: skip
    return out
