"""`run` and `resume`, driven through a prompt_toolkit pipe input (no real terminal)."""

from __future__ import annotations

import pytest

from mockinterview.store import Store

CTRL_D, CTRL_C, DOWN = "\x04", "\x03", "\x1b[B"
KEEP = "\r"  # Enter at the coach's checklist page after each phase: keep the coach's reading


def phase_keys(notes: list[str]) -> str:
    """Notes then ^D for each phase; 'n' to the estimation offer, Enter at the checklist, 'n' to every compare."""
    out = []
    for i, text in enumerate(notes):
        out.append(text + CTRL_D)
        if i == 1:  # url-shortener: phase 2 is the estimation phase -> decline the drill
            out.append("n")
        out.append(KEEP)
        out.append("n")  # compare with the reference? no
    return "".join(out)


def test_full_interview_without_scoring(invoke, keys) -> None:
    notes = [f"phase {i} notes [red] :smile:" for i in range(6)]
    with keys("\r", phase_keys(notes)):
        result = invoke("run", "url-shortener", "--speed", "50", "--no-score")
    assert result.exit_code == 0, result.output
    assert "Interview complete" in result.output
    with Store() as store:
        s = store.latest()
    assert s is not None and s.finished and s.assessment is None
    assert [p.notes for p in s.phases] == notes
    assert all(p.status == "done" and p.used_seconds > 0 for p in s.phases)
    assert "mockinterview score " + s.id in result.output


def test_interview_then_self_assessment_prints_the_scorecard(invoke, keys) -> None:
    notes = ["reqs", "est", "hld", "db", "deep", "wrap"]
    assessment = "4\r" * 15 + "\r\r\r" + "\r" + "\r"  # criteria, bands (accept), two checklists (none)
    with keys("\r", phase_keys(notes), assessment):
        result = invoke("run", "url-shortener", "--speed", "50")
    assert result.exit_code == 0, result.output
    assert "Scorecard" in result.output
    assert "Rubric score 40/50 (80%)" in result.output
    assert "Time" in result.output and "planned" in result.output
    with Store() as store:
        s = store.latest()
    assert s is not None and s.assessment is not None
    assert s.assessment.scores["time_management"] == 4


def test_ctrl_c_saves_and_resume_continues_with_the_notes(invoke, keys) -> None:
    with keys("\r", "first phase" + CTRL_D + KEEP + "n", "half of phase two", CTRL_C, "\r"):
        result = invoke("run", "url-shortener", "--speed", "5", "--no-score")
    assert result.exit_code == 130
    assert "saved at phase 2 of 6" in result.output
    with Store() as store:
        s = store.latest(unfinished=True)
    assert s is not None and s.current_phase == 1
    assert s.phases[0].notes == "first phase" and s.phases[1].notes == "half of phase two"
    assert f"mockinterview resume {s.id}" in result.output

    # resume: Enter starts the clock; the notes so far are in the room; add to them and finish
    rest = [" and the rest", "hld", "db", "deep", "wrap"]
    # phase 2 is the estimation phase: decline the drill ("n") and the compare ("n")
    with keys("\r", rest[0] + CTRL_D + "n" + KEEP + "n", *(r + CTRL_D + KEEP + "n" for r in rest[1:])):
        result = invoke("resume", "--no-score")
    assert result.exit_code == 0, result.output
    with Store() as store:
        s2 = store.get(s.id)
    assert s2.finished
    assert s2.phases[1].notes == "half of phase two and the rest"


def test_ctrl_c_then_discard_deletes_the_interview(invoke, keys) -> None:
    with keys("\r", "notes", CTRL_C, DOWN, "\r", "y"):
        result = invoke("run", "url-shortener", "--no-score")
    assert result.exit_code == 130
    assert "discarded" in result.output
    with Store() as store:
        assert store.count() == 0


def test_strict_ends_every_phase_at_zero_and_keeps_the_notes(invoke, keys, monkeypatch) -> None:
    # --minutes 1 at --speed 30: the whole interview is two seconds of wall time and
    # no phase is ended by a key. (The estimation drill offer is a prompt: skip it.)
    monkeypatch.setattr("mockinterview.ui.run_flow.offer_estimation", lambda *a: None)
    monkeypatch.setattr("mockinterview.ui.room.checklist_page.review", lambda sheet: sheet.checklist)
    with keys("\r", "typed before time ran out", close=False):  # every phase ends on its own clock
        result = invoke("run", "url-shortener", "--minutes", "1", "--speed", "30", "--strict", "--no-score", "--no-peek")
    assert result.exit_code == 0, result.output
    with Store() as store:
        s = store.latest()
    assert s is not None and s.finished
    assert s.phases[0].notes == "typed before time ran out"
    assert all(p.status == "done" for p in s.phases)
    assert result.output.count("Time is up") == 6


