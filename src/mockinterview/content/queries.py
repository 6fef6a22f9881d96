"""Read-only questions asked of the catalogue, for the list and validate commands."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mockinterview.content.catalogue import Catalogue
from mockinterview.errors import ContentError, Problem
from mockinterview.vocab import LEVELS

if TYPE_CHECKING:
    from mockinterview.content import yamlio


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
    """Every scenario's summary, from the index where the file is unchanged.

    Only new or changed files are parsed and validated (see scenarios.index), so
    listing a thousand scenarios does not mean reading a thousand YAML files.
    """
    from mockinterview.content.index import ScenarioIndex, summarise

    if level is not None and level not in LEVELS:
        from mockinterview.errors import UsageError

        raise UsageError(f"unknown level {level!r}; choose one of: {', '.join(LEVELS)}")
    index = ScenarioIndex()
    rows: list[ScenarioRow] = []
    errors: list[ContentError] = []
    seen: set[str] = set()
    for sid in cat.ids():
        entry = cat.entries[sid]
        files = [entry.path, *(o.path for o in entry.overrides)]
        seen.update(str(f) for f in files)
        summary = index.get(entry.path)
        if summary is None:
            try:
                summary = summarise(entry.load())
            except ContentError as exc:
                errors.append(exc)
                continue
            index.put(entry.path, summary)
        if level and summary["level"] != level:
            continue
        if tag and tag != summary["focus"] and tag not in summary["tags"]:
            continue
        rows.append(
            ScenarioRow(
                **summary,
                source=entry.source.kind,
                path=str(entry.path),
                overrides=[str(o.path) for o in entry.overrides],
            )
        )
    index.save(keep=seen)
    if cat.refused:
        errors.insert(0, ContentError(cat.refused))
    order = {lv: i for i, lv in enumerate(LEVELS)}
    rows.sort(key=lambda r: (order.get(r.level, len(order)), r.id))
    return rows, errors


def _is_rubric(doc: yamlio.Document) -> bool:
    return isinstance(doc.data, dict) and "bands" in doc.data and "criteria" in doc.data


@dataclass(frozen=True)
class Checked:
    """One file's validation: what it is, its problems (it is valid if none) and its warnings."""

    path: Path
    what: str  # "scenario ID" | "rubric" | "invalid"
    problems: list[Problem]
    warnings: list[Problem]


def _expand(paths: Iterable[Path]) -> Iterable[Path | Problem]:
    """Files as given, folders as their YAML files; entries refused in a folder as problems."""
    from mockinterview.content.folder import yaml_files

    for p in paths:
        if p.is_dir():
            listing = yaml_files(p)
            yield from listing.refused
            yield from listing.files
        else:
            yield p


def validate_paths(paths: Iterable[Path], *, refused: Iterable[Problem] = ()) -> list[Checked]:
    """Validate each file (folders are expanded); ``refused`` entries are reported as invalid."""
    from mockinterview.content import yamlio
    from mockinterview.content.loader import scenario_from
    from mockinterview.content.rubric import Rubric

    results = [Checked(Path(p.path), "invalid", [p], []) for p in refused]
    for item in _expand(paths):
        if isinstance(item, Problem):
            results.append(Checked(Path(item.path), "invalid", [item], []))
            continue
        path = item
        warnings: list[Problem] = []
        try:
            doc = yamlio.read(path)
            warnings = doc.warnings
            if _is_rubric(doc):
                yamlio.validate(Rubric, doc)
                results.append(Checked(path, "rubric", [], warnings))
            else:
                scenario = scenario_from(doc, path)
                results.append(Checked(path, f"scenario {scenario.id}", [], warnings))
        except ContentError as exc:
            results.append(Checked(path, "invalid", exc.problems, warnings))
    return results
