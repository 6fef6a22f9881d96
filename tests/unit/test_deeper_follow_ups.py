"""Deeper follow-ups in the five seed scenarios (issue 11 item 4): a candidate whose notes
already cover a key point is not asked its probe but pushed further, on the design,
deep-dive and scaling phases; the feed's deeper questions are the script's own
follow-up questions, word for word."""

from __future__ import annotations

import pytest

from mockinterview.coach.engine import Coach
from mockinterview.content.catalogue import Catalogue
from mockinterview.content.scenario import Scenario
from mockinterview.interview.schedule import Cue, Schedule

SEED_SCENARIOS = ("url-shortener", "chat-system", "global-cdn", "recommendation-system", "social-media-feed")
PUSHED_PHASES = {"high_level_design", "deep_dive", "scaling"}


def scenario(sid: str) -> Scenario:
    return Catalogue().get(sid)


@pytest.mark.parametrize("sid", SEED_SCENARIOS)
def test_two_to_four_key_points_push_further_where_the_design_is_discussed(sid: str) -> None:
    s = scenario(sid)
    deeper = [(p.kind, kp.id) for p in s.phases for kp in p.key_points if kp.deeper]
    assert 2 <= len(deeper) <= 4, deeper
    assert {kind for kind, _ in deeper} <= PUSHED_PHASES, deeper


@pytest.mark.parametrize("sid", SEED_SCENARIOS)
def test_notes_that_cover_the_point_get_the_deeper_question_not_the_probe(sid: str) -> None:
    s = scenario(sid)
    coach = Coach(s)
    for phase in s.phases:
        for kp in (k for k in phase.key_points if k.deeper):
            notes = kp.terms[0] if kp.terms else ""
            covered = {i.id for i in coach.check_phase(phase.id, notes).items if i.detected}
            assert kp.id in covered, (kp.id, notes)
            cues = Schedule.for_phase(phase).due(kp.ask_after, lambda c=covered: c)
            assert Cue("deeper", kp.deeper, kp.id) in cues, kp.id
            assert all(c.text != kp.probe for c in cues)  # the point is covered: its probe is not asked
            missing = Schedule.for_phase(phase).due(kp.ask_after, lambda: set())
            assert all(c.kind != "deeper" for c in missing)  # the point missing: no deeper question


def test_the_feeds_deeper_questions_are_the_scripts_follow_ups() -> None:
    s = scenario("social-media-feed")
    fu = s.follow_ups
    script = {f.question for f in (*fu.medium, *fu.advanced, *fu.expert) if f.answer_derived}
    asked = {kp.id: kp.deeper for p in s.phases for kp in p.key_points if kp.deeper}
    assert asked["sm-hybrid"] == "How would you migrate from push to hybrid model with zero downtime?"
    assert set(asked.values()) <= script
