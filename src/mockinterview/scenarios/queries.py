"""Read-only questions asked of the catalogue, for the list and validate commands."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from mockinterview import yamlio
from mockinterview.errors import ContentError, Problem
from mockinterview.scenarios.catalogue import Catalogue
from mockinterview.scenarios.loader import load_scenario


@dataclass(frozen=True)
class ScenarioRow:
    id: str
    title: str
    level: str
    focus: str
    tags: list[str]
    minutes: int
    phases: int
    source: str  # bundled | user | extra
    path: str
    overrides: list[str]  # paths of the scenarios this one hides

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def list_scenarios(
    cat: Catalogue, *, level: str | None = None, tag: str | None = None
) -> tuple[list[ScenarioRow], list[ContentError]]:
    from mockinterview.scenarios.model import LEVELS

    if level is not None and level not in LEVELS:
        from mockinterview.errors import UsageError

        raise UsageError(f"unknown level {level!r}; choose one of: {', '.join(LEVELS)}")
    entries, errors = cat.load_all()
    rows = []
    order = {lv: i for i, lv in enumerate(LEVELS)}
    for e in entries:
        s = e.load()
        if level and s.level != level:
            continue
        if tag and tag != s.focus and tag not in s.tags:
            continue
        rows.append(
            ScenarioRow(
                id=s.id,
                title=s.title,
                level=s.level,
                focus=s.focus,
                tags=list(s.tags),
                minutes=s.minutes,
                phases=len(s.phases),
                source=e.source.kind,
                path=str(e.path),
                overrides=[str(o.path) for o in e.overrides],
            )
        )
    rows.sort(key=lambda r: (order[r.level], r.id))
    return rows, errors


def _is_rubric(doc: yamlio.Document) -> bool:
    return isinstance(doc.data, dict) and "bands" in doc.data and "criteria" in doc.data


def _expand(paths: Iterable[Path]) -> Iterable[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(q for q in p.iterdir() if q.suffix in (".yaml", ".yml") and q.is_file())
        else:
            yield p


def validate_paths(paths: Iterable[Path]) -> list[tuple[Path, str, list[Problem]]]:
    """Validate each file (folders are expanded); return (path, what it is, problems)."""
    from mockinterview.rubric.model import Rubric

    results: list[tuple[Path, str, list[Problem]]] = []
    for path in _expand(paths):
        try:
            doc = yamlio.read(path)
            if _is_rubric(doc):
                yamlio.validate(Rubric, doc)
                results.append((path, "rubric", []))
            else:
                scenario = load_scenario(path)
                results.append((path, f"scenario {scenario.id}", []))
        except ContentError as exc:
            results.append((path, "invalid", exc.problems))
    return results
