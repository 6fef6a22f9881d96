"""A timed interview from its first phase to its end: the transitions, each saved at once.

For each phase from ``session.current_phase``: :meth:`Interview.start_phase` gives a
:class:`LivePhase` (the screen starts its clock when the candidate can type, polls
its ``tick`` and an :class:`Autosave`), then :meth:`Interview.end_phase`.
:meth:`Interview.interrupt` keeps everything on Ctrl-C or a lost terminal;
:meth:`Interview.finish` closes the interview after the last phase. While an
interview runs, its session changes here and nowhere else; the store is passed in.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from mockinterview.interview.autosave import Autosave, PhaseWriter, StoreThread
from mockinterview.interview.clock import TimeSource
from mockinterview.interview.phase import LivePhase, Said
from mockinterview.interview.schedule import Schedule, question_marks
from mockinterview.interview.session import EstimateAnswer, PhaseRecord, Session, start_session, utcnow

if TYPE_CHECKING:  # the pydantic models load only where a scenario is read
    from mockinterview.coach.checklist import Checklist
    from mockinterview.coach.engine import Coach
    from mockinterview.content.scenario import Phase, Scenario

WallClock = Callable[[], datetime]


class SessionWriter(PhaseWriter, Protocol):
    """The store calls an interview makes (``Store`` has them all)."""

    def create(self, session: Session) -> None: ...

    def update_session(self, session: Session) -> None: ...

    def save_estimates(self, session_id: str, answers: Sequence[EstimateAnswer]) -> None: ...

    def delete(self, session_id: str) -> None: ...


def scale_for(scenario: Scenario, minutes: float | None) -> float:
    """``--minutes M``: the factor every phase's time is multiplied by (1 without it)."""
    return minutes / scenario.minutes if minutes else 1.0


def phase_of(scenario: Scenario, rec: PhaseRecord) -> Phase:
    """The scenario's phase for a record: by its id, else by its place (the file changed since)."""
    for phase in scenario.phases:
        if phase.id == rec.phase_id:
            return phase
    return scenario.phases[rec.index]


def fraction_used(rec: PhaseRecord) -> float:
    """How far a saved phase had gone, as a fraction of its planned time (as the clock counts)."""
    return rec.used_seconds / rec.planned_seconds if rec.planned_seconds else 1.0


