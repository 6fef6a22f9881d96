"""The candidate's answers to the rubric before they are stored: given at once (a score
file, ``--set``), or drafted one by one at the prompts (kept with the interview, so
Ctrl-C loses nothing and the next ``score`` starts from them)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from mockinterview.scoring.inputs import load_score_file, parse_sets
from mockinterview.scoring.record import make_assessment

if TYPE_CHECKING:
    from mockinterview.content.rubric import Rubric
    from mockinterview.content.scenario import Scenario
    from mockinterview.interview.session import Assessment, Session
    from mockinterview.store import Store

DRAFT_KEY = "draft"  # where the draft lives in ``Session.settings``


class Draft(TypedDict, total=False):
    scores: dict[str, int]
    bands: dict[str, int]
    checklist: dict[str, list[str]]


def given(
    rubric: Rubric,
    scenario: Scenario,
    *,
    previous: Assessment | None,
    scores_file: Path | None,
    sets: Sequence[str],
) -> Assessment:
    """The assessment from a score file and ``--set criterion=N`` (checked, not stored).

    Rescoring (``previous``) with ``--set`` changes some criteria and keeps the rest and
    the checklist; the bands are suggested again from the new scores unless given.
    """
    scores: dict[str, object] = {}
    bands: dict[str, int] = {}
    checklist: dict[str, list[str]] = {}
    if previous is not None:
        scores = dict(previous.scores)
        checklist = dict(previous.checklist)
    if scores_file:
        file_scores, bands, checklist = load_score_file(scores_file, scenario, rubric)
        scores = dict(file_scores)
    scores.update(parse_sets(sets))
    return make_assessment(rubric, scenario, scores, bands, checklist, "file" if scores_file else "flags")


def core_summary(rubric: Rubric, assessment: Assessment) -> str:
    """``38/50``: the core criteria's total, as the rescoring question shows it."""
    total = sum(assessment.scores.get(c.id, 0) for c in rubric.criteria if c.group != "overall")
    return f"{total}/50"


def draft_of(session: Session) -> Draft:
    """The answers given so far at the prompts (empty when none)."""
    draft: Draft = session.settings.get(DRAFT_KEY, {})
    return draft


def save_draft(store: Store, session: Session, draft: Draft) -> None:
    session.settings[DRAFT_KEY] = draft
    store.update_session(session)
