"""--no-peek: the coach's checklists, whose missed points say what a strong answer
covers, wait for the end of the interview like the comparison does."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from mockinterview.content.catalogue import Catalogue
from mockinterview.errors import Interrupted
from mockinterview.interview.flow import Interview
from mockinterview.interview.phase import LivePhase
from mockinterview.interview.session import PhaseRecord, Session, start_session
from mockinterview.ui import console, run_flow
from mockinterview.ui.room import checklist_page
from mockinterview.ui.room.phase_room import Outcome, RoomResult


class NullStore:
    def create(self, session: Session) -> None: ...
    def update_session(self, session: Session) -> None: ...
    def save_phase(self, session_id: str, phase: PhaseRecord) -> None: ...
    def save_estimates(self, session_id: str, answers: object) -> None: ...
    def delete(self, session_id: str) -> None: ...


def interview(peek: bool) -> Interview:
    scenario = Catalogue().get("url-shortener")
    session = start_session(scenario, settings={"peek": peek})
    return Interview(NullStore(), session, scenario, time_source=lambda: 0.0)


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def fake_room(iv: Interview, live: LivePhase, *, waiting: object, writer: object) -> RoomResult:
        seen.append(f"room {live.record.index}")
        iv.end_phase(live, "notes")
        return RoomResult(Outcome.DONE, "notes")

    def fake_review(sheet: checklist_page.Sheet) -> object:
        seen.append(f"checklist {sheet.title.split(' · ')[0]} -> {sheet.go_on}")
        return sheet.checklist

    monkeypatch.setattr(run_flow, "run_room", fake_room)
    monkeypatch.setattr(run_flow, "offer_estimation", lambda *a: None)
    monkeypatch.setattr(run_flow.prompter, "confirm", lambda *a, **k: False)
    monkeypatch.setattr(checklist_page, "review", fake_review)
    return seen


def out() -> Console:
    return Console(file=io.StringIO(), theme=console.THEME)


def test_with_peek_each_phase_has_its_checklist_at_its_end(events: list[str]) -> None:
    run_flow.run_phases(out(), interview(peek=True))
    assert events[:4] == ["room 0", "checklist Phase 1/6 -> continue", "room 1", "checklist Phase 2/6 -> continue"]


def test_without_peek_the_checklists_come_after_the_last_phase_and_are_kept(events: list[str]) -> None:
    iv = interview(peek=False)
    run_flow.run_phases(out(), iv)
    assert events == [f"room {i}" for i in range(6)]
    run_flow.deferred_checklists(out(), iv)
    shown = events[6:]
    assert len(shown) == sum(1 for rec in iv.session.phases if iv.has_key_points(rec))
    assert shown[0] == "checklist Phase 1/6 -> the next phase's checklist"
    assert shown[-1].endswith("-> the review")
    assert all(rec.checklist is not None for rec in iv.session.phases if iv.has_key_points(rec))


def test_ctrl_c_at_a_deferred_checklist_says_the_interview_is_saved(events: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    iv = interview(peek=False)
    run_flow.run_phases(out(), iv)

    def interrupt(sheet: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(checklist_page, "review", interrupt)
    with pytest.raises(Interrupted) as err:
        run_flow.deferred_checklists(out(), iv)
    assert "finished and saved" in err.value.message and "mockinterview score" in (err.value.hint or "")
