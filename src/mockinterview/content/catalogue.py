"""The catalogue: every scenario the user can practise, from three kinds of source.

Sources, later ones overriding earlier ones by id:
1. bundled with the program;
2. the user's own folder, ``<data dir>/scenarios``;
3. ``--scenarios DIR`` / ``$MOCKINTERVIEW_SCENARIOS`` (``os.pathsep``-separated).

Files are ``*.yaml`` / ``*.yml`` directly inside a folder (not recursive), as listed by
:func:`mockinterview.content.folder.yaml_files`; entries that are not regular files are
kept in :attr:`Catalogue.refused` for ``list`` and ``validate`` to report.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mockinterview import paths
from mockinterview.content.folder import yaml_files
from mockinterview.errors import InvalidId, Problem, ScenarioNotFound
from mockinterview.vocab import SLUG_PATTERN

if TYPE_CHECKING:  # the models (pydantic) load only when a scenario is read
    from mockinterview.content.scenario import Scenario

_SLUG = re.compile(SLUG_PATTERN)


def check_id(scenario_id: str) -> str:
    """Refuse anything that is not a slug (paths, ``..``, spaces) with a clear message."""
    if not _SLUG.match(scenario_id or ""):
        hint = ""
        if "/" in scenario_id or "\\" in scenario_id or ".." in scenario_id or scenario_id.endswith((".yaml", ".yml")):
            hint = " To use a scenario file, put it in a folder and pass --scenarios DIR."
        raise InvalidId(
            f"{scenario_id!r} is not a scenario id: ids are lowercase letters, digits and single hyphens "
            f"(like chat-system).{hint}"
        )
    return scenario_id


@dataclass(frozen=True)
class Source:
    kind: str  # bundled | user | extra
    folder: Path


@dataclass
class Entry:
    id: str
    path: Path
    source: Source
    overrides: list[Entry] = field(default_factory=list)
    _scenario: Scenario | None = None

    def load(self) -> Scenario:
        if self._scenario is None:
            from mockinterview.content.loader import load_scenario

            self._scenario = load_scenario(self.path)
        return self._scenario


def sources(extra: Iterable[Path] = ()) -> list[Source]:
    found = [Source("bundled", paths.bundled_dir()), Source("user", paths.user_scenarios_dir())]
    env = os.environ.get(paths.SCENARIOS_ENV, "")
    for part in env.split(os.pathsep):
        if part.strip():
            found.append(Source("extra", Path(part.strip()).expanduser()))
    found += [Source("extra", Path(p).expanduser()) for p in extra]
    return found


class Catalogue:
    """Scenario ids mapped to files. Files are parsed only when asked for."""

    def __init__(self, extra: Iterable[Path] = ()) -> None:
        self.entries: dict[str, Entry] = {}
        self.missing: list[Path] = []
        #: Entries named like scenario files that are not regular files (pipes, broken links, ...).
        self.refused: list[Problem] = []
        for src in sources(extra):
            if src.kind == "extra" and not src.folder.is_dir():
                self.missing.append(src.folder)
                continue
            listing = yaml_files(src.folder)
            self.refused += listing.refused
            for path in listing.files:
                sid = path.name.rsplit(".", 1)[0]
                entry = Entry(sid, path, src)
                if sid in self.entries:
                    previous = self.entries[sid]
                    entry.overrides = [*previous.overrides, previous]
                self.entries[sid] = entry

    def ids(self) -> list[str]:
        return sorted(self.entries)

    def entry(self, scenario_id: str) -> Entry:
        check_id(scenario_id)
        try:
            return self.entries[scenario_id]
        except KeyError:
            known = ", ".join(self.ids()) or "none"
            raise ScenarioNotFound(
                f"no scenario {scenario_id!r}; known scenarios: {known}",
                hint="mockinterview list shows them all",
            ) from None

    def get(self, scenario_id: str) -> Scenario:
        return self.entry(scenario_id).load()
