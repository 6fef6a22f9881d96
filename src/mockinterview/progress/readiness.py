"""Readiness per level: ready / not yet / not enough data, from your last interviews of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mockinterview.progress.records import Readiness
from mockinterview.progress.rules import READINESS_WINDOW, Names, pass_marks, verdict_for
from mockinterview.vocab import LEVELS
from mockinterview.wording import plural

if TYPE_CHECKING:
    from mockinterview.content.rubric import Rubric
    from mockinterview.store import Store

__all__ = ["readiness"]


def readiness(store: Store, rubric: Rubric, *, window: int = READINESS_WINDOW) -> list[Readiness]:
    """Ready / not yet / not enough data for each level, from the last ``window`` interviews of it."""
    names = Names(rubric)
    ok, strong = pass_marks(rubric)
    pass_label = verdict_for(rubric, ok)
    out: list[Readiness] = []
    with store.snapshot():
        for level in LEVELS:
            rows = store.progress.level_window(level, window)
            totals = [r.total_100 for r in rows]
            if len(rows) < window:
                need = window - len(rows)
                have = f"you have {len(rows)}" if rows else "you have none yet"
                out.append(
                    Readiness(
                        level, "not_enough_data", need, totals, None, None, False, None, None, None,
                        f"{plural(need, f'more {level} interview')} needed ({have}; readiness looks at the last {window})",
                    )
                )  # fmt: skip
                continue
            known = [t for t in totals if t is not None]
            avg = sum(known) / len(known) if known else 0.0
            verdict = verdict_for(rubric, avg)
            averages = {
                c: v for c, v in store.progress.criterion_averages([r.id for r in rows]).items() if c in names.name
            }
            weakest = min(averages, key=lambda c: (averages[c][0], names.criteria.index(c))) if averages else None
            w_avg = averages[weakest][0] if weakest else None
            listed = ", ".join("–" if t is None else str(t) for t in totals)
            reason = f"last {window} {level} interviews ({listed}) average {avg:.0f}/100 ({verdict})"
            if avg >= ok:
                status = "ready"
            else:
                status = "not_yet"
                reason += f", {ok - avg:.0f} below {pass_label}"
            if weakest:
                reason += f"; weakest: {weakest} {w_avg:.1f}"
            out.append(
                Readiness(
                    level, status, 0, totals, avg, verdict, avg >= strong, weakest,
                    names.name[weakest] if weakest else None, w_avg, reason,
                )
            )  # fmt: skip
    return out
