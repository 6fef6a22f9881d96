"""One criterion's evidence from the notes as the scorecard shows it, beside the self-score
(the counting is :mod:`mockinterview.coach.evidence`'s; attaching it to a card is
:func:`mockinterview.scoring.scorecard.with_evidence`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mockinterview.coach.evidence import CriterionEvidence, ScoreGap
from mockinterview.wording import plural

__all__ = ["EvidenceView"]


@dataclass(frozen=True)
class EvidenceView:
    """One criterion's evidence from the notes, beside the candidate's own score.

    ``covered_points`` / ``missed_points`` are the key points' texts; ``suggested`` maps
    the share covered onto 1..5 (:func:`mockinterview.coach.evidence.suggest_score`).
    ``self_score`` is None on an interview not scored yet.
    """

    criterion: str
    name: str
    covered: int
    total: int
    suggested: int
    covered_points: tuple[str, ...]
    missed_points: tuple[str, ...]
    self_score: int | None = None

    @classmethod
    def of(cls, ev: CriterionEvidence, name: str, self_score: int | None) -> EvidenceView:
        assert ev.suggested is not None, "a criterion without key points has no evidence view"
        return cls(
            ev.criterion, name, len(ev.covered), ev.total, ev.suggested, ev.covered_texts, ev.missing_texts, self_score
        )

    @property
    def count_text(self) -> str:
        """"3 of 5 points"."""
        return f"{self.covered} of {plural(self.total, 'point')}"

    @property
    def short(self) -> str:
        """The cell beside the self-score: "3 of 5 → 4"."""
        return f"{self.covered} of {self.total} → {self.suggested}"

    @property
    def differs(self) -> bool:
        """The self-score and the suggestion are a whole point or more apart."""
        return self.self_score is not None and ScoreGap(self.criterion, self.self_score, self.suggested).differs

    @property
    def sentence(self) -> str:
        """"you gave 5; your notes show 2 of 6 points (suggests 2)" (without a self-score: what the notes show)."""
        shown = f"your notes show {self.count_text} (suggests {self.suggested})"
        return shown if self.self_score is None else f"you gave {self.self_score}; {shown}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "covered": self.covered,
            "total": self.total,
            "suggested": self.suggested,
            "self_score": self.self_score,
            "difference": None if self.self_score is None else self.self_score - self.suggested,
            "differs": self.differs,
            "covered_points": list(self.covered_points),
            "missed_points": list(self.missed_points),
        }
