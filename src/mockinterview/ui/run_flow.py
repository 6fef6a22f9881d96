"""A timed interview, phase by phase. The store is written from the first second:
at the start, every few seconds while typing, at every phase end and on Ctrl-C."""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from mockinterview.content.scenario import Phase, Scenario
from mockinterview.errors import Interrupted
from mockinterview.interview.clock import PhaseClock, TimeSource
from mockinterview.interview.session import PhaseRecord, Session, utcnow
from mockinterview.store import Store
from mockinterview.ui import prompter, scenario_view
from mockinterview.ui.notes_prompt import KEYS, PhaseState, ask_notes


def phase_header(out: Console, session: Session, phase: Phase, rec: PhaseRecord) -> None:
    n = len(session.phases)
    out.print()
    out.print(Rule(Text(f" Phase {rec.index + 1}/{n} · {phase.title} · {rec.planned_seconds / 60:g} min ", style="bold accent"), style="accent"))
    out.print(Text("Goal: ", style="bold") + Text(phase.goal))
    for line in phase.prompts:
        out.print(Panel(Text(line), title="Interviewer", title_align="left", border_style="accent", padding=(0, 1)))
    if rec.used_seconds:
        out.print(Text(f"Resuming: {rec.used_seconds / 60:.1f} min already used in this phase.", style="warn"))
    out.print(Text(f"Type your notes; Enter adds a line.  {KEYS}", style="muted"))


def say(out: Console) -> Callable[[str, str], None]:
    def _say(kind: str, text: str) -> None:
        if kind == "probe":
            out.print(Text("Interviewer: ", style="bold yellow") + Text(f"“{text}”"))
        elif kind == "hint":
            out.print(Text("Hint: ", style="bold accent") + Text(text))
        else:
            out.print(Text(text, style="muted"))

    return _say


def compare(out: Console, phase: Phase, notes: str) -> None:
    """Your notes beside the reference (stacked when the terminal is narrow)."""
    ref = Group(*scenario_view.phase_reference(phase)) if (phase.reference or phase.covers) else Text("No reference for this phase.", style="muted")
    mine = Text(notes) if notes.strip() else Text("(no notes)", style="muted")
    if out.width >= 110:
        t = Table(show_lines=False, expand=True, box=None, padding=(0, 2))
        t.add_column("Your notes", ratio=1, style="")
        t.add_column("Reference", ratio=1)
        t.add_row(mine, ref)
        out.print(t)
    else:
        out.print(Text("Your notes", style="bold"))
        out.print(Padding(mine, (0, 0, 0, 2)))
        out.print(Text("Reference", style="bold"))
        out.print(Padding(ref, (0, 0, 0, 2)))


def offer_estimation(out: Console, store: Store, session: Session, scenario: Scenario) -> None:
    if scenario.estimation is None:
        return
    if not prompter.confirm("Check your capacity numbers against the reference now?", default=True):
        return
    from mockinterview.ui.estimate_view import drill

    answers = drill(out, scenario)
    session.estimates = answers
    store.save_estimates(session.id, answers)


def interrupted(out: Console, store: Store, session: Session) -> Interrupted:
    """Ctrl-C: everything is already saved; offer to keep it (default) or discard it."""
    out.print()
    choice = "save"
    try:
        choice = prompter.select(
            "Interview paused. What now?",
            [("save", "Save and quit (resume later)"), ("discard", "Discard this interview")],
            default="save",
        )
        if choice == "discard" and not prompter.confirm("Discard it for good? Its notes will be deleted.", default=False):
            choice = "save"
    except (KeyboardInterrupt, Exception):  # a second Ctrl-C, or no answer: keep everything
        choice = "save"
    if choice == "discard":
        store.delete(session.id)
        return Interrupted(f"interview {session.id} discarded")
    return Interrupted(
        f"interview {session.id} saved at phase {session.current_phase + 1} of {len(session.phases)}",
        hint=f"Resume it with: mockinterview resume {session.id}",
    )


