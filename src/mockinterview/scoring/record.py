"""Turning answers into a stored assessment: shared by `score` and the end of `run`."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mockinterview.content.rubric import Rubric
from mockinterview.content.scenario import Scenario
from mockinterview.errors import InvalidScores
from mockinterview.interview.session import Assessment, Session
from mockinterview.scoring.arithmetic import check_bands, check_scores, evaluate
from mockinterview.scoring.scorecard import Scorecard, build
from mockinterview.store import Store
from mockinterview.vocab import SUMMARY_KEYS


def make_assessment(
    rubric: Rubric,
    scenario: Scenario,
    scores: dict[str, Any],
    bands: dict[str, Any] | None,
    checklist: dict[str, list[str]] | None,
    source: str,
) -> Assessment:
    """Validate everything first; raise InvalidScores naming every problem (nothing stored)."""
    extra_ids = tuple(c.id for c in scenario.rubric.extra_criteria)
    clean = check_scores(scores, extra_ids=extra_ids)
    missing_extra = [c for c in extra_ids if c not in clean]
    if missing_extra and source == "interactive":
        raise InvalidScores(f"missing score(s) for: {', '.join(missing_extra)}")
    clean_bands = check_bands(rubric, bands or {})
    return Assessment(scores=clean, bands=clean_bands, checklist=dict(checklist or {}), source=source)


def record(
    store: Store, session: Session, scenario: Scenario, rubric: Rubric, assessment: Assessment, *, new: bool = False
) -> Scorecard:
    """Store the assessment (earlier ones stay in the history) and build the scorecard.

    One transaction: the assessment, the session's summary and its settings (the
    draft dropped) are saved together, and with ``new`` the session is created in the
    same transaction, so a failure leaves nothing half-written.
    """
    core = {c.id: assessment.scores[c.id] for c in rubric.criteria}
    result = evaluate(rubric, core, assessment.bands)
    # Keep the bands as finally used (suggested or adjusted), so a report is stable
    # even if the suggestion rule changes later.
    final = replace(assessment, bands={b.band.id: b.points for b in result.bands})
    computed = result.to_dict()
    summary = {k: computed[k] for k in SUMMARY_KEYS}
    session.settings.pop("draft", None)
    store.save_score(session, final, summary=summary, create=new)
    return build(session, scenario, rubric)
