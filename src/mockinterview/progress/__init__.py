"""Progress and coaching over the saved interviews: the summary, readiness per level,
calibration against the documents' own evaluations, and what to practise next.

Core package, no terminal libraries. Every aggregate is a named query of the store
(``Store.progress``, :mod:`mockinterview.store.progress_queries`), computed by SQLite
over a bounded window of recent interviews; these modules only shape the rows:

* :mod:`.rules`: the windows, margins and thresholds below, and what they read from
  the rubric (names, verdicts);
* :mod:`.records`: the results, immutable records with ``to_dict()`` for ``--json``;
* :mod:`.summary`: the ``progress`` report (averages, trends, strengths, pacing,
  the practice calendar); :mod:`.readiness`; :mod:`.calibration`;
* :mod:`.catalogue`: the catalogue read the quick way, with the evaluations cache;
* :mod:`.recommend`: what to practise next, and why.

Functions take the open :class:`~mockinterview.store.Store`, the rubric and, where
needed, scenarios.

Definitions (the commands' explanations repeat them)
----------------------------------------------------
* A *scored interview* is a session with a current assessment
  (``sessions.scored_at`` is set). Only the current assessment of each session
  counts; earlier ones are history.
* ``--since`` (a local date) and ``--scenario`` narrow the summary, the trends,
  strengths and weaknesses, pacing and calibration. Readiness and the practice
  calendar always look at the whole history: they describe where you are *now*.
* *Recent*: the last :data:`RECENT` scored interviews.
* *Trends*: one point per interview when there are at most :data:`TREND_POINTS`
  scored interviews, else one point per calendar week (Monday first, local time) over
  the last :data:`TREND_POINTS` weeks (fewer if those weeks hold more than
  :data:`TREND_MAX_INTERVIEWS` interviews); a group's point is the mean of its criteria.
  Sparklines use a fixed scale (1..5 per criterion, 10..50 for the score), so a flat
  high line really means high.
* *Strength*: over the recent interviews, average >= 4.0 and a score of 4 or 5 in at
  least two thirds of them. *Weakness*: average <= 3.0 and a score of 3 or lower in at
  least two thirds of them. At least two interviews are needed for either.
* *Pacing*: the last :data:`PACING_WINDOW` finished timed interviews; per kind of
  phase, planned vs used minutes; the overrun of an interview is its used minus its
  planned minutes.
* *Practice calendar*: local days with at least one interview (scored or not) over
  the last :data:`CALENDAR_WEEKS` weeks; the current streak still counts if today
  has no interview yet but yesterday had; the longest streak is over all history.
* *Readiness* for a level: the last :data:`READINESS_WINDOW` scored interviews whose
  ``sessions.level`` is that level. Fewer -> "not enough data"; their average /100
  at or above the rubric's Pass verdict -> "ready" (at or above Strong Pass: "ready,
  strong"); below -> "not yet". The weakest criterion over them is named.
* *Calibration against the document's candidate*: for the last
  :data:`CALIBRATION_WINDOW` interviews of scenarios that carry the document's own
  evaluation (``scenario.evaluation.scores``), your score minus the document's, per
  criterion; also over the last :data:`CALIBRATION_RECENT` of them, and the mean gap
  per interview over the last :data:`CALIBRATION_TREND`. A mean difference of more
  than +0.5 reads "you rate higher", below -0.5 "you rate lower" (needs
  :data:`MIN_CALIBRATION` interviews per criterion).
* *Calibration against your notes* (:mod:`.evidence`): your self-scores minus the
  suggestions the coach's evidence gives, over the newest :data:`EVIDENCE_WINDOW`
  scored interviews with notes.
* *What to practise next*: see :mod:`.recommend`.
"""

from __future__ import annotations

from mockinterview.progress.calibration import calibration
from mockinterview.progress.catalogue import catalogue_evaluations, catalogue_scenarios, evaluations_for
from mockinterview.progress.readiness import readiness
from mockinterview.progress.recommend import freshness, next_for_catalogue, priority, recommend, relevance
from mockinterview.progress.records import (
    Average,
    Calibration,
    CalibrationRow,
    Candidate,
    CriterionStat,
    Focus,
    Pacing,
    PhasePace,
    Practice,
    Progress,
    Readiness,
    RecentRow,
    Recommendation,
    Trend,
)
from mockinterview.progress.rules import (
    CALENDAR_WEEKS,
    CALIBRATION_MARGIN,
    CALIBRATION_RECENT,
    CALIBRATION_TREND,
    CALIBRATION_WINDOW,
    DAYS_CAP,
    FOCUS_SIZE,
    FOCUS_WINDOW,
    FORMULA,
    MIN_CALIBRATION,
    PACING_WINDOW,
    READINESS_WINDOW,
    RECENT,
    TREND_MAX_INTERVIEWS,
    TREND_POINTS,
    pass_marks,
    verdict_for,
)
from mockinterview.progress.summary import pacing, practice, sparkline, summarize
from mockinterview.store.progress_queries import Filters

__all__ = [
    "CALENDAR_WEEKS",
    "CALIBRATION_MARGIN",
    "CALIBRATION_RECENT",
    "CALIBRATION_TREND",
    "CALIBRATION_WINDOW",
    "DAYS_CAP",
    "FOCUS_SIZE",
    "FOCUS_WINDOW",
    "FORMULA",
    "MIN_CALIBRATION",
    "PACING_WINDOW",
    "READINESS_WINDOW",
    "RECENT",
    "TREND_MAX_INTERVIEWS",
    "TREND_POINTS",
    "Average",
    "Calibration",
    "CalibrationRow",
    "Candidate",
    "CriterionStat",
    "Filters",
    "Focus",
    "Pacing",
    "PhasePace",
    "Practice",
    "Progress",
    "Readiness",
    "RecentRow",
    "Recommendation",
    "Trend",
    "calibration",
    "catalogue_evaluations",
    "catalogue_scenarios",
    "evaluations_for",
    "freshness",
    "next_for_catalogue",
    "pacing",
    "pass_marks",
    "practice",
    "priority",
    "readiness",
    "recommend",
    "relevance",
    "sparkline",
    "summarize",
    "verdict_for",
]
