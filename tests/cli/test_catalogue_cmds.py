"""list, show, validate, --version, the help and the error boundary."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mockinterview import __version__

FIVE = {"url-shortener", "chat-system", "global-cdn", "recommendation-system", "social-media-feed"}


def test_no_arguments_prints_the_help(invoke) -> None:
    result = invoke()
    assert result.exit_code == 0
    for command in ("list", "show", "run", "score", "history", "report", "validate"):
        assert command in result.output


def test_version(invoke) -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.output.strip() == f"mockinterview {__version__}"


BUNDLED_IDS = {p.stem for p in (Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml")}


def test_list_shows_every_bundled_scenario_with_level_minutes_and_phases(invoke) -> None:
    result = invoke("list")
    assert result.exit_code == 0
    rows = {line.split()[0]: line for line in result.output.splitlines()[1:]}
    assert set(rows) == BUNDLED_IDS and set(rows) >= FIVE
    assert re.search(r"entry\s+general\s+45\s+6", rows["url-shortener"])
    assert re.search(r"mid\s+social\s+60\s+7", rows["social-media-feed"])


def test_list_json_and_filters(invoke) -> None:
    data = json.loads(invoke("list", "--json").output)
    assert {d["id"] for d in data} == BUNDLED_IDS
    assert {d["id"]: d["minutes"] for d in data}["url-shortener"] == 45
    mid = json.loads(invoke("list", "--level", "mid", "--json").output)
    assert {"chat-system", "social-media-feed"} <= {d["id"] for d in mid}
    assert {d["level"] for d in mid} == {"mid"}
    entry = json.loads(invoke("list", "--level", "entry", "--json").output)
    assert len(entry) >= 5  # the library's promise: a week of entry-level practice
    ml = json.loads(invoke("list", "--tag", "ml", "--json").output)
    assert [d["id"] for d in ml] == ["recommendation-system"]
    bad = invoke("list", "--level", "expert")
    assert bad.exit_code == 2 and "unknown level 'expert'" in bad.stderr


def test_show_brief_hides_answers_and_reveal_shows_the_document_figures(invoke) -> None:
    brief = invoke("show", "global-cdn")
    assert brief.exit_code == 0
    assert "Content Delivery Network" in brief.output
    assert "ConsistentHashRing" not in brief.output  # no spoilers
    revealed = invoke("show", "global-cdn", "--reveal")
    for fact in ("200+ edge locations", "50M requests per second", "<50ms", "ConsistentHashRing",
                 "PropagationStrategyGossip", "50/50 (100%)", "EXCEPTIONAL PASS"):
        assert fact in revealed.output, fact


def test_show_json_without_reveal_has_no_reference(invoke) -> None:
    data = json.loads(invoke("show", "chat-system", "--json").output)
    assert data["id"] == "chat-system" and len(data["phases"]) == 6
    assert "evaluation" not in data and "reference" not in data["phases"][0]


def test_unknown_and_path_ids_are_one_clear_line(invoke) -> None:
    result = invoke("show", "nope")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no scenario 'nope'; known scenarios: ad-click-aggregator, chat-system")
    assert "Traceback" not in result.stderr
    result = invoke("show", "../../etc/passwd")
    assert result.exit_code == 1 and "is not a scenario id" in result.stderr


def test_debug_shows_the_traceback(runner) -> None:
    from mockinterview.cli import app

    result = runner.invoke(app, ["--debug", "show", "nope"])
    assert result.exit_code == 1
    assert type(result.exception).__name__ == "ScenarioNotFound"


def test_validate_bundled_scenarios(invoke) -> None:
    result = invoke("validate")
    assert result.exit_code == 0
    n = len(BUNDLED_IDS)
    assert f"{n} of {n} file(s) valid" in result.output


def test_validate_reports_every_problem_of_every_file(invoke, tmp_path: Path, scenario_copy) -> None:
    broken = scenario_copy("url-shortener", tmp_path / "a")
    text = broken.read_text().replace("level: entry", "level: beginner").replace("minutes: 45", "minutes: 46", 1)
    broken.write_text(text)
    dup = tmp_path / "a" / "dup.yaml"
    dup.write_text("id: dup\nid: again\n")
    result = invoke("validate", str(tmp_path / "a"), "scenarios/rubric/rubric.yaml")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(re.match(rf"{re.escape(str(dup))}:2:1: id: duplicate key", ln) for ln in lines)
    assert any(re.match(rf"{re.escape(str(broken))}:\d+:\d+: level: ", ln) for ln in lines)
    assert "rubric" in result.output  # the rubric validated as a rubric
    assert "1 of 3 file(s) valid" in result.stderr


def test_user_scenario_override_is_marked_in_list(invoke, isolated_home: Path, scenario_copy) -> None:
    target = scenario_copy("chat-system", isolated_home / "scenarios")
    target.write_text(target.read_text().replace("title: Design a Chat System", "title: My Chat"))
    result = invoke("list")
    assert "chat-system *" in result.output and "My Chat" in result.output
    assert "overrides a bundled" in result.output


def test_scenarios_option_and_env(invoke, tmp_path: Path, scenario_copy, monkeypatch) -> None:
    target = scenario_copy("url-shortener", tmp_path / "mine")
    target.rename(tmp_path / "mine" / "my-shortener.yaml")
    path = tmp_path / "mine" / "my-shortener.yaml"
    path.write_text(path.read_text().replace("id: url-shortener", "id: my-shortener"))
    assert "my-shortener" in invoke("--scenarios", str(tmp_path / "mine"), "list").output
    monkeypatch.setenv("MOCKINTERVIEW_SCENARIOS", str(tmp_path / "mine"))
    assert "my-shortener" in invoke("list").output


def test_broken_user_scenario_is_skipped_with_a_located_warning(invoke, isolated_home: Path) -> None:
    folder = isolated_home / "scenarios"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("id: broken\ntitle: [\n")
    result = invoke("list")
    assert result.exit_code == 0
    assert "skipped:" in result.stderr and "broken.yaml:" in result.stderr


def test_shipped_schema_is_current() -> None:
    from mockinterview import paths
    from mockinterview.content.schema import generate

    for name, text in generate().items():
        shipped = (paths.schema_dir() / name).read_text(encoding="utf-8")
        assert shipped == text, f"{name} is stale: run python -m mockinterview.content.schema --write"


def test_every_bundled_scenario_has_the_schema_modeline() -> None:
    for path in Path("scenarios").glob("*.yaml"):
        assert path.read_text().splitlines()[0] == "# yaml-language-server: $schema=schema/scenario.schema.json"


def test_non_interactive_commands_do_not_import_prompt_libraries() -> None:
    import subprocess
    import sys

    code = (
        "import sys, runpy; sys.argv=['mockinterview','list']\n"
        "try:\n runpy.run_module('mockinterview', run_name='__main__')\n"
        "except SystemExit: pass\n"
        "print('LOADED', [m for m in ('questionary', 'prompt_toolkit') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "LOADED []" in out


def test_missing_scenarios_folder_is_an_error(invoke, tmp_path: Path) -> None:
    result = invoke("--scenarios", str(tmp_path / "nope"), "list")
    assert result.exit_code == 2 and "no such scenario folder" in result.stderr


def test_debug_env_zero_means_off(runner, monkeypatch) -> None:
    from mockinterview.cli import app

    monkeypatch.setenv("MOCKINTERVIEW_DEBUG", "0")
    result = runner.invoke(app, ["show", "nope"])
    assert result.exit_code == 1 and result.exception is not None and type(result.exception).__name__ == "SystemExit"


# -- the library's format, as the catalogue commands show it ---------------------------------


def test_validate_schema_prints_the_path_and_the_modeline(invoke) -> None:
    from mockinterview import paths

    result = invoke("validate", "--schema")
    assert result.exit_code == 0
    schema = (paths.schema_dir() / "scenario.schema.json").resolve()
    assert result.stdout.splitlines() == [str(schema), f"# yaml-language-server: $schema={schema}"]
    assert schema.is_file()


def test_validate_checks_shadowed_files_and_says_so(invoke, isolated_home: Path, scenario_copy) -> None:
    mine = scenario_copy("chat-system", isolated_home / "scenarios")
    broken = scenario_copy("url-shortener", isolated_home / "scenarios")
    override = scenario_copy("url-shortener", isolated_home / "extra")
    broken.write_text(broken.read_text().replace("level: entry", "level: beginner"))
    result = invoke("--scenarios", str(isolated_home / "extra"), "validate")
    assert result.exit_code == 1
    from mockinterview import paths

    bundled = paths.bundled_dir()  # the repository's scenarios/ when editable, the wheel's copy otherwise
    out = result.stdout
    assert f"ok  {bundled / 'chat-system.yaml'}  (scenario chat-system; shadowed by {mine})" in out
    assert f"ok  {mine}  (scenario chat-system)" in out
    assert f"ok  {override}  (scenario url-shortener)" in out
    assert f"{broken}:" in result.stderr and "level: " in result.stderr
    assert f"({broken} is shadowed by {override}, which the catalogue uses instead)" in result.stderr
    n = len(BUNDLED_IDS)
    assert f"{n + 2} of {n + 3} file(s) valid; 3 shadowed by a later file with the same id" in result.stderr


def test_list_offers_the_staff_level(invoke) -> None:
    result = invoke("list", "--level", "principal")
    assert result.exit_code == 2
    assert "choose one of: entry, mid, senior, staff" in result.stderr
    assert invoke("list", "--level", "staff").exit_code == 0


def _crafted_cdn(path: Path) -> None:
    """global-cdn at staff level with two crafted sources, known answers, and one plain follow-up."""
    import yaml

    data = yaml.safe_load(path.read_text())
    data["level"] = "staff"
    data["sources"] = [
        {"title": "A public page", "url": "https://example.org/cdn", "licence": "CC BY 4.0"},
        {"title": "A paper without an address", "licence": "ACM"},
    ]
    probe = next(p for phase in data["phases"] for p in phase.get("probes", []))
    probe["answer"] = "Probe answer one."
    data["common_mistakes"][0]["answer"] = "Do this instead."
    medium = data["follow_ups"]["medium"]
    medium[0] = {"question": medium[0]["question"] if isinstance(medium[0], dict) else medium[0], "answer": "Follow-up answer."}
    medium[1] = medium[1]["question"] if isinstance(medium[1], dict) else medium[1]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def test_show_reveal_prints_sources_and_model_answers(invoke, tmp_path: Path, scenario_copy) -> None:
    path = scenario_copy("global-cdn", tmp_path / "s")
    _crafted_cdn(path)
    result = invoke("--scenarios", str(tmp_path / "s"), "show", "global-cdn", "--reveal")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "global-cdn" not in result.stderr
    assert "senior" not in result.stdout.splitlines()[0] and "staff" in result.stdout.splitlines()[0]
    assert "Strong answer: Probe answer one." in out
    assert "Instead: Do this instead." in out
    assert "Strong answer: Follow-up answer." in out
    assert "Sources • A public page (CC BY 4.0) https://example.org/cdn • A paper without an address (ACM)" in out
    data = json.loads(invoke("--scenarios", str(tmp_path / "s"), "show", "global-cdn", "--reveal", "--json").stdout)
    assert data["sources"][1] == {"title": "A paper without an address", "url": None, "licence": "ACM"}
    assert data["follow_ups"]["medium"][0]["answer"] == "Follow-up answer."
    assert isinstance(data["follow_ups"]["medium"][1], str)  # one without an answer stays plain text


def test_show_reveal_of_a_bundled_scenario_cites_its_sources_and_answers(invoke) -> None:
    data = json.loads(invoke("show", "url-shortener", "--reveal", "--json").stdout)
    assert data["sources"] and all(s["title"] and s["licence"] for s in data["sources"])
    levels = ("medium", "advanced", "expert")
    assert all(isinstance(q, dict) and q["answer"] for level in levels for q in data["follow_ups"][level])
