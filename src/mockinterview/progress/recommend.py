"""What to practise next: the ``next`` ranking and its explanation.

The rules (:func:`recommend`; the command's explanation repeats them):

1. Target level: ``--level``, else the level of your latest scored interview, moved
   up one level at a time while readiness says you are ready at it, else entry.
2. For each rubric criterion, its *average recent score* is the mean over your last
   :data:`~mockinterview.progress.rules.FOCUS_WINDOW` scored interviews at the target level (or at any level if you
   have none there yet), and *days since practised* is the days since your last
   interview on a scenario whose common mistakes or rubric notes name the criterion
   (a criterion no scenario names, such as collaboration, is practised by every
   interview; one you have never targeted counts from your first interview).
3. ``priority = (5 - average recent score) * (1 + min(days since practised, 28) / 7)``
   -- weak criteria first, and a weak criterion left alone for a while rises further
   (spaced repetition; the cap stops old gaps from swamping everything). The
   :data:`~mockinterview.progress.rules.FOCUS_SIZE` highest priorities are the focus.
4. Each catalogue scenario at the target level (or the nearest level that has any) is
   scored ``fit = sum over the focus of priority * min(relevance, 2)``, where relevance
   is how many of its common mistakes name the criterion, plus one if its rubric
   notes do; then ``fit * freshness``, with ``freshness = min(1, 0.5 + days since you
   last did it / 28)`` (1 if never done), and ``variety = 1 / (1 + extra / 2)``, where
   extra is how many more times you did it than the least-done candidate. When the
   level has a single scenario and you have done it :data:`VARIETY_REPEATS` times or
   more, the scenarios of the nearest other level (the next one up first) join in at
   :data:`STRETCH` of their score. Ties go to the scenario done least recently.

:func:`next_for_catalogue` is what the command runs: it ranks the catalogue read the
quick way, then checks its pick as ``run`` will (skipping broken files).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from mockinterview.dates import parse_iso
from mockinterview.progress.catalogue import ScenarioFacts as Scenario
from mockinterview.progress.catalogue import catalogue_scenarios
from mockinterview.progress.readiness import readiness
from mockinterview.progress.records import Candidate, Focus, Readiness, Recommendation
from mockinterview.progress.rules import DAYS_CAP, FOCUS_SIZE, FOCUS_WINDOW, FORMULA, Names, days_since, local_now
from mockinterview.vocab import LEVELS
from mockinterview.wording import ago, article, plural

if TYPE_CHECKING:
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.content.rubric import Rubric
    from mockinterview.store import Store


__all__ = ["STRETCH", "VARIETY_REPEATS", "freshness", "next_for_catalogue", "priority", "recommend", "relevance", "variety"]

#: Done this many times, the only scenario of a level makes room for the next level's.
VARIETY_REPEATS = 3
#: The share of its score a scenario of another level keeps when it joins in.
STRETCH = 0.75


def priority(average: float, days: float) -> float:
    """``(5 - average) * (1 + min(days, 28) / 7)``: the spaced-repetition weight of a criterion."""
    return max(0.0, 5.0 - average) * (1.0 + min(max(days, 0.0), DAYS_CAP) / 7.0)


def relevance(scenario: Scenario, criterion: str) -> int:
    """How many of the scenario's common mistakes name the criterion, +1 if its rubric notes do."""
    n = sum(1 for m in scenario.common_mistakes if criterion in m.criteria)
    return n + (1 if criterion in scenario.rubric.notes else 0)


def freshness(days: float | None) -> float:
    """1 for a scenario never done (or done 14+ days ago), down to 0.5 for one done today."""
    return 1.0 if days is None else min(1.0, 0.5 + max(days, 0.0) / DAYS_CAP)


def variety(times: int, least: int) -> float:
    """1 for the least-done candidate, 1/2 two more times done, 1/3 four more, ..."""
    return 1.0 / (1.0 + max(0, times - least) / 2.0)


def _neighbour(scenarios: Sequence[Scenario], level: str) -> list[Scenario]:
    """The scenarios of the nearest other level that has any, the level above first."""
    rank = {lv: i for i, lv in enumerate(LEVELS)}
    here = rank.get(level, 0)
    others = {s.level for s in scenarios if s.level != level}
    if not others:
        return []
    nearest = min(others, key=lambda lv: (abs(rank.get(lv, 0) - here), rank.get(lv, 0) < here))
    return [s for s in scenarios if s.level == nearest]


