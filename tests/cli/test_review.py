"""`mockinterview review ID --notes FILE`: checking notes written elsewhere, `--json`, `--save`.

Parametrised over every bundled scenario that has key points (the bundled files are
getting them; each new one is checked as it lands), plus ``feed-practice``: the social
media feed with key points, a curveball and an architecture written here, so the
command is exercised whatever the bundled content holds.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from mockinterview import paths
from mockinterview.content.coaching import KeyPoint
from mockinterview.content.loader import load_scenario
from mockinterview.content.scenario import Scenario
from mockinterview.estimation import compute, format_quantity
from mockinterview.vocab import CRITERION_IDS

BUNDLED = sorted(paths.bundled_dir().glob("*.yaml"))
CRAFTED = "feed-practice"
IDS = [*(p.stem for p in BUNDLED), CRAFTED]

# ---------------------------------------------------------------------------------- the crafted scenario

FEED_POINTS: dict[str, list[dict[str, Any]]] = {
    "requirements": [
        {"id": "latency", "text": "Timeline loads in under 200ms", "criteria": ["problem_clarification"],
         "terms": ["timeline latency", "under 200ms"]},
        {"id": "read-heavy", "text": "Reads far outnumber writes", "criteria": ["problem_clarification"],
         "terms": ["read heavy", "reads dominate"], "reference": "Non-functional requirements: read-heavy"},
    ],
    "capacity-estimation": [
        {"id": "write-qps", "text": "Write QPS from 100M tweets a day (about 1,200/s)",
         "criteria": ["scalability_understanding"], "terms": ["write qps", "tweets per second"],
         "figure": {"name": "tweets_per_second"}},
        {"id": "fanout-writes", "text": "Fan-out writes of about 240K/s", "criteria": ["handles_scale"],
         "figure": {"name": "fanout_writes_per_second"}},
    ],
    "high-level-architecture": [
        {"id": "push-fanout", "text": "Fan-out on write: precomputed timelines",
         "criteria": ["system_design_knowledge"], "terms": ["fan-out on write", "push model"]},
        {"id": "timeline-cache", "text": "Timelines served from a cache", "criteria": ["scalability_understanding"],
         "all_of": ["timeline | feed", "cache | redis"]},
    ],
    "fan-out-strategies": [
        {"id": "hybrid-fanout", "text": "Hybrid fan-out: push for most users, pull for celebrities",
         "criteria": ["trade_off_analysis", "innovation"], "terms": ["hybrid fan-out", "hybrid approach"],
         "reference": "Hybrid Approach"},
    ],
}
FEED_CURVEBALL = {
    "id": "celebrity", "at": 0.6, "announce": "A celebrity with 50 million followers just posted.",
    "key_points": [{"id": "celebrity-pull", "text": "Celebrity tweets are pulled at read time",
                    "criteria": ["handles_scale", "edge_cases"], "terms": ["pull for celebrities", "merge at read time"]}],
}
FEED_ARCHITECTURE = {
    "components": [
        {"name": "Client", "aliases": ["mobile app"]},
        {"name": "Load Balancer"},
        {"name": "API Gateway", "aliases": ["API"]},
        {"name": "Fan-out Service", "aliases": ["fanout worker"]},
        {"name": "Timeline Cache", "aliases": ["cache", "Redis"]},
        {"name": "Tweet DB", "aliases": ["Cassandra"]},
    ],
    "flows": [["Client", "Load Balancer"], ["Load Balancer", "API Gateway"], ["API Gateway", "Tweet DB"],
              ["API Gateway", "Fan-out Service"], ["Fan-out Service", "Timeline Cache"],
              ["API Gateway", "Timeline Cache"]],
}  # fmt: skip


@pytest.fixture
def crafted_dir(tmp_path: Path) -> Path:
    """A scenarios folder holding ``feed-practice`` (the feed, with its coaching replaced by ours)."""
    data = yaml.safe_load((paths.bundled_dir() / "social-media-feed.yaml").read_text(encoding="utf-8"))
    data["id"] = CRAFTED
    for phase in data["phases"]:
        phase["key_points"] = FEED_POINTS.get(phase["id"], [])
        phase["curveballs"] = [FEED_CURVEBALL] if phase["id"] == "fan-out-strategies" else []
    data["architecture"] = FEED_ARCHITECTURE
    folder = tmp_path / "crafted"
    folder.mkdir()
    (folder / f"{CRAFTED}.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


@cache
def bundled(sid: str) -> Scenario:
    return load_scenario(paths.bundled_dir() / f"{sid}.yaml")


Target = tuple[list[str], Scenario]


@pytest.fixture
def target(crafted_dir: Path) -> Callable[[str], Target]:
    """``target(sid)``: the global options that make ``sid`` known, and the scenario."""

    def _target(sid: str) -> Target:
        if sid == CRAFTED:
            return ["--scenarios", str(crafted_dir)], load_scenario(crafted_dir / f"{CRAFTED}.yaml")
        return [], bundled(sid)

    return _target


def all_points(s: Scenario) -> list[tuple[str, KeyPoint]]:
    return [
        (p.id, kp) for p in s.phases for kp in [*p.key_points, *(k for cb in p.curveballs for k in cb.key_points)]
    ]


def needs_points(s: Scenario) -> None:
    if not all_points(s):
        pytest.skip(f"{s.id} has no key points yet")


# ---------------------------------------------------------------------------------- crafted notes


def point_lines(s: Scenario, kp: KeyPoint) -> list[str]:
    """Lines of notes made of the point's own words: its first term, else the first alternative of
    each ``all_of`` entry, else its figure's reference value beside the figure's label."""
    if kp.terms:
        return [kp.terms[0]]
    if kp.all_of:
        return [entry.split("|")[0].strip() for entry in kp.all_of]
    assert kp.figure is not None
    if kp.figure.name is not None:
        assert s.estimation is not None
        figure = next(f for f in s.estimation.figures if f.name == kp.figure.name)
        return [f"{figure.label}: {format_quantity(compute(s.estimation)[figure.name], figure.unit)}"]
    assert kp.figure.value is not None and kp.figure.unit is not None
    return [f"{kp.text}: {format_quantity(kp.figure.value, kp.figure.unit)}"]


def covering_notes(s: Scenario) -> str:
    """A `## phase-id` section per phase with key points, written from those points' own words."""
    out: list[str] = [f"# Notes for {s.id}", ""]
    for p in s.phases:
        points = [kp for pid, kp in all_points(s) if pid == p.id]
        if points:
            out += [f"## {p.id}", *(line for kp in points for line in point_lines(s, kp)), ""]
    return "\n".join(out)


