"""The scorecard shows the evidence of the notes beside every self-score, in the terminal,
Markdown, HTML and JSON, and says where the two differ (issue 11 item 7); an interview
without notes says it has none. Also the derived mark on follow-ups (issue 12)."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser

import pytest

from mockinterview.coach.engine import Coach
from mockinterview.coach.evidence import EVIDENCE_NOTE, NO_NOTES_NOTE
from mockinterview.content.catalogue import Catalogue
from mockinterview.content.loader import load_rubric
from mockinterview.content.scenario import Scenario
from mockinterview.interview.session import Assessment, Session, start_session
from mockinterview.scoring import scorecard
from mockinterview.ui import scorecard_view
from mockinterview.ui.console import THEME, SafeConsole
from mockinterview.vocab import CRITERION_IDS

RUBRIC = load_rubric()
FANOUT = "fan-out-strategies"
PUSH_AND_PULL = "push model: fan-out on write for normal users\npull model: fan-out on read\n"


@pytest.fixture(scope="module")
def feed() -> Scenario:
    return Catalogue().get("social-media-feed")


@pytest.fixture(scope="module")
def coach(feed: Scenario) -> Coach:
    return Coach(feed)


def session_with_notes(feed: Scenario, scores: dict[str, int] | None) -> Session:
    s = start_session(feed)
    for p in s.phases:
        p.status = "done"
        p.used_seconds = p.planned_seconds
    next(p for p in s.phases if p.phase_id == FANOUT).notes = PUSH_AND_PULL
    s.state = "finished"
    if scores is not None:
        s.assessment = Assessment(scores=scores, bands={})
    return s


def card(feed: Scenario, coach: Coach, scores: dict[str, int] | None) -> scorecard.Scorecard:
    base = scorecard.build(session_with_notes(feed, scores), feed, RUBRIC, require_scores=False)
    return scorecard.with_notes_evidence(base, coach)


def text_of(c: scorecard.Scorecard, width: int = 100) -> str:
    buf = io.StringIO()
    scorecard_view.print_card(SafeConsole(file=buf, width=width, color_system=None, theme=THEME), c)
    return buf.getvalue()


class Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []

    def handle_data(self, data: str) -> None:
        self.words.append(data)


def test_every_self_score_has_its_evidence_and_the_gaps_are_said(feed: Scenario, coach: Coach) -> None:
    c = card(feed, coach, {cid: 5 for cid in CRITERION_IDS})
    trade = c.evidence["trade_off_analysis"]
    assert trade.self_score == 5 and trade.total > trade.covered and trade.differs
    assert any(p.startswith("Hybrid fan-out") for p in trade.missed_points)  # push and pull, never hybrid
    assert trade.sentence == f"you gave 5; your notes show {trade.covered} of {trade.total} points (suggests {trade.suggested})"
    assert c.evidence_note == EVIDENCE_NOTE and c.evidence_absent is None

    out = text_of(c)
    flat = " ".join(out.split())
    assert flat.count(EVIDENCE_NOTE) == 1  # explained once
    assert f"{trade.covered} of {trade.total} → {trade.suggested} ≠" in out  # beside the score
    assert "≠ Your score and your notes differ" in out
    assert "Trade-off Analysis: " + trade.sentence in flat
    assert "missed: Hybrid fan-out" in out
    assert max(len(line.rstrip()) for line in text_of(c, 80).splitlines()) <= 80

    md = scorecard_view.to_markdown(c)
    assert "| criterion | score | your notes |" in md and f"| {trade.covered} of {trade.total} → {trade.suggested} ≠ |" in md
    assert "## What your notes show" in md and md.count(EVIDENCE_NOTE) == 1
    assert f"**Trade-off Analysis**: {trade.sentence} ≠ differs" in md
    assert "  - missed: Hybrid fan-out" in md

    words = Words()
    words.feed(scorecard_view.to_html(c))
    html_text = " ".join("".join(words.words).split())
    assert "What your notes show" in html_text and "missed: Hybrid fan-out" in html_text and "≠ differs" in html_text

    data = json.loads(json.dumps(c.to_dict()))
    assert data["evidence_note"] == EVIDENCE_NOTE
    ev = data["evidence"]["trade_off_analysis"]
    assert (ev["self_score"], ev["suggested"], ev["differs"]) == (5, trade.suggested, True)
    assert ev["difference"] == 5 - trade.suggested and ev["total"] == ev["covered"] + len(ev["missed_points"])
    assert list(data["evidence"]) == [cid for cid in CRITERION_IDS if cid in data["evidence"]]


def test_scores_that_match_the_notes_are_not_flagged(feed: Scenario, coach: Coach) -> None:
    first = card(feed, coach, {cid: 3 for cid in CRITERION_IDS})
    agreeing = {cid: first.evidence[cid].suggested if cid in first.evidence else 3 for cid in CRITERION_IDS}
    c = card(feed, coach, agreeing)
    assert c.evidence and not c.evidence_gaps
    out = text_of(c)
    assert out.count("≠") == 1  # only in the legend of the notes column
    assert "Your scores and your notes agree within a point on every criterion." in out


def test_an_interview_without_notes_says_so_instead_of_suggesting_ones(feed: Scenario, coach: Coach) -> None:
    s = start_session(feed, mode="manual")
    s.assessment = Assessment(scores={cid: 4 for cid in CRITERION_IDS}, bands={})
    c = scorecard.with_notes_evidence(scorecard.build(s, feed, RUBRIC), coach)
    assert c.evidence == {} and c.evidence_note == NO_NOTES_NOTE
    out = " ".join(text_of(c).split())
    assert "No evidence from notes: this interview was scored without `mockinterview run`" in out
    assert "→ 1" not in out and "notes =" not in out
    assert "your notes |" not in scorecard_view.to_markdown(c)
    data = c.to_dict()
    assert data["evidence"] == {} and data["evidence_note"] == NO_NOTES_NOTE


def test_a_scorecard_without_the_coach_shows_no_evidence_section(feed: Scenario) -> None:
    c = scorecard.build(session_with_notes(feed, {cid: 4 for cid in CRITERION_IDS}), feed, RUBRIC)
    assert c.evidence == {} and c.evidence_note is None
    assert "What your notes show" not in scorecard_view.to_markdown(c)
    assert c.to_dict()["evidence_note"] is None


def test_an_unscored_interview_shows_what_its_notes_show(feed: Scenario, coach: Coach) -> None:
    c = card(feed, coach, None)
    assert c.evidence and all(v.self_score is None and not v.differs for v in c.evidence.values())
    out = " ".join(text_of(c).split())
    trade = c.evidence["trade_off_analysis"]
    assert "What your notes show" in out and f"Trade-off Analysis: your notes show {trade.covered} of" in out
    assert "Not scored yet" in out
    assert "## What your notes show" in scorecard_view.to_markdown(c)


def test_follow_ups_carry_one_mark_each_and_none_on_their_heading() -> None:
    scenario = Catalogue().get("url-shortener")
    s = start_session(scenario, mode="manual")
    s.assessment = Assessment(scores={cid: 4 for cid in CRITERION_IDS}, bands={})
    c = scorecard.build(s, scenario, RUBRIC)
    assert c.follow_ups and all(f.derived for f in c.follow_ups)
    md = scorecard_view.to_markdown(c)
    heading = next(line for line in md.splitlines() if line.startswith("## Follow-up questions"))
    assert "†" not in heading
    for f in c.follow_ups:
        line = next(line for line in md.splitlines() if f.question in line)
        assert line.count("†") == 1
    terminal = text_of(c, 200)
    head = next(line for line in terminal.splitlines() if line.startswith("Follow-up questions"))
    assert "†" not in head
    assert terminal.count("† written for this coach; not in the source interview") == 1
