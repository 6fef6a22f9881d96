"""Arrow diagrams in notes: parsing, mapping onto the reference architecture, what is missing."""

from __future__ import annotations

import json

import pytest
from coach_fixture import ARCHITECTURE, SCENARIO

from mockinterview.coach.diagram import DiagramMatcher, parse_line
from mockinterview.coach.engine import Coach
from mockinterview.coach.matcher import Vocabulary, numbered


def edges(line: str) -> list[tuple[str, str]] | None:
    parsed = parse_line(line)
    return None if parsed is None else [(a.name, b.name) for a, b in parsed]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Client -> LB -> API -> Cache", [("Client", "LB"), ("LB", "API"), ("API", "Cache")]),
        ("API -> [Tweet DB]", [("API", "Tweet DB")]),
        ("Web → API", [("Web", "API")]),
        ("Web --> API", [("Web", "API")]),
        ("Web => API ==> DB", [("Web", "API"), ("API", "DB")]),
        ("Web ⇒ API ⟶ DB", [("Web", "API"), ("API", "DB")]),
        ("API<-Worker", [("Worker", "API")]),
        ("Cache <-> DB", [("Cache", "DB"), ("DB", "Cache")]),
        ("Cache ↔ DB", [("Cache", "DB"), ("DB", "Cache")]),
        ("- Client -> LB", [("Client", "LB")]),
        ("1. Client -> LB", [("Client", "LB")]),
        ("Write path: API -> Queue -> Fan-out Service", [("API", "Queue"), ("Queue", "Fan-out Service")]),
        ("API -> Queue: publish the tweet id", [("API", "Queue")]),
        ("Cache (Redis) -> {Tweet DB}", [("Cache", "Tweet DB")]),
        ("user's app -> API", [("user's app", "API")]),
    ],
)
def test_diagram_lines(line: str, expected: list[tuple[str, str]]) -> None:
    assert edges(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "latency -> must be < 200ms",
        "reads -> 100:1 ratio",
        "1.2K/s -> 3.6K/s at peak",
        "so then -> the",
        "A -> B",  # "a" is a stop word: a name needs a content word
        "a very long sentence with many words -> API",
        "API -> Cache, DB",
        "no arrow here at all",
        "x >= 3 and y <= 4",
        "->",
        "API -> -> DB",
    ],
)
def test_arrow_lines_that_are_not_diagrams_are_not_errors(line: str) -> None:
    assert parse_line(line) is None


def coach_check(notes: str):  # type: ignore[no-untyped-def]
    check = Coach(SCENARIO).check_diagram(notes)
    assert check is not None
    return check


def test_names_map_onto_components_with_aliases_and_abbreviations() -> None:
    check = coach_check("Mobile app -> LB -> API -> Tweet Service -> [Tweet DB]")
    assert [(e.source.component, e.target.component) for e in check.edges] == [
        ("Client", "Load Balancer"),
        ("Load Balancer", "API Gateway"),
        ("API Gateway", "Tweet Service"),
        ("Tweet Service", "Tweet DB"),
    ]
    assert check.unknown == ()


def test_missing_components_and_flows_are_reported() -> None:
    notes = "Client -> LB -> API -> Tweet Service -> Tweet DB\nTweet Service -> Kafka -> fanout worker"
    check = coach_check(notes)
    assert check.has_diagram and check.lines == (1, 2)
    assert check.missing_components == ("Timeline Cache",)
    assert check.missing_flows == (("Fan-out Service", "Timeline Cache"), ("API Gateway", "Timeline Cache"))
    assert ("Message Queue", "Fan-out Service") in check.flows


def test_unknown_components_are_shown_not_errors() -> None:
    check = coach_check("API -> Search Service -> Elasticsearch\nAPI -> Redis")
    assert check.unknown == ("Search Service", "Elasticsearch")
    assert check.components == ("API Gateway", "Timeline Cache")
    assert check.flows == (("API Gateway", "Timeline Cache"),)


def test_reversed_and_extra_flows() -> None:
    check = coach_check("LB -> Client\nTweet DB -> Timeline Cache")
    assert ("Client", "Load Balancer") in check.flows
    assert check.reversed_flows == (("Client", "Load Balancer"),)
    assert check.extra_flows == (("Tweet DB", "Timeline Cache"),)


def test_the_most_specific_alias_wins() -> None:
    vocab = Vocabulary()
    matcher = DiagramMatcher(vocab, ARCHITECTURE)
    assert matcher.component("Redis timeline cache") == "Timeline Cache"
    assert matcher.component("tweet store") == "Tweet DB"
    assert matcher.component("Tweet Service") == "Tweet Service"
    assert matcher.component("fan out service") == "Fan-out Service"
    assert matcher.component("load-balancers") == "Load Balancer"
    assert matcher.component("Search") is None


def test_notes_without_a_diagram() -> None:
    check = coach_check("push model\nlatency -> must be < 200ms")
    assert not check.has_diagram
    assert check.edges == ()
    assert check.missing_components == tuple(c.name for c in ARCHITECTURE.components)
    assert json.loads(json.dumps(check.to_dict()))["has_diagram"] is False


def test_a_diagram_without_a_cache_is_told_so() -> None:
    check = coach_check("Client -> LB -> API -> Tweet Service -> Tweet DB")
    assert "Timeline Cache" in check.missing_components
    assert ["API Gateway", "Timeline Cache"] in check.to_dict()["missing_flows"]


def test_node_spans_point_at_the_written_names() -> None:
    lines = numbered("x\n  API -> [Tweet DB]")
    check = DiagramMatcher(Vocabulary(), ARCHITECTURE).check(lines)
    edge = check.edges[0]
    assert edge.line == 2
    assert [edge.text[a:b] for a, b in (edge.source.span, edge.target.span)] == ["API", "[Tweet DB]"]
