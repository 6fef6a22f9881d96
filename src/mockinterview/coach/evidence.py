"""Evidence beside the self-score: per criterion, the points covered out of its points.

A point counts as covered when the candidate confirmed it, or, where they did not
review it, when the matcher detected it. A point is evidence for every criterion it
names. The suggested score maps the share covered onto 1..5 in equal steps
(``1 + round(4 x share)``, halves up):

=================  =========
share covered      suggested
=================  =========
below 1/8          1
1/8 to below 3/8   2
3/8 to below 5/8   3
5/8 to below 7/8   4
7/8 and above      5
=================  =========

A criterion with no points has no suggestion. The candidate's own score still decides;
:func:`compare` says where the two differ and :func:`calibrate` how they differ on
average over many interviews.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Literal

from mockinterview.coach.checklist import Checklist
from mockinterview.vocab import CRITERION_IDS

__all__ = [
    "EMPTY_NOTES_NOTE",
    "EVIDENCE_NOTE",
    "NO_NOTES_NOTE",
    "Calibration",
    "CriterionEvidence",
    "ScoreGap",
    "calibrate",
    "compare",
    "criterion_evidence",
    "suggest_score",
    "suggestions",
]

#: What the evidence beside a self-score is, said once wherever it is shown.
EVIDENCE_NOTE = (
    "Evidence = the key points your notes covered, confirmed by you where you reviewed them; "
    "the suggestion maps the share covered onto 1-5. Your own score still decides."
)
#: Why an interview has no evidence although its scenario has key points: scored without
#: ``run`` (no notes at all), or run with every phase's notes left empty.
NO_NOTES_NOTE = (
    "No evidence from notes: this interview was scored without `mockinterview run`, so it has no notes "
    "to suggest scores from (`mockinterview review SCENARIO --notes FILE --save` checks notes written elsewhere)."
)
EMPTY_NOTES_NOTE = "No evidence from notes: no phase of this interview has notes, so nothing is suggested from them."


def suggest_score(covered: int, total: int) -> int | None:
    """1..5 from ``covered`` of ``total`` points (see the table above); None if ``total`` is 0."""
    if total <= 0:
        return None
    covered = max(0, min(covered, total))
    return 1 + math.floor(Fraction(4 * covered, total) + Fraction(1, 2))


@dataclass(frozen=True)
class CriterionEvidence:
    """One criterion's points: which are covered, which are not, and the suggestion."""

    criterion: str
    covered: tuple[str, ...]  # key point ids
    missing: tuple[str, ...]
    covered_texts: tuple[str, ...] = ()  # the same points' texts, as the candidate reads them
    missing_texts: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.missing)

    @property
    def suggested(self) -> int | None:
        return suggest_score(len(self.covered), self.total)

    def count_text(self) -> str:
        """"3 of 5 points" ("1 of 1 point")."""
        return f"{len(self.covered)} of {self.total} point{'' if self.total == 1 else 's'}"

    def line(self, name: str) -> str:
        """The self-assessment's line: "Your notes: 3 of 5 points for Trade-off Analysis · suggested 4"."""
        return f"Your notes: {self.count_text()} for {name} · suggested {self.suggested}"

    def gap_sentence(self, self_score: float) -> str:
        """Where a self-score and the notes differ: "you gave 5; your notes show 2 of 6 points (suggests 2)"."""
        return f"you gave {self_score:g}; your notes show {self.count_text()} (suggests {self.suggested})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "covered": len(self.covered),
            "total": self.total,
            "suggested": self.suggested,
            "covered_points": list(self.covered),
            "missing_points": list(self.missing),
        }


def criterion_evidence(
    checklists: Iterable[Checklist], criteria: Sequence[str] = CRITERION_IDS
) -> dict[str, CriterionEvidence]:
    """Every criterion of ``criteria`` (in that order) with its evidence from ``checklists``.

    A point listed in several checklists counts once, covered if covered in any.
    """
    state: dict[str, bool] = {}
    point_criteria: dict[str, tuple[str, ...]] = {}
    texts: dict[str, str] = {}
    for checklist in checklists:
        for item in checklist.items:
            state[item.id] = state.get(item.id, False) or item.covered
            point_criteria.setdefault(item.id, item.criteria)
            texts.setdefault(item.id, item.text)
    out: dict[str, CriterionEvidence] = {}
    for criterion in criteria:
        ids = [pid for pid, crits in point_criteria.items() if criterion in crits]
        covered = tuple(p for p in ids if state[p])
        missing = tuple(p for p in ids if not state[p])
        out[criterion] = CriterionEvidence(
            criterion, covered, missing, tuple(texts[p] for p in covered), tuple(texts[p] for p in missing)
        )
    return out


