"""The key-point content gate: every bundled scenario's coaching words can actually be matched.

For every bundled scenario (a scenario without key points or an architecture passes
trivially, so the 20 new ones are covered as they land):

* every key point's every term, written alone as one line of notes, covers that point
  (this catches a term the matcher can never match: one holding a negator such as
  "no floats", one made only of stop words, one the tokenizer splits oddly); every
  ``all_of`` alternative, written with the first alternative of each other entry,
  covers it too;
* every architecture component's name and alias, written as a diagram line ``X -> Y``,
  is read as a diagram and mapped onto that very component;
* no two key points of one phase (its curveballs' included) share a term, as the
  matcher sees terms (the same words after stemming, compounds and abbreviations).

A failure names the offending terms; the fix belongs in the scenario file.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest

from mockinterview import paths
from mockinterview.coach.engine import Coach
from mockinterview.coach.matcher import Vocabulary, unmatchable_phrases
from mockinterview.content.coaching import Architecture, Component, Curveball, KeyPoint
from mockinterview.content.loader import load_scenario
from mockinterview.content.scenario import Scenario

BUNDLED = sorted(paths.bundled_dir().glob("*.yaml"))
IDS = [p.stem for p in BUNDLED]


@cache
def scenario(sid: str) -> Scenario:
    return load_scenario(paths.bundled_dir() / f"{sid}.yaml")


def phase_points(s: Scenario) -> Iterator[tuple[str, KeyPoint]]:
    """(phase id, key point) for every key point, a phase's own then its curveballs'."""
    for p in s.phases:
        for kp in p.key_points:
            yield p.id, kp
        for cb in p.curveballs:
            for kp in cb.key_points:
                yield p.id, kp


def _alternatives(entry: str) -> list[str]:
    return [a.strip() for a in entry.split("|") if a.strip()]


# ---------------------------------------------------------------------------------- the checks


def term_problems(s: Scenario) -> list[str]:
    """``phase/point: 'term'`` for each term (and all_of alternative) that alone does not cover its point.

    A phrase made only of stop words is reported first: with one, the coach cannot be built.
    """
    unmatchable = unmatchable_phrases(kp for _, kp in phase_points(s))
    if unmatchable:
        return unmatchable
    coach = Coach(s)
    problems: list[str] = []
    for phase_id, kp in phase_points(s):
        for term in kp.terms:
            if not coach.check_phase(phase_id, term).item(kp.id).detected:
                problems.append(f"{phase_id}/{kp.id}: term {term!r}")
        firsts = [_alternatives(e)[0] for e in kp.all_of]
        for i, entry in enumerate(kp.all_of):
            for alt in _alternatives(entry):
                lines = [alt if j == i else first for j, first in enumerate(firsts)]
                if not coach.check_phase(phase_id, "\n".join(lines)).item(kp.id).detected:
                    problems.append(f"{phase_id}/{kp.id}: all_of {alt!r} (in {entry!r})")
    return problems


def _partner(arch: Architecture, comp: Component) -> str:
    others = [c.name for c in arch.components if c.name != comp.name]
    return others[0] if others else comp.name


def component_problems(s: Scenario) -> list[str]:
    """``component: 'label'`` for each name or alias that, as ``label -> other``, is not read as that component."""
    arch = s.architecture
    if arch is None:
        return []
    coach = Coach(s)
    problems: list[str] = []
    for comp in arch.components:
        for label in (comp.name, *comp.aliases):
            check = coach.check_diagram(f"{label} -> {_partner(arch, comp)}")
            assert check is not None
            if not check.edges:
                problems.append(f"{comp.name}: {label!r} is not read as a diagram name")
            elif (got := check.edges[0].source.component) != comp.name:
                problems.append(f"{comp.name}: {label!r} is read as {got!r}")
    return problems


def shared_terms(s: Scenario) -> list[str]:
    """``phase: 'term' (point) and 'term' (point)`` for two points of a phase with the same term."""
    vocab = Vocabulary()
    problems: list[str] = []
    by_phase: dict[str, list[tuple[KeyPoint, str, frozenset[frozenset[int]]]]] = {}
    for phase_id, kp in phase_points(s):
        for term in kp.terms:
            by_phase.setdefault(phase_id, []).append((kp, term, frozenset(vocab.phrase(term).alternatives)))
    for phase_id, terms in by_phase.items():
        for i, (kp, term, alts) in enumerate(terms):
            for other, other_term, other_alts in terms[i + 1 :]:
                if other.id != kp.id and alts & other_alts:
                    problems.append(f"{phase_id}: {term!r} ({kp.id}) and {other_term!r} ({other.id})")
    return problems


# ---------------------------------------------------------------------------------- the gate


def test_the_bundled_folder_holds_scenarios() -> None:
    assert len(BUNDLED) >= 5


@pytest.mark.parametrize("sid", IDS)
def test_every_term_alone_covers_its_point(sid: str) -> None:
    problems = term_problems(scenario(sid))
    assert not problems, "terms that do not cover their own point on their own:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("sid", IDS)
def test_every_component_name_and_alias_is_recognised_in_a_diagram(sid: str) -> None:
    problems = component_problems(scenario(sid))
    assert not problems, "component names not recognised as `X -> Y`:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("sid", IDS)
def test_no_two_key_points_of_a_phase_share_a_term(sid: str) -> None:
    problems = shared_terms(scenario(sid))
    assert not problems, "terms shared by two key points of one phase:\n  " + "\n  ".join(problems)


# ---------------------------------------------------------------------------------- the checks catch


def _crafted(points: list[KeyPoint], curveball: list[KeyPoint] | None = None, architecture: Architecture | None = None) -> Scenario:
    """The url-shortener with ``points`` in its first phase (and a curveball with more)."""
    s = scenario("url-shortener")
    first = s.phases[0].model_copy(
        update={
            "key_points": points,
            "curveballs": [Curveball(id="surge", at=0.5, announce="Traffic just went up 10x.", key_points=curveball)]
            if curveball
            else [],
        }
    )
    return s.model_copy(update={"phases": [first, *s.phases[1:]], "architecture": architecture})


def kp(pid: str, *terms: str, all_of: tuple[str, ...] = ()) -> KeyPoint:
    return KeyPoint(id=pid, text=f"Covers {pid}", criteria=["api_design"], terms=list(terms), all_of=list(all_of))


def test_negated_and_punctuated_terms_alone_cover_their_point() -> None:
    # A negated word matches a negated word, so "no floats" in the notes covers "no floats";
    # the gate still runs every term, for the cases the matcher cannot read.
    terms = ["no floats", "without downtime", "not only a cache", "write-ahead log (WAL)", "p99 < 200ms",
             "read:write 100:1", "O(1) lookup", "HTTP 301", "62^7", "cache-aside", "Ｒｅｄｉｓ"]
    s = _crafted(
        [kp(f"t{i}", term) for i, term in enumerate(terms)] + [kp("ids", all_of=("base62 | base 62", "not sequential"))],
        curveball=[kp("surge", "autoscaling", "never drop a request")],
    )
    assert term_problems(s) == []


def test_a_term_of_stop_words_only_is_reported() -> None:
    s = _crafted([kp("money", "decimal amounts", "the of")])
    assert term_problems(s) == ["money: 'the of' has only stop words, so it can never match"]


def test_good_terms_pass() -> None:
    s = _crafted([kp("money", "decimal amounts", "fixed point"), kp("ids", all_of=("base62 | base 62", "counter"))])
    assert term_problems(s) == []


def test_a_component_label_that_is_no_diagram_name_or_maps_elsewhere_is_reported() -> None:
    arch = Architecture(
        components=[
            Component(name="Load Balancer", aliases=["LB"]),
            # stemming joins "balancing" and "balancer": the alias's words are the first component's
            Component(name="Rate Limiter", aliases=["3rd-party limiter", "limiter, throttle", "load balancing"]),
            Component(name="DB"),
        ],
        flows=[("Load Balancer", "DB")],
    )
    assert component_problems(_crafted([], architecture=arch)) == [
        "Rate Limiter: '3rd-party limiter' is not read as a diagram name",
        "Rate Limiter: 'limiter, throttle' is not read as a diagram name",
        "Rate Limiter: 'load balancing' is read as 'Load Balancer'",
    ]


def test_two_points_sharing_a_term_as_the_matcher_sees_it_are_reported() -> None:
    s = _crafted(
        [kp("push", "fan-out on write", "push model"), kp("pull", "fanout on writes", "pull model")],
        curveball=[kp("surge", "Push models")],
    )
    phase = s.phases[0].id
    assert shared_terms(s) == [
        f"{phase}: 'fan-out on write' (push) and 'fanout on writes' (pull)",
        f"{phase}: 'push model' (push) and 'Push models' (surge)",
    ]
    assert shared_terms(_crafted([kp("push", "push model"), kp("pull", "pull model")])) == []
