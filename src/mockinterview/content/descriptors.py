"""Band descriptors for one scenario: its own where it gives them, the rubric's otherwise.

A scenario's ``band_descriptors`` say what each level of each point band looks like for
its problem (``technical_depth.needs_improvement: [...]``); a band or level it leaves out
keeps the rubric's general wording. The scorecard asks :func:`band_descriptors`.
"""

from __future__ import annotations

from dataclasses import dataclass

from mockinterview.content.rubric import Band, BandLevel, level_slug
from mockinterview.content.scenario import Scenario

__all__ = ["BandText", "band_descriptors", "own_band_descriptors"]


@dataclass(frozen=True)
class BandText:
    """The descriptor lines for one band level, and where they come from."""

    lines: tuple[str, ...]
    own: bool  # the scenario's own (True) or the rubric's (False)
    derived: bool  # the scenario marked its descriptors derived (never for the rubric's)


def own_band_descriptors(scenario: Scenario | None, band_id: str, level_name: str) -> list[str] | None:
    """The scenario's own lines for ``band_id`` at the level named ``level_name``, or None."""
    if scenario is None or scenario.band_descriptors is None:
        return None
    levels = getattr(scenario.band_descriptors, band_id, None)
    if levels is None:
        return None
    lines: list[str] | None = getattr(levels, level_slug(level_name), None)
    return None if lines is None else list(lines)


def band_descriptors(scenario: Scenario | None, band: Band, level: BandLevel) -> BandText:
    """What ``level`` of ``band`` looks like in ``scenario``: its own lines, else the rubric's."""
    own = own_band_descriptors(scenario, band.id, level.name)
    if own is None:
        return BandText(tuple(level.descriptors), own=False, derived=False)
    derived = scenario is not None and scenario.band_descriptors is not None and scenario.band_descriptors.derived
    return BandText(tuple(own), own=True, derived=derived)
