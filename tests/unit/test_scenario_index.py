"""The list index: unchanged files are not re-read, changed and broken ones are."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mockinterview.content.catalogue import Catalogue
from mockinterview.content.index import index_path
from mockinterview.content.queries import list_scenarios

BUNDLED = Path(__file__).resolve().parents[2] / "scenarios"


def titles(extra: Path) -> dict[str, str]:
    rows, _ = list_scenarios(Catalogue([extra]))
    return {r.id: r.title for r in rows}


def test_index_is_written_and_used(tmp_path: Path, scenario_copy, monkeypatch) -> None:
    scenario_copy("url-shortener", tmp_path / "extra")
    titles(tmp_path / "extra")
    assert index_path().is_file()
    # With the index warm, listing must not load any scenario.
    import mockinterview.content.catalogue as cat_mod

    def boom(self):  # type: ignore[no-untyped-def]
        raise AssertionError(f"{self.path} was parsed although unchanged")

    monkeypatch.setattr(cat_mod.Entry, "load", boom)
    assert "url-shortener" in titles(tmp_path / "extra")


def test_changed_file_is_read_again(tmp_path: Path, scenario_copy) -> None:
    path = scenario_copy("url-shortener", tmp_path / "extra")
    titles(tmp_path / "extra")
    path.write_text(path.read_text().replace("title: Design a URL Shortener", "title: Shorter Links"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert titles(tmp_path / "extra")["url-shortener"] == "Shorter Links"


def test_broken_file_is_never_indexed(tmp_path: Path, scenario_copy) -> None:
    path = scenario_copy("url-shortener", tmp_path / "extra")
    path.write_text(path.read_text().replace("level: entry", "level: guru"))
    for _ in range(2):  # reported every time, not cached away
        rows, errors = list_scenarios(Catalogue([tmp_path / "extra"]))
        assert errors and "level" in str(errors[0].problems[0])
        assert "url-shortener" not in {r.id for r in rows if r.path == str(path)}
    files = json.loads(index_path().read_text())["files"]
    assert str(path) not in files


def test_corrupt_index_is_rebuilt(tmp_path: Path) -> None:
    index_path().parent.mkdir(parents=True, exist_ok=True)
    index_path().write_text("{not json")
    rows, errors = list_scenarios(Catalogue())
    assert len(rows) == len(list(BUNDLED.glob("*.yaml"))) and not errors
    assert json.loads(index_path().read_text())["format"] == 1