def _candidates(scenarios: Sequence[Scenario], level: str) -> tuple[list[Scenario], str]:
    """Scenarios at ``level``, else at the nearest level that has any (lower first on a tie)."""
    at = [s for s in scenarios if s.level == level]
    if at or not scenarios:
        return at, level
    rank = {lv: i for i, lv in enumerate(LEVELS)}
    target = rank.get(level, 0)
    nearest = min({s.level for s in scenarios}, key=lambda lv: (abs(rank.get(lv, 0) - target), rank.get(lv, 0)))
    return [s for s in scenarios if s.level == nearest], nearest


def recommend(
    store: Store,
    rubric: Rubric,
    scenarios: Sequence[Scenario],
    *,
    level: str | None = None,
    now: datetime | None = None,
) -> Recommendation:
    """The next scenario and what to focus on in it; see the module docstring for the rules."""
    with store.snapshot():
        return _recommend(store, rubric, scenarios, level, local_now(now))


def _recommend(
    store: Store, rubric: Rubric, scenarios: Sequence[Scenario], level: str | None, current: datetime
) -> Recommendation:
    names = Names(rubric)
    q = store.progress
    latest = q.level_window(None, 1)
    descriptor5 = {c.id: str(c.descriptors.five) for c in rubric.criteria}

    if not latest:
        return _first_recommendation(scenarios, level, descriptor5)

    # 1. the target level
    latest_level = latest[0].level
    ready_by_level = {r.level: r for r in readiness(store, rubric)}
    if level is not None:
        target, level_reason = level, f"you asked for {level}"
    elif latest_level in LEVELS:
        target, level_reason = latest_level, "the level of your latest scored interview (use --level to choose)"
        climbed: list[Readiness] = []
        while (r := ready_by_level.get(target)) is not None and r.status == "ready" and target != LEVELS[-1]:
            climbed.append(r)
            target = LEVELS[LEVELS.index(target) + 1]
        if climbed:
            first = climbed[0]
            over = "" if first.average_100 is None else f"average {first.average_100:.1f}/100 over your last {len(first.totals)}"
            level_reason = (
                f"up from {latest_level}: readiness says you are ready at {' and '.join(r.level for r in climbed)} "
                f"({over}); "
                f"use --level {latest_level} to stay"
            )
    else:
        target, level_reason = "entry", "your latest interview has no known level, so entry"

    # 2. recent averages at the target level (or overall)
    window = q.level_window(target, FOCUS_WINDOW)
    scope = f"your last {plural(len(window), f'{target} interview')}"
    if not window:
        window = q.level_window(None, FOCUS_WINDOW)
        scope = f"your last {plural(len(window), 'interview')} (none at {target} yet)"
    averages = {c: v for c, v in q.criterion_averages([r.id for r in window]).items() if c in names.name}

    # 3. when each criterion was last practised
    done = {sid: (parse_iso(last), n) for sid, (last, n) in q.last_done().items()}
    first_scored = parse_iso(q.first_scored() or latest[0].started_at)
    last_scored = parse_iso(latest[0].started_at)
    named_by_any = {c for s in scenarios for c in names.criteria if relevance(s, c) > 0}
    last_practised: dict[str, datetime] = {}
    for c in names.criteria:
        if c not in named_by_any:
            last_practised[c] = last_scored
            continue
        when = [done[s.id][0] for s in scenarios if s.id in done and relevance(s, c) > 0]
        last_practised[c] = max(when) if when else first_scored

    ranked: list[Focus] = []
    for c in names.criteria:
        if c not in averages:
            continue
        avg, n = averages[c]
        days = days_since(current, last_practised[c]) or 0.0
        ranked.append(Focus(c, names.name[c], avg, n, days, priority(avg, days), [], descriptor5.get(c, "")))
    ranked.sort(key=lambda f: (-f.priority, f.average, names.criteria.index(f.criterion)))
    focus = [f for f in ranked if f.priority > 0][:FOCUS_SIZE]

    # 4. the scenario
    pool, pool_level = _candidates(scenarios, target)
    widened: list[Scenario] = []
    if len(pool) == 1 and done.get(pool[0].id, (None, 0))[1] >= VARIETY_REPEATS:
        widened = _neighbour(scenarios, pool_level)
    stretch = {s.id for s in widened}
    least = min((done.get(s.id, (None, 0))[1] for s in pool + widened), default=0)
    cands: list[Candidate] = []
    for s in pool + widened:
        fit = sum(f.priority * min(relevance(s, f.criterion), 2) for f in focus)
        last_done, times = done.get(s.id, (None, 0))
        d = days_since(current, last_done)
        fr = freshness(d)
        va = variety(times, least) * (STRETCH if s.id in stretch else 1.0)
        covers = [f.criterion for f in focus if relevance(s, f.criterion) > 0]
        cands.append(Candidate(s.id, s.title, s.level, s.minutes, fit, fr, fit * fr * va, times, d, covers, va))
    cands.sort(key=lambda c: (-c.score, -c.freshness * c.variety, c.times_done, c.id))
    chosen = cands[0] if cands else None
    chosen_scenario = next((s for s in scenarios if chosen and s.id == chosen.id), None)
    if chosen_scenario is not None:
        focus = [f._replace(in_scenario=_mentions(chosen_scenario, f.criterion)) for f in focus]

    ready = ready_by_level.get(target)
    explanation = _explain(target, level_reason, pool_level, scope, focus, chosen, cands[1:3], ready, len(ranked) == 0)
    if widened:
        only = pool[0]
        explanation.insert(
            -1,
            f"You have done {only.id} {plural(done[only.id][1], 'time')} and it is the only {pool_level} scenario, "
            f"so the {widened[0].level} scenarios are in the running too, at {STRETCH:.0%} of their score.",
        )
    return Recommendation(True, target, level_reason, chosen, focus, cands[1:3], explanation, ready)


