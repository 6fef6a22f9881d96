"""Hints (^G) are recorded with their phase, kind and time: stored, exported and
imported back; an export made before hints were recorded still imports."""

from __future__ import annotations

import json
from pathlib import Path

from mockinterview import transfer
from mockinterview.content.catalogue import Catalogue
from mockinterview.interview.session import HintUse, start_session
from mockinterview.store import Store


def test_hints_survive_the_store_and_an_export_and_import(tmp_path: Path) -> None:
    session = start_session(Catalogue().get("url-shortener"))
    with Store(tmp_path / "a.db") as store:
        store.create(session)
        session.phases[0].hints.append(HintUse(42.5, "probe", "Which ids do two servers get?"))
        store.save_phase(session.id, session.phases[0])  # what autosave writes
        session.phases[1].hints.append(HintUse(10.0, "hint", "Peak is about twice the average"))
        store.update_session(session)  # what a phase end writes
        got = store.get(session.id)
        lines = list(transfer.export_lines(store))
    assert got.phases[0].hints == [HintUse(42.5, "probe", "Which ids do two servers get?")]
    assert got.phases[1].hints == [HintUse(10.0, "hint", "Peak is about twice the average")]
    assert got.hints_used == 2
    assert json.loads(lines[0])["phases"][0]["hints"] == [{"at_seconds": 42.5, "kind": "probe", "text": "Which ids do two servers get?"}]

    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(tmp_path / "b.db") as other:
        transfer.import_file(other, export)
        assert other.get(session.id).phases[0].hints == got.phases[0].hints


def test_an_export_without_hints_imports_with_none(tmp_path: Path) -> None:
    session = start_session(Catalogue().get("url-shortener"))
    with Store(tmp_path / "a.db") as store:
        store.create(session)
        line = json.loads(next(transfer.export_lines(store)))
    for phase in line["phases"]:
        del phase["hints"]  # as exports made before hints were recorded
    old = tmp_path / "old.jsonl"
    old.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with Store(tmp_path / "b.db") as other:
        transfer.import_file(other, old)
        assert all(p.hints == [] for p in other.get(session.id).phases)
