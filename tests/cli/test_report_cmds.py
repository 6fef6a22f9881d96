"""report for unscored interviews, delete, help, score --template, progress --format html,
completion and the help screens (issue 12, items 5-7)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mockinterview.store import Store
from mockinterview.vocab import CRITERION_IDS

URL_DOC = dict(
    system_design_knowledge=4, scalability_understanding=4, database_design=4, api_design=3,
    trade_off_analysis=3, problem_clarification=5, structured_thinking=4, clear_explanation=4,
    collaboration=4, time_management=4,
)


def scored(invoke, tmp_path: Path, sid: str, marks: dict[str, int], name: str = "s") -> str:
    path = tmp_path / f"{name}.yaml"
    path.write_text("".join(f"{c}: {v}\n" for c, v in marks.items()), encoding="utf-8")
    result = invoke("score", sid, "--scores", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    return str(json.loads(result.stdout)["session_id"])


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.words: list[str] = []
        self.fetching: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.fetching += [f"{tag}[{k}]" for k, _ in attrs if k in ("src", "href", "srcset")]

    def handle_data(self, data: str) -> None:
        self.words.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.words).split())


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


# --------------------------------------------------------------------------- score, the new user's way


def test_score_url_shortener_with_the_documents_ten_scores(invoke, tmp_path: Path) -> None:
    template = invoke("score", "url-shortener", "--template")
    assert template.exit_code == 0 and template.stdout.startswith("# A score file for url-shortener")
    marks = URL_DOC | dict.fromkeys(("meets_requirements", "handles_scale", "edge_cases", "operational_awareness", "innovation"), 4)
    filled = "\n".join(
        f"{line.split(':')[0]}: {marks[line.split(':')[0]]}" if line.split(":")[0] in CRITERION_IDS else line
        for line in template.stdout.splitlines()
    )
    path = tmp_path / "url.yaml"
    path.write_text(filled, encoding="utf-8")
    result = invoke("score", "url-shortener", "--scores", str(path))
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "Pass 78/100 good foundation with room for growth" in out
    assert out.count("Strong Pass 85+ · Pass 70–84 · Weak Pass 55–69 · No Pass below 55") == 1  # with the verdict
    assert "mid-level" not in out  # entry-level wording
    assert "PASS" not in out.split("The document scored")[0]  # one verdict
    assert "Its 10 criterion scores add up to 39 (78%), not 38" in out


def test_template_without_a_scenario_and_for_an_interview(invoke, tmp_path: Path) -> None:
    generic = invoke("score", "--template")
    assert generic.exit_code == 0 and "mockinterview score SCENARIO|SESSION --scores FILE" in generic.stdout
    assert all(f"\n{c}:" in generic.stdout for c in CRITERION_IDS)
    sid = scored(invoke, tmp_path, "chat-system", dict.fromkeys(CRITERION_IDS, 3))
    mine = invoke("score", sid, "--template")
    assert mine.exit_code == 0 and "# A score file for chat-system" in mine.stdout
    with Store() as store:
        assert store.count() == 1  # a template stores nothing


# --------------------------------------------------------------------------- report


def unscored_interview() -> str:
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.interview.session import HintUse, start_session

    s = start_session(Catalogue().get("url-shortener"))
    for p in s.phases:
        p.status, p.used_seconds = "done", p.planned_seconds
    s.phases[0].notes = "clarified: 100M/day, 100:1"
    s.phases[2].hints.append(HintUse(at_seconds=30, kind="probe", text="Where would a CDN fit?"))
    s.state = "finished"
    with Store() as store:
        store.create(s)
    return s.id


def test_report_works_for_an_unscored_interview(invoke) -> None:
    sid = unscored_interview()
    result = invoke("report", sid)
    assert result.exit_code == 0, result.stderr
    assert "Not scored yet" in result.stdout and f"mockinterview score {sid}" in result.stdout
    assert "clarified: 100M/day, 100:1" in result.stdout and "Where would a CDN fit?" in result.stdout
    data = json.loads(invoke("report", sid, "--json").stdout)
    assert data["scored"] is False and data["verdict"] is None and data["notes"][0]["notes"].startswith("clarified")
    assert data["hints"] == [{"phase": "High-level design", "kind": "probe", "text": "Where would a CDN fit?", "at_minutes": 0.5}]
    md = invoke("report", sid, "--format", "md").stdout
    assert "Not scored yet" in md and "clarified: 100M/day" in md


def test_report_html_is_a_page(invoke, tmp_path: Path) -> None:
    sid = scored(invoke, tmp_path, "global-cdn", dict.fromkeys(CRITERION_IDS, 5))
    out = tmp_path / "card.html"
    assert invoke("report", sid, "--output", str(out)).exit_code == 0  # .html: the format from the suffix
    page = parse(out.read_text(encoding="utf-8"))
    assert page.tags[0] == "html" and page.tags.count("h1") == 1 and "script" not in page.tags
    assert page.fetching == []
    assert "Strong Pass 100/100 — ready for senior-level distributed systems roles" in page.text


# --------------------------------------------------------------------------- delete


def test_delete_asks_and_yes_removes_everything_and_progress_stops_counting_it(invoke, tmp_path: Path, keys) -> None:
    keep = scored(invoke, tmp_path, "chat-system", dict.fromkeys(CRITERION_IDS, 3), "keep")
    test = scored(invoke, tmp_path, "url-shortener", dict.fromkeys(CRITERION_IDS, 5), "test")
    assert json.loads(invoke("progress", "--json").stdout)["scored_interviews"] == 2

    with keys("n\r"):
        kept = invoke("delete", test)
    assert kept.exit_code == 0 and "Nothing deleted." in kept.output

    gone = invoke("delete", test[:4], "--yes")
    assert gone.exit_code == 0 and f"Deleted interview {test} (Design a URL Shortener" in gone.stdout
    data = json.loads(invoke("progress", "--json").stdout)
    assert data["scored_interviews"] == 1 and [r["id"] for r in data["recent"]] == [keep]
    with Store() as store:
        assert [r.id for r in store.history()] == [keep]
        assert all(r["session"]["id"] == keep for r in store.records())  # no assessment, phase or score left
    again = invoke("delete", test, "--yes")
    assert again.exit_code == 1 and f"no interview '{test}'" in again.stderr


def test_delete_without_a_terminal_needs_yes(invoke, tmp_path: Path) -> None:
    sid = scored(invoke, tmp_path, "chat-system", dict.fromkeys(CRITERION_IDS, 3))
    refused = invoke("delete", sid)
    assert refused.exit_code == 1 and "pass --yes to delete it without asking" in refused.stderr
    assert "mockinterview export -o backup.jsonl" in refused.stderr
    with Store() as store:
        assert store.count() == 1


def test_delete_after_yes_at_the_prompt_and_json(invoke, tmp_path: Path, keys) -> None:
    sid = scored(invoke, tmp_path, "chat-system", dict.fromkeys(CRITERION_IDS, 3))
    with keys("y\r"):
        asked = invoke("delete", sid)
    assert asked.exit_code == 0 and "Deleted interview" in asked.output
    other = scored(invoke, tmp_path, "chat-system", dict.fromkeys(CRITERION_IDS, 3), "other")
    data = json.loads(invoke("delete", other, "--yes", "--json").stdout)
    assert data["deleted"] == other and data["scenario"] == "chat-system"


# --------------------------------------------------------------------------- progress as a page


def test_progress_html_has_charts_and_the_same_summary(invoke, tmp_path: Path) -> None:
    for i, rest in enumerate((3, 4, 5)):
        scored(invoke, tmp_path, "url-shortener", dict.fromkeys(CRITERION_IDS, rest), f"p{i}")
    out = tmp_path / "progress.html"
    result = invoke("progress", "--format", "html", "--output", str(out))
    assert result.exit_code == 0 and f"Progress written to {out}" in result.stderr
    text = out.read_text(encoding="utf-8")
    page = parse(text)
    assert page.tags.count("svg") >= 1 + 15 + 3  # the score over time, each criterion and group
    assert "script" not in page.tags and page.fetching == []
    for heading in ("Score over time", "Readiness", "Trends, per interview", "Pacing", "Self-scores against the document's candidate",
                    "Self-scores against your notes"):
        assert heading in page.text
    assert "Strong Pass 85+ · Pass 70–84" in page.text
    assert "Move up a level: mockinterview next --level mid" in page.text
    to_stdout = invoke("progress", "--format", "html")
    assert to_stdout.stdout.startswith("<!DOCTYPE html>")
    as_json = json.loads(invoke("progress", "--format", "json").stdout)
    assert as_json["thresholds"].startswith("Strong Pass 85+")
    assert as_json["trends"]["total_100"] == [60.0, 80.0, 100.0]  # all 3s, 4s, 5s: the points the chart draws


def test_readiness_reads_true_for_82_77_50(invoke, tmp_path: Path) -> None:
    # bands set by hand: totals 50, 77, 82 (oldest first): an average of 69.7, one of three below Pass
    for i, (td, sd, cp) in enumerate(((25, 15, 10), (40, 22, 15), (42, 24, 16))):
        path = tmp_path / f"r{i}.yaml"
        body = "".join(f"{c}: 3\n" for c in CRITERION_IDS)
        path.write_text(body + f"bands:\n  technical_depth: {td}\n  system_design: {sd}\n  communication_process: {cp}\n")
        assert invoke("score", "url-shortener", "--scores", str(path)).exit_code == 0
    entry = json.loads(invoke("progress", "--json").stdout)["readiness"][0]
    assert entry["totals_100"] == [82, 77, 50] and entry["status"] == "not_yet" and entry["below_pass"] == 1
    assert "average 69.7/100 (Weak Pass), 0.4 under the Pass mark of 70; 1 of 3 below Pass" in entry["reason"]
    out = " ".join(invoke("progress").stdout.split())
    assert "Average 30.0/50 (60%) · 69.7/100 Weak Pass" in out


# --------------------------------------------------------------------------- help and completion


def test_help_prints_the_installed_docs(invoke) -> None:
    topics = invoke("help")
    assert topics.exit_code == 0 and "scoring" in topics.stdout and "scenario-format" in topics.stdout
    scoring = invoke("help", "scoring")
    assert scoring.exit_code == 0 and scoring.stdout.startswith("# Scoring")
    assert "85 / 70 / 55" in scoring.stdout
    assert invoke("help", "rubric").stdout == scoring.stdout
    command = invoke("help", "delete")
    assert command.exit_code == 0 and "Usage: mockinterview delete" in command.stdout
    unknown = invoke("help", "nope")
    assert unknown.exit_code == 2 and "no help topic 'nope'" in unknown.stderr


def test_error_hints_point_at_help_that_ships(invoke) -> None:
    result = invoke("score", "chat-system")  # interactive, without a terminal
    assert result.exit_code == 2
    assert "mockinterview help scoring" in result.stderr and "docs/scoring.md" not in result.stderr
    assert "mockinterview score SCENARIO --template" in result.stderr


@pytest.mark.parametrize("args", [("--help",), ("score", "--help"), ("show", "--help"), ("delete", "--help"), ("progress", "--help")])
def test_flags_are_shown_without_a_bool_value(invoke, args: tuple[str, ...]) -> None:
    result = invoke(*args)
    assert result.exit_code == 0 and "<bool>" not in result.stdout
    if args == ("--help",):
        assert "--install-completion" in result.stdout and "--no-pager" in result.stdout


def test_ids_complete(invoke, tmp_path: Path) -> None:
    from mockinterview.cli import complete

    assert ("url-shortener", "scenario") in complete.scenario_ids("url")
    assert complete.session_ids("") == []  # no database yet: none, and none created
    from mockinterview import paths

    assert not paths.database_path().exists()
    sid = scored(invoke, tmp_path, "chat-system", dict.fromkeys(CRITERION_IDS, 3))
    [(found, about)] = complete.session_ids(sid[:3])
    assert found == sid and about.startswith("chat-system, ") and about.endswith("Weak Pass")
    assert (sid, about) in complete.targets(sid[:3])


def test_shell_completion_script_is_offered(invoke) -> None:
    result = invoke("--show-completion", "bash")
    assert result.exit_code == 0 and re.search(r"_MOCKINTERVIEW_COMPLETE|complete", result.stdout)
