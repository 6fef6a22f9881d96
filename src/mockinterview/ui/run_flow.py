"""A timed interview on the terminal, phase by phase: it shows and asks; the
interview's state and its saving are :class:`mockinterview.interview.flow.Interview`'s.
The store is written from the first second: at the start, every few seconds while
typing, at every phase end and on Ctrl-C."""

from __future__ import annotations

from functools import partial

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from mockinterview.content.scenario import Phase, Scenario
from mockinterview.errors import Interrupted, NotATerminalError
from mockinterview.interview.flow import Interview, phase_of
from mockinterview.interview.session import PhaseRecord, Session
from mockinterview.ui import prompter, scenario_view
from mockinterview.ui.notes_prompt import KEYS, Say, SayKind, ask_notes


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


def say(out: Console) -> Say:
    def _say(kind: SayKind, text: str) -> None:
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


def offer_estimation(out: Console, interview: Interview) -> None:
    """After the estimation phase: the drill, if the scenario has figures and the candidate wants it."""
    if interview.scenario.estimation is None:
        return
    if not prompter.confirm("Check your capacity numbers against the reference now?", default=True):
        return
    from mockinterview.ui.estimate_view import drill

    interview.record_estimates(drill(out, interview.scenario))


def interrupted(out: Console, interview: Interview) -> Interrupted:
    """Ctrl-C: everything is already saved; offer to keep it (default) or discard it."""
    out.print()
    session = interview.session
    choice = "save"
    try:
        choice = prompter.select(
            "Interview paused. What now?",
            [("save", "Save and quit (resume later)"), ("discard", "Discard this interview")],
            default="save",
        )
        if choice == "discard" and not prompter.confirm("Discard it for good? Its notes will be deleted.", default=False):
            choice = "save"
    except (KeyboardInterrupt, EOFError, NotATerminalError):  # a second Ctrl-C, or no answer: keep everything
        choice = "save"
    if choice == "discard":
        interview.discard()
        return Interrupted(f"interview {session.id} discarded")
    at, of = interview.position
    return Interrupted(
        f"interview {session.id} saved at phase {at} of {of}",
        hint=f"Resume it with: mockinterview resume {session.id}",
    )


def run_phases(out: Console, interview: Interview) -> None:
    """Run the phases from ``session.current_phase`` to the end, saving as it goes."""
    session = interview.session
    for rec in interview.phases_to_run():
        phase = interview.phase(rec)
        live = interview.start_phase(rec)
        phase_header(out, session, phase, rec)
        live.start()
        try:
            notes = ask_notes(
                live, time_left=partial(interview.time_left, live), autosave=interview.autosave(live), say=say(out)
            )
        except KeyboardInterrupt:
            interview.interrupt(live)
            raise interrupted(out, interview) from None
        except EOFError:  # the input went away (closed pipe, lost terminal): keep everything
            interview.interrupt(live)
            at, of = interview.position
            raise Interrupted(
                f"input closed; interview {session.id} saved at phase {at} of {of}",
                hint=f"Resume it with: mockinterview resume {session.id}",
            ) from None
        interview.end_phase(live, notes)
        if live.ended_by == "time_up":
            out.print(Text(f"Time is up for {phase.title}: your notes are kept.", style="warn"))
        over = rec.overtime_seconds
        summary = f"{phase.title}: {rec.used_seconds / 60:.1f} of {(rec.planned_seconds + rec.extra_seconds) / 60:g} min"
        out.print(Text(summary + (f" (+{over / 60:.1f} over)" if over > 0 else ""), style="bad" if over > 0 else "muted"))

        try:
            if phase.kind.value == "estimation":
                offer_estimation(out, interview)
            if interview.peek and prompter.confirm("Compare your notes with the reference?", default=False):
                compare(out, phase, notes)
        except KeyboardInterrupt:
            raise interrupted(out, interview) from None

    interview.finish()


def review(out: Console, session: Session, scenario: Scenario) -> None:
    """``--no-peek``: every phase's notes beside its reference, at the end."""
    for rec in session.phases:
        phase = phase_of(scenario, rec)
        out.print(Rule(Text(f" {phase.title} ", style="bold"), style="muted"))
        compare(out, phase, rec.notes)