IRRELEVANT = "The quick brown fox jumps over the lazy dog.\nBuy eggs, milk and bread on the way home.\n"


def nothing_notes(s: Scenario) -> str:
    return "".join(f"## {p.id}\n{IRRELEVANT}" for p in s.phases)


def write(tmp_path: Path, text: str, name: str = "notes.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def review_json(invoke, options: list[str], sid: str, notes: Path, *more: str) -> dict[str, Any]:
    result = invoke(*options, "review", sid, "--notes", str(notes), "--json", *more)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def cache_components(s: Scenario) -> list[str]:
    """The architecture's components that are a cache (by name or alias)."""
    if s.architecture is None:
        return []
    return [
        c.name for c in s.architecture.components
        if any("cache" in label.casefold() for label in (c.name, *c.aliases))
    ]  # fmt: skip


# ---------------------------------------------------------------------------------- --json on every scenario


@pytest.mark.parametrize("sid", IDS)
def test_notes_from_each_phases_own_terms_cover_its_points(invoke, target, tmp_path: Path, sid: str) -> None:
    options, s = target(sid)
    needs_points(s)
    data = review_json(invoke, options, sid, write(tmp_path, covering_notes(s)))
    assert data["scenario"] == sid and data["split"] is True and data["session"] is None
    expected = {pid: {kp.id for p2, kp in all_points(s) if p2 == pid} for pid, _ in all_points(s)}
    for phase in data["phases"]:
        points = phase["checklist"]["points"]
        assert {p["id"] for p in points} == expected.get(phase["phase"], set())
        missed = [p["id"] for p in points if not p["detected"]]
        assert not missed, f"{phase['phase']}: not covered by their own terms: {missed}"
        for p in points:  # every covered point says where: a line of the file and the words in it
            ev = p["evidence"][0]
            assert ev["line"] >= 1 and ev["spans"] and ev["text"]
    assert data["covered"] == data["total"] == len(all_points(s))
    assert {e for e in data["evidence"]} <= set(CRITERION_IDS)
    assert all(e["covered"] == e["total"] and e["suggested"] == 5 for e in data["evidence"].values())


@pytest.mark.parametrize("sid", IDS)
def test_notes_with_nothing_relevant_cover_no_point(invoke, target, tmp_path: Path, sid: str) -> None:
    options, s = target(sid)
    needs_points(s)
    data = review_json(invoke, options, sid, write(tmp_path, nothing_notes(s)))
    covered = [p["id"] for ph in data["phases"] for p in ph["checklist"]["points"] if p["detected"]]
    assert covered == [] and data["covered"] == 0 and data["total"] == len(all_points(s))
    assert all(e["covered"] == 0 and e["suggested"] == 1 for e in data["evidence"].values())
    if data["diagram"] is not None:
        assert data["diagram"]["has_diagram"] is False
    if data["figures"] is not None:
        assert data["figures"]["answers"] == {}


@pytest.mark.parametrize("sid", IDS)
def test_a_diagram_without_the_cache_is_told_so(invoke, target, tmp_path: Path, sid: str) -> None:
    options, s = target(sid)
    caches = cache_components(s)
    if not caches:
        pytest.skip(f"{s.id} has no cache in its architecture")
    assert s.architecture is not None
    drawn = [(a, b) for a, b in s.architecture.flows if a not in caches and b not in caches]
    lines = [f"{a} -> {b}" for a, b in drawn] or [f"{a} -> {b}" for a, b in [("Client", "Server")]]
    notes = write(tmp_path, "## Design\n" + "\n".join(lines) + "\n")
    data = review_json(invoke, options, sid, notes)
    diagram = data["diagram"]
    assert diagram["has_diagram"] is True
    assert set(caches) <= set(diagram["missing_components"])
    drawn_names = {n for flow in drawn for n in flow}
    assert not drawn_names & set(diagram["missing_components"])
    cache_flows = [[a, b] for a, b in s.architecture.flows if a in caches or b in caches]
    assert all(f in diagram["missing_flows"] for f in cache_flows)
    # and in words, without --json
    result = invoke(*options, "review", sid, "--notes", str(notes))
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.stdout.splitlines() if "missing components:" in ln)
    assert all(c in line for c in caches)


