"""Progress, readiness, calibration, `next` and export/import, on crafted histories.

Every history is built through the Store API with controlled dates and scores; "now"
is fixed and the local time zone is UTC, so days, weeks and streaks are exact.
"""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from mockinterview import paths, progress, transfer
from mockinterview.content.catalogue import Catalogue
from mockinterview.content.loader import load_rubric
from mockinterview.interview.session import Assessment, EstimateAnswer, PhaseRecord, Session
from mockinterview.scoring.arithmetic import evaluate
from mockinterview.store import Store
from mockinterview.vocab import CRITERION_IDS

NOW = datetime(2024, 6, 15, 12, 0, tzinfo=UTC)  # a Saturday
RUBRIC = load_rubric()


@pytest.fixture(autouse=True)
def utc_local_time():
    """Local time = UTC, so SQLite's 'localtime' and Python's astimezone() agree with the test."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture
def store():
    with Store() as s:
        yield s


def scores(base: int = 3, **over: int) -> dict[str, int]:
    out = {c: base for c in CRITERION_IDS}
    out.update(over)
    return out


def add(
    store: Store,
    sid: str,
    *,
    days_ago: float,
    scenario: str = "url-shortener",
    level: str = "entry",
    marks: dict[str, int] | None = None,
    timed: bool = False,
    phases: list[tuple[str, float, float]] | None = None,
    rescored_from: dict[str, int] | None = None,
    estimates: list[EstimateAnswer] | None = None,
) -> Session:
    """One interview ``days_ago`` days before NOW, scored with ``marks`` (all 15 criteria)."""
    started = NOW - timedelta(days=days_ago)
    recs = [
        PhaseRecord(
            index=i, phase_id=f"p{i}", kind=kind, title=kind.replace("_", " ").title(),
            planned_seconds=planned * 60, used_seconds=used * 60, notes=f"notes {i} of {sid}",
            status="done" if timed else "pending",
            started_at=started if timed else None, ended_at=started + timedelta(minutes=used) if timed else None,
        )
        for i, (kind, planned, used) in enumerate(phases or [("requirements", 5, 0), ("high_level_design", 10, 0)])
    ]
    session = Session(
        id=sid, scenario_id=scenario, scenario_title=f"Design {scenario}", level=level, focus="general",
        mode="timed" if timed else "manual", state="finished", started_at=started,
        planned_minutes=sum(p.planned_seconds for p in recs) / 60, phases=recs, settings={"speed": 1.0},
        ended_at=started + timedelta(minutes=50),
    )
    store.create(session)
    for i, m in enumerate([rescored_from, marks or scores()]):
        if m is None:
            continue
        core = {c: m[c] for c in CRITERION_IDS}
        result = evaluate(RUBRIC, core)
        summary = {k: result.to_dict()[k] for k in ("score_50", "percent_50", "label_50", "total_100", "verdict")}
        assessment = Assessment(
            scores=dict(m), bands={b.band.id: b.points for b in result.bands},
            checklist={"strong_indicators": ["asked about scale"], "concerns": []}, source="file",
            created_at=started + timedelta(hours=1, minutes=i),
        )
        store.add_assessment(sid, assessment, summary=summary)
    if estimates:
        store.save_estimates(sid, estimates)
    return session


def summarize(store: Store, **kw: Any) -> progress.Progress:
    return progress.summarize(store, RUBRIC, now=NOW, **kw)


# ----------------------------------------------------------------------------------
# small pieces
# ----------------------------------------------------------------------------------


def test_sparkline_uses_a_fixed_scale_and_marks_gaps() -> None:
    assert progress.sparkline([1, 5, None, 3]) == "▁█·▅"
    assert progress.sparkline([10, 50], 10, 50) == "▁█"
    assert progress.sparkline([4, 4, 4]) == "▆▆▆"  # flat and high stays high


def test_priority_formula() -> None:
    assert progress.priority(2.0, 0) == pytest.approx(3.0)
    assert progress.priority(2.5, 21) == pytest.approx(2.5 * 4)
    assert progress.priority(2.0, 400) == progress.priority(2.0, 28)  # capped
    assert progress.priority(5.0, 10) == 0.0


def test_pass_marks_come_from_the_rubric() -> None:
    assert progress.pass_marks(RUBRIC) == (70.0, 85.0)
    assert progress.verdict_for(RUBRIC, 69.9) == "Weak Pass"
    assert progress.verdict_for(RUBRIC, 85) == "Strong Pass"


# ----------------------------------------------------------------------------------
# the summary
# ----------------------------------------------------------------------------------


def test_empty_history(store: Store) -> None:
    p = summarize(store)
    assert p.empty and p.scored_all == 0 and p.trend is None
    assert [r.status for r in p.readiness] == ["not_enough_data"] * 4  # entry, mid, senior, staff
    assert p.to_dict()["recent"] == []


def test_averages_recent_and_groupings(store: Store) -> None:
    add(store, "aaa001", days_ago=5, marks=scores(3))  # 30/50, 60/100
    add(store, "aaa002", days_ago=4, marks=scores(4))  # 40/50, 80/100
    add(store, "aaa003", days_ago=3, scenario="chat-system", level="mid", marks=scores(5))  # 50, 100
    p = summarize(store)
    assert p.scored == 3
    assert p.score_50 == pytest.approx(40.0) and p.total_100 == pytest.approx(80.0)
    assert p.verdict == "Pass"
    assert [r.id for r in p.recent] == ["aaa003", "aaa002", "aaa001"]
    assert [(a.key, a.interviews, a.score_50) for a in p.by_level] == [("entry", 2, 35.0), ("mid", 1, 50.0)]
    assert [(a.key, a.interviews) for a in p.by_scenario] == [("url-shortener", 2), ("chat-system", 1)]
    assert p.by_scenario[0].total_100 == pytest.approx(70.0) and p.by_scenario[0].verdict == "Pass"
    d = p.to_dict()
    assert d["averages"]["by_level"][1] == {"level": "mid", "interviews": 1, "score_50": 50.0, "total_100": 100.0, "verdict": "Strong Pass"}


def test_recent_is_the_last_ten_and_filters_narrow(store: Store) -> None:
    for i in range(12):
        add(store, f"rec{i:03d}", days_ago=30 - i, scenario="chat-system" if i % 2 else "url-shortener")
    p = summarize(store)
    assert len(p.recent) == 10 and p.recent[0].id == "rec011"
    since = (NOW - timedelta(days=22)).date()
    q = summarize(store, since=since, scenario="chat-system")
    assert q.scored == 2  # rec008..rec011 are on or after `since`; the odd ones are chat-system
    assert all(r.scenario_id == "chat-system" for r in q.recent)
    assert all(r.started_at.date() >= since for r in q.recent)
    assert q.scored_all == 12


def test_trend_per_interview(store: Store) -> None:
    for i, v in enumerate([1, 2, 3, 5]):
        add(store, f"trd{i:03d}", days_ago=10 - i, marks=scores(3, database_design=v, api_design=6 - v if v < 5 else 1))
    t = summarize(store).trend
    assert t is not None and t.unit == "interview"
    assert t.criteria["database_design"] == [1, 2, 3, 5]
    assert t.labels == ["2024-06-05", "2024-06-06", "2024-06-07", "2024-06-08"]
    assert progress.sparkline(t.criteria["database_design"]) == "▁▃▅█"
    tech = [c for c in CRITERION_IDS[:5]]
    assert t.groups["technical"][0] == pytest.approx(sum(scores(3, database_design=1, api_design=5)[c] for c in tech) / 5)


def test_trend_per_week_beyond_24_interviews(store: Store) -> None:
    # 30 interviews, three a week over ten weeks; database_design climbs week by week
    for i in range(30):
        week = i // 3
        add(store, f"wk{i:04d}", days_ago=7 * (9 - week) + (i % 3), marks=scores(3, database_design=1 + week // 3))
    t = summarize(store).trend
    assert t is not None and t.unit == "week"
    assert all(date.fromisoformat(lab).weekday() == 0 for lab in t.labels)  # Mondays
    assert sum(t.interviews) == 30
    series = [x for x in t.criteria["database_design"] if x is not None]
    assert series == sorted(series) and series[0] == 1 and series[-1] == 4


def test_strengths_and_weaknesses_must_hold_across_interviews(store: Store) -> None:
    add(store, "sw0001", days_ago=4, marks=scores(3, problem_clarification=5, edge_cases=1, api_design=5))
    add(store, "sw0002", days_ago=3, marks=scores(3, problem_clarification=5, edge_cases=2, api_design=1))
    add(store, "sw0003", days_ago=2, marks=scores(3, problem_clarification=4, edge_cases=1, api_design=5))
    p = summarize(store)
    assert [c.criterion for c in p.strengths] == ["problem_clarification"]  # api_design: 5, 1, 5 is not consistent
    assert p.strengths[0].average == pytest.approx(14 / 3)
    weak = [c.criterion for c in p.weaknesses]
    assert weak[0] == "edge_cases" and "api_design" not in weak
    assert set(weak) == {"edge_cases"} | {c for c in CRITERION_IDS if c not in ("problem_clarification", "edge_cases", "api_design")}


def test_pacing_over_timed_interviews(store: Store) -> None:
    add(store, "pc0001", days_ago=3, timed=True, phases=[("requirements", 5, 7), ("high_level_design", 10, 9)])
    add(store, "pc0002", days_ago=2, timed=True, phases=[("requirements", 5, 8), ("high_level_design", 10, 12)])
    add(store, "pc0003", days_ago=1, phases=[("requirements", 5, 0), ("high_level_design", 10, 0)])  # manual
    pace = summarize(store).pacing
    assert pace.interviews == 2
    by = {p.kind: p for p in pace.phases}
    assert [p.kind for p in pace.phases] == ["requirements", "high_level_design"]
    assert by["requirements"].actual_minutes == pytest.approx(7.5)
    assert by["requirements"].difference_minutes == pytest.approx(2.5) and by["requirements"].over == 2
    assert by["high_level_design"].over == 1
    assert pace.average_overrun_minutes == pytest.approx(((16 - 15) + (20 - 15)) / 2)
    assert pace.over_interviews == 2


def test_practice_calendar_and_streaks(store: Store) -> None:
    for i, d in enumerate([0, 1, 2, 40, 41, 42, 43, 44, 60]):
        add(store, f"day{i:03d}", days_ago=d)
    add(store, "day999", days_ago=1.1)  # a second interview yesterday
    pr = summarize(store).practice
    assert pr.current_streak == 3
    assert pr.longest_streak == 5 and pr.longest_from == date(2024, 5, 2) and pr.longest_to == date(2024, 5, 6)
    assert pr.first_day == date(2024, 4, 22)  # the Monday seven weeks before this week's
    assert date(2024, 6, 15) in pr.days and date(2024, 4, 16) not in pr.days  # 60 days ago: outside
    assert pr.interviews_in_window == 9


def test_current_streak_survives_until_the_end_of_today(store: Store) -> None:
    add(store, "st0001", days_ago=1)
    add(store, "st0002", days_ago=2)
    assert summarize(store).practice.current_streak == 2  # not practised today yet: still alive
    assert progress.practice(store, now=NOW + timedelta(days=1)).current_streak == 0


# ----------------------------------------------------------------------------------
# readiness
# ----------------------------------------------------------------------------------


def test_readiness_ready_not_yet_and_not_enough_data(store: Store) -> None:
    # entry: 80, 80, 100 -> 86.7 Strong Pass
    add(store, "en0001", days_ago=9, marks=scores(4))
    add(store, "en0002", days_ago=8, marks=scores(4, api_design=2))
    add(store, "en0003", days_ago=7, marks=scores(5))
    add(store, "en0000", days_ago=20, marks=scores(1))  # older than the last three: ignored
    # mid: 60, 60, 80 -> 66.7 Weak Pass
    add(store, "md0001", days_ago=6, scenario="chat-system", level="mid", marks=scores(3, database_design=2))
    add(store, "md0002", days_ago=5, scenario="chat-system", level="mid", marks=scores(3, database_design=3))
    add(store, "md0003", days_ago=4, scenario="social-media-feed", level="mid", marks=scores(4, database_design=3))
    # senior: one
    add(store, "sn0001", days_ago=3, scenario="global-cdn", level="senior", marks=scores(5))
    r = {x.level: x for x in progress.readiness(store, RUBRIC)}
    assert r["entry"].status == "ready" and r["entry"].strong and r["entry"].label == "ready (strong)"
    assert r["entry"].average_100 == pytest.approx((80 + 80 + 100) / 3, abs=2)
    assert r["entry"].weakest == "api_design"
    assert r["mid"].status == "not_yet" and r["mid"].verdict == "Weak Pass"
    assert r["mid"].weakest == "database_design" and r["mid"].weakest_average == pytest.approx(8 / 3)
    assert "last 3 mid interviews" in r["mid"].reason and "below Pass" in r["mid"].reason
    # compared unrounded, "n of m", and the criterion by its name
    assert "average 65.3/100 (Weak Pass), 4.7 under the Pass mark of 70; 2 of 3 below Pass" in r["mid"].reason
    assert "weakest: Database Design 2.7" in r["mid"].reason and "database_design" not in r["mid"].reason
    assert r["mid"].below == 2 and r["mid"].advice == "Work on Database Design: mockinterview next --level mid"
    assert r["entry"].advice == "Move up a level: mockinterview next --level mid"
    assert r["senior"].status == "not_enough_data" and r["senior"].needed == 2
    assert r["senior"].reason == "2 more senior interviews needed (you have 1; readiness looks at the last 3)"


def test_readiness_plain_pass(store: Store) -> None:
    for i in range(3):
        add(store, f"ps{i:04d}", days_ago=i + 1, scenario="chat-system", level="mid", marks=scores(4))
    mid = next(x for x in progress.readiness(store, RUBRIC) if x.level == "mid")
    assert mid.status == "ready" and not mid.strong and mid.verdict == "Pass" and mid.label == "ready"


# ----------------------------------------------------------------------------------
# calibration
# ----------------------------------------------------------------------------------


def test_calibration_over_and_under_rating(store: Store) -> None:
    doc = Catalogue().get("url-shortener").evaluation.scores  # api_design 3, problem_clarification 5, ...
    assert doc["api_design"] == 3 and doc["problem_clarification"] == 5
    add(store, "cal001", days_ago=3, marks=scores(4, api_design=5, problem_clarification=3))
    add(store, "cal002", days_ago=2, marks=scores(4, api_design=4, problem_clarification=4))
    add(store, "cal003", days_ago=1, scenario="social-media-feed", level="mid", marks=scores(1))  # no evaluation
    cal = summarize(store, evaluations=lambda ids: progress.catalogue_evaluations(Catalogue(), ids)).calibration
    assert cal.interviews == 2 and cal.scenarios == ["url-shortener"]
    rows = {r.criterion: r for r in cal.rows}
    assert rows["api_design"].mean_difference == pytest.approx(1.5) and rows["api_design"].tendency == "over"
    assert rows["problem_clarification"].mean_difference == pytest.approx(-1.5)
    assert rows["problem_clarification"].tendency == "under"
    assert rows["system_design_knowledge"].tendency == "calibrated"  # 4 vs 4
    assert "handles_scale" not in rows  # the document does not score it
    assert [r.criterion for r in cal.over] == ["api_design", "trade_off_analysis"]  # 4 vs the document's 3
    assert cal.gap_labels == ["2024-06-12", "2024-06-13"] and len(cal.gap_trend) == 2
    d = cal.to_dict()
    assert d["over_rated"] == ["api_design", "trade_off_analysis"] and "problem_clarification" in d["under_rated"]


def test_calibration_needs_two_interviews_for_a_tendency(store: Store) -> None:
    add(store, "one001", days_ago=1, marks=scores(4, api_design=5))
    cal = summarize(store, evaluations={"url-shortener": {"api_design": 3}}).calibration
    assert [(r.criterion, r.tendency) for r in cal.rows] == [("api_design", "too_few")]


def test_quick_evaluations_match_full_scenario_loads() -> None:
    cat = Catalogue()
    quick = progress.catalogue_evaluations(cat, ["url-shortener", "chat-system", "social-media-feed", "nope"])
    full = progress.evaluations_for([Catalogue().get("url-shortener"), Catalogue().get("chat-system")])
    assert quick == full  # social-media-feed has no evaluation; unknown ids are skipped
    ids = [s.id for s in progress.catalogue_scenarios(cat)]
    assert ids == sorted(Catalogue().ids())


# ----------------------------------------------------------------------------------
# what next
# ----------------------------------------------------------------------------------


def fake(sid: str, level: str, mistakes: list[list[str]], notes: tuple[str, ...] = (), minutes: int = 45) -> Any:
    return SimpleNamespace(
        id=sid, title=f"Design {sid}", level=level, minutes=minutes,
        common_mistakes=[SimpleNamespace(title=f"{sid} mistake {i}", criteria=c) for i, c in enumerate(mistakes)],
        rubric=SimpleNamespace(notes={n: f"{sid} note on {n}" for n in notes}),
        phases=[SimpleNamespace(title="Design")], evaluation=None,
    )


def test_next_with_no_history_recommends_url_shortener(store: Store) -> None:
    rec = progress.recommend(store, RUBRIC, progress.catalogue_scenarios(Catalogue()), now=NOW)
    assert not rec.has_history and rec.level == "entry"
    assert rec.scenario is not None and rec.scenario.id == "url-shortener"
    assert rec.command == "mockinterview run url-shortener"
    assert any("No scored interviews yet" in line for line in rec.explanation)
    senior = progress.recommend(store, RUBRIC, progress.catalogue_scenarios(Catalogue()), level="senior", now=NOW)
    assert senior.scenario is not None and senior.scenario.level == "senior"


def test_next_focuses_on_the_weakest_and_picks_a_scenario_that_tests_them(store: Store) -> None:
    for i, sc in enumerate(["chat-system", "chat-system", "social-media-feed"]):  # not ready at mid yet
        add(store, f"nx{i:04d}", days_ago=3 - i, scenario=sc, level="mid", marks=scores(3, database_design=2, edge_cases=2 + (i == 0)))
    rec = progress.recommend(store, RUBRIC, progress.catalogue_scenarios(Catalogue()), now=NOW)
    assert rec.has_history and rec.level == "mid"
    assert rec.focus[0].criterion == "database_design" and rec.focus[1].criterion == "edge_cases"
    assert rec.focus[0].average == 2.0 and rec.focus[0].priority > rec.focus[1].priority
    assert rec.scenario is not None and rec.scenario.level == "mid"
    assert "database_design" in rec.scenario.covers
    text = " ".join(rec.explanation)
    assert "Target level: mid, the level of your latest scored interview" in text
    assert f"Next: {rec.scenario.id}, a mid-level scenario" in text
    assert "priority = (5 - average recent score) x (1 + min(days since practised, 28) / 7)" in text
    assert rec.focus[0].in_scenario  # what the chosen scenario says about it
    d = rec.to_dict()
    assert d["scenario"]["id"] == rec.scenario.id and d["focus"][0]["criterion"] == "database_design"


def test_next_weighs_time_since_practice(store: Store) -> None:
    cat = [
        fake("drills-x", "mid", [["database_design"], ["database_design"]]),
        fake("drills-y", "mid", [["edge_cases"]], notes=("edge_cases",)),
    ]
    # database_design is weaker, but drilled today; edge_cases was last drilled three weeks ago
    add(store, "tw0001", days_ago=21, scenario="drills-y", level="mid", marks=scores(4, database_design=2, edge_cases=2))
    add(store, "tw0002", days_ago=0.1, scenario="drills-x", level="mid", marks=scores(4, database_design=2, edge_cases=3))
    rec = progress.recommend(store, RUBRIC, cat, now=NOW)
    by = {f.criterion: f for f in rec.focus}
    assert by["database_design"].average == 2.0 and by["database_design"].days == 0
    assert by["edge_cases"].average == 2.5 and by["edge_cases"].days == 21
    assert rec.focus[0].criterion == "edge_cases"  # 2.5 x (1 + 21/7) = 10 beats 3.0 x 1
    assert rec.focus[0].priority == pytest.approx(10.0)
    assert rec.scenario is not None and rec.scenario.id == "drills-y"
    assert "you last did it 21 days ago" in " ".join(rec.explanation)


def test_next_prefers_a_scenario_not_done_lately(store: Store) -> None:
    cat = [fake("alpha", "mid", [["database_design"]]), fake("beta", "mid", [["database_design"]])]
    add(store, "fr0001", days_ago=0.1, scenario="alpha", level="mid", marks=scores(4, database_design=1))
    rec = progress.recommend(store, RUBRIC, cat, now=NOW)
    assert rec.scenario is not None and rec.scenario.id == "beta"
    assert rec.scenario.days_since_done is None and "you have not done it yet" in " ".join(rec.explanation)
    assert [a.id for a in rec.alternatives] == ["alpha"]


def test_next_falls_back_to_the_nearest_level(store: Store) -> None:
    cat = [fake("easy", "entry", [["api_design"]]), fake("hard", "senior", [["api_design"]])]
    add(store, "lv0001", days_ago=1, scenario="easy", level="entry", marks=scores(4, api_design=2))
    rec = progress.recommend(store, RUBRIC, cat, level="mid", now=NOW)
    assert rec.level == "mid" and rec.scenario is not None and rec.scenario.id == "easy"
    assert "the catalogue has none at mid" in " ".join(rec.explanation)


def test_next_moves_up_a_level_when_ready(store: Store) -> None:
    for i in range(3):
        add(store, f"rd{i:04d}", days_ago=i + 1, marks=scores(5, innovation=4))
    rec = progress.recommend(store, RUBRIC, progress.catalogue_scenarios(Catalogue()), now=NOW)
    assert rec.level == "mid" and rec.scenario is not None and rec.scenario.level == "mid"
    assert rec.level_reason.startswith("up from entry: readiness says you are ready at entry (average ")
    assert "use --level entry to stay" in rec.level_reason
    # asked for entry, it stays there and says how to stretch
    stay = progress.recommend(store, RUBRIC, progress.catalogue_scenarios(Catalogue()), level="entry", now=NOW)
    assert stay.level == "entry" and stay.readiness is not None and stay.readiness.status == "ready"
    assert any("mockinterview next --level mid" in line for line in stay.explanation)


def test_next_varies_a_scenario_done_much_more_than_the_others(store: Store) -> None:
    cat = [
        fake("only-entry", "entry", [["database_design"]]),
        fake("mid-one", "mid", [["database_design"]]),
        fake("mid-two", "mid", [["api_design"]]),
    ]
    for i in range(4):  # four weak entry interviews, all of the only entry scenario: not ready
        add(store, f"va{i:04d}", days_ago=20 - i, scenario="only-entry", marks=scores(2, database_design=1))
    rec = progress.recommend(store, RUBRIC, cat, now=NOW)
    assert rec.level == "entry" and rec.scenario is not None and rec.scenario.id == "mid-one"
    only = next(c for c in [rec.scenario, *rec.alternatives] if c.id == "only-entry")
    assert only.variety == pytest.approx(1 / 3)  # done 4 more times than the least-done: 1 / (1 + 4/2)
    assert any("You have done only-entry 4 times and it is the only entry scenario" in line for line in rec.explanation)


# ----------------------------------------------------------------------------------
# export / import
# ----------------------------------------------------------------------------------


def rich_history(store: Store) -> None:
    add(
        store, "ex0001", days_ago=3, timed=True, phases=[("requirements", 5, 6.5), ("estimation", 5, 4)],
        rescored_from=scores(2), marks={**scores(4), "ml_pipeline_design": 3},
        estimates=[
            EstimateAnswer("write_qps", "Write QPS", "per_second", 1200.0, 1157.0, "on_target"),
            EstimateAnswer("storage", "Storage", "bytes", None, 9.1e13, None),
        ],
    )
    add(store, "ex0002", days_ago=2, scenario="chat-system", level="mid", marks=scores(3))
    s = Session(
        id="ex0003", scenario_id="global-cdn", scenario_title="Design a CDN — “quoted”", level="senior",
        focus="distributed", mode="timed", state="in_progress", started_at=NOW - timedelta(days=1),
        planned_minutes=60, phases=[PhaseRecord(0, "open", "opening", "Opening", 300, 12.5, 120, "ünïcode\nnotes", "active", NOW, None)],
        settings={"draft": {"scores": {"api_design": 3}}}, current_phase=0,
    )
    store.create(s)  # unscored, unfinished


def export_text(home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    with Store() as st:
        return "".join(line + "\n" for line in transfer.export_lines(st))


def test_export_import_round_trip_preserves_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first_home = tmp_path / "one"
    monkeypatch.setenv(paths.HOME_ENV, str(first_home))
    with Store() as st:
        rich_history(st)
        result = transfer.export(st, tmp_path / "out.jsonl")
    assert (result.sessions, result.assessments) == (3, 3)
    text = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    lines = [json.loads(x) for x in text.splitlines()]
    assert all(x["format"] == "mockinterview-session" and x["version"] == 1 for x in lines)
    first = lines[0]
    assert [a["current"] for a in first["assessments"]] == [False, True]
    assert first["assessments"][1]["scores"]["ml_pipeline_design"] == 3
    assert first["phases"][0]["notes"] == "notes 0 of ex0001" and first["phases"][0]["used_seconds"] == 390
    assert first["estimates"][1] == {"figure": "storage", "label": "Storage", "unit": "bytes", "answer": None, "reference": 9.1e13, "grade": None}

    second_home = tmp_path / "two"
    monkeypatch.setenv(paths.HOME_ENV, str(second_home))
    with Store() as st:
        imported = transfer.import_file(st, tmp_path / "out.jsonl")
        assert (imported.imported, imported.skipped) == (3, 0)
        again = st.get("ex0001")
        first_record = next(r for r in st.records() if r["session"]["id"] == "ex0001")
        assert [a["scores"]["database_design"] for a in first_record["assessments"]] == [2, 4]
    assert export_text(second_home, monkeypatch) == text
    assert again.assessment is not None and again.estimates[0].answer == 1200.0


def test_import_twice_adds_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "src"))
    with Store() as st:
        rich_history(st)
        transfer.export(st, tmp_path / "out.jsonl")
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "dst"))
    with Store() as st:
        assert transfer.import_file(st, tmp_path / "out.jsonl").imported == 3
        second = transfer.import_file(st, tmp_path / "out.jsonl")
        assert (second.imported, second.skipped, sorted(second.skipped_ids)) == (0, 3, ["ex0001", "ex0002", "ex0003"])
        assert st.count() == 3
        assert sum(len(r["assessments"]) for r in st.records()) == 3


def test_a_bad_line_names_its_line_and_field_and_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "src"))
    with Store() as st:
        rich_history(st)
        transfer.export(st, tmp_path / "out.jsonl")
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[1])
    bad["assessments"][0]["scores"]["api_design"] = 7
    lines[1] = json.dumps(bad)
    (tmp_path / "bad.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "dst"))
    with Store() as st:
        with pytest.raises(transfer.ImportFileError) as err:
            transfer.import_file(st, tmp_path / "bad.jsonl")
        assert f"{tmp_path / 'bad.jsonl'}:2: assessments[0].scores.api_design" in err.value.message
        assert "from 1 to 5, got 7" in err.value.message
        assert err.value.hint is not None and "Nothing was imported" in err.value.hint
        assert st.count() == 0


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("{not json", ":1: not valid JSON"),
        ('{"format": "something-else", "version": 1}', ":1: format: expected 'mockinterview-session'"),
        ('{"format": "mockinterview-session", "version": 2}', ":1: version: this mockinterview reads version 1"),
        ('{"format": "mockinterview-session", "version": 1, "session": {}, "phases": [], "assessments": [], "estimates": []}', ":1: session.id: missing"),
    ],
)
def test_invalid_lines(tmp_path: Path, line: str, expected: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(transfer.ImportFileError) as err:
        transfer.parse(path)
    assert expected in err.value.message


def test_a_duplicate_id_in_the_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store() as st:
        add(st, "dup001", days_ago=1)
        line = next(iter(transfer.export_lines(st)))
    path = tmp_path / "dup.jsonl"
    path.write_text(f"{line}\n\n{line}\n", encoding="utf-8")  # blank lines are fine
    with pytest.raises(transfer.ImportFileError) as err:
        transfer.parse(path)
    assert ":3: session.id: 'dup001' appears twice in this file (first on line 1)" in err.value.message


def test_exactly_one_current_assessment(tmp_path: Path) -> None:
    with Store() as st:
        add(st, "cur001", days_ago=1, rescored_from=scores(2))
        record = next(iter(transfer.records(st)))
    for a in record["assessments"]:
        a["current"] = True
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(transfer.ImportFileError, match="exactly one assessment must be current, found 2"):
        transfer.parse(path)


def test_evaluations_are_cached_and_refreshed_when_the_file_changes(scenario_copy, tmp_path: Path) -> None:
    path = scenario_copy("url-shortener")
    cat = Catalogue([path.parent])
    cache = tmp_path / "evaluations.json"
    first = progress.catalogue_evaluations(cat, ["url-shortener"], cache=cache)
    assert first["url-shortener"]["api_design"] == 3 and cache.is_file()
    assert progress.catalogue_evaluations(Catalogue([path.parent]), ["url-shortener"], cache=cache) == first
    text = path.read_text(encoding="utf-8")
    start = text.index("\nevaluation:")
    head, tail = text[:start], text[start:]
    path.write_text(head + tail.replace("api_design: 3", "api_design: 5  # re-marked", 1), encoding="utf-8")
    again = progress.catalogue_evaluations(Catalogue([path.parent]), ["url-shortener"], cache=cache)
    assert again["url-shortener"]["api_design"] == 5


def test_views_fit_80_columns_with_long_names(store: Store) -> None:
    import io

    from rich.console import Console

    from mockinterview.ui.console import THEME
    from mockinterview.ui.progress_view import print_next, print_progress

    long_id = "a-very-long-scenario-identifier-that-goes-on-and-on"
    for i in range(4):
        add(store, f"ln{i:04d}", days_ago=i, scenario=long_id, level="senior", marks=scores(2, scalability_understanding=1),
            timed=True, phases=[("high_level_design", 10, 14)])
    cat = [fake(long_id, "senior", [["scalability_understanding"], ["operational_awareness"]], notes=("scalability_understanding",))]
    cat[0].title = "An extremely long title for a scenario that nobody would ever want to type twice"
    out = Console(file=io.StringIO(), width=80, theme=THEME, no_color=True)
    print_progress(out, summarize(store))
    print_next(out, progress.recommend(store, RUBRIC, cat, now=NOW))
    text = out.file.getvalue()
    assert "Next: a-very-long-scenario-identifier" in text and "Scalability Understanding" in text
    assert max(len(line) for line in text.splitlines()) <= 80
