"""``next`` ranks the catalogue from a cache of each file's facts: the same facts as a
full read, refreshed when a file changes, and never trusted when damaged."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mockinterview.content.catalogue import Catalogue
from mockinterview.progress.catalogue import ScenarioFacts, catalogue_scenarios


def test_the_cached_facts_are_the_scenarios_own(tmp_path: Path) -> None:
    cache = tmp_path / "ranking.json"
    first = catalogue_scenarios(Catalogue(), cache=cache)
    assert cache.exists()
    again = catalogue_scenarios(Catalogue(), cache=cache)  # from the cache this time
    assert again == first
    feed = Catalogue().get("social-media-feed")
    assert next(f for f in again if f.id == feed.id) == ScenarioFacts.of(feed)


def test_an_edited_file_is_read_again(tmp_path: Path, scenario_copy) -> None:
    cache = tmp_path / "ranking.json"
    path = scenario_copy("url-shortener")
    catalogue_scenarios(Catalogue([path.parent]), cache=cache)
    text = path.read_text(encoding="utf-8").replace("title: Design a URL Shortener", "title: Design a Link Shortener", 1)
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    facts = {f.id: f for f in catalogue_scenarios(Catalogue([path.parent]), cache=cache)}
    assert facts["url-shortener"].title == "Design a Link Shortener"


def test_a_damaged_cache_entry_is_read_from_the_file(tmp_path: Path) -> None:
    cache = tmp_path / "ranking.json"
    good = catalogue_scenarios(Catalogue(), cache=cache)
    data = json.loads(cache.read_text(encoding="utf-8"))
    for entry in data["files"].values():
        entry["summary"]["mistakes"] = "not a list of pairs"
    cache.write_text(json.dumps(data), encoding="utf-8")
    assert catalogue_scenarios(Catalogue(), cache=cache) == good
