"""What a command works on: the scenarios to choose from, the interview to resume,
the scenario or interview to score. Each says clearly when there is none."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mockinterview.errors import MockInterviewError, SessionNotFound, UsageError

if TYPE_CHECKING:
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.content.queries import ScenarioRow
    from mockinterview.content.scenario import Scenario
    from mockinterview.interview.session import Session
    from mockinterview.store import Store


def candidates(cat: Catalogue, *, level: str | None = None, focus: str | None = None) -> list[ScenarioRow]:
    """``run`` with no id: the scenarios to pick from (``--level``, ``--focus``), in list order."""
    from mockinterview.content.queries import list_scenarios

    rows, _ = list_scenarios(cat, level=level, tag=focus)
    if not rows:
        raise UsageError("no scenario matches those filters", hint="mockinterview list shows them all")
    return rows


def pick_random(rows: list[ScenarioRow]) -> str:
    """``--random``: one of ``rows``, by a random draw."""
    return secrets.choice(rows).id


def to_resume(store: Store, session_id: str | None) -> Session:
    """The interview ``resume`` continues: the one named, else the latest unfinished one."""
    if session_id is None:
        session = store.latest(unfinished=True)
        if session is None:
            raise SessionNotFound("no unfinished interview to resume", hint="mockinterview history lists your interviews")
        return session
    session = store.get(session_id)
    if session.finished:
        raise MockInterviewError(
            f"interview {session.id} is already finished",
            hint=f"See it with: mockinterview report {session.id}"
            if session.assessment
            else f"Score it with: mockinterview score {session.id}",
        )
    return session


@dataclass(frozen=True)
class ScoreTarget:
    """What ``score`` scores: an interview, or (``session`` None) practice done elsewhere."""

    scenario: Scenario
    session: Session | None


def score_target(store: Store, cat: Catalogue, target: str | None) -> ScoreTarget:
    """``score [SCENARIO|SESSION]``: a scenario id, else an interview id or prefix;
    with no target, the latest unscored interview (which must be finished)."""
    if target is None:
        session = store.latest(unscored=True)
        if session is None:
            raise SessionNotFound(
                "no unscored interview to score",
                hint="Score practice done elsewhere with: mockinterview score SCENARIO (e.g. chat-system)",
            )
        if not session.finished:
            raise MockInterviewError(
                f"your latest unscored interview, {session.id}, is unfinished",
                hint=f"Finish it with: mockinterview resume {session.id}   (or score it as it is: "
                f"mockinterview score {session.id})",
            )
        return ScoreTarget(cat.get(session.scenario_id), session)
    if target in cat.entries:
        return ScoreTarget(cat.get(target), None)
    try:
        session = store.get(target)
    except SessionNotFound:
        from mockinterview.content.catalogue import check_id

        check_id(target)  # a path or other non-id gets the id's own message
        raise SessionNotFound(
            f"{target!r} is neither a scenario nor an interview",
            hint="mockinterview list shows scenarios; mockinterview history shows interviews",
        ) from None
    return ScoreTarget(cat.get(session.scenario_id), session)