class Interview:
    """A timed session being run. ``speed``, ``strict`` and ``peek`` are the session's
    settings (what ``run`` was given), so a resumed interview runs as it began."""

    def __init__(
        self,
        store: SessionWriter,
        session: Session,
        scenario: Scenario,
        *,
        time_source: TimeSource = time.monotonic,
        wall_clock: WallClock = utcnow,
    ) -> None:
        self.store = store
        self.session = session
        self.scenario = scenario
        settings = session.settings
        self.speed = float(settings.get("speed", 1.0))
        self.strict = bool(settings.get("strict", False))
        self.peek = bool(settings.get("peek", True))
        self._time_source = time_source
        self._wall = wall_clock

    @classmethod
    def begin(
        cls,
        store: SessionWriter,
        scenario: Scenario,
        *,
        speed: float = 1.0,
        strict: bool = False,
        minutes: float | None = None,
        peek: bool = True,
        time_source: TimeSource = time.monotonic,
        wall_clock: WallClock = utcnow,
    ) -> Interview:
        """A new timed interview of ``scenario``, written to the store before its first second."""
        settings = {"speed": speed, "strict": strict, "minutes": minutes, "peek": peek}
        session = start_session(scenario, mode="timed", scale=scale_for(scenario, minutes), settings=settings, now=wall_clock())
        store.create(session)
        return cls(store, session, scenario, time_source=time_source, wall_clock=wall_clock)

    # Where it stands -----------------------------------------------------------------
    def phases_to_run(self) -> list[PhaseRecord]:
        return self.session.phases[self.session.current_phase :]

    def phase(self, rec: PhaseRecord) -> Phase:
        return phase_of(self.scenario, rec)

    @property
    def position(self) -> tuple[int, int]:
        """(the phase it is at, counted from 1; the number of phases)."""
        return self.session.current_phase + 1, len(self.session.phases)

    def time_left(self, live: LivePhase) -> float:
        """Time allowed for the whole interview minus the time used, live for the running phase.

        Time saved in an earlier phase is credited, an overrun is charged.
        """
        others = (p for p in self.session.phases if p.index != live.record.index)
        return live.clock.remaining + sum(p.planned_seconds + p.extra_seconds - p.used_seconds for p in others)

    # Transitions ---------------------------------------------------------------------
    def start_phase(self, rec: PhaseRecord) -> LivePhase:
        """Make ``rec`` the active phase (saved) and return it live, its clock not yet running.

        On a resume, the probes due by the time already used count as asked, and so do
        those a ^G brought forward; the hints given are not given again, and what the
        interviewer said before the break is said again (:attr:`LivePhase.said`).
        """
        self.session.current_phase = rec.index
        rec.status = "active"
        rec.started_at = rec.started_at or self._wall()
        self.store.update_session(self.session)
        phase = self.phase(rec)
        schedule = Schedule.for_phase(
            phase,
            done_fraction=fraction_used(rec),
            hints_used=sum(h.kind == "hint" for h in rec.hints),
            asked_early=[h.text for h in rec.hints if h.kind == "probe"],
            decided=[a.ref for a in rec.asked],
        )
        adaptive = any(kp.probe or kp.deeper for kp in phase.key_points)
        return LivePhase(
            rec, schedule, speed=self.speed, strict=self.strict, time_source=self._time_source,
            said=self.said_before(rec, schedule),
            coverage=(lambda notes: self.covered(rec, notes)) if adaptive else None,
        )

    # The coach -----------------------------------------------------------------------
    @cached_property
    def coach(self) -> Coach:
        """The scenario compiled for checking notes (built on first use, then kept)."""
        from mockinterview.coach.engine import Coach

        return Coach(self.scenario)

    def has_key_points(self, rec: PhaseRecord) -> bool:
        phase = self.phase(rec)
        return bool(phase.key_points) or any(cb.id in rec.announced for cb in phase.curveballs)

    def checklist(self, rec: PhaseRecord, notes: str | None = None) -> Checklist | None:
        """The phase's key points against its notes (``notes``, else the record's): its own
        and those of the curveballs announced in it, with the candidate's earlier verdicts
        kept. None for a phase without key points."""
        if not self.has_key_points(rec):
            return None
        fresh = self.coach.check_phase(rec.phase_id, rec.notes if notes is None else notes, curveballs=rec.announced)
        return fresh if rec.checklist is None else fresh.carry_confirmations(rec.checklist)

    def covered(self, rec: PhaseRecord, notes: str) -> Collection[str]:
        """The ids of the phase's key points that ``notes`` cover, as the coach detects them."""
        checklist = self.checklist(rec, notes)
        return () if checklist is None else {i.id for i in checklist.items if i.detected}

    def noted_figures(self, notes: str) -> dict[str, tuple[str, int]]:
        """The estimation figures ``notes`` state, as the drill's pre-fill: figure name ->
        (the answer as written, its line). Empty without an estimation."""
        from mockinterview.coach.figures import noted_answers

        est = self.scenario.estimation
        check = self.coach.check_figures(notes)
        if est is None or check is None:
            return {}
        return {name: (f.text, f.line) for name, f in noted_answers(check, month=est.seconds_per_month).items()}

    def save_checklist(self, rec: PhaseRecord, checklist: Checklist) -> None:
        """The phase's checklist as the candidate reviewed it (ticks and unticks), saved."""
        rec.checklist = checklist
        self.store.save_phase(self.session.id, rec)

    def said_before(self, rec: PhaseRecord, schedule: Schedule) -> list[Said]:
        """What the interviewer has said in this phase when it (re)opens: the scenario's
        opening in the first phase, the phase's prompts, then (on a resume) the probes,
        curveballs and hints given so far, in the order they came."""
        phase = self.phase(rec)
        said: list[Said] = []
        prompts = list(phase.prompts)
        if rec.index == 0:  # the opening, unless a prompt says it; then no prompt it already says
            opening = self.scenario.opening
            if not any(opening in p for p in prompts):
                said.append(Said("opening", opening))
                prompts = [p for p in prompts if p not in opening]
        said += [Said("prompt", p) for p in prompts]
        early = {h.text for h in rec.hints if h.kind == "probe"}
        at = {p.question: p.at * rec.planned_seconds for p in phase.probes}
        marks = question_marks(phase)
        timed: list[tuple[float, Said]] = [
            (at.get(q, 0.0), Said("probe", q, derived=marks.get(q, False))) for q in schedule.asked if q not in early
        ]
        timed += [
            (h.at_seconds, Said(h.kind, h.text, asked_by_hint=h.kind == "probe", derived=marks.get(h.text, False)))
            for h in rec.hints
            if h.kind == "probe"
        ]
        timed += [(h.at_seconds, Said(h.kind, h.text)) for h in rec.hints if h.kind == "hint"]
        timed += [
            (a.at_seconds, Said("curveball" if a.kind == "curveball" else "probe", a.text,
                                derived=a.kind != "deeper" and marks.get(a.text, False)))
            for a in rec.asked
            if a.text not in early  # a ^G brought it: said above, as a hint's probe
        ]  # fmt: skip
        said += [s for _, s in sorted(timed, key=lambda pair: pair[0])]
        return said

    def autosave(self, live: LivePhase, *, thread: StoreThread | None = None) -> Autosave:
        """The phase's autosave; with ``thread``, its writes run there (see :mod:`.autosave`)."""
        return Autosave(self.store, self.session.id, live, time_source=self._time_source, thread=thread)

    def interrupt(self, live: LivePhase) -> None:
        """Ctrl-C, or the input went away: stop the clock and save the phase as it is."""
        live.clock.pause()
        self.store.save_phase(self.session.id, live.snapshot(live.notes))

    def end_phase(self, live: LivePhase, notes: str) -> PhaseRecord:
        """The phase is done (^D, or 0:00 under --strict): its notes and time are final.

        When the store refuses the write, the phase is as it was (still active, its
        clock running again if it was), so the screen can say so and let the candidate
        try again: nothing is lost.
        """
        was_running = live.clock.running
        live.clock.stop()
        rec = live.snapshot(notes)
        rec.status, rec.ended_at = "done", self._wall()
        self.session.current_phase = rec.index + 1
        try:
            self.store.update_session(self.session)
        except BaseException:
            rec.status, rec.ended_at = "active", None
            self.session.current_phase = rec.index
            if was_running:
                live.clock.start()
            raise
        return rec

    def record_estimates(self, answers: Sequence[EstimateAnswer]) -> None:
        """The graded estimation drill, kept with the interview (replacing an earlier one)."""
        self.session.estimates = list(answers)
        self.store.save_estimates(self.session.id, self.session.estimates)

    def finish(self) -> None:
        s = self.session
        s.state = "finished"
        s.ended_at = self._wall()
        s.current_phase = len(s.phases)
        self.store.update_session(s)

    def discard(self) -> None:
        """Delete the interview and its notes (the candidate asked to, at Ctrl-C)."""
        self.store.delete(self.session.id)
