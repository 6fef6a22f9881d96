"""Reading the catalogue the quick way for ``progress`` and ``next``, with a cache.

``next`` ranks every scenario and ``progress`` needs the documents' own evaluations
on every run; loading each scenario fully (with its estimation formula checks) would
cost more than all the SQL behind them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mockinterview.content.catalogue import Catalogue, Entry
    from mockinterview.content.scenario import Scenario

__all__ = ["catalogue_evaluations", "catalogue_scenarios", "evaluations_for"]


def evaluations_for(scenarios: Iterable[Scenario]) -> dict[str, dict[str, int]]:
    """scenario id -> the document's own criterion scores, for scenarios that have them."""
    return {s.id: dict(s.evaluation.scores) for s in scenarios if s.evaluation is not None and s.evaluation.scores}


def catalogue_scenarios(catalogue: Catalogue, *, skip: Iterable[str] = ()) -> list[Scenario]:
    """Every catalogue scenario whose structure is valid, read the quick way.

    Each file is read with the project's safe YAML reader and checked by the
    ``Scenario`` model (every field), but without the estimation formula checks,
    which are most of the cost of a full load. ``next`` ranks these, then loads its
    pick fully (:meth:`Catalogue.get`) before recommending it. Files that fail are
    left out.
    """
    from pydantic import ValidationError

    from mockinterview.content import yamlio
    from mockinterview.content.scenario import Scenario
    from mockinterview.errors import ContentError

    skipped = set(skip)
    out: list[Scenario] = []
    for sid in sorted(catalogue.entries):
        if sid in skipped:
            continue
        entry = catalogue.entries[sid]
        if entry._scenario is not None:  # already loaded fully
            out.append(entry._scenario)
            continue
        try:
            scenario = Scenario.model_validate(yamlio.read(entry.path).data)
        except (ContentError, ValidationError):
            continue
        if scenario.id == sid:
            out.append(scenario)
    return out


def catalogue_evaluations(
    catalogue: Catalogue, ids: Iterable[str], *, cache: Path | None = None
) -> dict[str, dict[str, int]]:
    """The document's own criterion scores of each catalogue scenario among ``ids``.

    ``progress`` needs this on every run, so it is kept in a small cache beside the
    scenario index (``<data dir>/cache/evaluations.json``, same rules: keyed by the
    file's path, size and modification time and the program version; deleting it is
    harmless). On a miss only the ``evaluation`` section is read and validated, with the
    scenario format's own ``Evaluation`` model. Ids not in the catalogue, unreadable
    files and invalid sections are skipped (and not cached, so they are retried).
    """
    from mockinterview.content.index import ScenarioIndex, index_path

    index = ScenarioIndex(cache or index_path().with_name("evaluations.json"))
    out: dict[str, dict[str, int]] = {}
    for sid in ids:
        entry = catalogue.entries.get(sid)
        if entry is None:
            continue
        hit = index.get(entry.path)
        if hit is None:
            scores = _read_evaluation(entry)
            if scores is None:
                continue
            index.put(entry.path, {"scores": scores})
        else:
            scores = hit.get("scores") or {}
        if scores:
            out[sid] = {str(c): int(v) for c, v in scores.items()}
    index.save()
    return out


def _read_evaluation(entry: Entry) -> dict[str, int] | None:
    """A scenario file's evaluation scores ({} if it has none); None if unreadable or invalid."""
    if entry._scenario is not None:
        return evaluations_for([entry._scenario]).get(entry._scenario.id, {})
    from pydantic import ValidationError

    from mockinterview.content import yamlio
    from mockinterview.content.scenario import Evaluation
    from mockinterview.errors import ContentError

    try:
        data = yamlio.read(entry.path).data
        section = data.get("evaluation") if isinstance(data, dict) else None
        return dict(Evaluation.model_validate(section).scores) if section else {}
    except (ContentError, ValidationError):
        return None