def next_for_catalogue(
    store: Store, rubric: Rubric, catalogue: Catalogue, *, level: str | None = None
) -> Recommendation:
    """``mockinterview next``: rank the catalogue, and make sure the pick passes the full check.

    The ranking reads scenarios the quick way (:func:`catalogue_scenarios`); the pick
    is then loaded as ``run`` will load it. A file that fails is left out and the
    ranking done again. Files that pass are remembered in the scenario index (as
    ``list`` keeps them), so the full check runs once per file change.
    """
    from mockinterview.content.index import ScenarioIndex, summarise
    from mockinterview.errors import ContentError

    index = ScenarioIndex()
    broken: list[str] = []
    while True:
        rec = recommend(store, rubric, catalogue_scenarios(catalogue, skip=broken), level=level)
        if rec.scenario is None:
            return rec
        entry = catalogue.entries[rec.scenario.id]
        if index.get(entry.path) is not None:
            return rec
        try:
            index.put(entry.path, summarise(entry.load()))
        except ContentError:
            broken.append(rec.scenario.id)
            continue
        index.save()
        return rec


def _mentions(scenario: Scenario, criterion: str) -> list[str]:
    """What the scenario says about a criterion: its rubric note, then its mistakes' titles."""
    out: list[str] = []
    note = scenario.rubric.notes.get(criterion)
    if note:
        out.append(str(note))
    out += [f"common mistake: {m.title}" for m in scenario.common_mistakes if criterion in m.criteria]
    return out


