"""Calibration: your self-scores against the source documents' own evaluations.

For the last :data:`~mockinterview.progress.rules.CALIBRATION_WINDOW` interviews of
scenarios that carry one, your score minus the document's, per criterion; also over
the most recent ones, and the mean gap per interview as a trend.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from mockinterview.progress.records import Calibration, CalibrationRow
from mockinterview.progress.rules import CALIBRATION_RECENT, CALIBRATION_TREND, CALIBRATION_WINDOW, Names
from mockinterview.store.progress_queries import NO_FILTERS, Filters

if TYPE_CHECKING:
    from mockinterview.content.rubric import Rubric
    from mockinterview.store import Store

__all__ = ["calibration"]


def calibration(
    store: Store,
    rubric: Rubric,
    evaluations: Mapping[str, Mapping[str, int]],
    filters: Filters = NO_FILTERS,
    *,
    window: int = CALIBRATION_WINDOW,
) -> Calibration:
    """Your scores minus the documents' own, per criterion, over the last ``window`` calibrated interviews."""
    names = Names(rubric)
    found = store.progress.calibration(
        evaluations, filters, window=window, recent=CALIBRATION_RECENT, trend=CALIBRATION_TREND
    )
    count = sum(n for _, n in found.picked)
    if not count:
        return Calibration(0, [], [], [], [], [])
    order = {c: i for i, c in enumerate(names.criteria)}
    rows = sorted(
        (
            CalibrationRow(c, names.name.get(c, c), n, yours, doc, diff, found.recent.get(c))
            for c, n, yours, doc, diff in found.overall
        ),
        key=lambda r: (order.get(r.criterion, len(order)), r.criterion),
    )
    return Calibration(
        interviews=count,
        scenarios=[sid for sid, _ in found.picked],
        rows=rows,
        gap_labels=[day for day, _, _ in found.trend],
        gap_trend=[gap for _, gap, _ in found.trend],
        bias_trend=[bias for _, _, bias in found.trend],
    )