# ---------------------------------------------------------------------------------- what it prints

FEED_NOTES = """\
# Feed practice, on paper
## Requirements
- timeline under 200ms [bold]not markup[/bold] \x1b[31mred\x1b[0m
## 3. Capacity Estimation (8 min)
tweets: 100M/day -> ~1.2K/s write qps, peak 3.6K/s
fan-out: 1.2K * 200 = 240K writes/s
## High-Level Architecture
Client -> LB -> API -> [Tweet DB]
API -> fanout worker
push model for normal users
## fan-out-strategies
pull for celebrities, push for the rest
"""


def test_the_review_in_words(invoke, crafted_dir: Path, tmp_path: Path) -> None:
    result = invoke("--scenarios", str(crafted_dir), "review", CRAFTED, "--notes", str(write(tmp_path, FEED_NOTES)))
    assert result.exit_code == 0, result.output
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "Social Media Feed (Mid Level)  review of notes.md"
    assert lines[1] == "4 phases named by ## headings · 5 of 8 key points covered"
    assert "2. Requirements Clarification  1 of 2 points covered  (heading at line 2)" in out
    # a covered point: its text, the phrase, then the line (number and text, as written)
    i = lines.index("  ✓ Timeline loads in under 200ms  “under 200ms”")
    assert lines[i + 1] == "     3│ - timeline under 200ms [bold]not markup[/bold] ^[[31mred^[[0m"
    # a missed point: a pointer into the reference
    i = lines.index("  ✗ Reads far outnumber writes")
    assert lines[i + 1] == "      → see the reference: Non-functional requirements: read-heavy (2. Requirements Clarification)"
    assert "  ✗ Hybrid fan-out: push for most users, pull for celebrities" in lines
    assert "      → see the reference: Hybrid Approach (5. Deep Dive: Fan-out Strategies)" in lines
    i = lines.index("  ✓ Celebrity tweets are pulled at read time  “pull for celebrities”")
    assert lines[i - 1].startswith("  Curveball: “")  # a curveball's points come under what it announced
    assert "  ✗ Timelines served from a cache" in lines
    assert "  ✓ Fan-out writes of about 240K/s  “fanout_writes_per_second ≈ 231.5K/s”" in lines
    assert "1. Opening  no key points" in lines
    # the diagram
    assert "  5 of 6 components named; 4 of 6 flows drawn" in lines
    assert "  missing components: Timeline Cache" in lines
    assert "  missing flows: Fan-out Service → Timeline Cache, API Gateway → Timeline Cache" in lines
    # the figures, graded as the drill grades them
    rows = {ln.split("  ")[1]: ln for ln in lines if ln.startswith("  Tweets per second") or ln.startswith("  Fan-out")}
    assert "~1.2K/s" in rows["Tweets per second (average)"] and "✓ on target" in rows["Tweets per second (average)"]
    assert "240K writes/s" in rows["Fan-out writes per second (average)"]
    assert "  3 of 7 figures found: 3 on target, 0 within 10x, 0 off" in lines
    # the evidence per criterion
    assert any(ln.split() == ["Problem", "Clarification", "1", "of", "2", "3/5"] for ln in lines)
    assert any(ln.split() == ["Trade-off", "Analysis", "0", "of", "1", "1/5"] for ln in lines)
    assert lines[-1] == f"The reference answers: mockinterview show {CRAFTED} --reveal"
    assert result.stderr == ""


