"""The coach's matcher: what covers a key point, what does not, and the evidence it records."""

from __future__ import annotations

import json

import pytest
from coach_fixture import HIGH_LEVEL, SCENARIO, kp
from pydantic import ValidationError

from mockinterview.coach.checklist import Checklist
from mockinterview.coach.engine import Coach
from mockinterview.coach.matcher import PhraseIndex, PointMatcher, Vocabulary, numbered, unmatchable_phrases
from mockinterview.coach.normalize import tokens
from mockinterview.content.coaching import Architecture, Component, Curveball, FigureTarget, KeyPoint, coaching_problems
from mockinterview.content.scenario import Unit


def matches(phrase: str, line: str) -> bool:
    vocab = Vocabulary()
    index = PhraseIndex([vocab.phrase(phrase)])
    return bool(index.first_lines(vocab, [(1, line)]))


@pytest.mark.parametrize(
    ("phrase", "line"),
    [
        # case and punctuation
        ("load balancer", "Put a LOAD-BALANCER in front!"),
        ("consistent hashing", "(consistent) hashing."),
        # order does not matter, the words must share one line
        ("consistent hashing", "hashing: consistent, with virtual nodes"),
        # plurals and word forms
        ("caching layer", "two cache layers"),
        ("precompute timelines", "timelines are precomputed"),
        ("read replica", "reads go to replicas"),
        ("index", "secondary indices on user_id"),
        # hyphens and spacing, both ways
        ("fan-out on write", "fanout on write"),
        ("fan-out on write", "fan out on write"),
        ("fanout", "a fan-out service"),
        ("websocket", "web sockets for live updates"),
        ("web socket", "websockets"),
        ("microservices", "micro-services"),
        # abbreviations both ways
        ("load balancer", "LB in front"),
        ("LB", "an L7 load balancer"),
        ("content delivery network", "CDN for images"),
        ("CDN", "content delivery networks"),
        ("queries per second", "58K QPS"),
        ("database", "two DBs"),
        ("DB", "a data base"),
        ("message queue", "an MQ between them"),
        # numbers: K/M/B belong to the number
        ("1200 writes", "1.2K writes/s"),
        ("1200 writes", "1,200 writes"),
        # small typos (see docs/coach.md for the measured threshold)
        ("replication", "replicaton to two regions"),
        ("database", "databse per service"),
        ("timeline", "home timline"),
        ("partition", "partiton by user"),
        ("celebrity", "celebirty accounts"),
        ("notification", "notifcation service"),
        # negation ends at a clause boundary or after a few words
        ("cache", "no queue, but a cache"),
        ("cache", "without replication; cache everything"),
        ("cache", "not only a cache"),
        ("queue", "a queue instead of a cache"),
        ("cache", "no replication or sharding or partitioning or cache"),
        # a negated phrase matches a negated line
        ("no single point of failure", "there is no single point of failure"),
    ],
)
def test_covers(phrase: str, line: str) -> None:
    assert matches(phrase, line)


@pytest.mark.parametrize(
    ("phrase", "line"),
    [
        # negation
        ("caching layer", "no cache layer"),
        ("caching layer", "without a caching layer"),
        ("caching layer", "not using a caching layer"),
        ("cache", "don't cache anything"),
        ("cache", "we never cache timelines"),
        ("cache", "not using any kind of distributed cache"),
        ("cache", "a queue instead of a cache"),
        ("pull", "push rather than pull"),
        ("no single point of failure", "the DB is a single point of failure"),
        # every word must be on the line
        ("caching layer", "caching everything"),
        ("hybrid fan-out", "push fan-out and pull"),
        ("fan-out on write", "fan-out on read"),
        # the words must be on ONE line
        ("consistent hashing", "consistent\nhashing"),
        # near-misses that are real words, not typos
        ("shard", "a shared cache"),
        ("long polling", "long connection pooling"),
        ("cache", "catch the error"),
        ("replica", "replay the log"),
        ("partition", "a petition"),
        ("consistent", "persistent storage"),
        ("latency", "the latest tweets"),
        ("header", "leader election"),
        # typos too far off (measured misses, documented)
        ("cache", "cahce"),
        ("hybrid", "hybird"),
        # K/M/B are numbers, not abbreviations
        ("message queue", "10M queue"),
    ],
)
def test_does_not_cover(phrase: str, line: str) -> None:
    lines = line.split("\n")
    vocab = Vocabulary()
    index = PhraseIndex([vocab.phrase(phrase)])
    assert not index.first_lines(vocab, list(enumerate(lines, 1)))


def test_tokens_keep_numbers_and_apostrophes_whole() -> None:
    assert tokens("write QPS ~1.2K/s, 1,200 peak; don't") == ["write", "QPS", "1.2K", "s", ",", "1,200", "peak", ";", "don't"]


