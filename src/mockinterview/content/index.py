"""A summary index of scenario files, so ``list`` does not re-read unchanged files.

Each valid file's summary (id, title, level, focus, tags, minutes, phases) is kept
in ``<data dir>/cache/scenario-index.json`` under its path, with its size and
modification time and the program version. A file whose stamp changed is parsed
and validated again; a file that fails validation is never indexed, so its
problems are reported every time. The index is a cache: deleting it is harmless,
and a data directory that cannot be written only makes ``list`` slower.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockinterview import __version__, paths

if TYPE_CHECKING:  # the model (pydantic) loads only when a file is parsed
    from mockinterview.content.scenario import Scenario

INDEX_FORMAT = 1


def index_path() -> Path:
    return paths.data_dir() / "cache" / "scenario-index.json"


def stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size]


class ScenarioIndex:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or index_path()
        self.entries: dict[str, dict[str, Any]] = {}
        self.dirty = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == INDEX_FORMAT and data.get("version") == __version__:
                self.entries = data["files"]
        except (OSError, ValueError, KeyError, AttributeError, TypeError):
            self.entries = {}  # missing, unreadable or from another version: start afresh

    def get(self, file: Path) -> dict[str, Any] | None:
        entry = self.entries.get(str(file))
        if entry is not None and entry.get("stamp") == stamp(file):
            summary: dict[str, Any] = entry["summary"]
            return summary
        return None

    def put(self, file: Path, summary: dict[str, Any]) -> None:
        st = stamp(file)
        if st is not None:
            self.entries[str(file)] = {"stamp": st, "summary": summary}
            self.dirty = True

    def save(self, keep: set[str] | None = None) -> None:
        """Write the index if it changed (dropping files no longer seen); never fails."""
        if keep is not None:
            stale = [k for k in self.entries if k not in keep]
            for k in stale:
                del self.entries[k]
            self.dirty = self.dirty or bool(stale)
        if not self.dirty:
            return
        try:
            from mockinterview.files import atomic_write

            payload = {"format": INDEX_FORMAT, "version": __version__, "files": self.entries}
            atomic_write(self.path, json.dumps(payload, separators=(",", ":")))
            self.dirty = False
        except OSError:
            pass


def summarise(scenario: Scenario) -> dict[str, Any]:
    return {
        "id": scenario.id,
        "title": scenario.title,
        "level": scenario.level,
        "focus": scenario.focus,
        "tags": list(scenario.tags),
        "minutes": scenario.minutes,
        "phases": len(scenario.phases),
    }


__all__ = ["ScenarioIndex", "index_path", "stamp", "summarise"]
