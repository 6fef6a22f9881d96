"""Hostile and failing import files (issue 14, finding 5; issue 9's import rollback).

Import promises all or nothing. A line the reader must refuse (deep nesting, a number
with thousands of digits, infinities, a wrong version) is named by file and line and
nothing is imported; a file whose third record fails while it is being written (a
constraint the database enforces, a full disk) leaves the database exactly as it was.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from mockinterview import paths
from mockinterview.vocab import CRITERION_IDS


@pytest.fixture
def line(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """One good export line, made in a data folder of its own."""
    scores = tmp_path / "scores.yaml"
    scores.write_text("".join(f"{c}: 3\n" for c in CRITERION_IDS), encoding="utf-8")
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "source"))
    assert invoke("score", "url-shortener", "--scores", str(scores)).exit_code == 0
    text = invoke("export", "-o", "-").stdout.strip()
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "target"))
    return text


def with_value(line: str, path: list[str | int], raw: str) -> str:
    """``line`` with the value at ``path`` replaced by the raw JSON text ``raw``."""
    record = json.loads(line)
    node = record
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = "@@"
    return json.dumps(record).replace('"@@"', raw)


HOSTILE = [
    ("nested 100k deep", lambda ln: ln[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "arrays or objects nested more than 50 deep"),
    ("nested in settings", lambda ln: with_value(ln, ["session", "settings"], '{"a": ' + "[" * 60 + "]" * 60 + "}"),
     "arrays or objects nested more than 50 deep"),
    ("5000 digits", lambda ln: with_value(ln, ["session", "current_phase"], "9" * 5000),
     "the number 999999999999… (5000 characters) is too large (whole numbers are limited to 10^18 in magnitude)"),
    ("beyond 64 bits", lambda ln: with_value(ln, ["assessments", 0, "score_50"], str(2**70)),
     "the number 1180591620717411303424 is too large (whole numbers are limited to 10^18 in magnitude)"),
    ("1e309", lambda ln: with_value(ln, ["phases", 0, "used_seconds"], "1e309"),
     "the number 1e309 is too large (beyond the range of a floating-point number)"),
    ("Infinity", lambda ln: with_value(ln, ["phases", 0, "used_seconds"], "Infinity"),
     "Infinity is not a finite number (infinity and NaN are not allowed)"),
    ("-Infinity in settings", lambda ln: with_value(ln, ["session", "settings"], '{"speed": -Infinity}'),
     "-Infinity is not a finite number (infinity and NaN are not allowed)"),
    ("NaN", lambda ln: with_value(ln, ["estimates"], '[{"figure": "qps", "label": "QPS", "unit": "x", "reference": NaN}]'),
     "NaN is not a finite number (infinity and NaN are not allowed)"),
    ("current_phase 1e30", lambda ln: with_value(ln, ["session", "current_phase"], "1e30"),
     "session.current_phase: Input should be a valid integer"),
    ("current_phase past the phases", lambda ln: with_value(ln, ["session", "current_phase"], "7"),
     "session.current_phase: expected 0 to 6 (the number of phases), got 7"),
    ('"version": true', lambda ln: with_value(ln, ["version"], "true"),
     "version: this mockinterview reads version 1, got true"),
    ('"version": 1.0', lambda ln: with_value(ln, ["version"], "1.0"),
     "version: this mockinterview reads version 1, got 1.0"),
]


@pytest.mark.parametrize(("name", "make", "expected"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_lines_are_refused_with_their_place_and_nothing_is_imported(
    invoke, line: str, tmp_path: Path, name: str, make, expected: str
) -> None:
    path = tmp_path / "hostile.jsonl"
    path.write_text(line + "\n" + make(line) + "\n", encoding="utf-8")  # a good line first: it is not imported either
    result = invoke("import", str(path))
    assert result.exit_code == 1, result.output
    assert f"{path}:2: {expected}" in result.stderr
    assert "Nothing was imported" in result.stderr
    assert "unexpected" not in result.stderr
    assert not paths.database_path().exists()  # the file is checked before the store is opened


# ----------------------------------------------------------------------------------
# failing while writing: the whole import is rolled back
# ----------------------------------------------------------------------------------


def four_records(line: str, *, big_third: bool = False) -> list[str]:
    out = []
    for i in range(1, 5):
        record = json.loads(line)
        record["session"]["id"] = f"imp{i:03d}"
        if big_third and i == 3:
            record["phases"][0]["notes"] = "a long page of notes " * 5000  # needs pages of its own
        out.append(json.dumps(record))
    return out


def dump(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def existing(invoke, line: str, tmp_path: Path) -> Path:
    """The target store already holds one interview (from an earlier import)."""
    first = tmp_path / "first.jsonl"
    first.write_text(line + "\n", encoding="utf-8")
    assert invoke("import", str(first)).exit_code == 0
    return paths.database_path()


def test_a_third_record_refused_by_the_database_rolls_everything_back(invoke, line: str, existing: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(existing)  # a rule only the database knows, as another program might add
    conn.execute(
        "CREATE TRIGGER no_third BEFORE INSERT ON sessions WHEN NEW.id = 'imp003'"
        " BEGIN SELECT RAISE(ABORT, 'imp003 is not welcome'); END"
    )
    conn.close()
    before = dump(existing)
    path = tmp_path / "four.jsonl"
    path.write_text("\n".join(four_records(line)) + "\n", encoding="utf-8")
    result = invoke("import", str(path))
    assert result.exit_code == 1
    assert f"the interview store {existing} refused a change: imp003 is not welcome; nothing was written" in result.stderr
    assert dump(existing) == before  # not even imp001 and imp002


def test_a_full_disk_at_the_third_record_rolls_everything_back(
    invoke, line: str, existing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dump(existing)
    path = tmp_path / "four.jsonl"
    path.write_text("\n".join(four_records(line, big_third=True)) + "\n", encoding="utf-8")
    real = sqlite3.connect

    def tiny(*args: object, **kwargs: object) -> sqlite3.Connection:  # no page may be added: SQLITE_FULL
        conn = real(*args, **kwargs)  # type: ignore[arg-type]
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", tiny)
    result = invoke("import", str(path))
    assert result.exit_code == 1
    assert f"cannot save to {existing}: the disk is full; nothing was written" in result.stderr
    monkeypatch.setattr(sqlite3, "connect", real)
    assert dump(existing) == before
    again = invoke("import", str(path))  # with space again, the same file imports whole
    assert again.exit_code == 0 and "Imported 4 interviews" in again.stdout
