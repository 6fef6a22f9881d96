"""Reading the catalogue the quick way for ``progress`` and ``next``, with a cache.

``next`` ranks every scenario and ``progress`` needs the documents' own evaluations
on every run; loading each scenario fully (with its estimation formula checks) would
cost more than all the SQL behind them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mockinterview.content.catalogue import Catalogue, Entry
    from mockinterview.content.scenario import Scenario

__all__ = ["MistakeFacts", "RubricFacts", "ScenarioFacts", "catalogue_evaluations", "catalogue_scenarios", "evaluations_for"]


def evaluations_for(scenarios: Iterable[Scenario]) -> dict[str, dict[str, int]]:
    """scenario id -> the document's own criterion scores, for scenarios that have them."""
    return {s.id: dict(s.evaluation.scores) for s in scenarios if s.evaluation is not None and s.evaluation.scores}


@dataclass(frozen=True)
class MistakeFacts:
    title: str
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class RubricFacts:
    notes: Mapping[str, str]


@dataclass(frozen=True)
class ScenarioFacts:
    """What ``next`` ranks and names a scenario by: its id, title, level and minutes,
    its common mistakes' titles and criteria and its rubric notes (under the names a
    ``Scenario`` gives them), its phases' titles, and whether its document scores
    the interview itself."""

    id: str
    title: str
    level: str
    minutes: int
    common_mistakes: tuple[MistakeFacts, ...]
    rubric: RubricFacts
    phase_titles: tuple[str, ...]
    evaluated: bool

    @classmethod
    def of(cls, scenario: Scenario) -> ScenarioFacts:
        return cls(
            scenario.id,
            scenario.title,
            scenario.level,
            scenario.minutes,
            tuple(MistakeFacts(m.title, tuple(m.criteria)) for m in scenario.common_mistakes),
            RubricFacts(dict(scenario.rubric.notes)),
            tuple(p.title for p in scenario.phases),
            bool(scenario.evaluation is not None and scenario.evaluation.scores),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "level": self.level,
            "minutes": self.minutes,
            "mistakes": [[m.title, list(m.criteria)] for m in self.common_mistakes],
            "notes": dict(self.rubric.notes),
            "phases": list(self.phase_titles),
            "evaluated": self.evaluated,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScenarioFacts:
        """Read what :meth:`to_dict` wrote; a malformed entry raises (KeyError, TypeError, ValueError)."""
        mistakes = tuple(MistakeFacts(str(t), tuple(str(c) for c in crits)) for t, crits in data["mistakes"])
        notes = {str(k): str(v) for k, v in data["notes"].items()}
        return cls(str(data["id"]), str(data["title"]), str(data["level"]), int(data["minutes"]), mistakes,
                   RubricFacts(notes), tuple(str(t) for t in data["phases"]), bool(data["evaluated"]))  # fmt: skip


def catalogue_scenarios(
    catalogue: Catalogue, *, skip: Iterable[str] = (), cache: Path | None = None
) -> list[ScenarioFacts]:
    """Every catalogue scenario whose structure is valid, as :class:`ScenarioFacts`.

    A file is read with the project's safe YAML reader and checked by the ``Scenario``
    model (every field), but without the estimation formula checks, which are most of
    the cost of a full load; ``next`` ranks these, then loads its pick fully
    (:meth:`Catalogue.get`) before recommending it. Files that fail are left out (and
    not cached, so they are tried again). What a file gives is kept in a cache beside
    the scenario index (``<data dir>/cache/ranking.json``, same rules: keyed by the
    file's path, size and modification time and the program version), so a library of
    many scenarios is not parsed on every ``next``.
    """
    from mockinterview.content.index import ScenarioIndex, index_path

    index = ScenarioIndex(cache or index_path().with_name("ranking.json"))
    skipped = set(skip)
    out: list[ScenarioFacts] = []
    for sid in sorted(catalogue.entries):
        if sid in skipped:
            continue
        entry = catalogue.entries[sid]
        facts = _cached_facts(index.get(entry.path))
        if facts is None:
            facts = _read_facts(entry)
            if facts is None:
                continue
            index.put(entry.path, facts.to_dict())
        if facts.id == sid:
            out.append(facts)
    index.save(keep={str(e.path) for e in catalogue.entries.values()})
    return out


def _cached_facts(hit: Mapping[str, Any] | None) -> ScenarioFacts | None:
    if hit is None:
        return None
    try:
        return ScenarioFacts.from_dict(hit)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _read_facts(entry: Entry) -> ScenarioFacts | None:
    if entry._scenario is not None:  # already loaded fully
        return ScenarioFacts.of(entry._scenario)
    from pydantic import ValidationError

    from mockinterview.content import yamlio
    from mockinterview.content.scenario import Scenario
    from mockinterview.errors import ContentError

    try:
        return ScenarioFacts.of(Scenario.model_validate(yamlio.read(entry.path).data))
    except (ContentError, ValidationError):
        return None


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