def test_run_without_a_terminal_names_the_alternatives(invoke) -> None:
    result = invoke("run", "url-shortener")
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr
    assert "--scores FILE" in result.stderr and "--answers FILE" in result.stderr


def test_resume_with_nothing_unfinished(invoke, keys) -> None:
    with keys(""):
        result = invoke("resume")
    assert result.exit_code == 1
    assert "no unfinished interview" in result.stderr


@pytest.mark.parametrize("bad", ["../x", "nope"])
def test_run_unknown_or_bad_id(invoke, keys, bad: str) -> None:
    with keys(""):
        result = invoke("run", bad)
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("used_minutes", "left_minutes"),
    [((3, 6), 36), ((8, 10), 27)],  # time saved is credited; overrun is charged
)
def test_interview_time_left_counts_earlier_phases(monkeypatch, used_minutes, left_minutes) -> None:
    import io

    from rich.console import Console

    from mockinterview.content.catalogue import Catalogue
    from mockinterview.interview.flow import Interview
    from mockinterview.interview.phase import LivePhase
    from mockinterview.interview.session import PhaseRecord, Session, start_session
    from mockinterview.ui import console, run_flow
    from mockinterview.ui.room.phase_room import Outcome, RoomResult

    scenario = Catalogue().get("url-shortener")  # 45 min: 5 + 7 + 10 + 8 + 10 + 5
    session = start_session(scenario)
    for rec, used in zip(session.phases, used_minutes, strict=False):
        rec.used_seconds, rec.status = used * 60, "done"
    session.current_phase = 2
    seen: list[float] = []

    def fake_room(interview: Interview, live: LivePhase, *, waiting: object, writer: object) -> RoomResult:
        seen.append(interview.time_left(live))
        interview.end_phase(live, "notes")
        return RoomResult(Outcome.DONE, "notes")

    class NullStore:
        def create(self, session: Session) -> None: ...
        def update_session(self, session: Session) -> None: ...
        def save_phase(self, session_id: str, phase: PhaseRecord) -> None: ...
        def save_estimates(self, session_id: str, answers: object) -> None: ...
        def delete(self, session_id: str) -> None: ...

    monkeypatch.setattr(run_flow, "run_room", fake_room)
    monkeypatch.setattr(run_flow, "offer_estimation", lambda *a: None)
    monkeypatch.setattr("mockinterview.ui.room.checklist_page.review", lambda sheet: sheet.checklist)
    out = Console(file=io.StringIO(), theme=console.THEME)
    session.settings["peek"] = False
    run_flow.run_phases(out, Interview(NullStore(), session, scenario, time_source=lambda: 0.0))
    assert seen[0] == pytest.approx(left_minutes * 60)  # when phase 3 starts: 45 minus the time used


# The estimation drill inside `run` ------------------------------------------------


def test_accepting_the_drill_in_the_estimation_phase_grades_and_keeps_the_answers(invoke, keys) -> None:
    # url-shortener asks seven figures; answer six (one far off) and skip one. The first
    # is pre-filled from the phase's notes ("1,200 writes/s"): Enter keeps it.
    drill = "\r" + "2400\r" + "10B\r" + "\r" + "230K\r" + "182.5B\r" + "1TB\r"
    rest = "".join(f"phase {i}" + CTRL_D + KEEP + "n" for i in range(3, 7))
    with keys("\r", "reqs" + CTRL_D + KEEP + "n", "1,200 writes/s" + CTRL_D + "y", drill, KEEP + "n", rest):
        result = invoke("run", "url-shortener", "--speed", "50", "--no-score")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Your estimates" in out
    assert "from your notes: line 1" in out
    assert "6 of 7 figures answered" in out
    assert "5 on target" in out and "1 off" in out and "1 skipped" in out
    assert "How the figures you missed are derived" in out
    assert "Suggested scalability_understanding score" in out
    assert "Interview complete" in out
    with Store() as store:
        s = store.latest()
    assert s is not None and s.finished
    assert [e.grade for e in s.estimates] == ["on_target"] * 3 + [None] + ["on_target"] * 2 + ["off"]
    assert s.estimates[0].answer == 1200 and s.estimates[3].answer is None
    assert s.phases[1].notes == "1,200 writes/s"


# `run` with no id: the picker -----------------------------------------------------

def _titles() -> dict[str, str]:
    from mockinterview.content.catalogue import Catalogue

    cat = Catalogue()
    return {sid: cat.get(sid).title for sid in cat.ids()}


TITLES = _titles()


def ids_at(level: str) -> list[str]:
    """The scenarios of ``level`` in the order the picker lists them."""
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.interview.lookup import candidates

    return [r.id for r in candidates(Catalogue(), level=level, focus=None)]


def shown_titles(output: str) -> list[str]:
    return [sid for sid, title in TITLES.items() if title in output]