def test_a_file_without_phase_headings_is_matched_against_every_phase(invoke, crafted_dir: Path, tmp_path: Path) -> None:
    notes = write(tmp_path, "under 200ms\nwrite qps ~1.2K/s\npush model, hybrid approach\nmerge at read time\n")
    data = review_json(invoke, ["--scenarios", str(crafted_dir)], CRAFTED, notes)
    assert data["split"] is False
    covered = {p["id"] for ph in data["phases"] for p in ph["checklist"]["points"] if p["covered"]}
    assert covered == {"latency", "write-qps", "push-fanout", "hybrid-fanout", "celebrity-pull"}
    assert all(ph["lines"] == 4 and ph["headings"] == [] for ph in data["phases"])
    result = invoke("--scenarios", str(crafted_dir), "review", CRAFTED, "--notes", str(notes))
    assert "no ## heading names a phase: the whole file is checked against every phase · 5 of 8 key points covered" in (
        " ".join(result.stdout.split())
    )


def test_crlf_and_a_byte_order_mark_are_read_as_plain_lines(invoke, crafted_dir: Path, tmp_path: Path) -> None:
    notes = tmp_path / "windows.md"
    notes.write_bytes("\ufeff## Requirements\r\nunder 200ms\r\n".encode())
    data = review_json(invoke, ["--scenarios", str(crafted_dir)], CRAFTED, notes)
    (requirements,) = [ph for ph in data["phases"] if ph["phase"] == "requirements"]
    assert requirements["headings"] == [1]
    assert requirements["checklist"]["points"][0]["evidence"][0]["text"] == "under 200ms"


def test_json_is_one_document(invoke, crafted_dir: Path, tmp_path: Path) -> None:
    notes = write(tmp_path, FEED_NOTES)
    data = review_json(invoke, ["--scenarios", str(crafted_dir)], CRAFTED, notes)
    assert list(data) == ["notes", "scenario", "split", "covered", "total", "phases", "diagram", "figures", "evidence", "session"]
    assert data["notes"] == str(notes) and (data["covered"], data["total"]) == (5, 8)
    assert data["figures"]["answers"]["tweets_per_second"] == 1200
    assert data["diagram"]["missing_components"] == ["Timeline Cache"]
    assert "\x1b" not in json.dumps(data, ensure_ascii=False)  # the escape in the notes is escaped in the JSON


# ---------------------------------------------------------------------------------- --save, then score


def db() -> Path:
    return paths.database_path()


def test_save_records_an_interview_that_score_then_scores(invoke, crafted_dir: Path, tmp_path: Path) -> None:
    options = ["--scenarios", str(crafted_dir)]
    notes = write(tmp_path, FEED_NOTES)
    result = invoke(*options, "review", CRAFTED, "--notes", str(notes), "--save", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    sid = data["session"]
    assert isinstance(sid, str) and len(sid) == 6
    assert f"Saved as interview {sid} (its notes and checklists, not scored yet)." in result.stderr
    assert f"Score it with: mockinterview score {sid}" in result.stderr

    from mockinterview.store import Store

    with Store() as store:
        session = store.get(sid)
    assert (session.mode, session.state, session.scenario_id, session.assessment) == ("manual", "finished", CRAFTED, None)
    by_id = {p.phase_id: p for p in session.phases}
    assert by_id["opening"].notes == "# Feed practice, on paper"  # the lines before the first heading: once
    assert by_id["requirements"].notes.startswith("- timeline under 200ms [bold]")
    assert by_id["fan-out-strategies"].notes == "pull for celebrities, push for the rest"
    assert by_id["database-design"].notes == ""
    for phase in data["phases"]:  # the checklists stored are the ones shown, both states
        checklist = by_id[phase["phase"]].checklist
        assert checklist is not None and checklist.to_dict() == phase["checklist"]
    assert {e.figure: e.grade for e in session.estimates}["tweets_per_second"] == "on_target"

    history = invoke("history", "--json")
    assert [(r["id"], r["mode"], r["score_50"]) for r in json.loads(history.stdout)] == [(sid, "manual", None)]
    sets = [a for c in CRITERION_IDS for a in ("--set", f"{c}=4")]
    scored = invoke(*options, "score", sid, *sets, "--json")
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.stdout)["session_id"] == sid
    with Store() as store:
        after = store.get(sid)
    assert after.assessment is not None and after.assessment.scores["api_design"] == 4
    assert [p.checklist for p in after.phases] == [p.checklist for p in session.phases]  # scoring keeps them


