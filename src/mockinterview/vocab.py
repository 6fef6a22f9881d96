"""The fixed names of the product, defined once.

Levels, phase kinds, criterion, group and band ids, the summary keys of an assessment
and the verdict labels are public: they appear in scenario files, score files, JSON,
exports and the database. Everything else imports them from here. This module imports
nothing but ``typing``, so start-up paths (``--help``, ``list``) can use it for free.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

SLUG_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
IDENT_PATTERN: Final = r"^[a-z_][a-z0-9_]*$"

#: Scenario levels, easiest first (staff: above senior; multi-team, multi-region scope).
Level = Literal["entry", "mid", "senior", "staff"]
LEVELS: Final[tuple[str, ...]] = get_args(Level)

#: Phase kinds, in interview order.
PhaseKindName = Literal[
    "opening",
    "requirements",
    "estimation",
    "high_level_design",
    "deep_dive",
    "database_design",
    "scaling",
    "wrap_up",
]
PHASE_KINDS: Final[tuple[str, ...]] = get_args(PhaseKindName)

#: The fifteen 1-5 criteria, in rubric order. Stable public names: never rename.
CRITERION_IDS: Final[tuple[str, ...]] = (
    "system_design_knowledge",
    "scalability_understanding",
    "database_design",
    "api_design",
    "trade_off_analysis",
    "problem_clarification",
    "structured_thinking",
    "clear_explanation",
    "collaboration",
    "time_management",
    "meets_requirements",
    "handles_scale",
    "edge_cases",
    "operational_awareness",
    "innovation",
)

#: The rubric's three groups of criteria.
GroupId = Literal["technical", "communication", "overall"]
GROUP_IDS: Final[tuple[str, ...]] = get_args(GroupId)

#: The three point bands (50 / 30 / 20), in rubric order; also the store's column names.
BandId = Literal["technical_depth", "system_design", "communication_process"]
BAND_IDS: Final[tuple[str, ...]] = get_args(BandId)

#: The levels of every band, best first, as slugs of the rubric's level names
#: ("Needs Improvement" -> ``needs_improvement``); the rubric is checked against them, and a
#: scenario's ``band_descriptors`` use them as keys.
BandLevelSlug = Literal["excellent", "good", "needs_improvement", "poor"]
BAND_LEVELS: Final[tuple[str, ...]] = get_args(BandLevelSlug)

#: What an assessment's summary holds (stored with it, exported with it).
SUMMARY_KEYS: Final[tuple[str, ...]] = ("score_50", "percent_50", "label_50", "total_100", "verdict")

#: The 100-point verdicts, best first.
VERDICTS: Final[tuple[str, ...]] = ("Strong Pass", "Pass", "Weak Pass", "No Pass")
