"""`progress` calibrates self-scores against the notes over a crafted history (issue 11
item 7), labels the old comparison "against the document's candidate", words a tendency
the same way in the terminal and in HTML (issue 12), and reads each interview's notes once
(the cache)."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import pytest

from mockinterview.coach.engine import Coach
from mockinterview.content.catalogue import Catalogue
from mockinterview.content.loader import load_rubric
from mockinterview.content.scenario import Scenario
from mockinterview.interview.session import start_session
from mockinterview.progress import summarize
from mockinterview.progress.evidence import NotesSession, catalogue_suggestions
from mockinterview.progress.records import AGAINST_DOCUMENT, AGAINST_NOTES, TENDENCY_WORDS
from mockinterview.scoring.record import make_assessment, record
from mockinterview.store import Store
from mockinterview.ui.console import THEME, SafeConsole
from mockinterview.ui.html import to_html
from mockinterview.ui.progress_doc import build_progress_doc
from mockinterview.ui.progress_view import print_progress
from mockinterview.vocab import CRITERION_IDS

RUBRIC = load_rubric()
FANOUT = "fan-out-strategies"
PUSH_AND_PULL = "push model: fan-out on write for normal users\npull model: fan-out on read\n"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue()


def add(store: Store, scenario: Scenario, scores: dict[str, int], notes: dict[str, str] | None) -> str:
    s = start_session(scenario, mode="timed" if notes is not None else "manual")
    for p in s.phases:
        p.status = "done"
        p.used_seconds = p.planned_seconds
        p.notes = (notes or {}).get(p.phase_id, "")
    s.state = "finished"
    record(store, s, scenario, RUBRIC, make_assessment(RUBRIC, scenario, scores, None, None, "file"), new=True)
    return s.id


def text(store: Store, catalogue: Catalogue, cache: Path) -> str:
    p = summarize(store, RUBRIC, suggested=lambda ss: catalogue_suggestions(catalogue, ss, cache=cache))
    buf = io.StringIO()
    print_progress(SafeConsole(file=buf, width=100, color_system=None, theme=THEME), p)
    return buf.getvalue()


def test_self_scores_against_the_notes_over_a_crafted_history(catalogue: Catalogue, tmp_path: Path) -> None:
    feed = catalogue.get("social-media-feed")
    cache = tmp_path / "evidence.json"
    with Store() as store:
        # three interviews with the same notes: trade-offs scored 5 each time, api design 1
        for _ in range(3):
            add(store, feed, {c: 5 if c == "trade_off_analysis" else 1 if c == "api_design" else 3 for c in CRITERION_IDS},
                {FANOUT: PUSH_AND_PULL})  # fmt: skip
        add(store, feed, {c: 5 for c in CRITERION_IDS}, None)  # no notes: not counted
        p = summarize(store, RUBRIC, suggested=lambda ss: catalogue_suggestions(catalogue, ss, cache=cache))
    cal = p.notes_calibration
    assert cal is not None and cal.interviews == 3 and cal.unread == 0
    rows = {r.criterion: r for r in cal.rows}
    trade, api = rows["trade_off_analysis"], rows["api_design"]
    assert trade.interviews == 3 and trade.tendency == "over" and trade.mean_difference > 1
    assert trade.sentence == f"you rate Trade-off Analysis {trade.mean_difference:.1f} above what your notes show (over 3 interviews)"
    # the feed's one API point (cursor pagination) is missed, so it suggests 1: a 1 is in line
    assert api.mean_difference == 0 and api.tendency == "calibrated"
    assert "clear_explanation" not in rows  # no key point names it
    summary = " ".join(cal.summary())
    assert "You rate Trade-off Analysis" in summary and "read the points your notes missed" in summary
    data = json.loads(json.dumps(p.to_dict()))
    notes = data["calibration_against_notes"]
    assert notes["against"] == "your notes" and "trade_off_analysis" in notes["over_rated"]
    assert data["calibration"]["against"] == "the document's candidate"


def test_both_sections_are_labelled_and_word_tendencies_alike(catalogue: Catalogue, tmp_path: Path) -> None:
    url = catalogue.get("url-shortener")  # the document scores its candidate: 4 on database design
    doc = url.evaluation.scores if url.evaluation else {}
    low = {c: max(1, doc.get(c, 3) - 2) for c in CRITERION_IDS}
    with Store() as store:
        for _ in range(2):
            add(store, url, low, {url.phases[0].id: "users shorten links"})
        out = text(store, catalogue, tmp_path / "evidence.json")
        p = summarize(store, RUBRIC, evaluations={"url-shortener": dict(doc)})
    assert AGAINST_NOTES in out and AGAINST_DOCUMENT in out
    assert "Calibration  your self-scores vs" not in out and "over-rate" not in out and "under-rate" not in out
    assert any(r.tendency == "under" for r in p.calibration.rows)
    page = html.unescape(to_html(build_progress_doc(p)))
    assert AGAINST_DOCUMENT in page
    plain = io.StringIO()
    print_progress(SafeConsole(file=plain, width=100, color_system=None, theme=THEME), p)
    for word in ("under",):
        assert TENDENCY_WORDS[word] in plain.getvalue() and TENDENCY_WORDS[word] in page
    assert "You rate yourself lower than the document's candidate on:" in plain.getvalue()
    assert "You rate yourself lower than the document's candidate on:" in page


def test_without_notes_the_section_says_how_to_get_them(catalogue: Catalogue, tmp_path: Path) -> None:
    with Store() as store:
        add(store, catalogue.get("chat-system"), {c: 4 for c in CRITERION_IDS}, None)
        out = " ".join(text(store, catalogue, tmp_path / "evidence.json").split())
    assert f"{AGAINST_NOTES} None of these interviews has notes to compare your scores with" in out
    assert "mockinterview run" in out


def test_each_interviews_notes_are_read_once(catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feed = catalogue.get("social-media-feed")
    cache = tmp_path / "evidence.json"
    calls: list[NotesSession] = []
    from mockinterview.progress import evidence

    real = evidence.suggested_scores

    def counting(coach: Coach, session: NotesSession) -> dict[str, int]:
        calls.append(session)
        return real(coach, session)

    monkeypatch.setattr(evidence, "suggested_scores", counting)
    with Store() as store:
        first = add(store, feed, {c: 4 for c in CRITERION_IDS}, {FANOUT: PUSH_AND_PULL})
        add(store, feed, {c: 4 for c in CRITERION_IDS}, {FANOUT: "hybrid fan-out"})
        one = summarize(store, RUBRIC, suggested=lambda ss: catalogue_suggestions(catalogue, ss, cache=cache))
        assert len(calls) == 2 and cache.exists()
        again = summarize(store, RUBRIC, suggested=lambda ss: catalogue_suggestions(catalogue, ss, cache=cache))
        assert len(calls) == 2  # both from the cache
        assert again.notes_calibration == one.notes_calibration
        s = store.get(first)  # changed notes are read again
        phase = next(p for p in s.phases if p.phase_id == FANOUT)
        phase.notes += "hybrid: push for most users, pull for celebrities\n"
        store.save_phase(s.id, phase)
        summarize(store, RUBRIC, suggested=lambda ss: catalogue_suggestions(catalogue, ss, cache=cache))
        assert [c.id for c in calls[2:]] == [first]


def test_the_window_is_the_newest_interviews_with_notes(catalogue: Catalogue) -> None:
    from mockinterview.progress.evidence import notes_calibration

    feed = catalogue.get("social-media-feed")
    seen: list[list[str]] = []

    def suggest(sessions: list[NotesSession]) -> dict[str, dict[str, int]]:
        seen.append([s.id for s in sessions])
        return {s.id: {"trade_off_analysis": 2} for s in sessions}

    with Store() as store:
        ids = [add(store, feed, {c: 4 for c in CRITERION_IDS}, {FANOUT: f"push {i}"}) for i in range(4)]
        add(store, feed, {c: 4 for c in CRITERION_IDS}, None)  # newest, but without notes
        cal = notes_calibration(store, RUBRIC, suggest, window=3)
    assert seen == [ids[:0:-1]]  # the three newest with notes, newest first
    assert cal.interviews == 3 and [r.criterion for r in cal.rows] == ["trade_off_analysis"]
    assert cal.rows[0].mean_difference == 2