@pytest.mark.parametrize(("move", "index"), [("", 0), (DOWN, 1)])
def test_run_without_an_id_asks_which_interview_within_the_level(invoke, keys, move: str, index: int) -> None:
    with keys(move + "\r", CTRL_C):  # pick, then stop at "Press Enter to start the clock"
        result = invoke("run", "--level", "senior")
    assert result.exit_code == 130
    assert shown_titles(result.output) == [ids_at("senior")[index]]  # the brief of the chosen scenario
    assert "Not started; nothing was saved." in result.output
    with Store() as store:
        assert store.count() == 0


def test_run_random_within_a_level_runs_that_level(invoke, keys) -> None:
    notes = [f"notes {i}" for i in range(6)]
    with keys("\r", phase_keys(notes)):
        result = invoke("run", "--random", "--level", "entry", "--speed", "50", "--no-score")
    assert result.exit_code == 0, result.output
    from mockinterview.content.catalogue import Catalogue

    entry = ids_at("entry")
    assert len(entry) >= 5 and all(len(Catalogue().get(sid).phases) == len(notes) for sid in entry)
    with Store() as store:
        s = store.latest()
    assert s is not None and s.scenario_id in entry and s.finished
    assert TITLES[s.scenario_id] in result.output
    assert [p.notes for p in s.phases] == notes


def test_run_random_picks_one_scenario_and_shows_its_brief(invoke, keys) -> None:
    with keys(CTRL_C):  # no picker question: straight to the brief
        result = invoke("run", "--random", "--level", "senior")
    assert result.exit_code == 130
    shown = shown_titles(result.output)
    assert len(shown) >= 1 and set(shown) <= set(ids_at("senior"))


def test_run_without_an_id_and_nothing_matching_says_so(invoke, keys) -> None:
    with keys(""):
        result = invoke("run", "--level", "senior", "--focus", "no-such-focus")
    assert result.exit_code == 2
    assert "no scenario matches those filters" in result.stderr
    assert "mockinterview list" in result.stderr


def test_run_with_an_unknown_level_names_the_levels(invoke, keys) -> None:
    with keys(""):
        result = invoke("run", "--level", "expert")
    assert result.exit_code == 2
    assert "unknown level 'expert'" in result.stderr and "entry, mid, senior" in result.stderr


# Ctrl-C: only the expected ways out mean "save" -----------------------------------


def test_no_answer_at_the_ctrl_c_question_keeps_the_interview(invoke, keys) -> None:
    with keys("\r", "kept notes", CTRL_C):  # the input ends before "What now?" is answered
        result = invoke("run", "url-shortener", "--no-score")
    assert result.exit_code == 130
    assert "saved at phase 1 of 6" in result.output
    with Store() as store:
        s = store.latest(unfinished=True)
    assert s is not None and s.phases[0].notes == "kept notes"


