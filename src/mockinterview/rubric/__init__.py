"""The scoring rubric: the 1-5 criteria, the 50/30/20 bands and the verdicts."""

from mockinterview.rubric.model import CRITERION_IDS, GROUP_IDS, Rubric

__all__ = ["CRITERION_IDS", "GROUP_IDS", "Rubric"]
