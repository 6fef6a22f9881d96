"""Numbers in notes: found, attached to the estimation's figures, graded like the drill."""

from __future__ import annotations

import json

import pytest
from coach_fixture import ESTIMATION, SCENARIO

from mockinterview.coach.engine import Coach
from mockinterview.coach.figures import FigureCheck, FigureMatcher
from mockinterview.coach.matcher import Vocabulary, numbered
from mockinterview.content.coaching import FigureTarget
from mockinterview.content.scenario import Unit

NOTES = """\
tweets: 100M/day -> ~1.2K/s avg, peak 3.6K/s
storage: 100M * 1KB = 100GB/day
reads: 2B/day ~23K/s, peak ~70K/s
fan-out: 1.2K * 200 = 240K writes/s
"""


def check(notes: str) -> FigureCheck:
    result = Coach(SCENARIO).check_figures(notes)
    assert result is not None
    return result


def test_estimation_notes_prefill_every_figure() -> None:
    result = check(NOTES)
    assert {k: (ev.quantity.written, ev.quantity.line, ev.grade.value) for k, ev in result.evidence.items()} == {
        "tweets_per_second": ("~1.2K/s", 1, "on_target"),
        "peak_tweets_per_second": ("3.6K/s", 1, "on_target"),
        "daily_storage": ("100GB/day", 2, "on_target"),
        "timeline_requests_per_day": ("2B/day", 3, "on_target"),
        "avg_timeline_rps": ("~23K/s", 3, "on_target"),
        "fanout_writes_per_second": ("240K writes/s", 4, "on_target"),
    }
    assert result.answers == {
        "tweets_per_second": 1200.0,
        "peak_tweets_per_second": 3600.0,
        "daily_storage": 100e9,
        "timeline_requests_per_day": 2e9,
        "avg_timeline_rps": 23000.0,
        "fanout_writes_per_second": 240000.0,
    }
    assert [q.written for q in result.unattached] == ["100M/day", "100M", "1KB", "~70K/s", "1.2K", "200"]


def test_the_result_is_graded_like_the_drill() -> None:
    result = check(NOTES)
    summary = result.to_dict()["result"]["summary"]
    assert summary == {"asked": 6, "answered": 6, "on_target": 6, "order_of_magnitude": 0, "off": 0, "skipped": 0}
    assert result.to_dict()["result"]["suggested_scalability"] == 5
    json.dumps(result.to_dict())  # JSON-able as it is


@pytest.mark.parametrize(
    ("line", "name", "value", "grade"),
    [
        ("write QPS ~1.2K/s", "tweets_per_second", 1200.0, "on_target"),
        ("2,400 peak", "peak_tweets_per_second", 2400.0, "on_target"),
        ("~23k req/s", "avg_timeline_rps", 23000.0, "on_target"),
        ("2B timeline requests/day", "timeline_requests_per_day", 2e9, "on_target"),
        ("storage 91TB", "daily_storage", 91e12, "off"),
        ("about 1,157 tweets per second", "tweets_per_second", 1157.0, "on_target"),
        # a wrong number is graded where it belongs, never moved to a figure it happens to fit
        ("fan-out writes 2,400/s", "fanout_writes_per_second", 2400.0, "off"),
        ("fan-out: 1.2K * 200 = 24K writes/s", "fanout_writes_per_second", 24000.0, "order_of_magnitude"),
    ],
)
def test_one_line(line: str, name: str, value: float, grade: str) -> None:
    result = check(line)
    assert list(result.evidence) == [name]
    ev = result.evidence[name]
    assert (ev.value, ev.grade.value) == (value, grade)


@pytest.mark.parametrize(
    "line",
    [
        "1200",  # a bare number with no word of any figure
        "shard into 64 shards",
        "v1.2 of the api, s3 buckets, k8s",
        "timeline reads must be under 200ms",
    ],
)
def test_numbers_that_state_no_figure(line: str) -> None:
    assert check(line).evidence == {}


def test_a_rate_never_states_a_byte_figure() -> None:
    result = check("daily storage 1.2K/s")
    assert "daily_storage" not in result.evidence


def test_a_later_line_corrects_an_earlier_one() -> None:
    result = check("tweets per second ~1K\ntweets per second: 1,157 exactly")
    assert result.evidence["tweets_per_second"].quantity.line == 2


def test_spans_point_at_the_number() -> None:
    result = check("write QPS ~1.2K/s")
    q = result.evidence["tweets_per_second"].quantity
    assert q.text[q.span[0] : q.span[1]] == "~1.2K/s"


