"""Evidence beside the self-score from the command line (issue 11 item 7): notes for the
social media feed that discuss push and pull but never the hybrid; `score` (with --set and
at the prompts), `report` in every format, `review --save` then `score`, and `progress`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockinterview.content.catalogue import Catalogue
from mockinterview.interview.session import start_session
from mockinterview.store import Store
from mockinterview.vocab import CRITERION_IDS

FANOUT = "fan-out-strategies"
NOTES = {
    "requirements": "post tweets, follow users\n100M tweets/day, 200ms latency\ncelebrity accounts",
    "high-level-architecture": "Client -> LB -> API Gateway -> Tweet Service\npull model first: fan-out on read",
    FANOUT: "push model: fan-out on write for normal users\npull model: fan-out on read\n",
}


def sets(value: int) -> list[str]:
    return [a for c in CRITERION_IDS for a in ("--set", f"{c}={value}")]


@pytest.fixture
def feed_run() -> str:
    """A finished timed interview of the feed with notes in three phases, not scored."""
    s = start_session(Catalogue().get("social-media-feed"))
    for p in s.phases:
        p.status = "done"
        p.used_seconds = p.planned_seconds
        p.notes = NOTES.get(p.phase_id, "")
    s.state = "finished"
    with Store() as store:
        store.create(s)
    return s.id


def test_score_shows_the_notes_beside_every_self_score_and_where_they_differ(invoke, feed_run: str) -> None:
    result = invoke("score", feed_run, *sets(5), "--yes")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "notes" in out.splitlines()[next(i for i, line in enumerate(out.splitlines()) if line.startswith("criterion"))]
    assert "≠ Your score and your notes differ" in out
    flat = " ".join(out.split())
    assert "Trade-off Analysis: you gave 5; your notes show" in flat
    assert "missed: Hybrid fan-out: push for regular users" in flat
    assert "Evidence = the key points your notes covered" in flat

    data = json.loads(invoke("report", feed_run, "--json").stdout)
    trade = data["evidence"]["trade_off_analysis"]
    assert trade["self_score"] == 5 and trade["differs"] is True
    assert any(p.startswith("Hybrid fan-out") for p in trade["missed_points"])
    md = invoke("report", feed_run, "--format", "md").stdout
    assert "## What your notes show" in md and "- missed: Hybrid fan-out" in md
    html = invoke("report", feed_run, "--format", "html").stdout
    assert "What your notes show" in html and "≠ differs" in html


def test_a_score_without_run_says_there_are_no_notes(invoke) -> None:
    result = invoke("score", "social-media-feed", *sets(4))
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert "No evidence from notes: this interview was scored without `mockinterview run`" in flat
    assert "≠" not in flat
    data = json.loads(invoke("score", "social-media-feed", *sets(4), "--json").stdout)
    assert data["evidence"] == {} and data["evidence_note"].startswith("No evidence from notes")


def test_the_self_assessment_shows_the_notes_and_offers_their_suggestion(invoke, keys, feed_run: str) -> None:
    with Store() as store:
        session = store.get(feed_run)
    from mockinterview.coach.engine import Coach
    from mockinterview.coach.sessions import session_evidence

    evidence = session_evidence(Coach(Catalogue().get("social-media-feed")), session)
    answers = ""
    for c in CRITERION_IDS:  # Enter where a suggestion is offered (time management from the clock)
        answers += "\r" if c in evidence or c == "time_management" else "3\r"
    answers += "\r\r\r" + "\r\r"  # the bands as suggested; no debrief items
    with keys(answers):
        result = invoke("score", feed_run)
    assert result.exit_code == 0, result.output
    trade = evidence["trade_off_analysis"]
    assert f"Your notes: {trade.count_text()} for Trade-off Analysis · suggested {trade.suggested}" in result.output
    assert "missed: Hybrid fan-out" in result.output
    with Store() as store:
        done = store.get(feed_run)
    assert done.assessment is not None  # Enter accepted each suggestion
    assert {c: done.assessment.scores[c] for c in evidence} == {c: e.suggested for c, e in evidence.items()}
    assert "Your scores and your notes agree within a point on every criterion." in result.output


def test_review_save_then_score_uses_the_stored_checklists(invoke, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("## Deep Dive: Fan-out Strategies\n" + NOTES[FANOUT], encoding="utf-8")
    saved = invoke("review", "social-media-feed", "--notes", str(notes), "--save", "--json")
    assert saved.exit_code == 0, saved.output
    sid = json.loads(saved.stdout)["session"]
    data = json.loads(invoke("score", sid, *sets(5), "--json").stdout)
    assert data["evidence"]["trade_off_analysis"]["covered"] >= 2  # push and pull
    assert any(p.startswith("Hybrid fan-out") for p in data["evidence"]["trade_off_analysis"]["missed_points"])


def test_progress_compares_self_scores_with_the_notes(invoke, feed_run: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert invoke("score", feed_run, *sets(5), "--yes").exit_code == 0
    out = invoke("progress").stdout
    assert "Self-scores against your notes  your last 1 scored interview with notes" in out
    assert "Trade-off Analysis" in out.split("Self-scores against your notes")[1]
    assert max(len(line) for line in out.splitlines()) <= 80
    data = json.loads(invoke("progress", "--json").stdout)
    notes = data["calibration_against_notes"]
    assert notes["interviews"] == 1 and notes["criteria"][0]["tendency"] == "too_few"
    page = invoke("progress", "--format", "html").stdout
    assert "Self-scores against your notes" in page