def suggestions(evidence: Mapping[str, CriterionEvidence]) -> dict[str, int]:
    """Criterion id -> suggested score, for the criteria that have one (what a history keeps)."""
    return {k: s for k, ev in evidence.items() if (s := ev.suggested) is not None}


@dataclass(frozen=True)
class ScoreGap:
    """A self-score beside the evidence's suggestion."""

    criterion: str
    self_score: float
    suggested: int

    @property
    def difference(self) -> float:
        """Self-score minus suggestion: positive when the candidate rates higher than the notes show."""
        return self.self_score - self.suggested

    @property
    def differs(self) -> bool:
        """A whole point or more apart."""
        return abs(self.difference) >= 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "self_score": self.self_score,
            "suggested": self.suggested,
            "difference": self.difference,
            "differs": self.differs,
        }


def compare(self_scores: Mapping[str, float], evidence: Mapping[str, CriterionEvidence]) -> list[ScoreGap]:
    """Each criterion with both a self-score and a suggestion, in ``evidence``'s order."""
    out: list[ScoreGap] = []
    for criterion, ev in evidence.items():
        suggested = ev.suggested
        score = self_scores.get(criterion)
        if suggested is not None and score is not None:
            out.append(ScoreGap(criterion, score, suggested))
    return out


Direction = Literal["over", "under", "in_line"]


def _one_decimal(x: float) -> str:
    """``x`` with one decimal, halves rounded up (1.25 -> 1.3), as people expect."""
    return str(Decimal(repr(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Calibration:
    """How a criterion's self-scores compare with the evidence, over many interviews."""

    criterion: str
    name: str
    interviews: int
    mean_difference: float  # self-score minus suggestion, averaged
    threshold: float

    @property
    def direction(self) -> Direction:
        if self.mean_difference > self.threshold:
            return "over"
        if self.mean_difference < -self.threshold:
            return "under"
        return "in_line"

    @property
    def sentence(self) -> str:
        """E.g. "you rate Trade-off Analysis 1.2 above what your notes show (over 5 interviews)"."""
        n = self.interviews
        over = f"over {n} interview{'' if n == 1 else 's'}"
        if self.direction == "in_line":
            return f"your {self.name} self-scores match what your notes show ({over})"
        word = "above" if self.direction == "over" else "below"
        return f"you rate {self.name} {_one_decimal(abs(self.mean_difference))} {word} what your notes show ({over})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "name": self.name,
            "interviews": self.interviews,
            "mean_difference": round(self.mean_difference, 3),
            "direction": self.direction,
            "sentence": self.sentence,
        }


def calibrate(
    history: Iterable[tuple[Mapping[str, float], Mapping[str, int | None]]],
    *,
    names: Mapping[str, str] | None = None,
    threshold: float = 0.5,
    min_interviews: int = 1,
) -> list[Calibration]:
    """Self-scores against the evidence over many interviews.

    ``history``: per interview, ``(self_scores, suggested)`` by criterion id (the second
    as :func:`suggestions` gives it). Only interviews with both numbers for a criterion
    count for it; criteria with fewer than ``min_interviews`` such interviews are left
    out. ``names`` gives the criteria's display names (else the id, spaced). A mean
    difference of more than ``threshold`` either way is "over" / "under" (as ``progress``
    reads its calibration against the documents' candidates). Criteria come
    in rubric order, then any others by id.
    """
    diffs: dict[str, list[float]] = {}
    for self_scores, suggested in history:
        for criterion, s in suggested.items():
            score = self_scores.get(criterion)
            if s is not None and score is not None:
                diffs.setdefault(criterion, []).append(score - s)
    order = {c: i for i, c in enumerate(CRITERION_IDS)}
    out: list[Calibration] = []
    for criterion in sorted(diffs, key=lambda c: (order.get(c, len(order)), c)):
        values = diffs[criterion]
        if len(values) < min_interviews:
            continue
        name = (names or {}).get(criterion) or criterion.replace("_", " ").capitalize()
        out.append(Calibration(criterion, name, len(values), sum(values) / len(values), threshold))
    return out