def run_phases(
    out: Console,
    store: Store,
    session: Session,
    scenario: Scenario,
    *,
    speed: float = 1.0,
    strict: bool = False,
    peek: bool = True,
    time_source: TimeSource = time.monotonic,
) -> None:
    """Run the phases from ``session.current_phase`` to the end, saving as it goes."""
    for rec in session.phases[session.current_phase :]:
        phase = scenario.phase(rec.phase_id) if any(p.id == rec.phase_id for p in scenario.phases) else scenario.phases[rec.index]
        session.current_phase = rec.index
        rec.status = "active"
        rec.started_at = rec.started_at or utcnow()
        store.update_session(session)
        phase_header(out, session, phase, rec)

        clock = PhaseClock(
            rec.planned_seconds, used_seconds=rec.used_seconds, extra_seconds=rec.extra_seconds,
            speed=speed, time_source=time_source,
        )
        def total_left(clock: PhaseClock = clock, rec: PhaseRecord = rec) -> float:
            """Time allowed for the whole interview minus time used, live for this phase."""
            others = (p for p in session.phases if p.index != rec.index)
            return clock.remaining + sum(p.planned_seconds + p.extra_seconds - p.used_seconds for p in others)

        def autosave(text: str, clock: PhaseClock = clock, rec: PhaseRecord = rec) -> None:
            rec.notes, rec.used_seconds, rec.extra_seconds = text, clock.elapsed, clock.extra
            store.save_phase(session.id, rec)

        done_fraction = clock.fraction
        state = PhaseState(
            title=phase.title,
            clock=clock,
            total_left=total_left,
            probes=sorted((p.at, p.question) for p in phase.probes if p.at > done_fraction),
            hints=list(phase.covers),
            strict=strict,
            autosave=autosave,
            say=say(out),
        )
        clock.start()
        try:
            notes = ask_notes(state, default=rec.notes)
        except KeyboardInterrupt:
            clock.pause()
            autosave(state.text)
            raise interrupted(out, store, session) from None
        except EOFError:  # the input went away (closed pipe, lost terminal): keep everything
            clock.pause()
            autosave(state.text)
            raise Interrupted(
                f"input closed; interview {session.id} saved at phase {rec.index + 1} of {len(session.phases)}",
                hint=f"Resume it with: mockinterview resume {session.id}",
            ) from None
        clock.stop()
        rec.notes, rec.used_seconds, rec.extra_seconds = notes, clock.elapsed, clock.extra
        rec.status, rec.ended_at = "done", utcnow()
        session.current_phase = rec.index + 1
        store.update_session(session)
        if state.ended_by == "time_up":
            out.print(Text(f"Time is up for {phase.title}: your notes are kept.", style="warn"))
        over = rec.overtime_seconds
        summary = f"{phase.title}: {rec.used_seconds / 60:.1f} of {(rec.planned_seconds + rec.extra_seconds) / 60:g} min"
        out.print(Text(summary + (f" (+{over / 60:.1f} over)" if over > 0 else ""), style="bad" if over > 0 else "muted"))

        try:
            if phase.kind.value == "estimation":
                offer_estimation(out, store, session, scenario)
            if peek and prompter.confirm("Compare your notes with the reference?", default=False):
                compare(out, phase, notes)
        except KeyboardInterrupt:
            raise interrupted(out, store, session) from None

    session.state = "finished"
    session.ended_at = utcnow()
    session.current_phase = len(session.phases)
    store.update_session(session)


def review(out: Console, session: Session, scenario: Scenario) -> None:
    """``--no-peek``: every phase's notes beside its reference, at the end."""
    for rec in session.phases:
        phase = scenario.phases[rec.index]
        out.print(Rule(Text(f" {phase.title} ", style="bold"), style="muted"))
        compare(out, phase, rec.notes)