def test_a_bug_at_the_ctrl_c_question_is_reported_not_taken_for_save(invoke, keys, monkeypatch) -> None:
    def broken_select(*args: object, **kwargs: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr("mockinterview.ui.prompter.select", broken_select)
    with keys("\r", "kept notes", CTRL_C):
        result = invoke("run", "url-shortener", "--no-score")
    assert result.exit_code == 1
    assert "unexpected RuntimeError: boom" in result.stderr
    assert "saved at phase" not in result.output
    with Store() as store:  # the notes were saved before the question was asked
        s = store.latest(unfinished=True)
    assert s is not None and s.phases[0].notes == "kept notes"


# The room: resume, the picker, hints, --strict, ^T ---------------------------------


def _interrupted_in_phase_two(invoke, keys) -> str:
    with keys("\r", "first phase" + CTRL_D + KEEP + "n", "half of phase two", CTRL_C, "\r"):
        result = invoke("run", "url-shortener", "--speed", "5", "--no-score")
    assert result.exit_code == 130
    with Store() as store:
        s = store.latest(unfinished=True)
    assert s is not None
    return s.id


def test_resume_waits_for_enter_before_the_clock_starts_and_takes_no_typing(invoke, keys) -> None:
    sid = _interrupted_in_phase_two(invoke, keys)
    with Store() as store:
        before = store.get(sid).phases[1]
    with keys("typed before Enter" + CTRL_D):  # no Enter: the input ends with the clock never started
        result = invoke("resume", "--no-score")
    assert result.exit_code == 130
    assert "input closed" in result.output and f"mockinterview resume {sid}" in result.output
    with Store() as store:
        after = store.get(sid).phases[1]
    assert after.notes == "half of phase two" and after.status == "active"
    assert after.used_seconds == before.used_seconds


def test_run_without_an_id_offers_the_unfinished_interview_first(invoke, keys) -> None:
    sid = _interrupted_in_phase_two(invoke, keys)
    with keys("\r", "\r", " and the rest" + CTRL_D + "n" + KEEP + "n", *(f"p{i}" + CTRL_D + KEEP + "n" for i in range(4))):
        result = invoke("run", "--no-score")
    assert result.exit_code == 0, result.output
    # Enter at the picker takes its first choice: the unfinished interview, resumed
    assert f"Resuming Design a URL Shortener ({sid}) at phase 2 of 6." in result.output
    with Store() as store:
        s = store.get(sid)
        assert store.count() == 1  # resumed, not a new interview
    assert s.finished and s.phases[1].notes == "half of phase two and the rest"


def test_hints_are_recorded_with_their_phase_kind_and_time(invoke, keys) -> None:
    from mockinterview.content.catalogue import Catalogue

    phase = Catalogue().get("url-shortener").phases[0]
    first = min(phase.probes, key=lambda p: p.at).question
    with keys("\r", "\x07" + "notes" + CTRL_D + KEEP + "n", "\x07", CTRL_C, "\r"):
        result = invoke("run", "url-shortener", "--no-score")
    assert result.exit_code == 130
    with Store() as store:
        s = store.latest(unfinished=True)
    assert s is not None
    assert [(h.kind, h.text) for h in s.phases[0].hints] == [("probe", first)]
    assert len(s.phases[1].hints) == 1 and s.phases[1].hints[0].kind == "probe"
    assert s.hints_used == 2 and all(h.at_seconds >= 0 for p in s.phases for h in p.hints)


def test_strict_at_any_speed_stops_at_zero_and_records_no_overtime(invoke, keys, monkeypatch) -> None:
    monkeypatch.setattr("mockinterview.ui.run_flow.offer_estimation", lambda *a: None)
    monkeypatch.setattr("mockinterview.ui.room.checklist_page.review", lambda sheet: sheet.checklist)
    with keys("\r", close=False):
        result = invoke("run", "url-shortener", "--minutes", "10", "--speed", "1000", "--strict", "--no-score", "--no-peek")
    assert result.exit_code == 0, result.output
    with Store() as store:
        s = store.latest()
    assert s is not None and s.finished
    assert [p.used_seconds for p in s.phases] == [p.planned_seconds for p in s.phases]
    assert all(p.overtime_seconds == 0 for p in s.phases)


def test_ctrl_t_counts_as_planned_time_in_the_summary_lines(invoke, keys) -> None:
    notes = [f"n{i}" for i in range(6)]
    with keys("\r", "\x14" + phase_keys(notes)):  # ^T in phase 1
        result = invoke("run", "url-shortener", "--speed", "50", "--no-score")
    assert result.exit_code == 0, result.output
    assert "Clarify the requirements: " in result.output and " of 7 min" in result.output  # 5 + 2
    assert "Interview complete: " in result.output and " of 47 planned minutes." in result.output
    with Store() as store:
        s = store.latest()
    assert s is not None and s.phases[0].extra_seconds == 120 and s.allowed_minutes == 47


def test_a_refused_save_at_ctrl_c_keeps_the_room_and_a_second_ctrl_c_prints_the_notes(invoke, keys, monkeypatch) -> None:
    from mockinterview.errors import StoreError
    from mockinterview.interview.flow import Interview

    def refuse(self: Interview, live: object) -> None:
        raise StoreError("cannot save to mockinterview.db: the disk is full; nothing was written")

    monkeypatch.setattr(Interview, "interrupt", refuse)
    with keys("\r", "my only copy", CTRL_C, CTRL_C):
        result = invoke("run", "url-shortener", "--no-score")
    assert result.exit_code == 1
    assert "my only copy" in result.output and "(not saved)" in result.output  # in the scrollback
    assert "the disk is full" in result.stderr and "printed above" in result.stderr


def test_a_refused_phase_end_keeps_the_room_and_the_next_ctrl_d_tries_again(invoke, keys, monkeypatch) -> None:
    from mockinterview.errors import StoreError
    from mockinterview.interview.flow import Interview
    from mockinterview.interview.phase import LivePhase
    from mockinterview.interview.session import PhaseRecord

    real = Interview.end_phase
    calls: list[int] = []

    def flaky(self: Interview, live: LivePhase, notes: str) -> PhaseRecord:
        calls.append(1)
        if len(calls) == 1:
            raise StoreError("the database is locked by another program")
        return real(self, live, notes)

    monkeypatch.setattr(Interview, "end_phase", flaky)
    with keys("\r", "kept" + CTRL_D + CTRL_D + KEEP + "n", CTRL_C, "\r"):
        result = invoke("run", "url-shortener", "--no-score")
    assert result.exit_code == 130 and "saved at phase 2 of 6" in result.output
    with Store() as store:
        s = store.latest(unfinished=True)
    assert s is not None and s.phases[0].status == "done" and s.phases[0].notes == "kept"
    assert len(calls) == 2
