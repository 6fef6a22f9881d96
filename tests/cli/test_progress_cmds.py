"""`progress`, `next`, `export`, `import` and `data path` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockinterview import paths
from mockinterview.vocab import CRITERION_IDS

WEAK_DB = {c: 4 for c in CRITERION_IDS} | {"database_design": 2, "edge_cases": 2}


def score_file(tmp_path: Path, name: str, marks: dict[str, int]) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text("".join(f"{c}: {v}\n" for c, v in marks.items()), encoding="utf-8")
    return path


@pytest.fixture
def history(invoke, tmp_path: Path) -> None:
    """Six interviews scored without prompts: entry and mid, database design weak throughout."""
    plan = [
        ("url-shortener", WEAK_DB | {"api_design": 5}),
        ("url-shortener", WEAK_DB),
        ("chat-system", WEAK_DB | {"problem_clarification": 5}),
        ("social-media-feed", WEAK_DB | {"database_design": 3}),
        ("chat-system", WEAK_DB),
        ("url-shortener", WEAK_DB | {"api_design": 5, "trade_off_analysis": 5}),
    ]
    for i, (scenario, marks) in enumerate(plan):
        result = invoke("score", scenario, "--scores", str(score_file(tmp_path, f"s{i}", marks)))
        assert result.exit_code == 0, result.output


# ----------------------------------------------------------------------------------
# empty history
# ----------------------------------------------------------------------------------


def test_progress_with_no_history_says_what_to_do_first(invoke) -> None:
    result = invoke("progress")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No scored interviews yet. Start with: mockinterview run url-shortener"
    data = json.loads(invoke("progress", "--json").stdout)
    assert data["scored_interviews"] == 0 and data["message"].startswith("No scored interviews yet")


def test_next_with_no_history_recommends_url_shortener(invoke) -> None:
    result = invoke("next")
    assert result.exit_code == 0
    assert result.stdout.startswith("Next: url-shortener")
    assert "Start it with: mockinterview run url-shortener" in result.stdout
    assert "No scored interviews yet, so there is nothing to weigh" in result.stdout
    data = json.loads(invoke("next", "--json").stdout)
    assert data["has_history"] is False and data["scenario"]["id"] == "url-shortener" and data["focus"] == []


def test_export_with_no_history(invoke, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    result = invoke("export", "--output", str(out))
    assert result.exit_code == 0 and "No interviews yet" in result.stdout
    assert out.read_text(encoding="utf-8") == ""


def test_unscored_interviews_are_pointed_at(invoke) -> None:
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.interview.session import start_session
    from mockinterview.store import Store

    with Store() as store:
        store.create(start_session(Catalogue().get("chat-system"), mode="manual"))
    out = invoke("progress").stdout
    assert "You have 1 unscored interview; score the latest with: mockinterview score" in out


# ----------------------------------------------------------------------------------
# progress
# ----------------------------------------------------------------------------------


def test_progress_tells_the_story(invoke, history, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = invoke("progress")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for heading in ("Recent interviews", "Averages", "Readiness", "Trends, per interview",
                    "Strengths and weaknesses", "Pacing", "Self-scores against your notes",
                    "Self-scores against the document's candidate", "Practice, last 8 weeks"):
        assert heading in out
    assert "Progress: 6 scored interviews" in out
    assert "Database Design" in out and "3 or lower in 6 of 6" in out
    assert "entry  not yet" in out or "entry  ready" in out
    assert "senior not enough data" in out
    assert "Current streak: 1 day" in out
    assert "You rate yourself lower than the document's candidate on: Database Design" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\x1b[" not in out  # NO_COLOR


def test_progress_json_shape(invoke, history) -> None:
    data = json.loads(invoke("progress", "--json").stdout)
    assert set(data) >= {
        "filters", "interviews", "scored_interviews", "averages", "recent", "trends", "criteria",
        "strengths", "weaknesses", "pacing", "practice", "readiness", "calibration",
    }
    assert data["scored_interviews"] == 6 and len(data["recent"]) == 6
    assert set(data["averages"]) == {"score_50", "percent_50", "total_100", "verdict", "by_level", "by_scenario"}
    assert [r["level"] for r in data["readiness"]] == ["entry", "mid", "senior", "staff"]
    entry = data["readiness"][0]
    assert set(entry) == {
        "level", "status", "label", "needed", "interviews", "totals_100", "average_100", "verdict", "weakest",
        "pass_mark", "below_pass", "reason", "advice",
    }
    assert entry["status"] == "ready" and entry["below_pass"] == 0 and entry["pass_mark"] == 70
    assert entry["weakest"]["name"] == "Database Design" and "weakest: Database Design" in entry["reason"]
    assert entry["advice"] == "Move up a level: mockinterview next --level mid"
    assert entry["weakest"]["criterion"] == "database_design"
    assert data["trends"]["unit"] == "interview" and len(data["trends"]["criteria"]["database_design"]) == 6
    assert data["weaknesses"][0]["criterion"] in ("database_design", "edge_cases")
    cal = data["calibration"]
    assert cal["scenarios"] == ["url-shortener", "chat-system"] and "database_design" in cal["under_rated"]
    assert data["practice"]["current_streak"] == 1


def test_progress_filters(invoke, history, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = invoke("progress", "--scenario", "chat-system", "--since", "2000-01-01").stdout
    assert "Only scenario chat-system, since 2000-01-01" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    data = json.loads(invoke("progress", "--scenario", "chat-system", "--json").stdout)
    assert data["scored_in_range"] == 2 and {r["scenario_id"] for r in data["recent"]} == {"chat-system"}
    future = invoke("progress", "--since", "2999-01-01")
    assert future.exit_code == 0 and "No scored interviews since 2999-01-01 (you have 6 in all)" in future.stdout
    other = invoke("progress", "--scenario", "global-cdn")
    assert "Practise it with: mockinterview run global-cdn" in other.stdout
    unknown = invoke("progress", "--scenario", "no-such-thing")
    assert unknown.exit_code == 1 and "no scenario 'no-such-thing'; known scenarios:" in unknown.stderr


def test_progress_rejects_a_bad_date(invoke) -> None:
    result = invoke("progress", "--since", "last week")
    assert result.exit_code == 2
    assert "--since 'last week': expected a date like 2024-05-01" in result.stderr


# ----------------------------------------------------------------------------------
# next
# ----------------------------------------------------------------------------------


def test_next_explains_its_choice(invoke, history, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = invoke("next")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Next: ")
    assert "Focus on" in out and "1. Considers Edge Cases" in out and "2. Database Design" in out
    assert "Aim for a 5:" in out and "In this scenario:" in out
    # ready at entry (and at mid), so `next` moves up rather than repeating entry
    assert "Target level: senior, up from entry: readiness says you are ready at entry and mid" in " ".join(out.split())
    assert "use --level entry to stay" in out
    assert "priority = (5 - average recent score)" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_next_json_shape(invoke, history) -> None:
    data = json.loads(invoke("next", "--level", "mid", "--json").stdout)
    assert set(data) == {"has_history", "level", "level_reason", "scenario", "command", "focus", "alternatives", "readiness", "formula", "explanation"}
    assert data["level"] == "mid" and data["level_reason"] == "you asked for mid"
    assert data["scenario"]["level"] == "mid" and data["command"] == f"mockinterview run {data['scenario']['id']}"
    assert set(data["focus"][0]) == {"criterion", "name", "average", "interviews", "days_since_practised", "priority", "in_scenario", "aim"}
    # mid interviews: edge cases 2, 2, 2; database design 2, 3, 2
    assert [f["criterion"] for f in data["focus"][:2]] == ["edge_cases", "database_design"]
    assert all(isinstance(line, str) for line in data["explanation"])


def test_next_rejects_an_unknown_level(invoke) -> None:
    assert invoke("next", "--level", "principal").exit_code == 2


# ----------------------------------------------------------------------------------
# export, import, data path
# ----------------------------------------------------------------------------------


def test_export_import_round_trip(invoke, history, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = tmp_path / "first.jsonl"
    result = invoke("export", "--output", str(first))
    assert result.exit_code == 0 and "Exported 6 interviews (6 assessments)" in result.stdout
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "fresh"))
    result = invoke("import", str(first))
    assert result.exit_code == 0 and "Imported 6 interviews" in result.stdout
    again = invoke("import", str(first))
    assert "Imported 0 interviews" in again.stdout and "skipped 6 already present" in again.stdout
    second = tmp_path / "second.jsonl"
    invoke("export", "-o", str(second))
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert json.loads(invoke("progress", "--json").stdout)["scored_interviews"] == 6
    listed = invoke("export", "--output", "-").stdout.splitlines()
    assert len(listed) == 6 and json.loads(listed[0])["format"] == "mockinterview-session"


def test_import_of_a_bad_file_writes_nothing(invoke, history, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.jsonl"
    invoke("export", "--output", str(good))
    lines = good.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[3])
    record["session"]["started_at"] = "yesterday"
    lines[3] = json.dumps(record)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "fresh"))
    result = invoke("import", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:4: session.started_at: expected an ISO-8601 time" in result.stderr
    assert "Nothing was imported" in result.stderr
    assert not (tmp_path / "fresh" / "mockinterview.db").exists()  # validated before the store is opened
    result = invoke("import", str(tmp_path / "missing.jsonl"))
    assert result.exit_code == 1 and "no file" in result.stderr


def test_data_path(invoke, isolated_home: Path) -> None:
    result = invoke("data", "path")
    assert result.exit_code == 0
    out = result.stdout
    assert str(isolated_home) in out and "mockinterview.db" in out and str(isolated_home / "scenarios") in out
    data = json.loads(invoke("data", "path", "--json").stdout)
    assert data["data_dir"] == str(isolated_home)
    assert data["database"] == str(isolated_home / "mockinterview.db")
    assert data["scenarios_dir"] == str(isolated_home / "scenarios")
    assert "path" in invoke("data", "--help").stdout


def test_data_path_when_the_data_folder_is_a_file(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home-file"
    home.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    monkeypatch.setenv("COLUMNS", "200")
    result = invoke("data", "path")
    assert result.exit_code == 0
    assert f"{home}  (a file, not a folder: set $MOCKINTERVIEW_HOME to a folder)" in result.stdout
    assert "not created yet" not in result.stdout
    assert home.read_text(encoding="utf-8") == "not a folder"