def test_fast_scan_and_detailed_scan_agree() -> None:
    coach = Coach(SCENARIO)
    vocab = coach.vocab
    for line in [
        "Fan-out on write, no cache; push model instead of pull",
        "web socket LB -> API  not only a caching layer",
        "eventually consistent, fast reads but without a message queue",
    ]:
        detailed = frozenset().union(*(ids for _, ids in vocab.contributions(line)))
        assert vocab.line_ids(line) == detailed


def test_evidence_names_the_phrase_the_line_and_the_words() -> None:
    coach = Coach(SCENARIO)
    notes = "intro\nWe precomputed the timelines (push model)\nLB in front"
    checklist = coach.check_phase("high-level-architecture", notes)
    push = checklist.item("push-fanout")
    assert push.detected
    phrases = [(m.phrase, m.line, [m.text[a:b] for a, b in m.spans]) for m in push.evidence]
    assert phrases == [
        ("push model", 2, ["push", "model"]),
        ("precompute timelines", 2, ["precomputed", "timelines"]),
    ]
    lb = checklist.item("load-balancer")
    assert [(m.line, m.text, [m.text[a:b] for a, b in m.spans]) for m in lb.evidence] == [(3, "LB in front", ["LB"])]


def test_the_first_matching_line_is_the_evidence() -> None:
    coach = Coach(SCENARIO)
    checklist = coach.check_phase("high-level-architecture", "kafka here\nand kafka again")
    assert [m.line for m in checklist.item("async-queue").evidence] == [1]


def test_all_of_needs_every_entry_on_some_line() -> None:
    coach = Coach(SCENARIO)
    half = coach.check_phase("high-level-architecture", "eventually consistent timelines")
    item = half.item("consistency")
    assert not item.detected
    assert [m.phrase for m in item.evidence] == ["eventual consistency"]  # partial evidence is kept
    full = coach.check_phase("high-level-architecture", "eventually consistent timelines\nbut fast reads")
    assert full.item("consistency").detected
    assert [(m.route, m.phrase, m.line) for m in full.item("consistency").evidence] == [
        ("all_of", "eventual consistency", 1),
        ("all_of", "fast reads", 2),
    ]


def test_curveball_points_are_included_only_when_asked_for() -> None:
    coach = Coach(SCENARIO)
    notes = "pull for celebrities"
    everything = coach.check_phase("high-level-architecture", notes)
    assert everything.item("celebrity-pull").curveball == "celebrity"
    assert everything.item("celebrity-pull").detected
    none_announced = coach.check_phase("high-level-architecture", notes, curveballs=())
    assert "celebrity-pull" not in [i.id for i in none_announced.items]
    assert none_announced.total == len(HIGH_LEVEL.key_points)


def test_push_and_pull_without_hybrid_misses_the_hybrid_point() -> None:
    coach = Coach(SCENARIO)
    notes = "push model for normal users: fan-out on write\npull model for celebrities: fan-out on read"
    checklist = coach.check_phase("high-level-architecture", notes)
    assert checklist.item("push-fanout").detected and checklist.item("pull-fanout").detected
    hybrid = checklist.item("hybrid-fanout")
    assert not hybrid.detected and hybrid.evidence == ()
    assert hybrid.reference == "Hybrid Approach"
    assert coach.key_point("hybrid-fanout").probe == "Is there something between push and pull?"


def test_confirmation_overrides_detection_and_both_are_kept() -> None:
    coach = Coach(SCENARIO)
    checklist = coach.check_phase("high-level-architecture", "push model\nno cache at all")
    assert checklist.detected == checklist.covered
    ticked = checklist.confirm("hybrid-fanout", True).confirm("push-fanout", False)
    assert ticked.item("hybrid-fanout").covered and not ticked.item("hybrid-fanout").detected
    assert not ticked.item("push-fanout").covered and ticked.item("push-fanout").detected
    assert ticked.item("push-fanout").corrected
    assert ticked.covered == checklist.covered  # one up, one down
    assert ticked.reviewed and not checklist.reviewed
    with pytest.raises(KeyError):
        checklist.confirm("no-such-point", True)


def test_checklist_json_round_trip() -> None:
    coach = Coach(SCENARIO)
    checklist = coach.check_phase("high-level-architecture", "push model\nLB -> API").confirm("hybrid-fanout", True)
    data = json.loads(json.dumps(checklist.to_dict()))
    assert data["phase"] == "high-level-architecture"
    assert data["total"] == len(checklist.items)
    hybrid = next(p for p in data["points"] if p["id"] == "hybrid-fanout")
    assert hybrid == {
        "id": "hybrid-fanout",
        "text": "Covers hybrid-fanout",
        "criteria": ["trade_off_analysis", "innovation"],
        "reference": "Hybrid Approach",
        "curveball": None,
        "detected": False,
        "confirmed": True,
        "covered": True,
        "evidence": [],
    }
    assert Checklist.from_dict(data) == checklist