def test_save_in_words_prints_the_next_step(invoke, crafted_dir: Path, tmp_path: Path) -> None:
    result = invoke("--scenarios", str(crafted_dir), "review", CRAFTED, "--notes", str(write(tmp_path, FEED_NOTES)), "--save")
    assert result.exit_code == 0, result.output
    assert "review of notes.md" in result.stdout
    (saved, step) = result.stderr.splitlines()
    sid = saved.split()[3]
    assert step == f"Score it with: mockinterview score {sid}"


def test_checklists_survive_export_and_import(invoke, crafted_dir: Path, tmp_path: Path, monkeypatch) -> None:
    data = review_json(invoke, ["--scenarios", str(crafted_dir)], CRAFTED, write(tmp_path, FEED_NOTES), "--save")
    export = tmp_path / "all.jsonl"
    assert invoke("export", "-o", str(export)).exit_code == 0
    (line,) = export.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert [p["checklist"] for p in record["phases"]] == [ph["checklist"] for ph in data["phases"]]

    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "other-home"))
    assert invoke("import", str(export)).exit_code == 0
    again = tmp_path / "again.jsonl"
    assert invoke("export", "-o", str(again)).exit_code == 0
    assert again.read_text(encoding="utf-8") == export.read_text(encoding="utf-8")


def test_an_export_without_checklists_still_imports(invoke, crafted_dir: Path, tmp_path: Path, monkeypatch) -> None:
    review_json(invoke, ["--scenarios", str(crafted_dir)], CRAFTED, write(tmp_path, FEED_NOTES), "--save")
    export = tmp_path / "all.jsonl"
    invoke("export", "-o", str(export))
    record = json.loads(export.read_text(encoding="utf-8"))
    for p in record["phases"]:
        del p["checklist"]  # as an export made before checklists were stored
    old = write(tmp_path, json.dumps(record) + "\n", "old.jsonl")
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "other-home"))
    result = invoke("import", str(old))
    assert result.exit_code == 0, result.output
    from mockinterview.store import Store

    with Store() as store:
        assert all(p.checklist is None for p in store.get(record["session"]["id"]).phases)


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (lambda c: c["points"][0].update(detected="yes"), "phases[1].checklist.points[0].detected", "valid boolean"),
        (lambda c: c["points"][0].update(confirmed=1), "phases[1].checklist.points[0].confirmed", "valid boolean"),
        (lambda c: c["points"][0]["evidence"][0].update(route="guess"), "phases[1].checklist.points[0].evidence[0].route", "'term', 'all_of' or 'figure'"),
        (lambda c: c["points"][0]["evidence"][0].update(spans=[[1, 2, 3]]), "phases[1].checklist.points[0].evidence[0].spans[0]", "at most 2"),
        (lambda c: c.update(phase="scaling"), "phases[1].checklist.phase", "expected 'requirements' (the phase's id), got 'scaling'"),
        (lambda c: c.pop("points"), "phases[1].checklist.points", "missing"),
    ],
)  # fmt: skip
def test_a_damaged_checklist_in_an_import_is_a_located_problem(
    invoke, crafted_dir: Path, tmp_path: Path, monkeypatch, change, where: str, message: str
) -> None:
    review_json(invoke, ["--scenarios", str(crafted_dir)], CRAFTED, write(tmp_path, FEED_NOTES), "--save")
    export = tmp_path / "all.jsonl"
    invoke("export", "-o", str(export))
    record = json.loads(export.read_text(encoding="utf-8"))
    assert record["phases"][1]["phase_id"] == "requirements"
    change(record["phases"][1]["checklist"])
    bad = write(tmp_path, json.dumps(record) + "\n", "bad.jsonl")
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "other-home"))
    result = invoke("import", str(bad))
    assert result.exit_code == 1
    assert f"bad.jsonl:1: {where}: " in result.stderr and message in result.stderr, result.stderr
    assert not db().exists() or sqlite3.connect(db()).execute("SELECT count(*) FROM sessions").fetchone() == (0,)


