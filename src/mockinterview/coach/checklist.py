"""The checklist of a phase: each key point, whether the notes cover it, and why.

A point is *detected* when the matcher found it, with the *evidence* (which phrase
matched, on which line, which words); *confirmed* is the candidate's own verdict
(None = not reviewed, True = "I covered this", False = "that match is wrong"). Both
are kept; :attr:`ChecklistItem.covered` is the confirmed state when there is one,
else the detected one. ``to_dict`` / ``from_dict`` give the JSON the store keeps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, cast

__all__ = ["Checklist", "ChecklistItem", "Match", "Route"]

#: How a point was matched: one of its terms, all of its all_of phrases, or its figure.
Route = Literal["term", "all_of", "figure"]
_ROUTES: tuple[Route, ...] = ("term", "all_of", "figure")


@dataclass(frozen=True)
class Match:
    """One piece of evidence: ``phrase`` of key point ``point`` found on ``line`` (1-based)
    of the notes, whose text is ``text``; ``spans`` are the ``[start, end)`` character
    ranges of the words that matched, for highlighting."""

    point: str
    route: Route
    phrase: str
    line: int
    text: str
    spans: tuple[tuple[int, int], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "route": self.route,
            "phrase": self.phrase,
            "line": self.line,
            "text": self.text,
            "spans": [list(s) for s in self.spans],
        }

    @classmethod
    def from_dict(cls, point: str, data: Mapping[str, Any]) -> Match:
        route = data["route"]
        if route not in _ROUTES:
            raise ValueError(f"unknown match route {route!r}")
        spans = tuple((int(s[0]), int(s[1])) for s in data.get("spans", ()))
        return cls(point, cast(Route, route), str(data["phrase"]), int(data["line"]), str(data["text"]), spans)


@dataclass(frozen=True)
class ChecklistItem:
    """One key point of the phase (or of a curveball announced in it)."""

    id: str
    text: str
    criteria: tuple[str, ...]
    reference: str | None
    curveball: str | None
    detected: bool
    evidence: tuple[Match, ...]
    confirmed: bool | None = None

    @property
    def covered(self) -> bool:
        """The candidate's verdict if given, else the matcher's."""
        return self.detected if self.confirmed is None else self.confirmed

    @property
    def corrected(self) -> bool:
        """The candidate disagreed with the matcher (ticked a miss or unticked a match)."""
        return self.confirmed is not None and self.confirmed != self.detected

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "criteria": list(self.criteria),
            "reference": self.reference,
            "curveball": self.curveball,
            "detected": self.detected,
            "confirmed": self.confirmed,
            "covered": self.covered,
            "evidence": [m.to_dict() for m in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ChecklistItem:
        pid = str(data["id"])
        confirmed = data.get("confirmed")
        if confirmed is not None and not isinstance(confirmed, bool):
            raise ValueError(f"{pid}: confirmed must be true, false or null")
        detected = data["detected"]
        if not isinstance(detected, bool):
            raise ValueError(f"{pid}: detected must be true or false")
        return cls(
            id=pid,
            text=str(data["text"]),
            criteria=tuple(str(c) for c in data.get("criteria", ())),
            reference=None if data.get("reference") is None else str(data["reference"]),
            curveball=None if data.get("curveball") is None else str(data["curveball"]),
            detected=detected,
            evidence=tuple(Match.from_dict(pid, m) for m in data.get("evidence", ())),
            confirmed=confirmed,
        )


@dataclass(frozen=True)
class Checklist:
    """A phase's key points, in the scenario's order (the phase's own, then each curveball's)."""

    phase: str
    items: tuple[ChecklistItem, ...]

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def covered(self) -> int:
        """How many points are covered (confirmed, or detected where not reviewed)."""
        return sum(1 for i in self.items if i.covered)

    @property
    def detected(self) -> int:
        return sum(1 for i in self.items if i.detected)

    @property
    def reviewed(self) -> bool:
        return any(i.confirmed is not None for i in self.items)

    def item(self, point_id: str) -> ChecklistItem:
        for i in self.items:
            if i.id == point_id:
                return i
        raise KeyError(point_id)

    def missing(self) -> tuple[ChecklistItem, ...]:
        return tuple(i for i in self.items if not i.covered)

    def confirm(self, point_id: str, value: bool | None) -> Checklist:
        """A copy with ``point_id`` ticked (True), unticked (False) or back to unreviewed (None)."""
        self.item(point_id)  # KeyError for an unknown id
        return replace(self, items=tuple(replace(i, confirmed=value) if i.id == point_id else i for i in self.items))

    def confirm_all(self, verdicts: Mapping[str, bool | None]) -> Checklist:
        """A copy with every point in ``verdicts`` set; other points unchanged."""
        unknown = sorted(set(verdicts) - {i.id for i in self.items})
        if unknown:
            raise KeyError(", ".join(unknown))
        return replace(
            self, items=tuple(replace(i, confirmed=verdicts[i.id]) if i.id in verdicts else i for i in self.items)
        )

    def carry_confirmations(self, previous: Checklist) -> Checklist:
        """This (fresh) detection with the candidate's verdicts from ``previous`` kept, by point id."""
        old = {i.id: i.confirmed for i in previous.items if i.confirmed is not None}
        return self.confirm_all({k: v for k, v in old.items() if k in {i.id for i in self.items}})

    def to_dict(self) -> dict[str, Any]:
        return {
            "phase": self.phase,
            "covered": self.covered,
            "detected": self.detected,
            "total": self.total,
            "points": [i.to_dict() for i in self.items],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Checklist:
        """Read what :meth:`to_dict` wrote (``covered`` and the counts are recomputed).
        A malformed value is a ``ValueError``, a missing key a ``KeyError``."""
        points: Sequence[Mapping[str, Any]] = data["points"]
        return cls(str(data["phase"]), tuple(ChecklistItem.from_dict(p) for p in points))