def test_figure_key_points_are_covered_by_an_on_target_number() -> None:
    coach = Coach(SCENARIO)
    checklist = coach.check_phase("capacity-estimation", "tweets: 100M/day -> ~1.2K/s avg, peak 3.6K/s")
    write = checklist.item("write-qps")
    assert write.detected
    assert [(m.route, m.phrase, m.line, [m.text[a:b] for a, b in m.spans]) for m in write.evidence] == [
        ("figure", "tweets_per_second ≈ 1,157/s", 1, ["~1.2K/s"]),
    ]
    peak = checklist.item("peak-value")  # a value figure: 3,500/s
    assert peak.detected and peak.evidence[0].phrase == "≈ 3,500/s"
    assert not checklist.item("storage").detected


def test_an_off_number_does_not_cover_its_point() -> None:
    checklist = Coach(SCENARIO).check_phase("capacity-estimation", "storage 91TB")
    assert not checklist.item("storage").detected


def test_without_an_estimation_only_value_targets_are_read() -> None:
    matcher = FigureMatcher(Vocabulary(), None)
    finder = matcher.finder(None)
    lines = numbered("peak around 3.4K/s")
    hit = finder(FigureTarget(value=3500, unit=Unit.per_second), lines)
    assert hit is not None and hit.line == 1
    assert finder(FigureTarget(name="tweets_per_second"), lines) is None
    with pytest.raises(ValueError):
        matcher.check(lines)


def test_key_point_terms_are_the_figures_aliases() -> None:
    # "write qps" is a term of the write-qps point, which names tweets_per_second:
    # without it, "write" would pull the number towards the fan-out writes.
    plain = FigureMatcher(Vocabulary(), ESTIMATION).check(numbered("write QPS ~1.2K/s"))
    assert list(plain.evidence) == ["fanout_writes_per_second"]
    assert list(check("write QPS ~1.2K/s").evidence) == ["tweets_per_second"]


@pytest.mark.parametrize("scenario_id", ["url-shortener", "social-media-feed", "chat-system", "recommendation-system"])
def test_the_documents_own_calculations_prefill_the_drill(scenario_id: str) -> None:
    """The estimation phase's reference blocks (the seed documents' worked numbers) fill
    every figure of the scenario, each on target."""
    from mockinterview.content.catalogue import Catalogue

    scenario = Catalogue().get(scenario_id)
    assert scenario.estimation is not None
    phase = next(p for p in scenario.phases if p.kind == "estimation")
    # the document's own blocks and figures: content written for this coach (derived) is not the document's
    text = "\n".join(b.code or b.text or "\n".join(b.items) for b in phase.reference if not b.derived)
    result = Coach(scenario).check_figures(text)
    assert result is not None
    figures = [f for f in scenario.estimation.figures if not f.derived]
    grades = {f.name: (result.evidence[f.name].grade.value if f.name in result.evidence else None) for f in figures}
    assert grades == {f.name: "on_target" for f in figures}


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ("100M tweets/day -> write QPS ~1.2K/s, peak 3.6K/s", {"tweets_per_second": "~1.2K/s", "peak_tweets_per_second": "3.6K/s"}),
        ("write QPS ~1.2K/s, peak write QPS ~3.6K/s", {"tweets_per_second": "~1.2K/s", "peak_tweets_per_second": "~3.6K/s"}),
        ("peak write QPS 3.6K/s", {"peak_tweets_per_second": "3.6K/s"}),
        ("1.2K writes/s, fanout 240K/s", {"tweets_per_second": "1.2K writes/s", "fanout_writes_per_second": "240K/s"}),
        ("fan-out writes: 1.2K * 200 = 240K writes/s", {"fanout_writes_per_second": "240K writes/s"}),
        ("tweets: 100M/day -> ~1.2K/s avg, peak 3.6K/s", {"tweets_per_second": "~1.2K/s", "peak_tweets_per_second": "3.6K/s"}),
    ],
)
def test_write_qps_is_the_feeds_tweet_rate_not_its_fan_out(notes: str, expected: dict[str, str]) -> None:
    from mockinterview.coach.engine import Coach
    from mockinterview.content.catalogue import Catalogue

    check = Coach(Catalogue().get("social-media-feed")).check_figures(notes)
    assert check is not None
    assert {name: ev.quantity.written for name, ev in check.evidence.items()} == expected