def _explain(
    target: str,
    level_reason: str,
    pool_level: str,
    scope: str,
    focus: list[Focus],
    chosen: Candidate | None,
    alternatives: list[Candidate],
    ready: Readiness | None,
    no_scores: bool,
) -> list[str]:
    lines = [f"Target level: {target}, {level_reason}."]
    if focus:
        parts = [
            f"{f.name} (average {f.average:.1f}, last practised {ago(f.days)}, priority {f.priority:.1f})"
            for f in focus
        ]
        lines.append(f"Your focus, from {scope}: " + "; ".join(parts) + ".")
    elif no_scores:
        lines.append("Your interviews have no criterion scores yet, so every criterion weighs the same.")
    else:
        lines.append(f"Every criterion scored 5 in {scope}: nothing is weak, so pick for variety.")
    if chosen is None:
        lines.append("No scenario in the catalogue to recommend; add one with --scenarios DIR.")
        return lines
    where = f"{article(chosen.level)} {chosen.level}-level scenario"
    if pool_level != target and chosen.level == pool_level:
        where += f" (the catalogue has none at {target}; {chosen.level} is the nearest level)"
    why = f"Next: {chosen.id}, {where} of {chosen.minutes} minutes"
    focus_names = {f.criterion: f.name for f in focus}
    if chosen.covers:
        why += ", because its common mistakes and notes test " + ", ".join(focus_names[c] for c in chosen.covers)
    elif focus:
        why += (
            ", because no scenario at this level names your focus criteria, and this is the one you did least recently"
        )
    if chosen.days_since_done is None:
        why += "; you have not done it yet."
    else:
        why += f"; you last did it {ago(chosen.days_since_done)} ({plural(chosen.times_done, 'time')} in all)."
    lines.append(why)
    if alternatives:
        alts = []
        for a in alternatives:
            when = "never done" if a.days_since_done is None else f"done {ago(a.days_since_done)}"
            alts.append(f"{a.id} (score {a.score:.1f}, {when})")
        line = f"Also good: {', '.join(alts)}; {chosen.id} scored {chosen.score:.1f}"
        runner = alternatives[0]
        if round(runner.score, 1) == round(chosen.score, 1):
            if chosen.freshness > runner.freshness:
                why_first = "you did it less recently"
            elif chosen.times_done < runner.times_done:
                why_first = "you have done it fewer times"
            else:
                why_first = "it comes first by name"
            line += f", a tie with {runner.id}, and goes first because {why_first}"
        lines.append(line + ".")
    if ready is not None and ready.status == "ready":
        up = LEVELS.index(target) + 1 if target in LEVELS else len(LEVELS)
        if up < len(LEVELS):
            lines.append(
                f"You are ready at {target} ({ready.reason}); to stretch, try: mockinterview next --level {LEVELS[up]}."
            )
        else:
            lines.append(f"You are ready at {target} ({ready.reason}); keep the streak going.")
    elif ready is not None:
        advice = "" if f"next --level {target}" in ready.advice else f" {ready.advice}."
        lines.append(f"Readiness at {target}: {ready.label} ({ready.reason}).{advice}")
    lines.append(
        f"How it was chosen: {FORMULA}; scenarios score priority x min(relevance, 2) over the focus, "
        "times freshness (0.5 if done today, 1 after 14 days or if never done), times variety "
        "(1 for the least-done, 1/2 if done twice more, 1/3 four times more)."
    )
    return lines


def _first_recommendation(
    scenarios: Sequence[Scenario], level: str | None, descriptor5: Mapping[str, str]
) -> Recommendation:
    target = level or "entry"
    reason = f"you asked for {level}" if level else "because you have no scored interviews yet"
    pool, _ = _candidates(scenarios, target)
    pick = next((s for s in pool if s.id == "url-shortener"), None)
    if pick is None and pool:
        # the scenario that exercises the most criteria: the broadest first taste
        pick = max(
            pool,
            key=lambda s: (
                len({c for m in s.common_mistakes for c in m.criteria} | set(s.rubric.notes)),
                -s.minutes,
                s.id,
            ),
        )
    lines = [f"Target level: {target}, {reason}."]
    chosen = None
    if pick is None:
        lines.append("No scenario in the catalogue to recommend; add one with --scenarios DIR.")
    else:
        chosen = Candidate(pick.id, pick.title, pick.level, pick.minutes, 0.0, 1.0, 0.0, 0, None, [])
        phases = ", ".join(pick.phase_titles)
        lines.append(
            f"No scored interviews yet, so there is nothing to weigh. Start with {pick.id}: "
            f"{pick.title}, {article(pick.level)} {pick.level}-level scenario of {pick.minutes} minutes "
            f"in {len(pick.phase_titles)} phases ({phases})."
        )
        if pick.evaluated:
            lines.append(
                "Its source document scores the interview itself, so `mockinterview progress` can "
                "show how your self-scores compare (calibration)."
            )
        lines.append(
            "Afterwards, score yourself (mockinterview score) and `mockinterview next` will "
            "pick scenarios for your weakest criteria."
        )
    return Recommendation(False, target, reason, chosen, [], [], lines, None)
