"""score (non-interactive and interactive), history, report and the exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockinterview.store import Store
from mockinterview.vocab import CRITERION_IDS

CHAT = dict(
    system_design_knowledge=5, scalability_understanding=5, database_design=4, api_design=4,
    trade_off_analysis=5, problem_clarification=5, structured_thinking=5, clear_explanation=5,
    collaboration=5, time_management=4, meets_requirements=4, handles_scale=4, edge_cases=3,
    operational_awareness=2, innovation=3,
)


def score_file(tmp_path: Path, scores: dict, extra: str = "") -> Path:
    path = tmp_path / "scores.yaml"
    path.write_text("".join(f"{k}: {v}\n" for k, v in scores.items()) + extra)
    return path


def test_score_file_json_has_every_required_key(invoke, tmp_path: Path) -> None:
    result = invoke("score", "chat-system", "--scores", str(score_file(tmp_path, CHAT)), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)  # exactly one JSON document
    for key in ("session_id", "scenario", "scores", "groups", "score_50", "percent_50", "label_50",
                "bands", "total_100", "verdict"):
        assert key in data
    assert (data["score_50"], data["percent_50"], data["label_50"]) == (47, 94.0, "STRONG PASS")
    assert data["groups"] == {"technical": 23, "communication": 24, "overall": 16}
    # each band from the criteria its descriptors describe: technical depth from scalability,
    # database, trade-offs, scale and edge cases (5+4+5+4+3 = 21 -> 42), system design from
    # knowledge, API, requirements, operations and innovation (5+4+4+2+3 = 18 -> 21.6 -> 22)
    assert data["bands"]["technical_depth"]["points"] == 42
    assert data["bands"]["technical_depth"]["criteria"] == [
        "scalability_understanding", "database_design", "trade_off_analysis", "handles_scale", "edge_cases",
    ]
    assert data["bands"]["system_design"]["points"] == 22
    assert data["total_100"] == 42 + 22 + 19 and data["verdict"] == "Pass"


def test_set_overrides_and_band_adjustment(invoke, tmp_path: Path) -> None:
    path = score_file(tmp_path, CHAT, "bands:\n  system_design: 27\n")
    data = json.loads(invoke("score", "chat-system", "--scores", str(path), "--set", "innovation=5", "--json").stdout)
    assert data["scores"]["innovation"] == 5
    band = data["bands"]["system_design"]
    assert {k: band[k] for k in ("points", "max", "suggested", "level")} == {
        "points": 27, "max": 30, "suggested": 24, "level": "Excellent",
    }
    assert (band["subtotal"], band["subtotal_max"]) == (20, 25)
    assert data["total_100"] == 42 + 27 + 19 and data["verdict"] == "Strong Pass"


def test_set_alone_must_give_every_criterion(invoke) -> None:
    sets = [a for c in CRITERION_IDS for a in ("--set", f"{c}=3")]
    result = invoke("score", "url-shortener", *sets, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["score_50"] == 30


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"api_design": 6}, "api_design: 6 is outside 1..5"),
        ({"api_design": 0}, "api_design: 0 is outside 1..5"),
        ({"api_desing": 4}, "unknown criterion 'api_desing' (did you mean 'api_design'?)"),
    ],
)
def test_bad_scores_are_named_and_nothing_is_stored(invoke, tmp_path: Path, change: dict, message: str) -> None:
    scores = dict(CHAT) | change
    result = invoke("score", "chat-system", "--scores", str(score_file(tmp_path, scores)))
    assert result.exit_code == 1
    assert message in result.stderr
    assert str(tmp_path / "scores.yaml") + ":" in result.stderr  # located in the file
    with Store() as store:
        assert store.count() == 0


def test_missing_criterion_is_named(invoke, tmp_path: Path) -> None:
    scores = {k: v for k, v in CHAT.items() if k != "edge_cases"}
    result = invoke("score", "chat-system", "--scores", str(score_file(tmp_path, scores)))
    assert result.exit_code == 1 and "missing score(s) for: edge_cases" in result.stderr


def test_bad_set_form(invoke) -> None:
    result = invoke("score", "chat-system", "--set", "api_design")
    assert result.exit_code == 1 and "expected criterion=score" in result.stderr


def test_history_and_report_read_the_store_again(invoke, tmp_path: Path) -> None:
    sid = json.loads(invoke("score", "chat-system", "--scores", str(score_file(tmp_path, CHAT)), "--json").stdout)["session_id"]
    hist = invoke("history")
    assert sid in hist.output and "chat-system" in hist.output and "47" in hist.output and "83" in hist.output
    rows = json.loads(invoke("history", "--json").stdout)
    assert rows[0]["id"] == sid and rows[0]["verdict"] == "Pass"
    rep = invoke("report", sid[:4])
    assert rep.exit_code == 0
    assert "Pass  83/100" in rep.output and "STRONG PASS" not in rep.output.split("The document")[0]
    assert "Rubric score 47/50 (94%)" in rep.output
    assert "The document scored its candidate 47/50 (94%) STRONG PASS." in rep.output
    assert "Areas to improve" in rep.output and "Operational Awareness" in rep.output
    assert "Follow-up questions to practise" in rep.output


def test_rescoring_needs_yes_without_a_terminal_and_keeps_history(invoke, tmp_path: Path) -> None:
    path = score_file(tmp_path, CHAT)
    sid = json.loads(invoke("score", "chat-system", "--scores", str(path), "--json").stdout)["session_id"]
    again = invoke("score", sid, "--scores", str(path))
    assert again.exit_code == 1 and "--yes" in again.stderr
    data = json.loads(invoke("score", sid, "--scores", str(path), "--set", "innovation=5", "--yes", "--json").stdout)
    assert data["session_id"] == sid and data["scores"]["innovation"] == 5
    with Store() as store:
        (record,) = [r for r in store.records() if r["session"]["id"] == sid]
        assert [a["scores"]["innovation"] for a in record["assessments"]] == [3, 5]
        assert store.count() == 1


def test_score_with_nothing_unscored(invoke) -> None:
    result = invoke("score", "--set", "api_design=3")
    assert result.exit_code == 1 and "no unscored interview" in result.stderr


def test_interactive_scoring_without_terminal_names_the_alternatives(invoke) -> None:
    result = invoke("score", "chat-system")
    assert result.exit_code == 2
    assert "--scores FILE.yaml" in result.stderr


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_exports(invoke, tmp_path: Path, fmt: str) -> None:
    sid = json.loads(invoke("score", "chat-system", "--scores", str(score_file(tmp_path, CHAT)), "--json").stdout)["session_id"]
    out = tmp_path / f"card.{fmt}"
    result = invoke("report", sid, "--format", fmt, "--output", str(out))
    assert result.exit_code == 0
    text = out.read_text()
    if fmt == "json":
        assert json.loads(text)["score_50"] == 47
    elif fmt == "md":
        assert text.startswith("# Scorecard: Design a Chat System") and "| Technical Depth | 42/50 | **Good** | 21/25 |" in text
    else:
        assert text.lstrip().startswith("<!DOCTYPE html>") and "STRONG PASS" in text


def test_interactive_self_assessment_with_descriptors_and_reasking(invoke, keys) -> None:
    answers = "9\r" + "\x15" + "4\r" + "4\r" * 14  # a bad 9 is re-asked (cleared with ^U), then 4s
    answers += "\r" + "25\r" + "\r"  # bands: accept, adjust system design to 25, accept
    answers += " \r" + "\r"  # tick the first strong indicator; no concerns
    with keys(answers):
        result = invoke("score", "social-media-feed")
    assert result.exit_code == 0, result.output
    assert "Understands fan-out strategies and trade-offs" in result.output  # band descriptors shown
    assert "Rubric score 40/50 (80%)" in result.output
    assert "✓ Identified fan-out problem immediately" in result.output
    with Store() as store:
        s = store.latest()
    assert s is not None and s.assessment is not None
    assert s.assessment.bands["system_design"] == 25
    assert s.assessment.checklist["strong_indicators"] == ["Identified fan-out problem immediately"]


def test_ctrl_c_in_self_assessment_keeps_answers_and_says_how_to_finish(invoke, keys) -> None:
    with keys("5\r5\r", "\x03"):
        result = invoke("score", "chat-system")
    assert result.exit_code == 130
    assert "answers so far are saved" in result.output
    with Store() as store:
        s = store.latest()
    assert s is not None and s.settings["draft"]["scores"] == {"system_design_knowledge": 5, "scalability_understanding": 5}
    assert f"mockinterview score {s.id}" in result.output
    # finishing later starts from the saved answers: Enter accepts them
    with keys("\r\r" + "3\r" * 13 + "\r\r\r" + "\r\r"):  # 2 saved, 13 more, 3 bands, 2 checklists
        result = invoke("score", s.id)
    assert result.exit_code == 0, result.output
    with Store() as store:
        done = store.get(s.id)
    assert done.assessment is not None and done.assessment.scores["system_design_knowledge"] == 5


def test_user_text_is_printed_literally(invoke, tmp_path: Path) -> None:
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.content.loader import load_rubric
    from mockinterview.interview.session import Assessment, start_session
    from mockinterview.scoring import scorecard
    from mockinterview.ui import console, scorecard_view

    scenario = Catalogue().get("chat-system")
    session = start_session(scenario)
    session.phases[0].notes = "[/bold] [red]boom :smile:"
    session.assessment = Assessment(scores=dict(CHAT), bands={})
    card = scorecard.build(session, scenario, load_rubric())
    assert "[/bold] [red]boom :smile:" in scorecard_view.to_markdown(card)
    import io

    from rich.console import Console

    buf = io.StringIO()
    out = Console(file=buf, width=80, color_system=None, theme=console.THEME)
    from mockinterview.ui.run_flow import compare

    compare(out, scenario.phases[0], session.phases[0].notes)
    assert "[/bold] [red]boom :smile:" in buf.getvalue()
    assert console  # the factory module is importable without a terminal


def test_rescoring_with_set_keeps_the_other_scores(invoke, tmp_path: Path) -> None:
    sid = json.loads(invoke("score", "chat-system", "--scores", str(score_file(tmp_path, CHAT)), "--json").stdout)["session_id"]
    data = json.loads(invoke("score", sid, "--set", "api_design=2", "--yes", "--json").stdout)
    assert data["scores"] == CHAT | {"api_design": 2}


def test_score_file_messages_name_each_field_once(invoke, tmp_path: Path) -> None:
    path = score_file(tmp_path, CHAT | {"api_design": 6}, "bands:\n  system_design: 31\n")
    err = invoke("score", "chat-system", "--scores", str(path)).stderr
    assert ": api_design: 6 is outside 1..5" in err and "api_design: api_design" not in err
    assert ": bands.system_design: 31 is outside 0..30" in err


def test_latest_unfinished_interview_is_not_scored_silently(invoke, tmp_path: Path) -> None:
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.interview.session import start_session

    with Store() as store:
        session = start_session(Catalogue().get("url-shortener"))  # timed, in progress
        store.create(session)
    result = invoke("score", "--scores", str(score_file(tmp_path, CHAT)))
    assert result.exit_code == 1
    assert "is unfinished" in result.stderr and f"mockinterview resume {session.id}" in result.stderr


@pytest.mark.parametrize("value", [3, 4, 5])
def test_strengths_and_areas_never_overlap(value: int) -> None:
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.content.loader import load_rubric
    from mockinterview.scoring.scorecard import pick_insights

    strengths, areas = pick_insights(load_rubric(), Catalogue().get("chat-system"), {c: value for c in CRITERION_IDS})
    assert areas
    assert not {i.criterion for i in strengths} & {i.criterion for i in areas}


def test_output_file_is_written_without_printing_the_card(invoke, tmp_path: Path) -> None:
    sid = json.loads(invoke("score", "chat-system", "--scores", str(score_file(tmp_path, CHAT)), "--json").stdout)["session_id"]
    result = invoke("report", sid, "--output", str(tmp_path / "card.md"))
    assert result.exit_code == 0 and "Scorecard written to" in result.stderr
    assert "Areas to improve" not in result.stdout
    assert (tmp_path / "card.md").read_text().startswith("# Scorecard")