def test_carry_confirmations_keeps_the_candidates_verdicts() -> None:
    coach = Coach(SCENARIO)
    old = coach.check_phase("high-level-architecture", "push model").confirm("hybrid-fanout", True)
    new = coach.check_phase("high-level-architecture", "push model\npull model").carry_confirmations(old)
    assert new.item("hybrid-fanout").confirmed is True
    assert new.item("pull-fanout").detected and new.item("pull-fanout").confirmed is None


@pytest.mark.parametrize(
    "bad",
    [
        {"phase": "x", "points": [{"id": "a", "text": "t", "detected": "yes"}]},
        {"phase": "x", "points": [{"id": "a", "text": "t", "detected": True, "confirmed": 1}]},
        {
            "phase": "x",
            "points": [{"id": "a", "text": "t", "detected": True, "evidence": [{"route": "guess", "phrase": "p", "line": 1, "text": "t"}]}],
        },
    ],
)
def test_checklist_from_bad_data_is_a_value_error(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Checklist.from_dict(bad)


def test_same_notes_same_result() -> None:
    notes = "push model, no cache\nLB -> API -> Redis\nwrite QPS ~1.2K/s"
    first = Coach(SCENARIO).check_phases(notes)
    second = Coach(SCENARIO).check_phases(notes)
    assert {k: v.to_dict() for k, v in first.items()} == {k: v.to_dict() for k, v in second.items()}


def test_numbered_lines_keep_their_numbers() -> None:
    vocab = Vocabulary()
    matcher = PointMatcher(vocab, [("p", kp("lb", "load balancer"), None)])
    checklist = matcher.check("p", [(41, "intro"), (42, "an LB")])
    assert [m.line for m in checklist.item("lb").evidence] == [42]
    assert numbered("a\nb", first_line=10) == [(10, "a"), (11, "b")]


def test_unmatchable_phrases_are_reported() -> None:
    point = kp("weird", "the", "it is", "cache")
    assert unmatchable_phrases([point]) == [
        "weird: 'the' has only stop words, so it can never match",
        "weird: 'it is' has only stop words, so it can never match",
    ]


# The models ---------------------------------------------------------------------------


def test_key_point_rejects_unknown_criteria() -> None:
    with pytest.raises(ValidationError, match="unknown criterion id\\(s\\): tradeoffs"):
        kp("x", "cache", criteria=["tradeoffs"])


def test_key_point_needs_something_to_match() -> None:
    with pytest.raises(ValidationError, match="needs terms, all_of or figure"):
        KeyPoint(id="x", text="t", criteria=["innovation"])


def test_key_point_figure_is_a_name_or_a_value_and_unit() -> None:
    with pytest.raises(ValidationError, match="either name, or value and unit"):
        FigureTarget.model_validate({"name": "write_qps", "value": 3})
    with pytest.raises(ValidationError, match="both value and unit"):
        FigureTarget.model_validate({"value": 3})
    assert kp("x", figure={"value": 1200, "unit": "per_second"}).figure == FigureTarget(value=1200, unit=Unit.per_second)


def test_key_point_phrases_need_a_word() -> None:
    with pytest.raises(ValidationError, match="has no letter or digit"):
        kp("x", "--")


def test_architecture_flows_name_known_components() -> None:
    with pytest.raises(ValidationError, match="flows name unknown component\\(s\\): Cache"):
        Architecture(components=[Component(name="API")], flows=[("API", "Cache")])
    with pytest.raises(ValidationError, match="'db' names both"):
        Architecture(components=[Component(name="User DB", aliases=["DB"]), Component(name="db")])


def test_coaching_problems_span_the_scenario() -> None:
    dup = Curveball(id="again", at=0.5, announce="x", key_points=[kp("push-fanout", "push")])
    phase = type(HIGH_LEVEL)(id="other", kind="deep_dive", title="Other", key_points=[kp("f", figure={"name": "nope"})], curveballs=[dup])
    problems = coaching_problems([HIGH_LEVEL, phase], {"tweets_per_second"})
    assert problems == [
        "key point 'f' names unknown figure 'nope'; figures: tweets_per_second",
        "key point id 'push-fanout' is used in phase 'high-level-architecture' and 'other'",
    ]
    assert coaching_problems([phase], None) == ["key point 'f' names figure 'nope', but there is no estimation"]
