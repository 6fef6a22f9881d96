"""Checking a notes file written elsewhere: phases from headings, one JSON-able result."""

from __future__ import annotations

import json

import pytest
from coach_fixture import SCENARIO

from mockinterview.coach.engine import Coach
from mockinterview.coach.review import heading_key, review, split_notes

NOTES = """\
# My feed notes
general: LB in front of everything

## Requirements Clarification
- timeline under 200ms, 99.99% availability

## 2. Capacity Estimation (8 min)
tweets: 100M/day -> ~1.2K/s avg, peak 3.6K/s
storage: 100M * 1KB = 100GB/day
shard into 64 shards

## high-level-architecture
Client -> LB -> API -> Tweet Service -> [Tweet DB]
Tweet Service -> Kafka -> fanout worker
push model for normal users: fan-out on write
pull model for celebrities: fan-out on read
## Things I forgot
no cache yet
"""


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Capacity Estimation", "capacity estimation"),
        ("2. Capacity Estimation (8 min)", "capacity estimation"),
        ("Phase 3: High-Level Architecture", "high level architecture"),
        ("capacity-estimation", "capacity estimation"),
        ("high_level_design", "high level design"),
        ("  Wrap-up!  ", "wrap up"),
    ],
)
def test_heading_key(heading: str, key: str) -> None:
    assert heading_key(heading) == key


def test_headings_that_name_a_phase_split_the_file() -> None:
    sections = split_notes(NOTES, SCENARIO.phases)
    assert sections.split
    assert sections.headings == {"requirements": (4,), "capacity-estimation": (7,), "high-level-architecture": (12,)}
    assert [no for no, _ in sections.preamble] == [1, 2, 3]
    # a heading that names no phase stays a line of its section
    assert (17, "## Things I forgot") in sections.by_phase["high-level-architecture"]
    assert [no for no, _ in sections.lines_for("wrap-up")] == [1, 2, 3]  # only the preamble
    by_kind = split_notes("## Estimation\n1.2K/s", SCENARIO.phases)
    assert by_kind.headings == {"capacity-estimation": (1,)}


def test_without_phase_headings_everything_is_matched_against_every_phase() -> None:
    sections = split_notes("## Random heading\npush model", SCENARIO.phases)
    assert not sections.split
    assert [no for no, _ in sections.lines_for("requirements")] == [1, 2]
    result = review(Coach(SCENARIO), "## Random heading\npush model")
    assert all(p.lines == 2 for p in result.phases)
    assert result.phases[2].checklist.item("push-fanout").detected


def test_review_result() -> None:
    result = review(Coach(SCENARIO), NOTES)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["scenario"] == "feed-fixture" and data["split"] is True
    phases = {p["phase"]: p for p in data["phases"]}
    assert phases["capacity-estimation"]["headings"] == [7]
    hla = {p["id"]: p for p in phases["high-level-architecture"]["checklist"]["points"]}
    assert hla["push-fanout"]["detected"] and hla["pull-fanout"]["detected"]
    assert not hla["hybrid-fanout"]["detected"]
    assert hla["hybrid-fanout"]["reference"] == "Hybrid Approach"
    assert not hla["timeline-cache"]["detected"]  # "no cache yet"
    assert hla["load-balancer"]["evidence"][0]["line"] == 2  # from the preamble, with the file's line number
    req = {p["id"]: p for p in phases["requirements"]["checklist"]["points"]}
    assert req["latency-target"]["detected"] and req["availability"]["detected"]
    # the diagram is read from the whole file and is told that the cache is missing
    assert data["diagram"]["missing_components"] == ["Timeline Cache"]
    # figures come from the estimation section: "64 shards" is not a figure
    figures = data["figures"]
    assert set(figures["answers"]) == {"tweets_per_second", "peak_tweets_per_second", "daily_storage"}
    assert figures["evidence"]["daily_storage"]["line"] == 9
    assert data["evidence"]["trade_off_analysis"]["suggested"] == 1
    assert data["covered"] == result.covered and data["total"] == result.total


def test_review_gives_what_the_room_gives_for_the_same_notes() -> None:
    coach = Coach(SCENARIO)
    room_notes = {
        "requirements": "timeline under 200ms",
        "capacity-estimation": "write QPS ~1.2K/s\nstorage 100GB/day",
        "high-level-architecture": "push model\npull model\nClient -> LB -> API",
    }
    room = {pid: coach.check_phase(pid, text) for pid, text in room_notes.items()}
    titles = {p.id: p.title for p in SCENARIO.phases}
    file_text = "\n".join(f"## {titles[pid]}\n{text}" for pid, text in room_notes.items())
    result = review(Coach(SCENARIO), file_text)
    for phase in result.phases:
        if phase.phase in room:
            covered = {i.id for i in phase.checklist.items if i.detected}
            assert covered == {i.id for i in room[phase.phase].items if i.detected}, phase.phase