# ---------------------------------------------------------------------------------- errors


def test_an_unknown_scenario(invoke, tmp_path: Path) -> None:
    result = invoke("review", "no-such-scenario", "--notes", str(write(tmp_path, "x")), "--save")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no scenario 'no-such-scenario'")
    assert not db().exists()


def _fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe.md"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("make", "message", "hint"),
    [
        (lambda t: t / "missing.md", "no such file", "--notes takes a Markdown or text file"),
        (lambda t: t, "it is a directory, not a file", "--notes takes"),
        (_fifo, "it is a named pipe (FIFO), not a regular file; only regular files are read", "--notes takes"),
        (lambda t: (t / "latin1.md", (t / "latin1.md").write_bytes("café\n".encode("latin-1")))[0],
         "it is not UTF-8 text (invalid continuation byte at byte 3)", "Save it as UTF-8"),
        (lambda t: (t / "huge.md", (t / "huge.md").write_bytes(b"x" * (1024 * 1024 + 1)))[0],
         "it is too large (more than 1 MB)", "Review the notes of one interview at a time."),
    ],
    ids=["missing", "directory", "fifo", "not-utf8", "huge"],
)  # fmt: skip
def test_a_notes_file_that_cannot_be_read(invoke, tmp_path: Path, make, message: str, hint: str) -> None:
    path = make(tmp_path)
    result = invoke("review", "url-shortener", "--notes", str(path), "--save", "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    first, second = result.stderr.splitlines()
    assert first == f"Error: cannot read the notes file {path}: {message}"
    assert second.startswith(hint)
    assert not db().exists()  # nothing written


def test_notes_is_required(invoke) -> None:
    result = invoke("review", "url-shortener")
    assert result.exit_code == 2
    assert "Missing option '--notes'" in result.stderr


def test_a_scenario_without_key_points_still_reviews(invoke, tmp_path: Path, scenario_copy) -> None:
    path = scenario_copy("url-shortener")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for phase in data["phases"]:
        phase["key_points"], phase["curveballs"] = [], []
    data.pop("architecture", None)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    notes = write(tmp_path, "## Estimation\nwrite qps 1.2K/s\n")
    result = invoke("--scenarios", str(path.parent), "review", "url-shortener", "--notes", str(notes))
    assert result.exit_code == 0, result.output
    assert "This scenario has no reference architecture to check a diagram against." in result.stdout
    assert "No key points to count." in result.stdout
    assert "Average write QPS" in result.stdout  # the figures are still found


def test_an_interview_stored_before_checklists_opens_without_one(invoke, tmp_path: Path) -> None:
    """A data file of schema version 2 (before ``phases.checklist``) is migrated in place;
    its interviews load with no checklist, and a review saved afterwards keeps its own."""
    from mockinterview.store import Store
    from mockinterview.store.migrations import MIGRATIONS, m001_initial, m002_phase_hints

    assert MIGRATIONS[:2] == [m001_initial, m002_phase_hints]
    db().parent.mkdir(parents=True)
    conn = sqlite3.connect(db(), isolation_level=None)
    for migration in MIGRATIONS[:2]:
        migration(conn)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO sessions (id, scenario_id, scenario_title, level, focus, mode, state, started_at, updated_at,"
        " planned_minutes) VALUES ('old123', 'url-shortener', 'Design a URL Shortener', 'entry', 'general',"
        " 'manual', 'finished', '2024-05-01T09:00:00Z', '2024-05-01T09:00:00Z', 45)"
    )
    conn.execute(
        "INSERT INTO phases (session_id, idx, phase_id, kind, title, planned_seconds, notes)"
        " VALUES ('old123', 0, 'requirements', 'requirements', 'Requirements', 300, 'old notes')"
    )
    conn.close()
    with Store() as store:
        (phase,) = store.get("old123").phases
    assert (phase.notes, phase.checklist) == ("old notes", None)
    data = review_json(invoke, [], "url-shortener", write(tmp_path, "write qps 1.2K/s"), "--save")
    with Store() as store:
        assert [p.checklist.to_dict() if p.checklist else None for p in store.get(data["session"]).phases] == [
            ph["checklist"] for ph in data["phases"]
        ]
